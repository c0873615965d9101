"""Encode a flat page as JPEG under a hard byte cap, at A4 aspect within the pixel bounds.

Pixel count is the biggest lever on legibility, so the encoder starts at the largest size the
profile allows and searches JPEG quality downwards; only when the quality would fall below a
legibility floor does it try a smaller size. The cap is hard: every candidate is measured as
encoded bytes, never estimated. Two encoders: libjpeg-turbo through OpenCV ("turbo") and
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


def _turbo(img: np.ndarray, quality: int, optimize: bool = False) -> bytes:
    params = [cv2.IMWRITE_JPEG_QUALITY, quality, cv2.IMWRITE_JPEG_OPTIMIZE, int(optimize)]
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


ENCODERS: dict[str, Callable[[np.ndarray, int], bytes]] = {"turbo": _turbo, "mozjpeg": _mozjpeg}


def _search_quality(
    img: np.ndarray, cap: int, encode: Callable[[np.ndarray, int], bytes], lowest: int
) -> tuple[int, bytes] | None:
    """Highest quality whose bytes fit ``cap`` (to within 2 steps), or None if ``lowest`` won't.

    Bytes grow roughly exponentially with quality, so each step fits a line to log(bytes)
    through the two nearest measurements: three or four encodes usually settle it.
    """
    sizes: dict[int, bytes] = {}

    def fits(q: int) -> bool:
        if q not in sizes:
            sizes[q] = encode(img, q)
        return len(sizes[q]) <= cap

    q = max(lowest, min(QUALITY_MAX, _LAST_GOOD.get(img.ndim, 70)))
    lo, hi = (q, QUALITY_MAX + 1) if fits(q) else (lowest - 1, q)
    if lo == lowest - 1:
        if not fits(lowest):
            return None
        lo = lowest
    elif fits(QUALITY_MAX):
        lo = QUALITY_MAX
    while hi - lo > 2:
        if hi <= QUALITY_MAX:
            a, b = math.log(len(sizes[lo])), math.log(len(sizes[hi]))
            t = (math.log(cap) - a) / (b - a) if b > a else 0.5
            mid = round(lo + t * (hi - lo))
        else:
            mid = (lo + hi) // 2
        mid = max(lo + 1, min(hi - 1, mid))
        if fits(mid):
            lo = mid
        else:
            hi = mid
    _LAST_GOOD[img.ndim] = lo
    return lo, sizes[lo]


#: The quality that fitted last time, per channel count: the next page usually needs the same.
_LAST_GOOD: dict[int, int] = {}


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
        found = _search_quality(
            img, profile.max_bytes, encode, QUALITY_MIN if last else QUALITY_FLOOR
        )
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
