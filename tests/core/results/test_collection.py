"""Collection: ID against the case, agents with a letter, one-time SMS codes with limited
tries and expiry, payment and licence required, signature kept, collected + finished queued."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError
from hall_client.core.results import collection as C
from hall_client.core.results import licences as L
from hall_client.core.results.seal import hall_seal
from hall_client.store.models import OutboxMessage

from .helpers import CLERK, INPUTS, NOW, OTHER_ID, PERSON_ID, store_case

PNG = b"\x89PNG\r\n\x1a\n" + b"signature"
JPEG = b"\xff\xd8\xff" + b"letter"


def _ready(counter: Counter, data_dir: Path, **kw: object) -> dict[str, object]:
    with counter.store.transaction() as s:
        case = store_case(s, paid=True, **kw)  # type: ignore[arg-type]
        lic = L.prepare_licence(s, CLERK, str(case["id"]), INPUTS, hall_code="H1",
                                seal=hall_seal(data_dir), now=NOW)
        L.licence_printed(s, CLERK, lic.id)
    return case


def _collect(counter: Counter, data_dir: Path, case: dict[str, object], who: C.Collector,
             signature: bytes = PNG, now: object = NOW) -> C.Collection:
    with counter.store.transaction() as s:
        return C.collect(s, CLERK, str(case["id"]), who, signature, data_dir=data_dir,
                         now=now)  # type: ignore[arg-type]


def _error(fn: object, *args: object, **kw: object) -> str:
    with pytest.raises(DomainError) as exc:
        fn(*args, **kw)  # type: ignore[operator]
    return exc.value.code


def test_applicant_with_id_collects_and_case_finishes(counter: Counter, data_dir: Path) -> None:
    case = _ready(counter, data_dir)
    typo = C.Collector("applicant", "张三", "id", id_number="110105194912310021")
    assert _error(_collect, counter, data_dir, case, typo) == "id_check_digit"
    other = C.Collector("applicant", "张三", "id", id_number=OTHER_ID)
    assert _error(_collect, counter, data_dir, case, other) == "collector_id_mismatch"
    right = C.Collector("applicant", "张三", "id", id_number=PERSON_ID.lower())
    assert _error(_collect, counter, data_dir, case, right, b"") == "signature_missing"
    row = _collect(counter, data_dir, case, right)
    assert (data_dir / row.signature_file).read_bytes() == PNG
    assert row.collector_id_masked.startswith("110") and PERSON_ID not in row.collector_id_masked
    with counter.store.transaction() as s:
        bodies = [m.payload["body"] for m in s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "case.action").order_by(OutboxMessage.seq))]
    assert [b["action"] for b in bodies] == ["certificate_issued", "collected", "finished"]
    assert bodies[1]["collector"] == "张三"
    assert _error(_collect, counter, data_dir, case, right) == "already_collected"


def test_agent_needs_a_letter_and_a_valid_id(counter: Counter, data_dir: Path) -> None:
    case = _ready(counter, data_dir, kind="organisation")
    applicant_path = C.Collector("applicant", "王五", "id", id_number=PERSON_ID)
    assert _error(_collect, counter, data_dir, case, applicant_path) == "organisation_needs_agent"
    no_letter = C.Collector("agent", "王五", "id", id_number=PERSON_ID)
    assert _error(_collect, counter, data_dir, case, no_letter) == "authorisation_missing"
    bad_id = C.Collector("agent", "王五", "id", id_number="123", authorisation=JPEG)
    assert _error(_collect, counter, data_dir, case, bad_id).startswith("id_")
    row = _collect(counter, data_dir, case,
                   C.Collector("agent", "王五", "id", id_number=PERSON_ID, authorisation=JPEG))
    assert (data_dir / row.authorisation_file).read_bytes() == JPEG
    assert row.collector_kind == "agent"


def test_unpaid_or_unprinted_cannot_be_collected(counter: Counter, data_dir: Path) -> None:
    with counter.store.transaction() as s:
        unpaid = store_case(s)
        unprinted = store_case(s, paid=True)
        L.prepare_licence(s, CLERK, unprinted["id"], INPUTS, hall_code="H1",
                          seal=hall_seal(data_dir), now=NOW)
    who = C.Collector("applicant", "张三", "id", id_number=PERSON_ID)
    assert _error(_collect, counter, data_dir, unpaid, who) == "fee_unpaid"
    assert _error(_collect, counter, data_dir, unprinted, who) == "licence_not_issued"


def _attempt(counter: Counter, case_id: str, code: str, now: object = NOW) -> str | None:
    with counter.store.transaction() as s:
        err = C.code_attempt(s, case_id, code, now=now)  # type: ignore[arg-type]
    return err.code if err else None


def test_sms_code_tries_expiry_and_collection(counter: Counter, data_dir: Path) -> None:
    case = _ready(counter, data_dir)
    cid = str(case["id"])
    assert _attempt(counter, cid, "123456") == "sms_code_none"
    with counter.store.transaction() as s:
        code = C.send_collection_code(s, CLERK, cid, now=NOW)
        sent = [m.payload for m in s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "case.collection_code"))]
    assert sent[0]["body"]["code"] == code and len(code) == 6
    who = C.Collector("applicant", "张三", "sms")
    assert _error(_collect, counter, data_dir, case, who) == "sms_code_not_checked"
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    assert _attempt(counter, cid, "12ab") == "sms_code_format"
    assert [_attempt(counter, cid, wrong) for _ in range(4)] == ["sms_code_wrong"] * 4
    assert _attempt(counter, cid, wrong) == "sms_code_locked"
    assert _attempt(counter, cid, code) == "sms_code_locked"  # locked even for the right one
    with counter.store.transaction() as s:
        code = C.send_collection_code(s, CLERK, cid, now=NOW)  # a fresh code
    late = NOW + C.CODE_VALID + timedelta(seconds=1)
    assert _attempt(counter, cid, code, late) == "sms_code_expired"
    with counter.store.transaction() as s:
        code = C.send_collection_code(s, CLERK, cid, now=NOW)
    assert _attempt(counter, cid, code) is None
    row = _collect(counter, data_dir, case, who)
    assert row.method == "sms" and row.collector_id_masked == ""


def test_a_code_needs_a_phone_and_a_waiting_case(counter: Counter) -> None:
    with counter.store.transaction() as s:
        no_phone = store_case(s, paid=True, phone="")
        rejected = store_case(s, status="rejected")
    for case, code in ((no_phone, "no_phone"), (rejected, "not_awaiting_collection")):
        with pytest.raises(DomainError) as exc, counter.store.transaction() as s:
            C.send_collection_code(s, CLERK, case["id"], now=NOW)
        assert exc.value.code == code
