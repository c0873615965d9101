"""Abnormal cases (异常件) flagged for the supervisor, each with the rule and the reason.

Only what the server itself sees can be judged here:

- ``approved_before_accepted`` (先批后录): a step's result recorded before the case's acceptance
  time, i.e. the counter reported an acceptance later than work already done on the case;
- ``repeated_returns``: the case was sent back (退回) ``RETURN_LIMIT`` times or more;
- ``long_clock_stop``: a correction (补正) or special procedure (特别程序) whose stopped clock
  ran longer than ``STOP_LIMITS`` working days (an open stop counts to today);
- ``refusal_without_reason``: a refusal whose stated reason says nothing (shorter than
  ``MIN_REASON_CHARS`` characters or a stock phrase such as 不符合条件);
- ``fee_mismatch``: a fee amount that the item's fee rule cannot produce (a fixed fee of
  another amount, a per-unit fee that is no whole number of units, below the minimum or above
  the cap, a tiered fee above its cap);
- ``receipt_voided_after_leaving``: a payment recorded again under another receipt number after
  the applicant signed for the certificate (collected) — the first receipt was voided and
  replaced after the applicant had left. The counter's own void records stay local; this is the
  trace of them that reaches the server.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server_stub.core.clock import local_date, shown
from server_stub.core.errors import DomainError
from server_stub.models import Case, CaseEvent, CaseStep, CatalogItem, ClockStop, Department
from server_stub.services import calendar
from server_stub.services.auth import Principal
from server_stub.services.performance import check_period
from server_stub.services.supervision import _scope, _utc_bounds

RULES = {
    "approved_before_accepted": "先批后录",
    "repeated_returns": "多次退回",
    "long_clock_stop": "超长停止计时",
    "refusal_without_reason": "不予许可无实质理由",
    "fee_mismatch": "收费与事项标准不符",
    "receipt_voided_after_leaving": "申请人离开后作废票据",
}
RETURN_LIMIT = 2
STOP_LIMITS = {"correction": 10, "special": 30}
MIN_REASON_CHARS = 6
STOCK_REASONS = frozenset({"不符合条件", "不符合要求", "不符合规定", "材料不全", "不予许可",
                           "不同意", "无", "同上", "其他", "见附件"})
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_STOP_NAMES = {"correction": "补正", "special": "特别程序"}


def abnormal(session: Session, principal: Principal, start: date, end: date,
             now: datetime) -> list[dict[str, Any]]:
    """Flags for cases accepted or changed in the period (inclusive, Shanghai dates)."""
    check_period(start, end)
    lo, hi = _utc_bounds(start, end)
    query = _scope(select(Case).where(Case.accepted_at < hi,
                                      or_(Case.updated_at >= lo, Case.accepted_at >= lo)),
                   principal)
    cases = list(session.scalars(query.order_by(Case.accepted_at)))
    if not cases:
        return []
    ids = [c.id for c in cases]
    events: dict[uuid.UUID, list[CaseEvent]] = {i: [] for i in ids}
    steps: dict[uuid.UUID, list[CaseStep]] = {i: [] for i in ids}
    stops: dict[uuid.UUID, list[ClockStop]] = {i: [] for i in ids}
    for part in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for e in session.scalars(select(CaseEvent).where(CaseEvent.case_id.in_(part))
                                 .order_by(CaseEvent.seq)):
            events[e.case_id].append(e)
        for s in session.scalars(select(CaseStep).where(CaseStep.case_id.in_(part))):
            steps[s.case_id].append(s)
        for r in session.scalars(select(ClockStop).where(ClockStop.case_id.in_(part))):
            stops[r.case_id].append(r)
    items = {(i.code, i.version): i.data for i in session.scalars(select(CatalogItem))}
    departments = {d.code: d.name for d in session.scalars(select(Department))}
    cal = calendar.load_calendar(session)
    out = []
    for case in cases:
        found = (_before_accepted(case, steps[case.id]) + _returns(events[case.id])
                 + _stops(cal, stops[case.id], now) + _refusal(case)
                 + _fees(case, items.get((case.item_code, case.item_version), {}))
                 + _receipts(events[case.id]))
        for rule, reason, at in found:
            out.append({"case_id": str(case.id), "case_number": case.case_number,
                        "item_name": case.item_name, "department": case.department,
                        "department_name": departments.get(case.department, case.department),
                        "status": case.status, "rule": rule, "rule_name": RULES[rule],
                        "reason": reason, "at": at.isoformat()})
    return out


Flag = tuple[str, str, datetime]


def _before_accepted(case: Case, steps: list[CaseStep]) -> list[Flag]:
    early = [s for s in steps if s.finished_at is not None and s.finished_at < case.accepted_at
             and s.state in ("done", "returned", "rejected")]
    if not early:
        return []
    first = min(early, key=lambda s: s.finished_at or case.accepted_at)
    assert first.finished_at is not None
    minutes = int((case.accepted_at - first.finished_at).total_seconds() // 60)
    return [("approved_before_accepted",
             f"环节“{first.name}”办理结果时间早于受理时间 {minutes} 分钟（受理时间由窗口补录）",
             first.finished_at)]


def _returns(events: list[CaseEvent]) -> list[Flag]:
    returns = [e for e in events if e.action == "return"]
    if len(returns) < RETURN_LIMIT:
        return []
    return [("repeated_returns", f"退回 {len(returns)} 次（达到 {RETURN_LIMIT} 次即提示）",
             returns[-1].at)]


def _stops(cal: calendar.WorkCalendar, stops: list[ClockStop], now: datetime) -> list[Flag]:
    out = []
    for r in stops:
        limit = STOP_LIMITS.get(r.kind, STOP_LIMITS["special"])
        end = r.ended_at or now
        try:
            days = cal.counted_days(local_date(r.started_at), local_date(end))
        except DomainError:
            continue
        if days > limit:
            state = "已恢复计时" if r.ended_at else "仍在停止计时"
            out.append(("long_clock_stop",
                        f"{_STOP_NAMES.get(r.kind, r.kind)}停止计时 {days} 个工作日，"
                        f"超过 {limit} 个工作日（{state}）", r.started_at))
    return out


def _refusal(case: Case) -> list[Flag]:
    if case.status != "rejected":
        return []
    reason = case.outcome_reason.strip()
    bare = _PUNCT.sub("", reason)
    if len(bare) >= MIN_REASON_CHARS and bare not in STOCK_REASONS:
        return []
    return [("refusal_without_reason",
             f"不予许可理由“{reason}”未写明事实和依据", case.finished_at or case.updated_at)]


def _fees(case: Case, item: dict[str, Any]) -> list[Flag]:
    rules = {f["code"]: f.get("rule") or {} for f in item.get("fees", [])}
    out = []
    for fee in case.fees:
        problem = _fee_problem(rules.get(fee["code"]), Decimal(str(fee["amount"])))
        if problem:
            out.append(("fee_mismatch", f"{fee.get('name') or fee['code']} {fee['amount']} 元："
                                        f"{problem}", case.accepted_at))
    return out


def _dec(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _fee_problem(rule: dict[str, Any] | None, amount: Decimal) -> str | None:
    if rule is None:
        return "收费项目不属于该事项"
    kind = rule.get("kind")
    cap, low = _dec(rule.get("cap")), _dec(rule.get("min"))
    if kind == "fixed":
        fixed = _dec(rule.get("amount"))
        if fixed is not None and amount != fixed:
            return f"固定收费应为 {fixed} 元"
        return None
    if cap is not None and amount > cap:
        return f"超过封顶 {cap} 元"
    if low is not None and 0 < amount < low:
        return f"低于最低 {low} 元"
    price = _dec(rule.get("price"))
    if kind == "per_unit" and price and amount % price != 0:
        return f"不是单价 {price} 元的整数倍"
    return None


def _receipts(events: list[CaseEvent]) -> list[Flag]:
    left_at: datetime | None = None
    receipts: list[str] = []
    out = []
    for e in events:  # in chain order
        if e.action == "collected" and left_at is None:
            left_at = e.at
        if e.action != "payment_recorded":
            continue
        number = str(e.data.get("receipt_number", ""))
        if receipts and number != receipts[-1] and left_at is not None:
            out.append(("receipt_voided_after_leaving",
                        f"申请人 {shown(left_at)} 签收离开后，"
                        f"票据 {receipts[-1]} 被作废并改开 {number}", e.at))
        receipts.append(number)
    return out
