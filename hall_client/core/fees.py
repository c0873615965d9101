"""Fee assessment from the catalog's fee rules: fixed, per unit, progressive tiers, capped rate.

A rule is read from the catalog's JSON (amounts as strings) into a typed rule; the clerk's
inputs (a quantity such as floor area, or a declared base such as the contract price) turn it
into an assessed line. Each line is rounded half-up to the fen once, after the min/cap, and a
reduction or exemption is applied last and must name its reason and legal basis, because an
auditor asks for both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from hall_client.core.errors import DomainError
from hall_client.core.money import MAX_AMOUNT, ZERO, money

#: The largest quantity or base a clerk may enter (a typing slip beyond this is refused).
MAX_QUANTITY = Decimal("1000000000")
_QUANTITY_RE = re.compile(r"[0-9]{1,12}(\.[0-9]{1,12})?")  # ASCII digits and one point only


class FeeError(DomainError):
    """A fee rule in the catalog or an assessment input broke a rule."""


@dataclass(frozen=True)
class Tier:
    upto: Decimal | None  # None: no upper bound (the last tier)
    price: Decimal


@dataclass(frozen=True)
class FeeRule:
    """A catalog fee rule, typed. Only the fields of its ``kind`` are set."""

    kind: str
    amount: Decimal = ZERO
    unit: str = ""
    price: Decimal = ZERO
    minimum: Decimal | None = None
    cap: Decimal | None = None
    tiers: tuple[Tier, ...] = ()
    rate: Decimal = ZERO
    base: str = ""
    #: What the quantity is (e.g. 建筑面积): fee items of a service item that name the same
    #: quantity are charged on one figure, typed once. Empty: this item's own quantity.
    quantity: str = ""

    @property
    def needs(self) -> str:
        """What the clerk must enter: ``""`` (nothing), ``"quantity"`` or ``"base"``."""
        return {"fixed": "", "per_unit": "quantity", "tiered": "quantity", "capped": "base"}[
            self.kind
        ]

    def standard(self) -> str:
        """The standard as printed on a receipt, e.g. ``60.00元/m²``."""
        if self.kind == "fixed":
            return f"{self.amount}元"
        if self.kind == "per_unit":
            return f"{self.price}元/{self.unit}"
        if self.kind == "tiered":
            return "分段累进/" + self.unit
        return f"{self.base}×{(self.rate * 100).normalize():f}%"


@dataclass(frozen=True)
class FeeItem:
    """A fee item of a service item: code, name, legal basis and its rule."""

    code: str
    name: str
    basis: str
    rule: FeeRule


@dataclass(frozen=True)
class Reduction:
    """An exemption (免) or reduction (减) of one fee line, with reason and legal basis.

    ``kind`` is ``exempt`` (to zero), ``percent`` (reduce by ``value`` per cent) or ``amount``
    (reduce by ``value`` yuan, not below zero).
    """

    kind: str
    reason: str
    legal_basis: str
    value: Decimal = ZERO

    def __post_init__(self) -> None:
        if self.kind not in ("exempt", "percent", "amount"):
            raise FeeError(code="reduction_kind_invalid", message=f"减免方式无效：{self.kind}")
        if not self.reason.strip():
            raise FeeError(code="reduction_reason_missing", message="减免必须填写原因")
        if not self.legal_basis.strip():
            raise FeeError(code="reduction_basis_missing", message="减免必须填写政策依据")
        if not isinstance(self.value, Decimal) or not self.value.is_finite():
            raise FeeError(code="reduction_value_invalid", message=f"减免值应为数字：{self.value}")
        if self.kind == "amount" and self.value > MAX_AMOUNT:
            raise FeeError(code="reduction_amount_invalid",
                           message=f"减免金额不能超过 {MAX_AMOUNT}：{self.value}")
        if self.kind == "percent" and not ZERO < self.value <= 100:
            raise FeeError(code="reduction_percent_invalid", message=f"减免比例应在0到100之间：{self.value}")
        if self.kind == "amount" and self.value <= 0:
            raise FeeError(code="reduction_amount_invalid", message=f"减免金额应大于零：{self.value}")


@dataclass(frozen=True)
class FeeLine:
    """One assessed fee: the figure before and after any reduction."""

    fee_code: str
    name: str
    basis: str
    quantity: Decimal
    unit: str
    standard: str
    gross: Decimal
    amount: Decimal
    reduction: Reduction | None = None

    @property
    def reduced_by(self) -> Decimal:
        return self.gross - self.amount


@dataclass(frozen=True)
class Assessment:
    """A case's fees as assessed by the clerk; queues at the cashier."""

    lines: tuple[FeeLine, ...]
    total: Decimal = field(default=ZERO)

    def __post_init__(self) -> None:
        total = money(sum((ln.amount for ln in self.lines), ZERO))
        if total > MAX_AMOUNT:
            # One assessment is paid on one receipt; splitting it over several is not allowed.
            raise FeeError(code="assessment_too_large",
                           message=f"应收合计 {total} 超过单张票据上限 {MAX_AMOUNT}，请分案核定")
        object.__setattr__(self, "total", total)


def _decimal(raw: Any, where: str, *, positive: bool = False) -> Decimal:
    if isinstance(raw, bool | float) or raw is None:
        raise FeeError(code="fee_rule_invalid", message=f"{where}：应为字符串金额（如 \"1.50\"），而非 {raw!r}")
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise FeeError(code="fee_rule_invalid", message=f"{where}：不是数字 {raw!r}") from exc
    if not value.is_finite() or value < 0 or (positive and value == 0):
        rule = "应为正数" if positive else "不能为负数"
        raise FeeError(code="fee_rule_invalid", message=f"{where}：{rule}，而不是 {raw!r}")
    return value


def _min_below_cap(rule: FeeRule, where: str) -> FeeRule:
    if rule.minimum is not None and rule.cap is not None and rule.minimum > rule.cap:
        raise FeeError(code="fee_rule_invalid", message=f"{where}：min {rule.minimum} 大于 cap {rule.cap}")
    return rule


def parse_fee_rule(raw: Mapping[str, Any], where: str = "fees[].rule") -> FeeRule:
    """Read a catalog rule dict, naming the field and the rule broken when it is wrong."""
    kind = raw.get("kind")
    minimum = None if raw.get("min") is None else _decimal(raw["min"], f"{where}.min")
    cap = None if raw.get("cap") is None else _decimal(raw["cap"], f"{where}.cap")
    if kind == "fixed":
        return FeeRule("fixed", amount=_decimal(raw.get("amount"), f"{where}.amount"))
    if kind == "per_unit":
        return _min_below_cap(FeeRule(
            "per_unit",
            unit=str(raw.get("unit", "")),
            quantity=str(raw.get("quantity") or ""),
            price=_decimal(raw.get("price"), f"{where}.price", positive=True),
            minimum=minimum,
            cap=cap,
        ), where)
    if kind == "tiered":
        tiers_raw = raw.get("tiers")
        if not isinstance(tiers_raw, list) or not tiers_raw:
            raise FeeError(code="fee_rule_invalid", message=f"{where}.tiers：至少需要一档")
        tiers: list[Tier] = []
        previous = ZERO
        for n, tier in enumerate(tiers_raw):
            here = f"{where}.tiers[{n}]"
            upto = tier.get("upto")
            last = n == len(tiers_raw) - 1
            if upto is None and not last:
                raise FeeError(code="fee_rule_invalid", message=f"{here}.upto：只有最后一档可以不设上限")
            bound = None if upto is None else _decimal(upto, f"{here}.upto", positive=True)
            if bound is not None and bound <= previous:
                raise FeeError(code="fee_rule_invalid", message=f"{here}.upto：各档上限必须递增")
            tiers.append(Tier(bound, _decimal(tier.get("price"), f"{here}.price")))
            previous = bound if bound is not None else previous
        return _min_below_cap(FeeRule("tiered", unit=str(raw.get("unit", "")),
                                      tiers=tuple(tiers), minimum=minimum, cap=cap,
                                      quantity=str(raw.get("quantity") or "")), where)
    if kind == "capped":
        return _min_below_cap(FeeRule(
            "capped",
            rate=_decimal(raw.get("rate"), f"{where}.rate", positive=True),
            base=str(raw.get("base", "")),
            minimum=minimum,
            cap=_decimal(raw.get("cap"), f"{where}.cap"),
        ), where)
    raise FeeError(
        code="fee_rule_invalid", message=f"{where}.kind：应为 fixed、per_unit、tiered 或 capped，而不是 {kind!r}"
    )


def parse_fee_item(raw: Mapping[str, Any], where: str = "fees[]") -> FeeItem:
    for key in ("code", "name"):
        if not str(raw.get(key, "")).strip():
            raise FeeError(code="fee_rule_invalid", message=f"{where}.{key}：不能为空")
    rule_raw = raw.get("rule")
    if not isinstance(rule_raw, Mapping):
        raise FeeError(code="fee_rule_invalid", message=f"{where}.rule：缺少收费规则")
    return FeeItem(
        str(raw["code"]), str(raw["name"]), str(raw.get("basis", "")),
        parse_fee_rule(rule_raw, f"{where}.rule"),
    )


@dataclass(frozen=True)
class Quantity:
    """One figure the clerk types for a service item's fees, and the fee items charged on it.

    Several standards often use the same quantity — the floor area (建筑面积) for the
    infrastructure charge, the bulk-cement fund and the wall-materials fund — so it is asked
    once. ``needs`` is ``quantity`` (a count or measure in ``unit``) or ``base`` (an amount
    in yuan, such as the contract price).
    """

    key: str
    label: str
    unit: str
    needs: str
    fee_codes: tuple[str, ...]


def quantities(items: Sequence[FeeItem]) -> list[Quantity]:
    """The distinct figures the fee items need, in the order they first appear.

    Fee items share a figure when their rules name the same ``quantity`` in the same unit, or
    when they are charged on a base of the same name; an item naming neither has its own.
    """
    order: list[str] = []
    found: dict[str, Quantity] = {}
    for item in items:
        rule = item.rule
        if not rule.needs:
            continue
        if rule.needs == "base":
            key, label, unit = f"base:{rule.base}", rule.base or "计费基数", "元"
        elif rule.quantity:
            key, label, unit = f"quantity:{rule.quantity}:{rule.unit}", rule.quantity, rule.unit
        else:
            key, label, unit = f"fee:{item.code}", f"{item.name}计费数量", rule.unit
        if key in found:
            q = found[key]
            found[key] = Quantity(q.key, q.label, q.unit, q.needs, (*q.fee_codes, item.code))
        else:
            order.append(key)
            found[key] = Quantity(key, label, unit, rule.needs, (item.code,))
    return [found[k] for k in order]


def values_by_fee(figures: Sequence[Quantity], typed: Mapping[str, str],
                  skip: Sequence[str] = ()) -> dict[str, str]:
    """The value of each fee item (by code) from the figures typed (by quantity key); fee
    items in ``skip`` and figures left empty are left out."""
    out: dict[str, str] = {}
    for q in figures:
        text = typed.get(q.key, "").strip()
        if not text:
            continue
        for code in q.fee_codes:
            if code not in skip:
                out[code] = text
    return out


def check_input(value: Decimal | str | int, what: str) -> Decimal:
    """A quantity or base typed by the clerk: a number, not negative, not absurdly large."""
    text = str(value).strip()
    if text.startswith("-") and _QUANTITY_RE.fullmatch(text[1:]):
        raise FeeError(code="fee_input_negative", message=f"{what}不能为负数：{value}")
    try:
        huge = Decimal(text) > MAX_QUANTITY
    except InvalidOperation:
        huge = False
    if huge:
        raise FeeError(code="fee_input_too_large", message=f"{what}超过上限 {MAX_QUANTITY}：{value}")
    if not _QUANTITY_RE.fullmatch(text):
        # Decimal() would also take 1e3, 1_000, Infinity and non-ASCII digits.
        raise FeeError(code="fee_input_invalid",
                       message=f"{what}不是数字：{value}（只写数字和小数点，如 1200.5）")
    number = Decimal(text)
    if number < 0:
        raise FeeError(code="fee_input_negative", message=f"{what}不能为负数：{value}")
    if number > MAX_QUANTITY:
        raise FeeError(code="fee_input_too_large", message=f"{what}超过上限 {MAX_QUANTITY}：{value}")
    if number.as_tuple().exponent < -4:  # type: ignore[operator]
        raise FeeError(code="fee_input_invalid", message=f"{what}最多四位小数：{value}")
    return number


def tiered_amount(tiers: Sequence[Tier], quantity: Decimal) -> Decimal:
    """Progressive (marginal) charge: each tier's price applies to the part within that tier."""
    total = ZERO
    lower = ZERO
    for tier in tiers:
        upper = quantity if tier.upto is None else min(quantity, tier.upto)
        if upper > lower:
            total += (upper - lower) * tier.price
        if tier.upto is None or quantity <= tier.upto:
            break
        lower = tier.upto
    return total


def rule_amount(rule: FeeRule, value: Decimal) -> Decimal:
    """The rule's charge for a quantity or base, before reductions, rounded to the fen."""
    return money(unrounded_amount(rule, value))


def unrounded_amount(rule: FeeRule, value: Decimal) -> Decimal:
    """The rule's charge after min and cap, not yet rounded (a reduction applies to this, so
    a line is rounded once, not once before and once after its reduction)."""
    if rule.kind == "fixed":
        raw = rule.amount
    elif rule.kind == "per_unit":
        raw = rule.price * value
    elif rule.kind == "tiered":
        raw = tiered_amount(rule.tiers, value)
    else:
        raw = rule.rate * value
    if rule.minimum is not None:
        raw = max(raw, rule.minimum)
    if rule.cap is not None:
        raw = min(raw, rule.cap)
    return raw


def apply_reduction(gross: Decimal, reduction: Reduction | None) -> Decimal:
    """The amount due after a reduction; ``gross`` may be unrounded: the result is rounded once."""
    if reduction is None:
        return money(gross)
    if reduction.kind == "exempt":
        return ZERO
    if reduction.kind == "percent":
        return money(gross * (100 - reduction.value) / 100)
    return max(ZERO, money(money(gross) - reduction.value))


def assess_fee(
    item: FeeItem,
    value: Decimal | str | int | None = None,
    reduction: Reduction | None = None,
) -> FeeLine:
    """Assess one fee item: ``value`` is the quantity (per_unit, tiered) or base (capped)."""
    rule = item.rule
    what = f"{item.name}的" + ("计费数量" if rule.needs == "quantity" else rule.base or "计费基数")
    if rule.needs and value is None:
        raise FeeError(code="fee_input_missing", message=f"请填写{what}")
    number = check_input(value, what) if rule.needs and value is not None else Decimal(1)
    raw = unrounded_amount(rule, number)
    gross = money(raw)
    if gross > MAX_AMOUNT:
        raise FeeError(code="fee_amount_too_large", message=f"{item.name}金额 {gross} 超过单张票据上限")
    quantity, unit = (number, rule.unit) if rule.needs == "quantity" else (Decimal(1), "项")
    return FeeLine(
        fee_code=item.code,
        name=item.name,
        basis=item.basis,
        quantity=quantity,
        unit=unit,
        standard=rule.standard() if rule.kind != "capped" else f"{rule.standard()}（基数{number}）",
        gross=gross,
        amount=apply_reduction(raw, reduction),
        reduction=reduction,
    )


def assess(
    items: Sequence[FeeItem],
    values: Mapping[str, Decimal | str | int],
    reductions: Mapping[str, Reduction] | None = None,
    *,
    skip: Sequence[str] = (),
) -> Assessment:
    """Assess every fee item of a service item (codes in ``skip`` do not apply to this case)."""
    reductions = reductions or {}
    unknown = (set(values) | set(reductions) | set(skip)) - {item.code for item in items}
    if unknown:
        raise FeeError(code="fee_code_unknown", message=f"该事项没有这些收费项目：{', '.join(sorted(unknown))}")
    lines = tuple(
        assess_fee(item, values.get(item.code), reductions.get(item.code))
        for item in items
        if item.code not in skip
    )
    return Assessment(lines)
