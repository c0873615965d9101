"""A line edit for names and addresses with a rare-character picker (生僻字).

An input method types the 20,000 common hanzi; an applicant named 王䶮𠮷 needs the rest. The
picker (the 字 button in the field, or Ctrl+J — 检字; Ctrl+K
already deletes to the end of a line edit) finds a character by pinyin (``yan``, ``yan3``),
by its Unicode code (``U+20BB7``, ``20BB7``) or from the recent picks, shows it large enough to
check with the applicant, and inserts it at the cursor.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import rare_chars
from hall_client.gui.resources import chain_font

PICKER_SHORTCUT = QKeySequence("Ctrl+J")
# The characters picked in this run of the program, newest first (shared by every field).
RECENT: list[str] = []
RECENT_MAX = 24


def remember(char: str) -> None:
    if char in RECENT:
        RECENT.remove(char)
    RECENT.insert(0, char)
    del RECENT[RECENT_MAX:]


def _char_list(parent: QWidget) -> QListWidget:
    view = QListWidget(parent)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setUniformItemSizes(True)
    view.setGridSize(QSize(44, 44))
    view.setFont(chain_font(20))
    return view


class RareCharPicker(QDialog):
    """Find one character and show it large; ``picked`` is set when the dialog is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生僻字"))
        self.picked = ""
        self.query = QLineEdit()
        self.query.setObjectName("rareQuery")
        self.query.setPlaceholderText(self.tr("拼音（如 yan 或 yan3）或编码（如 U+20BB7）"))
        self.query.textChanged.connect(self._search)
        self.results = _char_list(self)
        self.results.setObjectName("rareResults")
        self.recent = _char_list(self)
        self.recent.setObjectName("rareRecent")
        self.recent.setMaximumHeight(56)
        self.status = QLabel()
        self.big = QLabel()
        self.big.setObjectName("rareBig")
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big.setFont(chain_font(72))
        self.big.setMinimumSize(160, 160)
        self.big.setStyleSheet("border: 1px solid #999; background: white;")
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        # DejaVu first: WenQuanYi maps the tone-marked vowels (ǎ ǐ ǒ ǔ ǚ) to blank glyphs.
        pinyin_font = chain_font(12)
        pinyin_font.setFamilies(["DejaVu Sans", *pinyin_font.families()])
        self.detail.setFont(pinyin_font)
        for view in (self.results, self.recent):
            view.currentItemChanged.connect(self._show)
            view.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox()
        self.insert_button = self.buttons.addButton(self.tr("插入 (Enter)"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消 (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.insert_button.setDefault(True)
        self.insert_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.query)
        left.addWidget(self.status)
        left.addWidget(self.results, 1)
        left.addWidget(QLabel(self.tr("最近选过：")))
        left.addWidget(self.recent)
        right = QVBoxLayout()
        right.addWidget(self.big)
        right.addWidget(self.detail)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.buttons)
        self.resize(640, 420)
        self._fill(self.recent, RECENT)
        self._search("")
        self.query.setFocus()

    def _fill(self, view: QListWidget, chars: list[str]) -> None:
        view.clear()
        for char in chars:
            info = rare_chars.info(char)
            item = QListWidgetItem(char)
            item.setData(Qt.ItemDataRole.UserRole, char)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(" ".join(p for p in (info.code, info.block, info.readings) if p))
            view.addItem(item)

    def _search(self, text: str) -> None:
        found = rare_chars.search(text)
        self._fill(self.results, found)
        if not text.strip():
            self.status.setText(self.tr("输入拼音或编码；↓ 选字，Enter 插入"))
        elif not found:
            self.status.setText(self.tr("没有找到“{query}”：拼音请不带声调符号（可加 1–4），编码如 U+20BB7")
                                .format(query=text.strip()))
        else:
            self.status.setText(self.tr("找到 {n} 个字").format(n=len(found)))
        if found:
            self.results.setCurrentRow(0)
        else:
            self._show(None, None)

    def _show(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        char = current.data(Qt.ItemDataRole.UserRole) if current is not None else ""
        self.picked = char
        self.insert_button.setEnabled(bool(char))
        self.big.setText(char)
        if char:
            info = rare_chars.info(char)
            self.detail.setText(" ".join(p for p in (info.code, info.block, info.readings) if p))
        else:
            self.detail.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            self.results.setFocus()  # arrows move from the query into the characters
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self.picked:
            return
        remember(self.picked)
        super().accept()


def _picker_icon() -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setFont(chain_font(12))
    painter.setPen(QColor("#1a5fb4"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "字")
    painter.end()
    return QIcon(pixmap)


class NameEdit(QLineEdit):
    """A QLineEdit for names and addresses with the 生僻字 picker (the 字 button, Ctrl+J)."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(chain_font(self.font().pointSizeF()))
        self.picker: RareCharPicker | None = None
        self.picker_action = QAction(_picker_icon(), self.tr("生僻字 (Ctrl+J)"), self)
        self.picker_action.setToolTip(self.tr("生僻字：按拼音或编码找字 (Ctrl+J)"))
        self.picker_action.triggered.connect(self.open_picker)
        self.addAction(self.picker_action, QLineEdit.ActionPosition.TrailingPosition)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == PICKER_SHORTCUT:
            self.open_picker()
            return
        super().keyPressEvent(event)

    def open_picker(self) -> RareCharPicker:
        """Open the picker (window-modal, not blocking); the pick goes in at the cursor."""
        picker = RareCharPicker(self)
        self.picker = picker

        def done() -> None:
            if picker.picked:
                self.insert(picker.picked)
                self.picked.emit(picker.picked)
            self.setFocus()

        picker.accepted.connect(done)
        picker.setWindowModality(Qt.WindowModality.WindowModal)
        picker.open()
        return picker
