"""Issue 9's table of rare names, each from the keyboard to the notice and the printed receipt.

Per name: typed into the intake's applicant name and address (common characters as the input
method commits them, the rare one through the picker), accepted with its notice PDF (text
extracted back holds name and address exactly), stored, listed and searched at the cashier, paid, and
printed: the raster print equals the preview dot for dot and its payer line is the name drawn
by the font chain; text mode sends the name's exact GB18030 bytes, or a raster line where the
printer's font lacks a character (never a ``?``).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hall_client.core import cashier, names
from hall_client.core.cashier import PartInput
from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.printing import fonts
from hall_client.printing.issue import load_receipt
from hall_client.printing.output import preview, receipt_bytes
from hall_client.printing.raster import MARGIN
from hall_client.printing.text_mode import CHINESE_OFF, CHINESE_ON, printable, raster_line
from hall_client.store.case_models import IntakeCase
from hall_client.store.cashier_models import FeeAssessment
from tests.core.cashier_helpers import CASHIER, CLERK, fixed_assessment, stock
from tests.gui.intake.test_intake_keyboard import (
    confirm_and_wait,
    enter,
    focused,
    key,
    open_intake,
    tab_to,
    type_text,
)
from tests.printing.escpos_decoder import decode
from tests.rare_names import NAMES, RareName

KEY = bytes(range(32))
HALL = {"hall_code": "HALL-330100", "hall_name": "县行政服务中心"}
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def type_with_picker(qtbot: QtBot, edit: NameEdit, entry: RareName) -> None:
    """The clerk types the name: input method for the common part, the picker for the rare."""
    edit.setFocus()
    edit.setText(entry.prefix)  # what an input method commits
    qtbot.keyClick(edit, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: edit.picker is not None and edit.picker.isVisible())
    picker = edit.picker
    assert picker is not None
    qtbot.keyClicks(picker.query, entry.query)
    shown = [picker.results.item(i).text() for i in range(picker.results.count())]
    assert entry.rare in shown, (entry.query, shown[:20])
    picker.results.setCurrentRow(shown.index(entry.rare))
    assert picker.big.text() == entry.rare  # shown large to check with the applicant
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    edit.insert(entry.suffix)


def payer_line_of(image: Image.Image, text: str, size: int) -> bool:
    """Whether ``text``, drawn alone by the font chain, appears at the left margin of the
    receipt image exactly (the printed payer line is the name, every character of it)."""
    probe = Image.new("1", (image.width, int(size * 1.3)), 1)
    fonts.draw_text(ImageDraw.Draw(probe), (MARGIN, 0), text, size)
    want = ~np.asarray(probe)
    have = ~np.asarray(image)
    rows = np.flatnonzero(want.any(axis=1))
    want = want[rows[0]: rows[-1] + 1]
    for y in range(have.shape[0] - want.shape[0]):
        if np.array_equal(have[y: y + want.shape[0]], want):
            return True
    return False


@pytest.mark.parametrize("entry", NAMES, ids=[n.id for n in NAMES])
def test_rare_name_from_keyboard_to_receipt(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                            entry: RareName) -> None:
    _window, ws = open_intake(qtbot, counter, jobs)
    type_text(qtbot, "ZJ-XK-001")
    enter(qtbot)
    qtbot.waitUntil(lambda: ws.item_code == "ZJ-XK-001" and len(ws.materials) == 12,
                    timeout=10000)
    qtbot.wait(100)
    assert focused() is ws.project
    type_text(qtbot, "自建房")
    enter(qtbot)
    enter(qtbot)  # a person
    assert focused() is ws.name and isinstance(ws.name, NameEdit)
    type_with_picker(qtbot, ws.name, entry)
    assert ws.name.text() == entry.name
    enter(qtbot)
    enter(qtbot)  # resident identity card
    type_text(qtbot, "11010519491231002x")
    enter(qtbot)
    type_text(qtbot, "13800000000")
    enter(qtbot)
    enter(qtbot)  # no contact person
    assert focused() is ws.address and isinstance(ws.address, NameEdit)
    address = RareName(entry.block, "杭州市", entry.rare, "家巷1号", entry.query, "")
    type_with_picker(qtbot, ws.address, address)
    assert ws.address.text() == address.name
    key(qtbot, Qt.Key.Key_F6)  # every material received
    for q, value in zip(ws.fees.quantity_inputs(), ("120.5", "2000000"), strict=True):
        tab_to(qtbot, q.edit)  # the floor area once, then the contract price
        type_text(qtbot, value)
    # The acceptance notice (a PDF through QPrinter) names the applicant exactly.
    text = confirm_and_wait(qtbot, ws, Qt.Key.Key_F9)
    assert ws.last_result is not None and ws.last_result.status == "accepted"
    assert f"{entry.name}：你（单位）" in text and entry.twin not in text
    with counter.store.transaction() as s:
        case = s.scalars(select(IntakeCase)).one()
        assert (case.applicant_name, case.applicant.name, case.applicant.address) == (
            entry.name, entry.name, address.name)
        # the case list's search by any run of characters of the name
        assert s.scalars(select(IntakeCase.number).where(
            names.contains(IntakeCase.applicant_name, entry.rare))).all() == [case.number]

    # Stored exactly, beside its look-alike twin.
    with counter.store.transaction() as s:
        rows = s.scalars(select(FeeAssessment.payer)).all()
        assert rows == [entry.name]  # the fee assessment the intake queued for the cashier
        twin = cashier.queue_assessment(s, CLERK, case_ref="C-2026-0002", item_code="RS-FW-001",
                                        department="RSJ", payer=entry.twin,
                                        assessment=fixed_assessment(Decimal("10")))
        stock(s)
        cashier.open_session(s, CASHIER, "0")
    # Listed in the cashier's queue, paid, listed and found by its rare character only.
    with counter.store.transaction() as s:
        queued = {a.payer: a.id for a in cashier.queue(s)}
        assert set(queued) == {entry.name, entry.twin}
        _, receipt_row = cashier.take_payment(s, CASHIER, queued[entry.name],
                                              [PartInput("cash", "10314.50")])
        cashier.take_payment(s, CASHIER, twin.id, [PartInput("cash", "10")])
    with counter.store.transaction() as s:
        assert {p.payer for p in cashier.recent_payments(s, CASHIER)} == {entry.name, entry.twin}
        assert [p.payer for p in cashier.recent_payments(s, CASHIER, payer=entry.rare)] == [
            entry.name]
        assert [p.payer for p in cashier.recent_payments(s, CASHIER, payer=entry.name)] == [
            entry.name]

    receipt = load_receipt(counter.store.transaction, receipt_row.id, **HALL)
    assert receipt.payer == entry.name
    for paper in (58, 80):
        image = preview(receipt, KEY, paper)
        printed = decode(receipt_bytes(receipt, KEY, mode="raster", paper=paper))
        assert printed.errors == []
        assert np.array_equal(printed.raster(), ~np.asarray(image))  # print = preview
        assert payer_line_of(image, f"交款人：{entry.name}", 22 if paper == 58 else 24)
        assert not payer_line_of(image, f"交款人：{entry.twin}", 22 if paper == 58 else 24)
        assert fonts.missing(entry.name) == []  # every character has a glyph

    line = f"交款人：{entry.name}"
    for charset in ("gbk", "gb18030-2"):
        decoded = decode(receipt_bytes(receipt, KEY, mode="text", charset=charset))
        assert decoded.errors == [] and "?" not in "".join(decoded.lines)
        data = receipt_bytes(receipt, KEY, mode="text", charset=charset)
        if printable(line, charset):
            assert line in decoded.lines
            assert CHINESE_ON + line.encode("gb18030") + CHINESE_OFF in data
        else:
            assert line not in decoded.lines and raster_line(line, 58) in data
    if entry.block in ("ext-a", "ext-b", "ext-c", "ext-d", "ext-e", "ext-f", "compat-sup"):
        assert printable(line, "gb18030-2") and not printable(line, "gbk")
    if entry.block == "ext-g":  # beyond GB 18030-2022: a raster line at every level
        assert not printable(line, "gb18030-3")
