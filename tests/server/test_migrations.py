"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from server_stub.models import Base

from .conftest import Api


def test_migrated_schema_matches_models(any_api: Api) -> None:
    with any_api.app.state.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrating_again_is_harmless(api: Api) -> None:
    from server_stub.db import migrate

    migrate(api.app.state.engine)
    assert api.client.get("/healthz").status_code == 200
