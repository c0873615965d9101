"""打印机设置: choose the receipt printer by kind and address (a printer URI), paper width,
print mode and text charset; 试打 sends a test page; 保存 writes ``settings.toml``.

Printer errors are shown in the interface language, naming the device and what to check;
the system's own (English) text goes only to the log (DESIGN §9).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from hall_client.core.counter import Counter
from hall_client.core.settings import TEXT_CHARSETS, save_settings
from hall_client.gui.jobs import JobRunner
from hall_client.gui.widgets.form_dialog import FormDialog, error_text
from hall_client.printing.printer_uri import PrinterError, parse_printer_uri

# kinds of printer in the order offered, with an example address of each
KINDS = ("usb", "tcp", "serial", "file", "win32")
EXAMPLES = {"usb": "0416:5011", "tcp": "192.168.1.50:9100", "serial": "/dev/ttyUSB0:9600",
            "file": "/tmp/receipts.bin", "win32": "POS-80"}


def kind_label(kind: str) -> str:
    return {"usb": QCoreApplication.translate("Printer", "USB 打印机"), "tcp": QCoreApplication.translate("Printer", "网络打印机（TCP）"),
            "serial": QCoreApplication.translate("Printer", "串口打印机"), "file": QCoreApplication.translate("Printer", "写入文件（测试用）"),
            "win32": QCoreApplication.translate("Printer", "Windows 打印机")}.get(kind, kind)


def what_to_check(scheme: str) -> str:
    return {
        "usb": QCoreApplication.translate("Printer", "请检查打印机电源是否打开、USB 线是否插好、VID:PID 是否与打印机一致。"),
        "tcp": QCoreApplication.translate("Printer", "请检查打印机电源、网线，以及 IP 地址和端口是否正确。"),
        "serial": QCoreApplication.translate("Printer", "请检查打印机电源、串口线，以及串口名和波特率是否正确。"),
        "file": QCoreApplication.translate("Printer", "请检查文件夹是否存在、是否可以写入。"),
        "win32": QCoreApplication.translate("Printer", "请检查 Windows 中该打印机的名称是否正确、打印机是否联机。"),
    }.get(scheme, QCoreApplication.translate("Printer", "请检查打印机的电源、连线和地址。"))


def printer_error_text(exc: BaseException, device: str = "") -> str:
    """A printer failure in the interface language: which device, what happened, what to check."""
    if not isinstance(exc, PrinterError):
        return error_text(exc)
    device = exc.device or device
    scheme = exc.scheme or device.partition(":")[0]
    if exc.code == "printer_not_found":
        return QCoreApplication.translate("Printer", "无法连接票据打印机 {device}。").format(device=device) + what_to_check(scheme)
    if exc.code == "printer_offline":
        return (QCoreApplication.translate("Printer", "票据打印机 {device} 在打印中途断开或未应答，这张票据没有完整打出。")
                .format(device=device) + what_to_check(scheme))
    if exc.code == "printer_uri_invalid":
        return QCoreApplication.translate("Printer", "打印机地址“{device}”写法不对：请在“打印机设置”中重新选择。").format(device=device)
    if exc.code == "printer_unsupported":
        return QCoreApplication.translate("Printer", "这台电脑不能使用 {device}（Windows 打印机只能在 Windows 上使用）。").format(
            device=device)
    return error_text(exc)


def no_printer_text() -> str:
    return QCoreApplication.translate("Printer", "本柜台未设置票据打印机：票据只在右侧预览，尚未打印。"
               "请按 F9 打开“打印机设置”，选择打印机并试打。")


class PrinterSettingsDialog(FormDialog):
    """Kind + address make the URI; 试打 (Ctrl+T) prints a test page; 保存 (Enter) saves."""

    def __init__(self, counter: Counter, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Printer", "打印机设置"), parent, ok_text=QCoreApplication.translate("Printer", "保存 (Enter)"))
        self.setObjectName("printerSettings")
        self.counter, self.jobs = counter, jobs
        current = counter.settings.printer
        self.kind = QComboBox()
        self.kind.setObjectName("printerKind")
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.address = QLineEdit()
        self.address.setObjectName("printerAddress")
        scheme, _, rest = current.uri.partition(":")
        if scheme in KINDS:
            self.kind.setCurrentIndex(KINDS.index(scheme))
            self.address.setText(rest)
        self.paper = QComboBox()
        self.paper.setObjectName("printerPaper")
        for width in (58, 80):
            self.paper.addItem(QCoreApplication.translate("Printer", "{w} 毫米").format(w=width), width)
        self.paper.setCurrentIndex(0 if current.paper == 58 else 1)
        self.mode = QComboBox()
        self.mode.setObjectName("printerMode")
        self.mode.addItem(QCoreApplication.translate("Printer", "图像（与预览一致，推荐）"), "raster")
        self.mode.addItem(QCoreApplication.translate("Printer", "文字（打印机自带汉字字库）"), "text")
        self.mode.setCurrentIndex(1 if current.mode == "text" else 0)
        self.charset = QComboBox()
        self.charset.setObjectName("printerCharset")
        charset_names = {
            "gbk": QCoreApplication.translate("Printer", "GBK（常用汉字，多数打印机）"),
            "gb2312": QCoreApplication.translate("Printer", "GB2312（仅常用简体字）"),
            "gb18030-1": QCoreApplication.translate("Printer", "GB18030 一级（含生僻字）"),
            "gb18030-2": QCoreApplication.translate("Printer", "GB18030 二级（含扩展汉字）"),
            "gb18030-3": QCoreApplication.translate("Printer", "GB18030 三级（含少数民族文字）"),
        }
        for code in TEXT_CHARSETS:
            self.charset.addItem(charset_names.get(code, code), code)
        if self.charset.findData(current.text_charset) >= 0:
            self.charset.setCurrentIndex(self.charset.findData(current.text_charset))
        self.add_field("kind", QCoreApplication.translate("Printer", "打印机类型(&K)："), self.kind)
        self.add_field("address", QCoreApplication.translate("Printer", "地址(&A)："), self.address)
        self.add_field("paper", QCoreApplication.translate("Printer", "纸宽(&W)："), self.paper)
        self.add_field("mode", QCoreApplication.translate("Printer", "打印方式(&M)："), self.mode)
        self.add_field("charset", QCoreApplication.translate("Printer", "文字方式的字符集："), self.charset)
        self.test_button = QPushButton(QCoreApplication.translate("Printer", "试打 (Ctrl+T)"))
        self.test_button.setObjectName("printerTest")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_print)
        self.form.addRow(self.test_button)
        self.outcome = QLabel()
        self.outcome.setObjectName("printerResult")
        self.outcome.setWordWrap(True)
        self.form.addRow(self.outcome)
        QShortcut(QKeySequence("Ctrl+T"), self, self.test_print)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.mode.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.address.setFocus(Qt.FocusReason.OtherFocusReason)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.address.setPlaceholderText(QCoreApplication.translate("Printer", "例如 {example}").format(example=EXAMPLES[kind]))
        self.charset.setEnabled(self.mode.currentData() == "text")

    def uri(self) -> str:
        return f"{self.kind.currentData()}:{self.address.text().strip()}"

    def local_errors(self) -> Mapping[str, str]:
        if not self.address.text().strip():
            return {"address": QCoreApplication.translate("Printer", "请填写打印机地址，例如 {example}").format(
                example=EXAMPLES[self.kind.currentData()])}
        try:
            parse_printer_uri(self.uri())
        except PrinterError:
            return {"address": QCoreApplication.translate("Printer", "地址写法不对，应类似 {example}").format(
                example=EXAMPLES[self.kind.currentData()])}
        return {}

    def test_print(self) -> None:
        """Send a test page with the settings as chosen (not yet saved)."""
        self.clear_errors()
        errors = self.local_errors()
        if errors:
            self.show_errors(errors)
            return
        from hall_client.printing.output import send
        from hall_client.printing.sample import test_page_bytes

        uri, paper, mode = self.uri(), int(self.paper.currentData()), self.mode.currentData()
        charset, hall = self.charset.currentData(), self.counter.settings.hall.name

        def work(ctx: object) -> int:
            return send(uri, test_page_bytes(hall, uri, paper=paper, mode=mode,
                                             charset=charset))

        def done(_sent: Any) -> None:
            self.test_button.setEnabled(True)
            self.outcome.setStyleSheet("color:#1b5e20;")
            self.outcome.setText(QCoreApplication.translate("Printer", "已向 {device} 发送试打页：请看打印机是否出纸、字迹是否清楚。")
                                .format(device=uri))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.outcome.setText("")
            self.show_errors({"address": printer_error_text(exc, uri)})

        self.test_button.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(QCoreApplication.translate("Printer", "正在试打…"))
        self.jobs.background(work, success=done, failure=failed)

    def submit(self) -> None:
        printer = self.counter.settings.printer
        old = (printer.uri, printer.paper, printer.mode, printer.text_charset)
        printer.uri, printer.paper = self.uri(), int(self.paper.currentData())
        printer.mode, printer.text_charset = self.mode.currentData(), self.charset.currentData()
        settings, directory = self.counter.settings, self.counter.data_dir

        def failed(exc: BaseException) -> None:
            printer.uri, printer.paper, printer.mode, printer.text_charset = old
            self.set_busy(False)
            self.show_problems(exc)

        self.set_busy(True)
        self.jobs.background(lambda ctx: save_settings(directory, settings),
                             success=self.done_ok, failure=failed)
