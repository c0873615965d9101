"""Find the sheet in a photo: its four corners, how sure we are, and the flat page.

Candidates come from two views of a small copy of the photo (long side WORK_LONG): edges
(Canny, closed) and "unlike the desk" (colour distance from the border's median, Otsu). Each
contour's hull is reduced to a quadrilateral; every side is then refined on a medium copy by
finding the strongest step along its normal at many points and fitting a robust line, and the
corners are the lines' crossings. The share of points with a clear step is the edge support;
confidence combines it with the quad's area and shape. When nothing convincing is found the
caller falls back to the whole image (a scan already cropped), deskewed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

WORK_LONG = 640
REFINE_LONG = 1400
#: Below this confidence a quad is not trusted and the whole image is used.
MIN_CONFIDENCE = 0.6
#: A quad this sure ends the search; the remaining masks are not computed.
SURE = 0.97
A4 = math.sqrt(2.0)


@dataclass(frozen=True)
class PageQuad:
    """Corners (TL, TR, BR, BL) in the given image's pixel coordinates, and a 0–1 confidence."""

    corners: np.ndarray
    confidence: float
    method: str


def order_corners(pts: np.ndarray) -> np.ndarray:
    """Order four points as top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(pts, dtype=np.float64).reshape(4, 2)
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise in image coordinates, starting near -180°
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def _resize_long(
    img: np.ndarray, long_px: int, interpolation: int = cv2.INTER_AREA
) -> tuple[np.ndarray, float]:
    h, w = img.shape[:2]
    s = min(1.0, long_px / max(h, w))
    if s == 1.0:
        return img, 1.0
    return cv2.resize(img, (round(w * s), round(h * s)), interpolation=interpolation), s


def _masks(small: np.ndarray) -> Iterator[tuple[str, np.ndarray]]:
    """Candidate sheet masks, cheapest and most often right first (the caller may stop early)."""
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    blur = cv2.GaussianBlur(grey, (5, 5), 0)
    med = float(np.median(blur))
    edges = cv2.Canny(blur, max(10.0, 0.4 * med), max(30.0, 1.0 * med))
    yield "edges", cv2.morphologyEx(edges, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    # Low-contrast desks: a weak step (paper 235 on a 205 desk) needs low thresholds; text
    # edges inside the sheet do no harm, the sheet's outline is the big contour.
    soft = cv2.Canny(cv2.GaussianBlur(grey, (0, 0), 1.6), 12, 30)
    yield "soft-edges", cv2.morphologyEx(soft, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (7, 7), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    b = 6
    border = np.concatenate(
        [
            lab[:b].reshape(-1, 3),
            lab[-b:].reshape(-1, 3),
            lab[:, :b].reshape(-1, 3),
            lab[:, -b:].reshape(-1, 3),
        ]
    )
    desk = np.median(border, axis=0)
    dist = np.sqrt(((lab - desk) ** 2 * np.array([1.0, 2.0, 2.0], np.float32)).sum(axis=2))
    dist8 = np.clip(dist * (255.0 / max(float(dist.max()), 1.0)), 0, 255).astype(np.uint8)
    _, unlike = cv2.threshold(dist8, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    unlike = cv2.morphologyEx(unlike, cv2.MORPH_CLOSE, k)
    yield "desk", cv2.morphologyEx(unlike, cv2.MORPH_OPEN, k)
    _, bright = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, k)
    yield "bright", cv2.morphologyEx(bright, cv2.MORPH_OPEN, k)


def _quads(mask: np.ndarray, min_area: float) -> list[np.ndarray]:
    contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    out = []
    for c in sorted(contours, key=cv2.contourArea, reverse=True)[:6]:
        hull = cv2.convexHull(c)
        if cv2.contourArea(hull) < min_area:
            continue
        peri = cv2.arcLength(hull, True)
        for eps in (0.01, 0.02, 0.03, 0.045, 0.06):
            approx = cv2.approxPolyDP(hull, eps * peri, True)
            if len(approx) == 4:
                if cv2.isContourConvex(approx):
                    out.append(approx.reshape(4, 2).astype(np.float64))
                break
            if len(approx) < 4:
                break
    return out


#: Strongest distinct straight lines kept, and line quads refined and judged.
HOUGH_LINES = 16
HOUGH_QUADS = 8


def _line_quads(small: np.ndarray, min_area: float, weak: bool = False) -> list[np.ndarray]:
    """Quads from the strongest straight edges (Hough), two roughly parallel pairs each.

    This finds the sheet when no single contour outlines it: a hard shadow crossing the sheet
    or a second sheet touching it splits every mask.
    """
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    # thresholds from the photo's own gradients: busy desks (wood grain) have many weak edges
    mag = cv2.magnitude(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1))
    hi = max(60.0, float(np.percentile(mag, 94)))
    if weak:  # a sheet's side against a second white sheet: a faint step
        hi = max(24.0, float(np.percentile(mag, 80)))
    edges = cv2.Canny(grey, 0.5 * hi, hi)
    # print makes short edges; a sheet's side is one long one
    _n, labels, stats, _ = cv2.connectedComponentsWithStats(edges, connectivity=8)
    long_side = max(small.shape[:2])
    extent = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    keep = extent >= 0.08 * long_side
    keep[0] = False
    edges = np.where(keep[labels], 255, 0).astype(np.uint8)
    lines = cv2.HoughLines(edges, 1, np.pi / 180, threshold=int(0.1 * max(small.shape[:2])))
    if lines is None:
        return []
    kept: list[tuple[float, float]] = []
    for rho, theta in lines[:, 0, :]:
        if all(abs(rho - r) > 12 or abs(theta - t) > 0.12 for r, t in kept):
            kept.append((float(rho), float(theta)))
        if len(kept) == HOUGH_LINES:
            break
    h, w = grey.shape
    out = []
    pairs = [
        (a, b)
        for i, a in enumerate(kept)
        for b in kept[i + 1 :]
        if abs(math.sin(a[1] - b[1])) < 0.26 and abs(a[0] - b[0]) > 20
    ]

    def cross(a: tuple[float, float], b: tuple[float, float]) -> np.ndarray | None:
        m = np.array([[math.cos(a[1]), math.sin(a[1])], [math.cos(b[1]), math.sin(b[1])]])
        if abs(np.linalg.det(m)) < 0.2:
            return None
        return np.linalg.solve(m, np.array([a[0], b[0]]))

    for i, (a1, a2) in enumerate(pairs):
        for b1, b2 in pairs[i + 1 :]:
            if abs(math.cos(a1[1] - b1[1])) > 0.5:
                continue
            pts = [cross(a1, b1), cross(b1, a2), cross(a2, b2), cross(b2, a1)]
            if any(p is None for p in pts):
                continue
            quad = np.array(pts, float)
            if (quad[:, 0] < -3).any() or (quad[:, 0] > w + 2).any():
                continue
            if (quad[:, 1] < -3).any() or (quad[:, 1] > h + 2).any():
                continue
            quad = order_corners(quad)
            if cv2.contourArea(quad.astype(np.float32)) < min_area:
                continue
            if not cv2.isContourConvex(quad.astype(np.float32)):
                continue
            out.append(quad)
    # most edge-supported first; refining every one would cost too much
    dil = cv2.dilate(edges, np.ones((3, 3), np.uint8))

    def support(q: np.ndarray) -> float:
        pts = np.concatenate(
            [
                q[k] + np.linspace(0.05, 0.95, 30)[:, None] * (q[(k + 1) % 4] - q[k])
                for k in range(4)
            ]
        )
        xs = np.clip(pts[:, 0].astype(int), 0, w - 1)
        ys = np.clip(pts[:, 1].astype(int), 0, h - 1)
        return float(dil[ys, xs].mean())

    out.sort(key=support, reverse=True)
    return out[:HOUGH_QUADS]


def _refine(
    grey: np.ndarray, gx: np.ndarray, gy: np.ndarray, quad: np.ndarray, reach: float
) -> tuple[np.ndarray, float]:
    """Fit each side to the strongest nearby step; return new corners and edge support 0–1.

    A point supports its side when the gradient across the side is strong there and the
    brightness steps the same way (inside against outside) as along the rest of the side: a
    sheet's edge is one long consistent step, the edge of a text block is not.
    """
    h, w = gx.shape
    lines: list[tuple[np.ndarray, np.ndarray] | None] = []
    supported = total = 0
    centre = quad.mean(axis=0)
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = q - p
        length = float(np.hypot(*d))
        if length < 1:
            return quad, 0.0
        t_dir = d / length
        n = np.array([-t_dir[1], t_dir[0]])
        if np.dot(centre - (p + q) / 2, n) < 0:
            n = -n  # normal points into the page
        ts = np.linspace(0.08, 0.92, 40)
        offs = np.arange(-reach, reach + 1, 1.0)
        base = p[None, :] + ts[:, None] * d[None, :]
        samp = base[:, None, :] + offs[None, :, None] * n[None, None, :]
        xs = np.clip(samp[..., 0], 0, w - 1).astype(np.float32)
        ys = np.clip(samp[..., 1], 0, h - 1).astype(np.float32)
        gxs = cv2.remap(gx, xs, ys, cv2.INTER_LINEAR)
        gys = cv2.remap(gy, xs, ys, cv2.INTER_LINEAR)
        along = np.abs(gxs * n[0] + gys * n[1])
        best = along.argmax(axis=1)
        strength = along[np.arange(len(ts)), best]
        thr = max(20.0, 0.35 * float(np.median(strength)))
        edge = base + offs[best][:, None] * n[None, :]
        probe = np.concatenate([edge + 4 * n, edge - 4 * n]).astype(np.float32)
        px = np.clip(probe[:, 0], 0, w - 1).reshape(-1, 1)
        py = np.clip(probe[:, 1], 0, h - 1).reshape(-1, 1)
        vals = cv2.remap(grey, px, py, cv2.INTER_LINEAR).astype(np.float32).ravel()
        step = vals[: len(ts)] - vals[len(ts) :]
        sign = 1.0 if np.median(step) >= 0 else -1.0
        good = (strength > thr) & (step * sign > 10)
        inside = (
            (samp[..., 0].min(axis=1) >= 0)
            & (samp[..., 0].max(axis=1) <= w - 1)
            & (samp[..., 1].min(axis=1) >= 0)
            & (samp[..., 1].max(axis=1) <= h - 1)
        )
        total += len(ts)
        supported += int(np.count_nonzero(good & inside))
        pts = base[good] + offs[best[good]][:, None] * n[None, :]
        if len(pts) < 6:
            lines.append(None)
            continue
        vx, vy, x0, y0 = cv2.fitLine(pts.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0], float), np.array([vx, vy], float)))
    corners = quad.copy()
    for i in range(4):
        a, b = lines[(i - 1) % 4], lines[i]
        if a is None or b is None:
            continue
        (pa, va), (pb, vb) = a, b
        m = np.array([va, -vb]).T
        if abs(np.linalg.det(m)) < 1e-6:
            continue
        s = np.linalg.solve(m, pb - pa)
        cand = pa + s[0] * va
        if np.hypot(*(cand - quad[i])) < 3 * reach:
            corners[i] = cand
    return corners, supported / max(total, 1)


def _shape_score(quad: np.ndarray, img_area: float) -> float:
    area = cv2.contourArea(quad.astype(np.float32))
    frac = area / img_area
    if frac < MIN_AREA or frac > 0.995:
        return 0.0
    angles = []
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9)
        angles.append(math.degrees(math.acos(np.clip(cos, -1, 1))))
    worst = max(abs(a - 90) for a in angles)
    if worst > 50:
        return 0.0
    return min(1.0, 0.5 + 2.0 * frac) * (1.0 - worst / 90.0)


def find_page(image: np.ndarray) -> PageQuad | None:
    """The sheet's corners in ``image`` (BGR), or None when no sheet edge is convincing.

    Every candidate quad is refined and then judged (``judge_quad``): edge support, shape,
    whether its aspect is that of a known paper or card size, whether its sides are sharp and
    end at its corners (a shadow's or a table's edge runs on), and whether text lies just
    outside it (a shadow's edge cuts through the sheet). Masks come cheapest first; straight
    lines (Hough) are tried last, only when nothing sure was found: first from strong edges,
    then from faint ones (a sheet's side against a second white sheet, or in a shadow, steps
    by a few grey levels only and never reaches the strong edge map).
    """
    mid, s_mid = _resize_long(image, REFINE_LONG, cv2.INTER_LINEAR)
    small, s_small = _resize_long(mid, WORK_LONG, cv2.INTER_LINEAR)
    s_small *= s_mid
    grey_mid = cv2.GaussianBlur(cv2.cvtColor(mid, cv2.COLOR_BGR2GRAY), (3, 3), 0)
    gx = cv2.Sobel(grey_mid, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey_mid, cv2.CV_32F, 0, 1, ksize=3)
    area = float(small.shape[0] * small.shape[1])
    text = _text_mask(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY))
    image_size = (image.shape[1], image.shape[0])
    best: PageQuad | None = None
    seen: list[np.ndarray] = []

    def consider(quads: list[np.ndarray], method: str, fresh: bool = True) -> None:
        nonlocal best
        for quad in quads:
            quad = order_corners(quad)
            if fresh and any(np.abs(quad - q).max() < 4 for q in seen):
                continue
            seen.append(quad)
            shape = _shape_score(quad, area)
            if shape <= 0:
                continue
            q_mid = quad * (s_mid / s_small)
            reach = max(4.0, 2.5 * s_mid / s_small)
            refined, support = _refine(grey_mid, gx, gy, q_mid, reach)
            refined = order_corners(refined)
            refined, support2 = _refine(grey_mid, gx, gy, refined, 3.0)
            refined = order_corners(refined)
            base = float(min(1.0, 0.7 * support2 + 0.3 * shape + 0.1 * support))
            if best is not None and base <= best.confidence:
                continue
            corners = refined / s_mid
            judged = judge_quad(
                grey_mid, gx, gy, refined, text, s_small / s_mid, page_aspect(corners, image_size)
            )
            conf = base * judged
            if best is None or conf > best.confidence:
                best = PageQuad(corners, conf, method)

    for method, mask in _masks(small):
        if best is not None and best.confidence >= SURE:
            break
        consider(_quads(mask, MIN_AREA * area), method)
    if best is None or best.confidence < SURE:
        consider(_line_quads(small, MIN_AREA * area), "lines")
    if best is None or best.confidence < SURE:
        consider(_line_quads(small, MIN_AREA * area, weak=True), "weak-lines")
    if best is not None and best.confidence < SURE:
        # a printed frame just inside the edge (a licence's border) can hold the sides: try
        # the quad grown step by step; the sheet's own edge, a real step, wins when it is there
        found = best
        c0 = found.corners * s_small
        centre = c0.mean(axis=0)
        grown = [centre + (c0 - centre) * g for g in GROW]
        consider(grown, found.method + "+grown", fresh=False)
    return best


#: Scales tried around a quad that is not sure (a frame printed just inside the sheet's edge).
GROW = (1.015, 1.03, 1.045, 1.06)
#: The smallest document looked for, as a share of the photo (an ID card at arm's length).
MIN_AREA = 0.025
#: Long/short ratios of known documents: A-series and B-series paper, US letter, ID-1 cards
#: (ID card, bank card, driving licence), passports (ID-3), 16K, and the common invoice.
KNOWN_ASPECTS = (math.sqrt(2.0), 1.294, 1.586, 1.42, 1.38, 1.5, 1.667, 1.75)
#: Till receipts: 57/80 mm rolls, any length in this range of aspects.
RECEIPT_ASPECTS = (1.9, 4.0)


def aspect_plausibility(aspect: float) -> float:
    """1 for the aspect of a known paper or card size, falling to 0.3 far from all of them."""
    if RECEIPT_ASPECTS[0] <= aspect <= RECEIPT_ASPECTS[1]:
        return 0.9
    off = min(abs(math.log(aspect / k)) for k in KNOWN_ASPECTS)
    off = min(off, abs(math.log(aspect / RECEIPT_ASPECTS[1])))
    off = min(off, abs(math.log(aspect / RECEIPT_ASPECTS[0])))
    if off <= 0.06:
        return 1.0
    return float(max(0.3, 1.0 - (off - 0.06) * 2.5))


def _text_mask(grey_small: np.ndarray) -> np.ndarray:
    """Dark thin strokes (print) on the small copy, as 0/1."""
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    hat = cv2.morphologyEx(grey_small, cv2.MORPH_BLACKHAT, k)
    return (hat > 40).astype(np.uint8)


def judge_quad(
    grey: np.ndarray,
    gx: np.ndarray,
    gy: np.ndarray,
    quad: np.ndarray,
    text_small: np.ndarray,
    to_small: float,
    aspect: float,
) -> float:
    """A 0–1 factor on a refined quad's confidence: is this a sheet, or a shadow or a table edge?

    * aspect: near a known paper/card size (``aspect_plausibility``);
    * a step: paper on one side, background on the other (a printed frame is a ridge);
    * sharpness: a sheet's edge steps within a pixel or two, a shadow's penumbra does not;
    * run-on: a side whose step continues past both its corners is a line across the photo
      (a shadow, a table's edge), not a sheet's side;
    * text outside: print just outside a side, or running across it, means the sheet goes on
      (the side is a shadow's edge or a second sheet's).
    """
    h, w = grey.shape
    factor = aspect_plausibility(aspect)
    sharp_scores = []
    crossings: list[float] = []
    runs_on = 0
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = q - p
        length = float(np.hypot(*d))
        if length < 8:
            return 0.0
        t = d / length
        n = np.array([-t[1], t[0]])
        if np.dot(quad.mean(axis=0) - (p + q) / 2, n) < 0:
            n = -n
        ts = np.linspace(0.1, 0.9, 24)
        base = p[None, :] + ts[:, None] * d[None, :]

        def at(pts: np.ndarray) -> np.ndarray:
            xs = np.clip(pts[:, 0], 0, w - 1).astype(np.float32).reshape(-1, 1)
            ys = np.clip(pts[:, 1], 0, h - 1).astype(np.float32).reshape(-1, 1)
            return cv2.remap(grey, xs, ys, cv2.INTER_LINEAR).astype(np.float32).ravel()

        offs = np.arange(-8.0, 8.5, 1.0)
        prof = at((base[:, None, :] + offs[None, :, None] * n[None, None, :]).reshape(-1, 2))
        prof = prof.reshape(len(ts), len(offs))
        far = prof[:, -1] - prof[:, 0]
        ok = np.abs(far) > 12
        if ok.mean() < 0.5:
            # no step from one side to the other: a printed line or frame, not the sheet's edge
            factor *= 0.4
        if ok.sum() >= 6:
            steepest = np.abs(np.diff(prof[ok], axis=1)).max(axis=1)
            sharp_scores.append(float(np.median(steepest / np.abs(far[ok]))))
        # run-on: the same step beyond both corners, along the side's own line
        sign = 1.0 if np.median(far) >= 0 else -1.0
        beyond = []
        for end, direction in ((q, t), (p, -t)):
            ext = end[None, :] + np.linspace(0.06, 0.25, 12)[:, None] * length * direction[None, :]
            inside = (ext[:, 0] > 8) & (ext[:, 0] < w - 8) & (ext[:, 1] > 8) & (ext[:, 1] < h - 8)
            if inside.sum() < 6:
                beyond.append(False)
                continue
            ext = ext[inside]
            step = (at(ext + 7 * n) - at(ext - 7 * n)) * sign
            beyond.append(bool(np.mean(step > max(12.0, 0.4 * abs(float(np.median(far))))) > 0.7))
        if all(beyond):
            runs_on += 1
        # text just outside this side (small copy)
        band = (
            base
            - 0.03 * length * n[None, :] * 0
            - n[None, :] * np.linspace(6, 40, 8)[:, None, None]
        ).reshape(-1, 2)
        bs = band * to_small
        th, tw = text_small.shape
        inb = (bs[:, 0] >= 0) & (bs[:, 0] < tw) & (bs[:, 1] >= 0) & (bs[:, 1] < th)
        if inb.sum() > 20:
            win = cv2.dilate(text_small, np.ones((3, 3), np.uint8))
            outside_text = float(win[bs[inb, 1].astype(int), bs[inb, 0].astype(int)].mean())
            ins = (
                base[None, :, :] + n[None, None, :] * np.linspace(15, 60, 8)[:, None, None]
            ).reshape(-1, 2) * to_small
            ini = (ins[:, 0] >= 0) & (ins[:, 0] < tw) & (ins[:, 1] >= 0) & (ins[:, 1] < th)
            inside_text = (
                float(win[ins[ini, 1].astype(int), ins[ini, 0].astype(int)].mean())
                if ini.any()
                else 0.0
            )
            on = (
                base[None, :, :] + n[None, None, :] * np.arange(-3.0, 4.0)[:, None, None]
            ).reshape(-1, 2) * to_small
            ion = (on[:, 0] >= 0) & (on[:, 0] < tw) & (on[:, 1] >= 0) & (on[:, 1] < th)
            hits = np.zeros(on.shape[0], bool)
            hits[ion] = text_small[on[ion, 1].astype(int), on[ion, 0].astype(int)] > 0
            crossings.append(float(hits.reshape(7, -1).any(axis=0).mean()))
            if outside_text > 0.08 and outside_text > 0.3 * inside_text:
                factor *= 0.5
    # print running across one side, not across the others (a textured desk marks them all):
    # the side cuts through the sheet, which goes on
    if len(crossings) == 4:
        for k, c in enumerate(crossings):
            others = sorted(crossings[:k] + crossings[k + 1 :])
            if c > 0.15 and c > 2.0 * others[1] + 0.05:
                factor *= 0.5
    if sharp_scores:
        sharp = min(sharp_scores)
        factor *= float(np.clip((sharp - 0.08) / 0.12, 0.4, 1.0))
    factor *= 0.55**runs_on
    return float(factor)


def page_aspect(corners: np.ndarray, image_size: tuple[int, int] | None = None) -> float:
    """Long/short ratio of the sheet photographed at ``corners`` (TL, TR, BR, BL).

    With the image size known, the perspective is undone the way Zhang and He's whiteboard
    scanner does it: the focal length is estimated from the quad (or, when the sides are too
    near parallel to tell, taken as a phone camera's, 0.8 of the image diagonal) and the true
    width/height ratio follows. Without it, the mean opposite side lengths are used.
    """
    c = np.asarray(corners, float)
    top, bottom = np.linalg.norm(c[1] - c[0]), np.linalg.norm(c[2] - c[3])
    left, right = np.linalg.norm(c[3] - c[0]), np.linalg.norm(c[2] - c[1])
    w, h = (top + bottom) / 2, (left + right) / 2
    naive = float(max(w, h) / max(float(min(w, h)), 1.0))
    if image_size is None:
        return naive
    iw, ih = image_size
    u0, v0 = iw / 2.0, ih / 2.0
    m1 = np.array([c[0][0] - u0, c[0][1] - v0, 1.0])
    m2 = np.array([c[1][0] - u0, c[1][1] - v0, 1.0])
    m3 = np.array([c[3][0] - u0, c[3][1] - v0, 1.0])
    m4 = np.array([c[2][0] - u0, c[2][1] - v0, 1.0])
    try:
        k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
        k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
    except FloatingPointError:
        return naive
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    diag = math.hypot(iw, ih)
    f2 = None
    if abs(n2[2] * n3[2]) > 1e-9:
        f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2])
    if f2 is None or not (0.3 * diag) ** 2 < f2 < (3.0 * diag) ** 2:
        f2 = (0.8 * diag) ** 2
    a_inv = np.diag([1.0 / f2, 1.0 / f2, 1.0])
    num = float(n2 @ a_inv @ n2)
    den = float(n3 @ a_inv @ n3)
    if num <= 0 or den <= 0:
        return naive
    ratio = math.sqrt(num / den)  # width / height
    if not 0.1 < ratio < 10:
        return naive
    return float(max(ratio, 1 / ratio))


def warp(image: np.ndarray, corners: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The quad at ``corners`` (TL, TR, BR, BL) warped flat to ``size`` (width, height)."""
    w, h = size
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(np.asarray(corners, np.float32), dst)
    return cv2.warpPerspective(
        image,
        m,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_REPLICATE,
    )


def deskew_angle(grey: np.ndarray, limit: float = 6.0) -> float:
    """Small skew (degrees) of text lines in a scan, by the sharpest row profile."""
    small, _ = _resize_long(grey, 700)
    ink = (small < 140).astype(np.float32)
    if ink.mean() < 0.002:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        m = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rot = cv2.warpAffine(ink, m, (w, h), flags=cv2.INTER_NEAREST)
        rows = rot.sum(axis=1)
        return float(np.var(np.diff(rows)))

    best = max(np.arange(-limit, limit + 0.01, 1.0), key=score)
    fine = max(np.arange(best - 0.9, best + 0.91, 0.15), key=score)
    return float(fine)
