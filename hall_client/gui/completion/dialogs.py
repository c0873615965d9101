"""Dialogs of the completion workspace: licence fields with print preview, and collection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core import auth
from hall_client.core.actor import Actor
from hall_client.core.cases.identity import ID_TYPES
from hall_client.core.counter import Counter
from hall_client.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    DomainError,
    InvalidInput,
    Problem,
)
from hall_client.core.results import collection as C
from hall_client.core.results import licences
from hall_client.core.results.licences import ResultCase
from hall_client.core.results.templates import LicenceTemplate, template_for
from hall_client.gui.completion.licence_print import setup_page
from hall_client.gui.completion.signature_pad import SignaturePad
from hall_client.gui.intake.names import id_type_names
from hall_client.gui.intake.notice_print import print_document
from hall_client.gui.jobs import JobRunner
from hall_client.gui.resources import chinese_ui
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import FormDialog
from hall_client.printing.licence_doc import licence_document

ERROR_STYLE = "color:#b00020;font-weight:bold"


def _error_text(exc: BaseException) -> str:
    from hall_client.gui.widgets.form_dialog import error_text

    return error_text(exc)


class LicenceDialog(QDialog):
    """The fields the clerk types for the licence, and a live print preview."""

    def __init__(self, counter: Counter, case: ResultCase, font: QFont,
                 values: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("制证打印 — {number}").format(number=case.case_number))
        self.counter, self.case, self.font_ = counter, case, font
        self.template: LicenceTemplate = template_for(case.item_code)
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        title = QLabel(self.template.title)
        title.setObjectName("itemName")  # the document's own (Chinese) title: data
        holder = QLabel(case.applicant_name)
        holder.setObjectName("personName")
        form.addRow(self.tr("证照："), title)
        form.addRow(self.tr("持证人："), holder)
        chinese = chinese_ui()
        for f in self.template.inputs:
            edit = QLineEdit((values or {}).get(f.label, ""))
            edit.setObjectName(f"field:{f.label}")
            edit.setMaxLength(200)
            edit.editingFinished.connect(self.refresh_preview)
            self.inputs[f.label] = edit
            label = f.label if chinese or not f.label_en else f.label_en
            form.addRow(label + ("*" if f.required else "") + self.tr("："), edit)
        self.error = QLabel()
        self.error.setObjectName("licenceError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.preview = QPrintPreviewWidget(self)
        self.preview.setObjectName("licencePreview")
        self.preview.paintRequested.connect(self._paint)
        self.preview.setMinimumHeight(300)
        print_button = QPushButton(self.tr("打印 (Enter)"))
        print_button.setObjectName("printLicence")
        print_button.setDefault(True)
        print_button.clicked.connect(self._accept)
        cancel = QPushButton(self.tr("取消 (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(print_button)
        buttons.addWidget(cancel)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.error)
        left.addStretch(1)
        top.addLayout(left, 2)
        top.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(buttons)
        self.resize(980, 680)

    def values(self) -> dict[str, str]:
        return {label: edit.text().strip() for label, edit in self.inputs.items()}

    def refresh_preview(self) -> None:
        self.preview.updatePreview()

    def _paint(self, printer: QPrinter) -> None:
        from datetime import UTC, datetime

        from hall_client.core.results.licences import field_value

        typed = self.values()
        fields = {f.label: (typed.get(f.label, "") if f.source == "input"
                            else field_value(self.case, f.source)) or "—"
                  for f in self.template.fields}
        html, images = licence_document(
            template=self.template, number=self.tr("（打印时编号）"), code="preview",
            fields=fields, hall_name=self.counter.settings.hall.name,
            item_name=self.case.item_name, case_number=self.case.case_number,
            issued_at=datetime.now(UTC), preview=True)
        setup_page(printer, self.template)
        print_document(printer, html, images, self.font_)

    def _accept(self) -> None:
        missing = [f.label for f in self.template.inputs
                   if f.required and not self.inputs[f.label].text().strip()]
        if missing:
            self.error.setText(self.tr("请填写：{fields}").format(fields="、".join(missing)))
            self.inputs[missing[0]].setFocus()
            return
        self.accept()


class CollectionDialog(QDialog):
    """Who collects and how they prove it; the signature; then the handover."""

    def __init__(self, counter: Counter, jobs: JobRunner, case: ResultCase,
                 collect: Callable[[C.Collector, bytes], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("领取登记 — {number}").format(number=case.case_number))
        self.counter, self.jobs, self.case, self._collect = counter, jobs, case, collect
        self.authorisation = b""
        self.sms_checked = False
        self.applicant = QRadioButton(self.tr("申请人本人"))
        self.agent = QRadioButton(self.tr("代领人"))
        self.applicant.setObjectName("whoApplicant")
        self.agent.setObjectName("whoAgent")
        who = QButtonGroup(self)
        who.addButton(self.applicant)
        who.addButton(self.agent)
        self.by_id = QRadioButton(self.tr("核验证件"))
        self.by_sms = QRadioButton(self.tr("短信领取码"))
        self.by_id.setObjectName("byId")
        self.by_sms.setObjectName("bySms")
        how = QButtonGroup(self)
        how.addButton(self.by_id)
        how.addButton(self.by_sms)
        self.applicant.setChecked(True)
        self.by_id.setChecked(True)
        self.name = QLineEdit(case.applicant_name)
        self.name.setObjectName("collectorName")
        self.id_type = QComboBox()
        for key, label in id_type_names().items():  # in the interface language
            if key in ID_TYPES and key != "uscc":
                self.id_type.addItem(label, key)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("collectorId")
        self.letter_button = QPushButton(self.tr("选择授权委托书图片…"))
        self.letter_button.setObjectName("chooseLetter")
        self.letter_button.clicked.connect(self._choose_letter)
        self.letter_state = QLabel(self.tr("未拍摄"))
        self.code = QLineEdit()
        self.code.setObjectName("smsCode")
        self.code.setMaxLength(6)
        self.check_button = QPushButton(self.tr("核对领取码"))
        self.check_button.setObjectName("checkCode")
        self.check_button.clicked.connect(self.check_code)
        self.code_state = QLabel()
        self.code_state.setObjectName("codeState")
        self.pad = SignaturePad()
        self.pad.setObjectName("signaturePad")
        clear = QPushButton(self.tr("重签"))
        clear.clicked.connect(self.pad.clear)
        self.error = QLabel()
        self.error.setObjectName("collectionError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.applicant)
        row.addWidget(self.agent)
        form.addRow(self.tr("领取人："), row)
        row2 = QHBoxLayout()
        row2.addWidget(self.by_id)
        row2.addWidget(self.by_sms)
        form.addRow(self.tr("核验方式："), row2)
        self.field_errors: dict[str, QLabel] = {}
        form.addRow(self.tr("姓名："), self._with_error("name", self.name))
        form.addRow(self.tr("证件类型："), self.id_type)
        form.addRow(self.tr("证件号码："), self._with_error("id_number", self.id_number))
        letter = QHBoxLayout()
        letter.addWidget(self.letter_button)
        letter.addWidget(self.letter_state, 1)
        form.addRow(self.tr("授权委托书："), self._with_error("letter", letter))
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addWidget(self.check_button)
        code_row.addWidget(self.code_state, 1)
        form.addRow(self.tr("领取码："), self._with_error("code", code_row))
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.pad, 1)
        sign_row.addWidget(clear)
        form.addRow(self.tr("签名："), self._with_error("signature", sign_row))
        self.ok = QPushButton(self.tr("确认领取 (Enter)"))
        self.ok.setObjectName("confirmCollection")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("取消 (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        info = QLabel(self.tr("{item} · {applicant}").format(item=case.item_name,
                                                           applicant=case.applicant_name))
        info.setStyleSheet("font-size:13pt;font-weight:bold")
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for b in (self.applicant, self.agent, self.by_id, self.by_sms):
            b.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        agent, sms = self.agent.isChecked(), self.by_sms.isChecked()
        self.id_type.setEnabled(not sms)
        self.id_number.setEnabled(not sms)
        self.letter_button.setEnabled(agent and not sms)
        self.code.setEnabled(sms)
        self.check_button.setEnabled(sms and not self.sms_checked)
        if not agent and not self.name.text():
            self.name.setText(self.case.applicant_name)

    def _choose_letter(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("授权委托书图片"), "",
                                              self.tr("图片 (*.jpg *.jpeg *.png)"))
        if path:
            self.set_authorisation(Path(path).read_bytes())

    def set_authorisation(self, data: bytes) -> None:
        self.authorisation = data
        self.letter_state.setText(self.tr("已拍摄（{size} KB）").format(size=len(data) // 1024 or 1))

    def check_code(self) -> None:
        store, case_id, code = self.counter.store, self.case.id, self.code.text()

        def attempt(ctx: object) -> str:
            with store.transaction() as s:
                err = C.code_attempt(s, case_id, code)
            return err.message if err is not None else ""

        self.check_button.setEnabled(False)
        self.jobs.db(attempt, success=self._code_checked, failure=self._failed)

    def _with_error(self, key: str, field: QWidget | QHBoxLayout) -> QWidget:
        """The field with its own red line under it (DESIGN §9: the error next to the field)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            column.addLayout(field)
        else:
            column.addWidget(field)
        label = QLabel()
        label.setObjectName(f"error-{key}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        column.addWidget(label)
        self.field_errors[key] = label
        return box

    def error_of(self, key: str) -> str:
        """The message shown next to a field ("" when none)."""
        return self.field_errors[key].text()

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Each message next to its field (others on the line under the form)."""
        for key, label in self.field_errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)
        general = [m for k, m in errors.items() if k not in self.field_errors]
        self.error.setText("；".join(general))
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _code_checked(self, message: str) -> None:
        if message:
            self.code_state.setText("")
            self.show_errors({"code": message})
            self.check_button.setEnabled(True)
            self.code.selectAll()
            self.code.setFocus()
            return
        self.sms_checked = True
        self.show_errors({})
        self.code_state.setText(self.tr("领取码正确"))
        self.code.setEnabled(False)

    def collector(self) -> C.Collector:
        return C.Collector(
            kind="agent" if self.agent.isChecked() else "applicant", name=self.name.text().strip(),
            method="sms" if self.by_sms.isChecked() else "id",
            id_type=str(self.id_type.currentData()), id_number=self.id_number.text(),
            authorisation=self.authorisation)

    def submit(self) -> None:
        """Check in the dialog first; then hand over (the form stays as typed on refusal)."""
        problems: dict[str, str] = {}
        if not self.name.text().strip():
            problems["name"] = self.tr("请填写领取人姓名")
        if self.by_sms.isChecked() and not self.sms_checked:
            problems["code"] = self.tr("请先核对短信领取码")
        if self.by_id.isChecked() and not self.id_number.text().strip():
            problems["id_number"] = self.tr("请填写领取人证件号码")
        if self.agent.isChecked() and self.by_id.isChecked() and not self.authorisation:
            problems["letter"] = self.tr("代领须拍摄授权委托书")
        if self.pad.is_empty:
            problems["signature"] = self.tr("请领取人在签名板上签名")
        self.show_errors(problems)
        if problems:
            return
        self.ok.setEnabled(False)
        self._collect(self.collector(), self.pad.png())

    def refused(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        code = exc.code if isinstance(exc, DomainError) else ""
        where = {"collector_id_mismatch": "id_number", "authorisation_missing": "letter",
                 "signature_missing": "signature", "organisation_needs_agent": "name"}.get(
            code, "code" if code.startswith("sms_code") else "id_number"
            if code.startswith("id_") else "")
        self.show_errors({where: _error_text(exc)})

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.show_errors({"code": _error_text(exc)})


def approver_fields(dialog: FormDialog) -> tuple[QLineEdit, QLineEdit]:
    """The approving supervisor signs in inside the dialog: user name and password, each with
    its own error line (keys ``supervisor`` and ``password``). One block for every approval
    of the completion screens."""
    supervisor = QLineEdit()
    supervisor.setObjectName("approverName")
    supervisor.setMaxLength(64)
    password = QLineEdit()
    password.setObjectName("approverPassword")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.add_field("supervisor", QCoreApplication.translate(
        "RevokeDialog", "批准的值班主任（用户名）："), supervisor)
    dialog.add_field("password", QCoreApplication.translate("RevokeDialog", "值班主任密码："),
                     password)
    return supervisor, password


def approver_problems(exc: DomainError) -> InvalidInput | None:
    """A refused sign-in or approver, placed next to the field it concerns (or None)."""
    where = {"approver_not_supervisor": "supervisor", "approver_is_actor": "supervisor",
             "revoke_reason_missing": "reason"}.get(exc.code)
    if isinstance(exc, (AuthenticationFailed, AccountLocked)):
        where = "password"
    if where is None:
        return None
    return InvalidInput([Problem(where, exc.code, exc.message)])


class RevokeDialog(FormDialog):
    """Revoke a printed licence: the reason, and a supervisor (another person) signs in to
    approve; asked once more before it is done. For a licence already collected the person
    revoking must be a supervisor too (the core refuses otherwise)."""

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor, licence_id: str,
                 number: str, holder: str, *, collected: bool = False,
                 on_revoked: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("RevokeDialog", "撤销证照 — {number}").format(
            number=number), parent, ok_text=QCoreApplication.translate("RevokeDialog",
                                                                       "撤销 (Enter)"))
        self.setObjectName("revokeDialog")
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.licence_id, self.number, self.holder = licence_id, number, holder
        self.collected, self.on_revoked = collected, on_revoked
        text = self.tr("撤销后证号 {number}（{holder}）作废，验真时显示“已撤销”；"
                                  "补发将使用新的证号。此操作不可撤回。").format(number=number,
                                                                      holder=holder)
        if collected:
            text += self.tr("\n该证照已由申请人领取：须由值班主任撤销，"
                                       "并由另一位值班主任批准，请通知持证人交回原证。")
        self.warning = QLabel(text)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight:bold")
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self.warning)
        self.reason = QLineEdit()
        self.reason.setObjectName("revokeReason")
        self.reason.setMaxLength(500)
        self.add_field("reason", self.tr("撤销原因："), self.reason)
        self.supervisor, self.password = approver_fields(self)
        self.setMinimumWidth(560)

    def local_errors(self) -> dict[str, str]:
        errors = {}
        if len(self.reason.text().strip()) < 2:
            errors["reason"] = self.tr("请写明撤销原因")
        if not self.supervisor.text().strip():
            errors["supervisor"] = self.tr("须由另一位值班主任输入用户名批准")
        if not self.password.text():
            errors["password"] = self.tr("请值班主任输入密码")
        return errors

    def submit(self) -> None:
        if not confirm(self, self.tr("撤销证照"),
                       self.tr("证照 {number}（{holder}）将被撤销，验真时显示“已撤销”，"
                               "不能恢复。确定撤销吗？").format(number=self.number,
                                                        holder=self.holder),
                       self.tr("撤销证照")):
            return
        counter, actor, licence_id = self.counter, self.actor, self.licence_id
        reason, user, password = (self.reason.text().strip(), self.supervisor.text().strip(),
                                  self.password.text())

        def work(ctx: object) -> str:
            try:
                approver = auth.sign_in(counter.store.sessions, user, password, actor.counter)
                with counter.store.transaction() as s:
                    return licences.revoke_licence(s, actor, approver, licence_id, reason).number
            except DomainError as exc:
                placed = approver_problems(exc)
                if placed is None:
                    raise
                raise placed from exc

        self.run_job(self.jobs.db, work, on_success=self._revoked)

    def _revoked(self, number: str) -> None:
        self.done_ok()
        if self.on_revoked is not None:
            self.on_revoked(number)

    def show_problems(self, exc: BaseException) -> None:
        self.password.clear()  # a refused approval is signed again
        super().show_problems(exc)

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        # The error lines add height: grow so none is drawn over the next field.
        self.layout().activate()
        needed = self.heightForWidth(self.width()) if self.hasHeightForWidth() else -1
        self.resize(self.width(), max(self.height(), needed, self.sizeHint().height()))
