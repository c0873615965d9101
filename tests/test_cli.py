"""The command line's usage contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall_client.cli import main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in ("pages", "catalog", "audit", "user", "receipt", "cash"):
        assert name in out


def test_unknown_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2


def test_running_one_command_imports_only_its_module() -> None:
    import subprocess
    import sys

    code = ("import sys; from hall_client.cli import main; main(['pages', 'profiles']); "
            "print('sqlalchemy' in sys.modules, 'hall_client.commands.catalog' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()[-1]
    assert out == "False False"


def test_gui_without_a_display_says_so(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("the display check is for Linux desktops")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert main([]) == 2
    assert "DISPLAY" in capsys.readouterr().err


def test_commands_log_to_the_masked_file_under_the_data_dir(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import logging

    from hall_client import cli
    from hall_client.core import logfile

    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    seen: list[list[logging.Handler]] = []
    before = list(logging.getLogger().handlers)
    real = logfile.configure_file_logging

    def configure(directory: Path, level: int = logging.INFO) -> Path:
        path = real(directory, level)
        logging.getLogger("hall_client.cli").warning("ID 330106199001011236")
        seen.append(list(logging.getLogger().handlers))
        return path

    monkeypatch.setattr(logfile, "configure_file_logging", configure)
    assert cli.main(["--data-dir", str(tmp_path), "pages", "profiles"]) == 0
    assert seen
    text = (tmp_path / "logs" / "hall-client.log").read_text(encoding="utf-8")
    assert "3301**********1236" in text and "330106199001011236" not in text
    assert not [h for h in logging.getLogger().handlers if h not in before]  # closed at exit
