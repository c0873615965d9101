"""Check finished page files against a profile, naming each file and each rule it breaks.

The check reads only what it must (the header, the byte count, the end marker), so a folder of
hundreds of pages is checked in well under a second. Rules: ``format``, ``truncated``,
``pixels``, ``bytes``, ``aspect``, ``metadata``, ``name`` and ``order`` (gaps or duplicates).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image

from hall_client.pages.profiles import PageProfile

#: Image files we look at when a folder is given.


@dataclass(frozen=True)
class Violation:
    """One rule one file breaks."""

    path: str
    rule: str
    message: str
    detail: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class CheckedPage:
    """What the check saw of one file."""

    path: str
    format: str
    width: int
    height: int
    bytes: int
    violations: tuple[Violation, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "bytes": self.bytes,
            "ok": self.ok,
            "violations": [v.as_dict() for v in self.violations],
        }


def _name_pattern(naming: str) -> re.Pattern[str]:
    """``{seq:04d}.jpg`` -> ``^(\\d{4,})\\.jpg$``."""
    head, _, rest = naming.partition("{seq")
    spec, _, tail = rest.partition("}")
    width = re.search(r"(\d+)d", spec)
    digits = rf"(\d{{{int(width.group(1))},}})" if width else r"(\d+)"
    return re.compile("^" + re.escape(head) + digits + re.escape(tail) + "$", re.IGNORECASE)


def sniff_format(head: bytes) -> str:
    """The file format judged by content, not by name ('' when unknown)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return ""


def check_page(path: Path, profile: PageProfile) -> CheckedPage:
    """Check one file's content against ``profile`` (not its name or place in the order)."""
    name = str(path)
    out: list[Violation] = []

    def broke(rule: str, message: str, detail: str) -> None:
        out.append(Violation(name, rule, message, detail))

    try:
        data = path.read_bytes()
    except OSError as exc:
        broke("unreadable", f"{path.name}：无法读取文件", f"cannot read: {exc}")
        return CheckedPage(name, "", 0, 0, 0, tuple(out))
    size = len(data)
    fmt = sniff_format(data[:1024])
    if fmt != profile.format:
        broke(
            "format",
            f"{path.name}：文件内容是 {fmt or '未知格式'}，要求 {profile.format.upper()}",
            f"content is {fmt or 'unknown'}, profile needs {profile.format}",
        )
    if size > profile.max_bytes:
        broke(
            "bytes",
            f"{path.name}：{size} 字节，超过上限 {profile.max_bytes} 字节",
            f"{size} bytes > max {profile.max_bytes}",
        )
    width = height = 0
    if fmt:
        try:
            with Image.open(io.BytesIO(data)) as im:
                width, height = im.size
                exif = im.getexif()
                has_meta = bool(exif) or any(
                    k in im.info for k in ("exif", "xmp", "XML:com.adobe.xmp", "comment")
                )
        except Exception as exc:
            broke("truncated", f"{path.name}：图像文件已损坏", f"cannot read header: {exc}")
            return CheckedPage(name, fmt, 0, 0, size, tuple(out))
        if fmt == "jpeg" and not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
            broke(
                "truncated", f"{path.name}：JPEG 文件不完整（缺少结束标记）", "no JPEG EOI marker"
            )
        if has_meta:
            broke("metadata", f"{path.name}：含有 EXIF 等元数据，应去除", "metadata present")
        long_px, short_px = max(width, height), min(width, height)
        (lmin, lmax), (smin, smax) = profile.long_side, profile.short_side
        if not (lmin <= long_px <= lmax and smin <= short_px <= smax):
            broke(
                "pixels",
                f"{path.name}：{width}×{height} 像素，要求长边 {lmin}–{lmax}、短边 {smin}–{smax}",
                f"{width}x{height}: long side must be {lmin}-{lmax}, short side {smin}-{smax}",
            )
        ratio = profile.aspect_ratio
        have = long_px / short_px if short_px else 0.0
        if ratio and short_px and abs(have - ratio) / ratio > profile.aspect_tolerance:
            broke(
                "aspect",
                f"{path.name}：长宽比 {have:.3f}，要求 {profile.aspect}（{ratio:.3f}）",
                f"aspect {have:.3f}, profile needs {profile.aspect} {ratio:.3f}",
            )
    return CheckedPage(name, fmt, width, height, size, tuple(out))


def _expand(paths: Iterable[Path]) -> list[list[Path]]:
    """Group the files to check: each folder is one group in name order; loose files one group."""
    groups: list[list[Path]] = []
    loose: list[Path] = []
    for p in paths:
        if p.is_dir():
            groups.append(
                sorted(c for c in p.iterdir() if c.is_file() and not c.name.startswith("."))
            )
        else:
            loose.append(p)
    if loose:
        groups.append(loose)
    return groups


def order_violations(files: list[Path], profile: PageProfile) -> list[Violation]:
    """Names that break the naming pattern, and gaps or duplicates in the page sequence."""
    pattern = _name_pattern(profile.naming)
    out: list[Violation] = []
    seqs: dict[int, Path] = {}
    for f in files:
        m = pattern.match(f.name)
        if not m:
            example = profile.page_name(1)
            out.append(
                Violation(
                    str(f),
                    "name",
                    f"{f.name}：文件名应按页序命名，如 {example}",
                    f"name does not match {profile.naming}",
                )
            )
            continue
        seq = int(m.group(1))
        if seq in seqs:
            out.append(
                Violation(
                    str(f),
                    "order",
                    f"{f.name}：与 {seqs[seq].name} 页序重复",
                    f"duplicate page {seq}",
                )
            )
        seqs[seq] = f
    if seqs:
        missing = sorted(set(range(1, max(seqs) + 1)) - set(seqs))
        if missing:
            names = ", ".join(profile.page_name(s) for s in missing[:10])
            more = "…" if len(missing) > 10 else ""
            where = str(seqs[max(seqs)].parent)
            out.append(
                Violation(
                    where,
                    "order",
                    f"{where}：页序有缺页：缺 {names}{more}",
                    f"gap in page order, missing {names}{more}",
                )
            )
    return out


def check_paths(
    paths: Iterable[Path], profile: PageProfile
) -> tuple[list[CheckedPage], list[Violation]]:
    """Check files and folders; returns per-file results and the naming/order violations."""
    pages: list[CheckedPage] = []
    order: list[Violation] = []
    for group in _expand(paths):
        missing = [f for f in group if not f.exists()]
        for f in missing:
            order.append(Violation(str(f), "missing", f"{f}：文件不存在", "no such file"))
        present = [f for f in group if f.exists()]
        pages.extend(check_page(f, profile) for f in present)
        order.extend(order_violations(present, profile))
    return pages, order
