"""The bundled fonts as one fallback chain, and text drawn with it in Pillow.

No single free font covers every hanzi a name may hold (GB 18030-2022 reaches CJK Extension F,
Unicode goes on to G, H, I), so each character is drawn with the first font of the chain that
has a glyph for it: WenQuanYi Micro Hei for the interface and common hanzi, HanaMinA (subset:
Extension A, compatibility ideographs), HanaMinB (Extensions B–F), BabelStone Han (subset:
Extensions G, H and what the others miss) and DejaVu Sans (Latin, Cyrillic, Arabic, Hebrew,
combining marks). The GUI gives Qt the same families in the same order (``gui/resources.py``).

A character no font covers is drawn as a framed hex code (U+XXXXX), never as an empty box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hall_resources import resource_path
from PIL import ImageDraw, ImageFont

FONT_DIR = resource_path("fonts")


@dataclass(frozen=True)
class FontFile:
    file: str
    family: str
    index: int = 0

    @property
    def path(self) -> Path:
        return FONT_DIR / self.file


#: The fallback chain, first choice first. ``family`` is the name Qt reports for the file.
CHAIN: tuple[FontFile, ...] = (
    FontFile("wqy-microhei.ttc", "WenQuanYi Micro Hei"),
    FontFile("HanaMinA-subset.ttf", "HanaMinA"),
    FontFile("HanaMinB.ttf", "HanaMinB"),
    FontFile("BabelStoneHan-subset.ttf", "BabelStone Han"),
    FontFile("DejaVuSans.ttf", "DejaVu Sans"),
)
_HEX_FONT = len(CHAIN) - 1  # DejaVu draws the hex code of a character no font has


@lru_cache(maxsize=len(CHAIN))
def coverage(position: int) -> frozenset[int]:
    """Code points the ``position``-th font of the chain has a glyph for (read from its cmap)."""
    from fontTools.ttLib import TTFont

    entry = CHAIN[position]
    with TTFont(str(entry.path), lazy=True, fontNumber=entry.index) as font:
        cmap = font.getBestCmap()
        # A visible character mapped to an empty glyph is not covered: WenQuanYi maps the
        # pinyin vowels ǎ ǐ ǒ ǔ ǚ (and ℃, Å …) to blanks, which would print as nothing.
        loca = font["loca"]
        order = {name: gid for gid, name in enumerate(font.getGlyphOrder())}

        def blank(code: int) -> bool:
            gid = order[cmap[code]]
            char = chr(code)
            return (gid + 1 < len(loca) and loca[gid + 1] == loca[gid] and not char.isspace()
                    and unicodedata.category(char) not in ("Cf", "Mn", "Zs"))

        return frozenset(code for code in cmap if not blank(code))


def _is_attached(char: str) -> bool:
    """Marks, variation selectors and joiners stay in the run of the character they follow."""
    code = ord(char)
    return (unicodedata.category(char) in ("Mn", "Mc", "Me")
            or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code in (0x200C, 0x200D))


def font_for(char: str) -> int | None:
    """Position in the chain of the first font with a glyph for ``char``; None if none has."""
    code = ord(char)
    for position in range(len(CHAIN)):
        if code in coverage(position):
            return position
    return None


def missing(text: str) -> list[str]:
    """The characters of ``text`` that no bundled font can draw (spaces and controls aside)."""
    return [c for c in text if not c.isspace() and not _is_attached(c)
            and unicodedata.category(c) not in ("Cc", "Cf") and font_for(c) is None]


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn with one font in one direction (``font`` None: hex box)."""

    text: str
    font: int | None
    rtl: bool = False


def runs(text: str) -> list[Run]:
    """Split ``text`` into font runs, in visual order left to right.

    The line's base direction is left to right (our documents are Chinese); a stretch of
    right-to-left script (with the spaces inside it) becomes one run drawn right to left, which
    Pillow's Raqm layout shapes and mirrors.
    """
    pieces: list[tuple[str, int | None, bool]] = []
    for char in text:
        if unicodedata.category(char) == "Cf" and char not in "\u200c\u200d":
            continue  # direction marks and isolates: invisible, the runs already order the text
        rtl = _is_rtl(char)
        if pieces and (_is_attached(char) or (char == " " and pieces[-1][2])):
            prev_text, prev_font, prev_rtl = pieces[-1]
            pieces[-1] = (prev_text + char, prev_font, prev_rtl)
            continue
        position = font_for(char)
        if position is None and (char.isspace() or unicodedata.category(char) == "Cc"):
            position = 0
        if pieces and pieces[-1][1] == position and position is not None:
            prev_text, prev_font, prev_rtl = pieces[-1]
            if prev_rtl == rtl:
                pieces[-1] = (prev_text + char, prev_font, prev_rtl)
                continue
        pieces.append((char, position, rtl))
    # A space that ended an RTL run belongs to the LTR text after it.
    out: list[Run] = []
    for piece_text, position, rtl in pieces:
        if rtl and piece_text.endswith(" ") and piece_text.strip():
            stripped = piece_text.rstrip(" ")
            out.append(Run(stripped, position, True))
            out.append(Run(piece_text[len(stripped):], position, False))
        else:
            out.append(Run(piece_text, position, rtl))
    # Consecutive RTL runs in different fonts read right to left: reverse their order.
    ordered: list[Run] = []
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].rtl:
            j += 1
        if j > i:
            ordered.extend(reversed(out[i:j]))
            i = j
        else:
            ordered.append(out[i])
            i += 1
    return ordered


@lru_cache(maxsize=64)
def face(position: int, size: int) -> ImageFont.FreeTypeFont:
    """The ``position``-th font of the chain at ``size`` pixels (loaded once per size)."""
    entry = CHAIN[position]
    return ImageFont.truetype(str(entry.path), size, index=entry.index)


def _hex_label(char: str) -> str:
    return f"U+{ord(char):04X}"


def _run_length(run: Run, size: int) -> float:
    if run.font is None:
        small = face(_HEX_FONT, max(size // 3, 6))
        return sum(small.getlength(_hex_label(c)) + 4 for c in run.text)
    return face(run.font, size).getlength(run.text, direction="rtl" if run.rtl else None)


@lru_cache(maxsize=8192)
def char_length(char: str, size: int) -> float:
    """Width of one character alone (cached): for line breaking, which adds them up."""
    return text_length(char, size)


def text_length(text: str, size: int) -> float:
    """Width in pixels of ``text`` drawn with the chain at ``size``."""
    return sum(_run_length(run, size) for run in runs(text))


def ascent(size: int) -> int:
    """Ascent of the first font: lines keep its baseline whichever fonts they use."""
    return face(0, size).getmetrics()[0]


def draw_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int,
              fill: int = 0) -> float:
    """Draw ``text`` with its top-left at ``xy``; returns the width drawn."""
    x, y = xy
    baseline = y + ascent(size)
    start = x
    for run in runs(text):
        if run.font is None:
            small = face(_HEX_FONT, max(size // 3, 6))
            for char in run.text:
                label = _hex_label(char)
                w = small.getlength(label) + 4
                draw.rectangle((x, baseline - size * 0.8, x + w - 1, baseline), outline=fill)
                draw.text((x + 2, baseline - size * 0.4), label, font=small, fill=fill, anchor="lm")
                x += w
            continue
        font = face(run.font, size)
        direction = "rtl" if run.rtl else None
        draw.text((x, baseline), run.text, font=font, fill=fill, anchor="ls", direction=direction)
        x += font.getlength(run.text, direction=direction)
    return x - start
