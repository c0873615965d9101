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


def _probe(doc: QTextDocument, printer: QPrinter) -> tuple[QTextDocument, float, float]:
    """A copy of ``doc`` laid out as ``QTextDocument.print_`` lays out a document without a
    page size (2 cm margins, the printer's page); with the page height and the bottom margin
    in the printer's pixels."""
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
    bottom = int(2 / 2.54 * dpi_y) * printer.logicalDpiY() / dpi_y
    return probe, height, bottom


#: How close to the foot of the page the line after a heading may end before the heading is
#: moved on (the copy laid out here and Qt's own differ by a few points).
SLACK = 0.02


def keep_headings_with_next(doc: QTextDocument, printer: QPrinter, rounds: int = 8) -> None:
    """A heading never ends a page: a heading whose next line would not fit under it on the
    same page starts the next page instead (Qt's rich text has no keep-with-next). Repeated,
    since moving one heading moves what follows."""
    for _ in range(rounds):
        probe, height, bottom = _probe(doc, printer)
        layout = probe.documentLayout()
        block, moved = probe.begin(), False
        while block.isValid():
            fmt = block.blockFormat()
            following = block.next()
            if fmt.headingLevel() > 0 and following.isValid() and not \
                    fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                here = layout.blockBoundingRect(block)
                page = int(here.top() // height)
                after = layout.blockBoundingRect(following)
                lines = following.layout()
                first_line = (lines.lineAt(0).height() if lines is not None
                              and lines.lineCount() else after.height())
                foot = (page + 1) * height - bottom
                if page == 0 and here.top() < 1:
                    pass  # a heading at the very top cannot move anywhere better
                elif (int(after.top() // height) > page
                      or here.bottom() + first_line > foot - SLACK * height):
                    original = doc.findBlockByNumber(block.blockNumber())
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(original).setBlockFormat(fmt)
                    moved = True
                    break
            block = block.next()
        if not moved:
            return
