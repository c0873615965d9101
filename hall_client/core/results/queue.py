"""The collection queue (待领取): results back at the window, for the clerk to hand over.

Approved cases waiting for the applicant (fee state, whether the applicant was texted, days
waiting, the licence if printed) and refused cases, whose decision letter (不予许可决定书)
names the reason and the applicant's remedies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core.results.collection import code_sent_at
from hall_client.core.results.licences import ResultCase, _result_case, current_licence
from hall_client.store.results_models import Collection
from hall_client.store.sync_models import ServerCase, SyncNotice

#: The applicant's remedies against a refusal (行政复议法 第二十条; 行政诉讼法 第四十六条).
REMEDIES = ("如不服本决定，可以自收到本决定书之日起六十日内申请行政复议，"
            "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。")


@dataclass(frozen=True)
class QueueEntry:
    case: ResultCase
    sms_sent: bool  # the server texted "come to collect", or a collection code went out
    code_sent: datetime | None
    days_waiting: int | None
    licence_number: str
    licence_state: str  # "" | prepared | issued

    @property
    def refused(self) -> bool:
        return self.case.status == "rejected"


def collection_queue(session: Session, now: datetime | None = None,
                     counter: str | None = None) -> list[QueueEntry]:
    """Waiting results, longest waiting first; refused cases after the approved ones.

    With ``counter`` (this counter's code on the server), only the cases accepted there (and
    those whose counter the server has not told, rather than hiding them); without, the whole
    hall's."""
    now = now or datetime.now(UTC)
    collected = set(session.scalars(select(Collection.case_id)))
    rows = session.scalars(select(ServerCase).where(
        ServerCase.status.in_(("awaiting_collection", "rejected"))))
    entries = []
    for row in rows:
        if row.id in collected:
            continue
        case = _result_case(session, row)
        if counter is not None and case.counter and case.counter != counter:
            continue  # another counter's (a case synced before the server said whose: shown)
        notified = session.scalar(select(SyncNotice.id).where(
            SyncNotice.case_id == row.id, SyncNotice.kind.in_(("approved", "rejected"))))
        sent = code_sent_at(session, row.id)
        licence = current_licence(session, row.id)
        days = (now - case.ready_at).days if case.ready_at else None
        entries.append(QueueEntry(case, notified is not None or sent is not None, sent,
                                  days, licence.number if licence else "",
                                  licence.status if licence else ""))
    entries.sort(key=lambda e: (e.refused, -(e.days_waiting or 0), e.case.case_number))
    return entries
