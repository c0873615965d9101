"""What creating a case (and sending its pages) costs the database, and that what saves it
stays right.

Case creation is the request 50 counters send at the same instant when a hall opens. Each
statement is a round trip (on PostgreSQL a context switch and the database's CPU too), so
their number is counted here and cannot grow back unnoticed. The savings come from caches
kept per process (a catalog item version, the calendar, hall and counter codes) and from not
looking the case's UUID up before inserting it; the other tests here hold those right.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select

from server_stub.models import Case
from server_stub.services import catalog, numbers

from .conftest import Api
from .helpers import case_body, create_case, declare, page, send
from .test_numbers import assert_gap_free

MAX_STATEMENTS = {"postgresql": 12, "sqlite": 18}
"""Statements one creation with an Idempotency-Key sends, counted from the sign-in check to
the commit: on PostgreSQL the token lookup, the idempotency claim, the number's reservation
and, in the case's transaction, the revisions, the case (under a provisional number: the
insert settles parallel duplicates before a number is taken), the claim of the number, the
number, the case's steps, its first history entry and that entry's hash, the SMS notice and
the stored answer (psycopg sends BEGIN and COMMIT besides). On SQLite BEGIN and COMMIT are
statements of their own, and the number is taken in the case's transaction. Before 30
November 2026: 19 and 24."""


@contextmanager
def statements(api: Api) -> Iterator[list[str]]:
    """Every statement the app sends to its database meanwhile (all of its engines)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    engine = api.app.state.engine
    engines = {engine, api.app.state.read_engine}
    if numbers.separate_transactions(api.session()):
        engines.add(numbers.allocator(engine))
    for e in engines:
        event.listen(e, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        for e in engines:
            event.remove(e, "before_cursor_execute", record)


def test_a_case_is_created_in_few_statements(any_api: Api) -> None:
    create_case(any_api)  # the first one fills the process's caches
    with statements(any_api) as seen:
        case = create_case(any_api)
    dialect = any_api.app.state.engine.dialect.name
    assert len(seen) <= MAX_STATEMENTS[dialect], "\n".join(seen)
    # Nothing is read that the process already knows, and the UUID is not looked up first.
    cached = re.compile(r"FROM (catalog_items|halls|counters|holiday_days)\b")
    assert not [s for s in seen if cached.search(s)], "\n".join(seen)
    assert not [s for s in seen if "FROM cases WHERE cases.id =" in s], "\n".join(seen)
    assert case["hall"] == "demo" and case["counter"] == "C01"
    assert case["steps"] and case["legal_due"] is not None


def test_a_new_catalog_version_is_used_at_once(api: Api) -> None:
    """The newest version of an item is kept per catalog revision: an import (here straight
    into the database, as another server process would) is seen by the next creation."""
    assert create_case(api)["item_version"] == 1
    seed = json.loads(catalog.seed_path().read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in seed["items"] if i["code"] == "ZJ-XK-001"))
    item["version"] = 2
    item["name"] = item["name"] + "（新版）"
    with api.session() as s:
        catalog.import_catalog(s, {**seed, "items": [item]})
        s.commit()
    second = create_case(api, item_version=None)
    assert second["item_version"] == 2 and second["item_name"] == item["name"]
    # An older version asked for by number is still that version.
    assert create_case(api, item_version=1)["item_version"] == 1


def test_a_resend_is_answered_without_a_lookup_first(any_api: Api) -> None:
    """The same UUID again, without an Idempotency-Key: the insert finds it, the case is
    answered as it is, and the number the resend reserved goes to the next case."""
    body = case_body()
    first = any_api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert first.status_code == 201, first.text
    again = any_api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert again.status_code == 200, again.text
    assert again.json()["case_number"] == first.json()["case_number"]
    changed = any_api.as_("wangjing", "POST", "/api/v1/cases",
                          json={**body, "project_name": "另一个项目"})
    assert changed.status_code == 409 and changed.json()["detail"]["code"] == "case_exists"
    after = create_case(any_api)
    assert _seq(after["case_number"]) == _seq(first.json()["case_number"]) + 1
    with any_api.session() as s:
        assert len(s.scalars(select(Case.id).where(Case.id == uuid.UUID(body["id"]))).all()) == 1
    assert_gap_free(any_api.app)


def test_a_resend_a_year_later_is_still_a_resend(any_api: Api) -> None:
    """A resend no longer passes the checks of a new case (accepted more than a year ago by
    now), yet it is the same case: answered as it is, not refused."""
    any_api.clock.set(2026, 3, 2)
    body = case_body(accepted_at="2026-03-02T09:30:00+08:00")
    assert any_api.as_("wangjing", "POST", "/api/v1/cases", json=body).status_code == 201
    any_api.clock.set(2027, 3, 10)
    again = any_api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert again.status_code == 200, again.text
    new = any_api.as_("wangjing", "POST", "/api/v1/cases",
                      json={**body, "id": str(uuid.uuid4())})
    assert new.status_code == 422 and new.json()["detail"]["code"] == "accepted_too_old"


def test_taken_numbers_are_skipped_on_every_backend(any_api: Api) -> None:
    """A number some case carries already is skipped (on PostgreSQL the reservation itself
    tells, in the same statement). In a year of its own: the case renamed here leaves its
    own number on no case, which the gap-free checks of 2026 (PostgreSQL is shared) would
    rightly report."""
    any_api.clock.set(2028, 3, 2)
    first = create_case(any_api)
    n = _seq(first["case_number"])
    prefix = first["case_number"][: -6]
    with any_api.session() as s:
        taken = s.get(Case, uuid.UUID(create_case(any_api)["id"]))
        assert taken is not None
        taken.case_number = f"{prefix}{n + 2:06d}"
        s.commit()
    third = create_case(any_api)
    assert third["case_number"] == f"{prefix}{n + 3:06d}"
    assert create_case(any_api)["case_number"] == f"{prefix}{n + 4:06d}"


def _seq(number: str) -> int:
    return int(number.rsplit("-", 1)[1])


PAGE_STATEMENTS = {"postgresql": (4, 3), "sqlite": (7, 6)}
"""(declaration, chunk): on PostgreSQL the token lookup, then for a declaration the case
(locked), the upload's UUID and its place in one query, the insert; for a chunk the upload
(locked) with its case's hall, the new offset (psycopg's BEGIN and COMMIT besides; SQLite
counts its own, and the token lookup's BEGIN). Before 30 November 2026: (5, 4) and (8, 7)."""


def test_a_page_is_declared_and_sent_in_few_statements(any_api: Api) -> None:
    case = create_case(any_api)
    data = page(1, 20_000)
    declare(any_api, case["id"], page(2, 20_000), name="0002.jpg")  # warm
    with statements(any_api) as declared:
        up = declare(any_api, case["id"], data, name="0001.jpg")
    with statements(any_api) as sent:
        r = send(any_api, up["id"], data[:10_000], 0)
    assert r.status_code == 200 and r.json()["confirmed_offset"] == 10_000
    most = PAGE_STATEMENTS[any_api.app.state.engine.dialect.name]
    assert len(declared) <= most[0], "\n".join(declared)
    assert len(sent) <= most[1], "\n".join(sent)
    # The same UUID again is the same upload; another UUID for its place is refused.
    again = any_api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": up["id"], "section": "施工", "name": "0001.jpg", "size": len(data),
        "sha256": up["sha256"]})
    assert again.status_code == 200 and again.json()["confirmed_offset"] == 10_000
    clash = any_api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": len(data),
        "sha256": up["sha256"]})
    assert clash.status_code == 409 and clash.json()["detail"]["code"] == "upload_name_taken"
    # Another hall's clerk cannot send to it.
    other = send(any_api, up["id"], data[10_000:], 10_000, user="other_clerk")
    assert other.status_code == 403 and other.json()["detail"]["code"] == "case_other_hall"


def test_the_idempotency_claim_does_not_wait_for_the_disk(any_api: Api) -> None:
    """On PostgreSQL the claim of an Idempotency-Key is committed without waiting for its
    log flush (the work's own commit flushes past it); the work itself waits as before."""
    engine = any_api.app.state.engine
    if not numbers.separate_transactions(any_api.session()):
        pytest.skip("SQLite: the claim is a transaction of the database file like any other")
    create_case(any_api)
    seen: list[tuple[str, str]] = []

    def record(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        setting = conn.exec_driver_sql("SHOW synchronous_commit").scalar() \
            if statement.startswith(("INSERT INTO idempotency_records",
                                     "UPDATE idempotency_records")) else ""
        seen.append((statement.split(" (")[0], setting))

    engines = [engine, numbers.allocator(engine)]
    for e in engines:
        event.listen(e, "before_cursor_execute", record)
    try:
        create_case(any_api)
    finally:
        for e in engines:
            event.remove(e, "before_cursor_execute", record)
    assert ("INSERT INTO idempotency_records", "off") in seen, seen
    assert next(s for s in seen if s[0].startswith("UPDATE idempotency_records"))[1] == "on"
