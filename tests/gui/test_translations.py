"""Chinese is the source language; English comes from the shipped translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import LoginDialog
from hall_client.gui.resources import I18N_DIR, install_font, install_translator


def test_every_string_is_translated() -> None:
    root = ET.parse(I18N_DIR / "hall_client_en.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if not (m.findtext("translation") or "").strip()
                    or m.find("translation").get("type") in {"unfinished", "obsolete"}]  # type: ignore[union-attr]
    assert untranslated == []


def test_english_interface(qtbot: QtBot, qapp: QApplication, counter: Counter,
                           jobs: JobRunner) -> None:
    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        dialog = LoginDialog(counter, jobs)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Sign in — Hall Client"
    finally:
        qapp.removeTranslator(translator)
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "登录 — 行政服务中心窗口客户端"


def test_bundled_cjk_font_is_used(qapp: QApplication) -> None:
    family = install_font(qapp)
    assert "WenQuanYi" in family or "文泉驿" in family
