"""Encode a flat page as JPEG under a hard byte cap, at A4 aspect within the pixel bounds.

Pixel count is the biggest lever on legibility, so the encoder starts at the largest size the
profile allows and searches JPEG quality downwards; only when the quality would fall below a
legibility floor does it try a smaller size. The search runs on a probe (a quarter of the page's
tiles) whose bytes, scaled by the full-to-probe ratio measured on each full encode, predict the
page's; full encodes confirm the choice. The cap is hard: the bytes returned are always measured,
never estimated. Two encoders: libjpeg-turbo through OpenCV ("turbo") and
mozjpeg with trellis quantisation through pyvips ("mozjpeg"); bench/pages/encoders.py chose
the default by SSIM at the cap and time.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from hall_client.pages.errors import PageError
from hall_client.pages.profiles import PageProfile

#: Below this quality text edges ring visibly; try a smaller page first.
QUALITY_FLOOR = 20
QUALITY_MAX = 95
QUALITY_MIN = 5
#: Each smaller size tried is this fraction of the one before.
SIZE_STEP = 0.88
DEFAULT_ENCODER = "turbo"


@dataclass(frozen=True)
class EncodedPage:
    """A finished page file's bytes and what went into them."""

    data: bytes
    width: int
    height: int
    quality: int
    colour: str  # "grey" or "colour"
    encoder: str

    @property
    def size(self) -> int:
        return len(self.data)


def _turbo(
    img: np.ndarray, quality: int, optimize: bool = False, progressive: bool = False
) -> bytes:
    params = [
        cv2.IMWRITE_JPEG_QUALITY,
        quality,
        cv2.IMWRITE_JPEG_OPTIMIZE,
        int(optimize),
        cv2.IMWRITE_JPEG_PROGRESSIVE,
        int(progressive),
    ]
    ok, buf = cv2.imencode(".jpg", img, params)
    if not ok:
        raise PageError("encode_failed", "JPEG 编码失败", "cv2.imencode returned False")
    return buf.tobytes()


def _mozjpeg(img: np.ndarray, quality: int) -> bytes:
    import pyvips

    if img.ndim == 3:
        rgb = np.ascontiguousarray(img[:, :, ::-1])
        vimg = pyvips.Image.new_from_memory(rgb.tobytes(), rgb.shape[1], rgb.shape[0], 3, "uchar")
    else:
        vimg = pyvips.Image.new_from_memory(img.tobytes(), img.shape[1], img.shape[0], 1, "uchar")
        vimg = vimg.copy(interpretation="b-w")
    return bytes(
        vimg.jpegsave_buffer(
            Q=quality,
            optimize_coding=True,
            trellis_quant=True,
            overshoot_deringing=True,
            quant_table=3,
            keep=0,
        )
    )


def _turbo_optimised(img: np.ndarray, quality: int) -> bytes:
    return _turbo(img, quality, optimize=True)


def _turbo_progressive(img: np.ndarray, quality: int) -> bytes:
    return _turbo(img, quality, optimize=True, progressive=True)


#: name -> (fast probe, final encoder)
ENCODERS: dict[str, Callable[[np.ndarray, int], bytes]] = {
    "turbo": _turbo_optimised,
    "turbo-progressive": _turbo_progressive,
    "mozjpeg": _mozjpeg,
}


#: Probes encode one tile in PROBE_STEP of the page (PROBE_TILE pixels square, a whole
#: number of JPEG blocks in every subsampling, staggered from row to row), so a probe costs
#: about a quarter of a full encode and its bytes stay a near-constant share of the page's.
PROBE_STEP = 4
PROBE_TILE = 16
#: Pages smaller than this (rows or columns) are searched with full encodes only.
PROBE_MIN_SIDE = PROBE_STEP * PROBE_TILE * 4
#: A quality one step above the best fitting one whose predicted bytes pass the cap by more than
#: this share is taken as not fitting without a full encode (predictions next to a measured
#: quality are within about a tenth of a percent).
PROBE_MARGIN = 0.004
#: Typical growth of log(bytes) per unit of _QX (log of libjpeg's quantiser scale).
BYTES_SLOPE = 0.4


def _probe_sample(img: np.ndarray) -> np.ndarray:
    """A quarter of the page's tiles, staggered (in tile row i, every PROBE_STEP-th tile from
    column i mod PROBE_STEP), packed into a smaller image (grouped by i mod PROBE_STEP)."""
    t, k = PROBE_TILE, PROBE_STEP
    rows, cols = img.shape[0] // t, img.shape[1] // (t * k) * k
    tiles = img[: rows * t, : cols * t].reshape(rows, t, cols, t, *img.shape[2:])
    width = cols // k * t
    # tile rows r, r+k, r+2k… take the tiles from column r on, every k-th (plain slices)
    groups = [tiles[r::k, :, r::k].reshape(-1, width, *img.shape[2:]) for r in range(k)]
    return np.ascontiguousarray(np.concatenate(groups))


def _quality_x(q: int) -> float:
    """Minus the log of libjpeg's quantiser scale at quality q: bytes grow about
    exponentially in this, more evenly than in q itself."""
    scale = 5000.0 / q if q < 50 else 200.0 - 2.0 * q
    return -math.log(max(scale, 1.0))


def _highest_below(
    size_at: Callable[[int], float],
    target: float,
    lo: int,
    hi: int,
    start: int,
    known: dict[int, float] | None = None,
) -> int:
    """Highest q in (lo, hi) with ``size_at(q) <= target``, or ``lo`` if none.

    ``size_at`` grows with q, about exponentially, so each step is a secant through the two
    measurements nearest the target in log size. ``known`` holds sizes already measured (they
    narrow the bracket and seed the secant before anything new is measured).
    """
    seen: dict[int, float] = {}
    for k, v in (known or {}).items():
        if lo < k < hi:
            seen[k] = v
            if v <= target:
                lo = k
    for k, v in seen.items():
        if k > lo and v > target:
            hi = min(hi, k)
    q = start
    while hi - lo > 1:
        near = sorted(seen, key=lambda k: abs(math.log(seen[k] / target)))[:2]
        if near:
            qa = near[0]
            slope = BYTES_SLOPE
            if len(near) == 2 and seen[near[1]] != seen[qa]:
                qb = near[1]
                slope = math.log(seen[qb] / seen[qa]) / (_quality_x(qb) - _quality_x(qa))
            if slope > 0:
                x = _quality_x(qa) + math.log(target / seen[qa]) / slope
                q = min(range(lo + 1, hi), key=lambda k: abs(_quality_x(k) - x))
            else:
                q = qa + (10 if seen[qa] <= target else -10)
        q = max(lo + 1, min(hi - 1, q))
        seen[q] = size_at(q)
        if seen[q] <= target:
            lo = q
        else:
            hi = q
    return lo


def _search_quality(
    img: np.ndarray,
    cap: int,
    encode: Callable[[np.ndarray, int], bytes],
    lowest: int,
) -> tuple[int, bytes] | None:
    """Highest quality whose bytes fit ``cap``, or None if even ``lowest`` does not.

    The search runs on a probe (a quarter of the page's rows, ``_probe_sample``), whose bytes
    times the full-to-probe ratio predict the full page's; the ratio is measured on each full
    encode, so after the first one the predictions near it are within a few tenths of a percent.
    Full encodes confirm the chosen quality (and, unless the prediction for the next quality
    up passes the cap by PROBE_MARGIN, that one too): usually two full encodes and three or
    four probes, about half the work of searching with full encodes alone. The cap is checked
    on the very bytes returned.
    """
    full: dict[int, bytes] = {}
    lo, hi = lowest - 1, QUALITY_MAX + 1  # highest known to fit, lowest known not to
    start = max(lowest, min(QUALITY_MAX, _LAST_GOOD.get(img.ndim, 60)))
    if min(img.shape[:2]) >= PROBE_MIN_SIDE:
        sample = _probe_sample(img)
        probes: dict[int, int] = {}

        def probe(q: int) -> int:
            if q not in probes:
                probes[q] = len(encode(sample, q))
            return probes[q]

        key = (img.ndim, getattr(encode, "__name__", ""))
        ratio = _LAST_RATIO.get(
            key, img.shape[0] * img.shape[1] / sample.shape[0] / sample.shape[1]
        )

        def predicted(q: int) -> float:
            return probe(q) * ratio

        def known() -> dict[int, float]:
            return {k: v * ratio for k, v in probes.items()}

        q = _highest_below(predicted, cap, lo, hi, start)
        if q <= lo:
            q = lo + 1
        while True:
            full[q] = encode(img, q)
            ratio = len(full[q]) / probe(q)
            if len(full[q]) <= cap:
                lo = q
            else:
                hi = q
            if hi - lo <= 1:
                break
            nxt = _highest_below(predicted, cap, lo, hi, q, known())
            if nxt > lo:
                q = nxt
            elif lo >= lowest and predicted(lo + 1) > cap * (1 + PROBE_MARGIN):
                break  # the next quality up is clearly over: lo is the highest that fits
            else:
                q = lo + 1
        _LAST_RATIO[key] = ratio
    else:

        def size_at(q: int) -> float:
            if q not in full:
                full[q] = encode(img, q)
            return len(full[q])

        lo = _highest_below(size_at, cap, lo, hi, start)
    if lo < lowest:
        return None
    _LAST_GOOD[img.ndim] = lo
    return lo, full[lo]


#: The quality that fitted last time, per channel count: the next page usually needs the same.
_LAST_GOOD: dict[int, int] = {}
#: The full-to-probe byte ratio last measured, per channel count and encoder.
_LAST_RATIO: dict[tuple[int, str], float] = {}


def candidate_sizes(
    profile: PageProfile, landscape: bool, start_long: int | None = None
) -> list[tuple[int, int]]:
    """(width, height) sizes to try, largest first, all within the profile's bounds."""
    small, large = profile.smallest_size(), profile.largest_size()
    long_px = min(large[1], start_long or large[1])
    sizes: list[tuple[int, int]] = []
    while True:
        short_px, long_px = profile.size_for_long(long_px)
        size = (long_px, short_px) if landscape else (short_px, long_px)
        if size not in sizes:
            sizes.append(size)
        if long_px <= small[1]:
            break
        long_px = max(small[1], int(long_px * SIZE_STEP))
    return sizes


def encode_to_cap(
    page: np.ndarray,
    profile: PageProfile,
    colour: bool = False,
    encoder: str = DEFAULT_ENCODER,
    start_long: int | None = None,
) -> EncodedPage:
    """Encode ``page`` (BGR or grey, any size, A4 aspect assumed) within ``profile``'s rules.

    The page is resized to each candidate size in turn (largest first); the first size at which
    quality stays at or above QUALITY_FLOOR wins, else the smallest size at the lowest quality
    that fits. Raises PageError ``cannot_fit`` if nothing fits (only for absurdly small caps).
    """
    encode = ENCODERS[encoder]
    if colour and page.ndim == 2:
        colour = False
    if not colour and page.ndim == 3:
        page = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    h, w = page.shape[:2]
    landscape = w > h
    sizes = candidate_sizes(profile, landscape, start_long)
    for i, (tw, th) in enumerate(sizes):
        last = i == len(sizes) - 1
        # INTER_AREA is slow off integer factors and gains nothing above half size.
        interp = cv2.INTER_CUBIC if tw >= w else cv2.INTER_LINEAR if tw > w / 2 else cv2.INTER_AREA
        img = page if (tw, th) == (w, h) else cv2.resize(page, (tw, th), interpolation=interp)
        lowest = QUALITY_MIN if last else QUALITY_FLOOR
        found = _search_quality(img, profile.max_bytes, encode, lowest)
        if found is not None:
            q, data = found
            return EncodedPage(data, tw, th, q, "colour" if colour else "grey", encoder)
    # Last resort for pure noise under a tiny cap: soften the smallest page until it fits.
    for sigma in (1.0, 2.0, 4.0, 8.0, 16.0):
        soft = cv2.GaussianBlur(img, (0, 0), sigma)
        found = _search_quality(soft, profile.max_bytes, encode, 1)
        if found is not None:
            q, data = found
            return EncodedPage(data, tw, th, q, "colour" if colour else "grey", encoder)
    raise PageError(
        "cannot_fit",
        f"即使最小尺寸、最低质量也超过 {profile.max_bytes} 字节上限",
        f"no size/quality fits {profile.max_bytes} bytes",
    )
