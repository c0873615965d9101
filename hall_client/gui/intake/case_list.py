"""受理件: the counter's cases — search, filter, sort, yellow and red, and one case in detail
(history, materials, pages, fees, notices; reprint marked 重打; re-open a correction case).

The table model is a thin adapter over core's light ``CaseRow`` list: the rows are read once
on the DB executor, and each keystroke filters and sorts an index array in memory, so 100,000
cases stay well inside 100 ms per keystroke (``bench/caselist/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hall_client.core.actor import Actor
from hall_client.core.cases.calendar import load_calendar, local_date
from hall_client.core.cases.intake import STATUSES
from hall_client.core.cases.queries import CaseRow, case_detail, case_rows, get_case
from hall_client.core.counter import Counter
from hall_client.core.privacy import mask_applicant_id
from hall_client.core.settings import SHANGHAI
from hall_client.gui.intake.names import id_type_names
from hall_client.gui.jobs import JobRunner
from hall_client.gui.sync.cases import server_status_name, step_state_name
from hall_client.gui.sync.notices import notice_mark
from hall_client.gui.widgets.confirm import confirm
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.store.models import utcnow
from hall_client.sync import views as sync_views

WARNING_COLOURS = {"yellow": QColor("#fff3b0"), "red": QColor("#ffcdd2"),
                   "unknown": QColor("#e0e0e0")}
_Index = QModelIndex | QPersistentModelIndex


@dataclass
class CaseIndex:
    """The case rows with what filtering and sorting need, built once off the GUI thread:
    a lower-case search text per row, the Shanghai registration date, and the ascending
    order of the rows by each column (descending is the same order reversed)."""

    rows: list[CaseRow]
    today: date
    haystack: list[str]
    created: list[date]
    orders: list[list[int]]


COLUMNS = ("number", "status", "item_name", "applicant_name", "applicant_id", "created",
           "promised_date", "warning")
_WARNING_RANK = {"red": 0, "yellow": 1, "unknown": 2, "green": 3, "": 4}


def build_index(rows: list[CaseRow], today: date) -> CaseIndex:
    def key(name: str) -> Any:
        if name == "created":
            return lambda i: rows[i].created_at
        if name == "promised_date":
            return lambda i: rows[i].promised_date or date.max
        if name == "warning":
            return lambda i: _WARNING_RANK[rows[i].warning]
        return lambda i: getattr(rows[i], name)

    everyone = range(len(rows))
    return CaseIndex(
        rows, today,
        ["\t".join((r.number, r.applicant_name, r.applicant_id, r.item_code,
                    r.item_name)).lower() for r in rows],
        [local_date(r.created_at) for r in rows],
        [sorted(everyone, key=key(name)) for name in COLUMNS])


class CaseListModel(QAbstractTableModel):
    """Cases by any column; ``set_filter`` narrows by text, status, warning and today.

    The shown rows are always kept in the current sort order, so a keystroke only filters
    (typing on from the last text filters the rows already shown) and a sort only picks the
    shown rows out of a precomputed order: no sorting per keystroke.
    """

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.case_index = build_index([], date.today())
        #: case id → kind of the server notice waiting for the clerk (approval, return, …)
        self.marks: dict[str, str] = {}
        self.shown: list[int] = []
        self.text = ""
        self._shown_text = ""
        self.status = ""
        self.warning_only = False
        self.today_only = False
        self.due_by: date | None = None
        self.sort_column = 5
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.headers = [self.tr("受理号"), self.tr("状态"), self.tr("事项"), self.tr("申请人"),
                        self.tr("证件号码"), self.tr("登记日期"), self.tr("承诺办结"),
                        self.tr("预警")]
        self.status_names = {"accepted": self.tr("已受理"), "correction": self.tr("待补正"),
                             "refused": self.tr("不予受理")}
        self.warning_names = {"": "", "green": self.tr("正常"), "yellow": self.tr("临期"),
                              "red": self.tr("超期"), "unknown": self.tr("日期待定")}

    @property
    def rows(self) -> list[CaseRow]:
        return self.case_index.rows

    def set_rows(self, rows: list[CaseRow], today: date) -> None:
        self.set_index(build_index(rows, today))

    def set_index(self, index: CaseIndex) -> None:
        self.beginResetModel()
        self.case_index = index
        self.shown = self._select(from_scratch=True)
        self.endResetModel()

    def _order(self) -> list[int] | reversed[int]:
        order = self.case_index.orders[self.sort_column]
        return reversed(order) if self.sort_order == Qt.SortOrder.DescendingOrder else order

    def _select(self, from_scratch: bool) -> list[int]:
        text = self.text.strip().lower()
        ix = self.case_index
        hay, rows, created = ix.haystack, ix.rows, ix.created
        narrowing = not from_scratch and self._shown_text and text.startswith(self._shown_text)
        source: Any = self.shown if narrowing else self._order()
        status, warning_only, today_only = self.status, self.warning_only, self.today_only
        due_by = self.due_by
        if not (status or warning_only or today_only or due_by or narrowing):
            picked = [i for i in source if text in hay[i]] if text else list(source)
        else:
            picked = [i for i in source if (not text or text in hay[i])
                      and (not status or rows[i].status == status)
                      and (not warning_only or rows[i].warning in ("yellow", "red"))
                      and (not today_only or created[i] == ix.today)
                      and (due_by is None or (rows[i].promised_date is not None
                                              and rows[i].promised_date <= due_by))]
        self._shown_text = text
        return picked

    def set_filter(self, text: str | None = None, *, status: str | None = None,
                   warning_only: bool | None = None, today_only: bool | None = None,
                   due_by: date | bool | None = False) -> None:
        """Narrow the list; ``due_by`` a date keeps cases promised by then, None clears it."""
        narrowing_only = text is not None and status is None and warning_only is None \
            and today_only is None and due_by is False
        if due_by is not False:
            self.due_by = due_by if isinstance(due_by, date) else None
        if text is not None:
            self.text = text
        if status is not None:
            self.status = status
        if warning_only is not None:
            self.warning_only = warning_only
        if today_only is not None:
            self.today_only = today_only
        self.beginResetModel()
        self.shown = self._select(from_scratch=not narrowing_only)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        if len(self.shown) == len(self.case_index.rows):
            self.shown = list(self._order())
        else:
            keep = bytearray(len(self.case_index.rows))
            for i in self.shown:
                keep[i] = 1
            self.shown = [i for i in self._order() if keep[i]]
        self.layoutChanged.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def set_marks(self, marks: dict[str, str]) -> None:
        self.marks = marks
        if self.shown:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.shown) - 1, 1))

    def row_at(self, index: int) -> CaseRow:
        return self.case_index.rows[self.shown[index]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.case_index.rows[self.shown[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            name = self.COLUMNS[index.column()]
            if name == "status":
                mark = notice_mark(self.marks.get(row.id, ""))
                status = self.status_names.get(row.status, row.status)
                return f"{status} {mark}" if mark else status
            if name == "created":
                return self.case_index.created[self.shown[index.row()]].isoformat()
            if name == "promised_date":
                return row.promised_date.isoformat() if row.promised_date else ""
            if name == "warning":
                return self.warning_names.get(row.warning, row.warning)
            if name == "applicant_id":  # masked in the list; whole in the opened case
                return mask_applicant_id(row.applicant_id)
            return getattr(row, name)
        if role == Qt.ItemDataRole.BackgroundRole and row.warning in WARNING_COLOURS:
            return QBrush(WARNING_COLOURS[row.warning])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return row.item_code
        return None


class CaseList(QWidget):
    """The list, its filters and the detail of the selected case."""

    reopen_requested = Signal(str)

    def __init__(self, counter: Counter, jobs: JobRunner, actor: Actor,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.jobs, self.actor = counter, jobs, actor
        self.detail_data: dict[str, Any] | None = None
        self.model = CaseListModel(self)
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("按受理号、申请人、证件号码或事项查找（Ctrl+F）"))
        self.search.textChanged.connect(lambda text: self.model.set_filter(text))
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for key, label in STATUSES.items():
            self.status.addItem(self.tr(label), key)
        self.status.currentIndexChanged.connect(
            lambda _: self.model.set_filter(status=self.status.currentData()))
        self.today_only = QCheckBox(self.tr("仅今日"))
        self.today_only.toggled.connect(lambda on: self.model.set_filter(today_only=on))
        self.warning_only = QCheckBox(self.tr("仅临期/超期"))
        self.warning_only.toggled.connect(lambda on: self.model.set_filter(warning_only=on))
        self.due_on = QCheckBox(self.tr("承诺办结不晚于"))
        self.due_date = QDateEdit(QDate.currentDate())
        self.due_date.setCalendarPopup(True)
        self.due_date.setEnabled(False)
        self.due_on.toggled.connect(self._due_changed)
        self.due_date.dateChanged.connect(self._due_changed)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for w in (self.status, self.today_only, self.warning_only, self.due_on, self.due_date,
                  self.refresh_button, self.count):
            filters.addWidget(w)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((200, 64, 130, 100, 150, 86, 86, 56)):
            # never narrower than its header in the interface language (sort arrow included)
            self.table.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width()))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)

        self.detail = QTextBrowser()
        self.detail.setObjectName("caseDetail")
        self.reprint_button = QPushButton(self.tr("重打通知书"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.ask_reprint)
        self.reopen_button = QPushButton(self.tr("补正后重新受理"))
        self.reopen_button.setEnabled(False)
        self.reopen_button.setToolTip(self.tr("只有“待补正”的受理件可以重新受理"))
        self.reopen_button.clicked.connect(self._reopen)
        self.message = QLabel()
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.reopen_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([640, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        legend = QLabel(self.tr("黄色：一个工作日内到期；红色：已超过承诺办结日期"))
        legend.setStyleSheet("color: #555;")
        layout.addWidget(legend)
        for key, slot in ((QKeySequence("Ctrl+F"), self.search.setFocus),
                          (QKeySequence(Qt.Key.Key_F5), self.refresh)):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        #: set by the main window: prints a notice (the intake workspace's printer)
        self.print_notice: Any = None
        self.refresh()

    def refresh(self) -> None:
        store = self.counter.store

        def load(ctx: object) -> CaseIndex:
            today = local_date(utcnow())
            with store.transaction() as s:
                rows = case_rows(s, load_calendar(s), today)
            return build_index(rows, today)  # sorting 100,000 rows is not GUI-thread work

        self.jobs.db(load, success=self.model.set_index, failure=self._failed)

        def marks(ctx: object) -> dict[str, str]:
            with store.transaction() as s:
                return sync_views.case_marks(s)

        self.jobs.db(marks, success=self.model.set_marks)

    def _due_changed(self, *_: object) -> None:
        on = self.due_on.isChecked()
        self.due_date.setEnabled(on)
        day = self.due_date.date().toPython()
        self.model.set_filter(due_by=day if on and isinstance(day, date) else None)

    def _update_count(self) -> None:
        self.count.setText(self.tr("{shown} / {total} 件").format(
            shown=len(self.model.shown), total=len(self.model.case_index.rows)))

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.show_case(self.model.row_at(current.row()).number)

    def show_case(self, number: str) -> None:
        store = self.counter.store

        def load(ctx: object) -> dict[str, Any]:
            with store.transaction() as s:
                case = get_case(s, number)
                return {**case_detail(s, case), "server": sync_views.server_view(s, case.id)}

        self.jobs.db(load, success=self._show_detail, failure=self._failed)

    def _show_detail(self, d: dict[str, Any]) -> None:
        self.detail_data = d
        self.detail.setHtml(self.detail_html(d))
        self.reprint_button.setEnabled(bool(d["notices"]))
        self.reopen_button.setEnabled(d["status"] == "correction")

    def ask_reprint(self) -> None:
        d = self.detail_data
        if not d or not d["notices"] or self.print_notice is None:
            return
        notice = d["notices"][-1]
        if confirm(self, self.tr("重打通知书"),
                   self.tr("重打 {title} {number}：重打件标注“重打”，并记入审计。").format(
                       title=notice["title"], number=notice["number"]),
                   self.tr("重打")):
            self.print_notice(notice["id"], reprint=True)
            self.show_case(d["case_number"])

    def _reopen(self) -> None:
        if self.detail_data and self.detail_data["status"] == "correction":
            self.reopen_requested.emit(self.detail_data["case_number"])

    def _failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(exc))

    def detail_html(self, d: dict[str, Any]) -> str:
        """One case as HTML for the detail pane (times in Shanghai)."""
        e = escape
        statuses = {"accepted": self.tr("已受理"), "correction": self.tr("待补正"), "refused": self.tr("不予受理")}
        states = {"received": self.tr("已收"), "missing": self.tr("未交"), "nonconforming": self.tr("不符合要求"),
                  "deferred": self.tr("容缺后补")}
        actions = {"accept": self.tr("受理"), "correction": self.tr("通知补正"), "refuse": self.tr("不予受理"),
                   "reopened": self.tr("补正后重新受理")}
        a = d["applicant"]
        parts = [f"<h3>{e(d['case_number'])}　{statuses.get(d['status'], d['status'])}</h3>",
                 f"<p>{e(d['item_name'])}（{e(d['item'])}，"
                 + self.tr("第 {v} 版").format(v=d["item_version"]) + "）<br/>",
                 self.tr("申请人：{name}　{id_type} {id_number}").format(
                     name=e(a["name"]), id_type=e(id_type_names().get(a["id_type"], a["id_type"])),
                     id_number=e(a["id_number"]))
                 + "<br/>",
                 self.tr("联系电话：{phone}　联系人：{contact}").format(
                     phone=e(a["phone"]), contact=e(a["contact"])) + "<br/>"]
        if d["project_name"]:
            parts.append(self.tr("项目：{name}").format(name=e(d["project_name"])) + "<br/>")
        if d["status"] == "accepted":
            due = d["promised_date"] or self.tr("暂无法确定")
            parts.append(self.tr("受理日期：{day}　承诺办结：<b>{due}</b>").format(
                day=e(d["accepted_date"] or ""), due=e(due)) + "<br/>")
            if d["query_code"]:
                parts.append(self.tr("查询码：{code}").format(code=e(d["query_code"])) + "<br/>")
        if d["reason"]:
            parts.append(self.tr("理由：{reason}").format(reason=e(d["reason"])) + "<br/>")
        parts.append("</p><h4>" + self.tr("材料") + "</h4>"
                     "<table border='1' cellspacing='0' cellpadding='3'>")
        for m in d["materials"]:
            extra = e(m["reason"] or (m["promised_by"] or ""))
            parts.append(f"<tr><td>{m['position'] + 1}</td><td>{e(m['name'])}</td>"
                         f"<td>{states.get(m['state'], m['state'])}</td><td>{extra}</td></tr>")
        parts.append("</table><p>" + self.tr("页面：{n} 页").format(n=len(d["pages"])) + "</p>")
        if d["fees"]:
            parts.append("<h4>" + self.tr("收费") + "</h4>")
            for f in d["fees"]:
                lines = "；".join(f"{e(ln['name'])} {e(ln['amount'])}" for ln in f["lines"])
                parts.append("<p>" + self.tr("应收 <b>{total}</b>（{lines}）").format(
                    total=e(f["total"]), lines=lines) + "</p>")
        parts.append("<h4>" + self.tr("通知书") + "</h4>")
        for n in d["notices"]:
            again = self.tr("（重打 {n} 次）").format(n=n["reprints"]) if n["reprints"] else ""
            parts.append(f"<p>{e(n['title'])} {e(n['number'])}{again}</p>")
        parts.append("<h4>" + self.tr("办理记录") + "</h4>")
        for ev in d["history"]:
            at = datetime.fromisoformat(ev["at"]).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
            parts.append(f"<p>{at}　{actions.get(ev['action'], e(ev['action']))}　"
                         f"{e(ev['actor_name'] or ev['actor'])}</p>")
        server = d.get("server")
        if server:
            parts.append("<h4>" + self.tr("中心服务器：{status}").format(
                status=e(server_status_name(server["status"]))) + "</h4>"
                "<table border='1' cellspacing='0' cellpadding='3'>")
            for st in server["steps"]:
                parts.append(f"<tr><td>{e(st.name)}</td><td>{e(step_state_name(st.state))}</td>"
                             f"<td>{e(st.actor)}</td><td>{e(st.opinion)}</td>"
                             f"<td>{e(st.due_date or '')}</td></tr>")
            parts.append("</table>")
            for p in server["problems"]:
                parts.append("<p style='color:#b71c1c'>" + self.tr("未能同步：{reason}").format(
                    reason=e(p.reason)) + "</p>")
        return "".join(parts)


