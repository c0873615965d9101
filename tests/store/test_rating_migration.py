"""Migration 0008_ratings creates exactly what the rating model describes."""

from __future__ import annotations

from pathlib import Path


def test_rating_migration_matches_model(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import hall_client.store.rating_models  # noqa: F401  (registers the table on Base)
    from hall_client.store.db import open_store
    from hall_client.store.models import Base

    store = open_store(tmp_path)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert [d for d in diff if "service_rating" in str(d)] == []
