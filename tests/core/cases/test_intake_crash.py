"""kill -9 during intake: each case whole or absent, no number skipped (more trials in
``bench/intake_crash/crash_trials.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.cases.intake_crash_check import trials


@pytest.mark.slow
def test_kill_during_intake_loses_no_number(tmp_path: Path) -> None:
    result = trials(tmp_path / "hall", count=3)
    assert result["cases"] >= 3  # the last, unkilled run recorded three
    assert result["notices"] == result["cases"]
