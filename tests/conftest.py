"""Shared fixtures. Every test gets its own data directory; nothing touches the user's."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(tempfile.gettempdir()) / "hall-client-escpos")
)

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages"

#: The last holiday year the suite is written for. Its working-day answers
#: (tests/working_days_table.py) and its "next year not published yet" cases assume
#: chinesecalendar's data ends with 2026, as release 1.11.0 does; a fresh install takes the
#: newest release, and the one that adds 2027 would change what every counter and server seeded
#: here holds. So the tests see the library's years up to this one only.
CALENDAR_LAST_YEAR = 2026


def _calendar_as_written() -> None:
    import chinese_calendar.constants as published

    for table in (published.holidays, published.workdays, published.in_lieu_days):
        for day in [d for d in table if d.year > CALENDAR_LAST_YEAR]:
            del table[day]


_calendar_as_written()

#: When cases recorded through the command line or the GUI (which read the system clock) are
#: accepted in the tests that use ``intake_clock``: Thu 12 Feb 2026, 09:30 in Shanghai.
INTAKE_NOW = datetime(2026, 2, 12, 1, 30, tzinfo=UTC)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HALL_DATA_DIR for one test."""
    path = tmp_path / "hall-data"
    path.mkdir()
    monkeypatch.setenv("HALL_DATA_DIR", str(path))
    yield path


@pytest.fixture
def intake_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Intake (``record_intake`` without ``now``) happens at ``INTAKE_NOW``, not today: a
    promised date is counted in working days of the year it falls in, so on the real clock a
    case accepted from late December on, or in a year the holiday table does not cover yet,
    has none, and a test that expects one would fail on that date."""
    monkeypatch.setattr("hall_client.core.cases.intake.utcnow", lambda: INTAKE_NOW)
    return INTAKE_NOW


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
