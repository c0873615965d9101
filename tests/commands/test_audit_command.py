"""``hall-client audit verify`` against a row edited with the sqlite3 shell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hall_client.cli import main
from hall_client.store.db import DB_FILENAME


def test_verify_passes_then_fails_after_shell_edit(data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--demo", "user", "list"]) == 0
    assert main(["audit", "verify"]) == 0
    assert "校验通过" in capsys.readouterr().out
    sqlite3 = shutil.which("sqlite3")
    assert sqlite3, "the sqlite3 shell (Debian package sqlite3) is needed for this test"
    subprocess.run([sqlite3, str(data_dir / DB_FILENAME),
                    "UPDATE audit_entry SET after = replace(after, '王静', '王晶') "
                    "WHERE action = 'person.add' AND after LIKE '%王静%';"], check=True)
    assert main(["audit", "verify", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"ok": false' in out and '"bad_seq":' in out and '"bad_id": "' in out
