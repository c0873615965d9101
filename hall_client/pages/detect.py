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
    return order_quads(np.asarray(pts, dtype=np.float64).reshape(1, 4, 2))[0]


def order_quads(quads: np.ndarray) -> np.ndarray:
    """``order_corners`` for many quads at once, (n, 4, 2)."""
    c = quads.mean(axis=1, keepdims=True)
    ang = np.arctan2(quads[..., 1] - c[..., 1], quads[..., 0] - c[..., 0])
    # clockwise in image coordinates, starting near -180°
    quads = np.take_along_axis(quads, np.argsort(ang, axis=1)[..., None], axis=1)
    start = np.argmin(quads.sum(axis=2), axis=1)
    turn = (np.arange(4)[None, :] + start[:, None]) % 4
    return np.take_along_axis(quads, turn[..., None], axis=1)


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
#: Close parallel lines stepping the other way, kept besides HOUGH_LINES.
TWIN_LINES = 4
HOUGH_QUADS = 8


@dataclass
class _Lines:
    """Strong straight lines of the small copy: (rho, theta) pairs, strongest first, and the
    long-edge map they came from (dilated a pixel, for measuring how much of a segment is edge)."""

    kept: list[tuple[float, float]]
    edges: np.ndarray
    grey: np.ndarray
    gx: np.ndarray
    gy: np.ndarray


def _hough_lines(small: np.ndarray, weak: bool = False) -> _Lines:
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3)
    # thresholds from the photo's own gradients: busy desks (wood grain) have many weak edges
    mag = cv2.magnitude(gx, gy)
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
    lines = cv2.HoughLines(edges, 1, np.pi / 180, threshold=int(0.1 * long_side))
    kept: list[tuple[float, float]] = []
    signs: list[float] = []
    twins = 0
    if lines is not None:
        for rho, theta in lines[:, 0, :]:
            near = [
                k for k, (r, t) in enumerate(kept) if abs(rho - r) <= 12 and abs(theta - t) <= 0.12
            ]
            if near:
                # a close line stepping the other way is another edge: two sheets side by side,
                # a narrow strip of desk between them (a few such twins, beyond the count; not
                # among the faint lines, where print's two sides would take them all)
                if weak or twins == TWIN_LINES:
                    continue
                sign = _polarity(gx, gy, float(rho), float(theta))
                if all(abs(rho - kept[k][0]) > 5 and sign * signs[k] < 0 for k in near):
                    kept.append((float(rho), float(theta)))
                    signs.append(sign)
                    twins += 1
                continue
            kept.append((float(rho), float(theta)))
            signs.append(0.0 if weak else _polarity(gx, gy, float(rho), float(theta)))
            if len(kept) - twins == (HOUGH_LINES if weak else 2 * HOUGH_LINES):
                break
    if not weak:
        # a sheet's side steps from paper to desk; a printed rule, a ruled page's lines or a
        # cutting mat's grid are thin lines, the same grey on both sides: steps first (the
        # faint lines are left as they come: a faint step may not show as one)
        order = sorted(range(len(kept)), key=lambda k: _thin_line(grey, kept[k]))
        kept = [kept[k] for k in order[: HOUGH_LINES + twins]]
    fitted: list[tuple[float, float]] = []
    for r, t in _fit_lines(gx, gy, kept):
        # two Hough lines of one edge land on it together once fitted
        if all(abs(r - r2) > 4 or abs(math.sin(t - t2)) > 0.02 for r2, t2 in fitted):
            fitted.append((r, t))
    return _Lines(fitted, cv2.dilate(edges, np.ones((3, 3), np.uint8)), grey, gx, gy)


def _on_line(
    shape: tuple[int, ...], rho: float, theta: float, margin: int
) -> tuple[np.ndarray, np.ndarray]:
    """Points every 4 px along the line (rho, theta) at least ``margin`` px inside an image of
    ``shape``, and the line's unit normal."""
    h, w = shape[:2]
    n = np.array([math.cos(theta), math.sin(theta)])
    pts = n * rho + np.arange(-2.0 * max(h, w), 2.0 * max(h, w), 4.0)[:, None] * [-n[1], n[0]]
    inside = (pts[:, 0] >= margin) & (pts[:, 0] < w - margin)
    inside &= (pts[:, 1] >= margin) & (pts[:, 1] < h - margin)
    return pts[inside], n


def _thin_line(grey: np.ndarray, line: tuple[float, float]) -> bool:
    """Whether ``line`` (rho, theta) is a thin printed line where it shows clearly (the same
    grey on both sides of it) rather than a step from one grey to another. A faint step (a
    sheet on a pale desk) is not judged: it is no thin line."""
    pts, n = _on_line(grey.shape, *line, 8)
    if len(pts) < 6:
        return False
    samp = pts[:, None, :] + np.arange(-6.0, 6.5, 1.0)[None, :, None] * n
    prof = _remap_points(grey, samp[..., 0], samp[..., 1])
    swing = prof.max(axis=1) - prof.min(axis=1)
    edge = swing > 12
    if edge.sum() < 6:
        return False
    far = np.abs(prof[edge, -1] - prof[edge, 0])
    return bool(np.mean(far > 0.5 * swing[edge]) < 0.5)


def _polarity(gx: np.ndarray, gy: np.ndarray, rho: float, theta: float) -> float:
    """+1 or -1: which way the image steps across the line (rho, theta) where it steps most,
    summed along the line (0 when the line misses the image)."""
    pts, n = _on_line(gx.shape, rho, theta, 3)
    if len(pts) == 0:
        return 0.0
    samp = pts[:, None, :] + np.arange(-3.0, 3.5, 1.0)[None, :, None] * n
    g = _remap_points(gx, samp[..., 0], samp[..., 1]) * n[0]
    g += _remap_points(gy, samp[..., 0], samp[..., 1]) * n[1]
    strongest = g[np.arange(len(g)), np.abs(g).argmax(axis=1)]
    return float(np.sign(strongest.sum()))


def _fit_lines(
    gx: np.ndarray, gy: np.ndarray, kept: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Each Hough line refitted to the strongest step within ±6 px along it.

    Hough's 1° bins let a long line drift several pixels off the edge it came from; measuring
    where a side ends needs the line on its edge all along.
    """
    out = []
    for rho, theta in kept:
        pts, n = _on_line(gx.shape, rho, theta, 2)
        if len(pts) < 10:
            out.append((rho, theta))
            continue
        across = np.arange(-6.0, 6.5, 1.0)
        samp = pts[:, None, :] + across[None, :, None] * n
        g = np.abs(
            _remap_points(gx, samp[..., 0], samp[..., 1]) * n[0]
            + _remap_points(gy, samp[..., 0], samp[..., 1]) * n[1]
        )
        best = g.argmax(axis=1)
        strength = g[np.arange(len(pts)), best]
        good = strength > 0.5 * float(np.percentile(strength, 75))
        if good.sum() < 8:
            out.append((rho, theta))
            continue
        on = pts[good] + across[best[good]][:, None] * n
        vx, vy, x0, y0 = cv2.fitLine(on.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        # the normal of direction (vx, vy), in Hough's convention: theta in [0, pi), rho signed
        t2 = math.atan2(vx, -vy) % math.pi
        r2 = x0 * math.cos(t2) + y0 * math.sin(t2)
        if abs(math.sin(t2 - theta)) < 0.05:
            out.append((float(r2), float(t2)))
        else:
            out.append((rho, theta))
    return out


def _cross(a: tuple[float, float], b: tuple[float, float]) -> np.ndarray | None:
    m = np.array([[math.cos(a[1]), math.sin(a[1])], [math.cos(b[1]), math.sin(b[1])]])
    if abs(np.linalg.det(m)) < 0.2:
        return None
    return np.linalg.solve(m, np.array([a[0], b[0]]))


def _parallel_pairs(
    kept: list[tuple[float, float]],
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return [
        (a, b)
        for i, a in enumerate(kept)
        for b in kept[i + 1 :]
        if abs(math.sin(a[1] - b[1])) < 0.26 and abs(a[0] - b[0]) > 20
    ]


def _edge_share(edges: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Share of ``pts`` (..., k, 2) on the edge map, over the last-but-one axis."""
    h, w = edges.shape
    xs = np.clip(pts[..., 0].astype(int), 0, w - 1)
    ys = np.clip(pts[..., 1].astype(int), 0, h - 1)
    return (edges[ys, xs] > 0).mean(axis=-1)


def _remap_points(img: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Bilinear samples of ``img`` at any number of points (xs, ys of one shape), clipped to
    the image. cv2.remap takes maps under 32767 rows, so the points go in rows of 256."""
    h, w = img.shape[:2]
    shape = xs.shape
    n = xs.size
    pad = (-n) % 256
    # in rows of 256, the last padded with zeros (np.pad costs more than the sampling)
    mx = np.zeros(n + pad, np.float32)
    my = np.zeros_like(mx)
    np.clip(xs.ravel(), 0, w - 1, out=mx[:n], casting="unsafe")
    np.clip(ys.ravel(), 0, h - 1, out=my[:n], casting="unsafe")
    out = cv2.remap(img, mx.reshape(-1, 256), my.reshape(-1, 256), cv2.INTER_LINEAR)
    out = out.astype(np.float32)
    out = out.reshape(-1, *img.shape[2:])[:n]
    return out.reshape(*shape, *img.shape[2:])


def _sample(img: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Bilinear samples of a BGR image at points (..., 2): (..., 3) floats."""
    return _remap_points(img, pts[..., 0], pts[..., 1])


def _edge_strength(
    gx: np.ndarray,
    gy: np.ndarray,
    ends: np.ndarray,
    u: np.ndarray,
    n: np.ndarray,
    along: np.ndarray,
) -> np.ndarray:
    """Gradient across a line (normal ``n``) at ``ends[:, None] + along * u``, the strongest
    within ±4 px of it (a Hough line drifts a few pixels off a long edge): (len(ends), len(along))."""
    across = np.arange(-4.0, 4.5, 1.0)
    pts = ends[:, None, None, :] + along[None, :, None, None] * u + across[None, None, :, None] * n
    g = _remap_points(gx, pts[..., 0], pts[..., 1]) * n[0]
    g += _remap_points(gy, pts[..., 0], pts[..., 1]) * n[1]
    return np.abs(g).max(axis=2)


def _segment(p: np.ndarray, q: np.ndarray, k: int = 30) -> np.ndarray:
    return p + np.linspace(0.05, 0.95, k)[:, None] * (q - p)


def _within(pts: np.ndarray, w: int, h: int) -> np.ndarray:
    """Whether each point (..., 2) lies in a w×h image, give or take the 3 px a side on the
    photo's own edge may stray out."""
    x, y = pts[..., 0], pts[..., 1]
    return np.asarray((x >= -3) & (x <= w + 2) & (y >= -3) & (y <= h + 2))


def _inside(quad: np.ndarray, w: int, h: int) -> bool:
    return bool(_within(quad, w, h).all())


def _crossings(kept: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Where every two of ``kept`` (rho, theta) lines cross, (n, n, 2), and whether they cross
    steeply enough to count (the test ``_cross`` makes), (n, n): one array sum for all pairs."""
    r = np.array([k[0] for k in kept], float)
    t = np.array([k[1] for k in kept], float)
    c, s = np.cos(t), np.sin(t)
    det = c[:, None] * s[None, :] - s[:, None] * c[None, :]
    ok = np.abs(det) >= 0.2
    safe = np.where(ok, det, 1.0)
    x = (r[:, None] * s[None, :] - s[:, None] * r[None, :]) / safe
    y = (c[:, None] * r[None, :] - r[:, None] * c[None, :]) / safe
    return np.stack([x, y], axis=-1), ok


def _line_quads(lines: _Lines, min_area: float) -> list[np.ndarray]:
    """Quads from the strongest straight edges (Hough), two roughly parallel pairs each.

    This finds the sheet when no single contour outlines it: a hard shadow crossing the sheet
    or a second sheet touching it splits every mask. A page of text gives dozens of lines and
    thousands of pairs of pairs, so their corners and ranks are worked out as arrays.
    """
    h, w = lines.edges.shape
    kept = lines.kept
    if len(kept) < 4:
        return []
    index = {line: k for k, line in enumerate(kept)}
    pairs = [(index[a], index[b]) for a, b in _parallel_pairs(kept)]
    theta = np.array([k[1] for k in kept])
    combos = [
        (a1, a2, b1, b2)
        for i, (a1, a2) in enumerate(pairs)
        for b1, b2 in pairs[i + 1 :]
        if abs(math.cos(theta[a1] - theta[b1])) <= 0.5
    ]
    if not combos:
        return []
    a1, a2, b1, b2 = np.array(combos).T
    at, ok = _crossings(kept)
    quads = np.stack([at[a1, b1], at[b1, a2], at[a2, b2], at[b2, a1]], axis=1)
    good = ok[a1, b1] & ok[b1, a2] & ok[a2, b2] & ok[b2, a1]
    good &= _within(quads, w, h).all(axis=1)
    out = []
    for quad in order_quads(quads[good]):
        q32 = quad.astype(np.float32)
        if cv2.contourArea(q32) < min_area or not cv2.isContourConvex(q32):
            continue
        out.append(quad)
    if not out:
        return []
    # most edge-supported first, a known paper shape before an odd one; refining every one
    # would cost too much
    qs = np.stack(out)[:, :, None, :]
    support = _edge_share(lines.edges, _segment(qs, np.roll(qs, -1, axis=1))).mean(axis=1)
    score = [
        float(e) * aspect_plausibility(page_aspect(q)) for e, q in zip(support, out, strict=True)
    ]
    ranked = sorted(range(len(out)), key=score.__getitem__, reverse=True)
    return [out[k] for k in ranked[:HOUGH_QUADS]]


#: Completed quads (three sides seen, the fourth found by its faint step) kept for refining.
COMPLETED_QUADS = 6
#: A quad with a side found by its colour step alone is never sure enough to pass unasked.
COMPLETED_CONFIDENCE = 0.7
#: The largest tint step (in _chromaticity's units) taken for two sheets of paper: paper
#: tints are pale; a step beyond this is coloured print (a red rule, a seal).
PALE_TINT = 0.06
#: A quad whose fourth side was guessed from three is likelier right where it comes out A4,
#: the size most materials are: other shapes are ranked down by this factor.
GUESSED_NOT_A4 = 0.85
#: A quad with a side guessed ranks below one seen on all four sides, unsure as that may be (a
#: side on a second sheet of the same tint), unless clearly surer; it is capped lower too.
GUESSED = 0.87
#: A found quad covering more than this share of the photo that is not A4 is suspect: more
#: often part of a page, or a sheet and a strip of the one under it, than a whole page.
LARGE_SHARE = 0.3
#: A photo uses its best quad down to this confidence (the clerk is asked to check it).
UNSURE_QUAD = 0.3
#: A sheet whose aspect is within this of A4 is taken as A4 (perspective estimates wobble).
A4_TOLERANCE = 0.08
#: Under this share of the photo a document is small (an A4 page at the counter's camera is
#: larger): its aspect is taken from its mean sides (see ``page_aspect``).
SMALL_SHARE = 0.15


def looks_a4(corners: np.ndarray, image_size: tuple[int, int] | None = None) -> bool:
    """Whether the sheet at ``corners`` is A4, by the perspective aspect or by the mean side
    lengths: the perspective estimate undoes a steep shot but is ill-conditioned when the
    sides are near parallel, and can miss A4 by 10-20% on corners right to a pixel.

    (A document under SMALL_SHARE of the photo has its mean sides only: see ``page_aspect``.)"""
    return any(
        abs(a / A4 - 1) <= A4_TOLERANCE
        for a in (page_aspect(corners, image_size), page_aspect(corners))
    )


def _side_ends(
    g: tuple[np.ndarray, np.ndarray],
    line: tuple[float, float],
    ends: np.ndarray,
    d: np.ndarray,
    ref: float,
    near: np.ndarray,
    past: np.ndarray,
) -> np.ndarray:
    """For each candidate end of a side lying on ``line`` (moving by ``d``): the share of the
    stretch ``near`` before it that is an edge as strong as half ``ref``, times the share of the
    stretch ``past`` beyond it that is not. 1: the side ends there."""
    h, w = g[0].shape
    u = d / max(float(np.hypot(*d)), 1e-9)
    n = np.array([math.cos(line[1]), math.sin(line[1])])
    before = _edge_strength(g[0], g[1], ends, u, n, near) > 0.5 * ref
    beyond = ends[:, None, :] + past[None, :, None] * u
    seen = (beyond[..., 0] >= 2) & (beyond[..., 0] < w - 2)
    seen &= (beyond[..., 1] >= 2) & (beyond[..., 1] < h - 2)
    after = (_edge_strength(g[0], g[1], ends, u, n, past) > 0.5 * ref) & seen
    return np.asarray(before.mean(axis=1) * (1.0 - after.mean(axis=1)))


def _completed_quads(
    lines: _Lines, small: np.ndarray, min_area: float, printed: np.ndarray | None = None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Quads with three sides among the strong lines and the fourth found where they end.

    A sheet lying on (or beside) a second white sheet, or on a pale desk, shows three sides as
    strong lines; the fourth is no Hough line: in grey it may not step at all, only in colour
    (a bluish sheet on a yellowish one). For each "U" of strong lines (two roughly parallel
    sides and the one joining them, at whose ends both stop: a sheet's side, not a line of
    print) the fourth side is searched parallel to the joining one. At each distance three
    things count: the parallel sides are edges up to there and stop (one may run on where the
    second sheet lies), the chromaticity steps the same way all along (print is grey on either
    sheet and does not change it), and the quad has a known paper or card shape. With
    ``printed`` (``_text_mask`` of the small copy, dilated a pixel) a fourth side with print
    just inside it counts for less: a sheet's edge has its margin inside, a line through the
    sheet's own print does not (``_margin_clear``). Returns the quads with their fourth side
    (2×2), best first.
    """
    h, w = lines.edges.shape
    colour = cv2.GaussianBlur(small, (5, 5), 0).astype(np.float32)
    chroma = _chromaticity(colour)
    g = (lines.gx, lines.gy)
    scored: list[tuple[float, np.ndarray, np.ndarray]] = []
    frac = np.linspace(0.08, 0.92, 24)
    # a sheet's sides step; a printed rule or a cutting mat's grid line makes no "U"
    steps = [line for line in lines.kept if not _thin_line(lines.grey, line)]
    for a1, a2 in _parallel_pairs(steps):
        for b1 in steps:
            if abs(math.cos(a1[1] - b1[1])) > 0.5:
                continue
            p1, p2 = _cross(a1, b1), _cross(a2, b1)
            if p1 is None or p2 is None:
                continue
            side = float(np.hypot(*(p2 - p1)))
            if side < 0.15 * max(h, w) or not _inside(np.array([p1, p2]), w, h):
                continue
            if float(_edge_share(lines.edges, _segment(p1, p2))) < 0.6:
                continue
            near = np.linspace(-0.12, -0.01, 10) * side
            past = np.linspace(0.03, 0.12, 10) * side
            nb = np.array([math.cos(b1[1]), math.sin(b1[1])])
            for sgn in (-1.0, 1.0):
                # the fourth side's ends slide along a1 and a2 as its distance grows
                q1 = [_cross(a1, (b1[0] + sgn * t, b1[1])) for t in (0.0, 1.0)]
                q2 = [_cross(a2, (b1[0] + sgn * t, b1[1])) for t in (0.0, 1.0)]
                if q1[0] is None or q1[1] is None or q2[0] is None or q2[1] is None:
                    continue
                d1, d2 = q1[1] - q1[0], q2[1] - q2[0]  # per unit of distance
                ts = np.arange(0.25 * side, 3.0 * side, 1.5)
                e1, e2 = q1[0] + ts[:, None] * d1, q2[0] + ts[:, None] * d2
                ok = _within(e1, w, h) & _within(e2, w, h)
                if ok.sum() < 3:
                    continue
                ts, e1, e2 = ts[ok], e1[ok], e2[ok]
                refs = [
                    float(np.median(_edge_strength(g[0], g[1], p[None], d, n, -near)))
                    for p, d, n in (
                        (p1, d1 / np.hypot(*d1), np.array([math.cos(a1[1]), math.sin(a1[1])])),
                        (p2, d2 / np.hypot(*d2), np.array([math.cos(a2[1]), math.sin(a2[1])])),
                    )
                ]
                at_b1 = [
                    float(_side_ends(g, a1, p1[None], -d1, refs[0], near, past)[0]),
                    float(_side_ends(g, a2, p2[None], -d2, refs[1], near, past)[0]),
                ]
                if min(at_b1) < 0.5:
                    continue
                c1 = _side_ends(g, a1, e1, d1, refs[0], near, past)
                c2 = _side_ends(g, a2, e2, d2, refs[1], near, past)
                corner = 0.6 * np.maximum(c1, c2) + 0.4 * np.minimum(c1, c2)
                pts = e1[:, None, :] + frac[None, :, None] * (e2 - e1)[:, None, :]
                off = 3.0 * sgn * nb  # outwards, away from the joining side
                diff = _sample(chroma, pts + off) - _sample(chroma, pts - off)
                mean = np.abs(diff.mean(axis=1))
                tstat = mean / (diff.std(axis=1) / math.sqrt(len(frac)) + 0.002)
                sure = np.clip(tstat / 8, 0, 1)
                sure[mean > PALE_TINT] = 0.0  # coloured print, not a second sheet's tint
                step = (np.clip((mean - 0.004) / 0.008, 0.0, 1.0) * sure).max(axis=1)
                peak = (mean * sure).max(axis=1)  # unclipped: where exactly the side lies
                aspects = np.maximum(ts, side) / np.minimum(ts, side)
                plaus = np.array([aspect_plausibility(float(a)) for a in aspects])
                seen_side = (0.6 * corner + 0.4 * step) * plaus
                # print just inside ranks a side down but keeps it: three sides right and the
                # fourth through the print are a better start for the clerk than the whole photo
                score = seen_side
                if printed is not None:
                    score = seen_side * _margin_clear(printed, pts, -sgn * nb)
                for k in np.argsort(-score)[:12]:  # the strongest local maxima
                    if seen_side[k] < 0.3:
                        continue
                    if (k > 0 and score[k - 1] > score[k]) or (
                        k + 1 < len(score) and score[k + 1] > score[k]
                    ):
                        continue
                    # where the sides end is known to a few pixels; the colour step, when
                    # there is one, tells the side's place exactly
                    win = np.flatnonzero(np.abs(ts - ts[k]) <= 0.05 * side)
                    j = int(win[np.argmax(peak[win])])
                    k = j if step[j] > 0.2 else k
                    quad = order_corners(np.array([p1, p2, e2[k], e1[k]]))
                    area = cv2.contourArea(quad.astype(np.float32))
                    if area < min_area or not cv2.isContourConvex(quad.astype(np.float32)):
                        continue
                    scored.append((float(score[k]), quad, np.array([e1[k], e2[k]])))
    scored.sort(key=lambda x: -x[0])
    out: list[tuple[np.ndarray, np.ndarray]] = []
    for _s, q, faint in scored:
        if all(np.abs(q - o).max() > 4 for o, _f in out):
            out.append((q, faint))
        if len(out) == COMPLETED_QUADS:
            break
    return out


#: Where a guessed side's margin is looked at: small-copy pixels inside it (4-8 mm on an A4
#: sheet filling half the photo; a document's margin is 10-25 mm), and the share of print
#: there from which the side is doubted, and by how much per unit of share. On seeds 0-15 a
#: right side had at most 3% print just inside it; a side through the sheet's own print had
#: up to 60%. Second sheets, seeds 0-31: 302 of 384 right before, 322 after (here and in the
#: judge).
MARGIN_BAND = (5.0, 7.0, 9.0, 11.0)
MARGIN_PRINT = 0.05
MARGIN_DOUBT = 4.0


def _print_doubt(share: np.ndarray) -> np.ndarray:
    """Factor for a side with this share of print just inside it: 1 up to MARGIN_PRINT, down
    to 0.4 (a line through the sheet's text, not its edge)."""
    return np.asarray(np.clip(1.0 - (share - MARGIN_PRINT) * MARGIN_DOUBT, 0.4, 1.0))


def _margin_clear(win: np.ndarray, pts: np.ndarray, inwards: np.ndarray) -> np.ndarray:
    """``_print_doubt`` of candidate sides sampled at ``pts`` (T, k, 2) on the small copy, the
    band looked at lying just inside each, towards ``inwards``."""
    th, tw = win.shape
    band = pts[:, :, None, :] + np.array(MARGIN_BAND)[None, None, :, None] * inwards
    xs = np.clip(band[..., 0], 0, tw - 1).astype(int)
    ys = np.clip(band[..., 1], 0, th - 1).astype(int)
    return _print_doubt((win[ys, xs] > 0).mean(axis=(1, 2)))


#: How far (px of the mid copy) either side of a side its polarity is read, and the least
#: share of the side and the grey step that make it one.
POLARITY_REACH = 12
POLARITY_SHARE = 0.75
POLARITY_STEP = 8.0


def _side_polarity(grey: np.ndarray, base: np.ndarray, n: np.ndarray) -> float:
    """+1 when the sheet is brighter than what lies beyond this side, -1 when darker, 0 when
    it is not one way along the side.

    A printed frame a few pixels inside a card's edge is a dark line with a step down and a
    step up; the step down faces the wrong way and may be the strongest gradient near the
    edge: knowing which way the sheet steps, the fit keeps to the edge.
    """
    h, w = grey.shape
    probe = np.concatenate([base + POLARITY_REACH * n, base - POLARITY_REACH * n])
    xs = np.clip(probe[:, 0], 0, w - 1).astype(np.float32).reshape(-1, 1)
    ys = np.clip(probe[:, 1], 0, h - 1).astype(np.float32).reshape(-1, 1)
    vals = cv2.remap(grey, xs, ys, cv2.INTER_LINEAR).astype(np.float32).ravel()
    step = vals[: len(base)] - vals[len(base) :]
    sign = 1.0 if np.median(step) >= 0 else -1.0
    if np.mean(step * sign > POLARITY_STEP) < POLARITY_SHARE:
        return 0.0
    return sign


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
        along = gxs * n[0] + gys * n[1]
        polarity = _side_polarity(grey, base, n)
        along = along * polarity if polarity else np.abs(along)
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


#: Close refits of a quad at most, and the corner move (px of the mid copy) that ends them.
SETTLE_ROUNDS = 4
SETTLE_MOVE = 0.5


def _settle(
    grey: np.ndarray, gx: np.ndarray, gy: np.ndarray, quad: np.ndarray
) -> tuple[np.ndarray, float]:
    """Refit the quad closely until its corners stop moving; the corners and edge support.

    One close refit only reaches points within a few pixels of the side it starts from: a side
    that came in tilted (its far end pulled onto a clutter block under a card) keeps part of
    its tilt, a corner off by 1–2% with the sheet's edge in full view a few pixels away.
    """
    support = 0.0
    for _ in range(SETTLE_ROUNDS):
        moved, support = _refine(grey, gx, gy, quad, 3.0)
        moved = order_corners(moved)
        done = float(np.abs(moved - quad).max()) < SETTLE_MOVE
        quad = moved
        if done:
            break
    return quad, support


#: How far (px of the mid copy) a faint side's ends are searched either way, and the width of
#: the bands compared on either side of it.
FAINT_REACH = 40
FAINT_BAND = 6
#: Searches of a faint side's ends: one more from where an end went the whole reach (the
#: completion placed it from where the sides seem to end, which can be further off).
FAINT_ROUNDS = 3


def _outwards(side: np.ndarray, inner: np.ndarray) -> np.ndarray | None:
    """The unit normal of the segment ``side`` (2×2) pointing away from ``inner``; None for a
    segment too short to have one."""
    d = side[1] - side[0]
    length = float(np.hypot(*d))
    if length < 10:
        return None
    n = np.array([-d[1], d[0]]) / length
    return -n if np.dot(inner - side.mean(axis=0), n) > 0 else n


def _faint_side_fit(colour: np.ndarray, side: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """The faint side ``side`` (2×2, in ``colour``'s pixels) moved onto the line where the
    surface changes: the tint steps (two sheets seldom share one) and the print density steps
    (the under-sheet's print runs up to the top sheet's edge, whose own margin is clear).

    Each end is moved up to FAINT_REACH px across, independently (the completed side was only
    parallel to the side opposite, and perspective turns it); the line whose bands either side
    differ most, in both cues together (each in units of its own noise), wins; an end that
    went the whole reach is searched again from there. Then ``_tint_polish`` fits it to the
    tint step point by point. ``inner`` is inside the sheet.
    """
    n = _outwards(side, inner)
    if n is None:
        return side
    for k in range(FAINT_ROUNDS):
        moved = _faint_side_step(colour, side, n)
        if moved is None:
            if k == 0:
                return side
            break
        side, at_reach = moved
        if not at_reach:
            break
    return _tint_polish(colour, side, inner)


def _faint_side_step(
    colour: np.ndarray, side: np.ndarray, n: np.ndarray
) -> tuple[np.ndarray, bool] | None:
    """One move of ``_faint_side_fit``: the side with each end moved up to FAINT_REACH px
    along ``n`` (outwards), and whether an end went the whole way (the step may lie further)."""
    d = side[1] - side[0]
    ts = np.linspace(0.04, 0.96, 48)
    base = side[0] + ts[:, None] * d
    reach, band = FAINT_REACH, FAINT_BAND
    offs = np.arange(-reach - band, reach + band + 1, 1.0)
    pts = base[:, None, :] + offs[None, :, None] * n
    chroma = _chromaticity(_sample(colour, pts))
    h, w = colour.shape[:2]
    lo = np.maximum(np.floor(pts.reshape(-1, 2).min(axis=0)).astype(int) - 10, 0)
    hi = np.minimum(np.ceil(pts.reshape(-1, 2).max(axis=0)).astype(int) + 10, [w, h])
    if (hi - lo).min() < 16:
        return None
    roi = cv2.cvtColor(colour[lo[1] : hi[1], lo[0] : hi[0]], cv2.COLOR_BGR2GRAY)
    hat = cv2.morphologyEx(roi, cv2.MORPH_BLACKHAT, np.ones((9, 9), np.uint8))
    ink = _remap_points((hat > 30).astype(np.float32), pts[..., 0] - lo[0], pts[..., 1] - lo[1])
    centres = np.arange(-reach, reach + 1)
    at = centres + reach + band

    def steps(prof: np.ndarray) -> np.ndarray:
        """Mean of the band outside minus the band inside, per point and centre offset."""
        cs = np.concatenate([np.zeros_like(prof[:, :1]), np.cumsum(prof, axis=1)], axis=1)
        return ((cs[:, at + band + 1] - cs[:, at + 1]) - (cs[:, at] - cs[:, at - band])) / band

    tint = steps(chroma)
    mean = tint.mean(axis=0)
    way = mean[int(np.argmax(np.linalg.norm(mean, axis=1)))]
    cues = (tint @ (way / max(float(np.linalg.norm(way)), 1e-9)), steps(ink))
    # every line from one end's offset to the other's, as an offset per point
    c0, c1 = centres[:, None, None], centres[None, :, None]
    idx = np.rint(c0 + (c1 - c0) * ts[None, None, :]).astype(int) + reach
    k = np.arange(len(ts))[None, None, :]
    score = sum(
        cue[k, idx].mean(axis=-1) / (float(np.std(cue)) / math.sqrt(len(ts)) + 1e-9) for cue in cues
    )
    i0, i1 = np.unravel_index(int(np.argmax(score)), np.shape(score))
    ends = (int(centres[i0]), int(centres[i1]))
    return side + np.outer(ends, n), max(abs(e) for e in ends) >= reach


def _tint_polish(colour: np.ndarray, side: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """``side`` fitted point by point onto its chromaticity step nearby.

    At points along the side the tint is compared 2 px to either side at offsets up to ±12 px
    across; each point takes the offset where it steps most the way the whole side does, and
    a robust line through those points is the side.
    """
    n = _outwards(side, inner)
    if n is None:
        return side
    d = side[1] - side[0]
    base = side[0] + np.linspace(0.06, 0.94, 40)[:, None] * d
    offs = np.arange(-12.0, 12.5, 0.5)
    pts = base[:, None, :] + offs[None, :, None] * n
    out = _sample(colour, pts + 2.0 * n)
    inn = _sample(colour, pts - 2.0 * n)
    chroma = _chromaticity(out) - _chromaticity(inn)
    # the channel and sign of the side's step, from the whole side at the found position
    mid = chroma[:, len(offs) // 2, :].mean(axis=0)
    c = int(np.argmax(np.abs(mid)))
    step = chroma[..., c] * np.sign(mid[c])
    best = step.argmax(axis=1)
    good = step[np.arange(len(base)), best] > 0.5 * float(np.abs(mid[c]))
    if good.sum() < 10:
        return side
    on = base[good] + offs[best[good]][:, None] * n
    vx, vy, x0, y0 = cv2.fitLine(on.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
    v, p0 = np.array([vx, vy]), np.array([x0, y0])
    return np.array([p0 + np.dot(q - p0, v) * v for q in side])


def _keep_side(quad: np.ndarray, side: np.ndarray) -> tuple[np.ndarray, int | None]:
    """``quad`` with the side nearest the segment ``side`` (2×2) put back on that segment's
    line, its ends where the neighbouring sides' lines cross it; and that side's index (the
    side from corner i to corner i+1)."""
    ends = [int(np.argmin(np.linalg.norm(quad - p, axis=1))) for p in side]
    if ends[0] == ends[1] or (ends[1] - ends[0]) % 4 not in (1, 3):
        return quad, None
    i = ends[0] if (ends[1] - ends[0]) % 4 == 1 else ends[1]
    j = (i + 1) % 4
    out = quad.copy()
    d = side[1] - side[0]
    for corner, neighbour in ((i, (i - 1) % 4), (j, (j + 1) % 4)):
        e = quad[corner] - quad[neighbour]
        m = np.array([d, -e]).T
        if abs(np.linalg.det(m)) < 1e-6:
            return quad, None
        t = np.linalg.solve(m, quad[neighbour] - side[0])
        out[corner] = side[0] + t[0] * d
    return out, i


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
    by a few grey levels only and never reaches the strong edge map). When still nothing is
    trusted, quads are completed from three sides among the strong lines or the faint ones, and
    a fourth found where tint and print density change (``_completed_quads``,
    ``_faint_side_fit``); such a quad is capped below ASK_CLERK_BELOW, so the clerk looks.
    """
    mid, s_mid = _resize_long(image, REFINE_LONG, cv2.INTER_LINEAR)
    small, s_small = _resize_long(mid, WORK_LONG, cv2.INTER_LINEAR)
    s_small *= s_mid
    grey_mid = cv2.GaussianBlur(cv2.cvtColor(mid, cv2.COLOR_BGR2GRAY), (3, 3), 0)
    gx = cv2.Sobel(grey_mid, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(grey_mid, cv2.CV_32F, 0, 1, ksize=3)
    area = float(small.shape[0] * small.shape[1])
    text = _text_mask(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY))
    printed = cv2.dilate(text, np.ones((3, 3), np.uint8))  # for the completed quads' margins
    image_size = (image.shape[1], image.shape[0])
    seen: list[np.ndarray] = []

    def best_of(
        above: PageQuad | None,
        quads: list[np.ndarray],
        method: str,
        fresh: bool = True,
        faint: list[np.ndarray] | None = None,
        cap: float = 1.0,
    ) -> PageQuad | None:
        """The surest of ``quads`` once refined and judged, if surer than ``above``; else
        ``above``."""
        # ranked by confidence, then by the score under the cap: quads capped alike still
        # differ in how sure they are
        best, best_raw = above, (above.confidence if above is not None else -1.0)
        for k, quad in enumerate(quads):
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
            refined, support2 = _settle(grey_mid, gx, gy, refined)
            faint_side = None
            if faint is not None:
                # the faint side was placed by its colour step; refining it on grey would pull
                # it onto the print nearby: keep its line, move its ends onto the refined sides
                side = _faint_side_fit(mid, faint[k] * (s_mid / s_small), refined.mean(axis=0))
                refined, faint_side = _keep_side(refined, side)
            base = float(min(1.0, 0.7 * support2 + 0.3 * shape + 0.1 * support))
            if best is not None and (min(cap, base), base) <= (best.confidence, best_raw):
                continue
            corners = refined / s_mid
            judged = judge_quad(
                grey_mid,
                gx,
                gy,
                refined,
                text,
                s_small / s_mid,
                page_aspect(corners, image_size),
                faint_side,
                mid,
            )
            raw = base * judged
            if faint is not None:
                raw *= GUESSED if looks_a4(corners, image_size) else GUESSED * GUESSED_NOT_A4
            if best is None or (min(cap, raw), raw) > (best.confidence, best_raw):
                best, best_raw = PageQuad(corners, min(cap, raw), method), raw
        return best

    best: PageQuad | None = None

    for method, mask in _masks(small):
        if best is not None and best.confidence >= SURE:
            break
        best = best_of(best, _quads(mask, MIN_AREA * area), method)
    strong = weak = None
    if best is None or best.confidence < SURE:
        strong = _hough_lines(small)
        best = best_of(best, _line_quads(strong, MIN_AREA * area), "lines")
    if best is None or best.confidence < SURE:
        weak = _hough_lines(small, weak=True)
        best = best_of(best, _line_quads(weak, MIN_AREA * area), "weak-lines")
    if best is not None and best.confidence < SURE:
        # a printed frame just inside the edge (a licence's border) can hold the sides: try
        # the quad grown step by step; the sheet's own edge, a real step, wins when it is there
        found = best
        c0 = found.corners * s_small
        centre = c0.mean(axis=0)
        grown = [centre + (c0 - centre) * g for g in GROW]
        best = best_of(best, grown, found.method + "+grown", False)
    if strong is not None and (best is None or best.confidence < MIN_CONFIDENCE):
        # one side found by a faint cue only: never sure enough to pass without the clerk. The
        # three sides come from the strong lines, or (a sheet on a pale desk) the faint ones
        completed = [
            c
            for lines in (strong, weak)
            if lines is not None
            for c in _completed_quads(lines, small, MIN_AREA * area, printed)
        ]
        if best is not None and best.confidence >= UNSURE_QUAD:
            # a quad seen on all four sides, unsure as it is, beats one guessed near it; one
            # too unsure to be used at all (the whole photo would come out) does not
            c0 = best.corners * s_small
            reach = 0.08 * float(np.hypot(*(c0[2] - c0[0])))
            completed = [(q, f) for q, f in completed if np.abs(q - c0).max() > reach]
        best = best_of(
            best,
            [q for q, _f in completed],
            "completed",
            faint=[f for _q, f in completed],
            cap=GUESSED * COMPLETED_CONFIDENCE,
        )
    if best is not None and not best.method.startswith("completed"):
        c0 = best.corners * s_small
        large = cv2.contourArea(c0.astype(np.float32)) > LARGE_SHARE * area
        if large and not looks_a4(best.corners, image_size):
            # a large quad of no paper size is often a sheet and a strip of the sheet under it:
            # an A4 quad inside it, on three of its sides, with a tint step for the fourth,
            # is the sheet (the clerk is asked either way)
            lines = strong if strong is not None else _hough_lines(small)
            diag = float(np.hypot(*(c0[2] - c0[0])))
            inner = [
                (q, f)
                for q, f in _completed_quads(lines, small, MIN_AREA * area, printed)
                if looks_a4(q / s_small, image_size)
                and sum(float(np.min(np.linalg.norm(c0 - c, axis=1))) < 0.02 * diag for c in q) >= 2
                and all(
                    cv2.pointPolygonTest(c0.astype(np.float32), (float(x), float(y)), True)
                    > -0.01 * diag
                    for x, y in q
                )
            ]
            sheet = best_of(
                None, [q for q, _f in inner], "completed", False, [f for _q, f in inner]
            )
            if sheet is not None and sheet.confidence >= UNSURE_QUAD:
                best = PageQuad(
                    sheet.corners, min(sheet.confidence, COMPLETED_CONFIDENCE), sheet.method
                )
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


def _band(
    mask: np.ndarray, base: np.ndarray, n: np.ndarray, offs: np.ndarray, to_small: float
) -> tuple[np.ndarray, np.ndarray]:
    """``mask`` (small copy) at the points ``base`` (full-size pixels) moved by each of
    ``offs`` along ``n``, one row per offset (False off the picture), and which points are on
    the picture."""
    pts = (base[None, :, :] + n[None, None, :] * offs[:, None, None]).reshape(-1, 2) * to_small
    th, tw = mask.shape
    inb = (pts[:, 0] >= 0) & (pts[:, 0] < tw) & (pts[:, 1] >= 0) & (pts[:, 1] < th)
    hits = np.zeros(len(pts), bool)
    hits[inb] = mask[pts[inb, 1].astype(int), pts[inb, 0].astype(int)] > 0
    return hits.reshape(len(offs), -1), inb


def _band_share(
    mask: np.ndarray, base: np.ndarray, n: np.ndarray, offs: np.ndarray, to_small: float
) -> float | None:
    """The share of the band (see ``_band``) on the picture that ``mask`` marks; None when
    hardly any of it is on the picture."""
    hits, inb = _band(mask, base, n, offs, to_small)
    return float(hits.ravel()[inb].mean()) if inb.sum() > 20 else None


def judge_quad(
    grey: np.ndarray,
    gx: np.ndarray,
    gy: np.ndarray,
    quad: np.ndarray,
    text_small: np.ndarray,
    to_small: float,
    aspect: float,
    faint_side: int | None = None,
    colour: np.ndarray | None = None,
) -> float:
    """A 0–1 factor on a refined quad's confidence: is this a sheet, or a shadow or a table edge?

    * aspect: near a known paper/card size (``aspect_plausibility``);
    * a step: paper on one side, background on the other (a printed frame is a ridge);
    * sharpness: a sheet's edge steps within a pixel or two, a shadow's penumbra does not;
    * run-on: a side whose step continues past both its corners is a line across the photo
      (a shadow, a table's edge), not a sheet's side;
    * text outside: print just outside a side, or running across it, means the sheet goes on
      (the side is a shadow's edge or a second sheet's);
    * the frame: a side lying on the photo's own edge is where the photo ends, not the sheet
      (a sheet half out of the picture, often the second sheet beside the page).

    ``faint_side`` (the side from corner i to i+1) was found by its colour step against a
    second sheet: it has no grey step and the other sheet's print lies beyond it, so only its
    run-on is judged. With ``colour`` (the BGR image ``grey`` came from) a side without a grey
    step that steps in tint all along is taken as such a side too. A quad with a side seen by
    its tint alone is never sure: its factor stays under COMPLETED_CONFIDENCE (a completed quad,
    ``faint_side`` given, is capped by the caller instead: once). So is a side with the quad's
    paper inside it that steps a few grey levels all along (a slightly darker second sheet) or
    only near its corners (on the desk there, on a second sheet between).
    """
    tinted = False
    faint_sides: set[int] = set()
    h, w = grey.shape
    factor = aspect_plausibility(aspect)
    # the quad's paper: the bright half of its inside (print is dark, and sparse)
    centre = quad.mean(axis=0)
    inner = centre + (quad[:, None, :] - centre) * np.linspace(0.1, 0.8, 8)[None, :, None]
    paper = float(np.percentile(_remap_points(grey, inner[..., 0], inner[..., 1]), 75))
    sharp_scores = []
    crossings: list[float] = []
    runs_on = 0
    win = cv2.dilate(text_small, np.ones((3, 3), np.uint8))
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
        far = _across(prof)
        ok = np.abs(far) > 12
        if i != faint_side and ok.mean() < 0.5 and colour is not None:
            # a white sheet on another steps in tint, not in grey, where it lies on it
            tint = _tint_steps(colour, base, n)
            if tint.mean() >= 0.2 and (tint | ok).mean() >= 0.5:
                faint_sides.add(i)
        if i == faint_side or i in faint_sides:
            ok = np.zeros_like(ok)
            tinted = True
            # a side seen by its tint alone is the sheet's edge only with the margin inside it
            margin = _band_share(win, base, n, np.array(MARGIN_BAND) / to_small, to_small)
            if margin is not None:
                factor *= float(_print_doubt(np.asarray(margin)))
        elif (
            ok.mean() < 0.5
            and float(np.median(prof[:, -3:])) >= PAPER_SHARE * paper
            and (_faint_grey_step(far, prof) or _steps_at_its_ends(ok, far, prof))
        ):
            # the side lies on a second sheet (paper onto paper, its print beyond), a few grey
            # levels darker, or all but near its corners: judged by what steps, never sure
            faint_sides.add(i)
            tinted = True
        elif ok.mean() < 0.5:
            # no step from one side to the other: a printed line or frame, not the sheet's edge
            factor *= 0.4
        if ok.sum() >= 6:
            steepest = np.abs(np.diff(prof[ok], axis=1)).max(axis=1)
            sharp_scores.append(float(np.median(steepest / np.abs(far[ok]))))
        # run-on: the same step beyond both corners, along the side's own line. The same in
        # grey levels (a table's edge), or in ratio (a shadow's edge: it darkens the desk
        # beyond the sheet by the share it darkens the paper, by far fewer grey levels)
        sign = 1.0 if np.median(far) >= 0 else -1.0
        ratio = abs(float(np.median(np.log(_lit(prof[:, -1]) / _lit(prof[:, 0])))))
        beyond = []
        for end, direction in ((q, t), (p, -t)):
            ext = end[None, :] + np.linspace(0.06, 0.25, 12)[:, None] * length * direction[None, :]
            inside = (ext[:, 0] > 8) & (ext[:, 0] < w - 8) & (ext[:, 1] > 8) & (ext[:, 1] < h - 8)
            if inside.sum() < 6:
                beyond.append(False)
                continue
            ext = ext[inside]
            ins, outs = at(ext + 7 * n), at(ext - 7 * n)
            step = (ins - outs) * sign
            steps = np.mean(step > max(12.0, 0.4 * abs(float(np.median(far))))) > 0.7
            shaded = np.log(_lit(ins) / _lit(outs)) * sign
            beyond.append(bool(steps or np.mean(shaded > max(RUN_ON_RATIO, 0.5 * ratio)) > 0.7))
        if all(beyond):
            runs_on += 1
        # text just outside this side (small copy): the sheet goes on past it. Unless this is
        # a sheet lying on another sheet's print: its own margin, just inside, is clear, and
        # where no print is near, the side is one clean step (paper onto paper), which a cut
        # through the sheet between two lines of its text is not
        outside_text = _band_share(win, base, -n, np.linspace(6, 40, 8), to_small)
        if outside_text is not None and i != faint_side and i not in faint_sides:
            inside_text = _band_share(win, base, n, np.linspace(15, 60, 8), to_small) or 0.0
            margin_text = _band_share(win, base, n, np.linspace(6, 20, 5), to_small) or 0.0
            clean = ~_band(win, base, n, np.arange(-10.0, 11.0, 2.0), to_small)[0].any(axis=0)
            steps = clean.sum() >= 6 and bool(np.mean(far[clean] * sign > 8) >= 0.8)
            cuts = not steps or margin_text > 0.25 * outside_text
            on = _band(text_small, base, n, np.arange(-3.0, 4.0), to_small)[0]
            crossings.append(float(on.any(axis=0).mean()) if cuts else 0.0)
            if cuts and outside_text > 0.08 and outside_text > 0.3 * inside_text:
                factor *= 0.5
    # print running across one side, not across the others (a textured desk marks them all):
    # the side cuts through the sheet, which goes on
    if len(crossings) == 4:
        for k, c in enumerate(crossings):
            others = sorted(crossings[:k] + crossings[k + 1 :])
            if c > 0.15 and c > 2.0 * others[1] + 0.05:
                factor *= 0.5
    if _on_frame(quad, w, h):
        factor *= CUT_BY_FRAME
    if sharp_scores:
        sharp = min(sharp_scores)
        factor *= float(np.clip((sharp - 0.08) / 0.12, 0.4, 1.0))
    factor *= 0.55**runs_on
    if colour is not None and _takes_in_desk(colour, quad):
        factor *= 0.4
    if tinted and faint_side is None:
        # (a completed quad, with its faint side given, is capped by its caller: not twice)
        factor = min(factor, COMPLETED_CONFIDENCE)
    return float(factor)


#: A side this close to the photo's edge (share of the photo's long side) lies on it.
ON_FRAME = 0.005
#: Factor for a quad with a side on the photo's edge: the sheet may go on out of the picture
#: (a second sheet cut by the frame came out at 0.77, aspect 2.31 taken for a receipt's).
CUT_BY_FRAME = 0.5


def _on_frame(quad: np.ndarray, w: int, h: int) -> bool:
    """Whether one side of ``quad`` runs along an edge of the w×h photo."""
    tol = ON_FRAME * max(w, h)
    ends = np.stack([quad, np.roll(quad, -1, axis=0)], axis=1)  # (4 sides, 2 ends, xy)
    for axis, edge in ((0, 0.0), (0, w - 1.0), (1, 0.0), (1, h - 1.0)):
        if (np.abs(ends[:, :, axis] - edge) <= tol).all(axis=1).any():
            return True
    return False


#: The least step in log brightness taken for a shadow's edge running on past a side's end
#: (a tenth of the brightness and more; the desk's own grain stays well under it).
RUN_ON_RATIO = 0.15


def _lit(grey: np.ndarray) -> np.ndarray:
    """Grey levels as brightness for a ratio: a near-black desk's noise would swing ratios."""
    return np.maximum(grey, 16.0)


#: A desk this even (grey levels, end to end) a few pixels out is flat: no print, no edge.
FLAT_DESK = 10.0


def _across(prof: np.ndarray) -> np.ndarray:
    """The step across a side at each sample, from its profile (offsets -8..+8, inwards).

    Read from end to end, except where the outside is flat desk and the inside is level paper
    all along 3-5 px in: there the inside is read at that plateau. A frame printed just inside a
    licence's edge lands under the far inner probe and takes the step away (the side was judged
    a printed line); a printed line or a sheet's shadowed edge under the side is a dip, which
    comes back to the outside's level within those pixels.
    """
    far = prof[:, -1] - prof[:, 0]
    plateau = prof[:, 11:14] - prof[:, :1]
    flat = np.ptp(prof[:, :6], axis=1) < FLAT_DESK
    steps = (plateau > 12).all(axis=1) | (plateau < -12).all(axis=1)
    level = np.abs(plateau).min(axis=1) >= 0.5 * np.abs(plateau).max(axis=1)
    return np.where(flat & steps & level, np.median(plateau, axis=1), far)


#: A side taken to lie on a second sheet has the quad's paper just inside it: at least this
#: share of its brightness (a table's edge beyond a strip of desk is no sheet's side).
PAPER_SHARE = 0.8
#: The least step, in grey levels, taken for paper on a slightly darker second sheet.
FAINT_GREY = 4.0
#: The share of a side's samples that must step so, the same way (print interrupts the rest).
FAINT_GREY_SHARE = 0.75


def _faint_grey_step(far: np.ndarray, prof: np.ndarray) -> bool:
    """Whether a side steps by a few grey levels the same way nearly all along (``far``: the
    step across it at each sample, ``prof`` the profiles, outside first), and at one place
    across it: a sheet on a second, slightly darker one. A line cut through the page between
    lines of its print does not step at all; across the shading of a curled page or uneven
    light the grey changes as much, but gradually."""
    sign = 1.0 if float(np.median(far)) >= 0 else -1.0
    if np.mean(far * sign > FAINT_GREY) < FAINT_GREY_SHARE:
        return False
    mean = np.median(prof, axis=0) * sign
    total = float(mean[-1] - mean[0])
    return total > FAINT_GREY and float((mean[3:] - mean[:-3]).max()) >= 0.6 * total


#: The least share of a side's samples, on runs from its corners, that must step for it to be
#: taken as lying partly on a second sheet.
PARTIAL_STEP = 0.25


def _steps_at_its_ends(ok: np.ndarray, far: np.ndarray, prof: np.ndarray) -> bool:
    """Whether a side steps (``ok``, with ``far`` the step, ``prof`` the profiles across it,
    outside first) only on runs from its ends, the same way on both, with the same paper inside
    where it steps and where it does not: a sheet's side that runs on the desk near its corners
    and on a second sheet lying under or beside it between. A line cut through the page between
    lines of its print steps nowhere; a shadow's edge or a table's all along."""
    n = len(ok)
    lead = int(np.argmin(ok)) if not ok.all() else n
    trail = int(np.argmin(ok[::-1])) if not ok.all() else n
    if lead + trail < PARTIAL_STEP * n or ok[lead : n - trail].sum() > 1:
        return False
    ends = np.zeros(n, bool)
    ends[:lead] = True
    ends[n - trail :] = True
    if not (np.all(far[ends] > 0) or np.all(far[ends] < 0)):
        return False
    inside = prof[:, -3:].mean(axis=1)
    return abs(float(np.median(inside[ends])) - float(np.median(inside[~ends]))) < 25


def _chromaticity(bgr: np.ndarray) -> np.ndarray:
    """Tint, (B−G, R−G) over brightness: 0 for grey of any brightness, so print, a grey
    photo box or a shadow leave it alone."""
    bgr = np.asarray(bgr, np.float32)
    total = bgr.sum(axis=-1, keepdims=True) + 30.0
    return np.concatenate([bgr[..., :1] - bgr[..., 1:2], bgr[..., 2:3] - bgr[..., 1:2]], -1) / total


def _takes_in_desk(colour: np.ndarray, quad: np.ndarray) -> bool:
    """Whether desk lies just inside a side: the quad took in a wedge of desk (a side on a
    second sheet's edge that is not this sheet's). Judged by tint, which a shadow leaves
    alone, and only where desk and paper differ in tint (a green mat, wood, cloth)."""
    centre = quad.mean(axis=0)
    inner = np.concatenate(
        [
            centre + (quad - centre) * f + (np.roll(quad, -1, axis=0) - quad) * g
            for f in (0.3, 0.6)
            for g in (0.2, 0.5, 0.8)
        ]
    )
    paper = np.median(_chromaticity(_sample(colour, inner)), axis=0)
    bands_in, bands_out = [], []
    for i in range(4):
        p, q = quad[i], quad[(i + 1) % 4]
        d = q - p
        length = float(np.hypot(*d))
        if length < 8:
            return False
        n = np.array([-d[1], d[0]]) / length
        if np.dot(centre - (p + q) / 2, n) < 0:
            n = -n
        base = p + np.linspace(0.05, 0.95, 30)[:, None] * d
        # two depths: a wedge of desk is wide, a printed frame (a licence's border) is thin
        bands_in.append(
            _chromaticity(_sample(colour, base[None] + np.array([8.0, 16.0])[:, None, None] * n))
        )
        bands_out.append(_chromaticity(_sample(colour, base - 10.0 * n)))
    desk = np.median(np.concatenate(bands_out), axis=0)
    if float(np.linalg.norm(desk - paper)) < 0.03:
        return False
    for band in bands_in:
        desk_like = np.linalg.norm(band - desk, axis=-1) < np.linalg.norm(band - paper, axis=-1)
        if desk_like.all(axis=0).mean() > 0.2:
            return True
    return False


def _tint_steps(colour: np.ndarray, base: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Which points along the side at ``base`` (normal ``n``, inwards) step in tint the way the
    side does as a whole, when it does so clearly: print is grey on either sheet and leaves
    the tint alone, and two sheets seldom share a tint."""
    diff = _chromaticity(_sample(colour, base - 4.0 * n)) - _chromaticity(
        _sample(colour, base + 4.0 * n)
    )
    # the side's step: the larger of the mean over all points and over the half that steps
    strongest = diff[np.argsort(-np.linalg.norm(diff, axis=1))[: max(3, len(diff) // 2)]]
    way = strongest.mean(axis=0)
    size = float(np.linalg.norm(way))
    along = diff @ (way / max(size, 1e-9))
    spread = float(np.std(along[along > 0.5 * size])) if (along > 0.5 * size).sum() > 2 else 1.0
    if not 0.006 <= size <= PALE_TINT or size / (spread / math.sqrt(len(strongest)) + 0.002) < 5:
        return np.zeros(len(base), bool)
    return np.asarray(along > 0.5 * size)


def page_aspect(corners: np.ndarray, image_size: tuple[int, int] | None = None) -> float:
    """Long/short ratio of the sheet photographed at ``corners`` (TL, TR, BR, BL).

    With the image size known, the perspective is undone the way Zhang and He's whiteboard
    scanner does it: the focal length is estimated from the quad (or, when the sides are too
    near parallel to tell, taken as a phone camera's, 0.8 of the image diagonal) and the true
    width/height ratio follows. Without it, the mean opposite side lengths are used, and so
    they are for a document covering under SMALL_SHARE of the photo: on a small quad the
    estimate is ill-conditioned (it put ID cards, 1.59, anywhere from 1.27 to 1.92 on corners
    right to 0.2%: one in five taken for A4 and stretched, others squeezed on the page).
    """
    c = np.asarray(corners, float)
    top, bottom = np.linalg.norm(c[1] - c[0]), np.linalg.norm(c[2] - c[3])
    left, right = np.linalg.norm(c[3] - c[0]), np.linalg.norm(c[2] - c[1])
    w, h = (top + bottom) / 2, (left + right) / 2
    naive = float(max(w, h) / max(float(min(w, h)), 1.0))
    if image_size is None:
        return naive
    if cv2.contourArea(c.astype(np.float32)) < SMALL_SHARE * image_size[0] * image_size[1]:
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
