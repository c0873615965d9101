"""The status bar's sync part: online or offline, what waits (messages and bytes), the last
successful sync, and the first problem with its case. Plain HTTP to another machine is red."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hall_client.core.settings import SHANGHAI
from hall_client.gui.sync.service import Snapshot

GREEN, AMBER, RED, GREY = "#1b5e20", "#b26a00", "#b71c1c", "#555555"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} KB"
    return f"{n} B"


def _time(iso: str | None) -> str:
    if not iso:
        return ""
    at = datetime.fromisoformat(iso).astimezone(SHANGHAI)
    today = datetime.now(SHANGHAI).date()
    return at.strftime("%H:%M") if at.date() == today else at.strftime("%m-%d %H:%M")


class SyncStatusBar(QWidget):
    sign_in_requested = Signal()
    sync_requested = Signal()
    problems_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.state = QLabel(self.tr("中心服务器：检测中…"))
        self.state.setObjectName("serverState")
        self.waiting = QLabel()
        self.waiting.setObjectName("syncWaiting")
        self.last = QLabel()
        self.last.setObjectName("syncLast")
        self.error = QPushButton()
        self.error.setObjectName("syncError")
        self.error.setFlat(True)
        self.error.setStyleSheet(f"color: {RED}; text-align: left;")
        self.error.clicked.connect(self.problems_requested)
        self.error.hide()
        self.sign_in = QPushButton(self.tr("登录服务器"))
        self.sign_in.setToolTip(self.tr("中心服务器需要再次输入密码才能同步"))
        self.sign_in.setObjectName("syncSignIn")
        self.sign_in.clicked.connect(self.sign_in_requested)
        self.sign_in.hide()
        self.now = QPushButton(self.tr("同步 (Ctrl+Shift+S)"))
        self.now.setToolTip(self.tr("立即与中心服务器同步"))
        self.now.setObjectName("syncNow")
        self.now.clicked.connect(self.sync_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.error, self.sign_in, self.waiting, self.last, self.state, self.now):
            row.addWidget(w)

    def show_snapshot(self, snap: Snapshot) -> None:
        st = snap.status
        if st is None:
            return
        tip = st.url
        if not st.registered:
            # short on the bar (it shares a 1024 px status bar); the whole story in the tooltip
            if st.online:
                self.state.setText(self.tr("已连接（未登记）"))
                tip = self.tr("中心服务器 {url} 已连接，但本窗口尚未登记，不同步").format(
                    url=st.url)
            else:
                self.state.setText(self.tr("未连接（未登记）"))
                tip = self.tr("中心服务器 {url} 未连接；本窗口尚未登记，数据保存在本地").format(
                    url=st.url)
            self.state.setStyleSheet(f"color: {GREY};")
        elif st.plain_http:
            self.state.setText(self.tr("明文 HTTP（未加密）：{url}").format(url=st.url))
            self.state.setStyleSheet(f"color: white; background: {RED}; padding: 0 4px;")
        elif st.online is None:
            self.state.setText(self.tr("中心服务器：检测中…"))
            self.state.setStyleSheet("")
        elif st.online:
            self.state.setText(self.tr("服务器在线"))
            self.state.setStyleSheet(f"color: {GREEN};")
        else:
            self.state.setText(self.tr("服务器离线（恢复后自动同步）"))
            self.state.setStyleSheet(f"color: {AMBER};")
        self.state.setToolTip(tip)
        if st.pending:
            self.waiting.setText(self.tr("待同步 {n} 条（{size}）").format(
                n=st.pending, size=_size(st.pending_bytes)))
        else:
            self.waiting.setText(self.tr("无待同步"))
        last = (self.tr("上次同步 {time}").format(time=_time(st.last_success))
                if st.last_success else self.tr("尚未同步"))
        if snap.elsewhere:
            self.last.setText(self.tr("另一程序正在同步"))
            self.last.setToolTip(self.tr("本机另一程序（本软件的另一个实例，或 sync run 命令）正在同步这份数据，稍后自动再同步；{last}").format(last=last))
        else:
            self.last.setText(last)
            self.last.setToolTip("")
        self.sign_in.setVisible(snap.password_needed is not None and st.registered)
        self.now.setEnabled(st.registered and not snap.running)
        first = st.first_error
        if st.parked or st.conflicts:
            assert first is not None
            label = self.tr("冲突") if first.get("state") == "conflict" else self.tr("被拒收")
            self.error.setText(self.tr("⚠ {label}：{number}").format(
                label=label, number=first.get("case_number") or "?"))
            self.error.setToolTip(self.tr("{reason}（共 {n} 条，点击查看）").format(
                reason=first.get("reason", ""), n=st.parked + st.conflicts))
            self.error.show()
        elif first and st.pending and first.get("reason") and snap.password_needed is None:
            self.error.setText(self.tr("⚠ 同步未完成：{reason}").format(
                reason=_short(str(first["reason"]), 16)))
            self.error.setToolTip(str(first["reason"]))
            self.error.show()
        else:
            self.error.hide()


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
