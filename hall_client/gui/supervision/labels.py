"""Names of server codes in the interface language, and the warning colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

WARNING_COLOURS = {"red": QColor("#c62828"), "yellow": QColor("#f9a825"),
                   "green": QColor("#2e7d32"), "paused": QColor("#546e7a"),
                   "unknown": QColor("#6a1b9a"), "late": QColor("#c62828"),
                   "done": QColor("#2e7d32")}



def status_label(code: str) -> str:
    names = {"in_progress": QCoreApplication.translate("SupervisionLabels", "办理中"), "correction": QCoreApplication.translate("SupervisionLabels", "补正中"), "special": QCoreApplication.translate("SupervisionLabels", "特别程序"),
             "awaiting_collection": QCoreApplication.translate("SupervisionLabels", "待领证"), "finished": QCoreApplication.translate("SupervisionLabels", "已办结"),
             "rejected": QCoreApplication.translate("SupervisionLabels", "不予许可")}
    return names.get(code, code)


def warning_label(code: str) -> str:
    names = {"red": QCoreApplication.translate("SupervisionLabels", "红牌（逾期）"), "yellow": QCoreApplication.translate("SupervisionLabels", "黄牌（临期）"), "green": QCoreApplication.translate("SupervisionLabels", "正常"),
             "paused": QCoreApplication.translate("SupervisionLabels", "暂停计时"), "unknown": QCoreApplication.translate("SupervisionLabels", "日历未发布"), "pending": QCoreApplication.translate("SupervisionLabels", "未开始"),
             "done": QCoreApplication.translate("SupervisionLabels", "按期完成"), "late": QCoreApplication.translate("SupervisionLabels", "逾期完成"), "cancelled": QCoreApplication.translate("SupervisionLabels", "已取消")}
    return names.get(code, code)


def grouping_label(code: str) -> str:
    names = {"department": QCoreApplication.translate("SupervisionLabels", "部门"), "item": QCoreApplication.translate("SupervisionLabels", "事项"), "handler": QCoreApplication.translate("SupervisionLabels", "经办人"),
             "counter": QCoreApplication.translate("SupervisionLabels", "窗口"), "clerk": QCoreApplication.translate("SupervisionLabels", "工作人员")}
    return names.get(code, code)


def level_label(level: str) -> str:
    names = {"非常满意": QCoreApplication.translate("SupervisionLabels", "非常满意"), "满意": QCoreApplication.translate("SupervisionLabels", "满意"), "基本满意": QCoreApplication.translate("SupervisionLabels", "基本满意"),
             "不满意": QCoreApplication.translate("SupervisionLabels", "不满意"), "非常不满意": QCoreApplication.translate("SupervisionLabels", "非常不满意")}
    return names.get(level, level)


def rating_state_label(state: str) -> str:
    names = {"none": QCoreApplication.translate("SupervisionLabels", "好评"), "open": QCoreApplication.translate("SupervisionLabels", "整改中"), "closed": QCoreApplication.translate("SupervisionLabels", "已闭环"),
             "voided": QCoreApplication.translate("SupervisionLabels", "申诉成立，已作废")}
    return names.get(state, state)


def appeal_state_label(state: str) -> str:
    names = {"pending": QCoreApplication.translate("SupervisionLabels", "待裁定"), "accepted": QCoreApplication.translate("SupervisionLabels", "申诉成立"), "refused": QCoreApplication.translate("SupervisionLabels", "申诉驳回")}
    return names.get(state, state)


def rule_label(rule: str) -> str:
    names = {"approved_before_accepted": QCoreApplication.translate("SupervisionLabels", "先批后录"), "repeated_returns": QCoreApplication.translate("SupervisionLabels", "多次退回"),
             "long_clock_stop": QCoreApplication.translate("SupervisionLabels", "超长停止计时"),
             "refusal_without_reason": QCoreApplication.translate("SupervisionLabels", "不予许可无实质理由"),
             "fee_mismatch": QCoreApplication.translate("SupervisionLabels", "收费与事项标准不符"),
             "receipt_voided_after_leaving": QCoreApplication.translate("SupervisionLabels", "申请人离开后作废票据")}
    return names.get(rule, rule)


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"
