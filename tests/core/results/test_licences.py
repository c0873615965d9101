"""Licences: numbers gap-free per item and year, signed codes, unpaid refused, printer
failures lose no number, reprints counted, revocation with a second person, reissue."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError, PermissionDenied
from hall_client.core.results import licences as L
from hall_client.core.results.seal import SealError, check_code, hall_seal, mask_name
from hall_client.core.results.templates import template_for
from hall_client.store.models import OutboxMessage

from .helpers import CLERK, CLERK2, INPUTS, NOW, SUPERVISOR, store_case


def test_seal_key_is_private_and_stable(data_dir: Path) -> None:
    seal = hall_seal(data_dir)
    path = data_dir / "keys" / "hall-ed25519.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert hall_seal(data_dir).public_key == seal.public_key and len(seal.key_id) == 16
    code = seal.sign_fields("HL1", ("H", "N-1", "ZJ", "C-1", "张三", "20260304"))
    assert check_code(code, seal.public_raw) == ["H", "N-1", "ZJ", "C-1", "张三", "20260304"]
    with pytest.raises(SealError):
        check_code(code.replace("张三", "张四"), seal.public_raw)
    with pytest.raises(SealError):
        seal.sign_fields("HL1", ("a|b",))
    path.write_text("zz\n")
    with pytest.raises(SealError):
        hall_seal(data_dir)
    assert [mask_name(n) for n in ("王", "王静", "王小静", "某某建设有限公司")] == \
        ["王", "王*", "王*静", "某某****公司"]


def test_templates() -> None:
    assert template_for("ZJ-XK-001").title == "建筑工程施工许可证"
    generic = template_for("RS-FW-001")
    assert generic.title == "准予行政许可决定书" and not generic.inputs


def test_numbers_are_gap_free_per_item_and_year(counter: Counter, data_dir: Path) -> None:
    seal = hall_seal(data_dir)
    with counter.store.transaction() as s:
        cases = [store_case(s, paid=True) for _ in range(3)] + [store_case(s, item="RS-FW-001",
                                                                         fee="0.00")]
        made = [L.prepare_licence(s, CLERK, c["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
                for c in cases]
        next_year = store_case(s, paid=True)
        later = L.prepare_licence(s, CLERK, next_year["id"], INPUTS, hall_code="H1", seal=seal,
                                  now=NOW + timedelta(days=365))
    assert [m.number for m in made] == ["ZJ-XK-001-2026-00001", "ZJ-XK-001-2026-00002",
                                        "ZJ-XK-001-2026-00003", "RS-FW-001-2026-00001"]
    assert later.number == "ZJ-XK-001-2027-00001"
    fields = seal.check(made[0].code)
    assert fields == ["H1", "ZJ-XK-001-2026-00001", "ZJ-XK-001", cases[0]["case_number"], "张三",
                      "20260304"]
    assert made[0].fields["建设单位"] == "张三" and made[0].fields["施工单位"] == "某某建工集团有限公司"


def test_unpaid_missing_fields_and_wrong_state_are_refused(counter: Counter,
                                                           data_dir: Path) -> None:
    seal = hall_seal(data_dir)
    with counter.store.transaction() as s:
        unpaid = store_case(s)
        rejected = store_case(s, status="rejected", paid=True)
        paid = store_case(s, paid=True)
    for case_id, inputs, code in ((unpaid["id"], INPUTS, "fee_unpaid"),
                                  (rejected["id"], INPUTS, "not_approved"),
                                  (paid["id"], {"建设地址": "x"}, "licence_field_missing")):
        with pytest.raises(DomainError) as exc, counter.store.transaction() as s:
            L.prepare_licence(s, CLERK, case_id, inputs, hall_code="H1", seal=seal, now=NOW)
        assert exc.value.code == code
    assert "600.00" in _message(counter, unpaid["id"], seal)
    with counter.store.transaction() as s:  # nothing half-saved, no number taken
        assert s.scalars(select(L.Licence)).all() == []
        made = L.prepare_licence(s, CLERK, paid["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
    assert made.number.endswith("-00001")


def _message(counter: Counter, case_id: str, seal: object) -> str:
    try:
        with counter.store.transaction() as s:
            L.prepare_licence(s, CLERK, case_id, INPUTS, hall_code="H1", seal=seal,  # type: ignore[arg-type]
                              now=NOW)
    except DomainError as exc:
        return exc.message
    return ""


def test_failed_print_keeps_the_number_and_reprints_are_counted(counter: Counter,
                                                                 data_dir: Path) -> None:
    seal = hall_seal(data_dir)
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
        first = L.prepare_licence(s, CLERK, case["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
    # the printer failed: nothing recorded as printed; the next attempt gets the same number
    with counter.store.transaction() as s:
        again = L.prepare_licence(s, CLERK, case["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
        assert again.id == first.id and again.number == first.number
        assert _kinds(s) == []
        L.licence_printed(s, CLERK, again.id, "results/x/licence.pdf")
        assert _kinds(s) == ["licence.issue", "case.action"]
        L.licence_printed(s, CLERK, again.id)
        row = s.get(L.Licence, again.id)
        assert row is not None and row.status == "issued" and row.prints == 2
        assert _kinds(s) == ["licence.issue", "case.action"]  # a reprint tells nobody new
        with pytest.raises(DomainError) as exc:
            L.prepare_licence(s, CLERK, case["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
        assert exc.value.code == "licence_exists"


def _kinds(s: object) -> list[str]:
    return [m.kind for m in s.scalars(select(OutboxMessage).order_by(OutboxMessage.seq))]  # type: ignore[attr-defined]


def test_revocation_needs_another_supervisor_and_reissue_takes_a_new_number(
        counter: Counter, data_dir: Path) -> None:
    seal = hall_seal(data_dir)
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
        lic = L.prepare_licence(s, CLERK, case["id"], INPUTS, hall_code="H1", seal=seal, now=NOW)
        L.licence_printed(s, CLERK, lic.id)
    for approver, code in ((CLERK, "approver_not_supervisor"), (SUPERVISOR, "revoke_reason_missing")):
        with pytest.raises(DomainError) as exc, counter.store.transaction() as s:
            L.revoke_licence(s, CLERK, approver, lic.id, "" if approver is SUPERVISOR else "印错")
        assert exc.value.code == code
    with pytest.raises(PermissionDenied) as denied, counter.store.transaction() as s:
        L.revoke_licence(s, CLERK2, CLERK2, lic.id, "印错")
    assert denied.value.code == "approver_is_actor"
    with counter.store.transaction() as s:
        L.revoke_licence(s, CLERK, SUPERVISOR, lic.id, "持证人名称印错", now=NOW)
        new = L.reissue_licence(s, CLERK, lic.id, INPUTS, hall_code="H1", seal=seal, now=NOW)
        L.licence_printed(s, CLERK, new.id)
        old = s.get(L.Licence, lic.id)
        assert old is not None and old.status == "revoked" and old.replaced_by == new.number
        assert new.number.endswith("-00002") and new.reissue_of == lic.number
        assert _kinds(s) == ["licence.issue", "case.action", "licence.revoke", "licence.issue",
                             "case.action"]
        with pytest.raises(DomainError):
            L.licence_printed(s, CLERK, lic.id)  # a revoked licence is not printed again
