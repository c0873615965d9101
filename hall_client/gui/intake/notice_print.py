"""Printing the intake notices on A4 through QPrinter: to a printer, or to a PDF file.

The layout is headless HTML (``printing.case_notices``); this module only paints it. Painting
on a QPrinter is allowed in any thread, so the GUI runs it on the job pool; the command line
(``hall-client case notice``) uses :func:`write_pdf_headless`, which needs no display.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from hall_client.gui.html_print import pdf_printer, setup_a4
from hall_client.printing.pdf_unicode import add_supplementary_text

__all__ = ["pdf_printer", "print_document", "setup_a4", "write_pdf_headless"]


def print_document(printer: QPrinter, html: str, images: Mapping[str, bytes],
                   font: QFont) -> None:
    """Lay the notice out and print it (call from a worker thread or the command line)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    for name, data in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                        QImage.fromData(data))
    doc.setHtml(html)
    doc.print_(printer)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # Qt writes no text for characters beyond the BMP (an applicant named 王䶮𠮷): add it.
        add_supplementary_text(Path(printer.outputFileName()), doc.toPlainText())


def write_pdf_headless(path: Path, html: str, images: Mapping[str, bytes]) -> None:
    """Write one notice as an A4 PDF without a window (the command line's path)."""
    from PySide6.QtWidgets import QApplication

    from hall_client.gui.resources import document_font, install_font

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["hall-client"])
    assert isinstance(app, QApplication)
    install_font(app)
    print_document(pdf_printer(path), html, images, document_font())
