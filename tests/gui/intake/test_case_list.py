"""The case list's model: search by number, applicant, ID and item; filters; sort by any
column both ways; yellow and red rows; and the real list over the counter's cases."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hall_client.core.cases.intake import record_intake
from hall_client.core.cases.queries import CaseRow
from hall_client.core.counter import Counter
from hall_client.gui.intake.case_list import WARNING_COLOURS, CaseList, CaseListModel
from hall_client.gui.jobs import JobRunner
from tests.core.cases.helpers import CLERK, HALL, full_intake, missing_intake
from tests.gui.conftest import settle, sign_in

TODAY = date(2026, 3, 2)


def row(n: int, status: str, name: str, due: date | None, warning: str,
        day: int = 1) -> CaseRow:
    return CaseRow(f"id{n}", f"HALL-330100-2026-W01-{n:05d}", status, "ZJ-XK-001",
                   "建筑工程施工许可证核发", name, f"11010519491231{n:04d}",
                   datetime(2026, 3, day, 2, n, tzinfo=UTC), due, "wangjing", warning)


ROWS = [row(1, "accepted", "张三", date(2026, 3, 10), "green"),
        row(2, "accepted", "李四", date(2026, 3, 3), "yellow"),
        row(3, "accepted", "王五", date(2026, 2, 27), "red", day=2),
        row(4, "correction", "张伟", None, ""),
        row(5, "refused", "赵六", None, "", day=2)]


def numbers(model: CaseListModel) -> list[int]:
    return [int(model.row_at(i).number[-5:]) for i in range(model.rowCount())]


def test_filter_sort_and_colour(qtbot: QtBot) -> None:
    model = CaseListModel()
    model.set_rows(ROWS, TODAY)
    assert numbers(model) == [5, 3, 4, 2, 1]  # newest first
    model.set_filter("张")
    assert sorted(numbers(model)) == [1, 4]
    model.set_filter("张伟")  # typing on narrows what is shown
    assert numbers(model) == [4]
    model.set_filter("")
    model.set_filter("00003")
    assert numbers(model) == [3]
    model.set_filter("1231000")  # ID number
    assert len(numbers(model)) == 5
    model.set_filter("", status="accepted")
    assert sorted(numbers(model)) == [1, 2, 3]
    model.set_filter(warning_only=True)
    assert sorted(numbers(model)) == [2, 3]
    model.set_filter(status="", warning_only=False, today_only=True)
    assert sorted(numbers(model)) == [3, 5]
    model.set_filter(today_only=False, due_by=date(2026, 3, 3))  # promised by 3 March
    assert sorted(numbers(model)) == [2, 3]
    model.set_filter(due_by=None)
    assert len(numbers(model)) == 5
    model.sort(6, Qt.SortOrder.AscendingOrder)  # promised date, undated last
    assert numbers(model)[:3] == [3, 2, 1]
    model.sort(7, Qt.SortOrder.AscendingOrder)  # warning: red first
    assert numbers(model)[:2] == [3, 2]
    red, yellow = model.index(0, 0), model.index(1, 0)
    assert model.data(red, Qt.ItemDataRole.BackgroundRole).color() == WARNING_COLOURS["red"]
    assert model.data(yellow, Qt.ItemDataRole.BackgroundRole).color() == WARNING_COLOURS["yellow"]
    assert model.data(model.index(0, 7)) == "超期"
    assert model.data(model.index(4, 0), Qt.ItemDataRole.BackgroundRole) is None
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(i).applicant_name for i in range(5)] == sorted(
        [r.applicant_name for r in ROWS], reverse=True)


def test_case_list_over_real_cases(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    with counter.store.transaction() as s:
        accepted = record_intake(s, CLERK, HALL, counter.data_dir, full_intake(),
                                 now=datetime(2026, 2, 12, 1, tzinfo=UTC))
        record_intake(s, CLERK, HALL, counter.data_dir, missing_intake(),
                      now=datetime(2026, 2, 13, 1, tzinfo=UTC))
    widget = CaseList(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: len(widget.model.case_index.rows) == 2, timeout=10000)
    first = widget.model.row_at(widget.model.shown.index(
        next(i for i, r in enumerate(widget.model.case_index.rows) if r.number == accepted.case_number)))
    assert first.warning == "red"  # promised 28 Feb 2026, long past
    widget.show_case(accepted.case_number)
    settle(qtbot, jobs)
    html = widget.detail.toPlainText()
    for text in (accepted.case_number, "某某建设有限公司", "受理通知书", "720000.00", "受理"):
        assert text in html
    assert widget.reprint_button.isEnabled() and not widget.reopen_button.isEnabled()
