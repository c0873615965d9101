"""``hall-server``: usage, seed-demo, create-admin."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from server_stub.cli import main


def test_help_and_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "--database-url" in out and "seed-demo" in out
    with pytest.raises(SystemExit) as exc:
        main(["--port", "not-a-number"])
    assert exc.value.code == 2


def test_seed_demo_twice_and_create_admin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "srv"
    assert main(["--data-dir", str(data), "seed-demo", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["hall"] == "demo" and first["password"] == "demo1234"
    roles = {u["username"]: u["role"] for u in first["users"]}
    assert (roles["wangjing"], roles["chenhao"], roles["zhengwei"], roles["hejun"]) == (
        "clerk", "reviewer", "deputy", "chief")
    assert main(["--data-dir", str(data), "seed-demo", "--json"]) == 0  # idempotent
    assert json.loads(capsys.readouterr().out) == first
    assert (data / "server.sqlite3").exists()
    monkeypatch.setenv("HALL_SERVER_ADMIN_PASSWORD", "short")
    assert main(["--data-dir", str(data), "create-admin", "root"]) == 1
    monkeypatch.setenv("HALL_SERVER_ADMIN_PASSWORD", "long-enough-1")
    assert main(["--data-dir", str(data), "create-admin", "root"]) == 0
    assert main(["--data-dir", str(data), "create-admin", "root"]) == 1
    assert "已存在" in capsys.readouterr().err


def test_the_server_runs_and_stops(tmp_path: Path) -> None:
    """`hall-server` as a process: migrates a fresh data dir, answers, stops on SIGTERM."""
    import shutil
    import signal
    import socket
    import subprocess
    import sys
    import time

    import requests

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    beside = Path(sys.executable).with_name("hall-server")  # this checkout's, not another
    exe = str(beside) if beside.exists() else shutil.which("hall-server")
    assert exe, "hall-server is not installed (pip install -e .)"
    proc = subprocess.Popen([exe, "--port", str(port), "--data-dir", str(tmp_path / "d")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        up = False
        for _ in range(300):  # wait for the condition, not for a time
            with contextlib.suppress(requests.RequestException):
                up = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).ok
            if up or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert up, proc.stderr.read().decode() if proc.poll() is not None else "no answer"
        login = requests.get(f"http://127.0.0.1:{port}/review/login", timeout=5)
        assert "审批人员登录" in login.text
        doc = requests.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        assert "/api/v1/cases" in doc["paths"]
    finally:
        proc.terminate()
        code = proc.wait(timeout=20)
        proc.stderr.close()
    # uvicorn shuts down gracefully, then re-raises the signal it caught.
    assert code in (0, -signal.SIGTERM)
    assert (tmp_path / "d" / "server.sqlite3").exists()
