"""The TOML settings file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall_client.core.errors import InvalidInput
from hall_client.core.settings import load_settings, save_settings


def test_defaults_written_on_first_run(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert (tmp_path / "settings.toml").exists()
    assert settings.ui.locale == "zh_CN"
    settings.counter.id = "W07"
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path).counter.id == "W07"


def test_wrong_type_names_key(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text('[printer]\npaper = "eighty"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as exc:
        load_settings(tmp_path)
    assert exc.value.problems[0].rule == "settings_type"
    assert "[printer] paper" in exc.value.problems[0].where


def test_not_toml(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[hall\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as exc:
        load_settings(tmp_path)
    assert exc.value.problems[0].rule == "settings_not_toml"


def test_printer_text_charset_defaults_to_gbk_and_must_be_known(tmp_path: Path) -> None:
    assert load_settings(tmp_path).printer.text_charset == "gbk"
    (tmp_path / "settings.toml").write_text('[printer]\ntext_charset = "big5"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_settings(tmp_path)
    [problem] = err.value.problems
    assert problem.where.endswith("[printer] text_charset") and problem.rule == "settings_value"
    assert "gb18030-2" in problem.message
    (tmp_path / "settings.toml").write_text('[printer]\ntext_charset = "gb18030-2"\n',
                                            encoding="utf-8")
    assert load_settings(tmp_path).printer.text_charset == "gb18030-2"


def test_ui_zoom_and_idle_lock_are_checked(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[ui]\nzoom = 9\nidle_lock_minutes = -1\n",
                                            encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_settings(tmp_path)
    fields = {p.where.split("] ")[-1] for p in err.value.problems}
    assert fields == {"zoom", "idle_lock_minutes"}
    (tmp_path / "settings.toml").write_text("[ui]\nzoom = 2\nfont_size = 12\n", encoding="utf-8")
    ui = load_settings(tmp_path).ui
    assert (ui.zoom, ui.font_size, ui.idle_lock_minutes) == (2.0, 12.0, 5)
