"""Pack checked pages into the folder an agency wants: one zip per section plus a manifest.

The folder is named after the project's full name made safe for Windows and Linux (Chinese
kept; reserved characters, control characters, ``..`` and reserved device names neutralised;
length capped). Zips hold the pages in page order with fixed timestamps and permissions, and
``manifest.json`` lists every page with its size and SHA-256, so packing the same pages again
gives byte-identical output. Nothing is written outside the chosen output folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from hall_client.pages.profiles import PageProfile
from hall_client.pages.validate import Violation, _name_pattern, check_page, order_violations

#: Longest folder name, in UTF-8 bytes (ext4 allows 255; leave room for the manifest's suffixes).
MAX_NAME_BYTES = 180
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    "CONIN$",
    "CONOUT$",
}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
MANIFEST = "manifest.json"


def safe_name(name: str, fallback: str = "未命名项目") -> str:
    """``name`` made safe as one folder or file name on Windows and Linux."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(
        "_" if (ord(ch) < 32 or ord(ch) == 127 or ch in '/\\:*?"<>|') else ch for ch in text
    )
    text = re.sub(r"\.{2,}", "_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if text.split(".")[0].strip().upper() in RESERVED:
        text = "_" + text
    raw = text.encode("utf-8")
    if len(raw) > MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
        cut = raw[: MAX_NAME_BYTES - 9].decode("utf-8", errors="ignore").rstrip(" .")
        text = f"{cut}~{digest}"
    return text or fallback


@dataclass
class PackageResult:
    """What ``package_project`` wrote, or the rules that stopped it."""

    folder: Path | None
    manifest: dict[str, object] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(base: Path, target: Path) -> bool:
    base_r, target_r = base.resolve(), target.resolve()
    return target_r == base_r or base_r in target_r.parents


def _write_atomic(target: Path, data: bytes) -> None:
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _zip_bytes(pages: list[tuple[str, bytes]]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in pages:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            info.flag_bits |= 0x800  # UTF-8 names
            zf.writestr(info, data)
    return buf.getvalue()


def package_project(
    profile: PageProfile,
    project: str,
    out_dir: Path,
    sections: list[tuple[str, Path]],
    listed_not_scanned: list[str] | None = None,
) -> PackageResult:
    """Check every section's pages and, if all comply, write ``out_dir/<project>/``.

    ``sections`` pairs a section name with the folder holding its ``0001.jpg``… pages. Each
    broken rule is returned as a Violation and nothing is written.
    """
    violations: list[Violation] = []
    names = [n for n, _ in sections]
    if profile.sections:
        for n in names:
            if n not in profile.sections:
                violations.append(
                    Violation(
                        n,
                        "section",
                        f"分册 {n} 不在规则 {profile.name} 的分册中"
                        f"（{'、'.join(profile.sections)}）",
                        "unknown section",
                    )
                )
        for n in profile.sections:
            if n not in names:
                violations.append(Violation(n, "section", f"缺少分册 {n}", "missing section"))
    dupes = {n for n in names if names.count(n) > 1}
    violations += [Violation(n, "section", f"分册 {n} 重复", "duplicate section") for n in dupes]
    pattern = _name_pattern(profile.naming)
    collected: list[tuple[str, list[tuple[str, bytes]]]] = []
    dims: dict[tuple[str, str], tuple[int, int]] = {}
    for name, folder in sections:
        if not folder.is_dir():
            violations.append(
                Violation(str(folder), "missing", f"{folder}：文件夹不存在", "no such folder")
            )
            continue
        files = sorted(
            (f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")),
            key=lambda f: (int(m.group(1)) if (m := pattern.match(f.name)) else 1 << 30, f.name),
        )
        if not files:
            violations.append(Violation(str(folder), "empty", f"分册 {name} 没有页面", "no pages"))
        for f in files:
            checked = check_page(f, profile)
            violations += checked.violations
            dims[(name, f.name)] = (checked.width, checked.height)
        violations += order_violations(files, profile)
        collected.append((name, [(f.name, f.read_bytes()) for f in files]))
    if violations:
        return PackageResult(None, {}, violations)

    folder_name = safe_name(project)
    target = out_dir / folder_name
    if not _inside(out_dir, target) or target.resolve() == out_dir.resolve():
        return PackageResult(
            None,
            {},
            [Violation(project, "name", "项目名称无法用作文件夹名", "unsafe project name")],
        )
    target.mkdir(parents=True, exist_ok=True)
    manifest_sections = []
    for name, pages in collected:
        zip_name = safe_name(name, "分册") + ".zip"
        data = _zip_bytes(pages)
        _write_atomic(target / zip_name, data)
        manifest_sections.append(
            {
                "name": name,
                "zip": zip_name,
                "zip_bytes": len(data),
                "zip_sha256": _sha256(data),
                "pages": [
                    {
                        "name": n,
                        "bytes": len(b),
                        "width": dims[(name, n)][0],
                        "height": dims[(name, n)][1],
                        "sha256": _sha256(b),
                    }
                    for n, b in pages
                ],
            }
        )
    manifest: dict[str, object] = {
        "project": project,
        "folder": folder_name,
        "profile": profile.name,
        "sections": manifest_sections,
        "listed_not_scanned": list(listed_not_scanned or []),
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _write_atomic(target / MANIFEST, text.encode("utf-8"))
    return PackageResult(target, manifest, [])
