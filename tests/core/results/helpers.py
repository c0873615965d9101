"""An approved case as the sync engine stores it, and the people at the window."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from hall_client.core.actor import Actor
from hall_client.sync.pull import apply_case

CLERK = Actor("wangjing", "王静", frozenset({"clerk"}), "W01")
CLERK2 = Actor("liqiang", "李强", frozenset({"clerk", "supervisor"}), "W02")
SUPERVISOR = Actor("zhouyan", "周燕", frozenset({"supervisor"}), "W00")
PERSON_ID = "11010519491231002X"
OTHER_ID = "110105198001010016"
INPUTS = {"建设地址": "县城东路 8 号", "建设规模": "12000 平方米", "合同价格（万元）": "3600",
          "施工单位": "某某建工集团有限公司"}


def server_case(*, fee: str = "600.00", paid: bool = False, kind: str = "person",
                status: str = "awaiting_collection", item: str = "ZJ-XK-001",
                phone: str = "13800000000", counter: str = "W01",
                decision_number: str = "") -> dict[str, Any]:
    """The server's CaseOut of an approved case (the fields the window uses)."""
    cid = str(uuid.uuid4())
    applicant = ({"kind": "person", "name": "张三", "id_type": "resident_id",
                  "id_number": PERSON_ID, "phone": phone} if kind == "person" else
                 {"kind": "organisation", "name": "某某建设有限公司", "id_type": "uscc",
                  "id_number": "91330100MA2B3C4D5N", "phone": phone, "contact": "王五"})
    return {"id": cid, "case_number": f"ZJ2026-{cid[:6]}", "status": status, "item_code": item,
            "item_name": "建筑工程施工许可证核发" if item == "ZJ-XK-001" else "某项许可",
            "project_name": "滨江花园三期1#楼", "applicant": applicant, "fee_total": fee,
            "window_record": {"payment": {"amount": fee}} if paid else {},
            "outcome_reason": "材料不符合法定条件" if status == "rejected" else "",
            "warning": "green", "promised_due": None, "counter": counter,
            "decision_number": decision_number,
            "steps": [{"post": "chief", "finished_at": "2026-03-02T02:00:00+00:00"},
                      {"post": "window_finish", "finished_at": None}]}


def store_case(session: Session, **kw: Any) -> dict[str, Any]:
    case = server_case(**kw)
    apply_case(session, case)
    session.flush()
    return case


NOW = datetime(2026, 3, 4, 2, tzinfo=UTC)
