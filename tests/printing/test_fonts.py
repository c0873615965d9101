"""The bundled font chain: Extensions A–F drawn completely, the report current, no empty boxes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from hall_client.printing import fonts
from hall_client.printing.font_report import BLOCKS, report

DOCS = Path(__file__).resolve().parents[2] / "docs" / "fonts.md"


def test_coverage_report_is_current() -> None:
    assert DOCS.read_text(encoding="utf-8") == report(), "run make fonts-report"


@pytest.mark.parametrize("label", [b[0] for b in BLOCKS[:7]] + [BLOCKS[10][0], BLOCKS[11][0]])
def test_chain_covers_uro_extensions_a_to_f_and_compatibility_completely(label: str) -> None:
    _, first, last, assigned = next(b for b in BLOCKS if b[0] == label)
    union = frozenset().union(*(fonts.coverage(i) for i in range(len(fonts.CHAIN))))
    covered = sum(1 for c in union if first <= c <= last)
    assert covered == assigned


def _ink(text: str, size: int = 32) -> np.ndarray:
    image = Image.new("1", (int(fonts.text_length(text, size)) + 8, size * 2), 1)
    fonts.draw_text(ImageDraw.Draw(image), (4, 4), text, size)
    return ~np.asarray(image)


def _notdef(position: int, size: int = 32) -> np.ndarray:
    """What the font draws for a code point it lacks (its .notdef box)."""
    face = fonts.face(position, size)
    image = Image.new("1", (size * 2, size * 2), 1)
    ImageDraw.Draw(image).text((4, 4), "\u0378", font=face, fill=0)  # unassigned code point
    return ~np.asarray(image)


@pytest.mark.parametrize("char", ["䶮", "𠮷", "𪜀", "𫝀", "𫠠", "𬺰", "𰀀", "丽", "兀", "﨩"])
def test_each_rare_character_is_drawn_by_a_font_that_has_it(char: str) -> None:
    position = fonts.font_for(char)
    assert position is not None
    ink = _ink(char)
    assert ink.sum() > 20
    notdef = _notdef(position)
    assert not np.array_equal(ink[: notdef.shape[0], : notdef.shape[1]], notdef)


def test_a_character_no_font_has_is_drawn_as_its_code_not_an_empty_box() -> None:
    char = "\U0002ebf0"  # CJK Extension I: no bundled font has it yet
    assert fonts.missing(char) == [char]
    label_width = fonts.text_length(char, 32)
    assert label_width > fonts.text_length("王", 32)  # the U+2EBF0 label, wider than a hanzi
    assert _ink(char).sum() > 50


def test_rtl_runs_are_drawn_right_to_left_and_stay_in_place() -> None:
    runs = fonts.runs("王 محمد علی 李")
    assert [(r.text, r.rtl) for r in runs] == [
        ("王 ", False), ("محمد علی", True), (" ", False), ("李", False)]
    assert runs[1].font == [e.file for e in fonts.CHAIN].index("DejaVuSans.ttf")


def test_combining_marks_stay_with_their_base_character() -> None:
    runs = fonts.runs("e\u0301\u0301王")
    assert runs[0].text.startswith("e\u0301\u0301")
