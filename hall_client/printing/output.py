"""Receipt bytes for ESC/POS printers, and sending them to a printer named by URI.

The whole job is built in memory first (python-escpos's Dummy printer does the GS v 0
encoding), then sent in chunks to the device. Building first means the bytes are ready before
any paper moves, and a failure while sending is a clean "printer went offline mid-print" that
the caller turns into 作废 or a reprint. A network printer is asked for its status (DLE EOT 1)
after the last chunk, so a connection that died while data sat in socket buffers is noticed.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import socket
from typing import Any, Literal

from PIL import Image

from hall_client.printing.escpos_loader import load_escpos
from hall_client.printing.layout import PAPER_DOTS, Block, receipt_blocks
from hall_client.printing.printer_uri import CHECKS, PrinterError, PrinterURI, parse_printer_uri
from hall_client.printing.raster import render
from hall_client.printing.receipt import Receipt
from hall_client.printing.text_mode import CHINESE_OFF, INIT, render_text

log = logging.getLogger(__name__)
Mode = Literal["raster", "text"]
CHUNK = 4096
STATUS_REQUEST = b"\x10\x04\x01"
FEED_AND_CUT = b"\x1bd\x04" + b"\x1dV\x01"  # feed 4 lines, partial cut
DRAWER_KICK = b"\x1bp\x00\x19\xfa"  # pin 2, 50 ms on, 500 ms off


def _dummy(paper: int) -> Any:
    """A python-escpos Dummy printer whose profile knows the paper width in dots."""
    printer_module = load_escpos()
    dummy = printer_module.Dummy()
    profile_data = copy.deepcopy(dummy.profile.profile_data)
    profile_data["media"]["width"]["pixels"] = PAPER_DOTS[paper]
    dummy.profile.profile_data = profile_data
    return dummy


def raster_bytes(image: Image.Image, paper: int = 58) -> bytes:
    """GS v 0 bytes for an already rendered image (the preview), through python-escpos."""
    dummy = _dummy(paper)
    dummy.image(image, impl="bitImageRaster")
    return bytes(dummy.output)


def preview(receipt: Receipt, key: bytes, paper: int = 58) -> Image.Image:
    """The receipt image, exactly as raster mode prints it."""
    return render(receipt_blocks(receipt, key), paper)


def receipt_bytes(
    receipt: Receipt,
    key: bytes,
    *,
    mode: Mode = "raster",
    paper: int = 58,
    kick_drawer: bool = False,
    charset: str = "gbk",
) -> bytes:
    """The complete print job: ESC @, the receipt, feed and cut, then the drawer kick."""
    return blocks_bytes(receipt_blocks(receipt, key), mode=mode, paper=paper,
                        kick_drawer=kick_drawer, charset=charset)


def blocks_bytes(blocks: list[Block], *, mode: Mode = "raster", paper: int = 58,
                 kick_drawer: bool = False, charset: str = "gbk") -> bytes:
    """Any laid-out slip (receipt, X/Z report) as one ESC/POS job; ``charset`` is what the
    printer's font prints in text mode (``[printer] text_charset``)."""
    if paper not in PAPER_DOTS:
        raise PrinterError(code="paper_width_invalid", message=f"纸宽只能是58或80毫米，而不是{paper}")
    if mode == "raster":
        body = raster_bytes(render(blocks, paper), paper)
    elif mode == "text":
        # ESC @ does not reliably leave Chinese mode on every printer: say FS . explicitly.
        body = CHINESE_OFF + render_text(blocks, paper, charset)
    else:
        raise PrinterError(code="print_mode_invalid", message=f"打印方式只能是 raster 或 text，而不是 {mode}")
    return INIT + body + FEED_AND_CUT + (DRAWER_KICK if kick_drawer else b"")


def open_printer(uri: PrinterURI, timeout: float = 10.0) -> Any:
    """Open the device for a printer URI through python-escpos."""
    printer_module = load_escpos()
    if uri.scheme == "file":
        device = printer_module.File(devfile=uri.target)
    elif uri.scheme == "tcp":
        # python-escpos leaks the socket when connect fails: connect here and hand it over.
        try:
            conn = socket.create_connection((uri.target, uri.port), timeout=timeout)
        except OSError as exc:
            raise _not_found(uri, exc) from exc
        device = printer_module.Network(host=uri.target, port=uri.port, timeout=timeout)
        device._device = conn
        return device
    elif uri.scheme == "serial":
        device = printer_module.Serial(devfile=uri.target, baudrate=uri.baud, timeout=timeout)
    elif uri.scheme == "usb":
        device = printer_module.Usb(idVendor=uri.vendor, idProduct=uri.product, timeout=0)
    elif uri.scheme == "win32":
        if not printer_module.Win32Raw.is_usable():
            raise PrinterError(code="printer_unsupported", message="win32: 打印机只能在 Windows 上使用")
        device = printer_module.Win32Raw(printer_name=uri.target)
    else:  # pragma: no cover - parse_printer_uri refuses other schemes
        raise PrinterError(code="printer_uri_invalid", message=f"不支持的打印机类型：{uri.scheme}")
    try:
        device.open()
    except Exception as exc:  # python-escpos raises its own, OSError, usb and serial errors
        raise _not_found(uri, exc) from exc
    return device


def _not_found(uri: PrinterURI, exc: BaseException) -> PrinterError:
    """The device could not be opened: name it and what to check; the raw text goes to the log."""
    log.warning("printer %s could not be opened: %r", uri, exc)
    return PrinterError(code="printer_not_found", device=str(uri), scheme=uri.scheme,
                        message=f"无法连接打印机 {uri}。{CHECKS.get(uri.scheme, '')}后重试")


def _confirm_tcp(device: Any, uri: PrinterURI) -> None:
    try:
        device._raw(STATUS_REQUEST)
        reply = device.device.recv(1)
    except OSError as exc:  # includes socket timeouts
        log.warning("printer %s did not answer its status request: %r", uri, exc)
        raise PrinterError(code="printer_offline", device=str(uri), scheme=uri.scheme,
                           message=f"打印机 {uri} 未应答。{CHECKS['tcp']}") from exc
    if not reply:
        raise PrinterError(code="printer_offline", device=str(uri), scheme=uri.scheme,
                           message=f"打印机 {uri} 在打印中途断开连接。{CHECKS['tcp']}")


def send(uri_text: str, data: bytes, *, timeout: float = 10.0) -> int:
    """Send a print job; returns bytes sent. Raises PrinterError if it could not all go out."""
    uri = parse_printer_uri(uri_text)
    device = open_printer(uri, timeout)
    sent = 0
    try:
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            try:
                device._raw(chunk)
            except Exception as exc:
                log.warning("printer %s went away after %d/%d bytes: %r", uri, sent, len(data),
                            exc)
                raise PrinterError(
                    code="printer_offline", device=str(uri), scheme=uri.scheme,
                    message=f"打印机 {uri} 在打印中途断开（已发送 {sent}/{len(data)} 字节）。"
                    f"{CHECKS.get(uri.scheme, '')}；这张票据需作废或重打",
                ) from exc
            sent += len(chunk)
        if uri.scheme == "tcp":
            _confirm_tcp(device, uri)
    finally:
        with contextlib.suppress(Exception):  # a dead connection must not hide the real error
            device.close()
    return sent
