"""Printing a licence through QPrinter (a printer, or a PDF) and keeping a PDF copy with the case.

The number is taken before printing (``core.results.licences.prepare_licence``) and the
licence becomes ``issued`` only after the printer took the whole page; a printer that fails
leaves it ``prepared``, and the next attempt prints the same number again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError
from hall_client.core.results import licences
from hall_client.core.results.seal import hall_seal
from hall_client.core.results.templates import LicenceTemplate, template_for
from hall_client.gui.intake.notice_print import print_document
from hall_client.printing.licence_doc import licence_document
from hall_client.store.results_models import Licence


class PrintFailed(DomainError):
    """The printer did not take the licence; nothing was recorded as printed."""

    code = "licence_print_failed"


#: Sends one licence (HTML, images, template) to paper; raises PrintFailed on failure.
SendToPrinter = Callable[[str, Mapping[str, bytes], LicenceTemplate], None]


def setup_page(printer: QPrinter, template: LicenceTemplate) -> None:
    size = QPageSize.PageSizeId.A3 if template.paper == "A3" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape
                               if template.orientation == "landscape"
                               else QPageLayout.Orientation.Portrait)


def print_on(printer: QPrinter, html: str, images: Mapping[str, bytes],
             template: LicenceTemplate, font: QFont) -> None:
    """Paint the licence on ``printer``; a printer left in its error state raises PrintFailed."""
    setup_page(printer, template)
    print_document(printer, html, images, font)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrintFailed("打印机出错，证照没有打印完整：请检查打印机（纸张、卡纸、连接）后重试，"
                          "证号不变")


def write_pdf(path: Path, html: str, images: Mapping[str, bytes], template: LicenceTemplate,
              font: QFont) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_on(printer, html, images, template, font)


@dataclass(frozen=True)
class PrintedLicence:
    id: str
    number: str
    holder: str
    reprint: int
    pdf: Path


def document_for(counter: Counter, licence: Licence, *, reprint: int = 0,
                 preview: bool = False) -> tuple[str, dict[str, bytes], LicenceTemplate]:
    template = template_for(licence.item_code)
    html, images = licence_document(
        template=template, number=licence.number, code=licence.code, fields=licence.fields,
        hall_name=counter.settings.hall.name, item_name=licence.item_name,
        case_number=licence.case_number, issued_at=licence.issued_at, reprint=reprint,
        preview=preview)
    return html, images, template


def hall_code(counter: Counter) -> str:
    return counter.settings.hall.id


def issue_and_print(counter: Counter, actor: Actor, case_id: str, inputs: Mapping[str, str],
                    send: SendToPrinter, font: QFont) -> PrintedLicence:
    """Prepare (or take up again) the case's licence, print it, keep its PDF, mark it issued.

    Also reprints an issued licence (marked 重打 and counted)."""
    seal = hall_seal(counter.data_dir)
    with counter.store.transaction() as s:
        standing = licences.current_licence(s, case_id)
        licence = standing if standing is not None and standing.status == "issued" else \
            licences.prepare_licence(s, actor, case_id, inputs, hall_code=hall_code(counter),
                                     seal=seal)
        s.expunge(licence)
    reprint = licence.prints if licence.status == "issued" else 0
    html, images, template = document_for(counter, licence, reprint=reprint)
    send(html, images, template)  # raises PrintFailed: the licence stays as it was
    rel = Path("results") / case_id / f"licence-{licence.number}.pdf"
    if reprint == 0:
        write_pdf(counter.data_dir / rel, html, images, template, font)
    with counter.store.transaction() as s:
        done = licences.licence_printed(s, actor, licence.id, str(rel) if reprint == 0 else "",
                                        data_dir=counter.data_dir)
        pdf = counter.data_dir / (done.pdf_file or str(rel))
        return PrintedLicence(done.id, done.number, done.holder, done.prints - 1, pdf)


def pdf_sender(path: Path, font: QFont) -> SendToPrinter:
    """A 'printer' that writes the PDF to ``path`` (tests, and printing to file)."""

    def send(html: str, images: Mapping[str, bytes], template: LicenceTemplate) -> None:
        write_pdf(path, html, images, template, font)

    return send


def printer_sender(printer: QPrinter, font: QFont) -> SendToPrinter:
    def send(html: str, images: Mapping[str, bytes], template: LicenceTemplate) -> None:
        print_on(printer, html, images, template, font)

    return send


def print_refusal(counter: Counter, case: licences.ResultCase, send: SendToPrinter,
                  font: QFont, remedies: str) -> Path:
    """Print the refusal letter (不予许可决定书) with its number and keep a PDF copy; a case
    whose number has not come from the server is refused before anything is printed."""
    from datetime import UTC, datetime

    from hall_client.printing.licence_doc import refusal_html

    if not case.decision_number:
        raise licences.ResultError(
            "这份不予许可决定书还没有文号（文号由中心在作出决定时编排）：请先同步，"
            "收到文号后再打印", code="refusal_number_missing")
    html = refusal_html(hall_name=counter.settings.hall.name, item_name=case.item_name,
                        case_number=case.case_number, applicant=case.applicant_name,
                        project_name=case.project_name, reason=case.reason,
                        remedies=remedies, when=datetime.now(UTC),
                        number=case.decision_number)
    page = template_for("")  # the generic letter's paper: A4 portrait
    send(html, {}, page)
    path = counter.data_dir / "results" / case.id / "refusal-decision.pdf"
    write_pdf(path, html, {}, page, font)
    return path
