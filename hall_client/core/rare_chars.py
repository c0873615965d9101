"""Finding a character an input method cannot type: by pinyin or by its Unicode code.

The pinyin readings come from pypinyin's table (Unihan kMandarin and friends: about 42,000
characters, 15,000 of them beyond the BMP). Characters it has no reading for (most of
Extensions C–G) are found by code: ``U+20BB7``, ``20BB7`` or ``0x20BB7``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Blocks a clerk may meet in a name, shortest names for the picker's caption.
BLOCKS: tuple[tuple[str, int, int], ...] = (
    ("基本汉字", 0x4E00, 0x9FFF),
    ("扩展A", 0x3400, 0x4DBF),
    ("扩展B", 0x20000, 0x2A6DF),
    ("扩展C", 0x2A700, 0x2B73F),
    ("扩展D", 0x2B740, 0x2B81F),
    ("扩展E", 0x2B820, 0x2CEAF),
    ("扩展F", 0x2CEB0, 0x2EBEF),
    ("扩展I", 0x2EBF0, 0x2EE5F),
    ("扩展G", 0x30000, 0x3134F),
    ("扩展H", 0x31350, 0x323AF),
    ("兼容汉字", 0xF900, 0xFAFF),
    ("兼容汉字补充", 0x2F800, 0x2FA1F),
    ("部首", 0x2E80, 0x2FDF),
)

#: Name characters everyone at a counter meets that pypinyin's table has no reading for.
EXTRA_READINGS = {"𠮷": "jí"}

MAX_RESULTS = 1000
_CODE = re.compile(r"^(?:u\+|U\+|0x|0X|\\u|\\U)?([0-9A-Fa-f]{4,6})$")
_PINYIN = re.compile(r"^([a-zA-Zü:]+)([1-5])?$")


@dataclass(frozen=True)
class CharInfo:
    char: str
    code: str  # "U+20BB7"
    block: str  # "扩展B", or "" outside the hanzi blocks
    readings: str  # "jí", "" if none known


def block_of(char: str) -> str:
    code = ord(char)
    return next((name for name, first, last in BLOCKS if first <= code <= last), "")


def _table() -> dict[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    table = dict(pinyin_dict)
    table.update({ord(c): r for c, r in EXTRA_READINGS.items()})
    return table


def _toneless(reading: str) -> tuple[str, int]:
    """("yǎn" → ("yan", 3)); ü is written v, as on a keyboard."""
    tone = 5
    base: list[str] = []
    for ch in unicodedata.normalize("NFD", reading):
        mark = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}.get(ch)
        if mark:
            tone = mark
        elif ch == "\u0308":
            base[-1] = "v"
        else:
            base.append(ch)
    return "".join(base), tone


def _order(code: int) -> tuple[int, int]:
    """Common hanzi first, then Extension A, then the rest by code."""
    if 0x4E00 <= code <= 0x9FFF:
        return (0, code)
    if 0x3400 <= code <= 0x4DBF:
        return (1, code)
    return (2, code)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[int, int]]]:
    """Toneless syllable → [(code, tone)], in display order."""
    index: dict[str, list[tuple[int, int]]] = {}
    for code, readings in _table().items():
        for reading in readings.split(","):
            syllable, tone = _toneless(reading)
            index.setdefault(syllable, []).append((code, tone))
    for entries in index.values():
        entries.sort(key=lambda e: _order(e[0]))
    return index


def readings(char: str) -> str:
    return _table().get(ord(char), "")


def info(char: str) -> CharInfo:
    return CharInfo(char, f"U+{ord(char):04X}", block_of(char), readings(char))


def by_code(text: str) -> str | None:
    """The character a code names (``U+20BB7``, ``20BB7``, ``0x20BB7``), or None."""
    match = _CODE.match(text.strip())
    if not match:
        return None
    digits = match.group(1)
    has_prefix = match.group(0) != digits
    if not has_prefix and not any(d.isdigit() for d in digits):
        return None  # "bead" is not a code
    code = int(digits, 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    char = chr(code)
    if unicodedata.category(char) in ("Cc", "Co") and not block_of(char):
        return None
    return char


def by_pinyin(text: str) -> list[str]:
    """Characters read ``text`` (a syllable without tone marks, optionally a tone digit 1–5)."""
    match = _PINYIN.match(text.strip())
    if not match:
        return []
    syllable = match.group(1).lower().replace("ü", "v").replace("u:", "v")
    tone = int(match.group(2)) if match.group(2) else None
    seen: set[int] = set()
    out: list[str] = []
    for code, t in _index().get(syllable, []):
        if (tone is None or t == tone) and code not in seen:
            seen.add(code)
            out.append(chr(code))
    return out[:MAX_RESULTS]


def search(text: str) -> list[str]:
    """What the picker lists for ``text``: the coded character, a pasted character, or the
    characters of a pinyin syllable."""
    text = text.strip()
    if not text:
        return []
    coded = by_code(text)
    if coded is not None:
        return [coded]
    if _PINYIN.match(text):
        return by_pinyin(text)
    return [c for c in dict.fromkeys(text) if not c.isspace()][:MAX_RESULTS]
