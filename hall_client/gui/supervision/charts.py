"""Charts drawn with QPainter.

PySide6-Essentials has no QtCharts (it lives in PySide6-Addons, ~150 MB more), and the board
needs only two plain chart kinds; painting them ourselves keeps the install small, renders the
same on screen and on an A4 printer (``paint_into`` takes any painter and rectangle), and stays
fast: the server already reduces a year to at most 400 points per series.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = [QColor("#1565c0"), QColor("#c62828"), QColor("#2e7d32"), QColor("#ef6c00"),
           QColor("#6a1b9a"), QColor("#00838f")]


@dataclass
class Series:
    name: str
    values: list[float | None]  # 0..1 rates; None where nothing was concluded


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.paint_into(painter, QRectF(self.rect()))
        painter.end()

    def paint_into(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def _frame(self, painter: QPainter, rect: QRectF) -> QRectF:
        """Title, the 0–100 % axis and grid; returns the plotting area."""
        font = QFont(painter.font())
        size = max(7.0, rect.height() / 26)
        font.setPointSizeF(size)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(QColor("#212121"))
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.4),
                         Qt.AlignmentFlag.AlignCenter, self.title)
        left = rect.left() + metrics.horizontalAdvance("100%") + 8
        plot = QRectF(left, rect.top() + line * 1.6, rect.right() - left - 8,
                      rect.height() - line * 4.4)
        painter.setPen(QPen(QColor("#e0e0e0"), 1))
        for i in range(0, 5):
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#616161"))
            painter.drawText(QRectF(rect.left(), y - line / 2, left - rect.left() - 4, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{i * 25}%")
            painter.setPen(QPen(QColor("#e0e0e0"), 1))
        return plot


class LineChart(_Chart):
    """Rates over time: one line per series, labels thinned to fit."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.labels: list[str] = []
        self.series: list[Series] = []

    def set_data(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        self.labels, self.series = list(labels), list(series)
        self.update()

    def paint_into(self, painter: QPainter, rect: QRectF) -> None:
        plot = self._frame(painter, rect)
        n = len(self.labels)
        if n == 0:
            return
        metrics = painter.fontMetrics()
        step = plot.width() / max(1, n - 1) if n > 1 else 0.0

        def x(i: int) -> float:
            return plot.left() + (step * i if n > 1 else plot.width() / 2)

        shown = [_short(label) for label in self.labels]
        widest = max(metrics.horizontalAdvance(label) for label in shown) + 8
        every = max(1, int(widest / max(step, 1e-6)) + 1) if n > 1 else 1
        painter.setPen(QColor("#616161"))
        for i in range(0, n, every):
            left = min(max(x(i) - widest / 2, rect.left()), rect.right() - widest)
            painter.drawText(QRectF(left, plot.bottom() + 2, widest, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, shown[i])
        legend_y = plot.bottom() + metrics.height() * 1.3
        legend_x = plot.left()
        for k, s in enumerate(self.series):
            colour = PALETTE[k % len(PALETTE)]
            painter.setPen(QPen(colour, 2))
            last: QPointF | None = None
            for i, v in enumerate(s.values):
                if v is None:
                    last = None
                    continue
                point = QPointF(x(i), plot.bottom() - plot.height() * v)
                if last is not None:
                    painter.drawLine(last, point)
                if n <= 60:
                    painter.drawEllipse(point, 2.5, 2.5)
                last = point
            painter.fillRect(QRectF(legend_x, legend_y + 3, 14, metrics.height() - 6), colour)
            painter.setPen(QColor("#212121"))
            painter.drawText(QPointF(legend_x + 18, legend_y + metrics.ascent()), s.name)
            legend_x += 30 + metrics.horizontalAdvance(s.name)


class BarChart(_Chart):
    """One bar per group (a rate), highest first, the value written on each bar."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: list[tuple[str, float]] = []

    def set_data(self, bars: Sequence[tuple[str, float]]) -> None:
        self.bars = list(bars)
        self.update()

    def paint_into(self, painter: QPainter, rect: QRectF) -> None:
        plot = self._frame(painter, rect)
        if not self.bars:
            return
        metrics = painter.fontMetrics()
        slot = plot.width() / len(self.bars)
        width = min(60.0, slot * 0.6)
        for i, (name, value) in enumerate(self.bars):
            centre = plot.left() + slot * (i + 0.5)
            height = plot.height() * max(0.0, min(1.0, value))
            bar = QRectF(centre - width / 2, plot.bottom() - height, width, height)
            painter.fillRect(bar, PALETTE[0] if value >= 0.9 else PALETTE[3]
                             if value >= 0.6 else PALETTE[1])
            inside = bar.height() > metrics.height() * 1.4
            painter.setPen(QColor("white") if inside else QColor("#212121"))
            top = bar.top() + 2 if inside else bar.top() - metrics.height()
            painter.drawText(QRectF(centre - slot / 2, top, slot, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, f"{value * 100:.0f}%")
            painter.setPen(QColor("#212121"))
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(slot) - 2)
            painter.drawText(QRectF(centre - slot / 2, plot.bottom() + 2, slot,
                                    metrics.height()), Qt.AlignmentFlag.AlignCenter, label)


def _short(label: str) -> str:
    """Day labels without the year (2026-03-01 → 03-01); weeks, months, quarters as given."""
    return label[5:] if len(label) == 10 and label[4] == "-" and label[7] == "-" else label
