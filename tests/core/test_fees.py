"""Fee rules: examples from the seed catalog and properties over random inputs."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hall_resources import resource_path
from hypothesis import given
from hypothesis import strategies as st

from hall_client.core.fees import (
    FeeError,
    FeeItem,
    Reduction,
    Tier,
    assess,
    assess_fee,
    parse_fee_item,
    parse_fee_rule,
    tiered_amount,
)
from hall_client.core.money import money

SEED = resource_path("catalog", "seed.json")

quantities = st.decimals(min_value=0, max_value=50_000, places=2, allow_nan=False)
prices = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2, allow_nan=False)


def item(rule: dict[str, object]) -> FeeItem:
    return parse_fee_item({"code": "F1", "name": "测试费", "basis": "依据", "rule": rule})


def test_every_seed_fee_parses_and_assesses() -> None:
    catalog = json.loads(SEED.read_text(encoding="utf-8"))
    seen = set()
    for service in catalog["items"]:
        for n, raw in enumerate(service.get("fees", [])):
            fee = parse_fee_item(raw, f"{service['code']}.fees[{n}]")
            line = assess_fee(fee, "1234.5" if fee.rule.needs else None)
            assert line.amount == money(line.amount) and line.amount >= 0
            seen.add(fee.rule.kind)
    assert seen == {"fixed", "per_unit", "tiered", "capped"}


def test_examples() -> None:
    area = item({"kind": "per_unit", "unit": "m²", "price": "60.00"})
    assert assess_fee(area, "1234.56").amount == Decimal("74073.60")
    fine = item({"kind": "per_unit", "unit": "元", "price": "1.00", "min": "100000.00",
                 "cap": "1000000.00"})
    assert assess_fee(fine, "5000").amount == Decimal("100000.00")
    assert assess_fee(fine, "5000000").amount == Decimal("1000000.00")
    survey = item({"kind": "tiered", "unit": "m²", "cap": "30000.00", "tiers": [
        {"upto": "10000", "price": "0.50"}, {"upto": "50000", "price": "0.30"},
        {"upto": None, "price": "0.20"}]})
    # 10000×0.5 + 40000×0.3 + 10000×0.2
    assert assess_fee(survey, "60000").amount == Decimal("19000.00")
    assert assess_fee(survey, "1000000").amount == Decimal("30000.00")
    quality = item({"kind": "capped", "rate": "0.001", "base": "工程合同价款", "cap": "50000.00"})
    assert assess_fee(quality, "12345678.90").amount == Decimal("12345.68")  # half-up
    assert assess_fee(quality, "99999999").amount == Decimal("50000.00")
    fixed = item({"kind": "fixed", "amount": "200.00"})
    assert assess_fee(fixed).amount == Decimal("200.00")


def test_reductions_need_reason_and_basis() -> None:
    fixed = item({"kind": "fixed", "amount": "200.00"})
    half = Reduction("percent", "小微企业", "财税〔2019〕13号", Decimal(50))
    line = assess_fee(fixed, reduction=half)
    assert (line.gross, line.amount, line.reduced_by) == (
        Decimal("200.00"), Decimal("100.00"), Decimal("100.00"))
    assert assess_fee(fixed, reduction=Reduction("exempt", "残疾人", "某条例")).amount == 0
    assert assess_fee(
        fixed, reduction=Reduction("amount", "补贴", "某文件", Decimal("500"))).amount == 0
    with pytest.raises(FeeError) as exc:
        Reduction("exempt", "残疾人", " ")
    assert exc.value.code == "reduction_basis_missing"
    with pytest.raises(FeeError) as exc:
        Reduction("percent", "x", "y", Decimal(150))
    assert exc.value.code == "reduction_percent_invalid"



@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [
        ("amount", Decimal("1e30"), "reduction_amount_invalid"),
        ("amount", Decimal("NaN"), "reduction_value_invalid"),
        ("percent", Decimal("Infinity"), "reduction_value_invalid"),
    ],
)
def test_reduction_refuses_huge_or_non_numeric_values(kind: str, value: Decimal,
                                                      code: str) -> None:
    with pytest.raises(FeeError) as exc:
        Reduction(kind, "原因", "依据", value)
    assert exc.value.code == code


@pytest.mark.parametrize(
    ("value", "code"),
    [("-1", "fee_input_negative"), ("abc", "fee_input_invalid"), ("1e12", "fee_input_too_large"),
     ("1.00001", "fee_input_invalid"), (None, "fee_input_missing"),
     ("999999999", "fee_amount_too_large")],
)
def test_bad_inputs_are_refused(value: str | None, code: str) -> None:
    area = item({"kind": "per_unit", "unit": "m²", "price": "60.00"})
    with pytest.raises(FeeError) as exc:
        assess_fee(area, value)
    assert exc.value.code == code and "测试费" in exc.value.message


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"kind": "per_unit", "price": 1.5}, "rule.price"),
        ({"kind": "per_unit", "price": "-1"}, "rule.price"),
        ({"kind": "per_unit", "price": "1", "min": "10", "cap": "5"}, "min 10"),
        ({"kind": "tiered", "tiers": []}, "rule.tiers"),
        ({"kind": "tiered", "tiers": [{"upto": None, "price": "1"}, {"upto": "5", "price": "1"}]},
         "tiers[0].upto"),
        ({"kind": "tiered", "tiers": [{"upto": "5", "price": "1"}, {"upto": "5", "price": "1"}]},
         "tiers[1].upto"),
        ({"kind": "capped", "rate": "0.1"}, "rule.cap"),
        ({"kind": "percentage"}, "rule.kind"),
    ],
)
def test_bad_rules_name_the_field(rule: dict[str, object], field: str) -> None:
    with pytest.raises(FeeError) as exc:
        parse_fee_rule(rule, "ZJ-XK-001.fees[0].rule")
    assert exc.value.code == "fee_rule_invalid"
    assert field in exc.value.message and "ZJ-XK-001" in exc.value.message


def test_assess_refuses_unknown_codes_and_sums() -> None:
    a = parse_fee_item({"code": "A", "name": "甲", "rule": {"kind": "fixed", "amount": "1.10"}})
    b = parse_fee_item({"code": "B", "name": "乙", "rule": {"kind": "per_unit", "unit": "本",
                                                           "price": "10"}})
    assert assess([a, b], {"B": "3"}).total == Decimal("31.10")
    assert assess([a, b], {}, skip=["B"]).total == Decimal("1.10")
    with pytest.raises(FeeError) as exc:
        assess([a, b], {"C": "1"})
    assert exc.value.code == "fee_code_unknown"


@given(quantities, prices, st.one_of(st.none(), prices), st.one_of(st.none(), prices))
def test_per_unit_is_bounded_and_monotone(
    q: Decimal, price: Decimal, low: Decimal | None, high: Decimal | None
) -> None:
    if low is not None and high is not None and low > high:
        low, high = high, low
    rule = {"kind": "per_unit", "unit": "m²", "price": str(price)}
    if low is not None:
        rule["min"] = str(low)
    if high is not None:
        rule["cap"] = str(high)
    fee = item(rule)
    amount = assess_fee(fee, q).amount
    assert amount == money(amount)
    if low is not None:
        assert amount >= money(low)
    if high is not None:
        assert amount <= money(high)
    assert assess_fee(fee, q + 1).amount >= amount
    if low is None and high is None:
        assert amount == money(q * price)


tier_lists = st.lists(
    st.tuples(st.integers(min_value=1, max_value=1000), prices), min_size=1, max_size=4
)


@given(tier_lists, prices, st.integers(min_value=0, max_value=5000))
def test_tiered_matches_unit_by_unit_sum(
    steps: list[tuple[int, Decimal]], last_price: Decimal, quantity: int
) -> None:
    bounds, tiers, upto = [], [], 0
    for width, price in steps:
        upto += width
        bounds.append((upto, price))
        tiers.append(Tier(Decimal(upto), price))
    tiers.append(Tier(None, last_price))

    def price_of(unit: int) -> Decimal:  # unit n covers (n-1, n]
        for bound, price in bounds:
            if unit <= bound:
                return price
        return last_price

    brute = sum((price_of(n) for n in range(1, quantity + 1)), Decimal(0))
    assert tiered_amount(tiers, Decimal(quantity)) == brute
    # continuity: a small step up costs at most the highest price times the step
    step = Decimal("0.5")
    rise = tiered_amount(tiers, Decimal(quantity) + step) - tiered_amount(tiers, Decimal(quantity))
    assert 0 <= rise <= step * max(t.price for t in tiers)


@given(
    st.decimals(min_value=0, max_value=100_000_000, places=2, allow_nan=False),
    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("0.05"), places=4,
                allow_nan=False),
    prices,
    st.sampled_from(["exempt", "percent", "amount", None]),
)
def test_capped_rate_and_reductions(
    base: Decimal, rate: Decimal, cap: Decimal, kind: str | None
) -> None:
    fee = item({"kind": "capped", "rate": str(rate), "base": "合同价", "cap": str(cap)})
    reduction = None
    if kind is not None:
        reduction = Reduction(kind, "原因", "依据", Decimal(30) if kind != "exempt" else Decimal(0))
    line = assess_fee(fee, base, reduction)
    assert line.gross == money(min(base * rate, cap))
    assert 0 <= line.amount <= line.gross
    if kind == "exempt":
        assert line.amount == 0
    assert line.amount == money(line.amount)
