"""Turning a page upright by its content (hall_client.pages.orient)."""

from __future__ import annotations

import numpy as np
import pytest

from hall_client.pages import orient


def _bars(lower_by: int) -> np.ndarray:
    """A white page of identical full-width "text lines", the block ``lower_by`` px below centre:
    its layout leans upside down by a hair."""
    page = np.full((1200, 850), 255, np.uint8)
    for k in range(12):
        y = 300 + lower_by + 50 * k
        for x in range(80, 770, 30):
            page[y : y + 18, x : x + 22] = 0
    return page


def test_a_coin_flip_leaves_the_page_as_photographed(monkeypatch: pytest.MonkeyPatch) -> None:
    # the model reads nothing either way; the layout leans upside down by a hair: turning the
    # page over on that would be a guess (a real book page came out upside down so)
    monkeypatch.setattr(orient, "_model_vote", lambda crops: 0.0)
    found = orient.find_orientation(_bars(lower_by=80))
    assert found.confidence < orient.KEEP_AS_SHOT
    assert found.rotate == 0


def test_a_clear_lean_still_turns_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orient, "_model_vote", lambda crops: -0.9)
    found = orient.find_orientation(_bars(lower_by=80))
    assert found.rotate == 180
    assert found.confidence > orient.KEEP_AS_SHOT
