"""Clerk notices from the server: an approval (call the applicant to pay and collect), a
return, a correction request, a refusal. Shown in a bar above the workspaces until the clerk
acknowledges them; the case list marks the cases."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from hall_client.gui.sync.service import Snapshot
from hall_client.sync import views

NOTICE_TITLES = {
    "approved": QCoreApplication.translate("SyncNotices", "审批通过：请通知申请人缴费、领取证照"),
    "returned": QCoreApplication.translate("SyncNotices", "案件被退回"),
    "correction": QCoreApplication.translate("SyncNotices", "需要申请人补正材料"),
    "rejected": QCoreApplication.translate("SyncNotices", "不予许可"),
}
NOTICE_MARKS = {
    "approved": QCoreApplication.translate("SyncNotices", "★ 已批准"),
    "returned": QCoreApplication.translate("SyncNotices", "↩ 退回"),
    "correction": QCoreApplication.translate("SyncNotices", "✎ 要补正"),
    "rejected": QCoreApplication.translate("SyncNotices", "✖ 不予许可"),
}
COLOURS = {"approved": "#e8f5e9", "returned": "#fff3e0", "correction": "#fff3e0",
           "rejected": "#ffebee"}


def notice_title(kind: str) -> str:
    return QCoreApplication.translate("SyncNotices", NOTICE_TITLES[kind]) \
        if kind in NOTICE_TITLES else kind


def notice_mark(kind: str) -> str:
    return QCoreApplication.translate("SyncNotices", NOTICE_MARKS[kind]) \
        if kind in NOTICE_MARKS else ""


class NoticeBar(QFrame):
    """The oldest unacknowledged notice, large, with how many more wait."""

    acknowledged = Signal(list)  # notice ids
    open_case = Signal(str)  # case id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.notices: list[views.NoticeRow] = []
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.text.setFont(font)
        self.more = QLabel()
        self.show_case = QPushButton(self.tr("查看案件 (F7)"))
        self.show_case.setShortcut("F7")
        self.show_case.clicked.connect(self._open)
        self.ok = QPushButton(self.tr("知道了 (F8)"))
        self.ok.setObjectName("noticeOk")
        self.ok.setShortcut("F8")
        self.ok.clicked.connect(self._ack)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.more)
        row.addWidget(self.show_case)
        row.addWidget(self.ok)
        self.hide()

    def show_snapshot(self, snap: Snapshot) -> None:
        self.notices = snap.notices
        if not self.notices:
            self.hide()
            return
        first = self.notices[0]
        # the reviewer's own words (data) after the server's "…：" ; the brackets are ours
        opinion = first.text.partition("：")[2] if first.kind != "approved" else ""
        text = self.tr("{title} — 案件 {number}（{opinion}）") if opinion \
            else self.tr("{title} — 案件 {number}")
        self.text.setText(text.format(title=notice_title(first.kind), number=first.case_number,
                                      opinion=opinion))
        self.more.setText(self.tr("另有 {n} 条").format(n=len(self.notices) - 1)
                          if len(self.notices) > 1 else "")
        self.setStyleSheet(f"#noticeBar {{ background: {COLOURS.get(first.kind, '#eeeeee')}; "
                           "border: 1px solid #999; }")
        self.show()

    def _ack(self) -> None:
        if self.notices:
            self.acknowledged.emit([self.notices[0].id])

    def _open(self) -> None:
        if self.notices:
            self.open_case.emit(self.notices[0].case_id)
