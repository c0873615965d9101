"""Money: Decimal yuan quantised to the fen, strict parsing, and Chinese uppercase amounts.

Money never passes through float. Amounts typed by people are parsed strictly (a third decimal
or a minus sign is an error, not something to round away); amounts computed by fee rules are
rounded half-up to the fen. The uppercase amount (大写金额) follows the People's Bank of China
rules for writing bills: ``人民币`` prefix, ``整`` after 元 or 角 when nothing follows, one
``零`` for a run of zeros, ``零`` after 元 when 角 is zero and 分 is not, and 壹拾 never
shortened. cn2an does the digits, but it truncates, so we quantise first and pass a string.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import cn2an

from hall_client.core.errors import DomainError

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
#: Largest amount one receipt or payment may carry (a typing slip beyond this is refused).
MAX_AMOUNT = Decimal("99999999.99")

_AMOUNT_RE = re.compile(r"[0-9]{1,12}(\.[0-9]{1,2})?")  # ASCII digits only
#: Thousands separators are accepted only where they group threes: "1,234.50", not "5,00".
_GROUPED_RE = re.compile(r"[0-9]{1,3}([,，][0-9]{3})+(\.[0-9]*)?")


class MoneyError(DomainError):
    """An amount broke a rule (negative, too many decimals, too large, not a number)."""


def money(value: Decimal | int | str) -> Decimal:
    """Round a computed amount half-up to the fen.

    Floats are refused: they cannot hold most fen values exactly.
    """
    if isinstance(value, float):
        raise TypeError("money() refuses float; pass Decimal, int or str")
    try:
        amount = Decimal(value) if not isinstance(value, Decimal) else value
    except InvalidOperation as exc:
        raise MoneyError(code="amount_not_number", message=f"金额“{value}”不是数字") from exc
    if not amount.is_finite():
        raise MoneyError(code="amount_not_number", message=f"金额“{value}”不是有限数字")
    try:
        return amount.quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than the context holds
        raise MoneyError(code="amount_too_large", message=f"金额“{value}”过大") from exc


def parse_amount(
    text: str | Decimal | int,
    *,
    field: str = "金额",
    allow_zero: bool = False,
    maximum: Decimal = MAX_AMOUNT,
) -> Decimal:
    """Parse an amount a person typed: digits, at most two decimals, not negative, not huge.

    ``field`` names the input in the message so the clerk knows which box to fix.
    """
    raw = str(text).strip()
    if ("," in raw or "，" in raw) and not _GROUPED_RE.fullmatch(raw.lstrip("-")):
        raise MoneyError(code="amount_separator_invalid",
                         message=f"{field}的千位分隔符位置不对：{text}（例：1,234.50；"
                                 "小数点请用“.”）")
    raw = raw.replace(",", "").replace("，", "")
    if raw.startswith("-"):
        raise MoneyError(code="amount_negative", message=f"{field}不能为负数：{text}")
    if raw.count(".") == 1 and len(raw.split(".")[1]) > 2 and raw.split(".")[1].isdigit():
        raise MoneyError(code="amount_too_many_decimals", message=f"{field}最多两位小数（到分）：{text}")
    if not _AMOUNT_RE.fullmatch(raw):
        raise MoneyError(code="amount_not_number", message=f"{field}不是有效金额：{text}（例：1234.50）")
    amount = Decimal(raw).quantize(FEN)
    if amount > maximum:
        raise MoneyError(code="amount_too_large", message=f"{field}超过上限 {maximum}：{text}")
    if amount == 0 and not allow_zero:
        raise MoneyError(code="amount_zero", message=f"{field}不能为零")
    return amount


def format_yuan(amount: Decimal) -> str:
    """Figures as printed on a receipt: ``¥1,234.50``."""
    return f"¥{money(amount):,.2f}"


def uppercase_amount(amount: Decimal | int | str) -> str:
    """Chinese uppercase amount with the 人民币 prefix, e.g. ``人民币壹仟零壹拾元整``.

    The amount is quantised half-up to the fen first (cn2an would truncate 1.999 to 1.99).
    """
    value = money(amount)
    if value < 0:
        raise MoneyError(code="amount_negative", message=f"大写金额不能为负数：{value}")
    if value > Decimal("999999999999.99"):
        raise MoneyError(code="amount_too_large", message=f"金额过大，无法写成大写：{value}")
    words = str(cn2an.an2cn(f"{value:.2f}", "rmb"))
    jiao = int(value * 10) % 10
    fen = int(value * 100) % 10
    if jiao and not fen and not words.endswith("整"):
        # Ends at 角: 整 may be written and is safer against added digits.
        words += "整"
    return "人民币" + words
