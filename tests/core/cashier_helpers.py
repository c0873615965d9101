"""Shared set-up for cashier tests: people, a stock of receipts, queued assessments."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.fees import Assessment, assess, parse_fee_item
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import Person, PersonRole

CASHIER = Actor("qianfang", "钱芳", frozenset({"cashier"}), "W01")
CASHIER2 = Actor("sunli", "孙丽", frozenset({"cashier", "clerk"}), "W02")
CLERK = Actor("wangjing", "王静", frozenset({"clerk"}), "W01")
SUPERVISOR = Actor("zhouyan", "周燕", frozenset({"supervisor"}), "W00")
ADMIN = Actor("admin", "系统管理员", frozenset({"admin", "supervisor"}), "W00")
STOCK_CODE = "33010126"
PEOPLE = (CASHIER, CASHIER2, CLERK, SUPERVISOR, ADMIN)


def register(session: Session, *actors: Actor) -> None:
    """Register the test actors as people of the counter (numbers go only to real cashiers)."""
    for actor in actors or PEOPLE:
        if session.scalar(select(Person).where(Person.username == actor.username)) is None:
            session.add(Person(username=actor.username, full_name=actor.full_name,
                               password_hash="-", roles=[PersonRole(role=r) for r in actor.roles]))
    session.flush()


def stock(session: Session, cashier_actor: Actor = CASHIER, count: int = 100,
          start: str = "0000000001", end: str = "0000001000") -> None:
    register(session)
    register(session, cashier_actor)
    receipt_stock.receive_batch(session, ADMIN, STOCK_CODE, start, end)
    receipt_stock.issue_to_cashier(session, ADMIN, cashier_actor.username, STOCK_CODE, count)


def fixed_assessment(total: Decimal) -> Assessment:
    item = parse_fee_item({"code": "FS-T-001", "name": "测试收费", "basis": "测试依据",
                           "rule": {"kind": "fixed", "amount": str(total)}})
    return assess([item], {})


def queue(session: Session, total: Decimal | str, payer: str = "张三",
          case_ref: str | None = None) -> FeeAssessment:
    """Queue a fixed fee; each call is a case of its own unless ``case_ref`` is given."""
    return cashier.queue_assessment(
        session, CLERK, case_ref=case_ref or f"C-{uuid.uuid4().hex[:12]}", item_code="RS-FW-001", department="RSJ",
        payer=payer, assessment=fixed_assessment(Decimal(total)))
