"""Page-rule profiles load from data files and say what DESIGN.md §6 says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hall_client.pages.errors import PageError
from hall_client.pages.profiles import get_profile, list_profiles, load_profile_file


def test_construction_permit_matches_the_notice() -> None:
    p = get_profile("construction-permit")
    assert p.max_bytes == 90000
    assert p.long_side == (640, 1600) and p.short_side == (480, 1200)
    assert p.largest_size() == (1131, 1600)
    short, long_ = p.smallest_size()
    assert short >= 480 and long_ >= 640 and abs(long_ / short - 2**0.5) < 0.01
    assert p.sections == ("施工", "安全", "监督", "散墙")
    assert p.page_name(3) == "0003.jpg"


def test_at_least_two_profiles_listed() -> None:
    names = [p.name for p in list_profiles()]
    assert "construction-permit" in names and "generic-a4-200k" in names


def test_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(PageError) as exc:
        get_profile("no-such")
    assert exc.value.code == "unknown_profile"
    assert "construction-permit" in exc.value.message


def test_json_profile_and_bad_profile(tmp_path: Path) -> None:
    good = tmp_path / "x.json"
    good.write_text(
        json.dumps(
            {
                "name": "x",
                "page": {"max_bytes": 50000, "long_side": [700, 1000], "short_side": [490, 800]},
            }
        ),
        "utf-8",
    )
    assert get_profile(str(good)).largest_size() == (707, 1000)
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "b"\n[page]\nmax_bytes = 10\nlong_side = [1, 2]\nshort_side=[1,2]\n')
    with pytest.raises(PageError) as exc:
        load_profile_file(bad)
    assert exc.value.code == "bad_profile" and "max_bytes" in exc.value.message
