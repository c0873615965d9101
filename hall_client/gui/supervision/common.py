"""Pieces shared by the supervision panels: a coloured table model, period pickers, errors."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from hall_client.core.supervision.client import ServerUnavailable
from hall_client.gui.table_model import Column, RecordTableModel
from hall_client.gui.widgets.form_dialog import error_text

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Amounts, counts and rates are right-aligned (DESIGN §9).
_NUMBER = re.compile(r"-?[0-9][0-9,]*(\.[0-9]+)?%?")


class ColouredModel(RecordTableModel[T]):
    """A record model whose rows may carry a foreground colour per column."""

    def __init__(self, columns: Sequence[Column[T]],
                 colour: Callable[[T, int], QColor | None], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.colour = colour

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() \
                and index.row() < self.rowCount():
            return self.colour(self.row(index.row()), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            value = super().data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, int | float) or (isinstance(value, str)
                                                   and _NUMBER.fullmatch(value)):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


PERIODS = ("day", "week", "month", "quarter", "custom")


def period_bounds(kind: str, anchor: date) -> tuple[date, date]:
    """The day, ISO week, month or quarter holding ``anchor``."""
    if kind == "day":
        return anchor, anchor
    if kind == "week":
        first = anchor - timedelta(days=anchor.weekday())
        return first, first + timedelta(days=6)
    if kind == "month":
        first = anchor.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    q = (anchor.month - 1) // 3
    first = date(anchor.year, q * 3 + 1, 1)
    nxt = (first + timedelta(days=95)).replace(day=1)
    return first, nxt - timedelta(days=1)


class PeriodPicker(QWidget):
    """Period kind (日/周/月/季/自定义) and dates; ``bounds()`` gives the inclusive range."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for code, text in zip(PERIODS, (self.tr("日"), self.tr("周"), self.tr("月"),
                                        self.tr("季度"), self.tr("自定义")), strict=True):
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(2)
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("期间：")))
        layout.addWidget(self.kind)
        layout.addWidget(self.start)
        self.to_label = QLabel(self.tr("至"))
        layout.addWidget(self.to_label)
        layout.addWidget(self.end)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        custom = self.kind.currentData() == "custom"
        self.end.setVisible(custom)
        self.to_label.setVisible(custom)

    def bounds(self) -> tuple[date, date]:
        start = self.start.date().toPython()
        kind = self.kind.currentData()
        if kind == "custom":
            return start, self.end.date().toPython()  # type: ignore[return-value]
        return period_bounds(kind, start)  # type: ignore[arg-type]


def server_error_text(exc: BaseException) -> str:
    """An error reaching the central server, in the interface language.

    The client's own text (Chinese, with the URL and the exception class) is for the log; the
    person is told what failed and what to check (DESIGN §9: one language at a time).
    """
    if isinstance(exc, ServerUnavailable):
        log.info("central server unavailable: %s", exc)
        return server_unavailable_text()
    return error_text(exc)


def server_unavailable_text() -> str:
    return QCoreApplication.translate(
        "Supervision", "连不上中心服务器，或本窗口尚未登记。请检查网络，稍后重试；"
        "如仍不行，请联系管理员。")
