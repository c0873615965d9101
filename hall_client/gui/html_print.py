"""Printing an HTML document (notices) on A4 with the bundled font chain, or into a PDF.

The document's default font falls back through every bundled font, so a rare hanzi in an
applicant's name is drawn (and embedded in the PDF) instead of a box; a PDF gets the text of
supplementary-plane characters back (``printing/pdf_unicode.py``), which Qt leaves out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
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
    doc.print_(printer)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # Qt writes no text for characters beyond the BMP (𠮷): give it back to the PDF.
        add_supplementary_text(Path(printer.outputFileName()), doc.toPlainText())
