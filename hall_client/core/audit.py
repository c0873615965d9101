"""The append-only, hash-chained audit trail (痕迹管理).

Every state change calls :func:`record` inside the transaction that makes the change, so the
change and its audit line are committed together or not at all. Each line carries the SHA-256
of the previous line; ``audit_head`` keeps the newest line's hash, so editing, deleting,
reordering or cutting off lines is found by :func:`verify`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hall_client.core.actor import Actor
from hall_client.store.models import AuditEntry, AuditHead, new_id, utcnow

GENESIS = "0" * 64


def _summary(value: Mapping[str, Any] | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def entry_hash(
    *,
    seq: int,
    id: str,
    at: datetime,
    username: str,
    role: str,
    counter: str,
    action: str,
    object_type: str,
    object_id: str,
    before: str,
    after: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [seq, id, at.isoformat(), username, role, counter, action, object_type, object_id,
         before, after, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: Actor,
    *,
    role: str,
    action: str,
    object_type: str,
    object_id: str,
    before: Mapping[str, Any] | str | None = None,
    after: Mapping[str, Any] | str | None = None,
) -> AuditEntry:
    """Append one line to the trail in the caller's transaction."""
    head = session.get(AuditHead, 1)
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    fields: dict[str, Any] = dict(
        seq=seq,
        id=new_id(),
        at=utcnow(),
        username=actor.username,
        role=role,
        counter=actor.counter,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        before=_summary(before),
        after=_summary(after),
        prev_hash=prev,
    )
    entry = AuditEntry(**fields, hash=entry_hash(**fields))
    session.add(entry)
    if head is None:
        session.add(AuditHead(id=1, seq=seq, hash=entry.hash))
    else:
        head.seq, head.hash = seq, entry.hash
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify` found: ``ok`` or the first bad line and why."""

    ok: bool
    checked: int
    bad_seq: int | None = None
    bad_id: str | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"审计链完整：共 {self.checked} 条记录校验通过"
        return f"审计链被破坏：第 {self.bad_seq} 条记录（{self.bad_id}）{self.reason}"


def iter_entries(session: Session) -> Iterator[AuditEntry]:
    yield from session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(500)


def verify(session: Session) -> ChainReport:
    """Walk the whole trail and report the first line that does not hold."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for e in iter_entries(session):
        if e.seq != expected_seq:
            return ChainReport(False, checked, e.seq, e.id,
                               f"序号不连续：应为 {expected_seq}（有记录被删除或插入）")
        if e.prev_hash != prev:
            return ChainReport(False, checked, e.seq, e.id, "前序哈希不符（前一条被改动、删除或调换）")
        actual = entry_hash(
            seq=e.seq, id=e.id, at=e.at, username=e.username, role=e.role, counter=e.counter,
            action=e.action, object_type=e.object_type, object_id=e.object_id,
            before=e.before, after=e.after, prev_hash=e.prev_hash,
        )
        if actual != e.hash:
            return ChainReport(False, checked, e.seq, e.id, "内容哈希不符（该条记录被改动）")
        prev = e.hash
        expected_seq += 1
        checked += 1
    head = session.get(AuditHead, 1)
    if head is None and checked:
        return ChainReport(False, checked, checked, None, "链头记录缺失")
    if head is not None and (head.seq != checked or head.hash != prev):
        return ChainReport(False, checked, head.seq, None,
                           f"链尾不符：链头记载到第 {head.seq} 条，实际只有 {checked} 条（末尾记录被删除）")
    return ChainReport(True, checked)
