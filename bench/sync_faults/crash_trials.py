"""kill -9 of ``hall-client sync run`` at random moments, many trials (the suite runs 10).

Run: ``.venv/bin/python bench/sync_faults/crash_trials.py [TRIALS]``. Each trial queues two
more cases (4 pages of 85 KB and a window step each), starts the sync process and kills it
with SIGKILL after 0.8–2.5 s; a final undisturbed run must leave nothing queued and every case,
page (SHA-256) and step on the real server exactly once, or this fails loudly.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.sync.crash_check import trials
from tests.sync.live import LiveServer


def main(count: int = 50) -> int:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        server = LiveServer(Path(tmp) / "server")
        server.start()
        try:
            result = trials(server, Path(tmp) / "counter", count=count, seed=int(time.time()))
        finally:
            server.stop()
    took = time.perf_counter() - start
    print(f"{result['trials']} kill -9 trials in {took:.0f} s: {result['cases']} cases, "
          f"{result['pages']} pages; {result['killed_with_work_left']} kills left work queued; "
          "after restart every case, page and window step arrived exactly once, "
          "pages byte-identical")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
