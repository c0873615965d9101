"""Shared set-up for cashier tests: people, a stock of receipts, queued assessments."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from hall_client.core import cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.fees import Assessment, assess, parse_fee_item
from hall_client.store.cashier_models import FeeAssessment

CASHIER = Actor("qianfang", "钱芳", frozenset({"cashier"}), "W01")
CASHIER2 = Actor("sunli", "孙丽", frozenset({"cashier", "clerk"}), "W02")
CLERK = Actor("wangjing", "王静", frozenset({"clerk"}), "W01")
SUPERVISOR = Actor("zhouyan", "周燕", frozenset({"supervisor"}), "W00")
ADMIN = Actor("admin", "系统管理员", frozenset({"admin", "supervisor"}), "W00")
STOCK_CODE = "33010126"


def stock(session: Session, cashier_actor: Actor = CASHIER, count: int = 100,
          start: str = "0000000001", end: str = "0000001000") -> None:
    receipt_stock.receive_batch(session, ADMIN, STOCK_CODE, start, end)
    receipt_stock.issue_to_cashier(session, ADMIN, cashier_actor.username, STOCK_CODE, count)


def fixed_assessment(total: Decimal) -> Assessment:
    item = parse_fee_item({"code": "FS-T-001", "name": "测试收费", "basis": "测试依据",
                           "rule": {"kind": "fixed", "amount": str(total)}})
    return assess([item], {})


def queue(session: Session, total: Decimal | str, payer: str = "张三") -> FeeAssessment:
    return cashier.queue_assessment(
        session, CLERK, case_ref="C-2026-0001", item_code="RS-FW-001", department="RSJ",
        payer=payer, assessment=fixed_assessment(Decimal(total)))
