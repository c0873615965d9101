"""A dialog that checks its input in place and never loses what was typed (DESIGN §9).

Every form dialog of the counter derives from :class:`FormDialog`. Pressing the primary button
runs the quick local checks (:meth:`FormDialog.local_errors`) and then the action itself
(:meth:`FormDialog.submit`, usually a job on the database executor). Whatever is refused is
shown next to the field it concerns, in red, and the dialog stays open with the input as it
was; only a successful action closes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.errors import DomainError, InvalidInput
from hall_client.gui.resources import domain_error_text, problem_text

log = logging.getLogger(__name__)
ERROR_STYLE = "color:#b00020;"
#: the key of errors that belong to no single field (shown above the buttons)
GENERAL = ""


def error_text(exc: BaseException) -> str:
    """The person-readable text of an error, in the interface language.

    Domain errors carry a message written for the person. Anything else is a fault of the
    program or the machine: its raw (English) text goes to the log, never to the counter
    (DESIGN §9); the person is told what failed and what to do.
    """
    if isinstance(exc, DomainError):
        return domain_error_text(exc)  # the core's Chinese outside a Chinese interface: English
    log.error("unexpected error shown to the person: %r", exc)
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate(
            "Errors", "没有权限读写所需的文件或设备。请联系管理员检查权限。")
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, NotADirectoryError)):
        name = getattr(exc, "filename", None) or ""
        return QCoreApplication.translate(
            "Errors", "找不到文件或设备 {name}。请检查路径或连接后重试。").format(name=name)
    if isinstance(exc, (ConnectionError, TimeoutError)):
        return QCoreApplication.translate(
            "Errors", "网络连接失败或超时。请检查网线和服务器地址后重试。")
    return QCoreApplication.translate(
        "Errors", "操作失败（{kind}）。请重试；如仍失败，请联系管理员并告知时间。").format(
            kind=type(exc).__name__)


class FormDialog(QDialog):
    """A form with inline errors; override :meth:`local_errors` and :meth:`submit`.

    ``submit`` either finishes synchronously (call :meth:`done_ok`) or starts a job whose
    success calls :meth:`done_ok` and whose failure calls :meth:`show_problems`.
    """

    def __init__(self, title: str, parent: QWidget | None = None, *,
                 ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setObjectName("form-error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        self.busy = False

    # -- building -------------------------------------------------------------------------
    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add a labelled field whose errors show under it; ``key`` matches ``Problem.where``."""
        error = QLabel()
        error.setObjectName(f"error-{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, box)
        row_label = self.form.labelForField(box)
        if isinstance(row_label, QLabel):
            row_label.setBuddy(widget)
        self._fields[key] = widget
        self._errors[key] = error
        return widget

    def field(self, key: str) -> QWidget:
        return self._fields[key]

    # -- the flow -------------------------------------------------------------------------
    def local_errors(self) -> Mapping[str, str]:
        """Checks that need no database: ``{field key: message}``; empty when all is well."""
        return {}

    def submit(self) -> None:
        """Carry out the action; the default closes the dialog at once."""
        self.done_ok()

    def accept(self) -> None:  # the primary button and Enter
        if self.busy:
            return
        self.clear_errors()
        errors = dict(self.local_errors())
        if errors:
            self.show_errors(errors)
            return
        self.submit()

    def done_ok(self, _result: Any = None) -> None:
        """The action succeeded: close the dialog as accepted."""
        self.set_busy(False)
        super().accept()

    def run_job(self, start: Callable[..., Any], fn: Callable[..., Any],
                on_success: Callable[[Any], None] | None = None) -> None:
        """Run ``fn`` through ``start`` (``jobs.db`` or ``jobs.background``), keeping the form.

        On success ``on_success`` (default: close accepted) gets the result; on failure the
        problems appear in place and the dialog stays open.
        """
        self.set_busy(True)

        def ok(result: Any) -> None:
            self.set_busy(False)
            (on_success or self.done_ok)(result)

        start(fn, success=ok, failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_problems(exc)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.ok_button.setEnabled(not busy)
        if not busy:
            self.ok_button.setDefault(True)  # a disabled default button loses the role

    # -- errors ---------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            label.clear()
            label.hide()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each message under its field (unknown keys above the buttons); focus the first."""
        first: QWidget | None = None
        general: list[str] = []
        for key, message in errors.items():
            label = self._errors.get(key)
            if label is None:
                general.append(message)
                continue
            label.setText(message if not label.text() else label.text() + "\n" + message)
            label.show()
            first = first or self._fields[key]
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problems(self, exc: BaseException) -> None:
        """A refused action: each problem next to its field where ``where`` names one."""
        if isinstance(exc, InvalidInput) and exc.problems:
            errors: dict[str, str] = {}
            for p in exc.problems:
                key = p.where if p.where in self._errors else GENERAL
                errors[key] = (errors[key] + "\n" if key in errors else "") + problem_text(p)
            self.show_errors(errors)
        else:
            self.show_errors({GENERAL: error_text(exc)})

    def error_of(self, key: str) -> str:
        """The message now shown for a field (``GENERAL`` for the dialog's own line)."""
        label = self.general_error if key == GENERAL else self._errors[key]
        return label.text()
