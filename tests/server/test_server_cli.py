"""``hall-server``: usage, seed-demo, create-admin."""

from __future__ import annotations

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
