"""Make a flattened photo look like a scan: even light, white paper, black text, red seals red.

Uneven light and shadows are divided out: the paper's brightness is estimated per channel by a
max-filter (which removes dark strokes) on a small copy, smoothed and divided into the page.
Then levels push paper to pure white, which also saves JPEG bytes. A page keeps colour only
when it carries enough saturated ink (a seal, a coloured stamp or photo); otherwise it becomes
grey, which fits the byte cap at higher quality. Blank pages are flagged, never dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

#: Fraction of the page that must be saturated ink for the page to stay in colour.
COLOUR_FRACTION = 0.0015
#: Blank page: less than this fraction of the inner page is ink (cf. NAPS2's coverage rule).
BLANK_COVERAGE = 0.0015
#: Ink is darker than this (0–255) on the cleaned page.
INK_LEVEL = 150
#: Paper at least this bright everywhere means a clean scan: nothing to flatten or whiten.
SCAN_WHITE = 238


@dataclass(frozen=True)
class CleanPage:
    """A cleaned page and what the clean-up learned about it."""

    pixels: np.ndarray  # BGR when colour, else grey
    colour: bool
    blank: bool
    ink_fraction: float
    grey: np.ndarray | None = None  # the pixels in grey (the same array when grey)


def _background(channel: np.ndarray) -> np.ndarray:
    """The paper's brightness under ``channel`` (one channel, or each of several at once):
    text removed, light variations kept."""
    h, w = channel.shape[:2]
    scale = 160.0 / max(h, w)
    small = cv2.resize(
        channel,
        (max(8, round(w * scale)), max(8, round(h * scale))),
        interpolation=cv2.INTER_LINEAR,
    )
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    bg = cv2.dilate(small, k)  # max filter: strokes vanish into the paper
    bg = cv2.erode(bg, k)
    bg = cv2.GaussianBlur(bg, (0, 0), 3)
    return cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)


def flatten_light(page: np.ndarray) -> np.ndarray:
    """Divide out uneven light per channel, so paper reads near 255 everywhere."""
    bg = _background(page)  # every channel at once, each on its own
    bg = cv2.max(bg, np.full_like(bg, 24))
    return cv2.divide(page, bg, scale=245.0)


def percentile_u8(img: np.ndarray, q: float) -> float:
    """``np.percentile(img, q)`` (linear interpolation) for 8-bit pixels, from a histogram:
    a pass over the pixels instead of a partial sort."""
    hist = cv2.calcHist([np.ascontiguousarray(img)], [0], None, [256], [0, 256]).ravel()
    cum = np.cumsum(hist)
    n = int(cum[-1])
    pos = (n - 1) * q / 100.0
    below = math.floor(pos)
    lo = int(np.searchsorted(cum, below, side="right"))
    hi = int(np.searchsorted(cum, min(below + 1, n - 1), side="right"))
    return lo + (hi - lo) * (pos - below)


def _levels(img: np.ndarray, black: float, white: float) -> np.ndarray:
    lut = np.clip((np.arange(256, dtype=np.float32) - black) / max(white - black, 1.0), 0, 1)
    lut = (lut * 255.0 + 0.5).astype(np.uint8)
    return cv2.LUT(img, lut)


def colour_fraction(flat_bgr: np.ndarray) -> float:
    """Fraction of pixels that are saturated ink (seal red, stamp blue, photos)."""
    small = cv2.resize(flat_bgr, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    sat = (hsv[:, :, 1] > 90) & (hsv[:, :, 2] > 60)
    return float(np.count_nonzero(sat)) / sat.size


def neutralise(bgr: np.ndarray, grey: np.ndarray | None = None) -> np.ndarray:
    """Grey everywhere except saturated ink (seals, stamps) and a small rim around it.

    Paper and black text carry faint colour noise after a photo; making it exactly grey leaves
    the JPEG's chroma planes flat, so a page with a red seal costs little more than a grey one.
    ``grey`` is ``bgr`` in grey when already known. The result's grey is ``bgr``'s grey again
    (a grey pixel's three equal channels convert back to that very value).
    """
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    inked = cv2.inRange(hsv, (0, 61, 51), (255, 255, 255))  # saturation > 60, value > 50
    rim = cv2.dilate(inked, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7)))
    if grey is None:
        grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    return cv2.copyTo(bgr, rim, cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))


def ink_fraction(grey: np.ndarray) -> float:
    """Fraction of the inner page (4% margins ignored) that is ink, after speckle removal."""
    h, w = grey.shape
    my, mx = h * 4 // 100, w * 4 // 100
    inner = cv2.medianBlur(grey[my : h - my, mx : w - mx], 3)
    return float(np.count_nonzero(inner < INK_LEVEL)) / max(inner.size, 1)


def clean_page(page: np.ndarray, keep_colour: bool | None = None) -> CleanPage:
    """Flatten light, whiten paper, decide colour or grey, flag a blank page.

    ``keep_colour`` forces the choice (True colour, False grey); None decides by content.
    """
    bgr = page if page.ndim == 3 else cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)
    raw_grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    if percentile_u8(_background(raw_grey), 2) >= SCAN_WHITE:
        # Already a clean scan (paper evenly white): leave the pixels alone, only decide.
        colour = colour_fraction(bgr) >= COLOUR_FRACTION if keep_colour is None else keep_colour
        out = neutralise(bgr, raw_grey) if colour else raw_grey
        ink = ink_fraction(raw_grey)
        return CleanPage(out, colour, ink < BLANK_COVERAGE, ink, raw_grey)
    flat = flatten_light(bgr)
    colour = colour_fraction(flat) >= COLOUR_FRACTION if keep_colour is None else keep_colour
    grey = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)
    black = percentile_u8(grey[::4, ::4], 0.5)
    black = min(black, 110.0)
    white = 215.0
    if colour:
        levelled = _levels(flat, black, white)
        grey_out = cv2.cvtColor(levelled, cv2.COLOR_BGR2GRAY)
        out = neutralise(levelled, grey_out)
    else:
        out = _levels(grey, black, white)
        grey_out = out
    ink = ink_fraction(grey_out)
    return CleanPage(out, colour, ink < BLANK_COVERAGE, ink, grey_out)
