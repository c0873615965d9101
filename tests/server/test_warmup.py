"""A server process readies itself before it listens (services/warmup): its first case
creation costs no more than any later one, and the readying keeps nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from server_stub.models import (
    Case,
    CaseEvent,
    CaseStep,
    IdempotencyRecord,
    NumberReservation,
    NumberSequence,
    SmsMessage,
)

from .conftest import Api, _pg_api, _sqlite_api
from .helpers import create_case
from .test_creation_cost import MAX_STATEMENTS, statements

KEPT = (Case, CaseStep, CaseEvent, SmsMessage, IdempotencyRecord, NumberReservation,
        NumberSequence)


def counts(app: Any) -> dict[str, Any]:
    with app.state.sessionmaker() as s:
        out: dict[str, Any] = {m.__tablename__: s.scalar(select(func.count()).select_from(m))
                               for m in KEPT}
        out["next numbers"] = sorted(s.execute(select(NumberSequence.name,
                                                      NumberSequence.next_value)).all())
        return out


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def warm_api(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[Api]:
    monkeypatch.setenv("HALL_SERVER_WARM_UP", "1")
    if request.param == "sqlite":
        yield from _sqlite_api(sqlite_template, tmp_path)
    else:
        url, data = request.getfixturevalue("pg_schema_url")
        yield from _pg_api(url, data)


def test_the_first_creation_costs_what_any_does(warm_api: Api) -> None:
    assert warm_api.app.state.settings.warm_up
    assert warm_api.app.openapi_schema is not None  # the routes were built at start
    warm_api.login("wangjing")
    with warm_api.session() as s:  # not the hall's first case of the year (that one makes
        name = "case:demo:2026"     # the year's sequence, a few statements more)
        if s.get(NumberSequence, name) is None:
            s.add(NumberSequence(name=name, next_value=1))
            s.commit()
    with statements(warm_api) as seen:
        case = create_case(warm_api)
    dialect = warm_api.app.state.engine.dialect.name
    assert len(seen) <= MAX_STATEMENTS[dialect], "\n".join(seen)
    assert not [s for s in seen if "FROM catalog_items" in s or "FROM holiday_days" in s
                or "FROM halls" in s or "FROM counters" in s], "\n".join(seen)
    assert case["steps"] and case["hall"] == "demo"


def test_readying_keeps_nothing(warm_api: Api) -> None:
    """The case made at start is rolled back with everything it wrote: no case, step,
    history entry, SMS notice or stored answer, and no case number taken."""
    before = counts(warm_api.app)
    from server_stub.services.warmup import warm

    warm(warm_api.app)
    assert counts(warm_api.app) == before
    first = create_case(warm_api)
    assert counts(warm_api.app)["cases"] == before["cases"] + 1
    warm(warm_api.app)
    assert create_case(warm_api)["case_number"] > first["case_number"]
