"""Cashier screens over the core: reports on screen, xlsx and A4; receipt stock operations."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.cashier.reports import CashierReportsPanel
from hall_client.gui.cashier.stock import StockForm, StockPanel
from hall_client.gui.jobs import JobRunner
from tests.core.test_cashier_reports import _day
from tests.gui.conftest import settle, sign_in


def _show(panel: CashierReportsPanel, kind: str, day: date) -> None:
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    panel.day.setDate(QDate(day.year, day.month, day.day))
    panel.load()


def test_daily_weekly_monthly_reports(qtbot: QtBot, jobs: JobRunner, counter: Counter,
                                      tmp_path: Path) -> None:
    today = _day(counter)
    panel = CashierReportsPanel(counter, jobs)
    qtbot.addWidget(panel)
    panel.export(str(tmp_path / "none.xlsx"))
    assert "请先生成报表" in panel.note.text()
    _show(panel, "day", today)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10000)
    assert panel.model.total() == 3  # two cashiers and the hall
    last = panel.model.total() - 1
    assert panel.model.data(panel.model.index(last, 0)) == "全厅合计"
    assert panel.model.data(panel.model.index(last, 4)) == "420.50"
    out = tmp_path / "day.xlsx"
    panel.export(str(out))
    settle(qtbot, jobs)
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.cell(sheet.max_row, 1).value == "全厅合计"
    pdf = tmp_path / "day.pdf"
    panel.print_a4(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")

    bank = tmp_path / "week.csv"
    bank.write_text(f"日期,流水号,金额\n{today.isoformat()},BK-1,250.50\n"
                    f"{today.isoformat()},BK-X,9.00\n", encoding="utf-8")
    panel.choose_bank_csv(str(bank))
    _show(panel, "week", today)
    qtbot.waitUntil(lambda: panel.report is not None and "银行流水" in panel.note.text(),
                    timeout=10000)
    assert "对上 1 笔" in panel.note.text()
    results = {panel.model.data(panel.model.index(i, 0)) for i in range(panel.model.total())}
    assert results == {"已对上", "银行有、本机无", "本机有、银行无"}
    out = tmp_path / "week.xlsx"
    panel.export(str(out))
    settle(qtbot, jobs)
    assert load_workbook(out).sheetnames == ["周对账", "银行对账"]

    bank.write_text("日期,金额\n2026-11-28,1\n", encoding="utf-8")
    _show(panel, "week", today)
    qtbot.waitUntil(lambda: "找不到表头" in panel.note.text(), timeout=10000)

    _show(panel, "month", today)
    qtbot.waitUntil(lambda: panel.report is not None and "月汇总" in panel.title.text(),
                    timeout=10000)
    assert panel.model.data(panel.model.index(0, 1)) == "FS-T-001"


#: Showing a dialog on the offscreen platform logs this harmless notice.
OFFSCREEN_NOTICE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_NOTICE
def test_receipt_stock_receive_issue_hand_in(qtbot: QtBot, jobs: JobRunner,
                                             counter: Counter) -> None:
    panel = StockPanel(counter, jobs, sign_in(counter, "zhouyan"))
    qtbot.addWidget(panel)
    settle(qtbot, jobs)
    panel.receive()
    dialog = panel.findChildren(StockForm)[-1]
    code, start, end, _source = dialog.findChildren(QLineEdit)
    code.setText("3301012")  # seven digits: refused, the form stays with its input
    start.setText("0000000001")
    end.setText("0000000500")
    dialog._ok()
    qtbot.waitUntil(lambda: "8位数字" in dialog.error_of("code"), timeout=10000)
    assert dialog.isVisible() and start.text() == "0000000001"  # next to the field, input kept
    code.setText("33010126")
    dialog._ok()
    qtbot.waitUntil(lambda: panel.stock.total() == 1, timeout=10000)
    assert panel.stock.row(0).in_stock == 500

    panel.issue()
    dialog = panel.findChildren(StockForm)[-1]
    cashier = dialog.field("cashier")
    assert isinstance(cashier, QComboBox)
    assert cashier.findText("钱芳（qianfang）") >= 0  # cashiers by name
    cashier.setCurrentIndex(cashier.findText("钱芳（qianfang）"))
    code = dialog.field("code")
    assert isinstance(code, QLineEdit) and code.text() == "33010126"  # the batch's code
    dialog._ok()
    qtbot.waitUntil(lambda: panel.issues.total() == 1, timeout=10000)
    assert panel.stock.row(0).issued == 100
    panel.issue_view.selectRow(0)
    with patch("hall_client.gui.cashier.stock.confirm", return_value=True):
        panel.hand_in()
    qtbot.waitUntil(lambda: panel.issues.total() == 0, timeout=10000)
    assert panel.stock.row(0).in_stock == 500  # nothing used: all back in stock


@OFFSCREEN_NOTICE
def test_cashier_opens_reports_from_the_menu_and_supervisor_has_them_in_the_tab(
        qtbot: QtBot, jobs: JobRunner, counter: Counter) -> None:
    from hall_client.gui.main_window import MainWindow

    window = MainWindow(counter, jobs, sign_in(counter, "qianfang"))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "报表(&R)" in menus
    panel = window.show_cashier_reports()
    assert panel.isWindow() and panel.isVisible()
    supervisor = MainWindow(counter, jobs, sign_in(counter, "zhouyan"))
    qtbot.addWidget(supervisor)
    tabs = supervisor.supervision.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][-2:] == ["收费报表", "票据库存"]
    settle(qtbot, jobs)
