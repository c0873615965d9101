"""The sync engine in the window, against the real server: the status bar tells online,
waiting and the last sync; a clerk signed in at the counter is signed in to the server
without typing again; an approval on the server becomes a notice and a mark; a refused
message shows in red with its case; offline says so."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hall_client.core import outbox
from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from hall_client.sync.credential import CredentialFile, Registration
from tests.gui.conftest import settle, sign_in
from tests.sync.helpers import approve_on_server, enqueue_window_approve, finish, holder, said
from tests.sync.live import COUNTER_SECRET, LiveServer, enqueue_case


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path_factory.mktemp("server") / "data")
    server.start()
    yield server
    server.stop()


#: The offscreen platform says so when a real window is shown; nothing is wrong.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")


def register(counter: Counter, url: str) -> None:
    CredentialFile(counter.data_dir).save(Registration(url=url, hall="demo", counter="C01",
                                                       counter_secret=COUNTER_SECRET))


def test_online_sync_notice_of_approval_and_case_mark(qtbot: QtBot, counter: Counter,
                                                      jobs: JobRunner,
                                                      live_server: LiveServer) -> None:
    register(counter, live_server.url)
    case_id, _ = enqueue_case(counter, 1, pages=2)
    enqueue_window_approve(counter, case_id)
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"),
                        server_password=DEMO_PASSWORD)
    qtbot.addWidget(window)
    window.show()
    bar = window.sync_bar
    qtbot.waitUntil(lambda: bar.state.text() == "服务器在线", timeout=30000)
    qtbot.waitUntil(lambda: bar.waiting.text() == "无待同步", timeout=30000)
    assert bar.last.text().startswith("上次同步 ")
    assert not bar.error.isVisible() and not bar.sign_in.isVisible()
    approve_on_server(live_server, case_id)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.notice_bar.isVisible(), timeout=30000)
    assert "审批通过：请通知申请人缴费、领取证照" in window.notice_bar.text.text()
    assert "W01-T00001" in window.notice_bar.text.text()
    window.notice_bar.show_case.click()
    cases = window.server_cases
    assert cases is not None
    qtbot.waitUntil(lambda: cases.model.total() >= 1, timeout=10000)
    row = next(cases.model.row(i) for i in range(cases.model.total())
               if cases.model.row(i).id == case_id)
    assert row.mark == "approved" and row.status == "awaiting_collection"
    qtbot.waitUntil(lambda: cases.steps.total() >= 4, timeout=10000)
    opinions = [cases.steps.row(i).opinion for i in range(cases.steps.total())]
    assert "同意" in opinions
    window.notice_bar.ok.click()
    qtbot.waitUntil(lambda: not window.notice_bar.isVisible(), timeout=10000)
    window.close()
    settle(qtbot, jobs)


def test_parked_message_shows_in_red_with_its_case(qtbot: QtBot, counter: Counter,
                                                   jobs: JobRunner,
                                                   live_server: LiveServer) -> None:
    register(counter, live_server.url)
    with counter.store.transaction() as s:
        outbox.enqueue(s, "case.create", {
            "id": str(uuid.uuid4()), "item_code": "NO-SUCH-ITEM", "case_number": "W01-BAD-7",
            "applicant": {"name": "张三"}, "materials": [], "fees": []})
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"),
                        server_password=DEMO_PASSWORD)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync_bar.error.isVisible(), timeout=30000)
    assert window.sync_bar.error.text() == "⚠ 被拒收：W01-BAD-7"
    assert "共 1 条" in window.sync_bar.error.toolTip()
    window.close()
    settle(qtbot, jobs)


def test_offline_with_messages_waiting(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    register(counter, "http://127.0.0.1:9")
    enqueue_case(counter, 2, pages=3)
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))  # signed in offline
    qtbot.addWidget(window)
    window.show()
    bar = window.sync_bar
    qtbot.waitUntil(lambda: "离线" in bar.state.text(), timeout=30000)
    qtbot.waitUntil(lambda: bar.waiting.text().startswith("待同步 4 条"), timeout=30000)
    assert "KB" in bar.waiting.text()
    assert bar.last.text() == "尚未同步"
    window.close()
    settle(qtbot, jobs)


def test_intake_case_list_marks_the_approval_and_shows_server_steps(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, live_server: LiveServer,
        tmp_path: Path) -> None:
    from hall_client.gui.intake.case_list import CaseList
    from hall_client.sync.engine import SyncEngine
    from tests.e2e.offline_intake import accept_cases

    register(counter, live_server.url)
    accepted = accept_cases(tmp_path / "work", counter.data_dir, 1, 1)[0]
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", DEMO_PASSWORD)
    assert engine.run_once(wait_up_to=5).push.delivered == 3  # case, page, window pass
    approve_on_server(live_server, accepted["id"])
    assert engine.run_once().pull.notices == 1
    engine.close()
    cases = CaseList(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(cases)
    qtbot.waitUntil(lambda: cases.model.marks.get(accepted["id"]) == "approved", timeout=10000)
    qtbot.waitUntil(lambda: len(cases.model.shown) >= 1, timeout=10000)
    row = next(i for i in range(len(cases.model.shown))
               if cases.model.row_at(i).id == accepted["id"])
    assert cases.model.data(cases.model.index(row, 1)) == "已受理 ★ 已批准"
    cases.show_case(accepted["case_number"])
    qtbot.waitUntil(lambda: "中心服务器：待缴费领证" in cases.detail.toPlainText(), timeout=10000)
    text = cases.detail.toPlainText()
    assert "科室审核" in text and "同意" in text
    settle(qtbot, jobs)


def test_online_presubmissions_at_the_window(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                             live_server: LiveServer) -> None:
    from hall_client.core import presubmissions
    from hall_client.gui.sync.presubmissions import PresubmissionsDialog
    from hall_client.sync.engine import SyncEngine
    from tests.sync.test_presubmissions import submit_online

    register(counter, live_server.url)
    first = submit_online(live_server, "网上申报甲")
    second = submit_online(live_server, "网上申报乙")
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", DEMO_PASSWORD)
    assert engine.run_once().pull.presubmissions >= 2
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(window)
    # One sync engine on the data directory: the window's own (it starts in the background,
    # signed in with the tokens stored above) could send the correction before this test's
    # engine does, and the test's count of what it delivered would be 0.
    window.sync.close()
    dialog = PresubmissionsDialog(counter, jobs, window.actor, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.total() >= 2, timeout=10000)
    ids = [dialog.model.row(i).id for i in range(dialog.model.total())]
    dialog.table.selectRow(ids.index(second))
    qtbot.waitUntil(lambda: "建筑工程施工许可证申请表" in dialog.checklist.toPlainText(),
                    timeout=10000)
    assert "（必需）" in dialog.checklist.toPlainText()
    dialog.correction.click()
    assert dialog.message.text() == "请填写原因"  # refused in the dialog, nothing saved
    dialog.reason.setText("缺少规划许可证")
    dialog.correction.click()
    qtbot.waitUntil(lambda: dialog.model.total() == len(ids) - 1, timeout=10000)
    with counter.store.transaction() as s:
        assert presubmissions.get(s, second).status == "correction"
    # Taken into the intake form: item, applicant and project filled in.
    dialog.table.selectRow([dialog.model.row(i).id for i in range(dialog.model.total())]
                           .index(first))
    taken: list[str] = []
    dialog.take_into_intake.connect(lambda pid, draft: (taken.append(pid),
                                                        window._take_presubmission(pid, draft)))
    dialog.take.click()
    qtbot.waitUntil(lambda: taken == [first], timeout=10000)
    assert window.intake.project.text() == "网上申报甲"
    assert window.intake.name.text() == "某某建设有限公司"
    assert window.presubmission_id == first
    assert engine.run_once().push.delivered == 1  # the correction reached the server
    engine.close()
    window.close()
    settle(qtbot, jobs)


def test_the_password_typed_at_sign_in_waits_for_the_demo_server(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, live_server: LiveServer) -> None:
    # the demo's first start: the clerk signs in before the local server is up and the counter
    # registered; the password typed then was dropped, and once the server came up the window
    # asked for it again
    from hall_client.gui.sync.dialogs import ServerPasswordDialog

    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"),
                        server_password=DEMO_PASSWORD)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.sync.registered is False, timeout=10000)
    register(counter, live_server.url)
    window.check_server()  # what the demo start does once its server is up
    qtbot.waitUntil(lambda: window.sync_bar.last.text().startswith("上次同步"), timeout=30000)
    assert not window.findChildren(ServerPasswordDialog)
    assert window.sync_bar.sign_in.isHidden()
    window.close()
    settle(qtbot, jobs)


def test_signed_in_offline_the_counter_asks_for_the_password_when_the_server_answers(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, live_server: LiveServer) -> None:
    from hall_client.gui.sync.dialogs import ServerPasswordDialog

    register(counter, live_server.url)
    enqueue_case(counter, 3, pages=1)
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))  # no server sign-in kept
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.findChildren(ServerPasswordDialog)), timeout=30000)
    dialog = window.findChildren(ServerPasswordDialog)[0]
    qtbot.waitUntil(lambda: not window.sync_bar.sign_in.isHidden(), timeout=10000)
    dialog.submit()
    assert dialog.error.text() == "请输入密码"  # kept open, nothing sent
    dialog.password.setText(DEMO_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: window.sync_bar.waiting.text() == "无待同步", timeout=30000)
    assert window.sync_bar.sign_in.isHidden()
    window.close()
    settle(qtbot, jobs)


def test_another_program_syncing_is_said_not_offline(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, live_server: LiveServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`hall-client sync run` (or a second copy of the program) is mid-pass on this data
    directory: the window's pass waits a while, then says so; the server is not offline."""
    from hall_client.sync import engine

    register(counter, live_server.url)
    enqueue_case(counter, 4, pages=1)
    monkeypatch.setattr(engine, "LOCK_WAIT", 0.3)
    other = holder(counter.data_dir)
    try:
        assert said(other) == "held"
        window = MainWindow(counter, jobs, sign_in(counter, "wangjing"),
                            server_password=DEMO_PASSWORD)
        qtbot.addWidget(window)
        window.show()
        bar = window.sync_bar
        qtbot.waitUntil(lambda: bar.last.text() == "另一程序正在同步", timeout=30000)
        assert "正在同步这份数据" in bar.last.toolTip() and "尚未同步" in bar.last.toolTip()
        assert "离线" not in bar.state.text() and bar.error.isHidden()
        assert bar.waiting.text().startswith("待同步 2 条") and bar.now.isEnabled()
    finally:
        finish(other)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: bar.waiting.text() == "无待同步", timeout=30000)
    assert bar.state.text() == "服务器在线" and bar.last.text().startswith("上次同步 ")
    assert bar.last.toolTip() == ""
    window.close()
    settle(qtbot, jobs)
