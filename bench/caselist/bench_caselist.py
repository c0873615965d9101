"""Filter and sort 100,000 cases in the case list's table model (target ≤ 100 ms per keystroke).

The model the GUI uses (``gui/intake/case_list.CaseListModel``) holds core's light CaseRow
list; every keystroke narrows and re-sorts an index array. Measured here: loading the rows into
the model, each keystroke of a case number, an applicant name and an ID number, a status filter,
and a sort by every column both ways. Also the time to read 100,000 rows from SQLite with
``case_rows`` (done once, on the DB executor). Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/caselist/bench_caselist.py [N]``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hall_client.core.cases.queries import CaseRow
from hall_client.gui.intake.case_list import CaseListModel, build_index

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕"
ITEMS = [("ZJ-XK-001", "建筑工程施工许可证核发"), ("ZR-QR-001", "不动产登记"),
         ("SC-XK-002", "食品经营许可"), ("RS-QR-003", "就业登记"), ("GA-GG-004", "户籍证明")]


def synthetic_rows(n: int, seed: int = 8) -> list[CaseRow]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        code, name = rng.choice(ITEMS)
        status = rng.choices(("accepted", "correction", "refused"), (85, 12, 3))[0]
        created = start + timedelta(minutes=5 * i)
        promised = (created.date() + timedelta(days=rng.randint(3, 20))
                    if status == "accepted" else None)
        warning = ""
        if promised is not None:
            warning = rng.choices(("green", "yellow", "red"), (80, 10, 10))[0]
        applicant = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        rows.append(CaseRow(f"id-{i}", f"HALL-330100-2026-W01-{i + 1:05d}", status, code, name,
                            applicant, f"3301061990{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 9999):04d}",
                            created, promised, "wangjing", warning))
    return rows


def timed(fn: object, *args: object, **kw: object) -> float:
    t = time.perf_counter()
    fn(*args, **kw)  # type: ignore[operator]
    return (time.perf_counter() - t) * 1000


def type_into(model: CaseListModel, text: str) -> list[float]:
    times = [timed(model.set_filter, text[:k]) for k in range(1, len(text) + 1)]
    times += [timed(model.set_filter, text[:k]) for k in range(len(text) - 1, -1, -1)]  # backspace
    return times


def from_database(n: int) -> float:
    """Read n cases with the query the list uses (rows inserted directly, not through intake)."""
    from sqlalchemy import insert

    from hall_client.core.cases.calendar import load_calendar
    from hall_client.core.cases.queries import case_rows
    from hall_client.core.counter import open_counter
    from hall_client.store.case_models import IntakeCase

    with tempfile.TemporaryDirectory() as tmp:
        counter = open_counter(Path(tmp))
        rows = synthetic_rows(n)
        with counter.store.transaction() as s:
            s.execute(insert(IntakeCase), [dict(
                id=r.id, number=r.number, year=2026, seq=i + 1, hall="HALL-330100",
                counter="W01", item_code=r.item_code, item_version=1, item_name=r.item_name,
                department="ZJJ", project_name="", status=r.status, reason="",
                applicant_name=r.applicant_name, applicant_id=r.applicant_id, query_code=None,
                legal_limit_days=15, promised_limit_days=7, accepted_at=r.created_at,
                legal_date=None, promised_date=r.promised_date, deadline_error="",
                created_at=r.created_at, created_by="wangjing", updated_at=r.created_at,
                clerk="wangjing") for i, r in enumerate(rows)])
        t = time.perf_counter()
        with counter.store.transaction() as s:
            got = case_rows(s, load_calendar(s), date(2026, 11, 30))
        ms = (time.perf_counter() - t) * 1000
        assert len(got) == n
        counter.close()
    return ms


def main(n: int = 100_000) -> int:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    rows = synthetic_rows(n)
    model = CaseListModel()
    t = time.perf_counter()
    index = build_index(rows, date(2026, 11, 30))
    build_ms = (time.perf_counter() - t) * 1000
    load_ms = timed(model.set_index, index)
    print(f"{n} cases; build_index (DB executor, once per refresh): {build_ms:.0f} ms; "
          f"set_index (GUI thread): {load_ms:.0f} ms")
    worst = 0.0
    for label, text in (("case number", "HALL-330100-2026-W01-0421"), ("applicant name", "王伟"),
                        ("ID number", "33010619900312"), ("item", "食品经营")):
        times = type_into(model, text)
        worst = max(worst, max(times))
        print(f"type {label:<14} {len(times):>3} keystrokes: median {statistics.median(times):5.1f} ms,"
              f" max {max(times):5.1f} ms")
    for status in ("accepted", "correction", ""):
        ms = timed(model.set_filter, status=status)
        worst = max(worst, ms)
        print(f"status filter {status or 'all':<11}: {ms:5.1f} ms ({len(model.shown)} rows)")
    ms = timed(model.set_filter, warning_only=True)
    print(f"yellow/red only:           {ms:5.1f} ms ({len(model.shown)} rows)")
    model.set_filter(warning_only=False)
    sort_times = []
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sort_times.append(timed(model.sort, column, order))
    worst = max(worst, max(sort_times))
    print(f"sort all rows by each of {model.columnCount()} columns both ways: median "
          f"{statistics.median(sort_times):5.1f} ms, max {max(sort_times):5.1f} ms")
    model.set_filter("1", status="accepted")  # a filtered list: rows picked from the order
    sort_times = []
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sort_times.append(timed(model.sort, column, order))
    worst = max(worst, max(sort_times))
    print(f"sort {len(model.shown)} filtered rows, each column both ways: median "
          f"{statistics.median(sort_times):5.1f} ms, max {max(sort_times):5.1f} ms")
    print(f"worst per action: {worst:.1f} ms (target 100 ms); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs while measuring")
    print(f"reading {n} rows from SQLite (case_rows, once per refresh): {from_database(n):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
