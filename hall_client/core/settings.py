"""Where the counter keeps its state, and its TOML settings file.

Everything local lives under one data directory: ``--data-dir``, else ``$HALL_DATA_DIR``, else
the per-user data folder. The settings file says which hall and counter this is, where the
central server is, and which printer and camera the counter uses.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import platformdirs
import tomli_w

from hall_client.core.errors import InvalidInput, Problem
from hall_client.core.output_file import write_atomically

SETTINGS_FILENAME = "settings.toml"
#: Times are stored in UTC and shown in the hall's local time.
SHANGHAI = ZoneInfo("Asia/Shanghai")


def data_dir() -> Path:
    env = os.environ.get("HALL_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("hall-client", appauthor=False))


@dataclass
class HallSettings:
    id: str = "HALL-330100"
    name: str = "县行政服务中心"


@dataclass
class CounterSettings:
    id: str = "W01"
    name: str = "综合窗口1号"


@dataclass
class ServerSettings:
    url: str = "http://127.0.0.1:8700"
    #: Start a local server_stub when the URL is on loopback and nothing answers (demo mode).
    start_local: bool = True
    #: PEM file of the CA that signed the server's certificate ("" = the system store).
    ca_bundle: str = ""
    #: Allow plain http:// to a server that is not on loopback (shown in red; see docs/sync.md).
    allow_plain_http: bool = False
    #: Seconds between sync passes while the program runs.
    sync_interval: int = 30


#: What a receipt printer's built-in font prints in text mode: GB2312, GBK, or GB 18030-2022
#: implementation level 1 (two-byte part, Extension A), 2 (also Extensions B–F and the
#: compatibility ideographs) or 3 (also minority scripts). Lines beyond it print as raster.
TEXT_CHARSETS = ("gb2312", "gbk", "gb18030-1", "gb18030-2", "gb18030-3")


@dataclass
class PrinterSettings:
    uri: str = ""
    mode: str = "raster"
    paper: int = 80
    text_charset: str = "gbk"


@dataclass
class CameraSettings:
    device: str = "0"


@dataclass
class UiSettings:
    locale: str = "zh_CN"
    #: text size in points before zoom (DESIGN §9: at least 10.5 pt)
    font_size: float = 10.5
    #: 1.0 = 100 %; the 视图 menu steps it between 0.8 and 2.0
    zoom: float = 1.0
    #: lock the screen to the same person's sign-in after this many idle minutes (0 = never)
    idle_lock_minutes: int = 5


@dataclass
class Settings:
    hall: HallSettings = field(default_factory=HallSettings)
    counter: CounterSettings = field(default_factory=CounterSettings)
    server: ServerSettings = field(default_factory=ServerSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    ui: UiSettings = field(default_factory=UiSettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_SECTIONS = {
    "hall": HallSettings,
    "counter": CounterSettings,
    "server": ServerSettings,
    "printer": PrinterSettings,
    "camera": CameraSettings,
    "ui": UiSettings,
}


def load_settings(directory: Path) -> Settings:
    """Read ``settings.toml`` under ``directory``, writing the defaults on first run."""
    path = directory / SETTINGS_FILENAME
    if not path.exists():
        settings = Settings()
        save_settings(directory, settings)
        return settings
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            [Problem(str(path), "settings_not_toml", f"设置文件不是有效的 TOML：{exc}")]
        ) from exc
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        default = cls()
        values = raw.get(name, {})
        if not isinstance(values, dict):
            problems.append(Problem(f"{path} [{name}]", "settings_section", "应为一个表（section）"))
            continue
        kwargs = {}
        for key, val in values.items():
            if not hasattr(default, key):
                problems.append(Problem(f"{path} [{name}] {key}", "settings_unknown_key", "未知的设置项"))
                continue
            expected = type(getattr(default, key))
            if expected is float and isinstance(val, int) and not isinstance(val, bool):
                val = float(val)  # `zoom = 1` in TOML is an integer
            if not isinstance(val, expected):
                problems.append(
                    Problem(
                        f"{path} [{name}] {key}",
                        "settings_type",
                        f"应为 {expected.__name__}，实际为 {type(val).__name__}",
                    )
                )
                continue
            kwargs[key] = val
        sections[name] = cls(**kwargs)
    charset = sections.get("printer", PrinterSettings()).text_charset
    if charset not in TEXT_CHARSETS:
        problems.append(Problem(f"{path} [printer] text_charset", "settings_value",
                                f"应为 {'、'.join(TEXT_CHARSETS)} 之一，实际为 {charset}"))
    ui = sections.get("ui", UiSettings())
    if not 0.5 <= ui.zoom <= 3.0:
        problems.append(Problem(f"{path} [ui] zoom", "settings_value",
                                f"应在 0.5 到 3.0 之间，实际为 {ui.zoom}"))
    if not 8 <= ui.font_size <= 30:
        problems.append(Problem(f"{path} [ui] font_size", "settings_value",
                                f"应在 8 到 30 磅之间，实际为 {ui.font_size}"))
    if ui.idle_lock_minutes < 0:
        problems.append(Problem(f"{path} [ui] idle_lock_minutes", "settings_value",
                                f"不能为负数，实际为 {ui.idle_lock_minutes}"))
    if problems:
        raise InvalidInput(problems)
    return Settings(**sections)


def save_settings(directory: Path, settings: Settings) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    text = tomli_w.dumps(settings.to_dict())
    write_atomically(directory / SETTINGS_FILENAME,
                     lambda tmp: tmp.write_text(text, encoding="utf-8"))
