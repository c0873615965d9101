"""``hall-server``: usage, seed-demo, create-admin."""

from __future__ import annotations

import contextlib
import json
import os
import sys
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


def _tcp_sockets(port: int) -> dict[int, str]:
    """inode -> TCP state (hex, as /proc/net/tcp gives it) of the sockets on local ``port``."""
    found = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port:
            found[int(fields[9])] = fields[3]
    return found


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(int(target[8:-1]))
    return inodes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT and /proc")
def test_workers_listen_each_on_their_own_socket_and_share_connections(tmp_path: Path) -> None:
    """With ``--workers``, every worker accepts on a listening socket of its own, so
    connections opened at once are spread over the workers. (On one shared socket the worker
    that woke first took nearly all of a burst: 31 of 50 keep-alive connections on one of 4
    workers, which then ran its core full while the others idled.)"""
    import shutil
    import signal
    import socket
    import subprocess
    import time

    import requests

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    beside = Path(sys.executable).with_name("hall-server")
    exe = str(beside) if beside.exists() else shutil.which("hall-server")
    assert exe, "hall-server is not installed (pip install -e .)"
    proc = subprocess.Popen([exe, "--port", str(port), "--data-dir", str(tmp_path / "d"),
                             "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    listening = "0A"
    try:
        workers: list[int] = []
        listeners: set[int] = set()
        for _ in range(600):  # both workers up: wait for the condition, not for a time
            if proc.poll() is not None:
                break
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
            states = _tcp_sockets(port)
            listeners = {inode for inode, state in states.items() if state == listening}
            # The workers: the children that hold a listening socket of the port (not the
            # multiprocessing helper process).
            workers = [int(p) for p in children.read_text().split()
                       if _socket_inodes(int(p)) & listeners]
            if len(workers) == 2:
                break
            time.sleep(0.1)
        assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
        assert len(workers) == 2, (workers, listeners)
        # One listening socket per worker, none shared, none in the parent.
        owned = [_socket_inodes(w) & listeners for w in workers]
        assert len(listeners) == 2 and all(len(o) == 1 for o in owned), (listeners, owned)
        assert owned[0] != owned[1]
        assert not _socket_inodes(proc.pid) & listeners
        # A burst of connections is spread over both workers.
        conns = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(40)]
        try:
            for c in conns:  # answered, so accepted by a worker
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            for c in conns:
                assert c.recv(100).startswith(b"HTTP/1.1 200")
            states = _tcp_sockets(port)
            established = {inode for inode, state in states.items() if state == "01"}
            per_worker = [len(_socket_inodes(w) & established) for w in workers]
        finally:
            for c in conns:
                c.close()
        assert sum(per_worker) == 40
        # The kernel hashes each connection to a socket: at least 8 of 40 each, except
        # once in tens of thousands of runs.
        assert min(per_worker) >= 8, per_worker
        assert requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).ok
    finally:
        proc.terminate()
        code = proc.wait(timeout=30)
        proc.stderr.close()  # type: ignore[union-attr]
    assert code in (0, -signal.SIGTERM)
