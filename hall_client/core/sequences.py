"""Gap-free numbers that people read (case, receipt, notice numbers).

The caller takes a number inside the transaction that writes the record using it: if that
transaction rolls back, the number is handed out again, so no number is ever skipped.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from hall_client.store.models import NumberSequence


def take_next(session: Session, name: str, *, start: int = 1) -> int:
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=start)
        session.add(seq)
    value = seq.next_value
    seq.next_value = value + 1
    session.flush()
    return value
