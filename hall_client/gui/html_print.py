"""Printing an HTML document (notices) on A4 with the bundled font chain, or into a PDF.

The document's default font falls back through every bundled font, so a rare hanzi in an
applicant's name is drawn (and embedded in the PDF) instead of a box; a PDF gets the text of
supplementary-plane characters back (``printing/pdf_unicode.py``), which Qt leaves out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from hall_client.gui.resources import chain_font
from hall_client.printing.pdf_unicode import add_supplementary_text


def setup_a4(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    setup_a4(printer)
    return printer


def print_html(html: str, printer: QPrinter, font: QFont | None = None) -> None:
    """Lay out and print; safe in a worker thread (the document is made where it is used)."""
    doc = QTextDocument()
    base = QFont(font) if font is not None else chain_font(10.5)
    base.setFamilies(chain_font().families())
    doc.setDefaultFont(base)
    doc.setHtml(html)
    keep_headings_with_next(doc, printer)
    doc.print_(printer)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # Qt writes no text for characters beyond the BMP (𠮷): give it back to the PDF.
        add_supplementary_text(Path(printer.outputFileName()), doc.toPlainText())


def _page_of_blocks(doc: QTextDocument, printer: QPrinter) -> tuple[list[int], float]:
    """Lay a copy of ``doc`` out as ``QTextDocument.print_`` does for a document without a
    page size (2 cm margins, the printer's page); the top y of each block and the page height."""
    probe = doc.clone()
    probe.documentLayout().setPaintDevice(printer)
    screen = QGuiApplication.primaryScreen()
    dpi_x = screen.logicalDotsPerInchX() if screen is not None else 96.0
    dpi_y = screen.logicalDotsPerInchY() if screen is not None else 96.0
    fmt = probe.rootFrame().frameFormat()
    fmt.setLeftMargin(int(2 / 2.54 * dpi_x))
    fmt.setRightMargin(int(2 / 2.54 * dpi_x))
    fmt.setTopMargin(int(2 / 2.54 * dpi_y))
    fmt.setBottomMargin(int(2 / 2.54 * dpi_y))
    probe.rootFrame().setFrameFormat(fmt)
    height = float(printer.height())
    probe.setPageSize(QSizeF(float(printer.width()), height))
    layout = probe.documentLayout()
    tops = []
    block = probe.begin()
    while block.isValid():
        tops.append(int(layout.blockBoundingRect(block).top() // height))
        block = block.next()
    return tops, height


def keep_headings_with_next(doc: QTextDocument, printer: QPrinter, rounds: int = 8) -> None:
    """A heading never ends a page: one that would be parted from the block after it starts
    the next page instead (Qt's rich text has no keep-with-next). Repeated, since moving one
    heading moves what follows."""
    for _ in range(rounds):
        pages, _height = _page_of_blocks(doc, printer)
        block, moved = doc.begin(), False
        while block.isValid():
            n = block.blockNumber()
            fmt = block.blockFormat()
            if fmt.headingLevel() > 0 and n + 1 < len(pages) and pages[n + 1] > pages[n] and \
                    not fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                moved = True
                break
            block = block.next()
        if not moved:
            return
