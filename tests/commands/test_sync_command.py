"""``hall-client server register`` and ``hall-client sync run|status`` against the real server."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from hall_client.cli import main
from hall_client.core.counter import open_counter
from hall_client.sync.credential import CREDENTIAL_FILENAME
from tests.sync.helpers import finish, holder, said
from tests.sync.live import COUNTER_SECRET, PASSWORD, LiveServer, enqueue_case


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    server = LiveServer(tmp_path_factory.mktemp("server") / "data")
    server.start()
    yield server
    server.stop()


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def register(base: list[str], server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> int:
    """``server register`` of the data directory in ``base`` as the demo hall's counter C01."""
    return run([*base, "server", "register", "--url", server.url, "--hall", "demo",
                "--counter", "C01"], COUNTER_SECRET + "\n", monkeypatch)


def test_register_run_and_status(live_server: LiveServer, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "counter"
    base = ["--data-dir", str(d)]
    assert register(base, live_server, monkeypatch) == 0
    cred = d / CREDENTIAL_FILENAME
    assert stat.S_IMODE(cred.stat().st_mode) == 0o600
    out = capsys.readouterr().out
    assert COUNTER_SECRET not in out
    counter = open_counter(d)
    enqueue_case(counter, 900, pages=2)
    counter.close()
    assert run([*base, "sync", "status", "--json"], "", monkeypatch) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 3 and status["parked"] == 0 and status["online"] is True
    assert status["last_success"] is None and status["pending_bytes"] > 170_000
    # No one signed in yet: the password comes on stdin.
    assert run([*base, "sync", "run", "--once", "--user", "wangjing"], "", monkeypatch) == 1
    assert "密码" in capsys.readouterr().err
    assert run([*base, "sync", "run", "--once", "--user", "wangjing", "--json"],
               PASSWORD + "\n", monkeypatch) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["push"]["delivered"] == 3 and result["online"]
    assert PASSWORD not in cred.read_text() and COUNTER_SECRET in cred.read_text()
    # Signed in before: no password asked again.
    assert run([*base, "sync", "run", "--once"], "", monkeypatch) == 0
    capsys.readouterr()
    assert run([*base, "sync", "status", "--json"], "", monkeypatch) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 0 and status["last_success"]


def test_register_refuses_plain_http_to_another_host(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "counter"
    code = run(["--data-dir", str(d), "server", "register", "--url", "http://10.1.2.3:8700",
                "--hall", "demo", "--counter", "C01"], "secret\n", monkeypatch)
    assert code == 1
    assert "https" in capsys.readouterr().err
    assert not (d / CREDENTIAL_FILENAME).exists()


def test_sync_without_registration_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "counter"
    assert run(["--data-dir", str(d), "sync", "run", "--once"], "", monkeypatch) == 1
    assert "server register" in capsys.readouterr().err


def test_sync_run_while_another_program_syncs_says_so(live_server: LiveServer, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from hall_client.sync import engine

    d = tmp_path / "counter"
    base = ["--data-dir", str(d)]
    assert register(base, live_server, monkeypatch) == 0
    counter = open_counter(d)
    enqueue_case(counter, 901, pages=1)
    counter.close()
    capsys.readouterr()
    monkeypatch.setattr(engine, "LOCK_WAIT", 0.2)
    other = holder(d)  # the window's engine, mid-pass
    try:
        assert said(other) == "held"
        assert run([*base, "sync", "run", "--once", "--user", "wangjing", "--wait", "0"],
                   PASSWORD + "\n", monkeypatch) == 1
        out, err = capsys.readouterr()
        assert out == "" and "正在同步这份数据，本次未同步" in err and "离线" not in err
        assert run([*base, "sync", "run", "--once", "--wait", "0", "--json"], "",
                   monkeypatch) == 1
        result = json.loads(capsys.readouterr().out)
        assert result["busy"] is True and result["push"]["delivered"] == 0
        assert run([*base, "sync", "status", "--no-probe"], "", monkeypatch) == 0
        out = capsys.readouterr().out
        assert "待发送：2 条" in out and "正在同步：本机另一程序" in out
    finally:
        finish(other)
    assert run([*base, "sync", "run", "--once", "--wait", "0", "--json"], "", monkeypatch) == 0
    assert json.loads(capsys.readouterr().out)["push"]["delivered"] == 2
    assert run([*base, "sync", "status", "--no-probe"], "", monkeypatch) == 0
    assert "正在同步" not in capsys.readouterr().out
