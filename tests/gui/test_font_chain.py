"""Qt draws every test name with real glyphs from the bundled fonts (no system CJK font needed)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from hall_client.gui.resources import chain_font, font_families, install_font
from tests.rare_names import NAMES


@pytest.mark.parametrize("text", [n.name for n in NAMES] + ["محمد علی", "Zoë"],
                         ids=[n.id for n in NAMES] + ["rtl", "latin"])
def test_qt_draws_each_character_from_a_bundled_font(qapp: QApplication, text: str) -> None:
    install_font(qapp)
    bundled = set(font_families())
    layout = QTextLayout(text, chain_font(12))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    assert runs and all(run.rawFont().familyName() in bundled for run in runs)
    assert 0 not in glyphs  # glyph 0 is .notdef: the empty box
    assert len(glyphs) >= len(text.replace(" ", "")) - 1
