"""An on-screen signature pad: the collector signs with mouse, pen or finger; kept as PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class SignaturePad(QWidget):
    """White box to sign in; ``png()`` gives the signature, ``is_empty`` says if none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(360, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("签名板"))
        self._image = QImage(720, 200, QImage.Format.Format_RGB32)
        self._image.fill(QColor("white"))
        self._last: QPoint | None = None
        self.strokes = 0

    def sizeHint(self) -> QSize:
        return QSize(480, 140)

    def clear(self) -> None:
        self._image.fill(QColor("white"))
        self.strokes = 0
        self.update()

    @property
    def is_empty(self) -> bool:
        return self.strokes == 0

    def _to_image(self, p: QPoint) -> QPoint:
        return QPoint(int(p.x() * self._image.width() / max(1, self.width())),
                      int(p.y() * self._image.height() / max(1, self.height())))

    def draw_line(self, a: QPoint, b: QPoint) -> None:
        """One stroke segment in widget coordinates (also used by tests and pen tablets)."""
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("black"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(self._to_image(a), self._to_image(b))
        painter.end()
        self.strokes += 1
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._last = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is not None:
            point = event.position().toPoint()
            self.draw_line(self._last, point)
            self._last = point

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self._image)
        painter.setPen(QColor("#999999"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.is_empty:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("请领取人在此签名"))
        painter.end()

    def png(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._image.save(buffer, "PNG")
        return bytes(buffer.data().data())
