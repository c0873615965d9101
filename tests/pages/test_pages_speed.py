"""Shortcuts taken for speed give the same answers as the long way round."""

from __future__ import annotations

import cv2
import numpy as np

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
