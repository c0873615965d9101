"""Abnormal cases: each rule caught on a case made to break it, and silent on a clean twin."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from .conftest import Api
from .hall_world import Hall, new_hall

ZJ_FEES = [{"code": "FS-ZJ-001", "amount": "600.00"}]


@pytest.fixture
def hall(any_api: Api) -> Hall:
    any_api.clock.set(2026, 3, 2)
    return new_hall(any_api)


def _flags(h: Hall, start: str = "2026-03-01", end: str = "2026-06-30") -> dict[str, set[str]]:
    r = h.call("sup", "GET", f"/api/v1/supervision/abnormal?start={start}&end={end}")
    assert r.status_code == 200, r.text
    out: dict[str, set[str]] = {}
    for f in r.json():
        out.setdefault(f["case_id"], set()).add(f["rule"])
        assert f["reason"] and f["rule_name"]
    return out


def _flag(h: Hall, case_id: str, rule: str) -> dict[str, Any]:
    r = h.call("sup", "GET", "/api/v1/supervision/abnormal?start=2026-03-01&end=2026-06-30")
    return next(f for f in r.json() if f["case_id"] == case_id and f["rule"] == rule)


def test_approved_before_accepted(hall: Hall) -> None:
    late = (hall.api.clock.now + timedelta(minutes=9)).isoformat()
    broken = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES, accepted_at=late)["id"]
    hall.act("clerk1", broken, "approve")  # recorded at 10:00, acceptance stated as 10:09
    clean = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES)["id"]
    hall.act("clerk1", clean, "approve")
    flags = _flags(hall)
    assert flags.get(broken) == {"approved_before_accepted"}
    assert clean not in flags
    assert "9 分钟" in _flag(hall, broken, "approved_before_accepted")["reason"]


def test_repeated_returns(hall: Hall) -> None:
    def returned(times: int) -> str:
        cid = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES)["id"]
        for _ in range(times):
            hall.act("clerk1", cid, "approve")
            hall.act("chenhao", cid, "return", opinion="材料页码不全，请补扫", to_stage=1)
        return cid

    broken, clean = returned(2), returned(1)
    flags = _flags(hall)
    assert flags.get(broken) == {"repeated_returns"} and clean not in flags


def test_long_clock_stop_closed_and_still_open(hall: Hall) -> None:
    def corrected(days_later: int | None) -> str:
        hall.api.clock.set(2026, 3, 2)
        cid = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES)["id"]
        hall.act("clerk1", cid, "approve")
        hall.act("chenhao", cid, "request_correction", reason="缺少施工合同原件")
        if days_later is not None:
            hall.api.clock.now += timedelta(days=days_later)
            hall.act("clerk1", cid, "correction_received")
        return cid

    # Stopped Mon 2 March; back on Tue 17 March = 11 working days (3–17 March): over 10.
    broken = corrected(15)
    # Back on Fri 13 March = 9 working days: within the limit.
    clean = corrected(11)
    still_open = corrected(None)
    hall.api.clock.set(2026, 3, 16)  # open for 10 working days: not yet
    flags = _flags(hall)
    assert flags.get(broken) == {"long_clock_stop"}
    assert clean not in flags and still_open not in flags
    hall.api.clock.set(2026, 3, 17)  # 11 working days and still stopped
    assert _flags(hall).get(still_open) == {"long_clock_stop"}
    assert "11 个工作日" in _flag(hall, broken, "long_clock_stop")["reason"]


def test_refusal_without_reason(hall: Hall) -> None:
    def refused(reason: str) -> str:
        cid = hall.create(item_code="ZJ-XK-001", fees=ZJ_FEES)["id"]
        hall.act("clerk1", cid, "approve")
        hall.act("chenhao", cid, "reject", reason=reason)
        return cid

    stock, short = refused("不符合条件。"), refused("不行")
    clean = refused("未取得建设工程规划许可证，依据《建筑法》第八条不予许可")
    flags = _flags(hall)
    assert flags.get(stock) == {"refusal_without_reason"}
    assert flags.get(short) == {"refusal_without_reason"}
    assert clean not in flags


def test_fees_differing_from_the_item_rules(hall: Hall) -> None:
    fixed = hall.create(item_code="WJ-XK-001",
                        fees=[{"code": "FS-WJ-001", "amount": "150.00"}])["id"]
    per_unit = hall.create(item_code="ZJ-XK-001",
                           fees=[{"code": "FS-ZJ-001", "amount": "610.00"}])["id"]
    over_cap = hall.create(item_code="ZJ-XK-001",
                           fees=[{"code": "FS-ZJ-004", "amount": "50000.01"}])["id"]
    clean = hall.create(item_code="ZJ-XK-001", fees=[
        {"code": "FS-ZJ-001", "amount": "600.00"}, {"code": "FS-ZJ-004", "amount": "1500.50"}])
    clean_fixed = hall.create(item_code="WJ-XK-001",
                              fees=[{"code": "FS-WJ-001", "amount": "200.00"}])
    flags = _flags(hall)
    assert flags.get(fixed) == {"fee_mismatch"}
    assert flags.get(per_unit) == {"fee_mismatch"}
    assert flags.get(over_cap) == {"fee_mismatch"}
    assert clean["id"] not in flags and clean_fixed["id"] not in flags
    assert "200.00" in _flag(hall, fixed, "fee_mismatch")["reason"]


def test_receipt_voided_after_the_applicant_left(hall: Hall) -> None:
    def paid(second_receipt_after_collection: bool) -> str:
        cid = hall.create(item_code="RS-FW-001",
                          fees=[{"code": "FS-RS-001", "amount": "15.00"}])["id"]
        hall.act("clerk1", cid, "approve")
        hall.act("rsj_sh1", cid, "approve", opinion="同意补发")
        hall.act("cashier", cid, "payment_recorded", amount="15.00", receipt_number="R-0001")
        if not second_receipt_after_collection:  # reissued while the applicant stood there
            hall.act("cashier", cid, "payment_recorded", amount="15.00", receipt_number="R-0002")
        hall.act("clerk1", cid, "certificate_issued", certificate_number="ZS-1")
        hall.act("clerk1", cid, "collected", collector="申请人本人")
        if second_receipt_after_collection:
            hall.api.clock.now += timedelta(minutes=40)
            hall.act("cashier", cid, "payment_recorded", amount="15.00",
                     receipt_number="R-0003")
        return cid

    broken, clean = paid(True), paid(False)
    flags = _flags(hall)
    assert flags.get(broken) == {"receipt_voided_after_leaving"}
    assert clean not in flags
    assert "R-0001" in _flag(hall, broken, "receipt_voided_after_leaving")["reason"]


def test_a_clean_full_case_raises_nothing(hall: Hall) -> None:
    cid = hall.create(item_code="RS-FW-001", fees=[{"code": "FS-RS-001", "amount": "15.00"}])["id"]
    hall.act("clerk1", cid, "approve")
    hall.act("rsj_sh1", cid, "approve", opinion="同意补发")
    hall.act("cashier", cid, "payment_recorded", amount="15.00", receipt_number="R-0101")
    hall.act("clerk1", cid, "certificate_issued", certificate_number="ZS-2")
    hall.act("clerk1", cid, "collected", collector="申请人本人")
    hall.act("clerk1", cid, "finished")
    assert _flags(hall) == {}
