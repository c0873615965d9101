"""Personal information in a public hall: masked in lists, whole only in the opened case.

Lists, printouts for staff and log files show an ID number as ``3301**********1236`` and a
phone number as ``138****5678`` (the usual practice under the personal-information rules);
:class:`PersonalDataFilter` masks any that reach a log record by mistake.
"""

from __future__ import annotations

import logging
import re

#: 18-digit resident ID (last may be X), 15-digit old ID, unified social credit codes stay whole
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{10}|\d{7})(\d{3}[\dXx]|\d{4})(?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def mask_id_number(value: str | None) -> str:
    """Keep the first four and last four characters; every other character becomes ``*``."""
    if not value:
        return ""
    v = value.strip()
    if len(v) <= 8:
        return "*" * len(v)
    return v[:4] + "*" * (len(v) - 8) + v[-4:]


#: a unified social credit code (统一社会信用代码): an organisation's public number, not personal
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY]$")


def mask_applicant_id(value: str | None) -> str:
    """An applicant's ID for a list: a person's ID number masked, an organisation's unified
    social credit code (which has letters besides a final X) left whole."""
    v = (value or "").strip()
    if _USCC_RE.match(v) and any(c.isalpha() for c in v[:-1]):
        return v
    return mask_id_number(v)


def mask_phone(value: str | None) -> str:
    """A mobile number as ``138****5678``; other numbers keep only their last four digits."""
    if not value:
        return ""
    v = value.strip()
    if len(v) == 11 and v.isdigit():
        return v[:3] + "****" + v[-4:]
    if len(v) <= 4:
        return "*" * len(v)
    return "*" * (len(v) - 4) + v[-4:]


def mask_text(text: str) -> str:
    """Mask every ID number and mobile number found in free text (for logs and errors)."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text)
    return _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(3), text)


class PersonalDataFilter(logging.Filter):
    """Masks ID and phone numbers in every record passing through a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's business, not ours
            return True
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True
