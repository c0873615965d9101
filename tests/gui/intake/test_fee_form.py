"""The clerk's fee assessment inside the intake: amounts as typed, reductions with reasons,
and the assessment reaching the cashier's queue tied to the accepted case (it used to be a
form of its own with a typed case number)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hall_client.core import cashier
from hall_client.core.counter import Counter
from hall_client.gui.intake.workspace import IntakeWorkspace
from hall_client.gui.jobs import JobRunner
from hall_client.gui.main_window import MainWindow
from hall_client.store.case_models import IntakeCase
from tests.gui.conftest import sign_in


def _open(qtbot: QtBot, counter: Counter, jobs: JobRunner, code: str) -> MainWindow:
    """A clerk's main window with ``code`` chosen. The caller keeps the window: pytest-qt
    holds only a weak reference, and the workspace dies with its window."""
    window = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(window)
    ws: IntakeWorkspace = window.intake
    ws.ask_printer = False
    qtbot.waitUntil(lambda: ws.item.findData(code) >= 0, timeout=10000)
    ws.choose_item(code)
    qtbot.waitUntil(lambda: ws.item_code == code and len(ws.fees.rows) > 0, timeout=10000)
    return window


def test_construction_permit_assessment_reaches_the_cashier(qtbot: QtBot, counter: Counter,
                                                            jobs: JobRunner) -> None:
    window = _open(qtbot, counter, jobs, "ZJ-XK-001")
    ws = window.intake
    fees = ws.fees
    assert [r.item.code for r in fees.rows] == ["FS-ZJ-001", "FS-ZJ-002", "FS-ZJ-003",
                                                "FS-ZJ-004"]
    assert fees.assessment is None and "请填写" in fees.message.text()
    ws.mark_all_received()
    ws.ask_decision("accept")
    assert not ws.confirm_bar.isVisible() and "收费核定未完成" in ws.message.text()
    area, price = fees.quantity_inputs()  # the floor area once for three standards
    assert area.quantity.label == "建筑面积" and price.quantity.label == "工程合同价款"
    assert {r.value for r in fees.rows[:3]} == {area.edit} and fees.rows[3].value is price.edit
    qtbot.keyClicks(area.edit, "120.5")
    qtbot.keyClicks(price.edit, "2000000")
    assert fees.assessment is not None and fees.assessment.total == Decimal("10314.50")
    assert "¥10,314.50" in fees.total.text() and "人民币壹万零叁佰壹拾肆元伍角整" in fees.total.text()

    # A reduction needs its reason and legal basis before anything can be sent.
    fees.rows[0].reduction.setCurrentIndex(fees.rows[0].reduction.findData("percent"))
    qtbot.keyClicks(fees.rows[0].reduction_value, "50")
    assert fees.assessment is None and "原因" in fees.message.text()
    # QTest types ASCII only: Chinese text is entered as an input method would commit it.
    fees.rows[0].reason.setText("保障性住房")
    fees.rows[0].basis.setText("《关于保障性住房有关税费政策的通知》")
    assert fees.assessment is not None
    assert fees.assessment.total == Decimal("10314.50") - Decimal("3615.00")
    assert "减" in fees.rows[0].amount.text()

    # Accept a real case: the assessment joins the cashier's queue under its number.
    ws.kind.setCurrentIndex(ws.kind.findData("organisation"))
    ws.id_type.setCurrentIndex(ws.id_type.findData("uscc"))
    ws.name.setText("杭州某建设有限公司")
    ws.id_number.setText("91330100MA2B3C4D5N")
    ws.contact.setText("王五")
    ws.mark_all_received()
    ws.ask_decision("accept")
    ws.confirm_decision()
    qtbot.waitUntil(lambda: ws.last_pdf is not None, timeout=20000)
    assert ws.last_result is not None
    with counter.store.transaction() as s:
        [due] = cashier.queue(s)
        case = s.get(IntakeCase, due.case_id)
        assert case is not None and case.number == ws.last_result.case_number
        assert (due.case_ref, due.payer, due.total) == (
            case.number, "杭州某建设有限公司", Decimal("6699.50"))
        assert due.lines[0]["reduction"]["reason"] == "保障性住房"


def test_fee_items_that_do_not_apply_are_left_out(qtbot: QtBot, counter: Counter,
                                                  jobs: JobRunner) -> None:
    window = _open(qtbot, counter, jobs, "ZR-QR-001")  # residential or not: one of two fees
    fees = window.intake.fees
    fees.rows[1].applies.setChecked(False)  # 非住宅
    assert fees.rows[1].value is not None and not fees.rows[1].value.isEnabled()
    assert fees.rows[0].value is not None and fees.rows[2].value is not None
    qtbot.keyClicks(fees.rows[0].value, "1")  # 件 and 本: figures of their own
    qtbot.keyClicks(fees.rows[2].value, "2")
    assert fees.assessment is not None and fees.assessment.total == Decimal("100.00")
    assert [f.code for f in fees.fee_inputs()] == [fees.rows[0].item.code,
                                                  fees.rows[2].item.code]
    qtbot.keyClicks(fees.rows[2].value, "x")  # type: ignore[arg-type]
    assert fees.assessment is None and fees.message.text()


def test_huge_or_odd_reduction_is_a_message_not_an_exception(
    qtbot: QtBot, counter: Counter, jobs: JobRunner
) -> None:
    window = _open(qtbot, counter, jobs, "ZJ-XK-001")
    fees = window.intake.fees
    for q in fees.quantity_inputs():
        qtbot.keyClicks(q.edit, "100")
    row = fees.rows[0]
    row.reduction.setCurrentIndex(row.reduction.findData("amount"))
    row.reason.setText("补贴")
    row.basis.setText("某文件")
    for text in ("1e30", "nan"):
        row.reduction_value.setText(text)  # an exception in the slot would fail the test
        assert fees.assessment is None
        assert row.item.name in fees.message.text()


def test_fee_base_placeholder_goes_through_tr(qtbot: QtBot, counter: Counter,
                                             jobs: JobRunner) -> None:
    class Marking(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return f"«{source}»"

        def isEmpty(self) -> bool:
            return False

    translator = Marking()
    QApplication.installTranslator(translator)
    try:
        window = _open(qtbot, counter, jobs, "ZJ-XK-001")
        based = [r.value.placeholderText() for r in window.intake.fees.rows
                 if r.item.rule.needs == "base" and r.value is not None]
    finally:
        QApplication.removeTranslator(translator)
    assert based and all(t.endswith("（元）»") for t in based)


def test_fee_standards_follow_the_interface_language(qtbot: QtBot, qapp: QApplication) -> None:
    """In English the standards used to stay Chinese (issue 16); in Chinese they read exactly
    as the catalog and the notices word them."""
    import json

    from hall_resources import resource_path

    from hall_client.core.catalog import describe_fee_rule
    from hall_client.gui.intake.fee_form import FeeForm
    from hall_client.gui.resources import fee_rule_label, install_translator

    doc = json.loads(resource_path("catalog", "seed.json").read_text("utf-8"))
    rules = [f["rule"] for i in doc["items"] for f in i["fees"]]
    form = FeeForm()
    qtbot.addWidget(form)
    assert [fee_rule_label(r) for r in rules] == [describe_fee_rule(r) for r in rules]
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        english = [fee_rule_label(r) for r in rules]
    finally:
        qapp.removeTranslator(translator)
    assert "60.00 yuan per m²" in english
    assert "0.1% of 工程合同价款, at most 50000.00 yuan" in english  # the base is data
    for rule, text in zip(rules, english, strict=True):  # no Chinese but the catalog's words
        for data in (rule.get("unit", ""), rule.get("base", "")):
            text = text.replace(data, "") if data else text
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text
