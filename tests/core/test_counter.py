"""Opening the counter: an unusable data folder or database is named, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall_client.cli import main
from hall_client.core.counter import open_counter
from hall_client.core.errors import InvalidInput
from hall_client.store.db import DB_FILENAME


def test_corrupt_database_is_named_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / DB_FILENAME
    db.write_bytes(b"garbage" * 100)
    with pytest.raises(InvalidInput) as exc:
        open_counter(tmp_path)
    problem = exc.value.problems[0]
    assert problem.rule == "database_unreadable" and str(db) in problem.where
    assert db.read_bytes() == b"garbage" * 100


def test_data_dir_that_is_a_file_is_named(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput) as exc:
        open_counter(not_a_dir)
    assert exc.value.problems[0].rule == "data_dir_unusable"
    assert str(not_a_dir) in exc.value.problems[0].where


def test_command_line_reports_a_corrupt_database(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # data_dir (monkeypatched HALL_DATA_DIR) undoes the env change --data-dir makes
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / DB_FILENAME).write_bytes(b"garbage" * 100)
    assert main(["--data-dir", str(broken), "catalog", "list"]) == 1
    err = capsys.readouterr().err
    assert "database_unreadable" in err and DB_FILENAME in err and "Traceback" not in err
