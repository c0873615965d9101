"""Shared fixtures. Every test gets its own data directory; nothing touches the user's."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "hall-client-escpos")
)

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HALL_DATA_DIR for one test."""
    path = tmp_path / "hall-data"
    path.mkdir()
    monkeypatch.setenv("HALL_DATA_DIR", str(path))
    yield path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo data directory per test session (argon2 hashing is slow on purpose)."""
    from hall_client.core.counter import open_counter

    path = tmp_path_factory.mktemp("demo-template")
    open_counter(path, demo=True, demo_till=False).close()  # tests give out their own stock
    return path


@pytest.fixture
def demo_data_dir(demo_template: Path, data_dir: Path) -> Path:
    """A fresh copy of the demo data directory for one test."""
    for item in demo_template.iterdir():
        shutil.copy2(item, data_dir / item.name)
    return data_dir


@pytest.fixture(autouse=True)
def chinese_interface() -> Iterator[None]:
    """Every test starts in the default interface language (Simplified Chinese) and leaves no
    translator behind: a test that switches to English must not change the next one's texts."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from hall_client.gui import resources

    QLocale.setDefault(QLocale("zh_CN"))
    yield
    app = QCoreApplication.instance()
    if app is not None:
        for translator in resources._installed:
            app.removeTranslator(translator)
    resources._installed.clear()
    QLocale.setDefault(QLocale("zh_CN"))
