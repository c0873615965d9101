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


def test_many_quads_are_ordered_as_one_quad_at_a_time() -> None:
    from hall_client.pages.detect import order_corners, order_quads

    rng = np.random.default_rng(5)
    centres = rng.uniform(100, 900, (500, 1, 2))
    quads = centres + rng.uniform(-300, 300, (500, 4, 2))
    many = order_quads(quads)
    for quad, got in zip(quads, many, strict=True):
        want = np.asarray(quad, float)
        c = want.mean(axis=0)
        want = want[np.argsort(np.arctan2(want[:, 1] - c[1], want[:, 0] - c[0]))]
        want = np.roll(want, -int(np.argmin(want.sum(axis=1))), axis=0)
        assert np.array_equal(got, want)
        assert np.array_equal(order_corners(quad), want)


def test_all_crossings_at_once_are_where_each_pair_of_lines_crosses() -> None:
    from hall_client.pages.detect import _cross, _crossings

    rng = np.random.default_rng(6)
    rhos, thetas = rng.uniform(-200, 900, 40), rng.uniform(0, np.pi, 40)
    lines = [(float(r), float(t)) for r, t in zip(rhos, thetas, strict=True)]
    at, ok = _crossings(lines)
    for i, a in enumerate(lines):
        for j, b in enumerate(lines):
            one = _cross(a, b)
            assert ok[i, j] == (one is not None)
            if one is not None:
                assert np.allclose(at[i, j], one, rtol=0, atol=1e-6)


def test_line_quads_found_as_arrays_are_those_found_one_by_one() -> None:
    import math

    from hall_client.pages import detect
    from tests.pages.synthetic import hard_photograph

    def one_by_one(lines: detect._Lines, min_area: float) -> list[np.ndarray]:
        h, w = lines.edges.shape
        pairs = detect._parallel_pairs(lines.kept)
        out = []
        for i, (a1, a2) in enumerate(pairs):
            for b1, b2 in pairs[i + 1 :]:
                if abs(math.cos(a1[1] - b1[1])) > 0.5:
                    continue
                pts = [detect._cross(p, q) for p, q in ((a1, b1), (b1, a2), (a2, b2), (b2, a1))]
                if any(p is None for p in pts) or not detect._inside(np.array(pts), w, h):
                    continue
                quad = detect.order_corners(np.array(pts))
                q32 = quad.astype(np.float32)
                if cv2.contourArea(q32) >= min_area and cv2.isContourConvex(q32):
                    out.append(quad)

        def rank(q: np.ndarray) -> float:
            sides = np.stack([detect._segment(q[k], q[(k + 1) % 4]) for k in range(4)])
            share = float(detect._edge_share(lines.edges, sides).mean())
            return share * detect.aspect_plausibility(detect.page_aspect(q))

        return sorted(out, key=rank, reverse=True)[: detect.HOUGH_QUADS]

    seen = 0
    for kind, seed in (("shadow", 3), ("second-sheet", 4), ("ruled", 5), ("card-busy", 6)):
        photo = hard_photograph(kind, seed)
        img = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
        small, _ = detect._resize_long(img, detect.WORK_LONG, cv2.INTER_LINEAR)
        min_area = detect.MIN_AREA * small.shape[0] * small.shape[1]
        for weak in (False, True):
            lines = detect._hough_lines(small, weak=weak)
            want = one_by_one(lines, min_area)
            got = detect._line_quads(lines, min_area)
            assert len(got) == len(want)
            for g, w in zip(got, want, strict=True):
                assert np.allclose(g, w, rtol=0, atol=1e-6)
            seen += len(want)
    assert seen >= 20
