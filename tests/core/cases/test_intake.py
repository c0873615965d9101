"""Intake at the window: accept, correction (and coming back), refusal; numbers, notices,
outbox messages the server accepts as they are, audit, and bad input that changes nothing."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hall_client.core import audit, catalog
from hall_client.core.cases.intake import (
    ApplicantInput,
    FeeInput,
    MaterialInput,
    forget_query_code,
    record_intake,
)
from hall_client.core.cases.queries import case_detail, get_case, notice_for_print
from hall_client.core.counter import Counter
from hall_client.core.errors import InvalidInput, PermissionDenied
from hall_client.store.case_models import CaseNotice, CasePage, IntakeCase
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import AuditEntry, NumberSequence, OutboxMessage
from server_stub.schemas.case import CaseCreate
from tests.core.cases.helpers import CLERK, HALL, REQUIRED, full_intake, missing_intake

NOW = datetime(2026, 2, 12, 1, 30, tzinfo=UTC)  # Thu 12 Feb 2026, 09:30 in Shanghai


def record(counter: Counter, intake: Any, now: datetime = NOW) -> Any:
    with counter.store.transaction() as s:
        return record_intake(s, CLERK, HALL, counter.data_dir, intake, now=now)


def counts(counter: Counter) -> dict[str, int]:
    with counter.store.transaction() as s:
        out = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) or 0
               for t in (IntakeCase, CaseNotice, CasePage, FeeAssessment, OutboxMessage,
                         AuditEntry)}
        out["sequences"] = sum(r.next_value for r in s.scalars(select(NumberSequence)))
        return out


def test_accept_writes_everything_in_one_go(counter: Counter) -> None:
    result = record(counter, full_intake())
    assert result.case_number == "HALL-330100-2026-W01-00001"
    assert re.fullmatch(r"[A-Z2-9]{8}", result.query_code or "")
    assert result.promised_date == date(2026, 2, 28)  # 7 working days across Spring Festival
    assert result.legal_date == date(2026, 3, 11)
    assert result.notice_number == "受〔2026〕W01-00001号"
    assert result.fee_total == 720000  # 12000 m² × 60.00
    with counter.store.transaction() as s:
        case = get_case(s, result.case_number)
        detail = case_detail(s, case)
        assert detail["applicant"]["name"] == "某某建设有限公司"
        assert [m["state"] for m in detail["materials"]] == ["received"] * REQUIRED + ["missing"]
        assert [p["name"] for p in detail["pages"]] == ["0001.jpg", "0002.jpg"]
        for page in detail["pages"]:
            stored = counter.data_dir / page["file"]
            assert stored.read_bytes().startswith(b"\xff\xd8")
            assert page["file"] == f"pages/{page['sha256'][:2]}/{page['sha256']}.jpg"
        fee = s.scalars(select(FeeAssessment)).one()
        assert (fee.case_id, fee.case_ref, fee.payer) == (case.id, case.number, "某某建设有限公司")
        assert [e["action"] for e in detail["history"]] == ["accept"]
        messages = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.seq)))
        assert [m.kind for m in messages] == ["case.create", "page.upload", "page.upload"]
        actions = [e.action for e in s.scalars(select(AuditEntry))]
        assert "case.accept" in actions and "fee.assess" in actions
        assert audit.verify(s).ok


def test_case_create_payload_is_the_servers_body(counter: Counter) -> None:
    result = record(counter, full_intake())
    with counter.store.transaction() as s:
        create, *uploads = [m.payload for m in s.scalars(
            select(OutboxMessage).order_by(OutboxMessage.seq))]
    body = CaseCreate.model_validate_json(json.dumps(create))  # exactly, extra=forbid
    assert str(body.id) == result.case_id
    assert body.case_number == result.case_number
    assert body.verification_code == result.query_code
    assert body.accepted_at == NOW
    assert body.fees[0].amount == 720000 and create["fees"][0]["amount"] == "720000.00"
    assert [m.received for m in body.materials] == [True] * REQUIRED + [False]
    for up in uploads:
        assert up["case_id"] == result.case_id
        assert set(up["upload"]) == {"id", "section", "name", "size", "sha256", "content_type"}
        assert (counter.data_dir / up["file"]).stat().st_size == up["upload"]["size"]


def test_same_page_bytes_are_stored_once(counter: Counter) -> None:
    record(counter, full_intake())
    record(counter, full_intake())
    files = [p for p in (counter.data_dir / "pages").rglob("*") if p.is_file()]
    assert len(files) == 2


def test_numbers_are_gap_free_per_counter_and_kind(counter: Counter) -> None:
    a = record(counter, full_intake())
    c = record(counter, missing_intake())
    r = record(counter, missing_intake("refuse", reason="不属于本中心受理范围"))
    b = record(counter, full_intake())
    assert [x.case_number[-5:] for x in (a, c, r, b)] == ["00001", "00002", "00003", "00004"]
    assert [a.notice_number, b.notice_number] == ["受〔2026〕W01-00001号", "受〔2026〕W01-00002号"]
    assert c.notice_number == "补〔2026〕W01-00001号"
    assert r.notice_number == "不受〔2026〕W01-00001号"
    other = replace(HALL, counter_id="W02")
    with counter.store.transaction() as s:
        # another counter's own sequence lives in its own database; here the number differs
        # by the counter code even at the same sequence value
        s.query(NumberSequence).filter(NumberSequence.name == "case:2026").one().next_value = 1
        twin = record_intake(s, CLERK, other, counter.data_dir, full_intake(), now=NOW)
        s.rollback()
    assert twin.case_number == "HALL-330100-2026-W02-00001" != a.case_number


def test_year_restarts_the_sequence(counter: Counter) -> None:
    record(counter, full_intake())
    late = record(counter, full_intake(), now=datetime(2025, 6, 3, 2, tzinfo=UTC))
    assert late.case_number == "HALL-330100-2025-W01-00001"


def test_required_material_missing_cannot_be_accepted(counter: Counter) -> None:
    before = counts(counter)
    with pytest.raises(InvalidInput) as caught:
        record(counter, missing_intake("accept"))
    problem = caught.value.problems[0]
    assert problem.where == "materials" and problem.rule == "required_material_missing"
    assert "施工图设计文件审查合格书" in problem.message and "补正" in problem.message
    assert counts(counter) == before


def test_correction_then_the_applicant_comes_back(counter: Counter) -> None:
    first = record(counter, missing_intake())
    assert (first.status, first.query_code, first.promised_date) == ("correction", None, None)
    with counter.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        content = notice_for_print(s, CLERK, first.notice_id, reprint=False)
    listed = {m["name"]: m for m in content["materials"] if m["state"] != "received"}
    assert set(listed) == {"建设工程规划许可证", "施工图设计文件审查合格书", "工程质量监督登记表",
                           "委托书及受托人身份证"}
    assert listed["建设工程规划许可证"]["reason"] == "复印件不清晰，须加盖公章"
    later = datetime(2026, 2, 24, 2, tzinfo=UTC)
    back = record(counter, full_intake(reopen=first.case_number, applicant=missing_intake().applicant),
                  now=later)
    assert back.case_number == first.case_number and back.status == "accepted"
    assert back.promised_date == date(2026, 3, 4)  # 7 working days from Tue 24 Feb (28th works)
    with counter.store.transaction() as s:
        detail = case_detail(s, get_case(s, first.case_number))
        assert [e["action"] for e in detail["history"]] == ["correction", "reopened", "accept"]
        assert [n["kind"] for n in detail["notices"]] == ["correction", "accept"]
        kinds = [m.kind for m in s.scalars(select(OutboxMessage).order_by(OutboxMessage.seq))]
        assert kinds == ["case.create", "page.upload", "page.upload"]
    with pytest.raises(InvalidInput) as caught:
        record(counter, full_intake(reopen=first.case_number))
    assert caught.value.problems[0].rule == "case_not_in_correction"


def test_refusal_needs_a_reason(counter: Counter) -> None:
    with pytest.raises(InvalidInput) as caught:
        record(counter, missing_intake("refuse"))
    assert caught.value.problems[0].where == "reason"
    refused = record(counter, missing_intake("refuse", reason="申请事项依法不需要取得行政许可"))
    assert refused.status == "refused" and refused.query_code is None


def test_deferred_material_where_the_item_allows_it(counter: Counter) -> None:
    deferred = replace(full_intake(), materials=tuple(
        MaterialInput(i, state="deferred", promised_by=date(2026, 2, 27)) if i == 9
        else m for i, m in enumerate(full_intake().materials)))
    result = record(counter, deferred)
    assert result.status == "accepted"
    not_allowed = replace(deferred, materials=tuple(
        replace(m, state="deferred", promised_by=date(2026, 2, 27)) if m.position == 2 else m
        for m in deferred.materials))
    with pytest.raises(InvalidInput) as caught:
        record(counter, not_allowed)
    assert caught.value.problems[0].rule == "material_not_deferrable"
    no_date = replace(deferred, materials=tuple(
        replace(m, promised_by=None) if m.position == 9 else m for m in deferred.materials))
    with pytest.raises(InvalidInput) as caught:
        record(counter, no_date)
    assert caught.value.problems[0].rule == "promised_by_missing"


def test_uncovered_year_says_so_instead_of_a_date(counter: Counter) -> None:
    result = record(counter, full_intake(), now=datetime(2026, 12, 24, 2, tzinfo=UTC))
    assert result.promised_date is None and "2027" in result.deadline_error
    with counter.store.transaction() as s:
        create = s.scalars(select(OutboxMessage)).first()
        assert create is not None and create.kind == "case.create"


@pytest.mark.parametrize(("change", "where", "rule"), [
    ({"item_code": "NO-SUCH-ITEM"}, "item", "item_unknown"),
    ({"applicant": ApplicantInput("person", "张" * 10_000_000, "resident_id",
                                  "11010519491231002X")}, "applicant.name", "text_too_long"),
    ({"applicant": ApplicantInput("person", "张三", "resident_id", "110105194912310021")},
     "applicant.id_number", "id_check_digit"),
    ({"applicant": ApplicantInput("person", "张三", "uscc", "91330100MA2B3C4D5N")},
     "applicant.id_type", "id_type_invalid"),
    ({"fees": (FeeInput("FS-NONE", "1"),)}, "fees", "fee_code_unknown"),
    ({"fees": (FeeInput("FS-ZJ-001", "-5"),)}, "fees", "fee_input_negative"),
    ({"project_name": "滨江/花园"}, "project_name", "project_name_chars"),
    ({"decision": "maybe"}, "decision", "decision_invalid"),
])
def test_bad_input_names_the_field_and_saves_nothing(counter: Counter, change: dict[str, Any],
                                                     where: str, rule: str) -> None:
    before = counts(counter)
    with pytest.raises(InvalidInput) as caught:
        record(counter, full_intake(**change))
    assert (caught.value.problems[0].where, caught.value.problems[0].rule) == (where, rule)
    assert len(caught.value.problems[0].message) < 300
    assert counts(counter) == before
    assert not (counter.data_dir / "pages").exists()


def test_withdrawn_item_version_is_refused(counter: Counter) -> None:
    with counter.store.transaction() as s:
        doc = catalog.export_document(s)
        item = next(i for i in doc["items"] if i["code"] == "ZJ-XK-001")
        item["promised_limit_days"] = 8
        catalog.import_document(s, counter.system_actor(), doc)
    before = counts(counter)
    with pytest.raises(InvalidInput) as caught:
        record(counter, full_intake(item_version=1))
    assert caught.value.problems[0].where == "item_version"
    assert caught.value.problems[0].rule == "item_version_withdrawn"
    assert "第 2 版" in caught.value.problems[0].message
    assert counts(counter) == before
    assert record(counter, full_intake()).promised_date == date(2026, 3, 2)


def test_only_clerks_take_cases(counter: Counter) -> None:
    with pytest.raises(PermissionDenied), counter.store.transaction() as s:
        record_intake(s, replace(CLERK, roles=frozenset({"cashier"})), HALL,
                      counter.data_dir, full_intake(), now=NOW)


def test_reprint_is_counted_and_query_code_forgotten_after_sync(counter: Counter) -> None:
    result = record(counter, full_intake())
    with counter.store.transaction() as s:
        first = notice_for_print(s, CLERK, result.notice_id, reprint=False)
        again = notice_for_print(s, CLERK, result.notice_id, reprint=True)
        forget_query_code(s, result.case_id)
    assert (first["reprint"], again["reprint"]) == (0, 1)
    assert first["query_code"] == result.query_code
    with counter.store.transaction() as s:
        later = notice_for_print(s, CLERK, result.notice_id, reprint=True)
        assert later["query_code"] is None and later["reprint"] == 2
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "notice.reprint")).all()


def test_page_paths_are_content_addressed(tmp_path: Path) -> None:
    from hall_client.core.cases.intake import store_page_file

    rel, sha, size = store_page_file(tmp_path, b"abc", "image/jpeg")
    assert rel == f"pages/{sha[:2]}/{sha}.jpg" and size == 3
    assert store_page_file(tmp_path, b"abc", "image/jpeg") == (rel, sha, size)
