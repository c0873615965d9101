"""好差评 for the supervisor: the period's ratings, a bad rating's closed loop with each step's
deadline and state, recording a step done, and deciding an appeal with a reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.supervision.client import SupervisionClient
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.common import ColouredModel, PeriodPicker, server_error_text
from hall_client.gui.supervision.labels import (
    WARNING_COLOURS,
    appeal_state_label,
    level_label,
    rating_state_label,
    warning_label,
)
from hall_client.gui.table_model import Column, record_view
from hall_client.gui.widgets.confirm import confirm

BAD = {"不满意", "非常不满意"}



def _day(iso: str | None) -> str:
    return (iso or "")[:10]


def loop_columns() -> list[Column[dict[str, Any]]]:
    return [
        Column(QCoreApplication.translate("RatingsPanel", "步骤"), lambda s: s["name"]),
        Column(QCoreApplication.translate("RatingsPanel", "时限（工作日）"), lambda s: s["limit_days"]),
        Column(QCoreApplication.translate("RatingsPanel", "到期日"), lambda s: s["due_date"] or "—"),
        Column(QCoreApplication.translate("RatingsPanel", "状态"), lambda s: warning_label(s["warning"])),
        Column(QCoreApplication.translate("RatingsPanel", "完成日"), lambda s: _day(s["done_at"])),
        Column(QCoreApplication.translate("RatingsPanel", "办理人"), lambda s: s["done_by"]),
        Column(QCoreApplication.translate("RatingsPanel", "情况"), lambda s: s["note"]),
    ]


class LoopDetail(QWidget):
    """One rating: the applicant's words, the loop's steps, the active step's form, appeals."""

    def __init__(self, client: SupervisionClient | None, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.rating: dict[str, Any] | None = None
        self.on_changed: Any = None
        self.header = QLabel(self.tr("选择一条评价查看整改闭环"))
        self.header.setObjectName("loopHeader")
        self.header.setWordWrap(True)
        self.model: ColouredModel[dict[str, Any]] = ColouredModel(
            loop_columns(), lambda s, c: WARNING_COLOURS.get(s["warning"]) if c in (2, 3)
            else None, self)
        self.table = record_view(self.model)
        self.table.setObjectName("loopTable")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("写明核实、整改、答复或回访的情况"))
        self.done_button = QPushButton(self.tr("登记本步完成 (Ctrl+Enter)"))
        self.done_button.setShortcut("Ctrl+Return")
        self.done_button.clicked.connect(self.complete_step)
        step_row = QHBoxLayout()
        step_row.addWidget(self.note, 1)
        step_row.addWidget(self.done_button)
        self.appeal_box = QGroupBox(self.tr("申诉"))
        self.appeal_text = QLabel()
        self.appeal_text.setWordWrap(True)
        self.decision_reason = QLineEdit()
        self.decision_reason.setPlaceholderText(self.tr("裁定理由（必填）"))
        self.accept_button = QPushButton(self.tr("申诉成立"))
        self.refuse_button = QPushButton(self.tr("驳回申诉"))
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        appeal_layout = QFormLayout(self.appeal_box)
        appeal_layout.addRow(self.appeal_text)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.decision_reason, 1)
        decide_row.addWidget(self.accept_button)
        decide_row.addWidget(self.refuse_button)
        appeal_layout.addRow(decide_row)
        self.message = QLabel()
        self.message.setObjectName("loopMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addLayout(step_row)
        layout.addWidget(self.appeal_box)
        layout.addWidget(self.message)
        self.show_rating(None)

    def show_rating(self, rating: dict[str, Any] | None) -> None:
        self.rating = rating
        self.model.set_rows(list(rating["loop"]) if rating else [])
        active = next((s for s in rating["loop"] if s["state"] == "active"), None) \
            if rating else None
        self.note.setEnabled(active is not None)
        self.done_button.setEnabled(active is not None)
        self.done_button.setText(self.tr("登记“{step}”完成 (Ctrl+Enter)").format(
            step=active["name"]) if active else self.tr("登记本步完成 (Ctrl+Enter)"))
        if rating is None:
            self.header.setText(self.tr("选择一条评价查看整改闭环"))
            self.appeal_box.setVisible(False)
            return
        self.header.setText(self.tr(
            "{number} · {item}\n{level}：“{comment}” —— 评价 {clerk}（{counter}）{day}；{state}"
        ).format(number=rating["case_number"], item=rating["item_name"],
                 level=level_label(rating["level"]), comment=rating["comment"] or "—",
                 clerk=rating["clerk_name"], counter=rating["counter"],
                 day=_day(rating["rated_at"]), state=rating_state_label(rating["state"])))
        appeals = rating["appeals"]
        self.appeal_box.setVisible(bool(appeals))
        if appeals:
            a = appeals[-1]
            text = self.tr("{who} 于 {day} 申诉：{reason}（{state}）").format(
                who=a["filed_by"], day=_day(a["filed_at"]), reason=a["reason"],
                state=appeal_state_label(a["state"]))
            if a["state"] != "pending":
                text += "\n" + self.tr("{who} 裁定：{reason}").format(
                    who=a["decided_by"], reason=a["decision_reason"])
            self.appeal_text.setText(text)
            pending = a["state"] == "pending"
            for w in (self.decision_reason, self.accept_button, self.refuse_button):
                w.setVisible(pending)

    def complete_step(self) -> None:
        if self.rating is None or self.client is None:
            return
        active = next((s for s in self.rating["loop"] if s["state"] == "active"), None)
        note = self.note.text().strip()
        if active is None:
            return
        if not note:
            self._error(self.tr("请写明{step}的情况").format(step=active["name"]))
            return
        client, rid, kind = self.client, self.rating["id"], active["kind"]
        self.jobs.background(lambda ctx: client.complete_loop_step(rid, kind, note),
                             success=self._changed, failure=lambda e: self._error(server_error_text(e)))

    def decide(self, accept: bool) -> None:
        if self.rating is None or self.client is None or not self.rating["appeals"]:
            return
        reason = self.decision_reason.text().strip()
        if len(reason) < 4:
            self._error(self.tr("裁定必须写明理由（至少 4 个字）"))
            return
        what = self.tr("申诉成立后该评价作废，不计入满意率，整改闭环取消。") if accept \
            else self.tr("驳回后该差评照常计入，整改闭环继续。")
        action = self.tr("申诉成立") if accept else self.tr("驳回申诉")
        if not confirm(self, self.tr("确认裁定"), what, action):
            return
        client, rid, aid = self.client, self.rating["id"], self.rating["appeals"][-1]["id"]
        self.jobs.background(lambda ctx: client.decide_appeal(rid, aid, accept, reason),
                             success=self._changed, failure=lambda e: self._error(server_error_text(e)))

    def _changed(self, rating: dict[str, Any]) -> None:
        self.note.clear()
        self.decision_reason.clear()
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已保存：{state}").format(
            state=rating_state_label(rating["state"])))
        self.show_rating(rating)
        if self.on_changed:
            self.on_changed(rating)

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)


class RatingsPanel(QWidget):
    def __init__(self, client: SupervisionClient | None, jobs: JobRunner, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.period = PeriodPicker(today)
        self.state = QComboBox()
        for code, text in (("", self.tr("全部")), ("open", self.tr("整改中")),
                           ("closed", self.tr("已闭环")), ("voided", self.tr("已作废")),
                           ("none", self.tr("好评"))):
            self.state.addItem(text, code)
        load = QPushButton(self.tr("查询"))
        load.clicked.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(self.period)
        bar.addWidget(self.state)
        bar.addStretch(1)
        bar.addWidget(load)
        self.model: ColouredModel[dict[str, Any]] = ColouredModel([
            Column(QCoreApplication.translate("RatingsPanel", "评价日"), lambda r: _day(r["rated_at"])),
            Column(QCoreApplication.translate("RatingsPanel", "等级"), lambda r: level_label(r["level"])),
            Column(QCoreApplication.translate("RatingsPanel", "受理编号"), lambda r: r["case_number"]),
            Column(QCoreApplication.translate("RatingsPanel", "事项"), lambda r: r["item_name"]),
            Column(QCoreApplication.translate("RatingsPanel", "工作人员"), lambda r: r["clerk_name"]),
            Column(QCoreApplication.translate("RatingsPanel", "窗口"), lambda r: r["counter"]),
            Column(QCoreApplication.translate("RatingsPanel", "闭环"), lambda r: rating_state_label(r["state"])),
        ], lambda r, c: QColor("#c62828") if c == 1 and r["level"] in BAD else None, self)
        self.table = record_view(self.model)
        self.table.setObjectName("ratingsTable")
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = LoopDetail(client, jobs)
        self.detail.on_changed = self._replace
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([450, 550])
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        if self.client is None:
            self.status.setText(self.tr("本机尚未登录中心服务器"))
            return
        start, end = self.period.bounds()
        client, state = self.client, self.state.currentData() or None
        self.jobs.background(lambda ctx: client.ratings(start, end, state),
                             success=self.show_ratings,
                             failure=lambda e: self.status.setText(server_error_text(e)))

    def show_ratings(self, ratings: list[dict[str, Any]]) -> None:
        self.model.set_rows(ratings)
        bad = sum(1 for r in ratings if r["level"] in BAD)
        self.status.setText(self.tr("共 {n} 条评价，其中差评 {bad} 条").format(
            n=len(ratings), bad=bad))
        if ratings:
            self.table.selectRow(0)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_rating(self.model.row(rows[0].row()) if rows else None)

    def _replace(self, rating: dict[str, Any]) -> None:
        for i in range(self.model.total()):
            if self.model.row(i)["id"] == rating["id"]:
                self.model.row(i).update(rating)
        self.table.viewport().update()
