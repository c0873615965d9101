"""调整四角: the original photo with the sheet's four corners as handles the clerk drags."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def bgr_to_qimage(frame: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(frame[:, :, ::-1]) if frame.ndim == 3 else frame
    h, w = rgb.shape[:2]
    fmt = QImage.Format.Format_RGB888 if rgb.ndim == 3 else QImage.Format.Format_Grayscale8
    return QImage(rgb.data, w, h, rgb.strides[0], fmt).copy()


class _Handle(QGraphicsEllipseItem):
    def __init__(self, editor: CornerEditor, radius: float) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.editor = editor
        self.setBrush(QBrush(QColor(0, 120, 255, 140)))
        self.setPen(QPen(QColor(255, 255, 255), radius / 4))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(2)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.editor._moved()
        return super().itemChange(change, value)


class CornerEditor(QDialog):
    """Drag the four corners (TL, TR, BR, BL in the photo's pixels); OK re-runs the page."""

    def __init__(
        self, photo: np.ndarray, corners: list[list[float]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("调整四角"))
        self.resize(900, 680)
        self.scene = QGraphicsScene(self)
        self.scene.addPixmap(QPixmap.fromImage(bgr_to_qimage(photo)))
        h, w = photo.shape[:2]
        self.outline = QGraphicsPolygonItem()
        self.outline.setPen(QPen(QColor(0, 200, 0), max(2.0, max(w, h) / 400)))
        self.scene.addItem(self.outline)
        radius = max(8.0, max(w, h) / 60)
        self.handles = []
        for x, y in corners:
            handle = _Handle(self, radius)
            handle.setPos(QPointF(float(x), float(y)))
            self.scene.addItem(handle)
            self.handles.append(handle)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(self.view.renderHints())
        hint = QLabel(self.tr("拖动四个圆点到纸张的四个角上，按 Enter 确定，Esc 取消"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定 (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消 (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._moved()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.view.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _moved(self) -> None:
        if len(getattr(self, "handles", [])) == 4:
            self.outline.setPolygon(QPolygonF([h.pos() for h in self.handles]))

    def move_corner(self, index: int, x: float, y: float) -> None:
        """Move one handle (as a drag does); used by keyboard nudges and tests."""
        self.handles[index].setPos(QPointF(x, y))

    def corners(self) -> list[list[float]]:
        return [[round(h.pos().x(), 1), round(h.pos().y(), 1)] for h in self.handles]
