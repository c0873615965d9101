"""A4 printing of a supervision report: a title, a table and charts, page by page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from hall_client.gui.supervision.charts import _Chart


def a4_printer(pdf_path: str | None = None, landscape: bool = True) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    return printer


def print_report(printer: QPrinter, title: str, subtitle: str, headers: Sequence[str],
                 rows: Sequence[Sequence[object]], charts: Sequence[_Chart] = ()) -> int:
    """Paint the report; returns the number of pages."""
    painter = QPainter(printer)
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)
    font = QFont(painter.font())
    font.setPointSizeF(10)
    painter.setFont(font)
    line = painter.fontMetrics().height() * 1.35
    pages = 1

    def heading(y: float) -> float:
        big = QFont(font)
        big.setPointSizeF(15)
        big.setBold(True)
        painter.setFont(big)
        painter.drawText(QRectF(0, y, page.width(), line * 1.6), Qt.AlignmentFlag.AlignCenter,
                         title)
        painter.setFont(font)
        painter.drawText(QRectF(0, y + line * 1.6, page.width(), line),
                         Qt.AlignmentFlag.AlignCenter, subtitle)
        return y + line * 3

    y = heading(0)
    widths = _widths(painter, headers, rows, page.width())

    def row_line(values: Sequence[object], y: float, bold: bool = False) -> None:
        f = QFont(font)
        f.setBold(bold)
        painter.setFont(f)
        x = 0.0
        for value, w in zip(values, widths, strict=False):
            painter.drawText(QRectF(x + 4, y, w - 8, line), Qt.AlignmentFlag.AlignVCenter,
                             str(value))
            x += w
        painter.setPen(QPen(QColor("#bdbdbd"), 1))
        painter.drawLine(0, int(y + line), int(page.width()), int(y + line))
        painter.setPen(QColor("black"))
        painter.setFont(font)

    row_line(headers, y, bold=True)
    y += line
    for values in rows:
        if y + line > page.height():
            printer.newPage()
            pages += 1
            y = 0
            row_line(headers, y, bold=True)
            y += line
        row_line(values, y)
        y += line
    for chart in charts:
        height = page.height() * 0.45
        if y + height > page.height():
            printer.newPage()
            pages += 1
            y = 0
        chart.paint_into(painter, QRectF(0, y + line, page.width(), height - line))
        painter.setFont(font)
        y += height
    painter.end()
    return pages


def _widths(painter: QPainter, headers: Sequence[str], rows: Sequence[Sequence[object]],
            total: float) -> list[float]:
    metrics = painter.fontMetrics()
    natural = [max([metrics.horizontalAdvance(str(h))]
                   + [metrics.horizontalAdvance(str(r[i])) for r in rows[:300] if i < len(r)])
               + 12 for i, h in enumerate(headers)]
    scale = min(1.0, total / max(1.0, sum(natural)))
    return [w * scale for w in natural]
