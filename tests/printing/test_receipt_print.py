"""Printed bytes decoded back: number, total, uppercase amount, QR verifies, raster = preview."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import threading
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest

from hall_client.core.money import uppercase_amount
from hall_client.printing.output import preview, receipt_bytes, send
from hall_client.printing.printer_uri import PrinterError, parse_printer_uri
from hall_client.printing.raster import read_qr
from hall_client.printing.receipt import Receipt, ReceiptDataError
from hall_client.printing.signing import (
    ReceiptForgeryError,
    load_or_create_key,
    verification_code,
    verify_payload,
)
from tests.printing.escpos_decoder import Decoded, decode
from tests.printing.fake_printer import FakePrinter


def scan_qr(raster: np.ndarray) -> str:
    """Decode the QR code in a printed raster (True = black) with OpenCV."""
    gray = np.where(raster, 0, 255).astype(np.uint8)
    # OpenCV's worker threads would be inherited half-alive by processes that other tests
    # fork later (pages uses a process pool): keep OpenCV single-threaded in tests.
    cv2.setNumThreads(0)
    text = read_qr(gray)
    assert text, "no QR code found in the printed raster"
    return str(text)


def check_qr(decoded: Decoded, receipt: Receipt, key: bytes) -> None:
    facts = verify_payload(scan_qr(decoded.raster()), key)
    assert (facts.stock_code, facts.number, facts.total) == (
        receipt.stock_code,
        receipt.number,
        receipt.total,
    )


@pytest.mark.parametrize("paper", [58, 80])
def test_raster_print_equals_preview_and_qr_verifies(
    receipt: Receipt, key: bytes, paper: int
) -> None:
    receipt = dataclasses.replace(receipt, number="0000012345")
    decoded = decode(receipt_bytes(receipt, key, mode="raster", paper=paper))
    assert decoded.errors == []
    assert decoded.events[0] == "init" and decoded.events[-1] == "cut"
    printed = decoded.raster()
    image = np.array(preview(receipt, key, paper))  # True = white paper
    assert printed.shape == (image.shape[0], {58: 384, 80: 576}[paper])
    assert np.array_equal(printed, ~image)
    check_qr(decoded, receipt, key)
    assert verify_payload(scan_qr(printed), key).number == "0000012345"


@pytest.mark.parametrize("paper", [58, 80])
def test_text_mode_shows_number_total_uppercase_in_chinese_mode(
    receipt: Receipt, key: bytes, paper: int
) -> None:
    decoded = decode(receipt_bytes(receipt, key, mode="text", paper=paper))
    assert decoded.errors == []
    text = decoded.text
    assert receipt.number in text and receipt.stock_code in text
    assert "￥1,470.50" in text  # full-width: ¥ would need 4 GB18030 bytes
    assert "1250.5m2 × 1.00元/m2" in text
    for line in decoded.lines:
        assert all(len(ch.encode("gb18030")) <= 2 for ch in line), line  # GBK fonts only
    assert uppercase_amount(receipt.total) == "人民币壹仟肆佰柒拾元伍角整"
    assert "人民币壹仟肆佰柒拾元伍角整" in text
    assert "交款人：测试交款人：张三（样张）" in text  # full-width punctuation survives
    assert verification_code(receipt, key) in text
    width = {58: 32, 80: 48}[paper]
    from hall_client.printing.text_mode import display_width

    assert max(display_width(line) for line in decoded.lines) <= width
    switches = [e for e in decoded.events if e.startswith("chinese")]
    assert switches[0] == "chinese off"  # explicit after ESC @
    pairs = switches[1:]
    assert len(pairs) > 10 and pairs == ["chinese on", "chinese off"] * (len(pairs) // 2)
    check_qr(decoded, receipt, key)


def test_reprint_is_marked_and_drawer_kick_is_sent(receipt: Receipt, key: bytes) -> None:
    again = dataclasses.replace(receipt, reprint=2)
    decoded = decode(receipt_bytes(again, key, mode="text", kick_drawer=True))
    assert "重打 第2次" in decoded.text
    assert decoded.events[-2:] == ["cut", "drawer pin2"]
    original = np.array(preview(receipt, key))
    marked = np.array(preview(again, key))
    assert marked.shape[0] > original.shape[0]
    assert "drawer pin2" not in decode(receipt_bytes(receipt, key)).events


def test_forged_or_altered_payload_is_detected(receipt: Receipt, key: bytes) -> None:
    payload = scan_qr(decode(receipt_bytes(receipt, key)).raster())
    assert verify_payload(payload, key).total == Decimal("1470.50")
    altered = payload.replace("|1470.50|", "|147.05|")
    assert altered != payload
    with pytest.raises(ReceiptForgeryError) as exc:
        verify_payload(altered, key)
    assert exc.value.code == "receipt_qr_forged"
    with pytest.raises(ReceiptForgeryError):
        verify_payload(payload, bytes(32))  # another hall's key
    with pytest.raises(ReceiptForgeryError) as exc:
        verify_payload("https://example.com/fake", key)
    assert exc.value.code == "receipt_qr_malformed"
    other = dataclasses.replace(receipt, number="0000000001")
    assert verification_code(other, key) != verification_code(receipt, key)


def test_receipt_refuses_inconsistent_data(receipt: Receipt) -> None:
    with pytest.raises(ReceiptDataError) as exc:
        dataclasses.replace(receipt, number="123")
    assert exc.value.code == "receipt_number_invalid"
    with pytest.raises(ReceiptDataError) as exc:
        dataclasses.replace(receipt, total=Decimal("1.00"))
    assert exc.value.code == "receipt_total_mismatch"


def test_hall_key_is_created_once_and_private(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "receipt.key"
    first = load_or_create_key(path)
    assert load_or_create_key(path) == first and len(first) == 32
    assert path.stat().st_mode & 0o077 == 0


def test_tcp_printer_receives_the_whole_job(
    fake_printer: FakePrinter, receipt: Receipt, key: bytes
) -> None:
    job = receipt_bytes(receipt, key)
    sent = send(f"tcp:127.0.0.1:{fake_printer.port}", job)
    assert fake_printer.done.wait(5)
    assert sent == len(job)
    assert bytes(fake_printer.received) == job + b"\x10\x04\x01"


def test_tcp_printer_going_offline_mid_print_is_reported(
    fake_printer: FakePrinter, receipt: Receipt, key: bytes
) -> None:
    fake_printer.die_after = 5000
    job = receipt_bytes(receipt, key)
    with pytest.raises(PrinterError) as exc:
        send(f"tcp:127.0.0.1:{fake_printer.port}", job, timeout=5)
    assert exc.value.code == "printer_offline"
    assert "作废或重打" in exc.value.message or "未应答" in exc.value.message
    assert len(fake_printer.received) < len(job)


def test_unreachable_printer_is_reported(receipt: Receipt, key: bytes) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PrinterError) as exc:
        send(f"tcp:127.0.0.1:{port}", receipt_bytes(receipt, key), timeout=2)
    assert exc.value.code == "printer_not_found"


def test_file_and_serial_printers(tmp_path: Path, receipt: Receipt, key: bytes) -> None:
    job = receipt_bytes(receipt, key, mode="text")
    out = tmp_path / "printer.bin"
    send(f"file:{out}", job)
    assert out.read_bytes() == job
    master, slave = os.openpty()
    got = bytearray()

    def drain() -> None:
        while len(got) < len(job):
            got.extend(os.read(master, 65536))

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    send(f"serial:{os.ttyname(slave)}:115200", job)
    reader.join(timeout=10)
    os.close(slave)
    os.close(master)
    assert bytes(got) == job


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("usb:0416:5011", "usb:0416:5011"),
        ("usb:0x04b8:0x0202", "usb:04b8:0202"),
        ("tcp:192.168.1.50", "tcp:192.168.1.50:9100"),
        ("tcp:printer-3.local:9101", "tcp:printer-3.local:9101"),
        ("serial:/dev/ttyUSB0", "serial:/dev/ttyUSB0:9600"),
        ("serial:COM3:19200", "serial:COM3:19200"),
        ("file:/dev/usb/lp0", "file:/dev/usb/lp0"),
        ("win32:POS-58 打印机", "win32:POS-58 打印机"),
    ],
)
def test_printer_uris(uri: str, expected: str) -> None:
    assert str(parse_printer_uri(uri)) == expected


@pytest.mark.parametrize(
    "uri", ["lpt:1", "usb:zz:1", "tcp:", "tcp:host:99999", "tcp:bad/host", "serial:COM1:12345", "x"]
)
def test_bad_printer_uris_name_the_rule(uri: str) -> None:
    with pytest.raises(PrinterError) as exc:
        parse_printer_uri(uri)
    assert exc.value.code == "printer_uri_invalid" and uri in exc.value.message


def test_escpos_import_leaves_root_logger_alone(tmp_path: Path) -> None:
    code = (
        "import logging\n"
        "from hall_client.printing.escpos_loader import load_escpos\n"
        "load_escpos()\n"
        "assert logging.getLogger().handlers == [], logging.getLogger().handlers\n"
    )
    env = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(tmp_path / "escpos")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "escpos").glob("*.pickle"))


@pytest.mark.parametrize(
    ("uri", "code"),
    [
        ("usb:0416:5011", "printer_not_found"),  # no such device on this machine
        ("serial:/dev/ttyNO-SUCH-PORT", "printer_not_found"),
        ("file:/no/such/dir/printer.bin", "printer_not_found"),
        ("win32:POS-58", "printer_unsupported" if sys.platform != "win32" else "printer_not_found"),
    ],
)
def test_missing_printers_are_named(uri: str, code: str) -> None:
    with pytest.raises(PrinterError) as exc:
        send(uri, b"\x1b@")
    assert exc.value.code == code
    assert uri.split(":")[0] in exc.value.message
