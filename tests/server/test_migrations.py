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


def test_rehash_migration_repairs_chains_of_older_rows(api: Api) -> None:
    """Events hashed before 0002 (without seq, hall and role) read as intact after it."""
    import uuid

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import update

    from server_stub.db import MIGRATIONS
    from server_stub.models import CaseEvent

    from .helpers import create_case
    from .test_workflow import act

    case = create_case(api)
    act(api, "wangjing", case["id"], "approve")
    with api.session() as s:  # what an older server wrote: other hashes
        s.execute(update(CaseEvent).where(CaseEvent.case_id == uuid.UUID(case["id"]))
                  .values(hash="1" * 64, prev_hash="2" * 64))
        s.commit()
    url = f"/api/v1/cases/{case['id']}/history"
    assert api.as_("wangjing", "GET", url).json()["chain_ok"] is False
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with api.app.state.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        command.upgrade(cfg, "head")
    assert api.as_("wangjing", "GET", url).json()["chain_ok"] is True
