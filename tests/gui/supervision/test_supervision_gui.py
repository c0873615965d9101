"""The supervision screens against the real server on a loopback port."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.core.supervision.client import SupervisionClient
from hall_client.core.supervision.ratings import Visit
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.board import BoardPanel, UrgeDialog
from hall_client.gui.supervision.performance import PerformancePanel
from hall_client.gui.supervision.rating_screen import RatingScreen
from hall_client.gui.supervision.ratings import RatingsPanel
from hall_client.gui.supervision.workspace import SupervisionWorkspace
from hall_client.store.rating_models import ServiceRating
from tests.core.supervision.server_helpers import act, new_case, tokens
from tests.e2e.live_server import LiveServer
from tests.gui.conftest import settle, sign_in


@pytest.fixture
def client(live_server: LiveServer) -> SupervisionClient:
    return SupervisionClient(live_server.url, tokens(live_server, "jiancha"))


def _finish(live: LiveServer, case_id: str) -> None:
    act(live, "wangjing", case_id, "approve")
    act(live, "fgj_sh1", case_id, "approve", opinion="同意")
    for action, extra in (("certificate_issued", {"certificate_number": "B-1"}),
                          ("collected", {"collector": "本人"}), ("finished", {})):
        act(live, "wangjing", case_id, action, **extra)


def test_board_filters_stale_and_urge(qtbot: QtBot, jobs: JobRunner, client: SupervisionClient,
                                      live_server: LiveServer) -> None:
    fg = new_case(live_server)
    zj = new_case(live_server, "ZR-XK-001")
    live_server.set_day(2026, 3, 4)
    panel = BoardPanel(client, jobs)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.total() == 2, timeout=10000)
    assert "已更新" in panel.stale.text()
    assert panel.model.row(0).case_id == fg["id"]  # red first
    assert panel.model.data(panel.model.index(0, 0)) == "红牌（逾期）"
    box = panel.filters["department"]
    box.setCurrentIndex(box.findData("ZRJ"))
    assert [panel.model.row(i).case_id for i in range(panel.model.total())] == [zj["id"]]
    box.setCurrentIndex(0)
    handler = panel.filters["handler"]
    assert handler.findText("王静") >= 0

    client.base_url = "http://127.0.0.1:9"  # the link drops
    panel.refresh()
    qtbot.waitUntil(lambda: "离线" in panel.stale.text(), timeout=10000)
    assert panel.model.total() == 2  # the last view is kept
    client.base_url = live_server.url
    panel.refresh()
    qtbot.waitUntil(lambda: "已更新" in panel.stale.text(), timeout=10000)

    panel.table.selectRow(0)
    row = panel.selected()
    assert row is not None
    dialog = UrgeDialog(client, jobs, row, panel)
    qtbot.addWidget(dialog)
    dialog.message.setText("")
    dialog._send()
    assert "请填写" in dialog.result.text()
    dialog.message.setText("请今日办结")
    dialog._send()
    qtbot.waitUntil(lambda: "已催办" in dialog.result.text(), timeout=10000)


def test_urge_on_a_finished_case_says_why(qtbot: QtBot, jobs: JobRunner,
                                          client: SupervisionClient,
                                          live_server: LiveServer) -> None:
    case = new_case(live_server)
    panel = BoardPanel(client, jobs)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.total() == 1, timeout=10000)
    row = panel.model.row(0)
    _finish(live_server, case["id"])
    dialog = UrgeDialog(client, jobs, row, panel)
    qtbot.addWidget(dialog)
    dialog._send()
    qtbot.waitUntil(lambda: "已办结" in dialog.result.text(), timeout=10000)
    assert dialog.send.isEnabled()  # the dialog stays, with its message


def test_performance_ranking_charts_export_and_print(qtbot: QtBot, jobs: JobRunner,
                                                     client: SupervisionClient,
                                                     live_server: LiveServer,
                                                     tmp_path: Path) -> None:
    _finish(live_server, new_case(live_server)["id"])
    panel = PerformancePanel(client, jobs, date(2026, 3, 2))
    qtbot.addWidget(panel)
    panel.grouping.setCurrentIndex(panel.grouping.findData("department"))
    panel.load()
    qtbot.waitUntil(lambda: panel.model.total() == 1, timeout=10000)
    assert panel.model.data(panel.model.index(0, 2)) == "发展和改革局"
    assert panel.model.data(panel.model.index(0, 1)) == "新上榜"
    assert panel.by_group.bars == [("发展和改革局", 1.0)]
    assert len(panel.trend.labels) == 31  # March, by day
    xlsx = tmp_path / "rank.xlsx"
    panel.export(str(xlsx))
    settle(qtbot, jobs)
    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet["C2"].value == "发展和改革局"
    pdf = tmp_path / "rank.pdf"
    panel.print_a4(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and "已打印" in panel.status.text()
    # A backwards custom period: the server's message, the screen keeps the last result.
    panel.period.kind.setCurrentIndex(panel.period.kind.findData("custom"))
    panel.period.end.setDate(panel.period.start.date().addDays(-3))
    panel.load()
    qtbot.waitUntil(lambda: "早于" in panel.status.text(), timeout=10000)
    assert panel.model.total() == 1


def test_rating_screen_stores_locally_and_the_loop_runs_on_the_server(
        qtbot: QtBot, jobs: JobRunner, counter: Counter, client: SupervisionClient,
        live_server: LiveServer) -> None:
    case = new_case(live_server)
    actor = sign_in(counter, "wangjing")
    visit = Visit(case["id"], case["case_number"], "wangjing", "王静", "C01")
    screen = RatingScreen(counter, jobs, actor, visit)
    qtbot.addWidget(screen)
    screen.comment.setText("等候时间太长")
    screen.choose("不满意")
    qtbot.waitUntil(lambda: screen.saved_level == "不满意", timeout=10000)
    assert "感谢" in screen.message.text()
    screen.choose("满意")  # a second press changes nothing
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        stored = s.query(ServiceRating).all()
        from hall_client.core import outbox

        payload = dict(next(m for m in outbox.pending(s) if m.kind == "rating.create").payload)
    assert [r.level for r in stored] == ["不满意"]
    # The sync engine's part, then the supervisor drives the loop from the ratings panel.
    payload["rated_at"] = live_server.clock.now.isoformat()
    SupervisionClient(live_server.url, tokens(live_server, "wangjing")).send_rating(payload)
    panel = RatingsPanel(client, jobs, date(2026, 3, 2))
    qtbot.addWidget(panel)
    panel.load()
    qtbot.waitUntil(lambda: panel.model.total() == 1, timeout=10000)
    detail = panel.detail
    assert detail.model.total() == 4 and detail.done_button.isEnabled()
    detail.complete_step()
    assert "请写明" in detail.message.text()
    for note in ("调取录像属实", "增设取号提醒", "电话答复", "回访满意"):
        detail.note.setText(note)
        detail.complete_step()
        qtbot.waitUntil(lambda n=note: detail.rating is not None and any(
            s["note"] == n for s in detail.rating["loop"]), timeout=10000)
    assert detail.rating is not None and detail.rating["state"] == "closed"
    assert "已闭环" in detail.header.text() and not detail.done_button.isEnabled()


def test_workspace_audit_search_and_export(qtbot: QtBot, jobs: JobRunner, counter: Counter,
                                           tmp_path: Path) -> None:
    sign_in(counter, "zhouyan")
    sign_in(counter, "wangjing")
    workspace = SupervisionWorkspace(counter, jobs, None)
    qtbot.addWidget(workspace)
    audit = workspace.audit
    qtbot.waitUntil(lambda: audit.model.total() >= 2, timeout=10000)
    assert "尚未登录中心服务器" in workspace.board.stale.text()
    audit.person.setText("王静")  # a full name finds the user name's lines
    audit.refresh()
    qtbot.waitUntil(lambda: "找到" in audit.status.text() and all(
        audit.model.row(i).username == "wangjing" for i in range(audit.model.total())),
        timeout=10000)
    assert audit.model.total() >= 1
    audit.use_dates.setChecked(True)
    audit.end.setDate(audit.start.date().addDays(-1))
    audit.refresh()
    assert "早于" in audit.status.text()
    audit.use_dates.setChecked(False)
    audit.refresh()
    settle(qtbot, jobs)
    out = tmp_path / "audit.xlsx"
    audit.export(str(out))
    settle(qtbot, jobs)
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["C2"].value == "王静"
    audit.verify()
    qtbot.waitUntil(lambda: "校验通过" in audit.status.text(), timeout=10000)


def test_appeal_decision_is_confirmed_in_the_shared_helper(
        qtbot: QtBot, jobs: JobRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding an appeal cannot be undone: asked through confirm() (named action, Cancel by
    default), and nothing is sent when the supervisor backs out."""
    from hall_client.gui.supervision import ratings
    from hall_client.gui.supervision.ratings import LoopDetail

    sent: list[tuple[str, str, bool, str]] = []

    class Client:
        def decide_appeal(self, rid: str, aid: str, accept: bool, reason: str) -> dict:
            sent.append((rid, aid, accept, reason))
            raise RuntimeError("the test stops here")

    asked: list[tuple[str, str]] = []
    answers = iter([False, True])
    monkeypatch.setattr(ratings, "confirm",
                        lambda _p, _t, what, action: asked.append((what, action))
                        or next(answers))
    detail = LoopDetail(Client(), jobs)  # type: ignore[arg-type]
    qtbot.addWidget(detail)
    detail.rating = {"id": "r1", "appeals": [{"id": "a1"}]}
    detail.decision_reason.setText("录像显示窗口已按规定办理")
    detail.decide(True)
    assert asked == [(asked[0][0], "申诉成立")] and "作废" in asked[0][0]
    jobs.wait()
    assert sent == []
    detail.decide(False)
    jobs.wait()
    assert asked[1][1] == "驳回申诉"
    assert sent == [("r1", "a1", False, "录像显示窗口已按规定办理")]
