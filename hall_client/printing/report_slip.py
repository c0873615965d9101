"""X/Z and daily reports as a slip on the receipt printer, for the cashier to sign and hand in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from hall_client.printing.layout import Block, Pair, Rule, Text, Title
from hall_client.printing.receipt import SHANGHAI


def slip_blocks(hall_name: str, title: str, rows: Sequence[tuple[str, str]],
                *, signatures: Sequence[str] = ("收费员签字", "复核人签字")) -> list[Block]:
    """Title, the report's label/value rows, the print time and lines to sign on."""
    printed = datetime.now(UTC).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")
    blocks: list[Block] = [Title(hall_name), Text(title, center=True, bold=True), Rule()]
    blocks += [Pair(label, value) for label, value in rows]
    blocks += [Rule(), Pair("打印时间", printed)]
    blocks += [Text(f"{name}：__________") for name in signatures]
    return blocks
