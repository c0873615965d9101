"""Case numbers: gap-free and unique under 30-way concurrency and failures, on SQLite and
PostgreSQL, and (PostgreSQL) the hall's sequence is not locked while a case is being made.
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from server_stub.models import Case, NumberReservation, NumberSequence
from server_stub.services import cases as case_service
from server_stub.services import numbers

from .conftest import Api
from .helpers import case_body
from .test_concurrency import Live, N, codes, live, race  # noqa: F401  (fixture)

SEQUENCE = "case:demo:2026"
NUMBER = re.compile(r"^DEMO-2026-(\d{6})$")


def hall_numbers(app: Any) -> tuple[list[int], list[int], int]:
    """(numbers the hall's cases carry, numbers reserved but not used, next value)."""
    with app.state.sessionmaker() as s:
        used = sorted(int(m.group(1)) for n in s.scalars(select(Case.case_number))
                      if (m := NUMBER.match(n)))
        held = sorted(s.scalars(select(NumberReservation.value)
                                .where(NumberReservation.name == SEQUENCE)))
        nxt = s.scalar(select(NumberSequence.next_value).where(NumberSequence.name == SEQUENCE))
    return used, held, nxt or 1


def assert_gap_free(app: Any) -> list[int]:
    """Every number the sequence gave is on exactly one case, or (PostgreSQL) still waits in
    ``number_reservations`` to be used by the next case: none lost, none twice."""
    used, held, nxt = hall_numbers(app)
    assert len(used) == len(set(used)), "a number on two cases"
    assert not set(used) & set(held), "a used number still reserved"
    assert sorted(used + held) == list(range(1, nxt)), (used, held, nxt)
    return used


def number_of(answer: Any) -> int:
    m = NUMBER.match(answer.json()["case_number"])
    assert m, answer.text
    return int(m.group(1))


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Case creations whose project is named "boom" fail after their number was taken (the
    SMS notice is queued after the number), as a crash in the middle of the work would."""
    queue = case_service.sms.queue

    def boom(session: Any, case: Any, *args: Any, **kw: Any) -> Any:
        if case is not None and case.project_name == "boom":
            raise RuntimeError("simulated failure after the number was taken")
        return queue(session, case, *args, **kw)

    monkeypatch.setattr(case_service.sms, "queue", boom)
    yield


def test_failed_creation_leaves_no_gap(any_api: Api, failing: None) -> None:
    first = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body())
    assert first.status_code == 201, first.text
    for key in (None, str(uuid.uuid4())):  # without and with an Idempotency-Key
        headers = {"Idempotency-Key": key} if key else {}
        with pytest.raises(RuntimeError, match="simulated failure"):
            any_api.as_("wangjing", "POST", "/api/v1/cases",
                        json=case_body(project_name="boom"), headers=headers)
    after = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body())
    assert after.status_code == 201, after.text
    assert number_of(after) == number_of(first) + 1
    with any_api.session() as s:
        assert s.scalar(select(Case.id).where(Case.project_name == "boom")) is None
    assert_gap_free(any_api.app)


@pytest.fixture
def failing_commit(any_api: Api) -> Iterator[None]:
    """The COMMIT of a transaction that made a case named "commit fails" fails at the
    database (as a lost connection or a serialization failure would), after every statement
    of the creation succeeded."""
    engine = any_api.app.state.engine

    def mark(session: Any, _flush_context: Any, _instances: Any) -> None:
        if any(isinstance(o, Case) and o.project_name == "commit fails" for o in session.new):
            session.connection().info["fail_commit"] = True

    def fail(conn: Any) -> None:
        if conn.info.pop("fail_commit", False):
            # As a COMMIT the database refuses: the transaction ends, nothing is kept.
            conn.connection.dbapi_connection.rollback()
            raise RuntimeError("simulated failure of the COMMIT")

    event.listen(Session, "before_flush", mark)
    # Before the engine's own listeners (SQLite's issues the COMMIT itself).
    others = list(engine.dispatch.commit)
    for listener in others:
        event.remove(engine, "commit", listener)
    event.listen(engine, "commit", fail)
    for listener in others:
        event.listen(engine, "commit", listener)
    yield
    event.remove(engine, "commit", fail)
    event.remove(Session, "before_flush", mark)


def test_failed_commit_gives_the_number_back_at_once(any_api: Api, failing_commit: None) -> None:
    """A creation whose COMMIT fails frees its number at once: the next case of the hall gets
    it, not the one after (on PostgreSQL it used to wait numbers.STALE, five minutes)."""
    first = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body())
    assert first.status_code == 201, first.text
    for key in (None, str(uuid.uuid4())):  # without and with an Idempotency-Key
        headers = {"Idempotency-Key": key} if key else {}
        with pytest.raises(RuntimeError, match="failure of the COMMIT"):
            any_api.as_("wangjing", "POST", "/api/v1/cases",
                        json=case_body(project_name="commit fails"), headers=headers)
        assert hall_numbers(any_api.app)[1] in ([], [number_of(first) + 1])
        after = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body())
        assert after.status_code == 201, after.text
        assert number_of(after) == number_of(first) + 1
        first = after
    with any_api.session() as s:
        assert s.scalar(select(Case.id).where(Case.project_name == "commit fails")) is None
    assert_gap_free(any_api.app)
    assert hall_numbers(any_api.app)[1] == []


def test_parallel_creations_are_unique_and_gap_free(live: Live) -> None:  # noqa: F811
    headers = live.token("wangjing", hall=True)
    assert requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers,
                         timeout=30).status_code == 201
    before = hall_numbers(live.app)
    assert before[1] == []
    answers = race(lambda i: requests.post(
        f"{live.url}/api/v1/cases", json=case_body(project_name=f"并发{i}"),
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())} if i % 2 else headers,
        timeout=120))
    assert codes(answers) == {201: N}, [r.text for r in answers if r.status_code != 201]
    got = sorted(number_of(r) for r in answers)
    assert got == list(range(before[2], before[2] + N))  # no reservation left from before
    used = assert_gap_free(live.app)
    assert set(got) <= set(used)
    assert hall_numbers(live.app)[1] == []


def test_parallel_creations_with_failures_leave_no_gap(live: Live, failing: None) -> None:  # noqa: F811
    headers = live.token("wangjing", hall=True)
    answers = race(lambda i: requests.post(
        f"{live.url}/api/v1/cases",
        json=case_body(project_name="boom" if i % 3 == 0 else f"并发{i}"),
        headers=headers, timeout=120))
    assert codes(answers) == {201: N - N // 3, 500: N // 3}
    assert_gap_free(live.app)
    # Numbers the failures gave back are used by the next cases, lowest first.
    _used, held, _nxt = hall_numbers(live.app)
    for expected in held:
        r = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers,
                          timeout=30)
        assert r.status_code == 201, r.text
        assert number_of(r) == expected
    used, held, nxt = hall_numbers(live.app)
    assert held == [] and used == list(range(1, nxt))


@pytest.mark.postgres
def test_sequence_is_not_locked_while_a_case_is_made(
        live: Live, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """A case whose transaction is still running (after taking its number) does not hold up
    the next case of the hall: the number was reserved in a transaction of its own."""
    if live.app.state.engine.dialect.name != "postgresql":
        pytest.skip("SQLite lets one writer through at a time by design")
    headers = live.token("wangjing", hall=True)
    entered, go_on = threading.Event(), threading.Event()
    queue = case_service.sms.queue

    def slow(session: Any, case: Any, *args: Any, **kw: Any) -> Any:
        if case is not None and case.project_name == "slow":
            entered.set()
            assert go_on.wait(60)
        return queue(session, case, *args, **kw)

    monkeypatch.setattr(case_service.sms, "queue", slow)
    slow_answer: list[Any] = []
    worker = threading.Thread(target=lambda: slow_answer.append(requests.post(
        f"{live.url}/api/v1/cases", json=case_body(project_name="slow"), headers=headers,
        timeout=120)))
    worker.start()
    try:
        assert entered.wait(30)
        quick = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers,
                              timeout=10)
        assert quick.status_code == 201, quick.text
    finally:
        go_on.set()
        worker.join(60)
    assert slow_answer and slow_answer[0].status_code == 201, slow_answer
    assert abs(number_of(slow_answer[0]) - number_of(quick)) == 1
    assert_gap_free(live.app)


@pytest.mark.postgres
def test_reservation_of_a_dead_request_is_used_again(live: Live) -> None:  # noqa: F811
    """A process that died after reserving leaves its reservation: once stale, the next case
    takes that number; a fresh reservation (a request still running) is left alone."""
    if live.app.state.engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes numbers in the case's own transaction")
    headers = live.token("wangjing", hall=True)
    now = live.app.state.clock()
    with live.app.state.sessionmaker() as s:
        running = numbers.reserve(s, SEQUENCE, now)
        dead = numbers.reserve(s, SEQUENCE, now - numbers.STALE - timedelta(seconds=1))
    assert dead.value == running.value + 1
    r = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers, timeout=30)
    assert r.status_code == 201, r.text
    assert number_of(r) == dead.value
    r = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers, timeout=30)
    assert number_of(r) == dead.value + 1
    # The running request fails after all and gives its number back: the next case takes it.
    with live.app.state.sessionmaker() as s:
        numbers.release(s, running)
    r = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers, timeout=30)
    assert number_of(r) == running.value
    used = assert_gap_free(live.app)
    assert {running.value, dead.value, dead.value + 1} <= set(used)
    assert hall_numbers(live.app)[1] == []
