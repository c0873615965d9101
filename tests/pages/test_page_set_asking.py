"""Why the clerk is asked about a page: its corners, or its turn (issue 10)."""

from __future__ import annotations

from hall_client.pages.page_set import PageEntry


def _entry(confidence: float, warnings: list[str]) -> PageEntry:
    return PageEntry(
        id="p",
        source="s",
        original="o",
        file="f",
        sha256="x",
        size=1,
        width=1,
        height=1,
        corners=[[0, 0], [1, 0], [1, 1], [0, 1]],
        confidence=confidence,
        method="edges",
        warnings=warnings,
    )


def test_unsure_turn_blocks_and_says_so() -> None:
    e = _entry(0.3, ["无法可靠判断文字方向，请核对页面是否正立"])
    assert e.needs_clerk
    why = dict((rule, text) for rule, _ok, text in e.badges())["confidence"]
    assert "正立" in why and "四角" not in why


def test_unsure_corners_still_name_the_corners() -> None:
    e = _entry(
        0.3, ["纸张边缘置信度较低（0.30），请核对四角", "无法可靠判断文字方向，请核对页面是否正立"]
    )
    assert e.needs_clerk
    assert "四角" in e.why_ask()
    e.confirmed = True
    assert not e.needs_clerk
