"""Printer URIs: ``usb:VID:PID``, ``tcp:HOST[:PORT]``, ``serial:DEVICE[:BAUD]``, ``file:PATH``,
``win32:NAME``. A counter's printer is configured as one string, so it can be typed and logged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hall_client.core.errors import DomainError

DEFAULT_TCP_PORT = 9100
DEFAULT_BAUD = 9600
SCHEMES = ("usb", "tcp", "serial", "file", "win32")


class PrinterError(DomainError):
    """The printer cannot be named, reached or fed: the receipt did not (fully) print.

    ``device`` is the printer's URI as configured and ``scheme`` its kind (usb, tcp, serial,
    file, win32), so a screen can name the device and say what to check in its own language;
    the underlying system error goes to the log only, never into ``message``.
    """

    def __init__(self, message: str, *, code: str | None = None, device: str = "",
                 scheme: str = "") -> None:
        super().__init__(message, code=code)
        self.device, self.scheme = device, scheme


#: What to check, per kind of printer (Chinese; the GUI has its own translated texts).
CHECKS = {
    "usb": "请检查打印机电源是否打开、USB 线是否插好、VID:PID 是否与打印机一致",
    "tcp": "请检查打印机电源、网线，以及 IP 地址和端口是否正确",
    "serial": "请检查打印机电源、串口线，以及串口名和波特率是否正确",
    "file": "请检查文件夹是否存在、是否可以写入",
    "win32": "请检查 Windows 中该打印机名称是否正确、打印机是否联机",
}


@dataclass(frozen=True)
class PrinterURI:
    scheme: str
    target: str
    port: int = 0
    vendor: int = 0
    product: int = 0
    baud: int = 0

    def __str__(self) -> str:
        if self.scheme == "usb":
            return f"usb:{self.vendor:04x}:{self.product:04x}"
        if self.scheme == "tcp":
            return f"tcp:{self.target}:{self.port}"
        if self.scheme == "serial":
            return f"serial:{self.target}:{self.baud}"
        return f"{self.scheme}:{self.target}"


def _bad(uri: str, rule: str) -> PrinterError:
    return PrinterError(code="printer_uri_invalid", message=f"打印机地址“{uri}”无效：{rule}",
                        device=uri)


def parse_printer_uri(uri: str) -> PrinterURI:
    """Parse a printer URI, naming the rule broken when it is wrong."""
    scheme, sep, rest = uri.partition(":")
    if not sep or scheme not in SCHEMES:
        raise _bad(uri, "应以 usb: tcp: serial: file: win32: 之一开头")
    if not rest:
        raise _bad(uri, f"{scheme}: 之后缺少内容")
    if scheme == "usb":
        match = re.fullmatch(r"(?:0x)?([0-9a-fA-F]{1,4}):(?:0x)?([0-9a-fA-F]{1,4})", rest)
        if not match:
            raise _bad(uri, "USB 应写作 usb:VID:PID（十六进制，如 usb:0416:5011）")
        return PrinterURI("usb", rest, vendor=int(match[1], 16), product=int(match[2], 16))
    if scheme == "tcp":
        host, _, port_text = rest.partition(":")
        port = DEFAULT_TCP_PORT
        if port_text:
            if not port_text.isdigit() or not 0 < int(port_text) < 65536:
                raise _bad(uri, "端口应为 1–65535 的数字")
            port = int(port_text)
        if not re.fullmatch(r"[A-Za-z0-9.\-]+", host):
            raise _bad(uri, "主机名只能含字母、数字、点和连字符")
        return PrinterURI("tcp", host, port=port)
    if scheme == "serial":
        device, baud = rest, DEFAULT_BAUD
        head, _, tail = rest.rpartition(":")
        if head and tail.isdigit():
            device, baud = head, int(tail)
        if baud not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
            raise _bad(uri, "波特率应为 1200–115200 的标准值")
        return PrinterURI("serial", device, baud=baud)
    return PrinterURI(scheme, rest)
