"""Reading the audit trail by person, action, object and time, and the supervisor's tables as
xlsx files (one header row, then the rows; money and rates as numbers, not text)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hall_client.core.output_file import write_atomically
from hall_client.store.models import AuditEntry, Person


@dataclass(frozen=True)
class AuditQuery:
    person: str = ""        # user name or full name, part of it
    action: str = ""        # part of the action code
    object_text: str = ""   # part of the object type or id
    start: datetime | None = None
    end: datetime | None = None  # exclusive
    limit: int = 5000


def search_audit(session: Session, q: AuditQuery) -> list[AuditEntry]:
    """Audit lines matching every given criterion, newest first."""
    query = select(AuditEntry)
    if q.person.strip():
        text = q.person.strip()
        names = [p.username for p in session.scalars(
            select(Person).where(Person.full_name.contains(text)))]
        query = query.where(or_(AuditEntry.username.contains(text),
                                AuditEntry.username.in_(names)))
    if q.action.strip():
        query = query.where(AuditEntry.action.contains(q.action.strip()))
    if q.object_text.strip():
        text = q.object_text.strip()
        query = query.where(or_(AuditEntry.object_type.contains(text),
                                AuditEntry.object_id.contains(text)))
    if q.start is not None:
        query = query.where(AuditEntry.at >= q.start)
    if q.end is not None:
        query = query.where(AuditEntry.at < q.end)
    return list(session.scalars(query.order_by(AuditEntry.seq.desc()).limit(q.limit)))


def people_names(session: Session) -> dict[str, str]:
    return {p.username: p.full_name for p in session.scalars(select(Person))}


def write_xlsx(path: Path, title: str, headers: Sequence[str],
               rows: Sequence[Sequence[Any]]) -> None:
    """One sheet: a bold header row, then the rows; written atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    def write(tmp: Path) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = title[:31]
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column[:200])
            sheet.column_dimensions[column[0].column_letter].width = min(50, width * 2 + 2)
        book.save(tmp)

    write_atomically(path, write)
