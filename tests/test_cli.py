"""The command line's usage contract."""

from __future__ import annotations

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
