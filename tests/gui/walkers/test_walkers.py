"""DESIGN §9 on every screen: one language at a time, nothing outside a 1024×768 window, no
clipped text, primary actions reachable from the keyboard — for every role, in both languages.

The walk runs once per language (module fixture) and each (screen, check, language) is a test
of its own, so a screen's known violations can be marked as a strict xfail until it is fixed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from hall_client.core.counter import open_counter
from hall_client.gui.jobs import JobRunner
from tests.gui.walkers.checks import CJK, ENGLISH_WORD, texts
from tests.gui.walkers.registry import DIALOGS, LANGS, SCREENS, dialog_classes
from tests.gui.walkers.walk import CHECK_NAMES, Findings, Walker, language

#: Known violations on screens being reworked elsewhere right now (issue 16): remove an entry
#: when its screen is fixed (strict: a fixed screen fails here until its entry goes).
KNOWN: dict[tuple[str, str, str], str] = {
}


@pytest.fixture(scope="module")
def walks(qapp: QApplication, demo_template: Path,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Findings]]:
    path = tmp_path_factory.mktemp("walk-data")
    for item in demo_template.iterdir():
        shutil.copy2(item, path / item.name)
    counter = open_counter(path)
    counter.settings.server.url = "http://127.0.0.1:9"  # nothing listens on the discard port
    jobs = JobRunner()
    done: dict[str, Findings] = {}
    try:
        for lang in LANGS:
            done[lang] = Walker(counter, jobs, lang).walk()
        yield done
    finally:
        jobs.wait()
        counter.close()


def _cases() -> Iterator[object]:
    for screen in SCREENS:
        for check in CHECK_NAMES:
            for lang in LANGS:
                reason = KNOWN.get((screen, check, lang))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                yield pytest.param(screen, check, lang, marks=marks,
                                   id=f"{screen}-{check}-{lang}")


@pytest.mark.parametrize(("screen", "check", "lang"), list(_cases()))
def test_screen_keeps_the_conventions(walks: dict[str, Findings], screen: str, check: str,
                                      lang: str) -> None:
    findings = walks[lang]
    assert screen in findings.visited, f"the walk never showed {screen}"
    assert findings.of(screen, check) == []


def test_every_dialog_has_a_walker() -> None:
    assert sorted(set(dialog_classes()) - set(DIALOGS)) == []
    assert sorted(set(DIALOGS) - set(dialog_classes())) == []
    assert {name.rsplit(".", 1)[1] for name in DIALOGS} <= set(SCREENS)


def test_qts_own_dialogs_speak_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    """OK/Cancel and the file dialog come from Qt: qtbase_zh_CN must translate them."""
    with language("zh_CN"):
        box = QMessageBox(QMessageBox.Icon.Question, "确认", "确定吗？",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        box.show()
        buttons = [b.text() for b in box.buttons()]
        files = QFileDialog(None, "导出事项目录", str(tmp_path))
        files.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(files)
        files.show()
        english = [f"{kind}: {text}" for _w, kind, text in texts(files)
                   if kind not in {"combo item", "window title"} and ENGLISH_WORD.search(text)]
    assert buttons and all(CJK.search(text) for text in buttons), buttons
    assert english == []
