"""打印机设置: a printer chosen by kind and address, a test print checked byte by byte, saved to
settings.toml; printer errors name the device and what to check, never the raw system text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hall_client.core.counter import Counter
from hall_client.core.settings import load_settings
from hall_client.gui.cashier.printer import PrinterSettingsDialog, printer_error_text
from hall_client.gui.jobs import JobRunner
from hall_client.printing.output import send
from hall_client.printing.printer_uri import PrinterError
from tests.gui.conftest import settle
from tests.printing.escpos_decoder import decode

OFFSCREEN_NOTICE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_NOTICE
def test_choose_test_print_and_save_a_file_printer(qtbot: QtBot, counter: Counter,
                                                   jobs: JobRunner, tmp_path: Path) -> None:
    out = tmp_path / "receipts.bin"
    dialog = PrinterSettingsDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("file"))
    dialog.address.setText("")
    dialog.accept()  # nothing typed: refused in place, the dialog stays
    assert "地址" in dialog.error_of("address") and dialog.result() == 0
    dialog.address.setText(str(out))
    dialog.paper.setCurrentIndex(dialog.paper.findData(58))
    dialog.mode.setCurrentIndex(dialog.mode.findData("text"))
    dialog.test_print()
    qtbot.waitUntil(lambda: "已向" in dialog.outcome.text(), timeout=10000)
    decoded = decode(out.read_bytes())
    assert decoded.errors == []
    assert "打印机试打" in decoded.text and f"file:{out}" in decoded.text
    dialog.accept()
    settle(qtbot, jobs)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=5000)
    saved = load_settings(counter.data_dir).printer
    assert (saved.uri, saved.paper, saved.mode) == (f"file:{out}", 58, "text")


@OFFSCREEN_NOTICE
def test_a_failed_test_print_names_the_device_in_place(qtbot: QtBot, counter: Counter,
                                                       jobs: JobRunner, tmp_path: Path) -> None:
    dialog = PrinterSettingsDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("file"))
    dialog.address.setText(str(tmp_path / "no-such-dir" / "p.bin"))
    dialog.test_print()
    qtbot.waitUntil(lambda: bool(dialog.error_of("address")), timeout=10000)
    text = dialog.error_of("address")
    assert "no-such-dir" in text and "文件夹" in text and "Errno" not in text


def test_a_missing_device_is_named_without_raw_english(tmp_path: Path) -> None:
    uri = f"file:{tmp_path / 'no-such-dir' / 'p.bin'}"
    with pytest.raises(PrinterError) as caught:
        send(uri, b"\x1b@")
    message = caught.value.message
    assert uri in message and "Errno" not in message and "No such file" not in message
    assert caught.value.device == uri
    shown = printer_error_text(caught.value)
    assert uri in shown and "Errno" not in shown and "检查" in shown
