"""The completion screens' later additions, driven through the widgets: revoking a licence
after the applicant collected it (已发证照, F10), the queue limited to this counter with F4 for
the whole hall, ID and phone numbers masked in the list and whole in the selected case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.core.results import collection as C
from hall_client.core.results import licences as L
from hall_client.core.results.seal import hall_seal
from hall_client.gui.completion.revoke import IssuedLicencesDialog
from hall_client.gui.completion.workspace import CompletionWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.store.models import OutboxMessage
from hall_client.store.results_models import Licence
from tests.core.results.helpers import CLERK, INPUTS, NOW, PERSON_ID, SUPERVISOR, store_case
from tests.gui.completion.test_completion_workspace import Printers, press, workspace
from tests.gui.conftest import settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PNG = b"\x89PNG\r\n\x1a\n signature"


def _collected(counter: Counter) -> tuple[dict[str, object], str]:
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
        lic = L.prepare_licence(s, CLERK, str(case["id"]), INPUTS, hall_code="H1",
                                seal=hall_seal(counter.data_dir), now=NOW)
        L.licence_printed(s, CLERK, lic.id)
        C.collect(s, CLERK, str(case["id"]), C.Collector("applicant", "张三", "id",
                                                          id_number=PERSON_ID),
                  PNG, data_dir=counter.data_dir, now=NOW)
        return case, lic.number


def _screen(qtbot: QtBot, w: CompletionWorkspace, jobs: JobRunner) -> IssuedLicencesDialog:
    press(qtbot, w, Qt.Key.Key_F10)
    settle(qtbot, jobs)
    screen = w.issued
    assert screen.isVisible() and screen.model.rowCount() == 1
    return screen


def test_a_clerk_is_told_a_collected_licence_needs_a_supervisor(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    _case, number = _collected(counter)
    w = workspace(qtbot, counter, jobs, Printers(tmp_path))
    assert w.model.rowCount() == 0  # collected: no longer waiting
    screen = _screen(qtbot, w, jobs)
    assert number in screen.model.data(screen.model.index(0, 0))
    assert screen.model.data(screen.model.index(0, 5)) == "已领取"
    qtbot.keyClick(screen.view, Qt.Key.Key_F9)
    assert screen.messages.kind == "error" and "值班主任" in screen.messages.text()
    assert not hasattr(screen, "revocation")  # nothing asked of a clerk who cannot do it


def test_a_supervisor_revokes_a_collected_licence_with_a_second_one(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    asked: list[str] = []

    def confirm(parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("hall_client.gui.completion.dialogs.confirm", confirm)
    _case, number = _collected(counter)
    w = CompletionWorkspace(counter, jobs, SUPERVISOR, printer=Printers(tmp_path))  # 周燕
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    settle(qtbot, jobs)
    screen = _screen(qtbot, w, jobs)
    qtbot.keyClick(screen.view, Qt.Key.Key_F9)
    d = screen.revocation
    assert d.isVisible() and "已由申请人领取" in d.warning.text()
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert d.error_of("reason") and d.error_of("supervisor") and d.error_of("password")
    assert d.height() >= d.sizeHint().height()  # grown: no error line drawn over a field
    assert not asked  # local checks come before the question
    d.reason.setText("持证人名称登记错误")
    d.supervisor.setText("zhouyan")  # the person revoking cannot approve it too
    d.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)  # asked; "取消" chosen
    settle(qtbot, jobs)
    assert d.isVisible() and len(asked) == 1 and number in asked[0]
    assert d.reason.text() == "持证人名称登记错误" and d.password.text() == DEMO_PASSWORD
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert d.isVisible() and "另一位值班主任" in d.error_of("supervisor")
    assert d.reason.text() == "持证人名称登记错误"  # kept; the password is typed again
    answers.append(True)
    d.supervisor.setText("admin")  # 系统管理员, also a supervisor
    d.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert not d.isVisible()
    assert screen.messages.kind == "result" and number in screen.messages.text()
    assert screen.model.data(screen.model.index(0, 5)) == "已撤销"
    assert not screen.revoke_button.isEnabled()
    with counter.store.transaction() as s:
        licence = s.scalars(select(Licence)).one()
        sent = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "licence.revoke")).one()
    assert (licence.status, licence.revoked_by, licence.revoke_approved_by) == \
        ("revoked", "zhouyan", "admin")
    assert licence.revoke_reason == "持证人名称登记错误" and sent.payload["licence_id"] == licence.id


def test_queue_is_this_counters_by_default_and_masks_numbers(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        mine = store_case(s, paid=True, phone="13912345678")  # accepted at W01 (this counter)
        other = store_case(s, paid=True, counter="W02")
    w = workspace(qtbot, counter, jobs, Printers(tmp_path))
    assert [e.case.id for e in w.entries] == [mine["id"]]
    assert "W01" in w.scope.text()
    shown = [str(w.model.data(w.model.index(0, c))) for c in range(w.model.columnCount())]
    assert PERSON_ID not in " ".join(shown) and "13912345678" not in " ".join(shown)
    assert "1101**********002X" in shown and "139****5678" in shown
    w.select_case(mine["case_number"])
    assert PERSON_ID in w.detail.text() and "13912345678" in w.detail.text()  # the opened case
    press(qtbot, w, Qt.Key.Key_F4)
    settle(qtbot, jobs)
    assert w.whole_hall.isChecked() and {e.case.id for e in w.entries} == {mine["id"], other["id"]}
    assert "全大厅" in w.scope.text()


def test_a_revoked_collected_licence_is_reissued_under_a_new_number(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    from hall_client.core.actor import Actor
    from tests.gui.completion.test_completion_workspace import read_pdf

    _case, number = _collected(counter)
    with counter.store.transaction() as s:
        old = s.scalars(select(Licence)).one()
        admin = Actor("admin", "系统管理员", frozenset({"supervisor"}), "W00")
        L.revoke_licence(s, SUPERVISOR, admin, old.id, "持证人名称登记错误")
    printers = Printers(tmp_path)
    w = workspace(qtbot, counter, jobs, printers)
    screen = _screen(qtbot, w, jobs)
    assert screen.reissue_button.isEnabled() and not screen.revoke_button.isEnabled()
    printers.fail = 1  # the printer jams on the first try
    qtbot.keyClick(screen.view, Qt.Key.Key_F6)
    settle(qtbot, jobs)
    assert screen.messages.kind == "error" and "打印机" in screen.messages.text()
    with counter.store.transaction() as s:
        prepared = s.scalars(select(Licence).where(Licence.status == "prepared")).one()
    assert screen.model.rowCount() == 2 and screen.current().id == prepared.id
    assert screen.reissue_button.isEnabled()
    qtbot.keyClick(screen.view, Qt.Key.Key_F6)  # the same number printed again
    settle(qtbot, jobs)
    assert screen.messages.kind == "result" and prepared.number in screen.messages.text()
    with counter.store.transaction() as s:
        rows = {r.number: r for r in s.scalars(select(Licence))}
        uploads = [m.payload["licence_id"] for m in s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "licence.upload"))]
    assert set(rows) == {number, prepared.number} and prepared.number != number
    assert rows[prepared.number].status == "issued"
    assert rows[prepared.number].reissue_of == number
    assert rows[number].replaced_by == prepared.number
    assert uploads == [prepared.id]  # its PDF goes to the server as the case's result
    text, _ = read_pdf(printers.last)
    assert prepared.number in text
