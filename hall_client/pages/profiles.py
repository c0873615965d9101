"""Page-rule profiles: what an agency accepts, kept as data files under ``resources/profiles``.

A profile says the file format, the byte cap, the pixel bounds read orientation-free (long side
and short side), the aspect the pages must have and the sections a package holds. Agencies
differ, so the rules live in TOML or JSON files rather than in code.
"""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hall_resources import resource_path

from hall_client.pages.errors import PageError

#: ``resources/profiles`` in the source tree (the package is installed editable).
PROFILE_DIR = resource_path("profiles")

ASPECTS = {"A4": math.sqrt(2.0), "any": 0.0}


@dataclass(frozen=True)
class PageProfile:
    """The rules one agency sets for uploaded pages."""

    name: str
    title: str
    description: str
    max_bytes: int
    long_side: tuple[int, int]
    short_side: tuple[int, int]
    aspect: str = "A4"
    aspect_tolerance: float = 0.02
    format: str = "jpeg"
    naming: str = "{seq:04d}.jpg"
    sections: tuple[str, ...] = ()
    listed_not_scanned: tuple[str, ...] = field(default_factory=tuple)

    @property
    def aspect_ratio(self) -> float:
        """Long side over short side the pages must have; 0 means any."""
        return ASPECTS[self.aspect]

    def page_name(self, seq: int) -> str:
        return self.naming.format(seq=seq)

    def largest_size(self) -> tuple[int, int]:
        """The largest (short, long) pixel size within bounds at the profile's aspect."""
        long_max, short_max = self.long_side[1], self.short_side[1]
        ratio = self.aspect_ratio
        if not ratio:
            return short_max, long_max
        long_px = min(long_max, math.floor(short_max * ratio))
        return round(long_px / ratio), long_px

    def smallest_size(self) -> tuple[int, int]:
        """The smallest (short, long) pixel size within bounds at the profile's aspect."""
        long_min, short_min = self.long_side[0], self.short_side[0]
        ratio = self.aspect_ratio
        if not ratio:
            return short_min, long_min
        long_px = max(long_min, math.ceil(short_min * ratio))
        return max(short_min, round(long_px / ratio)), long_px

    def size_for_long(self, long_px: int) -> tuple[int, int]:
        """(short, long) at the profile's aspect for a wanted long side, clamped to the bounds."""
        small, large = self.smallest_size(), self.largest_size()
        long_px = max(small[1], min(large[1], long_px))
        ratio = self.aspect_ratio or math.sqrt(2.0)
        short_px = max(self.short_side[0], min(self.short_side[1], round(long_px / ratio)))
        return short_px, long_px


def _from_mapping(data: dict[str, Any], origin: str) -> PageProfile:
    try:
        page = data["page"]
        package = data.get("package", {})
        profile = PageProfile(
            name=str(data["name"]),
            title=str(data.get("title", data["name"])),
            description=str(data.get("description", "")),
            max_bytes=int(page["max_bytes"]),
            long_side=(int(page["long_side"][0]), int(page["long_side"][1])),
            short_side=(int(page["short_side"][0]), int(page["short_side"][1])),
            aspect=str(page.get("aspect", "A4")),
            aspect_tolerance=float(page.get("aspect_tolerance", 0.02)),
            format=str(page.get("format", "jpeg")).lower(),
            naming=str(page.get("naming", "{seq:04d}.jpg")),
            sections=tuple(str(s) for s in package.get("sections", ())),
            listed_not_scanned=tuple(str(s) for s in package.get("listed_not_scanned", ())),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise PageError(
            "bad_profile",
            f"页面规则文件 {origin} 格式不对：{exc}",
            f"bad profile {origin}: {exc!r}",
        ) from exc
    problems = []
    if profile.format != "jpeg":
        problems.append(f"format {profile.format!r} (only jpeg is produced)")
    if profile.aspect not in ASPECTS:
        problems.append(f"aspect {profile.aspect!r} (known: {', '.join(ASPECTS)})")
    if profile.max_bytes < 2000:
        problems.append("max_bytes below 2000")
    for lo, hi in (profile.long_side, profile.short_side):
        if not 16 <= lo <= hi:
            problems.append(f"pixel bounds {lo}..{hi}")
    if profile.short_side[0] > profile.long_side[1]:
        problems.append("short side minimum above long side maximum")
    if problems:
        raise PageError(
            "bad_profile",
            f"页面规则文件 {origin} 的规则不合理：{'; '.join(problems)}",
            f"bad profile {origin}: {'; '.join(problems)}",
        )
    small, large = profile.smallest_size(), profile.largest_size()
    if small[0] > large[0] or small[1] > large[1]:
        raise PageError(
            "bad_profile",
            f"页面规则文件 {origin}：没有符合长宽比的像素尺寸",
            f"bad profile {origin}: no pixel size fits the aspect within the bounds",
        )
    return profile


def load_profile_file(path: Path) -> PageProfile:
    """Read one profile from a ``.toml`` or ``.json`` file."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, ValueError) as exc:
        raise PageError(
            "bad_profile",
            f"无法读取页面规则文件 {path.name}：{exc}",
            f"cannot read {path}: {exc!r}",
        ) from exc
    return _from_mapping(data, path.name)


def list_profiles(directory: Path = PROFILE_DIR) -> list[PageProfile]:
    """Every profile in ``directory``, sorted by name."""
    files = sorted(p for p in directory.glob("*") if p.suffix.lower() in {".toml", ".json"})
    return sorted((load_profile_file(p) for p in files), key=lambda p: p.name)


def get_profile(name_or_path: str, directory: Path = PROFILE_DIR) -> PageProfile:
    """A profile by name (from ``directory``) or by path to a profile file."""
    candidate = Path(name_or_path)
    if candidate.suffix.lower() in {".toml", ".json"} and candidate.is_file():
        return load_profile_file(candidate)
    for profile in list_profiles(directory):
        if profile.name == name_or_path:
            return profile
    known = ", ".join(p.name for p in list_profiles(directory))
    raise PageError(
        "unknown_profile",
        f"没有名为 {name_or_path} 的页面规则（可用：{known}）",
        f"no profile {name_or_path!r}; known: {known}",
    )
