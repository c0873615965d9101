"""监察看板: the hall's open cases with warnings and due dates, refreshed in the background; the
last view stays (marked stale) while the server cannot be reached; urge and history."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.settings import SHANGHAI
from hall_client.core.supervision import board as board_core
from hall_client.core.supervision.board import BoardRow
from hall_client.core.supervision.client import SupervisionClient
from hall_client.gui.jobs import JobRunner
from hall_client.gui.supervision.common import (
    ColouredModel,
    server_error_text,
    server_unavailable_text,
)
from hall_client.gui.supervision.labels import WARNING_COLOURS, status_label, warning_label
from hall_client.gui.table_model import Column, record_view

log = logging.getLogger(__name__)


def board_columns() -> list[Column[BoardRow]]:
    return [
        Column(QCoreApplication.translate("BoardPanel", "预警"), lambda r: warning_label(r.warning)),
        Column(QCoreApplication.translate("BoardPanel", "受理编号"), lambda r: r.case_number),
        Column(QCoreApplication.translate("BoardPanel", "事项"), lambda r: r.item_name, lambda r: r.item_code),
        Column(QCoreApplication.translate("BoardPanel", "部门"), lambda r: r.department_name),
        Column(QCoreApplication.translate("BoardPanel", "状态"), lambda r: status_label(r.status)),
        Column(QCoreApplication.translate("BoardPanel", "在办环节"), lambda r: r.step_names),
        Column(QCoreApplication.translate("BoardPanel", "环节到期"), lambda r: r.step_due),
        Column(QCoreApplication.translate("BoardPanel", "承诺办结日"), lambda r: r.promised_due or QCoreApplication.translate("BoardPanel", "未定")),
        Column(QCoreApplication.translate("BoardPanel", "剩余工作日"), lambda r: "" if r.days_left is None else r.days_left),
        Column(QCoreApplication.translate("BoardPanel", "经办人"), lambda r: r.handlers),
        Column(QCoreApplication.translate("BoardPanel", "窗口"), lambda r: r.counter_name or r.counter),
        Column(QCoreApplication.translate("BoardPanel", "项目"), lambda r: r.project_name),
    ]


def _colour(row: BoardRow, column: int) -> QColor | None:
    return WARNING_COLOURS.get(row.warning) if column in (0, 6, 7, 8) else None


class BoardPanel(QWidget):
    REFRESH_MS = 30_000

    def __init__(self, client: SupervisionClient | None, jobs: JobRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs = client, jobs
        self.view_state = board_core.BoardView()
        self._busy = False
        self.model: ColouredModel[BoardRow] = ColouredModel(board_columns(), _colour, self)
        self.table = record_view(self.model)
        self.table.setObjectName("boardTable")
        # Sizing columns to their contents re-measures every shown row on each refresh: with
        # thousands of cases that is most of the paint time, so widths are set once.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fitted = False
        self._fit_columns([])
        self.table.doubleClicked.connect(lambda _i: self.show_history())
        self.stale = QLabel()
        self.stale.setObjectName("boardStale")
        self.stale.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.filters: dict[str, QComboBox] = {}
        bar = QHBoxLayout()
        for key, label in (("department", self.tr("部门")), ("item", self.tr("事项")),
                           ("handler", self.tr("经办人")), ("counter", self.tr("窗口"))):
            box = QComboBox()
            box.setObjectName(f"filter_{key}")
            box.setMinimumContentsLength(8)
            box.addItem(self.tr("全部"), "")
            box.currentIndexChanged.connect(self._apply_filters)
            self.filters[key] = box
            bar.addWidget(QLabel(label))
            bar.addWidget(box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找受理编号、项目…"))
        self.search.textChanged.connect(self._apply_filters)
        bar.addWidget(self.search, 1)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.urge_button = QPushButton(self.tr("催办 (F6)"))
        self.urge_button.setObjectName("urgeButton")
        self.urge_button.clicked.connect(self.urge)
        self.history_button = QPushButton(self.tr("办理历史 (F7)"))
        self.history_button.clicked.connect(self.show_history)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        for button in (self.refresh_button, self.urge_button, self.history_button):
            actions.addWidget(button)
        for key, slot in ((Qt.Key.Key_F5, self.refresh), (Qt.Key.Key_F6, self.urge),
                          (Qt.Key.Key_F7, self.show_history)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stale)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.timer = QTimer(self, interval=self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._show_state()
        # first load once the event loop runs: the window that provides the server tokens
        # is still being built (its sync session does not exist yet)
        QTimer.singleShot(0, self.refresh)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.client is None or self._busy:
            self._show_state()
            return
        self._busy = True
        client, before = self.client, self.view_state
        self.jobs.background(
            lambda ctx: board_core.refresh(client, before, datetime.now(UTC)),
            success=self.show_view, failure=self._failed)

    def retry_if_failed(self) -> None:
        """The server has just answered the sync: a board whose last load failed (a new
        supervisor window opens before its counter is registered or signed in) loads now
        instead of waiting for the next 30-second refresh."""
        if self.view_state.problem:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.view_state = board_core.BoardView(self.view_state.board, self.view_state.fetched_at,
                                               True, server_error_text(exc))
        self._show_state()

    def show_view(self, view: board_core.BoardView) -> None:
        """Show a refreshed (or stale) view; keeps the chosen filters and selection."""
        self._busy = False
        self.view_state = view
        if view.board is not None:
            self._fill_filters(view.board.rows)
        self._apply_filters()
        self._show_state()

    def _fill_filters(self, rows: list[BoardRow]) -> None:
        options: dict[str, dict[str, str]] = {k: {} for k in self.filters}
        for r in rows:
            options["department"][r.department] = r.department_name
            options["item"][r.item_code] = r.item_name
            if r.counter:
                options["counter"][r.counter] = r.counter_name or r.counter
            for s in r.steps:
                for name in s.holders + s.backup:
                    options["handler"][name] = name
        for key, box in self.filters.items():
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("全部"), "")
            for code, name in sorted(options[key].items(), key=lambda kv: kv[1]):
                box.addItem(name, code)
            index = box.findData(chosen)
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    def _apply_filters(self) -> None:
        board = self.view_state.board
        rows = board.rows if board else []
        want = {k: b.currentData() for k, b in self.filters.items()}
        if want["department"]:
            rows = [r for r in rows if r.department == want["department"]]
        if want["item"]:
            rows = [r for r in rows if r.item_code == want["item"]]
        if want["counter"]:
            rows = [r for r in rows if r.counter == want["counter"]]
        if want["handler"]:
            name = want["handler"]
            rows = [r for r in rows if any(name in s.holders or name in s.backup
                                           for s in r.steps)]
        rows = board_core.filter_rows(rows, self.search.text())
        self.model.set_rows(rows)
        if rows and not self._fitted:
            self._fit_columns(rows[:40])
        reds = sum(1 for r in rows if r.warning == "red")
        yellows = sum(1 for r in rows if r.warning == "yellow")
        self.summary.setText(self.tr("在办 {n} 件：红牌 {red} 件，黄牌 {yellow} 件").format(
            n=len(rows), red=reds, yellow=yellows))

    def _fit_columns(self, sample: list[BoardRow]) -> None:
        """Column widths from the header and a sample of rows, measured once (with no rows
        yet, from the headers alone, so no header is cut off)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        for i, column in enumerate(self.model.columns):
            values = [metrics.horizontalAdvance(str(column.value(r))) for r in sample]
            width = max([header.horizontalAdvance(column.header), *values]) + 18
            self.table.setColumnWidth(i, min(width, 260))
        self._fitted = bool(sample)

    def _show_state(self) -> None:
        v = self.view_state
        if self.client is None:
            text, colour = self.tr("本机尚未登录中心服务器，看板无法取数"), "#b26a00"
        elif v.stale and v.fetched_at is not None:
            # the core's reason (Chinese, with the URL) goes to the log, not to the screen
            log.info("board stale: %s", v.problem)
            text = self.tr("离线：显示的是 {time} 的数据（连不上中心服务器），恢复连接后自动刷新"
                           ).format(time=v.fetched_at.astimezone(SHANGHAI).strftime("%H:%M:%S"))
            colour = "#b26a00"
        elif v.problem:
            log.info("board unavailable: %s", v.problem)
            text = self.tr("无法取得看板数据：{why}").format(why=server_unavailable_text())
            colour = "#b00020"
        elif v.fetched_at is not None:
            text = self.tr("已更新 {time}，每 30 秒自动刷新").format(
                time=v.fetched_at.astimezone(SHANGHAI).strftime("%H:%M:%S"))
            colour = "#1b5e20"
        else:
            text, colour = self.tr("正在从中心服务器取数…"), "#424242"
        self.stale.setText(text)
        self.stale.setStyleSheet(f"color: {colour};")

    # --- acting ----------------------------------------------------------------------------

    def selected(self) -> BoardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def urge(self) -> None:
        row = self.selected()
        if row is None:
            self.summary.setText(self.tr("请先在表中选中要催办的受理件"))
            return
        if self.client is None:
            return
        UrgeDialog(self.client, self.jobs, row, self).open()

    def show_history(self) -> None:
        row = self.selected()
        if row is None:
            self.summary.setText(self.tr("请先在表中选中受理件"))
            return
        if self.client is None:
            return
        HistoryDialog(self.client, self.jobs, row, self).open()


class UrgeDialog(QDialog):
    """催办: a message to the holders and backups of the chosen step, texted by the server."""

    def __init__(self, client: SupervisionClient, jobs: JobRunner, row: BoardRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.jobs, self.row = client, jobs, row
        self.setWindowTitle(self.tr("催办 {number}").format(number=row.case_number))
        self.step = QComboBox()
        for s in row.steps:
            self.step.addItem(self.tr("{name}（到期 {due}，{who}）").format(
                name=s.name, due=s.due_date or "—", who="、".join(s.holders)), s.step_id)
        if len(row.steps) > 1:
            self.step.addItem(self.tr("全部在办环节"), "")
        self.message = QLineEdit(self.tr("请抓紧办理，于到期日前办结"))
        self.message.setMaxLength(500)
        self.result = QLabel()
        self.result.setObjectName("urgeResult")
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("发送催办短信 (Enter)"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setDefault(True)
        self.buttons.accepted.connect(self._send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        item = QLabel(row.item_name)
        item.setObjectName("itemName")  # data: the catalog's name of the item
        form.addRow(self.tr("事项："), item)
        form.addRow(self.tr("环节："), self.step)
        form.addRow(self.tr("催办内容："), self.message)
        form.addRow(self.result)
        form.addRow(self.buttons)

    def _send(self) -> None:
        text = self.message.text().strip()
        if not text:
            self.result.setStyleSheet("color: #b00020;")
            self.result.setText(self.tr("请填写催办内容"))
            return
        self.send.setEnabled(False)
        client, case_id, step = self.client, self.row.case_id, self.step.currentData() or None
        self.jobs.background(lambda ctx: client.urge(case_id, text, step),
                             success=self._sent, failure=self._failed)

    def _sent(self, answer: dict[str, Any]) -> None:
        self.result.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.result.setText(self.tr("已催办，已向 {n} 人发送短信").format(
            n=answer.get("texts_queued", 0)))
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)

    def _failed(self, exc: BaseException) -> None:
        self.send.setEnabled(True)
        self.result.setStyleSheet("color: #b00020;")
        self.result.setText(server_error_text(exc))


class HistoryDialog(QDialog):
    """A case's whole history from the server, and whether its hash chain is intact."""

    def __init__(self, client: SupervisionClient, jobs: JobRunner, row: BoardRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("办理历史 {number}").format(number=row.case_number))
        self.resize(900, 500)
        self.model: ColouredModel[dict[str, Any]] = ColouredModel([
            Column(self.tr("时间"), lambda e: _local(e.get("at", ""))),
            Column(self.tr("操作"), lambda e: e.get("action", "")),
            Column(self.tr("人员"), lambda e: e.get("actor", "")),
            Column(self.tr("身份"), lambda e: e.get("acted_as", "")),
            Column(self.tr("意见"), lambda e: e.get("opinion", "")),
        ], lambda e, c: None, self)
        table = record_view(self.model)
        self.chain = QLabel(self.tr("正在读取…"))
        self.chain.setObjectName("historyChain")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        case = QLabel(f"{row.item_name} · {row.project_name}")
        case.setObjectName("caseData")  # data: the item's and the project's names
        layout.addWidget(case)
        layout.addWidget(table, 1)
        layout.addWidget(self.chain)
        layout.addWidget(close)
        jobs.background(lambda ctx: client.history(row.case_id), success=self._loaded,
                        failure=lambda e: self.chain.setText(server_error_text(e)))

    def _loaded(self, answer: dict[str, Any]) -> None:
        self.model.set_rows(list(answer.get("events", [])))
        ok = bool(answer.get("chain_ok"))
        self.chain.setStyleSheet(f"color: {'#1b5e20' if ok else '#b00020'};")
        self.chain.setText(self.tr("历史记录哈希链完整") if ok
                           else self.tr("历史记录哈希链被破坏，请报告管理员"))


def _local(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
