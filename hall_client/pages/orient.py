"""Turn a flat page so its text stands upright (0, 90, 180 or 270 degrees), judged by content.

Text lines run along the axis whose projection profile has the deeper, more frequent gaps
(line spacing is wider than character spacing, in Chinese as in Latin text): that settles 0/180
against 90/270. Then 0 against 180: crops of a dozen text lines go through PaddleOCR's small
text-direction classifier (resources/models, run by cv2.dnn, a few milliseconds), whose votes
are summed; layout cues (flush left margin, ragged line ends, heading at the top) break ties
and stand in when the model is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from hall_resources import resource_path

WORK_LONG = 900
MODEL = resource_path("models", "ch_ppocr_mobile_v2.0_cls_infer.onnx")
#: Line crops sent to the direction model per page.
MAX_CROPS = 14
#: The most a blob's log elongation counts: a line of text runs to about 20 characters a
#: blob; a hairline (a ruled margin's dashes joined by the smear) would outweigh the text.
MAX_ELONGATION = math.log(20.0)
#: Under this confidence the text reads no surer upright than upside down.
KEEP_AS_SHOT = 0.1


@lru_cache(maxsize=1)
def _direction_net() -> cv2.dnn.Net | None:
    if not MODEL.is_file():
        return None
    try:
        return cv2.dnn.readNetFromONNX(str(MODEL))
    except cv2.error:
        return None


@dataclass(frozen=True)
class Orientation:
    """Clockwise turn (degrees) that makes the page upright, and how sure we are (0–1)."""

    rotate: int
    confidence: float


def rotate_page(img: np.ndarray, clockwise: int) -> np.ndarray:
    """``img`` turned clockwise by 0, 90, 180 or 270 degrees."""
    k = (clockwise // 90) % 4
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[k]) if k else img


def _components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """8-connected blobs of ``mask``: count, labels and stats (as connectedComponentsWithStats).

    Grana's block-based labelling gives the same blobs as OpenCV's default (Spaghetti) and is
    two to three times faster on these sparse text masks.
    """
    n, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(
        mask, 8, cv2.CV_32S, cv2.CCL_GRANA
    )
    return n, labels, stats


def _ink(small: np.ndarray) -> np.ndarray:
    return _ink_and_stats(small)[0]


def _ink_and_stats(small: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The text ink of a small grey page, and its blobs' stats (background row dropped)."""
    # Local threshold: dark book edges or a shadow must not swamp the strokes.
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 18)
    if ink.mean() > 0.5:  # a dark page: no sensible ink mask
        return np.zeros_like(ink), np.zeros((0, 5), np.int32)
    # Ruled lines (tables, frames) are not text: remove long runs both ways.
    lh = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(15, ink.shape[1] // 12)), np.uint8))
    lv = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(15, ink.shape[0] // 12), 1), np.uint8))
    keep = (lh == 0) & (lv == 0)
    ink = np.where(keep, ink, 0).astype(np.uint8)
    return _drop_long_strokes(ink)


def _drop_long_strokes(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ink without blobs far longer than a character: what is left of a hard shadow's edge
    (a slanted line across the page) or a fold. Such a line fills many rows at one end of the
    page and would pull the layout cues (mass, ragged ends) towards that end. Returned with
    the stats of the blobs kept (dropping whole blobs leaves the others as they were)."""
    n, labels, stats = _components(ink)
    st = stats[1:]
    if n <= 2:
        return ink, st
    big = np.maximum(st[:, cv2.CC_STAT_WIDTH], st[:, cv2.CC_STAT_HEIGHT]).astype(float)
    small = np.minimum(st[:, cv2.CC_STAT_WIDTH], st[:, cv2.CC_STAT_HEIGHT]).astype(float)
    char = float(np.median(big[st[:, cv2.CC_STAT_AREA] >= 4])) if (st[:, 4] >= 4).any() else 6.0
    # long, and thin for its box (a slanted stroke fills little of its bounding box)
    fill = st[:, cv2.CC_STAT_AREA] / np.maximum(big * small, 1.0)
    # slanted (a page's own edge or a book's binding runs along an axis: those stay)
    drop = (big > 6 * max(char, 3.0)) & (small > 2 * max(char, 3.0)) & (fill < 0.2)
    drop &= small > 0.3 * big
    if not drop.any():
        return ink, st
    lut = np.concatenate([[False], drop])
    return np.where(lut[labels], 0, ink).astype(np.uint8), st[~drop]


def _elongation(mask: np.ndarray, along_x: bool) -> float:
    """Area-weighted mean log elongation (along the chosen axis) of the mask's blobs."""
    n, _, stats = _components(mask)
    if n <= 1:
        return 0.0
    st = stats[1:]
    keep = st[:, cv2.CC_STAT_AREA] >= 20
    if not keep.any():
        return 0.0
    w = st[keep, cv2.CC_STAT_WIDTH].astype(float)
    h = st[keep, cv2.CC_STAT_HEIGHT].astype(float)
    area = st[keep, cv2.CC_STAT_AREA].astype(float)
    ratio = np.log(w / h) if along_x else np.log(h / w)
    ratio = np.clip(ratio, -MAX_ELONGATION, MAX_ELONGATION)
    return float(np.average(ratio, weights=area))


def _char_size(st: np.ndarray, short_side: int) -> float:
    """A character's size (px) from the ink's blobs: the median blob size by ink, so that specks
    (a printed frame's remnants, dust, the dots of broken strokes) do not count as characters,
    and blobs beyond a tenth of the page (a seal, a photo) do not either."""
    big = np.maximum(st[:, cv2.CC_STAT_WIDTH], st[:, cv2.CC_STAT_HEIGHT]).astype(float)
    keep = (st[:, cv2.CC_STAT_AREA] >= 4) & (big <= 0.1 * short_side)
    if not keep.any():
        return 6.0
    order = np.argsort(big[keep])
    ink = np.cumsum(st[keep, cv2.CC_STAT_AREA][order].astype(float))
    return float(big[keep][order][np.searchsorted(ink, ink[-1] / 2)])


def _smear_elongation(ink: np.ndarray, blobs: np.ndarray | None = None) -> tuple[float, float]:
    """How line-like the ink becomes when smeared sideways, and when smeared up and down.

    Smearing along the text direction by about a character's height joins each line into one
    long thin blob; smearing across it joins characters into blocks or short columns. Curved
    or slightly skewed lines stay joined, which projection profiles do not survive.
    ``blobs`` are the stats of the ink's blobs when already known (background row dropped).
    """
    st = _components(ink)[2][1:] if blobs is None else blobs
    char = _char_size(st, min(ink.shape))
    k = int(max(3, round(0.8 * char)))
    x_smear = cv2.dilate(ink, np.ones((1, k), np.uint8))
    y_smear = cv2.dilate(ink, np.ones((k, 1), np.uint8))
    return _elongation(x_smear, True), _elongation(y_smear, False)


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


def _crops(
    grey: np.ndarray, lines: list[tuple[int, int, int, int]], scale: float
) -> list[np.ndarray]:
    """Line pieces about six line-heights wide, from lines of typical height.

    ``lines`` were found on a copy ``scale`` times the size of ``grey``; crops come from
    ``grey`` itself so that small print keeps its detail.
    """
    lines = [
        (round(t / scale), round(b / scale), round(x0 / scale), round(x1 / scale))
        for t, b, x0, x1 in lines
        if b - t >= 8
    ]
    if not lines:
        return []
    heights = np.array([b - t for t, b, _, _ in lines], float)
    med = float(np.median(heights))
    usable = [ln for ln in lines if 0.6 * med <= ln[1] - ln[0] <= 1.8 * med]
    pieces = []
    for t, b, x0, x1 in usable:
        hgt = b - t
        pad = max(2, round(0.2 * hgt))
        width = 6 * hgt
        for x in range(x0, max(x0 + 1, x1 - hgt), width):
            crop = grey[max(0, t - pad) : b + pad, max(0, x - pad) : min(grey.shape[1], x + width)]
            if crop.shape[1] >= 2 * hgt:
                pieces.append(crop)
    if len(pieces) > MAX_CROPS:
        idx = np.linspace(0, len(pieces) - 1, MAX_CROPS).round().astype(int)
        pieces = [pieces[i] for i in idx]
    return pieces


def _model_vote(crops: list[np.ndarray]) -> float | None:
    """Mean over crops of P(upright) - P(upside down), or None without the model."""
    net = _direction_net()
    if net is None or not crops:
        return None
    blobs = []
    for crop in crops:
        h, w = crop.shape[:2]
        rw = min(192, int(np.ceil(48 * w / h)))
        img = cv2.resize(crop, (rw, 48)).astype(np.float32) / 127.5 - 1.0
        canvas = np.zeros((3, 48, 192), np.float32)
        canvas[:, :, :rw] = img[None, :, :]
        blobs.append(canvas)
    total, used = 0.0, 0
    first = 4  # most pages are decided by the first few crops
    for batch in (blobs[:first], blobs[first:]):
        if not batch:
            break
        net.setInput(np.stack(batch))
        probs = net.forward()
        total += float(np.sum(probs[:, 0] - probs[:, 1]))
        used += len(batch)
        if abs(total) >= 0.85 * used:
            break
    return total / used


def find_orientation(page: np.ndarray) -> Orientation:
    """How to turn ``page`` (grey or BGR) so that its text stands upright."""
    grey = page if page.ndim == 2 else cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    h, w = grey.shape
    s = min(1.0, WORK_LONG / max(h, w))
    small = cv2.resize(grey, (round(w * s), round(h * s)), interpolation=cv2.INTER_LINEAR)
    ink, blobs = _ink_and_stats(small)
    if ink.sum() < 50:
        return Orientation(0, 0.0)
    horiz, vert = _smear_elongation(ink, blobs)
    base = 0 if horiz >= vert else 90
    axis_conf = abs(horiz - vert) / max(horiz + vert, 1e-9)
    turned = rotate_page(ink, base)
    flip = _flip_score(turned)
    vote = _model_vote(_crops(rotate_page(grey, base), _lines(turned), s))
    # The model reads the lines, the layout cues see the page: add them, the model weighing
    # most (its mean lies in [-1, 1]; layout scores rarely pass 0.5 on real pages).
    model = vote if vote is not None else 0.0
    layout = 0.5 * flip
    combined = model + layout
    upright = combined >= 0
    flip_conf = min(1.0, abs(combined) * 2)
    if model * layout < 0:
        # the lines read one way and the layout says the other: say so, however the sum
        # falls (a shadow's remnant or a photo box can fool the layout, odd print the model)
        flip_conf *= max(0.0, 1.0 - 2.0 * min(abs(model), abs(layout)))
    rotate = base if upright else (base + 180) % 360
    conf = float(min(1.0, 2 * axis_conf) * flip_conf)
    if conf < KEEP_AS_SHOT and base == 0:
        # a coin flip between upright and upside down: leave the page as it was photographed
        # (at a counter most are laid down upright); the clerk is asked either way
        rotate = 0
    return Orientation(rotate, round(conf, 3))
