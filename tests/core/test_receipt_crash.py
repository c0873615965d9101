"""kill -9 during payment and print loops: receipt numbers stay gap-free and accounted for.

Many more trials run in ``bench/receipt/crash_trials.py``.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.crash_check import trials


def test_kill_during_payment_and_print_loses_no_number(tmp_path: Path) -> None:
    result = trials(tmp_path / "hall", count=3)
    assert result["printed"] >= 3  # the last, unkilled run printed three
    assert result["numbers"] == result["printed"] + result["spoiled"]
