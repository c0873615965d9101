"""Asking before what cannot be undone (DESIGN §9): one helper, so every confirmation reads alike.

The question says what will happen; the buttons name the action and "取消" rather than a bare
Yes/No, and Cancel is the default, so an Enter pressed out of habit does nothing harmful.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, what_happens: str, action: str, *,
            destructive: bool = True) -> bool:
    """Ask once; True only if the person chose ``action``.

    ``what_happens`` says in a sentence or two what the action will do and what cannot be
    undone; ``action`` is the verb on the button (e.g. "关闭今日").
    """
    box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
                      title, what_happens, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm")
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("confirm-action")
    cancel = box.addButton(QCoreApplication.translate("Confirm", "取消"),
                           QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("confirm-cancel")
    box.setDefaultButton(cancel if destructive else go)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go


def tell(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> None:
    """A message that needs reading before going on (an error that blocks, a done report)."""
    box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("tell")
    ok = box.addButton(QCoreApplication.translate("Confirm", "知道了"),
                       QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.exec()
