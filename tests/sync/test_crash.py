"""kill -9 of ``hall-client sync run`` at random moments (more trials in bench/sync_faults)."""

from __future__ import annotations

from pathlib import Path

from tests.sync.crash_check import trials
from tests.sync.live import LiveServer


def test_kill_9_trials_everything_arrives_exactly_once(live_server: LiveServer,
                                                       tmp_path: Path) -> None:
    # each kill comes at a random moment inside the time a batch takes to send, timed on this
    # machine (crash_check): kills at fixed times after the start found the work done once
    # the server got faster (2 of 10 left work, 30 Nov 2026, with 4 and then with 12 pages)
    result = trials(live_server, tmp_path / "counter", count=10, seed=3, pages=12)
    assert result["cases"] == 20
    # The kills must have hit the engine at work, not before it started or after it ended.
    assert result["killed_with_work_left"] >= 3, result
