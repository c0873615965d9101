"""People's names and addresses, kept exactly as entered.

A name is the applicant's: it is never normalised (NFKC would turn the compatibility
ideograph 﨑 into 崎 and 丽 U+2F800 into 丽 U+4E3D, a different legal name), lengths count
characters (code points, so 𠮷 is one, not two UTF-16 units or four UTF-8 bytes), and only what
cannot be a character of anyone's name is refused: unpaired surrogate halves, control and
direction-override characters, private-use code points (which mean something else on every
other machine), noncharacters, marks with nothing to sit on and runs of stacked marks.
Only surrounding white space is trimmed.

Search finds a name by any run of its characters: SQLite's LIKE compares whole code points
outside ASCII, so ``%𠮷%`` matches 王𠮷 and not 王吉.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement
from sqlalchemy.orm import QueryableAttribute

from hall_client.core.errors import InvalidInput, Problem

#: Longest name and address, in characters.
NAME_MAX_CHARS = 64
ADDRESS_MAX_CHARS = 200
#: More combining marks than this on one base character is not writing but an attack on layout.
MAX_MARKS_PER_BASE = 4

#: Direction embeddings, overrides and isolates: they reorder what follows them on screen and
#: paper (a name could hide or reverse the text after it). Plain RLM/LRM marks are allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_FORMAT = frozenset("\u200c\u200d\u200e\u200f")  # ZWNJ, ZWJ, LRM, RLM


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def problems_in(value: str, *, field: str, label: str, max_chars: int,
                required: bool = True) -> list[Problem]:
    """Every rule ``value`` breaks, each naming the field and, for a bad character, its code."""
    problems: list[Problem] = []
    text = value.strip()
    if required and not text:
        return [Problem(field, "name_required", f"请填写{label}")]
    if len(text) > max_chars:
        problems.append(Problem(field, "name_too_long",
                                f"{label}最多 {max_chars} 个字，现有 {len(text)} 个字"))
    marks = 0
    for position, char in enumerate(text, 1):
        code = ord(char)
        category = unicodedata.category(char)
        where = f"{label}第 {position} 个字（{_code(char)}）"
        if category == "Cs":
            problems.append(Problem(field, "name_surrogate",
                                    f"{where}是不成对的代理项，不是完整的字：请删去后用生僻字选择器重新输入"))
        elif category == "Cc" or char in _BIDI_CONTROLS or (
                category == "Cf" and char not in _ALLOWED_FORMAT):
            problems.append(Problem(field, "name_control",
                                    f"{where}是不可见的控制字符，请删去"))
        elif category == "Co":
            problems.append(Problem(field, "name_private_use",
                                    f"{where}是私用区字符，在其他电脑和服务器上显示为别的字：请用生僻字选择器选标准汉字"))
        elif (0xFDD0 <= code <= 0xFDEF) or (code & 0xFFFE) == 0xFFFE:
            problems.append(Problem(field, "name_noncharacter", f"{where}不是字符，请删去"))
        if category.startswith("M"):
            marks += 1
            if position == 1:
                problems.append(Problem(field, "name_mark_first",
                                        f"{where}是附加符号，不能在开头"))
            elif marks == MAX_MARKS_PER_BASE + 1:
                problems.append(Problem(field, "name_marks_stacked",
                                        f"{where}起附加符号叠加过多（一个字最多 {MAX_MARKS_PER_BASE} 个）"))
        else:
            marks = 0
        if len(problems) >= 5:  # a thousand bad characters need not make a thousand lines
            break
    return problems


def check_text(value: str, *, field: str, label: str, max_chars: int,
               required: bool = True) -> str:
    """``value`` without surrounding white space, exactly as typed otherwise; or InvalidInput."""
    problems = problems_in(value, field=field, label=label, max_chars=max_chars,
                           required=required)
    if problems:
        raise InvalidInput(problems)
    return value.strip()


def check_name(value: str, *, field: str = "name", label: str = "姓名") -> str:
    return check_text(value, field=field, label=label, max_chars=NAME_MAX_CHARS)


def check_address(value: str, *, field: str = "address", label: str = "地址",
                  required: bool = False) -> str:
    return check_text(value, field=field, label=label, max_chars=ADDRESS_MAX_CHARS,
                      required=required)


def like_pattern(query: str) -> str:
    """A LIKE pattern (escape ``\\``) that finds ``query`` anywhere, taken literally."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: ColumnElement[str] | QueryableAttribute[str], query: str) -> ColumnElement[bool]:
    """SQL: ``column`` holds ``query`` as a run of characters (no normalisation either side)."""
    return column.like(like_pattern(query.strip()), escape="\\")


def isolate(text: str) -> str:
    """``text`` wrapped in first-strong isolates, for putting a name of any script direction
    inside a sentence of another (a right-to-left name must not reorder the label beside it)."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"\u2068{text}\u2069"
    return text
