"""Synthetic photographed pages with known ground truth, for tests and bench/pages.

``render_page`` draws a flat A4 government form page (Chinese heading and paragraphs with
punctuation, a ruled table, a red seal, a date line) with the bundled CJK font.
``photograph`` puts it on a desk (wood, dark, grey, low-contrast light, green mat, cloth) under
perspective, uneven light and a shadow, blurs, adds noise, optionally stores it rotated with an
EXIF orientation tag, and returns the JPEG bytes and the sheet's true corners in the displayed
image, ordered top-left, top-right, bottom-right, bottom-left of the page itself.
"""

from __future__ import annotations

import contextlib
import io
import math
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from hall_resources import resource_path
from PIL import Image, ImageDraw, ImageFont

FONT = resource_path("fonts", "wqy-microhei.ttc")
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
DESKS = ("wood", "dark", "grey", "light", "green", "cloth")


@lru_cache(maxsize=1)
def _hanzi() -> str:
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes([hi, lo]).decode("gb2312"))
    return "".join(chars)


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def _text(rng: np.random.Generator, n: int) -> str:
    pool = _hanzi()
    out = []
    run = int(rng.integers(5, 14))
    for _ in range(n):
        if run == 0:
            out.append(str(rng.choice(["，", "，", "。", "、", "；"])))
            run = int(rng.integers(5, 14))
        else:
            out.append(pool[int(rng.integers(0, len(pool)))])
            run -= 1
    return "".join(out)


def _seal(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int) -> None:
    red = (205, 35, 35)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=7)
    pts = []
    for k in range(10):
        rad = r * (0.32 if k % 2 == 0 else 0.13)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    draw.polygon(pts, fill=red)
    font = _font(int(r * 0.28))
    for i, ch in enumerate("行政审批专用章"):
        a = math.radians(-150 + i * 20)
        x, y = cx + 0.72 * r * math.cos(a), cy + 0.72 * r * math.sin(a)
        draw.text((x, y), ch, fill=red, font=font, anchor="mm")


def render_page(seed: int, table: bool | None = None, seal: bool = True) -> np.ndarray:
    """A flat A4 page (BGR, PAGE_SIZE) of Chinese text, seeded for repeatability."""
    rng = np.random.default_rng(seed)
    w, h = PAGE_SIZE
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    title = _text(rng, int(rng.integers(8, 13))).replace("，", "").replace("。", "")
    d.text((w // 2, 130), title[:12], fill=(0, 0, 0), font=_font(46), anchor="mm")
    size, lead, left, right = 26, 46, 120, w - 120
    per_line = (right - left) // size
    y = 230
    has_table = bool(rng.random() < 0.5) if table is None else table
    paragraphs = int(rng.integers(3, 6))
    for p in range(paragraphs):
        n_lines = int(rng.integers(2, 6))
        for ln in range(n_lines):
            indent = 2 if ln == 0 else 0
            count = per_line - indent if ln < n_lines - 1 else int(rng.integers(4, per_line - 6))
            text = _text(rng, count)
            if ln == n_lines - 1:
                text = text[:-1] + "。"
            d.text((left + indent * size, y), text, fill=(20, 20, 20), font=_font(size))
            y += lead
        y += 14
        if has_table and p == 0:
            rows, cols = int(rng.integers(3, 6)), int(rng.integers(3, 5))
            cw, rh = (right - left) // cols, 52
            for r in range(rows + 1):
                d.line([(left, y + r * rh), (left + cols * cw, y + r * rh)], fill=0, width=2)
            for c in range(cols + 1):
                d.line([(left + c * cw, y), (left + c * cw, y + rows * rh)], fill=0, width=2)
            for r in range(rows):
                for c in range(cols):
                    cell = _text(rng, int(rng.integers(2, 7))).replace("，", "").replace("。", "")
                    d.text((left + c * cw + 12, y + r * rh + 12), cell, fill=0, font=_font(24))
            y += rows * rh + 30
        if y > h - 420:
            break
    date = "二〇二六年十一月二十八日"
    d.text((right - 14 * 26, h - 250), date, fill=(20, 20, 20), font=_font(26))
    if seal:
        _seal(d, right - 200, h - 270, 115)
    return cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2BGR)


def _desk(kind: str, size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    noise = rng.normal(0, 1, (h // 8 + 1, w // 8 + 1)).astype(np.float32)
    noise = cv2.resize(cv2.GaussianBlur(noise, (0, 0), 2), (w, h))
    if kind == "wood":
        t = np.sin(yy / 9.0 + 3 * noise + np.sin(xx / 150.0) * 2) * 0.5 + 0.5
        base = np.array([40, 80, 140], np.float32)  # BGR brown
        img = base[None, None, :] * (0.75 + 0.35 * t[..., None])
    elif kind == "dark":
        img = np.full((h, w, 3), 45, np.float32) + 8 * noise[..., None]
    elif kind == "grey":
        img = np.full((h, w, 3), 125, np.float32) + 10 * noise[..., None]
    elif kind == "light":  # low contrast: beige desk against white paper
        img = np.array([190, 205, 212], np.float32)[None, None, :] + 5 * noise[..., None]
    elif kind == "green":
        img = np.array([70, 120, 40], np.float32)[None, None, :] + 8 * noise[..., None]
        img[(xx.astype(int) % 80 < 2) | (yy.astype(int) % 80 < 2)] = (120, 170, 110)
    else:  # cloth
        t = (np.sin(xx / 5.0) * np.sin(yy / 5.0)) * 0.5 + 0.5
        img = np.array([110, 60, 50], np.float32)[None, None, :] * (0.8 + 0.3 * t[..., None])
    return np.clip(img, 0, 255)


@dataclass
class Photo:
    """A synthetic photo and its truth."""

    jpeg: bytes
    corners: np.ndarray  # page TL, TR, BR, BL in displayed-image pixels
    flat: np.ndarray  # the page as rendered (upright)
    desk: str
    exif_orientation: int
    size: tuple[int, int]  # displayed (width, height)


EXIF_TURN = {6: 1, 3: 2, 8: 3}  # orientation tag -> np.rot90 k that undoes the display turn


def photograph(
    flat: np.ndarray,
    seed: int,
    size: tuple[int, int] = (1600, 1200),
    desk: str | None = None,
    exif: bool | None = None,
) -> Photo:
    """Photograph ``flat`` on a desk; see the module docstring."""
    rng = np.random.default_rng(seed)
    desk = desk or DESKS[seed % len(DESKS)]
    w, h = size
    ph, pw = flat.shape[:2]
    # Sheet placement: a turn of 0/90/180/270 plus a tilt, scaled to fill 45–80% of the frame.
    turn = int(rng.integers(0, 4))
    tilt = math.radians(float(rng.uniform(-18, 18)))
    long_frac = float(rng.uniform(0.72, 0.92))
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float64)
    c = src - src.mean(axis=0)
    c = np.roll(c, turn, axis=0) if False else c
    ang = turn * math.pi / 2 + tilt
    rot = np.array([[math.cos(ang), -math.sin(ang)], [math.sin(ang), math.cos(ang)]])
    c = c @ rot.T
    span = c.max(axis=0) - c.min(axis=0)
    s = min(w * long_frac / span[0], h * long_frac / span[1])
    c = c * s
    # Perspective: keystone plus corner jitter.
    key = float(rng.uniform(0, 0.12))
    top = c[:, 1] < 0
    c[top, 0] *= 1 - key
    c += rng.normal(0, 0.012 * s * max(pw, ph), c.shape)
    span = c.max(axis=0) - c.min(axis=0)
    room = np.array([w, h]) - span
    off = -c.min(axis=0) + rng.uniform(0.15, 0.85, 2) * room
    corners = c + off
    m = cv2.getPerspectiveTransform(src.astype(np.float32), corners.astype(np.float32))
    paper = flat.astype(np.float32) * np.array(rng.uniform(0.9, 1.0, 3), np.float32)
    warped = cv2.warpPerspective(paper, m, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    img = _desk(desk, (w, h), rng) * (1 - mask[..., None]) + warped * mask[..., None]
    # Light: a gradient across the frame and a soft shadow blob.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = float(rng.uniform(0, 2 * math.pi))
    grad = (xx * math.cos(a) + yy * math.sin(a)) / math.hypot(w, h)
    light = 1.0 - float(rng.uniform(0.1, 0.35)) * (grad - grad.min())
    if rng.random() < 0.6:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        blob = np.exp(-(((xx - cx) / (0.25 * w)) ** 2 + ((yy - cy) / (0.2 * h)) ** 2))
        light *= 1.0 - float(rng.uniform(0.15, 0.35)) * blob
    img *= light[..., None]
    sigma = float(rng.uniform(0.0, 1.4))
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    img += rng.normal(0, 3.0, img.shape).astype(np.float32)
    img8 = np.clip(img, 0, 255).astype(np.uint8)
    use_exif = bool(rng.random() < 0.35) if exif is None else exif
    orientation = int(rng.choice([6, 3, 8])) if use_exif else 1
    stored = np.rot90(img8, EXIF_TURN[orientation]) if use_exif else img8
    pil = Image.fromarray(cv2.cvtColor(np.ascontiguousarray(stored), cv2.COLOR_BGR2RGB))
    buf = io.BytesIO()
    ex = Image.Exif()
    if use_exif:
        ex[0x0112] = orientation
    pil.save(buf, "JPEG", quality=88, exif=ex)
    return Photo(buf.getvalue(), corners, flat, desk, orientation, (w, h))


def corner_error(found: np.ndarray, truth: np.ndarray) -> float:
    """Largest distance from a true corner to the nearest found one, over the page diagonal."""
    f = np.asarray(found, float).reshape(4, 2)
    t = np.asarray(truth, float).reshape(4, 2)
    diag = (np.linalg.norm(t[2] - t[0]) + np.linalg.norm(t[3] - t[1])) / 2
    worst = max(float(np.min(np.linalg.norm(f - p, axis=1))) for p in t)
    return worst / diag


def upright_turn(output_grey: np.ndarray, flat: np.ndarray) -> int:
    """Which clockwise turn (0, 90, 180, 270) of the output best matches the flat page."""
    ref = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY) if flat.ndim == 3 else flat
    ref = cv2.resize(ref, (124, 175), interpolation=cv2.INTER_AREA).astype(np.float32)
    best, best_k = -2.0, 0
    for k in range(4):
        cand = np.rot90(output_grey, -k)
        cand = cv2.resize(np.ascontiguousarray(cand), (124, 175), interpolation=cv2.INTER_AREA)
        score = float(np.corrcoef(cand.astype(np.float32).ravel(), ref.ravel())[0, 1])
        if score > best:
            best, best_k = score, k
    return best_k * 90
