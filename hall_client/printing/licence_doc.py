"""A licence (证照) or approval letter as HTML plus its QR image, from a stored licence.

Headless, like the intake notices: the GUI hands the HTML to QPrinter (a printer, or a PDF kept
with the case). The QR carries the signed code (``core/results/seal.py``) that the server's
``/verify`` checks; the number and holder are printed large. A reprint says 重打 and its count.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html import escape

from hall_client.core.results.templates import LicenceTemplate
from hall_client.core.settings import SHANGHAI
from hall_client.printing.case_notices import qr_png

QR_NAME = "licence-qr.png"

STYLE = ("<style>body{font-size:12pt} h1{font-size:22pt;text-align:center;margin:0;"
         "letter-spacing:4pt} .no{text-align:center;font-size:12pt}"
         ".big{font-size:14pt;font-weight:bold} td{padding:5px 8px;border:1px solid #777}"
         "table{border-collapse:collapse} .label{background:#f2f2f2;width:28%}"
         ".muted{color:#444;font-size:10pt} .reprint{color:#b00020}</style>")


def licence_html(*, template: LicenceTemplate, number: str, fields: Mapping[str, str],
                 hall_name: str, item_name: str, case_number: str, issued_at: datetime,
                 reprint: int = 0, preview: bool = False,
                 verify_hint: str = "扫码验真") -> str:
    """The HTML and images of one licence; ``reprint`` > 0 marks it 重打（第 n 次）."""
    e = escape
    issued = issued_at.astimezone(SHANGHAI)
    title = e(template.title)
    marks = []
    if reprint:
        marks.append(f"<span class='reprint'>（重打 第 {reprint} 次）</span>")
    if preview:
        marks.append("<span class='reprint'>（预览 · 未发出）</span>")
    rows = "".join(
        f"<tr><td class='label'>{e(label)}</td><td class='big'>{e(value) or '—'}</td></tr>"
        for label, value in fields.items())
    preamble = template.preamble.format(item_name=item_name, case_number=case_number)
    notes = "".join(f"<li>{e(n)}</li>" for n in template.notes)
    html = (
        f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
        f"<h1>{title}</h1>{''.join(marks)}"
        f"<p class='no'>编号：<span class='big'>{e(number)}</span></p>"
        f"<p>{e(preamble)}</p>"
        f"<table width='100%'>{rows}</table>"
        f"<table width='100%' style='border:0'><tr>"
        f"<td style='border:0' width='70%'><ul class='muted'>{notes}</ul>"
        f"<p>{e(template.issuer)}<br/>{e(hall_name)}</p>"
        f"<p>发证日期：{issued.year} 年 {issued.month} 月 {issued.day} 日</p></td>"
        f"<td style='border:0;text-align:center'><img src='{QR_NAME}' width='150' height='150'/>"
        f"<br/><span class='muted'>{e(verify_hint)}</span></td></tr></table>"
        "</body></html>")
    return html


def licence_document(*, template: LicenceTemplate, number: str, code: str,
                     fields: Mapping[str, str], hall_name: str, item_name: str,
                     case_number: str, issued_at: datetime, reprint: int = 0,
                     preview: bool = False) -> tuple[str, dict[str, bytes]]:
    """HTML and images (the QR of the signed code) ready for QPrinter."""
    html = licence_html(template=template, number=number, fields=fields, hall_name=hall_name,
                           item_name=item_name, case_number=case_number, issued_at=issued_at,
                           reprint=reprint, preview=preview)
    return html, {QR_NAME: qr_png(code)}


def refusal_html(*, hall_name: str, item_name: str, case_number: str, applicant: str,
                 project_name: str, reason: str, remedies: str, when: datetime,
                 number: str) -> str:
    """不予行政许可决定书 for a refused case: its number (gap-free per hall and year, given by
    the server with the refusal), the reason and the applicant's remedies."""
    e = escape
    day = when.astimezone(SHANGHAI)
    project = f"（项目：{e(project_name)}）" if project_name else ""
    return (
        f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
        f"<h1>不予行政许可决定书</h1><p class='no'>{e(number)}</p>"
        f"<p class='no'>受理号：{e(case_number)}</p>"
        f"<p>{e(applicant)}：</p>"
        f"<p>你（单位）提出的“{e(item_name)}”申请{project}，经审查，决定不予行政许可。</p>"
        f"<p><b>理由：</b>{e(reason) or '—'}</p>"
        f"<p>{e(remedies)}</p>"
        f"<p style='text-align:right'>{e(hall_name)}<br/>"
        f"{day.year} 年 {day.month} 月 {day.day} 日</p></body></html>")
