"""The administrator's workspace (管理: staff accounts, catalog import and export) and the
error text every workspace shows. The clerk's, cashier's and supervisor's workspaces have
folders of their own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth, catalog
from hall_client.core.actor import ROLES, Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import problem_text, problem_where, role_label, roles_label
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.gui.widgets.message_area import MessageArea
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.store.models import Person, utcnow


def _role_boxes(parent: QWidget) -> tuple[dict[str, QCheckBox], QWidget]:
    boxes = {r: QCheckBox(role_label(r)) for r in ROLES}
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for r, box in boxes.items():
        box.setObjectName(f"role-{r}")
        layout.addWidget(box)
    layout.addStretch(1)
    return boxes, row


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AddPersonDialog(FormDialog):
    """添加人员: checked in place (username format and taken, password rules, a role), the
    input stays when anything is refused."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AdminWorkspace", "添加人员"), parent,
                         ok_text=QCoreApplication.translate("AdminWorkspace", "添加"))
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("小写字母开头，如 wangjing"))
        self.full_name = NameEdit()
        self.password = _password_edit("password")
        self.repeat = _password_edit("repeat")
        self.role_boxes, roles = _role_boxes(self)
        self.add_field("username", self.tr("用户名："), self.username)
        self.add_field("full_name", self.tr("姓名："), self.full_name)
        self.add_field("password", self.tr("初始密码（至少 8 位）："), self.password)
        self.add_field("repeat", self.tr("再次输入密码："), self.repeat)
        self.add_field("roles", self.tr("角色："), roles)

    def values(self) -> dict[str, object]:
        return dict(username=self.username.text().strip(), full_name=self.full_name.text(),
                    password=self.password.text(),
                    roles=[r for r, b in self.role_boxes.items() if b.isChecked()])

    def local_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        username = self.username.text().strip()
        if not auth.USERNAME_RE.match(username):
            errors["username"] = self.tr("用户名须以小写字母开头，由 2–32 位小写字母、数字、_ . - 组成")
        if not self.full_name.text().strip():
            errors["full_name"] = self.tr("请填写姓名")
        if len(self.password.text()) < auth.MIN_PASSWORD_LENGTH:
            errors["password"] = self.tr("密码至少 {n} 位").format(n=auth.MIN_PASSWORD_LENGTH)
        elif self.password.text() != self.repeat.text():
            errors["repeat"] = self.tr("两次输入的密码不一致")
        if not any(b.isChecked() for b in self.role_boxes.values()):
            errors["roles"] = self.tr("至少选择一个角色")
        return errors

    def submit(self) -> None:
        values, store, actor = self.values(), self.counter.store, self.actor

        def create(ctx: object) -> None:
            with store.transaction() as s:
                auth.add_person(s, actor, **values)  # type: ignore[arg-type]

        self.run_job(self.jobs.db, create)


class ResetPasswordDialog(FormDialog):
    """重置密码: a new temporary password, typed twice; a lock-out ends with it."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, username: str,
                 full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AdminWorkspace", "重置密码 — {name}")
                         .format(name=full_name), parent,
                         ok_text=self.tr("重置密码"))
        self.counter, self.jobs, self.actor, self.username = counter, jobs, actor, username
        intro = QLabel(self.tr("为 {name}（{user}）设一个临时密码，请当面告知本人并提醒其尽快修改。")
                       .format(name=full_name, user=username))
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.password = _password_edit("password")
        self.repeat = _password_edit("repeat")
        self.add_field("password", self.tr("临时密码（至少 8 位）："), self.password)
        self.add_field("repeat", self.tr("再次输入："), self.repeat)

    def local_errors(self) -> dict[str, str]:
        if len(self.password.text()) < auth.MIN_PASSWORD_LENGTH:
            return {"password": self.tr("密码至少 {n} 位").format(n=auth.MIN_PASSWORD_LENGTH)}
        if self.password.text() != self.repeat.text():
            return {"repeat": self.tr("两次输入的密码不一致")}
        return {}

    def submit(self) -> None:
        store, actor, username, password = (self.counter.store, self.actor, self.username,
                                            self.password.text())

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.reset_password(s, actor, username, password)

        self.run_job(self.jobs.db, run)


class EditRolesDialog(FormDialog):
    """修改角色: at least one; nobody removes the administrator role from themselves."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, person: Person,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("AdminWorkspace", "修改角色 — {name}")
                         .format(name=person.full_name), parent,
                         ok_text=self.tr("保存"))
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.username = person.username
        self.role_boxes, roles = _role_boxes(self)
        for r, box in self.role_boxes.items():
            box.setChecked(r in person.role_names)
        self.add_field("roles", self.tr("角色："), roles)

    def roles(self) -> list[str]:
        return [r for r, b in self.role_boxes.items() if b.isChecked()]

    def local_errors(self) -> dict[str, str]:
        if not self.roles():
            return {"roles": self.tr("至少选择一个角色")}
        if self.username == self.actor.username and "admin" not in self.roles():
            return {"roles": self.tr("不能取消自己的系统管理员角色")}
        return {}

    def submit(self) -> None:
        store, actor, username, roles = (self.counter.store, self.actor, self.username,
                                         self.roles())

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.set_roles(s, actor, username, roles)

        self.run_job(self.jobs.db, run)


class CatalogPreviewDialog(QDialog):
    """What an import would do — new, changed and unchanged items, and every problem, each
    naming where it is and the rule — before anything is written."""

    def __init__(self, preview: catalog.ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("导入事项目录 — {file}").format(file=preview.source))
        counts = QLabel(self.tr("新增 {added} 项，修改 {updated} 项（生成新版本），未变 {same} 项")
                        .format(added=len(preview.added), updated=len(preview.updated),
                                same=len(preview.unchanged)))
        counts.setObjectName("preview-counts")
        counts.setStyleSheet("font-weight:bold;")
        self.counts = counts
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("preview-problems")
        self.problems.setReadOnly(True)
        if preview.problems:
            verdict = QLabel(self.tr("发现 {n} 处问题，整份文件不能导入。请在文件中改正后重新选择：")
                             .format(n=len(preview.problems)))
            verdict.setStyleSheet("color:#b00020;font-weight:bold;")
            self.problems.setPlainText("\n".join(
                self.tr("{n}. {where}：{message}（规则 {rule}）").format(
                    n=i, where=problem_where(p.where), message=problem_text(p), rule=p.rule)
                for i, p in enumerate(preview.problems, start=1)))
        else:
            verdict = QLabel(self.tr("校验通过。确认后才会写入事项目录。"))
            changed = [*preview.added, *preview.updated]
            self.problems.setPlainText(
                "\n".join(self.tr("新增：{code}").format(code=c) for c in preview.added)
                + ("\n" if preview.added and preview.updated else "")
                + "\n".join(self.tr("修改：{code}").format(code=c) for c in preview.updated)
                if changed else self.tr("没有要写入的变化。"))
        verdict.setWordWrap(True)
        self.verdict = verdict
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("导入…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("preview-import")
        can_import = preview.ok and bool(preview.added or preview.updated)
        self.import_button.setEnabled(can_import)
        if not can_import:
            self.import_button.setToolTip(self.tr("文件有问题，或没有要写入的变化"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(counts)
        layout.addWidget(verdict)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)


class AdminWorkspace(QWidget):
    """管理: staff accounts of this counter, and the service catalog's import and export."""

    catalog_changed = Signal()

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.model: RecordTableModel[Person] = RecordTableModel([
            Column(QCoreApplication.translate("AdminWorkspace", "姓名"), lambda p: p.full_name),
            Column(QCoreApplication.translate("AdminWorkspace", "用户名"), lambda p: p.username),
            Column(QCoreApplication.translate("AdminWorkspace", "角色"),
                   lambda p: roles_label(p.role_names)),
            Column(QCoreApplication.translate("AdminWorkspace", "状态"), self._state),
        ], self)
        self.view = record_view(self.model)
        self.view.setObjectName("people")
        self.add_button = QPushButton(self.tr("添加人员…"))
        self.add_button.setObjectName("add-person")
        self.add_button.clicked.connect(self.add_person)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.reset_button.setObjectName("reset-password")
        self.reset_button.clicked.connect(self.reset_password)
        self.roles_button = QPushButton(self.tr("修改角色…"))
        self.roles_button.setObjectName("edit-roles")
        self.roles_button.clicked.connect(self.edit_roles)
        self.active_button = QPushButton(self.tr("停用…"))
        self.active_button.setObjectName("toggle-active")
        self.active_button.clicked.connect(self.toggle_active)
        self.person_buttons = (self.unlock_button, self.reset_button, self.roles_button,
                               self.active_button)
        import_button = QPushButton(self.tr("导入事项目录…"))
        import_button.clicked.connect(self.choose_catalog_import)
        export_button = QPushButton(self.tr("导出事项目录…"))
        export_button.clicked.connect(self.choose_catalog_export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("本窗口的人员与角色")))
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        for button in self.person_buttons:
            bar.addWidget(button)
        catalog_bar = QHBoxLayout()
        note = QLabel(self.tr("事项目录：导入 JSON 或 Excel 文件，先预览再确认；"
                              "有任何错误则不导入；修改过的事项生成新版本"))
        note.setWordWrap(True)
        catalog_bar.addWidget(note, 1)
        catalog_bar.addWidget(import_button)
        catalog_bar.addWidget(export_button)
        self.messages = MessageArea()
        self.catalog_status = self.messages.label
        self.preview_dialog: CatalogPreviewDialog | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(catalog_bar)
        layout.addWidget(self.messages)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    @staticmethod
    def _state(p: Person) -> str:
        if not p.active:
            return QCoreApplication.translate("AdminWorkspace", "已停用")
        if p.locked_until is not None and p.locked_until > utcnow():
            return QCoreApplication.translate("AdminWorkspace", "已锁定")
        return QCoreApplication.translate("AdminWorkspace", "正常")

    def selected(self) -> Person | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        person = self.selected()
        for button in self.person_buttons:
            button.setEnabled(person is not None)
            button.setToolTip(self.tr("请先在列表中选择一个人") if person is None else "")
        if person is None:
            self.active_button.setText(self.tr("停用…"))
            return
        self.active_button.setText(self.tr("启用") if not person.active else self.tr("停用…"))
        locked = person.locked_until is not None and person.locked_until > utcnow()
        self.unlock_button.setEnabled(locked)
        self.unlock_button.setToolTip("" if locked else self.tr("所选账号没有被锁定"))
        if person.username == self.actor.username:
            self.active_button.setEnabled(False)
            self.active_button.setToolTip(self.tr("不能停用自己的账号"))

    def refresh(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> list[Person]:
            with store.transaction() as s:
                return auth.list_people(s)

        self.jobs.db(load, success=self._loaded)

    def _loaded(self, people: list[Person]) -> None:
        chosen = self.selected()
        self.model.set_rows(people)
        if chosen is not None:
            for i in range(self.model.total()):
                if self.model.row(i).username == chosen.username:
                    self.view.selectRow(i)
                    break

    def add_person(self) -> AddPersonDialog:
        self.messages.next_action()
        dialog = AddPersonDialog(self.counter, self.jobs, self.actor, self)
        dialog.accepted.connect(lambda: self._done(self.tr("已添加 {name}").format(
            name=dialog.full_name.text())))
        dialog.open()
        return dialog

    def _done(self, text: str) -> None:
        self.messages.show_result(text)
        self.refresh()

    def unlock_selected(self) -> None:
        person = self.selected()
        if person is None:  # the button is disabled then; a shortcut may still get here
            self.messages.show_error(self.tr("请先在列表中选择要解锁的人"))
            return
        self.messages.next_action()
        username, name = person.username, person.full_name
        store, actor = self.counter.store, self.actor

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.unlock(s, actor, username)

        self.jobs.db(run, success=lambda _: self._done(self.tr("已解锁 {name}").format(name=name)),
                     failure=self._failed)

    def reset_password(self) -> ResetPasswordDialog | None:
        person = self.selected()
        if person is None:
            self.messages.show_error(self.tr("请先在列表中选择一个人"))
            return None
        self.messages.next_action()
        dialog = ResetPasswordDialog(self.counter, self.jobs, self.actor, person.username,
                                     person.full_name, self)
        name = person.full_name
        dialog.accepted.connect(lambda: self._done(
            self.tr("已为 {name} 设置临时密码").format(name=name)))
        dialog.open()
        return dialog

    def edit_roles(self) -> EditRolesDialog | None:
        person = self.selected()
        if person is None:
            self.messages.show_error(self.tr("请先在列表中选择一个人"))
            return None
        self.messages.next_action()
        dialog = EditRolesDialog(self.counter, self.jobs, self.actor, person, self)
        name = person.full_name
        dialog.accepted.connect(lambda: self._done(
            self.tr("已修改 {name} 的角色").format(name=name)))
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        person = self.selected()
        if person is None:
            self.messages.show_error(self.tr("请先在列表中选择一个人"))
            return
        self.messages.next_action()
        username, name, active = person.username, person.full_name, not person.active
        if not active and not confirm(
                self, self.tr("停用账号"),
                self.tr("停用后 {name}（{user}）不能再登录本窗口；其办理记录保留。"
                        "需要时可再启用。").format(name=name, user=username),
                self.tr("停用")):
            return
        store, actor = self.counter.store, self.actor

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.set_active(s, actor, username, active)

        done = (self.tr("已启用 {name}") if active else self.tr("已停用 {name}")).format(name=name)
        self.jobs.db(run, success=lambda _: self._done(done), failure=self._failed)

    def choose_catalog_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入事项目录"), "",
                                              self.tr("事项目录 (*.json *.xlsx)"))
        if path:
            self.import_catalog(Path(path))

    def choose_catalog_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出事项目录"), "catalog.xlsx",
                                              self.tr("Excel 工作簿 (*.xlsx);;JSON (*.json)"))
        if path:
            self.export_catalog(Path(path))

    def import_catalog(self, path: Path) -> None:
        """Read and check the file, show the preview; nothing is written before it is
        confirmed there."""
        store, actor = self.counter.store, self.actor
        self.messages.next_action()

        def run(ctx: object) -> catalog.ImportPreview:
            with store.transaction() as s:
                return catalog.preview_file(s, actor, path)

        self.messages.show_info(self.tr("正在校验 {file}…").format(file=path.name))
        self.jobs.db(run, success=self.show_preview, failure=self._import_failed)

    def show_preview(self, preview: catalog.ImportPreview) -> CatalogPreviewDialog:
        self.messages.next_action()
        dialog = CatalogPreviewDialog(preview, self)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self._confirm_import(preview))
        if preview.problems:
            dialog.rejected.connect(lambda: self.messages.show_error(
                self.tr("{file}：发现 {n} 处问题，未导入任何内容").format(
                    file=preview.source, n=len(preview.problems))))
        dialog.open()
        return dialog

    def _confirm_import(self, preview: catalog.ImportPreview) -> None:
        if not confirm(self, self.tr("导入事项目录"), self.tr(
                "将新增 {added} 项、为 {updated} 项生成新版本。已受理的案件仍按原版本办理；"
                "导入后不能撤销。").format(added=len(preview.added),
                                           updated=len(preview.updated)),
                self.tr("导入")):
            return
        self.apply_import(preview)

    def apply_import(self, preview: catalog.ImportPreview) -> None:
        store, actor = self.counter.store, self.actor

        def run(ctx: object) -> catalog.ImportReport:
            with store.transaction() as s:
                return catalog.apply_preview(s, actor, preview)

        def done(report: catalog.ImportReport) -> None:
            self.messages.show_result(self.tr(
                "{file}：导入完成，新增 {added} 项，更新 {updated} 项（新版本），未变 {same} 项")
                .format(file=preview.source, added=len(report.added),
                        updated=len(report.updated), same=len(report.unchanged)))
            self.catalog_changed.emit()

        self.jobs.db(run, success=done, failure=self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        problems = exc.problems if isinstance(exc, InvalidInput) else []
        lines = [f"{problem_where(p.where)}: {problem_text(p)} [{p.rule}]"
                 for p in problems[:20]] or [error_text(exc)]
        more = len(problems) - 20
        if more > 0:
            lines.append(self.tr("……另有 {n} 处问题").format(n=more))
        self.messages.show_error(self.tr("未导入任何内容：") + "\n" + "\n".join(lines))

    def export_catalog(self, path: Path) -> None:
        store = self.counter.store
        self.messages.next_action()

        def run(ctx: object) -> None:
            with store.transaction() as s:
                catalog.export_file(s, path)

        self.jobs.db(run, success=lambda _: self.messages.show_result(
            self.tr("已导出到 {path}").format(path=path)), failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.messages.show_error(error_text(exc))
