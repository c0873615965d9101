"""The pages of one application being digitised at the counter, before and while it is accepted.

A page set is a draft kept on disk beside the data directory's page store: every original photo
and every prepared page is stored once, content-addressed (``pages/<sha[:2]>/<sha>.<ext>``, the
same layout as the case's pages in ``core.cases.intake``, so a page is never stored twice), and the
set's order, corners, confirmations and assignments live in one small JSON file written
atomically after every change. Closing the program mid-work loses nothing: the next start
reopens the draft. Headless: the GUI runs these calls in its job helper.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import cv2
import numpy as np

from hall_client.pages.confidence import ASK_CLERK_BELOW
from hall_client.pages.decode import SourceImage, iter_file
from hall_client.pages.encode import encode_to_cap
from hall_client.pages.errors import PageError
from hall_client.pages.orient import rotate_page
from hall_client.pages.package import package_project
from hall_client.pages.pipeline import PreparedPage, prepare_source
from hall_client.pages.profiles import PageProfile
from hall_client.pages.validate import check_page

DRAFTS = "page-drafts"
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}


def store_file(data_dir: Path, data: bytes, content_type: str) -> tuple[str, str, int]:
    """Write a file once under ``pages/`` (atomically, fsynced); (relative path, sha256, size)."""
    sha = hashlib.sha256(data).hexdigest()
    rel = f"pages/{sha[:2]}/{sha}.{EXTENSIONS.get(content_type, 'bin')}"
    target = data_dir / rel
    if target.exists() and target.stat().st_size == len(data):
        return rel, sha, len(data)
    _atomic_write(target, data)
    return rel, sha, len(data)


#: The badges shown per page: the profile's rules, then the edge confidence.
RULES = ("format", "pixels", "bytes", "aspect")


class PageSetError(Exception):
    """A refusal the clerk can act on; ``message`` is Chinese and names the file or page."""

    def __init__(self, code: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.detail = code, message, detail


@dataclass
class PageEntry:
    """One page in the set: where its original and prepared files are, and what is known."""

    id: str
    source: str
    original: str  # relative path of the original photo (content-addressed)
    file: str  # relative path of the prepared JPEG
    sha256: str
    size: int
    width: int
    height: int
    corners: list[list[float]]
    confidence: float
    method: str
    warnings: list[str] = field(default_factory=list)
    confirmed: bool = False
    material_position: int | None = None
    material: str = ""
    section: str = ""
    violations: list[dict[str, str]] = field(default_factory=list)

    @property
    def needs_clerk(self) -> bool:
        """Low page confidence (corners or turn) and not yet confirmed or fixed by the clerk."""
        return self.confidence < ASK_CLERK_BELOW and not self.confirmed

    @property
    def turn_unsure(self) -> bool:
        """The pipeline could not tell whether the text stands upright (its warning says so)."""
        return any("正立" in w for w in self.warnings) and not any(
            "四角" in w for w in self.warnings
        )

    def why_ask(self) -> str:
        """Why the clerk is asked about this page (Chinese), naming corners or the turn."""
        if self.turn_unsure:
            return f"文字方向置信度 {self.confidence:.2f}，请核对页面是否正立（可旋转）"
        return f"纸张边缘置信度 {self.confidence:.2f}，请核对或调整四角"

    def badges(self) -> list[tuple[str, bool, str]]:
        """(rule, passed, why) for each profile rule and for confidence."""
        out = []
        broken = {v["rule"]: v["message"] for v in self.violations}
        for rule in RULES:
            out.append((rule, rule not in broken, broken.get(rule, "")))
        conf_ok = not self.needs_clerk
        why = "" if conf_ok else self.why_ask()
        out.append(("confidence", conf_ok, why))
        return out


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".draft-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _disk_error(exc: OSError, what: str) -> PageSetError:
    if exc.errno == errno.ENOSPC:
        return PageSetError(
            "disk_full",
            f"{what}：磁盘已满，请清理磁盘或换一个位置后重试（已做的页面都保留着）",
            str(exc),
        )
    return PageSetError(
        "write_failed",
        f"{what}：无法写入（{exc.strerror or '写入失败'}），已做的页面都保留着",
        str(exc),
    )


class PageSet:
    """An ordered set of pages for one application, persisted under ``data_dir``."""

    def __init__(self, data_dir: Path, profile: PageProfile, draft_id: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.profile = profile
        self.id = draft_id or str(uuid.uuid4())
        self.pages: list[PageEntry] = []
        self._undo: list[tuple[int, PageEntry]] = []
        #: Held while the list changes: the GUI's import thread and its DB thread both edit it.
        self.lock = threading.RLock()
        path = self.path
        if path.exists():
            raw = json.loads(path.read_text("utf-8"))
            self.pages = [PageEntry(**p) for p in raw["pages"]]

    @property
    def path(self) -> Path:
        return self.data_dir / DRAFTS / f"{self.id}.json"

    @classmethod
    def open_drafts(cls, data_dir: Path) -> list[str]:
        """Ids of drafts left from earlier work, newest first."""
        folder = Path(data_dir) / DRAFTS
        if not folder.is_dir():
            return []
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        return [p.stem for p in files]

    def snapshot(self) -> list[PageEntry]:
        with self.lock:
            return [PageEntry(**asdict(p)) for p in self.pages]

    def save(self) -> None:
        body = {
            "id": self.id,
            "profile": self.profile.name,
            "pages": [asdict(p) for p in self.pages],
        }
        try:
            _atomic_write(self.path, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as exc:
            raise _disk_error(exc, "保存页面清单") from exc

    def discard(self) -> None:
        """Forget the draft (after the case was accepted); the stored files stay for the case."""
        self.path.unlink(missing_ok=True)
        self.pages = []

    # --- adding pages ---------------------------------------------------------------

    def _store(self, data: bytes, content_type: str) -> tuple[str, str, int]:
        try:
            return store_file(self.data_dir, data, content_type)
        except OSError as exc:
            raise _disk_error(exc, "保存页面文件") from exc

    def _entry(self, original_rel: str, page: PreparedPage, source: str) -> PageEntry:
        rel, sha, size = self._store(page.encoded.data, "image/jpeg")
        entry = PageEntry(
            id=str(uuid.uuid4()),
            source=source,
            original=original_rel,
            file=rel,
            sha256=sha,
            size=size,
            width=page.encoded.width,
            height=page.encoded.height,
            corners=page.corners,
            confidence=round(page.confidence, 3),
            method=page.method,
            warnings=list(page.warnings),
            confirmed=page.method == "caller",
        )
        self._recheck(entry)
        return entry

    def _recheck(self, entry: PageEntry) -> None:
        checked = check_page(self.data_dir / entry.file, self.profile)
        entry.violations = [
            {"rule": v.rule, "message": v.message} for v in checked.violations if v.rule != "name"
        ]

    def prepare_photo(self, frame: np.ndarray, source: str = "摄像头") -> PageEntry:
        """Prepare one camera frame (BGR) into an entry; not yet added (see ``add``)."""
        ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
        if not ok:
            raise PageSetError("encode_failed", "无法保存拍摄的照片")
        original, _sha, _size = self._store(buf.tobytes(), "image/jpeg")
        page = prepare_source(SourceImage(source, 0, frame, "camera"), self.profile)
        return self._entry(original, page, source)

    def add(self, entry: PageEntry, at: int | None = None) -> int:
        """Put a prepared entry into the set (at the end, or at ``at``) and save."""
        with self.lock:
            pos = len(self.pages) if at is None else max(0, min(at, len(self.pages)))
            self.pages.insert(pos, entry)
            self.save()
            return pos

    def import_files(
        self,
        paths: list[Path],
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[int, list[PageError]]:
        """Add every page of files/folders/PDFs in order, one page in memory at a time.

        Returns (pages added, per-file errors). Cancel stops before the next page; the pages
        already added stay (the clerk can delete them). ``progress(done, total, label)``.
        """
        files: list[Path] = []
        for p in paths:
            p = Path(p)
            if p.is_dir():
                files.extend(
                    sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
                )
            else:
                files.append(p)
        counts = [_page_count(f) for f in files]
        total = sum(counts)
        done = added = 0
        errors: list[PageError] = []
        for f in files:
            try:
                original_rel: str | None = None
                for src in iter_file(f, self.profile.largest_size()[1]):
                    if cancelled is not None and cancelled():
                        return added, errors
                    if original_rel is None:
                        original_rel = self._store(f.read_bytes(), _content_type(f))[0]
                    page = prepare_source(src, self.profile)
                    entry = self._entry(original_rel, page, src.label)
                    entry.original = original_rel + f"#{src.index}"
                    with self.lock:
                        self.pages.append(entry)
                        self.save()
                    added += 1
                    done += 1
                    if progress is not None:
                        progress(done, total, src.label)
            except PageError as exc:
                errors.append(exc if exc.source else exc.with_source(str(f)))
        return added, errors

    # --- editing --------------------------------------------------------------------

    def index_of(self, page_id: str) -> int:
        for i, p in enumerate(self.pages):
            if p.id == page_id:
                return i
        raise PageSetError("no_page", "该页已不在清单中")

    def move(self, page_id: str, to: int) -> None:
        with self.lock:
            i = self.index_of(page_id)
            entry = self.pages.pop(i)
            self.pages.insert(max(0, min(to, len(self.pages))), entry)
            self.save()

    def reorder(self, ids: list[str]) -> None:
        """The set in the given order (same pages, e.g. after a drag)."""
        with self.lock:
            by_id = {p.id: p for p in self.pages}
            if sorted(ids) != sorted(by_id):
                raise PageSetError("bad_order", "页面顺序与清单不一致")
            self.pages = [by_id[i] for i in ids]
            self.save()

    def delete(self, page_id: str) -> None:
        with self.lock:
            i = self.index_of(page_id)
            self._undo.append((i, self.pages.pop(i)))
            self.save()

    def undo_delete(self) -> PageEntry | None:
        with self.lock:
            if not self._undo:
                return None
            i, entry = self._undo.pop()
            self.pages.insert(min(i, len(self.pages)), entry)
            self.save()
            return entry

    def rotate(self, page_id: str, clockwise: int = 90) -> PageEntry:
        """Turn a prepared page by 90° steps (re-encoded under the cap)."""
        entry = self.pages[self.index_of(page_id)]
        data = (self.data_dir / entry.file).read_bytes()
        img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
        if img is None:
            raise PageSetError("unreadable", f"第 {self.index_of(page_id) + 1} 页的文件无法读取")
        turned = rotate_page(img, clockwise)
        colour = turned.ndim == 3
        encoded = encode_to_cap(turned, self.profile, colour=colour)
        rel, sha, size = self._store(encoded.data, "image/jpeg")
        entry.file, entry.sha256, entry.size = rel, sha, size
        entry.width, entry.height = encoded.width, encoded.height
        self._recheck(entry)
        with self.lock:
            self.save()
        return entry

    def original_pixels(self, entry: PageEntry) -> np.ndarray:
        """The original photo (or PDF page) the entry was made from, as BGR."""
        rel, _, idx = entry.original.partition("#")
        want = int(idx or 0)
        for src in iter_file(self.data_dir / rel, None):  # a PDF renders page by page
            if src.index == want:
                return src.pixels
        raise PageSetError("no_original", "该页的原始照片找不到了")

    def set_corners(self, page_id: str, corners: list[list[float]]) -> PageEntry:
        """Re-run the page from its original with the clerk's corners; the page is confirmed."""
        old = self.pages[self.index_of(page_id)]
        pixels = self.original_pixels(old)
        page = prepare_source(SourceImage(old.source, 0, pixels, "original"), self.profile, corners)
        entry = self._entry(old.original, page, old.source)
        entry.id, entry.material_position = old.id, old.material_position
        entry.material, entry.section, entry.confirmed = old.material, old.section, True
        with self.lock:
            self.pages[self.index_of(page_id)] = entry
            self.save()
        return entry

    def replace(self, page_id: str, new: PageEntry) -> PageEntry:
        """Re-capture in place: the new page takes the old one's place and assignment."""
        old = self.pages[self.index_of(page_id)]
        new.id, new.material_position = old.id, old.material_position
        new.material, new.section = old.material, old.section
        with self.lock:
            self.pages[self.index_of(page_id)] = new
            self.save()
        return new

    def confirm(self, page_id: str) -> None:
        with self.lock:
            self.pages[self.index_of(page_id)].confirmed = True
            self.save()

    def assign(
        self,
        page_ids: list[str],
        section: str,
        material_position: int | None = None,
        material: str = "",
    ) -> None:
        if self.profile.sections and section and section not in self.profile.sections:
            raise PageSetError("section", f"分册 {section} 不在规则 {self.profile.name} 的分册中")
        with self.lock:
            for pid in page_ids:
                e = self.pages[self.index_of(pid)]
                e.section = section
                if material_position is not None:
                    e.material_position, e.material = material_position, material
            self.save()

    # --- checks, the case, the package ------------------------------------------------

    def blockers(self) -> list[str]:
        """Why the case cannot be accepted with these pages yet (Chinese, one per page)."""
        out = []
        for n, p in enumerate(self.pages, 1):
            if p.needs_clerk:
                out.append(f"第 {n} 页：{p.why_ask()}")
            for v in p.violations:
                out.append(f"第 {n} 页：{v['message']}")
        return out

    def pages_by_material(self) -> dict[int, list[bytes]]:
        """Each material's page files (by the material's position), in the set's order."""
        out: dict[int, list[bytes]] = {}
        for p in self.snapshot():
            if p.material_position is not None:
                out.setdefault(p.material_position, []).append(
                    (self.data_dir / p.file).read_bytes()
                )
        return out

    def export_package(self, project: str, out_dir: Path) -> Path:
        """Write the package (one zip per section, manifest) under out_dir; nothing if refused."""
        blocked = self.blockers()
        if blocked:
            raise PageSetError("blocked", "；".join(blocked[:3]))
        unassigned = [n for n, p in enumerate(self.pages, 1) if not p.section]
        if unassigned:
            raise PageSetError(
                "unassigned", f"第 {', '.join(map(str, unassigned))} 页还没有分到分册"
            )
        with tempfile.TemporaryDirectory(prefix="hall-package-") as tmp:
            sections: list[tuple[str, Path]] = []
            for name in self.profile.sections or sorted({p.section for p in self.pages}):
                folder = Path(tmp) / f"s{len(sections)}"
                folder.mkdir()
                seq = 0
                for p in self.pages:
                    if p.section == name:
                        seq += 1
                        (folder / self.profile.page_name(seq)).write_bytes(
                            (self.data_dir / p.file).read_bytes()
                        )
                sections.append((name, folder))
            try:
                result = package_project(self.profile, project, Path(out_dir), sections)
            except OSError as exc:
                raise _disk_error(exc, f"导出到 {out_dir}") from exc
        if result.folder is None:
            raise PageSetError("package", "；".join(v.message for v in result.violations[:3]))
        return result.folder


def _content_type(path: Path) -> str:
    return (
        "application/pdf"
        if path.suffix.lower() == ".pdf"
        else "image/jpeg"
        if path.suffix.lower() in (".jpg", ".jpeg")
        else "image/png"
        if path.suffix.lower() == ".png"
        else "application/octet-stream"
    )


def _page_count(path: Path) -> int:
    if path.suffix.lower() == ".pdf":
        try:
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(path))
            try:
                return len(doc)
            finally:
                doc.close()
        except Exception:
            return 1
    return 1
