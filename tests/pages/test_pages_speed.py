"""Shortcuts taken for speed give the same answers as the long way round."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from hall_client.pages import orient
from tests.pages.synthetic import render_page


def _small_grey(seed: int) -> np.ndarray:
    grey = cv2.cvtColor(render_page(seed), cv2.COLOR_BGR2GRAY)
    return cv2.resize(grey, (636, 900), interpolation=cv2.INTER_AREA)


def test_fast_labelling_finds_the_same_blobs_as_opencvs_default() -> None:
    for seed in range(3):
        ink = orient._ink(_small_grey(seed))
        for mask in (ink, cv2.dilate(ink, np.ones((1, 9), np.uint8))):
            n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
            n2, _, stats2 = orient._components(mask)
            assert n == n2
            assert sorted(map(tuple, stats.tolist())) == sorted(map(tuple, stats2.tolist()))


def test_ink_blobs_handed_on_give_the_same_smear_as_labelling_again() -> None:
    for seed in range(3):
        ink, blobs = orient._ink_and_stats(_small_grey(seed))
        assert orient._smear_elongation(ink, blobs) == orient._smear_elongation(ink)


def test_histogram_percentile_is_numpys_percentile() -> None:
    from hall_client.pages.enhance import percentile_u8

    rng = np.random.default_rng(3)
    for _ in range(300):
        n = int(rng.integers(1, 2000))
        a = np.clip(rng.normal(200, 40, n), 0, 255).astype(np.uint8).reshape(1, -1)
        for q in (0.0, 0.5, 2.0, float(rng.uniform(0, 100)), 100.0):
            assert percentile_u8(a, q) == pytest.approx(float(np.percentile(a, q)), abs=1e-9)


def test_clean_page_hands_on_its_grey() -> None:
    from hall_client.pages.enhance import clean_page

    page = cv2.resize(render_page(4), (1131, 1600), interpolation=cv2.INTER_AREA)
    shaded = (page.astype(np.float32) * np.linspace(0.7, 1.0, 1131)[None, :, None]).astype(np.uint8)
    for img in (page, shaded):
        for keep in (None, True, False):
            c = clean_page(img, keep)
            grey = c.pixels if c.pixels.ndim == 2 else cv2.cvtColor(c.pixels, cv2.COLOR_BGR2GRAY)
            assert c.grey is not None and np.array_equal(c.grey, grey)
