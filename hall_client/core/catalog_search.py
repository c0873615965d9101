"""Finding a service item the way a clerk types it: code, name, pinyin, abbreviation, department.

A clerk at the window types what is quickest: ``ZJ-XK-001``, ``施工许可``, the pinyin initials
``sgxk``, the full pinyin ``shigongxuke``, what the hall calls a department (``住建`` for
住房和城乡建设局) or the department itself. The hits are ranked so that Enter on the first one
is usually right:

0. the code or the name exactly;
1. the code or the name begins with it;
2. the pinyin initials or the full pinyin of the name hold it (from a syllable on);
3. the name or the code holds it, or it is an abbreviation of a part of the name;
4. the item's department: its name, code, abbreviation, or pinyin from its start.

Within a rank, a match nearer the start comes first, then the item code. The abbreviations are
data (``resources/catalog/abbreviations.json``), kept by the hall, not code. No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pypinyin import Style, lazy_pinyin

_LETTERS = re.compile(r"[a-z]+")
_NOT_HAN = re.compile(r"[^\u3400-\u9fff\U00020000-\U0003ffff]")

RANK_EXACT, RANK_PREFIX, RANK_PINYIN, RANK_SUBSTRING, RANK_DEPARTMENT = range(5)


@lru_cache(maxsize=8192)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin syllables of the Han characters of ``text`` (other characters dropped),
    read with pypinyin's phrase table so that 银行 is yin hang and 行政 is xing zheng."""
    han = _NOT_HAN.sub("", text)
    if not han:
        return ()
    return tuple(s.lower() for s in lazy_pinyin(han, style=Style.NORMAL, errors="ignore"))


def initials(text: str) -> str:
    """The pinyin initials of ``text``: 施工许可 → ``sgxk``."""
    return "".join(s[0] for s in syllables(text) if s)


def full_pinyin(text: str) -> str:
    """The full pinyin of ``text`` without tones or spaces: 施工许可 → ``shigongxuke``."""
    return "".join(syllables(text))


@dataclass(frozen=True)
class Searchable:
    """One item as the search sees it (built once per list, off the GUI thread)."""

    code: str
    name: str
    department: str = ""
    department_name: str = ""
    payload: Any = None  # what the caller wants back (a summary row, a combo index, ...)

    @property
    def name_syllables(self) -> tuple[str, ...]:
        return syllables(self.name)

    @property
    def department_syllables(self) -> tuple[str, ...]:
        return syllables(self.department_name)


@dataclass(frozen=True)
class Hit:
    item: Searchable
    rank: int
    position: int  # where the match begins (characters or syllables): earlier is better


def _pinyin_position(query: str, sylls: Sequence[str]) -> int | None:
    """Where ``query`` (letters only) matches the syllables: as initials, or as full pinyin
    from the start of a syllable (the last syllable may be typed in part); None if not."""
    if not sylls:
        return None
    heads = "".join(s[0] for s in sylls if s)
    found = heads.find(query)
    best = found if found >= 0 else None
    full = "".join(sylls)
    starts = []
    at = 0
    for s in sylls:
        starts.append(at)
        at += len(s)
    for n, start in enumerate(starts):
        if full.startswith(query, start):
            best = n if best is None else min(best, n)
            break
    return best


def load_abbreviations() -> dict[str, tuple[str, ...]]:
    """The hall's table of abbreviations (简称 → the full names they stand for)."""
    return dict(_abbreviations())


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    from hall_resources import resource_path

    doc = json.loads(resource_path("catalog", "abbreviations.json").read_text("utf-8"))
    table = doc.get("abbreviations", {})
    return tuple((str(k), tuple(str(x) for x in v)) for k, v in table.items())


def _normalise(query: str) -> str:
    return re.sub(r"\s+", "", query).lower().replace("ü", "v")


def rank(item: Searchable, query: str,
         abbreviations: Mapping[str, Sequence[str]]) -> tuple[int, int] | None:
    """(rank, position) of one item for a normalised query, or None if it does not match."""
    code, name = item.code.lower(), item.name.lower()
    if query in (code, name):
        return RANK_EXACT, 0
    if code.startswith(query) or name.startswith(query):
        return RANK_PREFIX, 0
    if _LETTERS.fullmatch(query):
        where = _pinyin_position(query, item.name_syllables)
        if where is not None:
            return RANK_PINYIN, where
    if query in name:
        return RANK_SUBSTRING, name.index(query)
    if query in code:
        return RANK_SUBSTRING, code.index(query)
    expansions = abbreviations.get(query, ())
    for full in expansions:
        if full.lower() in name:
            return RANK_SUBSTRING, name.index(full.lower())
    dept_name = item.department_name.lower()
    if query in dept_name or query == item.department.lower():
        return RANK_DEPARTMENT, 0
    if any(full.lower() in dept_name for full in expansions if full):
        return RANK_DEPARTMENT, 0
    # a department by its pinyin from its first syllable (zj: 住建局, not 民政局)
    if _LETTERS.fullmatch(query) and _pinyin_position(query, item.department_syllables) == 0:
        return RANK_DEPARTMENT, 0
    return None


def search(items: Iterable[Searchable], query: str,
           abbreviations: Mapping[str, Sequence[str]] | None = None) -> list[Hit]:
    """The items matching ``query``, best first; an empty query lists every item by code."""
    q = _normalise(query)
    pool = list(items)
    if not q:
        return [Hit(i, RANK_EXACT, 0) for i in sorted(pool, key=lambda i: i.code)]
    table = load_abbreviations() if abbreviations is None else abbreviations
    table = {_normalise(k): v for k, v in table.items()}
    hits = []
    for item in pool:
        found = rank(item, q, table)
        if found is not None:
            hits.append(Hit(item, *found))
    hits.sort(key=lambda h: (h.rank, h.position, h.item.code))
    return hits
