"""Receipt layout as paper-independent blocks, shared by the raster and the text renderers.

Both print modes walk the same list of blocks, so a receipt says the same thing whichever
printer it goes to; only the drawing differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hall_client.core.money import format_yuan, uppercase_amount
from hall_client.printing.receipt import Receipt
from hall_client.printing.signing import qr_payload, verification_code

#: Printable width in dots of the two paper sizes (203 dpi heads).
PAPER_DOTS = {58: 384, 80: 576}


@dataclass(frozen=True)
class Banner:
    """White on black across the paper, e.g. 重打."""

    text: str


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Pair:
    """Left text and right-aligned text on one line (the left side wraps if needed)."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    center: bool = False


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class QR:
    payload: str


Block = Banner | Title | Pair | Text | Rule | QR


def _quantity(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def receipt_blocks(receipt: Receipt, key: bytes) -> list[Block]:
    """The receipt's content, top to bottom."""
    blocks: list[Block] = []
    if receipt.standing:
        blocks.append(Banner(receipt.standing))
    if receipt.reprint:
        blocks.append(Banner(f"重打 第{receipt.reprint}次"))
    blocks += [
        Title(receipt.hall_name),
        Text(receipt.title, center=True),
        Rule(),
        Pair("票据代码", receipt.stock_code),
        Pair("票据号码", receipt.number, bold=True),
        Pair("开票时间", receipt.issued_local.strftime("%Y-%m-%d %H:%M:%S")),
        Text(f"交款人：{receipt.payer}"),
    ]
    if receipt.case_number:
        blocks.append(Text(f"办件编号：{receipt.case_number}"))
    blocks.append(Rule())
    for line in receipt.lines:
        blocks.append(Text(f"{line.fee_code} {line.name}"))
        quantity = f"  {_quantity(line.quantity)}{line.unit} × {line.standard}"
        if line.gross is None:
            blocks.append(Pair(quantity, f"{line.amount:,.2f}"))
            continue
        blocks += [Pair(quantity, f"{line.gross:,.2f}"),
                   Pair(f"  {line.reduction}", f"-{line.reduced_by:,.2f}"),
                   Text(f"  减免依据：{line.reduction_basis}"),
                   Pair("  实收", f"{line.amount:,.2f}")]
    blocks += [
        Rule(),
        Pair("合计（小写）", format_yuan(receipt.total), bold=True),
        Text("合计（大写）"),
        Text(uppercase_amount(receipt.total), bold=True),
        Rule(),
    ]
    for payment in receipt.payments:
        label = f"{payment.method} {payment.reference}".strip()
        blocks.append(Pair(label, format_yuan(payment.amount)))
    blocks.append(Pair("收款员", receipt.cashier))
    if receipt.remark:
        blocks.append(Text(f"备注：{receipt.remark}"))
    blocks += [
        Pair("校验码", verification_code(receipt, key)),
        QR(qr_payload(receipt, key)),
        Text("扫码验真 · 请妥善保管", center=True),
    ]
    if receipt.standing:
        blocks.append(Banner(f"{receipt.standing} · 不作有效收款凭证"
                             if receipt.standing in ("作废", "全额退款") else receipt.standing))
    return blocks
