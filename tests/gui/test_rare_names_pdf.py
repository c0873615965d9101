"""A printed notice (QPrinter → PDF) carries every rare name exactly: its text, extracted back
with pdfium, holds the name code point for code point, and every glyph came from a real font."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QApplication

from hall_client.core import catalog
from hall_client.core.counter import Counter
from hall_client.gui.html_print import pdf_printer, print_html
from hall_client.gui.resources import install_font
from hall_client.printing.notice import item_html
from tests.rare_names import NAMES, RareName

RTL = "محمد علی"


def _pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _notice(counter: Counter, applicant: str) -> str:
    with counter.store.transaction() as s:
        item = catalog.get_item(s, "ZJ-XK-001")
        return item_html(item.definition, version=item.version, departments={}, people={},
                         hall_name="县行政服务中心", for_print=True, applicant=applicant)


@pytest.mark.parametrize("entry", NAMES, ids=[n.id for n in NAMES])
def test_notice_pdf_text_equals_the_name(qapp: QApplication, counter: Counter, tmp_path: Path,
                                         entry: RareName) -> None:
    install_font(qapp)
    name = entry.name
    path = tmp_path / "notice.pdf"
    print_html(_notice(counter, name), pdf_printer(path))
    text = _pdf_text(path)
    line = next(ln for ln in text.splitlines() if ln.startswith("告知对象："))
    assert line.strip() == f"告知对象：{name}"
    fonts_used = path.read_bytes()
    if entry.rare not in "\ufa18\ufa11":
        # the rare character came from the fallback fonts, embedded as subsets
        assert b"HanaMin" in fonts_used or b"BabelStone" in fonts_used


def test_rtl_name_is_drawn_right_to_left_on_the_notice(qapp: QApplication, counter: Counter,
                                                        tmp_path: Path) -> None:
    """PDF text of right-to-left script comes back in drawing order, so the check is where each
    word stands: the first word of the name (محمد) is drawn to the right of the second."""
    install_font(qapp)
    path = tmp_path / "notice.pdf"
    print_html(_notice(counter, RTL), pdf_printer(path))
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0].get_textpage()
        text = page.get_text_range()
        assert "محمد" in text and "علی" in text and "?" not in text
        first = page.get_charbox(text.index("محمد"))
        second = page.get_charbox(text.index("علی"))
        label = page.get_charbox(text.index("告知对象"))
        assert abs(first[1] - second[1]) < 2 and abs(first[1] - label[1]) < 8  # one line
        assert first[0] > second[0] > label[0]  # 告知对象： then, right to left, محمد علی
    finally:
        pdf.close()
