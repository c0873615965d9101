"""Printing HTML on A4: a heading is never the last thing on a page (issue 16: the one-time
notice left 办理流程 alone at a page foot)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hall_client.gui.html_print import pdf_printer, print_html


def _page_ends(path: Path) -> list[str]:
    """The last characters of every page but the last (page numbers left off)."""
    doc = pypdfium2.PdfDocument(path)
    ends = [doc[i].get_textpage().get_text_range().replace("\r", "").replace("\n", " ")
            .rstrip(" 0123456789") for i in range(len(doc) - 1)]
    doc.close()
    return ends


def test_headings_stay_with_what_follows(qtbot: QtBot, tmp_path: Path) -> None:
    """A gap above the heading grows pixel by pixel across the foot of the first page."""
    font = QFont(QApplication.font())
    checked = 0
    for gap in range(0, 40, 4):
        filler = "".join(f"<p>第 {i} 行</p>" for i in range(33))
        html = (f"<html><body>{filler}<p style='margin-top:{gap}px'>间隔</p><h2>办理流程</h2>"
                "<p>窗口受理后送科室审核，审核通过后报分管领导审批。</p><p>结束。</p>"
                "</body></html>")
        path = tmp_path / f"gap{gap}.pdf"
        print_html(html, pdf_printer(path), font)
        ends = _page_ends(path)
        checked += len(ends)
        assert not any(end.endswith("办理流程") for end in ends), (gap, ends)
    assert checked  # the sweep did cross a page foot
