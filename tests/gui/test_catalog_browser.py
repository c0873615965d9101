"""The catalog browser for the clerk (issue 16): names not cut off at 1024×768, search by
pinyin and abbreviation, and a printed one-time notice (一次性告知单) with no staff names, the
告知人 filled and no heading left alone at a page foot."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.catalog_browser import CatalogBrowser, NoticeForDialog
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.form_dialog import FormDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _browser(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> CatalogBrowser:
    browser = CatalogBrowser(counter, jobs)
    qtbot.addWidget(browser)
    browser.resize(1024, 700)  # the workspace's share of a 1024×768 screen
    browser.show()
    qtbot.waitExposed(browser)
    qtbot.waitUntil(lambda: browser.model.total() == 19, timeout=10000)
    return browser


def test_names_are_not_cut_off_at_1024(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    browser = _browser(qtbot, counter, jobs)
    qtbot.wait(100)  # rows take their height once the name column has its width
    table = browser.table
    assert browser.model.headerData(0, Qt.Orientation.Horizontal) == "事项名称"  # name first
    width = table.columnWidth(0)
    assert width >= 200
    metrics = QFontMetrics(table.font())
    for i in range(browser.model.rowCount()):
        name = browser.model.row(i).name
        needed = metrics.boundingRect(QRect(0, 0, width - 8, 10000),
                                      int(Qt.TextFlag.TextWordWrap), name)
        assert needed.height() <= table.rowHeight(i), name
        tip = browser.model.data(browser.model.index(i, 0), Qt.ItemDataRole.ToolTipRole)
        assert name in tip
    # the table and its columns are inside the window
    right = table.mapTo(browser, table.rect().topRight()).x()
    assert right <= browser.width()


def test_search_by_pinyin_and_abbreviation(qtbot: QtBot, counter: Counter,
                                           jobs: JobRunner) -> None:
    browser = _browser(qtbot, counter, jobs)
    browser.search.setText("sgxk")
    qtbot.waitUntil(lambda: browser.model.total() == 1, timeout=10000)
    qtbot.waitUntil(lambda: browser.current_code == "ZJ-XK-001", timeout=10000)
    assert "建筑工程施工许可证核发" in browser.detail.toPlainText()  # the detail follows
    browser.search.setText("住建")
    qtbot.waitUntil(lambda: browser.model.total() == 2, timeout=10000)
    assert {browser.model.row(i).code for i in range(2)} == {"ZJ-XK-001", "ZJ-XK-002"}


def test_printed_notice_names_no_staff_and_fills_the_notifier(
        qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    browser = _browser(qtbot, counter, jobs)
    browser.show_code("ZJ-XK-001")
    qtbot.waitUntil(lambda: browser.current_code == "ZJ-XK-001", timeout=10000)
    assert "王静" in browser.detail.toPlainText()  # staff read the post holders on screen
    pdf = tmp_path / "notice.pdf"
    job = browser.print_to_pdf(pdf)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    doc = pypdfium2.PdfDocument(pdf)
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    doc.close()
    text = "".join(pages).replace("\r", "").replace("\n", "")
    for name in ("王静", "李强", "赵敏", "陈浩", "郭华", "何军", "孙丽", "B 岗", "本级权限人"):
        assert name not in text, name
    assert "告知人：综合窗口1号（W01）" in text and "0571-8650 1000" in text  # window, hall phone
    assert "__________　申请人签收" not in text  # 告知人 no longer a blank
    for page in pages[:-1]:  # no page ends with a heading (page numbers left off)
        end = page.replace("\r", "").replace("\n", " ").rstrip(" 0123456789")
        assert not end.endswith(("申请材料", "收费项目", "办理流程")), end[-30:]
    # for a named applicant (asked in a FormDialog): the name, exactly
    ask = NoticeForDialog(browser)
    assert isinstance(ask, FormDialog) and ask.ok_button.isDefault()
    named = tmp_path / "named.pdf"
    job = browser.print_to_pdf(named, applicant="王䶮")
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    doc = pypdfium2.PdfDocument(named)
    assert "告知对象：王䶮" in doc[0].get_textpage().get_text_range()
    doc.close()
