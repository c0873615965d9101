"""What the walkers visit: the roles, the screens and who owns them, and one entry per dialog.

Every ``QDialog`` subclass under ``hall_client.gui`` must have an entry in :data:`DIALOGS`
(``test_every_dialog_has_a_walker`` fails otherwise), so a new dialog is walked too. An entry
builds the dialog with plausible data, without ``exec()``: the walker shows it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import numpy as np
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

import hall_client.gui
from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner

#: the demo staff that hold each role
ROLES = {"clerk": "wangjing", "cashier": "qianfang", "supervisor": "zhouyan", "admin": "admin"}
LANGS = ("zh_CN", "en")

#: Screen (widget class) → the source file that draws it. A violation is put on the nearest
#: screen that contains the offending widget; what lies in none of them is the main window's.
SCREENS: dict[str, str] = {
    "MainWindow": "gui/main_window.py",
    "NoticeBar": "gui/sync/notices.py",
    "SyncStatusBar": "gui/sync/status_bar.py",
    "IntakeWorkspace": "gui/intake/workspace.py",
    "FeeForm": "gui/intake/fee_form.py",
    "CaseList": "gui/intake/case_list.py",
    "CompletionWorkspace": "gui/completion/workspace.py",
    "CashierWorkspace": "gui/cashier_workspace.py",
    "SupervisionWorkspace": "gui/supervision/workspace.py",
    "BoardPanel": "gui/supervision/board.py",
    "PerformancePanel": "gui/supervision/performance.py",
    "RatingsPanel": "gui/supervision/ratings.py",
    "AbnormalPanel": "gui/supervision/abnormal.py",
    "AuditViewer": "gui/supervision/audit_viewer.py",
    "CashierReportsPanel": "gui/cashier/reports.py",
    "StockPanel": "gui/cashier/stock.py",
    "AdminWorkspace": "gui/workspaces.py",
    "CatalogBrowser": "gui/catalog_browser.py",
    "ServerCasesWorkspace": "gui/sync/cases.py",
    "PageWorkspace": "gui/pages/workspace.py",
    # dialogs
    "LoginDialog": "gui/login.py",
    "FirstRunDialog": "gui/login.py",
    "UrgeDialog": "gui/supervision/board.py",
    "HistoryDialog": "gui/supervision/board.py",
    "RatingScreen": "gui/supervision/rating_screen.py",
    "ServerPasswordDialog": "gui/sync/dialogs.py",
    "SyncProblemsDialog": "gui/sync/dialogs.py",
    "PresubmissionsDialog": "gui/sync/presubmissions.py",
    "CornerEditor": "gui/pages/corner_editor.py",
    "RareCharPicker": "gui/widgets/rare_char.py",
    "FormDialog": "gui/widgets/form_dialog.py",
    "LicenceDialog": "gui/completion/dialogs.py",
    "CollectionDialog": "gui/completion/dialogs.py",
    "RevokeDialog": "gui/completion/dialogs.py",
    "PaymentDialog": "gui/cashier_workspace.py",
    "CloseDialog": "gui/cashier_workspace.py",
    "SpoilDialog": "gui/cashier_workspace.py",
    "ApprovalDialog": "gui/cashier_workspace.py",
    "StockForm": "gui/cashier/stock.py",
    "AddPersonDialog": "gui/workspaces.py",
    "PrinterSettingsDialog": "gui/cashier/printer.py",
    "ResetPasswordDialog": "gui/workspaces.py",
    "EditRolesDialog": "gui/workspaces.py",
    "CatalogPreviewDialog": "gui/workspaces.py",
    "ChangePasswordDialog": "gui/login.py",
    "LockScreen": "gui/lock_screen.py",
    "IssuedLicencesDialog": "gui/completion/revoke.py",
    "NoticeForDialog": "gui/catalog_browser.py",
}


@dataclass
class Env:
    """What a dialog entry may need: the counter, the job runner, a parent main window."""

    counter: Counter
    jobs: JobRunner
    actor: Actor
    window: Any  # the MainWindow of the role being walked


DialogFactory = Callable[[Env], QDialog]


def _board_row() -> Any:
    from hall_client.core.supervision.board import BoardRow, BoardStep

    step = BoardStep(step_id="s1", name="审查", due_date="2026-12-03", warning="yellow",
                     holders=["张伟"], backup=["李娜"])
    return BoardRow(case_id="c1", case_number="ZJ-2026-00112", item_code="ZJ-XK-001",
                    item_name="建筑工程施工许可证核发", department="ZJ",
                    department_name="县住房和城乡建设局", project_name="城东安置房二期",
                    status="in_review", counter="W01", counter_name="综合窗口1号",
                    promised_due="2026-12-05", warning="yellow", days_left=2, steps=[step])


def _client(env: Env) -> Any:
    from hall_client.core.supervision.client import SupervisionClient

    return SupervisionClient(env.counter.settings.server.url, lambda: "token")


def _result_case() -> Any:
    from hall_client.core.results.licences import ResultCase

    return ResultCase(id="c1", case_number="ZJ-2026-00112", item_code="ZJ-XK-001",
                      item_name="建筑工程施工许可证核发", project_name="城东安置房二期",
                      applicant={"name": "杭州市城东建设有限公司", "id_type": "统一社会信用代码",
                                 "id_number": "91330100MA27XXXX1X"},
                      status="awaiting_collection", fee_total=Decimal("0.00"),
                      fee_state="none", reason="", ready_at=datetime.now(UTC))


def _payment_line() -> Any:
    from hall_client.core import cashier

    return cashier.PaymentLine(id="p", at=datetime.now(UTC), payer="杭州市城东建设有限公司",
                               case_ref="ZJ-2026-00112", total=Decimal("120.00"),
                               refunded=Decimal("0.00"), status="paid", methods="现金",
                               receipts="0001234", voidable=True)


def _login(env: Env) -> QDialog:
    from hall_client.gui.login import LoginDialog

    return LoginDialog(env.counter, env.jobs)


def _first_run(env: Env) -> QDialog:
    from hall_client.gui.login import FirstRunDialog

    return FirstRunDialog(env.counter, env.jobs)


def _urge(env: Env) -> QDialog:
    from hall_client.gui.supervision.board import UrgeDialog

    return UrgeDialog(_client(env), env.jobs, _board_row(), env.window)


def _history(env: Env) -> QDialog:
    from hall_client.gui.supervision.board import HistoryDialog

    return HistoryDialog(_client(env), env.jobs, _board_row(), env.window)


def _rating(env: Env) -> QDialog:
    from hall_client.core.supervision.ratings import Visit
    from hall_client.gui.supervision.rating_screen import RatingScreen

    return RatingScreen(env.counter, env.jobs, env.actor,
                        Visit("c1", "ZJ-2026-00112", "wangjing", "王静", "W01"), env.window)


def _server_password(env: Env) -> QDialog:
    from hall_client.gui.sync.dialogs import ServerPasswordDialog

    return ServerPasswordDialog(env.window.sync, env.actor.full_name, env.window)


def _sync_problems(env: Env) -> QDialog:
    from hall_client.gui.sync.dialogs import SyncProblemsDialog

    return SyncProblemsDialog(env.counter, env.jobs, env.window.sync, env.window)


def _presubmissions(env: Env) -> QDialog:
    from hall_client.gui.sync.presubmissions import PresubmissionsDialog

    return PresubmissionsDialog(env.counter, env.jobs, env.actor, env.window)


def _corner_editor(env: Env) -> QDialog:
    from hall_client.gui.pages.corner_editor import CornerEditor

    photo = np.full((600, 800, 3), 200, dtype=np.uint8)
    return CornerEditor(photo, [[40.0, 30.0], [760.0, 30.0], [760.0, 570.0], [40.0, 570.0]],
                        env.window)


def _rare_char(env: Env) -> QDialog:
    from hall_client.gui.widgets.rare_char import RareCharPicker

    return RareCharPicker(env.window)


def _form_dialog(env: Env) -> QDialog:
    from PySide6.QtCore import QCoreApplication

    from hall_client.gui.widgets.form_dialog import FormDialog

    dialog = FormDialog(QCoreApplication.translate("AdminWorkspace", "添加人员"), env.window)
    dialog.add_field("username", QCoreApplication.translate("AddPersonDialog", "用户名："),
                     QLineEdit())
    return dialog


def _licence(env: Env) -> QDialog:
    from hall_client.gui.completion.dialogs import LicenceDialog

    return LicenceDialog(env.counter, _result_case(), QFont(env.window.font()),
                         parent=env.window)


def _collection(env: Env) -> QDialog:
    from hall_client.gui.completion.dialogs import CollectionDialog

    return CollectionDialog(env.counter, env.jobs, _result_case(), lambda *_: None, env.window)


def _revoke(env: Env) -> QDialog:
    from hall_client.gui.completion.dialogs import RevokeDialog

    return RevokeDialog(env.counter, env.jobs, env.actor, "licence-1", "ZJ-XK-2026-0001",
                        "杭州市城东建设有限公司", collected=True, parent=env.window)


def _issued_licences(env: Env) -> QDialog:
    from hall_client.gui.completion.licence_print import pdf_sender
    from hall_client.gui.completion.revoke import IssuedLicencesDialog

    return IssuedLicencesDialog(env.counter, env.jobs, env.actor,
                                lambda font: pdf_sender(env.counter.data_dir / "walk.pdf", font),
                                env.window)


def _notice_for(env: Env) -> QDialog:
    from hall_client.gui.catalog_browser import NoticeForDialog

    return NoticeForDialog(env.window)


def _lock_screen(env: Env) -> QDialog:
    from hall_client.gui.lock_screen import LockScreen

    return LockScreen(env.counter, env.jobs, env.actor, env.window)


def _change_password(env: Env) -> QDialog:
    from hall_client.gui.login import ChangePasswordDialog

    return ChangePasswordDialog(env.counter, env.jobs, env.actor, env.window)


def _demo_person(env: Env) -> Any:
    from sqlalchemy import select

    from hall_client.store.models import Person

    with env.counter.store.transaction() as s:
        person = s.scalars(select(Person).where(Person.username == "wangjing")).one()
        s.expunge(person)
        return person


def _reset_password(env: Env) -> QDialog:
    from hall_client.gui.workspaces import ResetPasswordDialog

    return ResetPasswordDialog(env.counter, env.jobs, env.actor, "wangjing", "王静", env.window)


def _edit_roles(env: Env) -> QDialog:
    from hall_client.gui.workspaces import EditRolesDialog

    return EditRolesDialog(env.counter, env.jobs, env.actor, _demo_person(env), env.window)


def _catalog_preview(env: Env) -> QDialog:
    from hall_client.core.catalog import ImportPreview
    from hall_client.core.errors import Problem
    from hall_client.gui.workspaces import CatalogPreviewDialog

    preview = ImportPreview(
        source="catalog.xlsx", doc={}, added=["ZJ-XK-009"], updated=["ZJ-XK-001"],
        unchanged=["ZJ-BA-002"],
        problems=[Problem("工作表“收费”第 7 行 price", "amount_places", "最多 2 位小数：12.345")])
    return CatalogPreviewDialog(preview, env.window)


def _payment(env: Env) -> QDialog:
    from hall_client.gui.cashier_workspace import PaymentDialog
    from hall_client.store.cashier_models import FeeAssessment

    due = FeeAssessment(total=Decimal("120.00"), payer="杭州市城东建设有限公司",
                        case_ref="ZJ-2026-00112")
    return PaymentDialog(due, env.window)


def _close(env: Env) -> QDialog:
    from hall_client.gui.cashier_workspace import CloseDialog

    return CloseDialog(Decimal("320.00"), env.window)


def _spoil(env: Env) -> QDialog:
    from hall_client.gui.cashier_workspace import SpoilDialog

    return SpoilDialog(env.window)


def _approval(env: Env) -> QDialog:
    from hall_client.gui.cashier_workspace import ApprovalDialog

    return ApprovalDialog(_payment_line(), refund=True, parent=env.window)


def _stock_form(env: Env) -> QDialog:
    from PySide6.QtCore import QCoreApplication

    from hall_client.gui.cashier.stock import StockForm

    code = QLineEdit()
    return StockForm(QCoreApplication.translate("StockPanel", "票据入库"),
                     [("code", QCoreApplication.translate("StockPanel", "票据代码(&C)："), code)],
                     lambda: None, env.jobs, env.window)


def _printer_settings(env: Env) -> QDialog:
    from hall_client.gui.cashier.printer import PrinterSettingsDialog

    return PrinterSettingsDialog(env.counter, env.jobs, env.window)


def _add_person(env: Env) -> QDialog:
    from hall_client.gui.workspaces import AddPersonDialog

    return AddPersonDialog(env.counter, env.jobs, env.actor, env.window)


#: dialog class (module.Class) → (the role whose window opens it, how to build it)
DIALOGS: dict[str, tuple[str, DialogFactory]] = {
    "hall_client.gui.login.LoginDialog": ("clerk", _login),
    "hall_client.gui.login.FirstRunDialog": ("admin", _first_run),
    "hall_client.gui.supervision.board.UrgeDialog": ("supervisor", _urge),
    "hall_client.gui.supervision.board.HistoryDialog": ("supervisor", _history),
    "hall_client.gui.supervision.rating_screen.RatingScreen": ("clerk", _rating),
    "hall_client.gui.sync.dialogs.ServerPasswordDialog": ("clerk", _server_password),
    "hall_client.gui.sync.dialogs.SyncProblemsDialog": ("clerk", _sync_problems),
    "hall_client.gui.sync.presubmissions.PresubmissionsDialog": ("clerk", _presubmissions),
    "hall_client.gui.pages.corner_editor.CornerEditor": ("clerk", _corner_editor),
    "hall_client.gui.widgets.rare_char.RareCharPicker": ("clerk", _rare_char),
    "hall_client.gui.widgets.form_dialog.FormDialog": ("admin", _form_dialog),
    "hall_client.gui.completion.dialogs.LicenceDialog": ("clerk", _licence),
    "hall_client.gui.completion.dialogs.CollectionDialog": ("clerk", _collection),
    "hall_client.gui.completion.dialogs.RevokeDialog": ("clerk", _revoke),
    "hall_client.gui.cashier_workspace.PaymentDialog": ("cashier", _payment),
    "hall_client.gui.cashier_workspace.CloseDialog": ("cashier", _close),
    "hall_client.gui.cashier_workspace.SpoilDialog": ("cashier", _spoil),
    "hall_client.gui.cashier_workspace.ApprovalDialog": ("cashier", _approval),
    "hall_client.gui.cashier.stock.StockForm": ("supervisor", _stock_form),
    "hall_client.gui.workspaces.AddPersonDialog": ("admin", _add_person),
    "hall_client.gui.cashier.printer.PrinterSettingsDialog": ("cashier", _printer_settings),
    "hall_client.gui.workspaces.ResetPasswordDialog": ("admin", _reset_password),
    "hall_client.gui.workspaces.EditRolesDialog": ("admin", _edit_roles),
    "hall_client.gui.workspaces.CatalogPreviewDialog": ("admin", _catalog_preview),
    "hall_client.gui.completion.revoke.IssuedLicencesDialog": ("clerk", _issued_licences),
    "hall_client.gui.catalog_browser.NoticeForDialog": ("clerk", _notice_for),
    "hall_client.gui.lock_screen.LockScreen": ("clerk", _lock_screen),
    "hall_client.gui.login.ChangePasswordDialog": ("clerk", _change_password),
}


def dialog_classes() -> list[str]:
    """Every QDialog subclass defined under hall_client.gui, as module.Class."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(hall_client.gui.__path__, "hall_client.gui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, QDialog) and \
                    obj.__module__ == module.__name__:
                found.add(f"{obj.__module__}.{obj.__qualname__}")
    return sorted(found)


def screen_of(w: QWidget | None) -> str:
    """The nearest registered screen that contains ``w``."""
    node = w
    while node is not None:
        name = type(node).__name__
        if name in SCREENS:
            return name
        node = node.parentWidget()
    return "MainWindow"
