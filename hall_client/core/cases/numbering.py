"""Numbers people read: case numbers, notice numbers, and the random query code.

Case number: ``<hall>-<year>-<counter>-<sequence>`` (``HALL-330100-2026-W01-00001``), from a
gap-free sequence per year held by this counter, so two counters working offline never share a
number. The shape fits the server's client-number pattern and never the server's own
(``CODE-YYYY-NNNNNN``). Notice numbers run gap-free per kind, counter and year.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy.orm import Session

from hall_client.core.sequences import take_next

#: Unambiguous letters and digits (no 0/O, 1/I/L) for a code read off paper.
QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
QUERY_LENGTH = 8
CASE_NUMBER_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
NOTICE_KINDS = {"accept": "受理通知书", "correction": "补正材料通知书", "refuse": "不予受理决定书"}
NOTICE_PREFIX = {"accept": "受", "correction": "补", "refuse": "不受"}


def _code_part(raw: str, fallback: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9-]", "", raw).strip("-")
    return cleaned or fallback


def take_case_number(session: Session, hall: str, counter: str, year: int) -> tuple[int, str]:
    """The next case number of this counter in ``year`` (taken in the caller's transaction)."""
    seq = take_next(session, f"case:{year}")
    number = f"{_code_part(hall, 'HALL')[:16]}-{year}-{_code_part(counter, 'C')[:8]}-{seq:05d}"
    assert CASE_NUMBER_RE.match(number), number
    return seq, number


def take_notice_number(session: Session, kind: str, counter: str, year: int) -> tuple[int, str]:
    seq = take_next(session, f"notice:{kind}:{year}")
    return seq, f"{NOTICE_PREFIX[kind]}〔{year}〕{_code_part(counter, 'C')}-{seq:05d}号"


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_ALPHABET) for _ in range(QUERY_LENGTH))
