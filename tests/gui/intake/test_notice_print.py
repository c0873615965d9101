"""The three notices as A4 PDFs through QPrinter, read back with pypdfium2."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdfium2
from pytestqt.qtbot import QtBot

from hall_client.core.cases.intake import record_intake
from hall_client.core.cases.queries import notice_for_print
from hall_client.core.counter import Counter
from hall_client.gui.intake.notice_print import write_pdf_headless
from hall_client.printing.case_notices import notice_document
from tests.core.cases.helpers import CLERK, HALL, full_intake, missing_intake

NOW = datetime(2026, 9, 30, 2, tzinfo=UTC)


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    return text.replace("\r", "").replace("\n", "")  # table cells wrap lines


def notice_pdf(counter: Counter, tmp_path: Path, intake: Any, *, reprint: bool = False,
               now: datetime = NOW) -> tuple[Any, str]:
    with counter.store.transaction() as s:
        result = record_intake(s, CLERK, HALL, counter.data_dir, intake, now=now)
    with counter.store.transaction() as s:
        content = notice_for_print(s, CLERK, result.notice_id, reprint=reprint)
    html, images = notice_document(content)
    path = tmp_path / f"{result.notice_number}.pdf"
    write_pdf_headless(path, html, images)
    return result, pdf_text(path)


def test_acceptance_notice(qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    result, text = notice_pdf(counter, tmp_path, full_intake())
    for expected in ("县行政服务中心", "受理通知书", result.notice_number, result.case_number,
                     result.query_code, "2026年10月15日", "http://127.0.0.1:8700/status",
                     "720000.00", "某某建设有限公司", "予以受理"):
        assert expected in text, expected
    assert "王静" not in text  # no staff names on what the applicant takes home
    assert "重打" not in text


def test_acceptance_notice_for_an_uncovered_year(qtbot: QtBot, counter: Counter,
                                                 tmp_path: Path) -> None:
    _, text = notice_pdf(counter, tmp_path, full_intake(),
                         now=datetime(2026, 12, 24, 2, tzinfo=UTC))
    assert "暂无法确定" in text and "2027" in text
    assert "2027年" not in text  # no made-up date


def test_correction_notice_lists_everything_at_once(qtbot: QtBot, counter: Counter,
                                                    tmp_path: Path) -> None:
    result, text = notice_pdf(counter, tmp_path, missing_intake())
    for expected in ("补正材料通知书", result.notice_number, result.case_number, "一次性告知",
                     "第三十二条", "建设工程规划许可证", "复印件不清晰，须加盖公章",
                     "施工图设计文件审查合格书", "工程质量监督登记表"):
        assert expected in text, expected
    assert "委托书及受托人身份证" not in text  # optional, nothing to correct


def test_refusal_notice_names_reason_and_remedies(qtbot: QtBot, counter: Counter,
                                                  tmp_path: Path) -> None:
    reason = "申请事项依法不需要取得行政许可"
    result, text = notice_pdf(counter, tmp_path, missing_intake("refuse", reason=reason))
    for expected in ("不予受理决定书", result.notice_number, reason, "行政复议", "六十日",
                     "行政诉讼", "六个月"):
        assert expected in text, expected


def test_reprint_is_marked(qtbot: QtBot, counter: Counter, tmp_path: Path) -> None:
    result, _ = notice_pdf(counter, tmp_path, full_intake())
    with counter.store.transaction() as s:
        content = notice_for_print(s, CLERK, result.notice_id, reprint=True)
    html, images = notice_document(content)
    write_pdf_headless(tmp_path / "again.pdf", html, images)
    text = pdf_text(tmp_path / "again.pdf")
    assert "重打" in text and result.notice_number in text
