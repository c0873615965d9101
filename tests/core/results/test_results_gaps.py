"""What issue 14 left: the licence PDF queued for upload as a result document, revocation
after collection by two supervisors, the revocation screen's list, the queue by counter."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from hall_client.core.actor import Actor
from hall_client.core.counter import Counter
from hall_client.core.errors import DomainError
from hall_client.core.results import collection as C
from hall_client.core.results import licences as L
from hall_client.core.results.queue import collection_queue
from hall_client.core.results.seal import hall_seal
from hall_client.store.models import OutboxMessage

from .helpers import CLERK, INPUTS, NOW, PERSON_ID, SUPERVISOR, store_case

PNG = b"\x89PNG\r\n\x1a\n" + b"signature"
SUPERVISOR2 = Actor("sunli", "孙丽", frozenset({"supervisor"}), "W00")


def _printed(counter: Counter, data_dir: Path, pdf: bytes = b"") -> tuple[str, str]:
    with counter.store.transaction() as s:
        case = store_case(s, paid=True)
        lic = L.prepare_licence(s, CLERK, str(case["id"]), INPUTS, hall_code="H1",
                                seal=hall_seal(data_dir), now=NOW)
        rel = ""
        if pdf:
            rel = f"results/{case['id']}/licence-{lic.number}.pdf"
            (data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (data_dir / rel).write_bytes(pdf)
        L.licence_printed(s, CLERK, lic.id, rel, data_dir=data_dir)
        return str(case["id"]), lic.id


def test_first_print_queues_the_pdf_as_a_result_upload(counter: Counter, data_dir: Path) -> None:
    pdf = b"%PDF-1.4\n licence \n%%EOF\n"
    case_id, licence_id = _printed(counter, data_dir, pdf)
    with counter.store.transaction() as s:
        L.licence_printed(s, CLERK, licence_id, "", data_dir=data_dir)  # a reprint: no upload
        kinds = [m.kind for m in s.scalars(select(OutboxMessage).order_by(OutboxMessage.seq))]
        upload = s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "licence.upload")).one().payload
    assert kinds.index("licence.issue") < kinds.index("licence.upload")
    assert kinds.count("licence.upload") == 1
    assert upload["case_id"] == case_id and upload["licence_id"] == licence_id
    declared = upload["upload"]
    assert declared["kind"] == "result" and declared["content_type"] == "application/pdf"
    assert declared["size"] == len(pdf)
    assert declared["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert declared["name"] == "licence-ZJ-XK-001-2026-00001.pdf"
    assert (data_dir / upload["file"]).read_bytes() == pdf


def test_a_collected_licence_is_revoked_by_two_supervisors(counter: Counter,
                                                           data_dir: Path) -> None:
    case_id, licence_id = _printed(counter, data_dir)
    with counter.store.transaction() as s:
        C.collect(s, CLERK, case_id, C.Collector("applicant", "张三", "id", id_number=PERSON_ID),
                  PNG, data_dir=data_dir, now=NOW)
    with counter.store.transaction() as s:
        listed = L.issued_licences(s)
        assert [(x.id, x.collected, x.collector) for x in listed] == [(licence_id, True, "张三")]
        with pytest.raises(DomainError) as clerk:
            L.revoke_licence(s, CLERK, SUPERVISOR, licence_id, "项目已撤销")
        assert clerk.value.code == "revoke_collected_needs_supervisor"
        with pytest.raises(DomainError) as alone:
            L.revoke_licence(s, SUPERVISOR, SUPERVISOR, licence_id, "项目已撤销")
        assert alone.value.code == "approver_is_actor"
    with counter.store.transaction() as s:
        done = L.revoke_licence(s, SUPERVISOR, SUPERVISOR2, licence_id, "项目已撤销")
        assert done.status == "revoked" and done.revoke_approved_by == "sunli"
        assert [x.status for x in L.issued_licences(s, search=done.number)] == ["revoked"]
        assert L.issued_licences(s, search="nothing-like-it") == []
        sent = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "licence.revoke")).one()
        assert sent.payload["licence_id"] == licence_id


def test_queue_shows_this_counters_cases_or_the_halls(counter: Counter) -> None:
    with counter.store.transaction() as s:
        mine = store_case(s, paid=True, counter="C01")
        theirs = store_case(s, paid=True, counter="C02")
        unknown = store_case(s, paid=True, counter="")  # synced before the server said whose
        everyone = {e.case.id for e in collection_queue(s, now=NOW)}
        only_mine = {e.case.id for e in collection_queue(s, now=NOW, counter="C01")}
    assert everyone == {mine["id"], theirs["id"], unknown["id"]}
    assert only_mine == {mine["id"], unknown["id"]}


def test_refused_case_carries_its_letter_number(counter: Counter) -> None:
    with counter.store.transaction() as s:
        case = store_case(s, status="rejected", decision_number="DEMO不许〔2026〕00007号")
        assert L.result_case(s, case["id"]).decision_number == "DEMO不许〔2026〕00007号"
