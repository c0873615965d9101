"""End to end: cases accepted offline through ``hall-client case accept`` reach the real
hall-server once it starts, exactly once with byte-identical pages; a reviewer approves on the
server and the counter shows the approval. (The 50 × 10 size runs in bench/sync/e2e.py.)"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from hall_client.cli import main
from hall_client.core.counter import open_counter
from hall_client.sync import pull
from tests.e2e.offline_intake import accept_cases
from tests.sync.helpers import approve_on_server
from tests.sync.live import COUNTER_SECRET, PASSWORD, LiveServer

CASES, PAGES = 6, 4


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    s = LiveServer(tmp_path / "server")
    yield s
    s.stop()


def cli(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    return code, capsys.readouterr().out


def test_offline_intake_then_server_starts_then_approval_comes_back(
        server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "counter"
    base = ["--data-dir", str(d)]
    assert cli([*base, "server", "register", "--url", server.url, "--hall", "demo",
                "--counter", "C01"], COUNTER_SECRET + "\n", monkeypatch, capsys)[0] == 0
    accepted = accept_cases(tmp_path / "work", d, CASES, PAGES)
    capsys.readouterr()
    # The server is down: nothing can go, nothing is lost.
    code, out = cli([*base, "sync", "run", "--once", "--user", "wangjing", "--wait", "0"],
                    PASSWORD + "\n", monkeypatch, capsys)
    assert code == 1
    code, out = cli([*base, "sync", "status", "--json"], "", monkeypatch, capsys)
    status = json.loads(out)
    assert status["online"] is False and status["pending"] == CASES * (PAGES + 1)
    server.start()
    code, out = cli([*base, "sync", "run", "--once", "--user", "wangjing", "--json"],
                    PASSWORD + "\n", monkeypatch, capsys)
    assert code == 0, out
    token = server.token("wangjing", "C01")
    on_server = server.get("/api/v1/cases", token).json()["cases"]
    assert sorted(c["case_number"] for c in on_server) == \
        sorted(a["case_number"] for a in accepted)
    by_number = {c["case_number"]: c for c in on_server}
    for a in accepted:
        case = by_number[a["case_number"]]
        assert case["id"] == a["id"] and case["current_stage"] == 2  # window step passed
        assert sorted(u["sha256"] for u in case["uploads"]) == a["digests"]
        for u in case["uploads"]:
            content = server.get(f"/api/v1/uploads/{u['id']}/content", token).content
            assert hashlib.sha256(content).hexdigest() == u["sha256"]
    # A reviewer, the deputy and the chief approve on the server; the counter learns of it.
    approve_on_server(server, accepted[0]["id"])
    code, out = cli([*base, "sync", "run", "--once", "--json"], "", monkeypatch, capsys)
    assert code == 0 and json.loads(out)["pull"]["notices"] == 1
    counter = open_counter(d)
    with counter.store.transaction() as s:
        notices = pull.unseen_notices(s)
        assert [(n.case_number, n.kind) for n in notices] == \
            [(accepted[0]["case_number"], "approved")]
        assert s.get(type(notices[0]), notices[0].id) is not None
    counter.close()
    # Sent once: a further pass sends nothing, and the query code left the counter.
    code, out = cli([*base, "sync", "run", "--once", "--json"], "", monkeypatch, capsys)
    assert json.loads(out)["push"]["delivered"] == 0
    code, out = cli([*base, "case", "show", accepted[1]["case_number"], "--json"], "",
                    monkeypatch, capsys)
    assert json.loads(out).get("query_code") in (None, "")
