"""Names of server codes in the interface language, and the warning colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

WARNING_COLOURS = {"red": QColor("#c62828"), "yellow": QColor("#f9a825"),
                   "green": QColor("#2e7d32"), "paused": QColor("#546e7a"),
                   "unknown": QColor("#6a1b9a"), "late": QColor("#c62828"),
                   "done": QColor("#2e7d32")}


def _t(text: str) -> str:
    return QCoreApplication.translate("SupervisionLabels", text)


def status_label(code: str) -> str:
    names = {"in_progress": _t("办理中"), "correction": _t("补正中"), "special": _t("特别程序"),
             "awaiting_collection": _t("待领证"), "finished": _t("已办结"),
             "rejected": _t("不予许可")}
    return names.get(code, code)


def warning_label(code: str) -> str:
    names = {"red": _t("红牌（逾期）"), "yellow": _t("黄牌（临期）"), "green": _t("正常"),
             "paused": _t("暂停计时"), "unknown": _t("日历未发布"), "pending": _t("未开始"),
             "done": _t("按期完成"), "late": _t("逾期完成"), "cancelled": _t("已取消")}
    return names.get(code, code)


def grouping_label(code: str) -> str:
    names = {"department": _t("部门"), "item": _t("事项"), "handler": _t("经办人"),
             "counter": _t("窗口"), "clerk": _t("工作人员")}
    return names.get(code, code)


def level_label(level: str) -> str:
    names = {"非常满意": _t("非常满意"), "满意": _t("满意"), "基本满意": _t("基本满意"),
             "不满意": _t("不满意"), "非常不满意": _t("非常不满意")}
    return names.get(level, level)


def rating_state_label(state: str) -> str:
    names = {"none": _t("好评"), "open": _t("整改中"), "closed": _t("已闭环"),
             "voided": _t("申诉成立，已作废")}
    return names.get(state, state)


def appeal_state_label(state: str) -> str:
    names = {"pending": _t("待裁定"), "accepted": _t("申诉成立"), "refused": _t("申诉驳回")}
    return names.get(state, state)


def rule_label(rule: str) -> str:
    names = {"approved_before_accepted": _t("先批后录"), "repeated_returns": _t("多次退回"),
             "long_clock_stop": _t("超长停止计时"),
             "refusal_without_reason": _t("不予许可无实质理由"),
             "fee_mismatch": _t("收费与事项标准不符"),
             "receipt_voided_after_leaving": _t("申请人离开后作废票据")}
    return names.get(rule, rule)


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"
