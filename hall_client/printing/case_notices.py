"""The three intake notices on A4, as HTML plus images, from a notice's stored content:
受理通知书 (case number, promised date, query code, QR of the status page),
补正材料通知书 (every missing or non-conforming material and why, all at once: 行政许可法 第三十二条),
不予受理决定书 (reason, and the applicant's remedies with their time limits);
and the 缴款通知书 of an accepted case (fees, total in figures and in 大写, where and how to pay).

Headless, like the one-time notice: the GUI hands the HTML to QPrinter (a printer, or PDF in
tests and ``hall-client case notice``). A reprint carries 重打 in its title line.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from html import escape
from typing import Any

import qrcode

from hall_client.core.catalog import MATERIAL_FORMS

QR_NAME = "status-qr.png"
STATE_NAMES = {"received": "已收", "missing": "未提交", "nonconforming": "不符合要求",
               "deferred": "容缺后补"}
#: Remedies named on a refusal (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months).
REMEDIES = ("如不服本决定，可以自收到本决定书之日起<b>六十日</b>内向{review_body}申请行政复议，"
            "或者自收到本决定书之日起<b>六个月</b>内依法向人民法院提起行政诉讼。")

STYLE = ("<style>body{font-size:11pt} h1{font-size:18pt;text-align:center;margin:0}"
         ".no{text-align:right;font-size:10.5pt} .big{font-size:15pt;font-weight:bold}"
         "td,th{padding:4px 6px}"
         "th{background:#eee} .muted{color:#444;font-size:10pt} .reprint{color:#b00020}</style>")


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes (the status page address)."""
    img = qrcode.make(text, box_size=6, border=2)
    buf = io.BytesIO()
    img.save(buf)
    return buf.getvalue()


def _cn_date(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def _head(c: Mapping[str, Any]) -> str:
    e = escape
    reprint = int(c.get("reprint") or 0)
    mark = (f"<p class='reprint' align='center'><b>重打</b>（第 {reprint} 次重打，"
            "以原件编号为准）</p>") if reprint else ""
    return (f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
            f"<h1>{e(c['hall_name'])}<br/>{e(c['title'])}</h1>{mark}"
            f"<p class='no'>编号：{e(c['number'])}</p>")


def _applicant_line(c: Mapping[str, Any]) -> str:
    a = c["applicant"]
    return f"<p>{escape(a['name'])}：</p>"


def _case_table(c: Mapping[str, Any]) -> str:
    e = escape
    a = c["applicant"]
    rows = [("受理号", f"<span class='big'>{e(c['case_number'])}</span>"),
            ("申请事项", f"{e(c['item_name'])}（{e(c['item_code'])}）"),
            ("申请人", f"{e(a['name'])}　{e(a['id_type'])}：{e(a['id_number'])}")]
    if c.get("project_name"):
        rows.append(("项目名称", e(c["project_name"])))
    return "<table width='100%' border='1' cellspacing='0' cellpadding='4'>" + "".join(f"<tr><th width='22%'>{k}</th><td>{v}</td></tr>"
                                for k, v in rows) + "</table>"


def _materials(c: Mapping[str, Any], states: tuple[str, ...]) -> str:
    rows: list[str] = []
    for m in c["materials"]:
        if m["state"] not in states or (m["state"] == "missing" and not m["required"]):
            continue  # an optional material not brought is nothing to correct
        why = m.get("reason") or ("必需材料，未提交" if m["state"] == "missing" and m["required"]
                                  else "")
        if m["state"] == "deferred":
            why = f"容缺受理，申请人承诺于 {_cn_date(m.get('promised_by'))} 前补交"
        rows.append(f"<tr><td>{len(rows) + 1}</td><td>{escape(m['name'])}</td>"
                    f"<td>{MATERIAL_FORMS.get(m['form'], m['form'])}</td>"
                    f"<td>{STATE_NAMES[m['state']]}</td><td>{escape(why)}</td></tr>")
    if not rows:
        return ""
    return ("<table width='100%' border='1' cellspacing='0' cellpadding='4'><tr><th>序号</th><th width='40%'>材料名称</th><th>形式</th><th>情况</th>"
            "<th>说明</th></tr>" + "".join(rows) + "</table>")


def _foot(c: Mapping[str, Any], seal: str) -> str:
    e = escape
    return (f"<p>&nbsp;</p><p align='right'>{e(c['hall_name'])}（{seal}）<br/>"
            f"{_cn_date(c['date'])}</p>"
            f"<p class='muted'>办理地点：{e(c.get('place', ''))}　咨询电话：{e(c.get('phone', ''))}"
            f"　监督电话：{e(c.get('supervision_phone', ''))}</p>"
            "<p>申请人签收：__________　　日期：__________</p></body></html>")


def acceptance_html(c: Mapping[str, Any]) -> str:
    e = escape
    promised = (f"<span class='big'>{_cn_date(c['promised_date'])}</span>"
                if c.get("promised_date") else
                f"<b>暂无法确定</b>（{e(c.get('deadline_error') or '节假日安排尚未发布')}）"
                "，日期确定后以短信通知，也可凭受理号和查询码在网上查询")
    code = c.get("query_code")
    code_text = (f"<span class='big'>{e(code)}</span>" if code else
                 "（查询码已随原通知书交付申请人，本机不再保存；遗失请持证件到窗口办理）")
    parts = [
        _head(c), _applicant_line(c),
        f"<p>　　你（单位）于 {_cn_date(c['date'])} 提出的“{e(c['item_name'])}”申请，"
        "申请材料齐全、符合法定形式，本中心决定<b>予以受理</b>。</p>",
        _case_table(c),
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"
        f"<tr><th width='22%'>承诺时限</th><td>{c['promised_limit_days']} 个工作日"
        f"（法定时限 {c['legal_limit_days']} 个工作日）</td></tr>"
        f"<tr><th>承诺办结日期</th><td>{promised}</td></tr>"
        f"<tr><th>查询码</th><td>{code_text}</td></tr>"
        f"<tr><th>应缴费用</th><td>{e(c.get('fee_total', '0.00'))} 元</td></tr>"
        "</table>",
        _materials(c, ("deferred",)),
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'><tr><td width='70%'>请妥善保管本通知书。凭受理号和查询码可在网上查询办理进度：<br/>"
        f"{e(c['status_url'])}<br/>时限按工作日计算，不含法定节假日；补正材料、特别程序期间不计入。"
        f"</td><td align='center'><img src='{QR_NAME}' width='110' height='110'/></td></tr></table>",
        _foot(c, "受理专用章"),
    ]
    return "".join(parts)


def correction_html(c: Mapping[str, Any]) -> str:
    e = escape
    parts = [
        _head(c), _applicant_line(c),
        f"<p>　　你（单位）于 {_cn_date(c['date'])} 提出的“{e(c['item_name'])}”申请"
        f"（受理号 <b>{e(c['case_number'])}</b>），申请材料不齐全或者不符合法定形式。"
        "根据《中华人民共和国行政许可法》第三十二条，现<b>一次性告知</b>需要补正的全部内容如下：</p>",
        _materials(c, ("missing", "nonconforming")),
    ]
    if c.get("reason"):
        parts.append(f"<p>其他说明：{e(c['reason'])}</p>")
    parts += [
        "<p>　　请按上述要求一次补齐后，携带本通知书到窗口提交；补正后的申请沿用原受理号。"
        "补齐材料之日起视为受理。</p>",
        _foot(c, "受理专用章"),
    ]
    return "".join(parts)


def refusal_html(c: Mapping[str, Any]) -> str:
    e = escape
    body = c.get("review_body") or "本级人民政府"
    parts = [
        _head(c), _applicant_line(c),
        f"<p>　　你（单位）于 {_cn_date(c['date'])} 提出的“{e(c['item_name'])}”申请"
        f"（登记号 <b>{e(c['case_number'])}</b>），经审查，本中心决定<b>不予受理</b>。</p>",
        f"<p><b>理由：</b>{e(c['reason'])}</p>",
        "<p>　　" + REMEDIES.format(review_body=e(body)) + "</p>",
        _foot(c, "受理专用章"),
    ]
    return "".join(parts)


def notice_document(content: Mapping[str, Any]) -> tuple[str, dict[str, bytes]]:
    """(HTML, images by the name the HTML uses) for one notice's content."""
    kind = content["kind"]
    if kind == "accept":
        return acceptance_html(content), {QR_NAME: qr_png(content["status_url"])}
    if kind == "correction":
        return correction_html(content), {}
    if kind == "refuse":
        return refusal_html(content), {}
    if kind == "payment":
        return payment_html(content), {}
    raise ValueError(f"unknown notice kind {kind!r}")


def payment_html(c: Mapping[str, Any]) -> str:
    """缴款通知书: the fees of an accepted case, for the applicant to pay at the cashier."""
    e = escape
    rows = []
    for n, ln in enumerate(c["lines"], 1):
        quantity = f"{e(ln['quantity'])} {e(ln['unit'])}" if ln.get("unit") != "项" else "1 项"
        note = ""
        if ln.get("reduced_by"):
            note = f"减免 {e(ln['reduced_by'])} 元（{e(ln.get('reduction_reason', ''))}）"
        rows.append(f"<tr><td align='center'>{n}</td><td>{e(ln['name'])}</td>"
                    f"<td>{e(ln['standard'])}</td><td align='right' style='white-space:nowrap'>{quantity}</td>"
                    f"<td align='right' style='white-space:nowrap'>{e(ln['amount'])}</td>"
                    f"<td>{note}</td></tr>")
    paid = ("<p class='reprint' align='center'><b>本件费用已缴清</b>（本通知书仅供核对）</p>"
            if c.get("paid") else "")
    parts = [
        f"<html><head><meta charset='utf-8'>{STYLE}</head><body>"
        f"<h1>{e(c['hall_name'])}<br/>{e(c['title'])}</h1>{paid}"
        f"<p class='no'>受理号：{e(c['case_number'])}</p>",
        f"<p>{e(c['payer'])}：</p>",
        f"<p>　　你（单位）申请的“{e(c['item_name'])}”（受理号 <b>{e(c['case_number'])}</b>）"
        "已受理，依法应缴纳下列费用，请按本通知书缴款。</p>",
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"
        "<tr><th width='7%' style='white-space:nowrap'>序号</th><th width='25%'>收费项目</th>"
        "<th width='22%'>收费标准</th><th width='12%'>数量</th>"
        "<th width='16%' style='white-space:nowrap'>金额（元）</th><th>减免</th></tr>"
        + "".join(rows)
        + "<tr><th colspan='4' align='right'>合计（小写）</th>"
        f"<td align='right' class='big' style='white-space:nowrap'>{e(c['total_figures'])}"
        "</td><td></td></tr>"
        "<tr><th colspan='2' align='right'>合计（大写）</th>"
        f"<td colspan='4' class='big'>{e(c['total_upper'])}</td></tr></table>",
        "<table width='100%' border='1' cellspacing='0' cellpadding='4'>"
        f"<tr><th width='22%'>缴款地点</th><td>{e(c['hall_name'])}收费窗口"
        f"（凭本通知书或受理号 {e(c['case_number'])} 缴款）</td></tr>"
        f"<tr><th>缴款方式</th><td>{e(c['ways'])}</td></tr>"
        "<tr><th>票据</th><td>缴款后当场出具财政票据，请妥善保管；"
        "缴款后方可领取办理结果。</td></tr>"
        f"<tr><th>开具窗口</th><td>{e(c['counter_name'])}（{e(c['counter_id'])}）</td></tr>"
        "</table>",
        f"<p>&nbsp;</p><p align='right'>{e(c['hall_name'])}<br/>{_cn_date(c['date'])}</p>"
        f"<p class='muted'>办理进度查询：{e(c['status_url'])}</p></body></html>",
    ]
    return "".join(parts)
