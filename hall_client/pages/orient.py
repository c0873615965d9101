"""Turn a flat page so its text stands upright (0, 90, 180 or 270 degrees), judged by content.

Cheap cues on a small binarised copy, no OCR. Text lines run along the axis whose projection
profile has the deeper, more frequent gaps (line spacing is wider than character spacing, in
Chinese as in Latin text). Then 0 against 180: lines start flush at the left margin and end
ragged (paragraph ends, short lines), and documents put their heading at the top and leave
space at the bottom; each cue votes with a weight, and a near tie reports low confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

WORK_LONG = 900


@dataclass(frozen=True)
class Orientation:
    """Clockwise turn (degrees) that makes the page upright, and how sure we are (0–1)."""

    rotate: int
    confidence: float


def rotate_page(img: np.ndarray, clockwise: int) -> np.ndarray:
    """``img`` turned clockwise by 0, 90, 180 or 270 degrees."""
    k = (clockwise // 90) % 4
    return np.ascontiguousarray(np.rot90(img, -k)) if k else img


def _ink(grey: np.ndarray) -> np.ndarray:
    h, w = grey.shape
    s = min(1.0, WORK_LONG / max(h, w))
    small = cv2.resize(grey, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if ink.mean() > 0.5:  # a dark page: no sensible ink mask
        return np.zeros_like(ink)
    # Ruled lines (tables, frames) are not text: remove long runs both ways.
    lh = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(15, ink.shape[1] // 12)), np.uint8))
    lv = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(15, ink.shape[0] // 12), 1), np.uint8))
    keep = (lh == 0) & (lv == 0)
    return np.where(keep, ink, 0).astype(np.uint8)


def _gappiness(profile: np.ndarray) -> float:
    """How strongly a projection profile alternates between ink bands and empty gaps."""
    nz = np.nonzero(profile)[0]
    if len(nz) < 4:
        return 0.0
    p = profile[nz[0] : nz[-1] + 1].astype(np.float64)
    p = np.convolve(p, np.ones(2) / 2, mode="same")
    empty = p <= 0.02 * p.max()
    transitions = np.count_nonzero(np.diff(empty.astype(np.int8)) != 0)
    return float(empty.mean()) * np.sqrt(transitions)


def _lines(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Bands of text rows: (top, bottom, first ink column, last ink column)."""
    rows = ink.sum(axis=1)
    on = rows > max(1, 0.01 * ink.shape[1])
    out = []
    y = 0
    n = len(on)
    while y < n:
        if on[y]:
            y0 = y
            while y < n and on[y]:
                y += 1
            band = ink[y0:y]
            cols = np.nonzero(band.sum(axis=0))[0]
            if y - y0 >= 3 and len(cols):
                out.append((y0, y, int(cols[0]), int(cols[-1])))
        y += 1
    return out


def _flip_score(ink: np.ndarray) -> float:
    """Positive when the page (text lines horizontal) looks upright, negative when upside down."""
    lines = _lines(ink)
    if len(lines) < 3:
        return 0.0
    w = ink.shape[1]
    starts = np.array([ln[2] for ln in lines], float)
    ends = np.array([ln[3] for ln in lines], float)
    left = float(np.percentile(starts, 10))
    right = float(np.percentile(ends, 90))
    # ragged ends minus ragged starts, in page widths: positive when upright
    ragged = (np.clip(right - ends, 0, None).mean() - np.clip(starts - left, 0, None).mean()) / w
    heights = np.array([ln[1] - ln[0] for ln in lines], float)
    ys = np.array([(ln[0] + ln[1]) / 2 for ln in lines], float) / ink.shape[0]
    # heading: taller lines near the top
    tall = heights > 1.3 * np.median(heights)
    heading = float(np.mean(0.5 - ys[tall])) if tall.any() else 0.0
    mass_y = float(np.average(ys, weights=(ends - starts + 1)))
    return 4.0 * ragged + 0.6 * heading + 0.8 * (0.5 - mass_y)


def find_orientation(page: np.ndarray) -> Orientation:
    """How to turn ``page`` (grey or BGR) so that its text stands upright."""
    grey = page if page.ndim == 2 else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    ink = _ink(grey)
    if ink.sum() < 50:
        return Orientation(0, 0.0)
    horiz = _gappiness(ink.sum(axis=1))
    vert = _gappiness(ink.sum(axis=0))
    base = 0 if horiz >= vert else 90
    axis_conf = abs(horiz - vert) / max(horiz + vert, 1e-9)
    turned = rotate_page(ink, base)
    flip = _flip_score(turned)
    rotate = base if flip >= 0 else (base + 180) % 360
    conf = float(min(1.0, 2 * axis_conf) * min(1.0, abs(flip) * 10))
    return Orientation(rotate, round(conf, 3))
