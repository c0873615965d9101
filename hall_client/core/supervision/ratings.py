"""好差评 at the counter: the applicant's rating of a visit is stored locally, audited and put in
the outbox (``rating.create``) in one transaction; the sync engine sends it to the server,
which counts a rating sent twice only once (by its id)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core import audit, outbox
from hall_client.core.actor import Actor
from hall_client.core.errors import InvalidInput, Problem
from hall_client.store.models import utcnow
from hall_client.store.rating_models import ServiceRating

#: The five levels of 国办发〔2019〕51号, best first.
LEVELS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
BAD_LEVELS = frozenset({"不满意", "非常不满意"})
MAX_COMMENT = 500


@dataclass(frozen=True)
class Visit:
    """What the applicant is asked to rate: the case, and the clerk who served them."""

    case_id: str
    case_number: str
    clerk: str
    clerk_name: str
    counter: str


def record_rating(session: Session, actor: Actor, visit: Visit, level: str, comment: str = "",
                  at: datetime | None = None, rating_id: str | None = None) -> ServiceRating:
    """Store one rating with its audit line and its ``rating.create`` outbox message."""
    problems: list[Problem] = []
    if level not in LEVELS:
        problems.append(Problem("level", "rating_level", f"评价等级必须是 {'、'.join(LEVELS)} 之一"))
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        problems.append(Problem("comment", "comment_too_long", f"意见最多 {MAX_COMMENT} 字"))
    if any(ord(c) < 32 for c in comment):
        problems.append(Problem("comment", "control_characters", "意见不能含控制字符（换行请用空格）"))
    try:
        uuid.UUID(visit.case_id)
    except ValueError:
        problems.append(Problem("case_id", "case_id", "受理件编号无效"))
    if problems:
        raise InvalidInput(problems)
    rid = rating_id or str(uuid.uuid4())
    existing = session.get(ServiceRating, rid)
    if existing is not None:  # the same rating saved twice is kept once
        return existing
    rated_at = at or utcnow()
    rating = ServiceRating(id=rid, case_id=visit.case_id, case_number=visit.case_number,
                           level=level, clerk=visit.clerk, clerk_name=visit.clerk_name,
                           counter=visit.counter, rated_at=rated_at, comment=comment)
    session.add(rating)
    payload = {"id": rid, "case_id": visit.case_id, "level": level, "clerk": visit.clerk,
               "counter": visit.counter, "rated_at": rated_at.isoformat(), "comment": comment}
    audit.record(session, actor, role=_role(actor), action="rating.create",
                 object_type="service_rating", object_id=rid,
                 after={"case_number": visit.case_number, "level": level,
                        "clerk": visit.clerk_name})
    outbox.enqueue(session, "rating.create", payload)
    session.flush()
    return rating


def _role(actor: Actor) -> str:
    for role in ("clerk", "cashier"):
        if role in actor.roles:
            return role
    return actor.require("clerk")


def ratings_of_case(session: Session, case_id: str) -> list[ServiceRating]:
    return list(session.scalars(select(ServiceRating).where(ServiceRating.case_id == case_id)
                                .order_by(ServiceRating.rated_at)))
