"""Read page images from files: format by content, EXIF orientation applied, metadata dropped.

Accepts JPEG, PNG, TIFF (every frame), BMP, WebP, a still GIF and PDF (every page rendered with
pypdfium2). Pixels come back as 8-bit BGR numpy arrays, which carry no metadata, so nothing
(GPS or otherwise) can leak into the output. The header is read before any pixels so that a
decompression bomb is refused without allocating it, and a large JPEG is decoded at a reduced
size in the DCT domain when the page does not need the full resolution (DESIGN.md §8).
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from hall_client.pages.errors import PageError
from hall_client.pages.validate import sniff_format

#: Refuse images above this many pixels (a 48 MP camera frame is 48e6).
MAX_PIXELS = 120_000_000
#: Refuse images whose short side is below this: not a page.
MIN_SIDE = 32
#: PDF pages are rendered so that the long side has about this many pixels.
PDF_LONG_SIDE = 2000
#: Refuse PDFs with more pages than this in one file.
MAX_PDF_PAGES = 500

FORMAT_NAMES = {
    "jpeg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "bmp": "BMP",
    "webp": "WebP",
    "gif": "GIF",
    "pdf": "PDF",
}


@dataclass
class SourceImage:
    """One page's pixels read from a file.

    ``scale`` is how many source pixels one of ours spans (2 when the JPEG was decoded at half
    size), so corners can be told in the full-size image's coordinates.
    """

    source: str
    index: int
    pixels: np.ndarray
    format: str
    scale: float = 1.0
    warnings: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.source if self.index == 0 else f"{self.source}#{self.index + 1}"


def _fail(code: str, message: str, detail: str, source: str) -> PageError:
    return PageError(code, message, detail, source)


def apply_orientation(pixels: np.ndarray, orientation: int) -> np.ndarray:
    """Turn pixels as EXIF orientation ``orientation`` (1–8) says, as a viewer would show them."""
    rot = {3: cv2.ROTATE_180, 6: cv2.ROTATE_90_CLOCKWISE, 8: cv2.ROTATE_90_COUNTERCLOCKWISE}
    if orientation in rot:
        return cv2.rotate(pixels, rot[orientation])  # far faster than a strided numpy copy
    ops = {
        2: lambda a: a[:, ::-1],
        4: lambda a: a[::-1, :],
        5: lambda a: np.swapaxes(a, 0, 1),
        7: lambda a: np.rot90(a, 2).swapaxes(0, 1),
    }
    op = ops.get(orientation)
    return np.ascontiguousarray(op(pixels)) if op else pixels


def _to_bgr(im: Image.Image) -> np.ndarray:
    """Any Pillow image as 8-bit BGR; transparency goes onto white, 16-bit is scaled down."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        top = 65535.0 if im.mode.startswith("I;16") or arr.max() > 255 else 255.0
        grey = np.clip(arr / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    if im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(white, rgba)
    rgb = np.asarray(im.convert("RGB"))
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def _open_header(data: bytes, source: str, fmt: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            im.size  # noqa: B018 - the header is parsed here
    except Image.DecompressionBombError as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        mp = f"{int(found.group(1)) // 1_000_000} 百万" if found else "过多"
        raise _fail(
            "too_large",
            f"图像有 {mp}像素，超过上限 {MAX_PIXELS // 1_000_000} 百万像素，"
            "疑似异常文件（解压炸弹），已拒绝",
            f"decompression bomb refused: {exc}",
            source,
        ) from exc
    except Exception as exc:  # any header failure is a broken file
        raise _fail(
            "unreadable",
            f"{FORMAT_NAMES[fmt]} 文件已损坏，无法读取",
            f"cannot parse {fmt} header: {exc}",
            source,
        ) from exc
    w, h = im.size
    if w * h > MAX_PIXELS:
        raise _fail(
            "too_large",
            f"图像 {w}×{h} 像素过多（上限 {MAX_PIXELS // 1_000_000} 百万像素），"
            "疑似异常文件，已拒绝",
            f"{w}x{h} exceeds {MAX_PIXELS} pixels",
            source,
        )
    if min(w, h) < MIN_SIDE:
        raise _fail(
            "too_small",
            f"图像只有 {w}×{h} 像素，太小，不是一页材料",
            f"{w}x{h} below {MIN_SIDE} px a side",
            source,
        )
    return im


def reduce_factor(width: int, height: int, want_long: int) -> int:
    """Largest JPEG DCT scaling (1, 2 or 4) that still leaves room for a ``want_long`` page."""
    for f in (4, 2):
        if max(width, height) / f >= 1.25 * want_long:
            return f
    return 1


def _decode_jpeg(data: bytes, source: str, want_long: int | None) -> SourceImage:
    im = _open_header(data, source, "jpeg")
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise _fail(
            "truncated",
            "JPEG 文件不完整（可能传输中断），请重新拍摄或复制",
            "JPEG has no end-of-image marker",
            source,
        )
    orientation = int(im.getexif().get(0x0112, 1) or 1)
    w, h = im.size
    factor = reduce_factor(w, h, want_long) if want_long else 1
    if im.mode in ("CMYK", "YCCK") or im.mode not in ("RGB", "L"):
        # Pillow knows Adobe's inverted CMYK; cv2 does not always.
        try:
            if factor > 1:
                im.draft("RGB", (w // factor, h // factor))
            pixels = _to_bgr(im)
        except Exception as exc:
            raise _fail(
                "unreadable", "JPEG 文件已损坏，无法读取", f"decode failed: {exc}", source
            ) from exc
        scale = w / pixels.shape[1]
        note = f"已将 {im.mode} 颜色转换为 RGB"
        return SourceImage(source, 0, apply_orientation(pixels, orientation), "jpeg", scale, [note])
    else:
        flags = (
            cv2.IMREAD_IGNORE_ORIENTATION
            | {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2, 4: cv2.IMREAD_REDUCED_COLOR_4}[
                factor
            ]
        )
        decoded = cv2.imdecode(np.frombuffer(data, np.uint8), flags)
        if decoded is None:
            raise _fail("unreadable", "JPEG 文件已损坏，无法读取", "cv2 could not decode", source)
        pixels = decoded
        scale = w / pixels.shape[1]
    return SourceImage(source, 0, apply_orientation(pixels, orientation), "jpeg", scale)


def _decode_pillow(data: bytes, source: str, fmt: str) -> list[SourceImage]:
    im = _open_header(data, source, fmt)
    frames = getattr(im, "n_frames", 1)
    if fmt in ("gif", "webp") and frames > 1:
        raise _fail(
            "animated",
            f"这是 {frames} 帧的动画 {FORMAT_NAMES[fmt]}，不是一页材料；请另存为单页图片",
            f"animated {fmt} with {frames} frames",
            source,
        )
    out = []
    try:
        for i in range(frames):
            im.seek(i)
            w, h = im.size
            if w * h > MAX_PIXELS or min(w, h) < MIN_SIDE:
                raise _fail(
                    "too_large" if w * h > MAX_PIXELS else "too_small",
                    f"第 {i + 1} 页 {w}×{h} 像素，超出可处理范围",
                    f"frame {i + 1} is {w}x{h}",
                    source,
                )
            orientation = int(im.getexif().get(0x0112, 1) or 1)
            frame = ImageOps.exif_transpose(im) if orientation != 1 else im
            notes = ["已将 16 位图像转换为 8 位"] if frame.mode.startswith(("I", "F")) else []
            out.append(SourceImage(source, i, _to_bgr(frame), fmt, 1.0, notes))
    except PageError:
        raise
    except Exception as exc:
        raise _fail(
            "unreadable",
            f"{FORMAT_NAMES[fmt]} 文件已损坏，无法读取",
            f"decode failed: {exc}",
            source,
        ) from exc
    return out


def _decode_pdf(data: bytes, source: str) -> list[SourceImage]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _fail(
                "encrypted",
                "PDF 有密码保护，无法打开；请提供未加密的文件",
                f"encrypted PDF: {exc}",
                source,
            ) from exc
        raise _fail(
            "unreadable", "PDF 文件已损坏，无法打开", f"cannot open PDF: {exc}", source
        ) from exc
    try:
        count = len(doc)
        if count == 0:
            raise _fail("empty", "PDF 没有页面", "PDF has no pages", source)
        if count > MAX_PDF_PAGES:
            raise _fail(
                "too_large",
                f"PDF 有 {count} 页，超过 {MAX_PDF_PAGES} 页上限",
                f"{count} pages",
                source,
            )
        out = []
        for i in range(count):
            page = doc[i]
            w_pt, h_pt = page.get_size()
            scale = PDF_LONG_SIDE / max(w_pt, h_pt, 1.0)
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
            rgb = bitmap.to_numpy()
            if rgb.ndim == 2:
                rgb = cv2.cvtColor(rgb, cv2.COLOR_GRAY2BGR)
            elif rgb.shape[2] == 4:
                rgb = rgb[:, :, :3]  # pdfium's default is BGRA
            out.append(SourceImage(source, i, np.ascontiguousarray(rgb), "pdf"))
        return out
    except pdfium.PdfiumError as exc:
        raise _fail(
            "unreadable", "PDF 页面无法渲染，文件可能已损坏", f"render failed: {exc}", source
        ) from exc
    finally:
        doc.close()


def read_bytes(data: bytes, source: str, want_long: int | None = None) -> list[SourceImage]:
    """Every page in ``data`` (named ``source`` in messages), decoded.

    ``want_long`` is the long side of the output page; a large JPEG may then be decoded at a
    reduced size. Raises PageError naming ``source`` for anything unreadable.
    """
    if not data:
        raise _fail("empty", "文件是空的（0 字节）", "zero-byte file", source)
    fmt = sniff_format(data[:1024])
    if not fmt:
        raise _fail(
            "format",
            "不是可识别的图像或 PDF 文件（支持 JPEG、PNG、TIFF、BMP、WebP、PDF）",
            "content is not a known image format",
            source,
        )
    if fmt == "jpeg":
        return [_decode_jpeg(data, source, want_long)]
    if fmt == "pdf":
        return _decode_pdf(data, source)
    return _decode_pillow(data, source, fmt)


def read_file(path: Path | str, want_long: int | None = None) -> list[SourceImage]:
    """Every page in the file at ``path``; see ``read_bytes``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(
            "unreadable", "无法读取文件", f"cannot read: {exc.strerror}", str(path)
        ) from exc
    return read_bytes(data, str(path), want_long)


def iter_file(path: Path | str, want_long: int | None = None) -> Iterator[SourceImage]:
    """Like ``read_file``, but a PDF's pages are rendered one at a time as they are taken, so a
    500-page PDF never holds more than one page's pixels (the GUI's import runs this)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _fail(
            "unreadable", "无法读取文件", f"cannot read: {exc.strerror}", str(path)
        ) from exc
    if not head.startswith(b"%PDF"):
        yield from read_file(path, want_long)
        return
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        yield from read_file(path, want_long)  # the same messages as the CLI
        return
    try:
        count = len(doc)
        if count == 0:
            raise _fail("empty", "PDF 没有页面", "PDF has no pages", str(path))
        for i in range(count):
            try:
                page = doc[i]
                w_pt, h_pt = page.get_size()
                bitmap = page.render(
                    scale=PDF_LONG_SIDE / max(w_pt, h_pt, 1.0), fill_color=(255, 255, 255, 255)
                )
                rgb = bitmap.to_numpy()
            except pdfium.PdfiumError as exc:
                raise _fail(
                    "unreadable",
                    "PDF 页面无法渲染，文件可能已损坏",
                    f"render failed: {exc}",
                    str(path),
                ) from exc
            if rgb.ndim == 2:
                rgb = cv2.cvtColor(rgb, cv2.COLOR_GRAY2BGR)
            elif rgb.shape[2] == 4:
                rgb = rgb[:, :, :3]
            yield SourceImage(str(path), i, np.ascontiguousarray(rgb), "pdf")
            del bitmap, rgb, page
    finally:
        doc.close()


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files in the order given; a folder contributes its files in name order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(c for c in p.iterdir() if c.is_file() and not c.name.startswith(".")))
        else:
            out.append(p)
    return out
