"""One place in a workspace where results and errors stay until read (DESIGN §9).

A result (change due, case number, receipt number) is shown large and stays until the
workspace's next action; an error stays until the person acknowledges it or starts the next
action, and a later information never overwrites an unread error — it queues beside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

RESULT_STYLE = "font-size:15pt;font-weight:bold;color:#1b5e20;"
ERROR_STYLE = "font-size:12pt;font-weight:bold;color:#b00020;"
INFO_STYLE = "font-size:11pt;color:#333;"


class MessageArea(QWidget):
    """``show_result`` / ``show_error`` / ``show_info``; ``next_action`` clears for a new task."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message-area")
        self.label = QLabel()
        self.label.setObjectName("message-text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(self.tr("知道了"))
        self.dismiss.setObjectName("message-dismiss")
        self.dismiss.setAccessibleName(self.tr("知道了"))
        self.dismiss.clicked.connect(self.acknowledge)
        self.dismiss.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""  # "", "result", "error", "info"
        self._error = ""  # the unread error(s), shown above what came after them
        self._pending_info: list[str] = []

    # -- what the workspace calls ---------------------------------------------------------
    def show_result(self, text: str) -> None:
        """A result to keep in view (replaces an earlier result, never an unread error)."""
        if self.kind == "error":
            self._queue(text)
            return
        self._set("result", text, RESULT_STYLE)

    def show_error(self, text: str) -> None:
        """An error: stays until acknowledged or until the next action begins."""
        if self.kind == "error" and text not in self._error:
            text = self._error + "\n" + text
        self._error = text
        self._set("error", text, ERROR_STYLE)
        if self._pending_info:
            self._queue()

    def show_info(self, text: str) -> None:
        """A passing note; it waits beside an unread error rather than replacing it."""
        if self.kind == "error":
            self._queue(text)
            return
        if self.kind == "result":
            return  # a result stays until the next action
        self._set("info", text, INFO_STYLE)

    def next_action(self) -> None:
        """The person started something new: earlier results and errors are done with."""
        self._pending_info.clear()
        self._error = ""
        self._set("", "", INFO_STYLE)

    def acknowledge(self) -> None:
        pending = "\n".join(self._pending_info)
        self._pending_info.clear()
        self._error = ""
        self._set("info" if pending else "", pending, INFO_STYLE)
        self.acknowledged.emit()

    def text(self) -> str:
        return self.label.text()

    # -- internals ------------------------------------------------------------------------
    def _set(self, kind: str, text: str, style: str) -> None:
        self.kind = kind
        self.label.setStyleSheet(style)
        self.label.setText(text)
        self.dismiss.setVisible(kind == "error")

    def _queue(self, text: str | None = None) -> None:
        """Keep a later message beside the unread error, below a rule."""
        if text is not None:
            self._pending_info.append(text)
        self.label.setText(self._error + "\n—\n" + "\n".join(self._pending_info))
