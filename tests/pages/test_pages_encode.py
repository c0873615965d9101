"""Encoding to the cap: never over the byte cap, always within the pixel bounds at A4 aspect."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hall_client.pages.encode import encode_to_cap
from hall_client.pages.pipeline import PageOptions, prepare_image
from hall_client.pages.profiles import PageProfile, get_profile
from hall_client.pages.validate import sniff_format

PROFILES = [get_profile("construction-permit"), get_profile("generic-a4-200k")]


@st.composite
def images(draw: st.DrawFn) -> np.ndarray:
    w = draw(st.integers(40, 1800))
    h = draw(st.integers(40, 1800))
    kind = draw(st.sampled_from(["noise", "flat", "gradient", "blocks", "text"]))
    channels = draw(st.sampled_from([1, 3]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = (h, w) if channels == 1 else (h, w, 3)
    if kind == "noise":
        return rng.integers(0, 256, shape, dtype=np.uint8)
    if kind == "flat":
        return np.full(shape, draw(st.integers(0, 255)), np.uint8)
    if kind == "gradient":
        g = np.linspace(0, 255, w, dtype=np.float32)[None, :].repeat(h, 0)
        return (
            g if channels == 1 else np.dstack([g, g[::-1], g.T[:h, :w] if h == w else g])
        ).astype(np.uint8)
    if kind == "blocks":
        small = rng.integers(0, 256, (max(1, h // 16), max(1, w // 16), channels), np.uint8)
        return cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST).reshape(shape)
    page = np.full(shape, 245, np.uint8)
    for y in range(10, h - 10, 14):
        x0 = int(rng.integers(0, max(1, w // 4)))
        page[y : y + 6, x0 : w - x0] = rng.integers(0, 80)
    return page


def _within(profile: PageProfile, data: bytes, width: int, height: int) -> None:
    assert len(data) <= profile.max_bytes
    assert sniff_format(data) == "jpeg"
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert decoded.shape[1] == width and decoded.shape[0] == height
    long_px, short_px = max(width, height), min(width, height)
    assert profile.long_side[0] <= long_px <= profile.long_side[1]
    assert profile.short_side[0] <= short_px <= profile.short_side[1]
    assert abs(long_px / short_px / 2**0.5 - 1) <= profile.aspect_tolerance


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    img=images(),
    pi=st.integers(0, 1),
    colour=st.booleans(),
    cap=st.sampled_from([None, 30000, 12000]),
)
def test_encoded_page_never_exceeds_cap_or_bounds(
    img: np.ndarray, pi: int, colour: bool, cap: int | None
) -> None:
    profile = PROFILES[pi] if cap is None else dataclasses.replace(PROFILES[pi], max_bytes=cap)
    page = encode_to_cap(img, profile, colour=colour)
    _within(profile, page.data, page.width, page.height)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(img=images(), pi=st.integers(0, 1))
def test_prepared_page_never_exceeds_cap_or_bounds(img: np.ndarray, pi: int) -> None:
    profile = PROFILES[pi]
    page = prepare_image(img, profile, options=PageOptions())
    _within(profile, page.encoded.data, page.encoded.width, page.encoded.height)


def test_white_page_keeps_full_size_and_high_quality() -> None:
    profile = PROFILES[0]
    page = encode_to_cap(np.full((1600, 1131), 255, np.uint8), profile)
    assert (page.width, page.height) == (1131, 1600) and page.quality >= 90


def test_landscape_page_stays_landscape() -> None:
    page = encode_to_cap(np.full((700, 990, 3), 200, np.uint8), PROFILES[0], colour=True)
    assert (page.width, page.height) == (1600, 1131) and page.colour == "colour"


def _noisy_page(seed: int, colour: bool) -> np.ndarray:
    """A text page with a photo's grain: a few tens of kilobytes a quality step apart."""
    from tests.pages.synthetic import render_page

    page = cv2.resize(render_page(seed), (1131, 1600), interpolation=cv2.INTER_AREA)
    rng = np.random.default_rng(seed)
    grain = rng.normal(0, 2.0 + seed % 3, page.shape)
    noisy = np.clip(page.astype(np.float64) * 0.9 + 10 + grain, 0, 255).astype(np.uint8)
    return noisy if colour else cv2.cvtColor(noisy, cv2.COLOR_BGR2GRAY)


def test_quality_search_finds_the_highest_fitting_quality_with_few_full_encodes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The search probes a quarter of the page to predict the full page's bytes: the quality it
    returns is still the highest whose bytes fit, found with about two full encodes a page
    instead of four or five (a full encode is the costliest step of the search)."""
    from hall_client.pages import encode as enc

    monkeypatch.setattr(enc, "_LAST_GOOD", {})
    monkeypatch.setattr(enc, "_LAST_RATIO", {}, raising=False)
    cap = 90_000
    full_encodes = 0
    pages = [_noisy_page(seed, colour=seed % 2 == 0) for seed in range(6)]
    for img in pages:
        calls: list[int] = []

        def counting(
            a: np.ndarray, q: int, calls: list[int] = calls, shape: tuple[int, ...] = img.shape
        ) -> bytes:
            if a.shape == shape:
                calls.append(q)
            return enc._turbo_optimised(a, q)

        found = enc._search_quality(img, cap, counting, 5)
        assert found is not None
        q, data = found
        assert len(data) <= cap and data == enc._turbo_optimised(img, q)
        assert q == enc.QUALITY_MAX or len(enc._turbo_optimised(img, q + 1)) > cap
        full_encodes += len(calls)
    assert full_encodes <= 2.5 * len(pages)
