"""The end-to-end test at full size: 50 cases × 10 pages accepted offline through
``hall-client case accept``; the server starts; ``hall-client sync run --once`` sends them;
every case arrives exactly once with byte-identical pages; a reviewer approves on the server;
the counter shows the approval.

Run: ``.venv/bin/python bench/sync/e2e.py [CASES] [PAGES]``.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hall_client.core.counter import open_counter
from hall_client.sync import pull
from tests.e2e.offline_intake import accept_cases
from tests.sync.helpers import approve_on_server
from tests.sync.live import COUNTER_SECRET, PASSWORD, ROOT, LiveServer


def hall_client(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hall_client", "--data-dir", str(data_dir),
                           *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def main(cases: int = 50, pages: int = 10) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        d = base / "counter"
        server = LiveServer(base / "server")
        assert hall_client(d, "server", "register", "--url", server.url, "--hall", "demo",
                           "--counter", "C01", stdin=COUNTER_SECRET + "\n").returncode == 0
        t = time.perf_counter()
        accepted = accept_cases(base / "work", d, cases, pages)
        t_accept = time.perf_counter() - t
        server.start()
        try:
            t = time.perf_counter()
            run = hall_client(d, "sync", "run", "--once", "--user", "wangjing", "--json",
                              stdin=PASSWORD + "\n")
            t_sync = time.perf_counter() - t
            assert run.returncode == 0, run.stderr
            token = server.token("wangjing", "C01")
            on_server = server.get("/api/v1/cases", token).json()["cases"]
            numbers = sorted(c["case_number"] for c in on_server)
            assert numbers == sorted(a["case_number"] for a in accepted)
            assert len(set(numbers)) == cases
            by_number = {c["case_number"]: c for c in on_server}
            checked = 0
            for a in accepted:
                case = by_number[a["case_number"]]
                assert case["id"] == a["id"] and case["current_stage"] == 2
                assert sorted(u["sha256"] for u in case["uploads"]) == a["digests"]
                for u in case["uploads"]:
                    content = server.get(f"/api/v1/uploads/{u['id']}/content", token).content
                    assert hashlib.sha256(content).hexdigest() == u["sha256"]
                    checked += 1
            approve_on_server(server, accepted[0]["id"])
            again = hall_client(d, "sync", "run", "--once", "--json")
            assert again.returncode == 0, again.stderr
            counter = open_counter(d)
            with counter.store.transaction() as s:
                notices = [(n.case_number, n.kind) for n in pull.unseen_notices(s)]
            counter.close()
            assert notices == [(accepted[0]["case_number"], "approved")], notices
        finally:
            server.stop()
    print(f"{cases} cases × {pages} pages accepted offline in {t_accept:.0f} s; "
          f"sync run sent them in {t_sync:.1f} s; {cases} cases on the server exactly once, "
          f"{checked} pages SHA-256 identical; approval shown at the counter: {notices[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*[int(a) for a in sys.argv[1:]]))
