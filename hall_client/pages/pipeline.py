"""One page from photo or scan to a compliant JPEG: the API the CLI and the GUI call.

``prepare_image`` takes pixels (a numpy BGR array) or a path, and optional corners from the
caller (the GUI's drag-the-corners); it returns the corners it used, a confidence, warnings and
the encoded page. ``prepare_batch`` runs many files in this process with a progress callback
and a cancel flag (anything with ``is_set()``, such as ``threading.Event``); the command line
runs ``prepare_file`` in a process pool instead. Nothing here imports Qt or the rest of the
program.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from hall_client.pages.confidence import ASK_CLERK_BELOW, UPRIGHT_UNSURE_BELOW, page_confidence
from hall_client.pages.decode import SourceImage, read_file
from hall_client.pages.detect import (
    A4,
    A4_TOLERANCE,
    LARGE_SHARE,
    MIN_CONFIDENCE,
    UNSURE_QUAD,
    aspect_plausibility,
    deskew_angle,
    find_page,
    looks_a4,
    order_corners,
    page_aspect,
    warp,
)
from hall_client.pages.encode import DEFAULT_ENCODER, EncodedPage, encode_to_cap
from hall_client.pages.enhance import clean_page
from hall_client.pages.errors import Cancelled, PageError
from hall_client.pages.orient import find_orientation, rotate_page
from hall_client.pages.profiles import PageProfile

#: White margin around a non-A4 document placed on an A4 page.
MARGIN = 0.04

Corners = Sequence[Sequence[float]]


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class PageOptions:
    """Switches for one run; defaults suit photos from a document camera or a phone."""

    encoder: str = DEFAULT_ENCODER
    find_edges: bool = True
    fix_orientation: bool = True
    clean: bool = True
    colour: bool | None = None  # None: decide by content
    keep_preview: bool = False


@dataclass
class PreparedPage:
    """A finished page and everything the clerk (or GUI) may want to know about it.

    ``corners`` are in the source image's pixels (full size, after EXIF orientation), in the
    order top-left, top-right, bottom-right, bottom-left of the sheet as photographed.
    ``rotation`` is the clockwise turn applied to make the text upright. ``confidence`` is
    the page's (``confidence.page_confidence``: the lesser of ``edge_confidence`` and the
    upright confidence on the same scale); the GUI asks the clerk below ASK_CLERK_BELOW.
    """

    source: str
    index: int
    encoded: EncodedPage
    corners: list[list[float]]
    confidence: float
    method: str
    rotation: int
    rotation_confidence: float
    blank: bool
    warnings: list[str] = field(default_factory=list)
    preview: np.ndarray | None = None
    edge_confidence: float | None = None

    @property
    def label(self) -> str:
        return self.source if self.index == 0 else f"{self.source}#{self.index + 1}"

    def as_dict(self) -> dict[str, object]:
        e = self.encoded
        return {
            "source": self.source,
            "page": self.index + 1,
            "width": e.width,
            "height": e.height,
            "bytes": e.size,
            "quality": e.quality,
            "colour": e.colour,
            "encoder": e.encoder,
            "corners": self.corners,
            "confidence": round(self.confidence, 3),
            "edge_confidence": round(
                self.confidence if self.edge_confidence is None else self.edge_confidence, 3
            ),
            "method": self.method,
            "rotation": self.rotation,
            "rotation_confidence": self.rotation_confidence,
            "blank": self.blank,
            "warnings": self.warnings,
        }


def _place_on_a4(page: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``page`` scaled to fit an A4 canvas of ``size`` (w, h) with margins, centred on white."""
    cw, ch = size
    h, w = page.shape[:2]
    s = min(cw * (1 - 2 * MARGIN) / w, ch * (1 - 2 * MARGIN) / h)
    nw, nh = max(1, round(w * s)), max(1, round(h * s))
    scaled = cv2.resize(page, (nw, nh), interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
    canvas = np.full((ch, cw, *page.shape[2:]), 255, np.uint8)
    x, y = (cw - nw) // 2, (ch - nh) // 2
    canvas[y : y + nh, x : x + nw] = scaled
    return canvas


#: Share of the sheet's diagonal the warp pulls detected corners inwards.
HALO_INSET = 0.004
#: A large quad (detect.LARGE_SHARE) that is not A4 is asked about at this confidence (just
#: under ASK_CLERK_BELOW).
NOT_A4_CONFIDENCE = 0.7
#: Confidence of a page taken whole because it is a flat scan (white all round its border).
SCAN_CONFIDENCE = 0.9


def _inset(quad: np.ndarray, share: float) -> np.ndarray:
    c = quad.mean(axis=0)
    diag = float(np.linalg.norm(quad[2] - quad[0]))
    d = c[None, :] - quad
    return quad + d / np.linalg.norm(d, axis=1)[:, None] * share * diag


def _is_flat_scan(img: np.ndarray) -> bool:
    """White paper all round the border: a scan or a PDF page, already cropped."""
    grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img
    b = max(2, min(grey.shape) // 50)
    ring = np.concatenate(
        [grey[:b].ravel(), grey[-b:].ravel(), grey[:, :b].ravel(), grey[:, -b:].ravel()]
    )
    return float(np.percentile(ring, 10)) > 200


def _deskewed_frame(img: np.ndarray, frame: np.ndarray) -> tuple[np.ndarray, float]:
    """``frame`` (the whole photo) turned by the text's skew, and the skew in degrees.

    Warping the turned frame flat straightens the page in the one resampling that also scales
    it: rotating the full photo first cost 50 ms more on an 8 MP scan and blurred it twice.
    """
    angle = deskew_angle(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    if abs(angle) < 0.2:
        return frame, 0.0
    h, w = img.shape[:2]
    back = cv2.invertAffineTransform(cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0))
    return frame @ back[:, :2].T + back[:, 2], angle


def prepare_source(
    src: SourceImage,
    profile: PageProfile,
    corners: Corners | None = None,
    options: PageOptions | None = None,
) -> PreparedPage:
    """Find, flatten, turn upright, clean and encode one decoded page."""
    opts = options or PageOptions()
    img = src.pixels
    if img.ndim == 2:
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    warnings = list(src.warnings)
    h, w = img.shape[:2]
    whole = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], float)
    if corners is not None:
        quad = order_corners(np.asarray(corners, float) / src.scale)
        confidence, method = 1.0, "caller"
    else:
        found = find_page(img) if opts.find_edges else None
        if found is not None and found.confidence >= MIN_CONFIDENCE:
            quad, confidence, method = found.corners, found.confidence, found.method
        elif opts.find_edges and _is_flat_scan(img):
            quad, confidence, method = whole, SCAN_CONFIDENCE, "whole"
        elif found is not None and found.confidence >= UNSURE_QUAD:
            # not sure, but a photo with a sheet in it: its best quad is nearer the truth than
            # the whole photo, and the clerk is asked to check the corners either way
            quad, confidence, method = found.corners, found.confidence, found.method
        else:
            quad, confidence, method = whole, found.confidence if found else 0.0, "whole"
            if opts.find_edges:
                warnings.append("未找到纸张边缘，按已裁切的扫描件处理（可手动调整四角）")
    framed = quad  # what is warped flat: the quad, or the whole photo turned by its skew
    if method == "whole":
        framed, angle = _deskewed_frame(img, whole)
        if angle:
            warnings.append(f"已纠正倾斜 {angle:.1f}°")
    short_px, long_px = profile.largest_size()
    aspect = page_aspect(quad, (w, h)) if method != "whole" else page_aspect(quad)
    # Either estimate saying A4 makes it A4 (``looks_a4``): an A4 page set on A4 with margins
    # at a wrong aspect is squeezed and shrunk, the worst pages of the synthetic set (SSIM
    # 0.61-0.73 against the flat page).
    is_a4 = looks_a4(quad, (w, h)) if method != "whole" else looks_a4(quad)
    if is_a4 and abs(aspect / A4 - 1) > A4_TOLERANCE:
        aspect = page_aspect(quad)
    c = quad
    quad_w = (np.linalg.norm(c[1] - c[0]) + np.linalg.norm(c[2] - c[3])) / 2
    quad_h = (np.linalg.norm(c[3] - c[0]) + np.linalg.norm(c[2] - c[1])) / 2
    portrait = quad_h >= quad_w
    if is_a4:
        size = (short_px, long_px) if portrait else (long_px, short_px)
    else:
        other = round(long_px / aspect)
        size = (other, long_px) if portrait else (long_px, other)
    # Detected corners sit on the edge to within a pixel or two; pull them in a little so
    # no sliver of desk (a dark halo round a small card) reaches the page.
    pulled = not is_a4 and method not in ("caller", "whole")
    flat = warp(img, _inset(quad, HALO_INSET) if pulled else framed, size)
    grey = None  # the page in grey, when cleaning made it anyway
    if opts.clean:
        cleaned = clean_page(flat, opts.colour)
        page, colour, blank, grey = cleaned.pixels, cleaned.colour, cleaned.blank, cleaned.grey
    else:
        page, colour, blank = flat, bool(opts.colour), False
    rotation, rot_conf = 0, 1.0
    if opts.fix_orientation and not blank:
        o = find_orientation(page if grey is None else grey)
        rotation, rot_conf = o.rotate, o.confidence
        page = rotate_page(page, rotation)
        if rot_conf < UPRIGHT_UNSURE_BELOW:
            warnings.append("无法可靠判断文字方向，请核对页面是否正立")
    if not is_a4:
        fh, fw = page.shape[:2]
        canvas = (long_px, short_px) if fw > fh else (short_px, long_px)
        page = _place_on_a4(page, canvas)
        warnings.append(f"材料长宽比 {aspect:.2f} 不是 A4，已按原比例放在 A4 页面上")
    if blank:
        warnings.append("疑似空白页，请核对（未删除）")
    large = cv2.contourArea(quad.astype(np.float32)) > LARGE_SHARE * w * h
    if method not in ("caller", "whole") and large and not is_a4 and confidence >= ASK_CLERK_BELOW:
        # a sheet filling much of the photo at the counter is an A4 page nearly always: a large
        # quad of another shape is more often part of a page, or two sheets, than a whole page
        confidence = min(confidence, NOT_A4_CONFIDENCE)
        warnings.append(f"纸张长宽比 {aspect:.2f} 不是 A4，请核对四角是否框住整页")
    elif method != "caller" and confidence < ASK_CLERK_BELOW:
        warnings.append(f"纸张边缘置信度较低（{confidence:.2f}），请核对四角")
    edge_confidence = float(confidence)
    if method != "caller":
        # the clerk who set the corners saw the page; otherwise an unsure turn asks the clerk
        confidence = page_confidence(edge_confidence, rot_conf)
    if method not in ("caller", "whole") and aspect_plausibility(aspect) < 1.0:
        warnings.append(f"长宽比 {aspect:.2f} 不像常见纸张或证件，请核对四角")
    encoded = encode_to_cap(page, profile, colour=colour, encoder=opts.encoder)
    full_corners = [
        [round(float(x) * src.scale, 1), round(float(y) * src.scale, 1)] for x, y in quad
    ]
    return PreparedPage(
        src.source,
        src.index,
        encoded,
        full_corners,
        float(confidence),
        method,
        rotation,
        float(rot_conf),
        blank,
        warnings,
        page if opts.keep_preview else None,
        edge_confidence,
    )


def warm_up() -> None:
    """Pay this process's one-time costs now: the orientation model (read and run once),
    OpenCV's Lab tables (about 90 ms on first use) and the modules a first page would import
    on its way (Pillow's JPEG and EXIF readers, numpy.ma for a median). A pool forked after
    this call inherits them instead of each worker paying them on its first page."""
    import numpy.ma  # noqa: F401 - np.median imports it on first use
    from PIL import Image, JpegImagePlugin, TiffImagePlugin  # noqa: F401 - header and EXIF

    from hall_client.pages.orient import _direction_net

    Image.preinit()
    cv2.cvtColor(np.zeros((1, 1, 3), np.uint8), cv2.COLOR_BGR2LAB)
    net = _direction_net()
    if net is not None:
        net.setInput(np.zeros((1, 3, 48, 192), np.float32))
        net.forward()


def prepare_image(
    image: np.ndarray | str | Path,
    profile: PageProfile,
    corners: Corners | None = None,
    options: PageOptions | None = None,
) -> PreparedPage:
    """One page from pixels (BGR or grey numpy array) or from the first page of a file."""
    if isinstance(image, np.ndarray):
        if image.dtype != np.uint8 or image.ndim not in (2, 3):
            raise PageError(
                "bad_image",
                "图像数据格式不对（需要 8 位灰度或 BGR）",
                f"need uint8 HxW or HxWx3, got {image.dtype} {image.shape}",
            )
        src = SourceImage("<image>", 0, image, "array")
    else:
        want = None if corners is not None else profile.largest_size()[1]
        src = read_file(image, want)[0]
    return prepare_source(src, profile, corners, options)


def prepare_file(
    path: str | Path, profile: PageProfile, options: PageOptions | None = None
) -> list[PreparedPage]:
    """Every page of one file; raises PageError naming the file if it cannot be read."""
    sources = read_file(path, profile.largest_size()[1])
    out = []
    for src in sources:
        try:
            out.append(prepare_source(src, profile, None, options))
        except PageError as exc:
            raise exc.with_source(src.label) from exc
    return out


@dataclass
class FileResult:
    """What became of one input file: its pages, or the error that stopped it."""

    path: str
    pages: list[PreparedPage] = field(default_factory=list)
    error: PageError | None = None


Progress = Callable[[int, int, str], None]


def prepare_batch(
    paths: Sequence[str | Path],
    profile: PageProfile,
    options: PageOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> list[FileResult]:
    """Prepare files one after another in this process (the GUI runs this in a worker thread).

    ``progress(done, total, path)`` is called after each file; ``cancel.is_set()`` is checked
    before each file and raises Cancelled. A bad file gives a FileResult with ``error`` set and
    the batch goes on.
    """
    results = []
    total = len(paths)
    for i, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        results.append(run_one(str(path), profile, options))
        if progress is not None:
            progress(i + 1, total, str(path))
    return results


def run_one(path: str, profile: PageProfile, options: PageOptions | None = None) -> FileResult:
    """``prepare_file`` with every failure turned into a per-file error (safe in a pool)."""
    try:
        return FileResult(path, prepare_file(path, profile, options))
    except PageError as exc:
        return FileResult(path, error=exc if exc.source else exc.with_source(path))
    except MemoryError:
        return FileResult(
            path, error=PageError("too_large", "图像太大，内存不足", "MemoryError", path)
        )
    except Exception as exc:  # a decoder bug must not stop the batch
        return FileResult(
            path,
            error=PageError("unreadable", "无法处理该文件", f"{type(exc).__name__}: {exc}", path),
        )


def check_out_dir(out_dir: Path) -> None:
    """Make sure pages can be written under out_dir before any image is processed.

    Creates the folder if needed and writes a probe file, so a missing or read-only target is
    reported at once instead of after a long batch.
    """
    probe = out_dir / ".write-probe"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise PageError(
            "out_not_writable",
            "输出文件夹无法创建或写入，请换一个文件夹",
            f"{type(exc).__name__}: {exc}",
            str(out_dir),
        ) from exc


def write_pages(
    results: Sequence[FileResult], profile: PageProfile, out_dir: Path
) -> list[tuple[PreparedPage, Path]]:
    """Write every prepared page as ``0001.jpg``, ``0002.jpg``… in input order, under out_dir.

    Files left from an earlier run with higher numbers are removed so the folder holds exactly
    this batch's pages, but only once every new page has been written: a batch that produced
    no page, or failed while writing, leaves the earlier pages alone. A write failure raises
    PageError naming the folder.
    """
    pages = [page for r in results for page in r.pages]
    if not pages:
        return []
    check_out_dir(out_dir)
    staged: list[tuple[PreparedPage, Path, Path]] = []
    try:
        for seq, page in enumerate(pages, 1):
            target = out_dir / profile.page_name(seq)
            tmp = target.with_name(target.name + ".part")
            staged.append((page, target, tmp))
            tmp.write_bytes(page.encoded.data)
    except OSError as exc:
        for _page, _target, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise PageError(
            "out_not_writable",
            "无法写入输出文件夹，原有页面未改动",
            f"{type(exc).__name__}: {exc}",
            str(out_dir),
        ) from exc
    written = []
    for page, target, tmp in staged:
        tmp.replace(target)
        written.append((page, target))
    n = len(pages) + 1
    while (stale := out_dir / profile.page_name(n)).exists():
        stale.unlink()
        n += 1
    return written
