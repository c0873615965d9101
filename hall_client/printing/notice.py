"""The one-time notice (一次性告知单) of a service item, as HTML.

The catalog browser shows it and prints it on A4 (the GUI hands it to QPrinter); keeping the
layout here, headless, lets it be tested and reused for other front ends.

The printed notice goes home with the applicant: it names no internal staff and no backup
(B 岗) posts — the flow shows each step, its post and its time limit — and the 告知人 is the
window (its name and number) with the hall's telephone, not a person. Each heading is kept with
what follows it: the printing path moves a heading that would end a page to the next one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape
from typing import Any

from hall_client.core.catalog import MATERIAL_FORMS, describe_fee_rule, stage_limits


def item_html(
    definition: Mapping[str, Any],
    *,
    version: int,
    departments: Mapping[str, str],
    people: Mapping[str, str],
    hall_name: str,
    for_print: bool = False,
    today: date | None = None,
    applicant: str = "",
    counter: str = "",
    hall_phone: str = "",
) -> str:
    """The notice; printed for a named applicant, ``applicant`` is written on it exactly.

    ``people`` names the post holders on the screen version only (staff read it); the printed
    version (``for_print``) leaves every staff name out. ``counter`` (e.g. 综合窗口1号（W01）)
    and ``hall_phone`` fill in the 告知人 line of the printed version."""
    d = definition
    e = escape
    dept = departments.get(d["department"], d["department"])
    parts = [
        "<html><head><meta charset='utf-8'><style>"
        "body{font-size:10.5pt} h1{font-size:16pt;text-align:center} h2{font-size:12pt}"
        "table{border-collapse:collapse;width:100%} td,th{border:1px solid #555;padding:3px 5px}"
        "th{background:#eee} .muted{color:#555}</style></head><body>"
    ]
    if for_print:
        parts.append(f"<h1>{e(hall_name)}<br/>一次性告知单</h1>")
        if applicant:
            parts.append(f"<p>告知对象：<b>{e(applicant)}</b></p>")
    parts.append(f"<h2>{e(d['name'])}</h2>")
    parts.append(
        f"<p>事项编码：{e(d['code'])}（第 {version} 版）　事项类别：{e(d['category'])}<br/>"
        f"实施部门：{e(dept)}　办理地点：{e(d.get('place', ''))}<br/>"
        f"法定时限：<b>{d['legal_limit_days']}</b> 个工作日　"
        f"承诺时限：<b>{d['promised_limit_days']}</b> 个工作日<br/>"
        f"咨询电话：{e(d.get('phone', ''))}　监督电话：{e(d.get('supervision_phone', ''))}</p>"
    )
    if d.get("guide"):
        parts.append(f"<p class='muted'>{e(d['guide'])}</p>")
    section_start = len(parts)
    parts.append("<table><tr><th>序号</th><th width='38%'>材料名称</th><th>必需</th>"
                 "<th>形式</th><th>份数</th><th>分卷</th><th>备注</th></tr>")
    for i, m in enumerate(d["materials"], 1):
        notes = m.get("notes", "")
        if not m.get("digitise", True):
            notes = ("（纸质保存，不扫描）" + notes) if notes else "纸质保存，不扫描"
        parts.append(
            f"<tr><td>{i}</td><td>{e(m['name'])}</td><td>{'是' if m['required'] else '否'}</td>"
            f"<td>{MATERIAL_FORMS[m['form']]}</td><td>{m.get('copies', 1)}</td>"
            f"<td>{e(m.get('section', ''))}</td><td>{e(notes)}</td></tr>"
        )
    parts.append("</table>")
    _keep_together(parts, section_start, "申请材料")
    section_start = len(parts)
    if d["fees"]:
        parts.append("<table><tr><th>编码</th><th>名称</th><th>标准</th><th>依据</th></tr>")
        for f in d["fees"]:
            parts.append(f"<tr><td>{e(f['code'])}</td><td>{e(f['name'])}</td>"
                         f"<td>{e(describe_fee_rule(f['rule']))}</td><td>{e(f['basis'])}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>本事项不收费。</p>")
    _keep_together(parts, section_start, "收费项目")
    section_start = len(parts)
    if for_print:  # for the applicant: steps and limits, no staff names, no B 岗
        parts.append("<table><tr><th>环节</th><th>岗位</th><th>时限（工作日）</th></tr>")
        for s in d["workflow"]:
            parts.append(f"<tr><td>{s['stage']}</td><td>{e(s['name'])}</td>"
                         f"<td>{s['limit_days']}</td></tr>")
    else:
        parts.append("<table><tr><th>环节</th><th>岗位</th><th>时限（工作日）</th>"
                     "<th>本级权限人</th><th>B 岗</th></tr>")
        for s in d["workflow"]:
            holders = "、".join(people.get(h, h) for h in s["holders"])
            backup = "、".join(people.get(h, h) for h in s.get("backup", []))
            parts.append(f"<tr><td>{s['stage']}</td><td>{e(s['name'])}</td>"
                         f"<td>{s['limit_days']}</td><td>{e(holders)}</td><td>{e(backup)}</td></tr>")
    total = sum(limit for _, limit in stage_limits(d))
    parts.append(f"</table><p class='muted'>各环节时限合计 {total} 个工作日"
                 "（同一环节并联办理的岗位按最长者计）。</p>")
    _keep_together(parts, section_start, "办理流程")
    if for_print:
        when = (today or date.today()).strftime("%Y年%m月%d日")
        phone = hall_phone or d.get("phone", "")
        parts.append(
            "<p>以上为办理本事项需提交的全部材料，申请人按本告知单一次性补齐后即予受理。</p>"
            f"<p>告知人：{e(counter or hall_name)}　咨询电话：{e(phone)}<br/>"
            f"申请人签收：__________　日期：{when}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)



def _keep_together(parts: list[str], start: int, heading: str) -> None:
    """Put the section ``heading`` before ``parts[start:]`` (a heading block: the printing
    path keeps headings with what follows, ``gui.html_print.keep_headings_with_next``)."""
    parts.insert(start, f"<h2>{heading}</h2>")
