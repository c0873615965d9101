"""The completion workspace driven through its widgets: licence printed (PDF through QPrinter,
text and QR read back), collection by SMS code and by an agent, and the bad paths: wrong and
locked codes, an ID that does not match, an unpaid case, a printer that fails mid-print."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hall_client.core.counter import Counter
from hall_client.core.results.seal import hall_seal
from hall_client.core.results.templates import LicenceTemplate
from hall_client.gui.completion.licence_print import PrintFailed, SendToPrinter, pdf_sender
from hall_client.gui.completion.workspace import CompletionWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.printing.raster import read_qr
from hall_client.store.models import OutboxMessage
from hall_client.store.results_models import Collection, Licence
from tests.core.results.helpers import CLERK, INPUTS, OTHER_ID, PERSON_ID, store_case
from tests.gui.conftest import settle

JPEG = b"\xff\xd8\xff letter page"
#: The offscreen platform's notice when a dialog opens (as in the cashier workspace tests).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def read_pdf(path: Path) -> tuple[str, str]:
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    image = np.array(page.render(scale=3).to_pil().convert("L"))
    pdf.close()
    cv2.setNumThreads(0)
    return text, read_qr(image)


class Printers:
    """PDF 'printers' for the workspace; ``fail`` makes the next print break mid-way."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.fail, self.count = folder, 0, 0

    def __call__(self, font: QFont) -> SendToPrinter:
        def send(html: str, images: Mapping[str, bytes], template: LicenceTemplate) -> None:
            self.count += 1
            path = self.folder / f"print-{self.count}.pdf"
            if self.fail:
                self.fail -= 1
                path.write_bytes(b"%PDF-1.4 half a page")
                raise PrintFailed("打印机出错，证照没有打印完整：请检查打印机后重试，证号不变")
            pdf_sender(path, font)(html, images, template)
            self.last = path

        return send


def workspace(qtbot: QtBot, counter: Counter, jobs: JobRunner,
              printers: Printers) -> CompletionWorkspace:
    from PySide6.QtWidgets import QApplication

    from hall_client.gui.resources import install_font

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_font(app)  # the bundled CJK fonts, as the program starts (else the PDF has no 汉字)
    w = CompletionWorkspace(counter, jobs, CLERK, printer=printers)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    settle(qtbot, jobs)
    return w


def print_licence(qtbot: QtBot, jobs: JobRunner, w: CompletionWorkspace, number: str,
                  values: Mapping[str, str] = INPUTS) -> None:
    w.select_case(number)
    press(qtbot, w, Qt.Key.Key_F6)
    dialog = w.dialog
    for label, value in values.items():
        dialog.inputs[label].setText(value)
    qtbot.mouseClick(_button(dialog, "printLicence"), Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)


def press(qtbot: QtBot, w: CompletionWorkspace, key: Qt.Key) -> None:
    """An F-key in the workspace, as the clerk presses it with the queue focused."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    w.view.setFocus()
    qtbot.keyClick(w.view, key)


def _button(parent: object, name: str) -> object:
    from PySide6.QtWidgets import QPushButton

    found = parent.findChild(QPushButton, name)  # type: ignore[attr-defined]
    assert found is not None, name
    return found


def sign(qtbot: QtBot, pad: object) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 30))
    for x in range(30, 200, 15):
        qtbot.mouseMove(pad, QPoint(x, 30 + (x % 40)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 40))
    pad.draw_line(QPoint(20, 60), QPoint(220, 70))  # type: ignore[attr-defined]


def test_sms_path_from_print_to_collection(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                           tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
    printers = Printers(tmp_path)
    w = workspace(qtbot, counter, jobs, printers)
    assert w.model.rowCount() == 1
    print_licence(qtbot, jobs, w, case["case_number"])
    with counter.store.transaction() as s:
        licence = s.scalars(select(Licence)).one()
    assert licence.number in w.messages.text() and licence.status == "issued"
    text, code = read_pdf(printers.last)
    assert licence.number in text and "张三" in text and "建筑工程施工许可证" in text
    assert hall_seal(counter.data_dir).check(code)[1] == licence.number
    assert (counter.data_dir / licence.pdf_file).exists()  # the copy kept with the case

    press(qtbot, w, Qt.Key.Key_F3)
    settle(qtbot, jobs)
    assert "领取码已排队发送" in w.messages.text(), w.messages.text()
    with counter.store.transaction() as s:
        sent = s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "case.collection_code")).one().payload["body"]["code"]
    assert "领取码" in w.messages.text()
    press(qtbot, w, Qt.Key.Key_F2)
    d = w.collection
    d.by_sms.setChecked(True)
    wrong = f"{(int(sent) + 1) % 10**6:06d}"
    d.code.setText(wrong)
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert "还可以再试 4 次" in d.error_of("code") and d.code.text() == wrong
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)  # not checked, not signed: refused here
    assert "请先核对短信领取码" in d.error_of("code") and "签名" in d.error_of("signature")
    assert d.error_of("name") == "" and d.error.text() == ""  # each next to its own field
    d.code.setText(sent)
    qtbot.mouseClick(d.check_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert d.code_state.text() == "领取码正确"
    sign(qtbot, d.pad)
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert not d.isVisible() and "已由 张三 领取" in w.messages.text()
    with counter.store.transaction() as s:
        row = s.scalars(select(Collection)).one()
        assert row.method == "sms"
        actions = [m.payload["body"]["action"] for m in s.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "case.action")
            .order_by(OutboxMessage.seq))]
    assert actions == ["certificate_issued", "collected", "finished"]
    png = (counter.data_dir / row.signature_file).read_bytes()
    ink = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert int((ink < 128).sum()) > 200  # the signature is really there
    assert w.model.rowCount() == 0  # collected: off the queue


def test_agent_path_and_id_mismatch(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                    tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        person = store_case(s, paid=True)
        company = store_case(s, paid=True, kind="organisation")
    w = workspace(qtbot, counter, jobs, Printers(tmp_path))
    print_licence(qtbot, jobs, w, person["case_number"])
    print_licence(qtbot, jobs, w, company["case_number"])
    # The applicant shows someone else's ID: refused, the dialog keeps what was typed.
    w.select_case(person["case_number"])
    press(qtbot, w, Qt.Key.Key_F2)
    d = w.collection
    d.id_number.setText(OTHER_ID)
    sign(qtbot, d.pad)
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert "不一致" in d.error_of("id_number") and d.isVisible() and d.id_number.text() == OTHER_ID
    d.id_number.setText(PERSON_ID)
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert not d.isVisible()
    # An agent for the company: their own ID and the letter of authorisation.
    w.select_case(company["case_number"])
    press(qtbot, w, Qt.Key.Key_F2)
    d = w.collection
    d.agent.setChecked(True)
    d.name.setText("王五")
    d.id_number.setText(OTHER_ID)
    sign(qtbot, d.pad)
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    assert "授权委托书" in d.error_of("letter") and d.isVisible()
    d.set_authorisation(JPEG)
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert not d.isVisible() and "王五" in w.messages.text()
    with counter.store.transaction() as s:
        row = s.scalars(select(Collection).where(Collection.case_id == company["id"])).one()
    assert row.collector_kind == "agent"
    assert (counter.data_dir / row.authorisation_file).read_bytes() == JPEG


def test_unpaid_and_printer_failure(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                    tmp_path: Path) -> None:
    with counter.store.transaction() as s:
        unpaid = store_case(s)
        paid = store_case(s, paid=True)
    printers = Printers(tmp_path)
    w = workspace(qtbot, counter, jobs, printers)
    w.select_case(unpaid["case_number"])
    assert "尚未缴费" in w.detail.text()
    press(qtbot, w, Qt.Key.Key_F6)
    assert "尚未缴清" in w.messages.text() and printers.count == 0
    press(qtbot, w, Qt.Key.Key_F2)
    assert "尚未缴费" in w.messages.text()

    printers.fail = 1
    print_licence(qtbot, jobs, w, paid["case_number"])
    assert "打印机出错" in w.messages.text() and "证号不变" in w.messages.text()
    with counter.store.transaction() as s:
        first = s.scalars(select(Licence)).one()
        assert first.status == "prepared" and first.prints == 0
        assert not s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "licence.issue")).all()
    press(qtbot, w, Qt.Key.Key_F6)  # again: no questions, the number and fields were fixed
    settle(qtbot, jobs)
    with counter.store.transaction() as s:
        rows = s.scalars(select(Licence)).all()
    assert len(rows) == 1 and rows[0].number == first.number and rows[0].status == "issued"
    text, _ = read_pdf(printers.last)
    assert first.number in text
    # A reprint: marked 重打, counted, same number.
    press(qtbot, w, Qt.Key.Key_F6)
    settle(qtbot, jobs)
    assert "重打第 1 次" in w.messages.text()
    text, _ = read_pdf(printers.last)
    assert "重打" in text and first.number in text


def test_revoke_with_a_supervisor_then_reissue(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from hall_client.core.counter import DEMO_PASSWORD

    asked: list[str] = []
    monkeypatch.setattr("hall_client.gui.completion.dialogs.confirm",
                        lambda parent, title, text, action: asked.append(text) or True)
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
    printers = Printers(tmp_path)
    w = workspace(qtbot, counter, jobs, printers)
    print_licence(qtbot, jobs, w, case["case_number"])
    press(qtbot, w, Qt.Key.Key_F9)
    settle(qtbot, jobs)
    d = w.revocation
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    assert "撤销原因" in d.error_of("reason") and d.isVisible() and not asked
    d.reason.setText("建设规模印错")
    d.supervisor.setText("zhouyan")
    d.password.setText("wrong-password")
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert d.isVisible() and d.error_of("password") and d.reason.text() == "建设规模印错"
    assert d.password.text() == ""  # a refused approval is signed again
    d.supervisor.setText("wangjing")  # the clerk cannot approve their own revocation
    d.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert d.isVisible() and "值班主任" in d.error_of("supervisor")
    d.supervisor.setText("zhouyan")
    d.password.setText(DEMO_PASSWORD)
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot, jobs)
    assert not d.isVisible() and "已撤销" in w.messages.text()
    assert len(asked) == 3 and "不能恢复" in asked[-1]
    print_licence(qtbot, jobs, w, case["case_number"])  # reissue: fields typed again
    with counter.store.transaction() as s:
        rows = {r.status: r for r in s.scalars(select(Licence))}
    assert rows["revoked"].replaced_by == rows["issued"].number
    assert rows["issued"].reissue_of == rows["revoked"].number
    assert rows["issued"].number.endswith("-00002") and rows["issued"].number in w.messages.text()


def test_refused_case_prints_its_decision_letter(qtbot: QtBot, counter: Counter,
                                                 jobs: JobRunner, tmp_path: Path) -> None:
    number = "DEMO不许〔2026〕00012号"
    with counter.store.transaction() as s:
        case = store_case(s, status="rejected", decision_number=number)
        unnumbered = store_case(s, status="rejected")  # synced before the server numbered it
    printers = Printers(tmp_path)
    w = workspace(qtbot, counter, jobs, printers)
    w.select_case(unnumbered["case_number"])
    press(qtbot, w, Qt.Key.Key_F6)
    settle(qtbot, jobs)
    assert printers.count == 0 and "没有文号" in w.messages.text()  # no letter without a number
    assert w.messages.kind == "error"
    w.select_case(case["case_number"])
    assert "材料不符合法定条件" in w.detail.text() and not w.buttons["collect"].isEnabled()
    assert number in w.detail.text()
    press(qtbot, w, Qt.Key.Key_F6)
    settle(qtbot, jobs)
    assert printers.count == 1, w.messages.text()
    text, _ = read_pdf(printers.last)
    assert "不予行政许可决定书" in text and "材料不符合法定条件" in text and "六十日" in text
    assert number in text  # the letter carries its number
    assert "已打印" in w.messages.text() and number in w.messages.text()
    assert w.messages.kind == "result"
    kept = counter.data_dir / "results" / case["id"] / "refusal-decision.pdf"
    assert number in read_pdf(kept)[0]


def test_keys_work_in_the_main_window_beside_the_notice_bar(qtbot: QtBot, counter: Counter,
                                                            jobs: JobRunner) -> None:
    """The window-wide notice bar owns F7/F8; the results tab's keys must not clash with it."""
    from hall_client.gui.main_window import MainWindow
    from tests.gui.conftest import sign_in

    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, jobs)
    window.tabs.setCurrentWidget(window.completion)
    w = window.completion
    w.refresh()
    settle(qtbot, jobs)
    w.select_case(case["case_number"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F3)
    settle(qtbot, jobs)
    assert "领取码已排队发送" in w.messages.text(), w.messages.text()
    qtbot.keyClick(w.view, Qt.Key.Key_F2)  # not printed yet: says so, opens nothing
    assert "证照尚未打印" in w.messages.text()
