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
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth, catalog
from hall_client.core.actor import ROLES, Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import role_label, roles_label
from hall_client.gui.table_model import Column, RecordTableModel, record_view
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.widgets.rare_char import NameEdit
from hall_client.store.models import Person


class AddPersonDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加人员"))
        self.username = QLineEdit()
        self.full_name = NameEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes = {r: QCheckBox(role_label(r)) for r in ROLES}
        roles = QHBoxLayout()
        for box in self.role_boxes.values():
            roles.addWidget(box)
        form = QFormLayout(self)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("姓名："), self.full_name)
        form.addRow(self.tr("初始密码："), self.password)
        form.addRow(self.tr("角色："), roles)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        return dict(username=self.username.text().strip(), full_name=self.full_name.text(),
                    password=self.password.text(),
                    roles=[r for r, b in self.role_boxes.items() if b.isChecked()])


class AdminWorkspace(QWidget):
    """管理: staff accounts of this counter, and the service catalog's import and export."""

    catalog_changed = Signal()

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.model: RecordTableModel[Person] = RecordTableModel([
            Column(QCoreApplication.translate("AdminWorkspace", "用户名"), lambda p: p.username),
            Column(QCoreApplication.translate("AdminWorkspace", "姓名"), lambda p: p.full_name),
            Column(QCoreApplication.translate("AdminWorkspace", "角色"),
                   lambda p: roles_label(p.role_names)),
            Column(QCoreApplication.translate("AdminWorkspace", "状态"),
                   lambda p: QCoreApplication.translate("AdminWorkspace", "已锁定") if p.locked_until
                   else QCoreApplication.translate("AdminWorkspace", "正常")),
        ], self)
        self.view = record_view(self.model)
        add = QPushButton(self.tr("添加人员…"))
        add.clicked.connect(self.add_person)
        unlock = QPushButton(self.tr("解锁所选账号"))
        unlock.clicked.connect(self.unlock_selected)
        import_button = QPushButton(self.tr("导入事项目录…"))
        import_button.clicked.connect(self.choose_catalog_import)
        export_button = QPushButton(self.tr("导出事项目录…"))
        export_button.clicked.connect(self.choose_catalog_export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("本窗口的人员与角色")))
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(unlock)
        catalog_bar = QHBoxLayout()
        catalog_bar.addWidget(QLabel(self.tr(
            "事项目录：导入 JSON 或 Excel 文件（整份校验，有任何错误则不导入）；修改过的事项生成新版本")))
        catalog_bar.addStretch(1)
        catalog_bar.addWidget(import_button)
        catalog_bar.addWidget(export_button)
        self.catalog_status = QLabel()
        self.catalog_status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(catalog_bar)
        layout.addWidget(self.catalog_status)
        self.refresh()

    def refresh(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> list[Person]:
            with store.transaction() as s:
                return auth.list_people(s)

        self.jobs.db(load, success=self.model.set_rows)

    def add_person(self) -> None:
        dialog = AddPersonDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, store, actor = dialog.values(), self.counter.store, self.actor

        def create(ctx: object) -> None:
            with store.transaction() as s:
                auth.add_person(s, actor, **values)  # type: ignore[arg-type]

        self.jobs.db(create, success=lambda _: self.refresh(), failure=self._failed)

    def unlock_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        username = self.model.row(rows[0].row()).username
        store, actor = self.counter.store, self.actor

        def run(ctx: object) -> None:
            with store.transaction() as s:
                auth.unlock(s, actor, username)

        self.jobs.db(run, success=lambda _: self.refresh(), failure=self._failed)

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
        store, actor = self.counter.store, self.actor

        def run(ctx: object) -> catalog.ImportReport:
            with store.transaction() as s:
                return catalog.import_file(s, actor, path)

        def done(report: catalog.ImportReport) -> None:
            self.catalog_status.setStyleSheet("color: #1b5e20;")
            self.catalog_status.setText(self.tr("{file}：导入完成，{summary}").format(
                file=path.name, summary=report.describe()))
            self.catalog_changed.emit()

        def failed(exc: BaseException) -> None:
            self.catalog_status.setStyleSheet("color: #b00020;")
            problems = exc.problems if isinstance(exc, InvalidInput) else []
            lines = [str(p) for p in problems[:20]] or [error_text(exc)]
            more = len(problems) - 20
            if more > 0:
                lines.append(self.tr("……另有 {n} 处问题").format(n=more))
            self.catalog_status.setText(self.tr("未导入任何内容：") + "\n" + "\n".join(lines))

        self.catalog_status.setText(self.tr("正在校验并导入 {file}…").format(file=path.name))
        self.jobs.db(run, success=done, failure=failed)

    def export_catalog(self, path: Path) -> None:
        store = self.counter.store

        def run(ctx: object) -> None:
            with store.transaction() as s:
                catalog.export_file(s, path)

        self.jobs.db(run, success=lambda _: self.catalog_status.setText(
            self.tr("已导出到 {path}").format(path=path)), failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("操作未完成"), error_text(exc))
