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


# --- The hard photos (issue 10): shadows, small documents, a second sheet, near-blank pages ---

HARD_KINDS = (
    "shadow",  # A4 crossed by a hard diagonal shadow
    "card-dark",  # an ID card, small, on a dark desk
    "card-busy",  # a licence on a busy desk (wood grain, papers' clutter)
    "receipt",  # a long thin receipt
    "second-sheet",  # A4 with a second sheet and a table edge in view
    "near-blank",  # A4 with a heading and two lines
    "ruled",  # ruled A4 with a few lines written at the top
)
#: Real sizes in millimetres (long, short) the detector should know (ID-1 card, licence, A4…).
CARD_MM = (85.6, 54.0)


def render_card(seed: int, kind: str = "id") -> np.ndarray:
    """A flat ID card (ID-1, 856×540) or business licence (A5-like) or receipt, upright."""
    rng = np.random.default_rng(seed)
    if kind == "id":
        w, h = 856, 540
        shade = int(rng.integers(175, 215))  # a grey card: low contrast on grey desks
        im = Image.new("RGB", (w, h), (shade, shade + 4, shade + 8))
        d = ImageDraw.Draw(im)
        d.text((40, 40), "居民身份证", fill=(40, 40, 40), font=_font(44))
        for i, label in enumerate(("姓名", "性别", "出生", "住址")):
            y = 130 + i * 70
            d.text((40, y), label, fill=(60, 90, 140), font=_font(26))
            d.text(
                (150, y), _text(rng, int(rng.integers(3, 10))), fill=(20, 20, 20), font=_font(28)
            )
        d.rectangle([600, 110, 810, 380], fill=(150, 150, 160))
        d.text(
            (40, 450),
            "公民身份号码  " + "".join(str(int(rng.integers(0, 10))) for _ in range(18)),
            fill=(20, 20, 20),
            font=_font(28),
        )
    elif kind == "licence":
        w, h = 1050, 740  # about A5 landscape, aspect 1.42 (an A-series sheet)
        im = Image.new("RGB", (w, h), (236, 226, 200))
        d = ImageDraw.Draw(im)
        d.rectangle([18, 18, w - 18, h - 18], outline=(170, 120, 40), width=8)
        d.text((w // 2, 90), "营业执照", fill=(30, 30, 30), font=_font(64), anchor="mm")
        for i in range(6):
            d.text(
                (80, 190 + i * 66),
                _text(rng, int(rng.integers(10, 24))),
                fill=(20, 20, 20),
                font=_font(30),
            )
        _seal(d, w - 200, h - 170, 100)
    else:  # receipt: 80 mm roll, aspect about 2.6
        w, h = 560, 1460
        im = Image.new("RGB", (w, h), (246, 246, 240))
        d = ImageDraw.Draw(im)
        d.text((w // 2, 70), "非税收入一般缴款书", fill=(20, 20, 20), font=_font(34), anchor="mm")
        for i in range(22):
            d.text(
                (40, 140 + i * 56),
                _text(rng, int(rng.integers(6, 16))),
                fill=(20, 20, 20),
                font=_font(26),
            )
    return cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2BGR)


def render_sparse(seed: int, ruled: bool) -> np.ndarray:
    """A nearly blank A4 page: a heading and a line or two; or a ruled page written at the top."""
    rng = np.random.default_rng(seed)
    w, h = PAGE_SIZE
    im = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(im)
    if ruled:
        for y in range(260, h - 120, 64):
            d.line([(100, y), (w - 100, y)], fill=(170, 190, 215), width=2)
        d.text(
            (w // 2, 150),
            _text(rng, 8).replace("，", "").replace("。", ""),
            fill=(20, 20, 20),
            font=_font(42),
            anchor="mm",
        )
        for i in range(int(rng.integers(2, 5))):
            n = int(rng.integers(12, 34))
            d.text((110, 260 + i * 64 - 40), _text(rng, n), fill=(30, 30, 80), font=_font(30))
    else:
        d.text(
            (w // 2, 140),
            _text(rng, 9).replace("，", "").replace("。", ""),
            fill=(0, 0, 0),
            font=_font(46),
            anchor="mm",
        )
        for i in range(2):
            n = int(rng.integers(14, 36))
            d.text((120, 240 + i * 48), _text(rng, n), fill=(20, 20, 20), font=_font(26))
        d.text(
            (w - 120 - 14 * 26, h - 250),
            "二〇二六年十一月二十八日",
            fill=(20, 20, 20),
            font=_font(26),
        )
    return cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2BGR)


def _place(
    flat: np.ndarray, rng: np.random.Generator, size: tuple[int, int], long_frac: float
) -> tuple[np.ndarray, np.ndarray]:
    """Where the sheet's corners land (page TL, TR, BR, BL) and the flat→photo homography."""
    w, h = size
    ph, pw = flat.shape[:2]
    turn = int(rng.integers(0, 4))
    tilt = math.radians(float(rng.uniform(-15, 15)))
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float64)
    c = src - src.mean(axis=0)
    ang = turn * math.pi / 2 + tilt
    rot = np.array([[math.cos(ang), -math.sin(ang)], [math.sin(ang), math.cos(ang)]])
    c = c @ rot.T
    span = c.max(axis=0) - c.min(axis=0)
    s = min(w * long_frac / span[0], h * long_frac / span[1])
    c = c * s
    key = float(rng.uniform(0, 0.08))
    c[c[:, 1] < 0, 0] *= 1 - key
    c += rng.normal(0, 0.008 * s * max(pw, ph), c.shape)
    span = c.max(axis=0) - c.min(axis=0)
    room = np.array([w, h]) - span
    corners = c - c.min(axis=0) + rng.uniform(0.2, 0.8, 2) * room
    m = cv2.getPerspectiveTransform(src.astype(np.float32), corners.astype(np.float32))
    return corners, m


def _busy(desk: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Clutter on the desk: pens, sticky notes, a keyboard's dark block, printed scraps."""
    h, w = desk.shape[:2]
    out = desk.copy()
    for _ in range(int(rng.integers(5, 10))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        kind = int(rng.integers(0, 3))
        colour = tuple(float(v) for v in rng.integers(20, 240, 3))
        if kind == 0:  # a pen
            a = float(rng.uniform(0, math.pi))
            ln = float(rng.uniform(80, 260))
            p2 = (int(x + ln * math.cos(a)), int(y + ln * math.sin(a)))
            cv2.line(out, (x, y), p2, colour, int(rng.integers(6, 14)))
        elif kind == 1:  # a sticky note or coaster
            cv2.circle(out, (x, y), int(rng.integers(30, 70)), colour, -1)
        else:  # a block
            bw, bh = int(rng.integers(60, 200)), int(rng.integers(40, 120))
            cv2.rectangle(out, (x, y), (x + bw, y + bh), colour, -1)
    return out


def _shoot(img: np.ndarray, rng: np.random.Generator, exif: bool | None) -> tuple[bytes, int]:
    """Light, blur, noise and JPEG (with an EXIF turn sometimes), as ``photograph`` does."""
    h, w = img.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = float(rng.uniform(0, 2 * math.pi))
    grad = (xx * math.cos(a) + yy * math.sin(a)) / math.hypot(w, h)
    img = img * (1.0 - float(rng.uniform(0.05, 0.25)) * (grad - grad.min()))[..., None]
    sigma = float(rng.uniform(0.0, 1.2))
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    img = img + rng.normal(0, 3.0, img.shape).astype(np.float32)
    img8 = np.clip(img, 0, 255).astype(np.uint8)
    use_exif = bool(rng.random() < 0.3) if exif is None else exif
    orientation = int(rng.choice([6, 3, 8])) if use_exif else 1
    stored = np.rot90(img8, EXIF_TURN[orientation]) if use_exif else img8
    pil = Image.fromarray(cv2.cvtColor(np.ascontiguousarray(stored), cv2.COLOR_BGR2RGB))
    buf = io.BytesIO()
    ex = Image.Exif()
    if use_exif:
        ex[0x0112] = orientation
    pil.save(buf, "JPEG", quality=88, exif=ex)
    return buf.getvalue(), orientation


def hard_photograph(
    kind: str, seed: int, size: tuple[int, int] = (1600, 1200), exif: bool | None = None
) -> Photo:
    """One photo of a hard ``kind`` (see HARD_KINDS) with its true corners and flat page."""
    rng = np.random.default_rng(seed)
    w, h = size
    if kind in ("card-dark", "card-busy", "receipt"):
        card_kind = {"card-dark": "id", "receipt": "receipt"}.get(kind) or str(
            rng.choice(["id", "licence"])
        )
        flat = render_card(seed, card_kind)
        frac = (
            float(rng.uniform(0.35, 0.55))
            if card_kind != "receipt"
            else float(rng.uniform(0.6, 0.85))
        )
    elif kind == "near-blank":
        flat, frac = render_sparse(seed, ruled=False), float(rng.uniform(0.72, 0.9))
    elif kind == "ruled":
        flat, frac = render_sparse(seed, ruled=True), float(rng.uniform(0.72, 0.9))
    else:
        flat, frac = render_page(seed), float(rng.uniform(0.7, 0.88))
    if kind == "card-dark":
        desk_kind = "dark"
    elif kind == "card-busy":
        desk_kind = str(rng.choice(["wood", "cloth", "grey"]))
    else:
        desk_kind = DESKS[seed % len(DESKS)]
    desk = _desk(desk_kind, (w, h), rng)
    if kind == "card-busy" or (kind == "receipt" and rng.random() < 0.5):
        desk = _busy(desk, rng)
    if kind == "second-sheet":
        # a table edge: the far part of the frame is another surface, with a straight edge
        a = float(rng.uniform(-0.15, 0.15))
        y0 = float(rng.uniform(0.04, 0.12)) * h
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        far = yy < y0 + (xx - w / 2) * math.tan(a)
        desk[far] = np.array(rng.uniform(20, 90, 3), np.float32)
    corners, m = _place(flat, rng, size, frac)
    ph, pw = flat.shape[:2]
    img = desk
    if kind == "second-sheet":
        # another sheet beside (and partly under) this one, its text showing
        other = render_page(seed + 7777)
        _oc, om = _place(other, np.random.default_rng(seed + 1), size, frac)
        shift = np.array([rng.choice([-1, 1]) * 0.55 * w, float(rng.uniform(-0.1, 0.1)) * h])
        om2 = np.array([[1, 0, shift[0]], [0, 1, shift[1]], [0, 0, 1]]) @ om
        o_w = cv2.warpPerspective(
            other.astype(np.float32) * 0.95, om2, (w, h), flags=cv2.INTER_AREA
        )
        o_m = cv2.warpPerspective(np.ones(other.shape[:2], np.float32), om2, (w, h))
        img = img * (1 - o_m[..., None]) + o_w * o_m[..., None]
    paper = flat.astype(np.float32) * np.array(rng.uniform(0.92, 1.0, 3), np.float32)
    warped = cv2.warpPerspective(paper, m, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    img = img * (1 - mask[..., None]) + warped * mask[..., None]
    if kind == "shadow" or rng.random() < 0.2:
        # a hard diagonal shadow (a lamp arm, the clerk's own arm) crossing the sheet
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        a = float(rng.uniform(0.5, 1.1)) * float(rng.choice([-1, 1]))
        cx, cy = corners.mean(axis=0) + rng.normal(0, 0.1, 2) * np.array([w, h])
        side = (xx - cx) * math.sin(a) - (yy - cy) * math.cos(a)
        soft = float(rng.uniform(1.0, 4.0))
        dark = float(rng.uniform(0.35, 0.6))
        shade = 1.0 - dark / (1.0 + np.exp(np.clip(-side / soft, -60, 60)))
        img = img * shade[..., None]
    jpeg, orientation = _shoot(img, rng, exif)
    return Photo(jpeg, corners, flat, f"{kind}/{desk_kind}", orientation, size)


def hard_set(n_per_kind: int, base_seed: int = 20_000) -> list[tuple[str, int]]:
    """(kind, seed) pairs of the hard synthetic set, the same every run."""
    return [
        (k, base_seed + 100 * i + j) for i, k in enumerate(HARD_KINDS) for j in range(n_per_kind)
    ]


def upright_on_a4(output_grey: np.ndarray, flat: np.ndarray) -> int:
    """Like ``upright_turn`` for any document: the flat turned k·90° and centred on A4 like the
    pipeline does (white margins) is compared with the output; the best k is returned."""
    oh, ow = output_grey.shape[:2]
    ref0 = cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY) if flat.ndim == 3 else flat
    best, best_k = -2.0, 0
    small = cv2.resize(output_grey, (124, round(124 * oh / ow)), interpolation=cv2.INTER_AREA)
    for k in range(4):
        ref = np.ascontiguousarray(np.rot90(ref0, -k))
        rh, rw = ref.shape
        if (rw > rh) != (ow > oh) and abs(rw / rh - 1) > 0.05:
            continue
        aspect = max(rw, rh) / min(rw, rh)
        # Both layouts the pipeline may choose: stretched to the page (it took the document for
        # A4) or centred with margins. A small card whose perspective misleads the aspect
        # estimate is stretched; judging it only in the margin layout took upright for turned.
        canvases = [cv2.resize(ref, (ow, oh), interpolation=cv2.INTER_AREA)]
        if abs(aspect / math.sqrt(2) - 1) > 0.08:
            s = min(ow * 0.92 / rw, oh * 0.92 / rh)
            nw, nh = round(rw * s), round(rh * s)
            canvas = np.full((oh, ow), 255, np.uint8)
            x, y = (ow - nw) // 2, (oh - nh) // 2
            canvas[y : y + nh, x : x + nw] = cv2.resize(ref, (nw, nh), interpolation=cv2.INTER_AREA)
            canvases.append(canvas)
        for canvas in canvases:
            cand = cv2.resize(canvas, small.shape[::-1], interpolation=cv2.INTER_AREA)
            score = float(
                np.corrcoef(cand.astype(np.float32).ravel(), small.astype(np.float32).ravel())[0, 1]
            )
            if score > best:
                best, best_k = score, k
    return best_k * 90
