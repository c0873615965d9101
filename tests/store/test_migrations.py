"""Migrations: a database made by an older revision upgrades with its data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from hall_client.store.db import (
    DB_FILENAME,
    alembic_config,
    current_revision,
    make_engine,
    migrate,
    open_store,
)


def _head(engine: object) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()  # type: ignore[arg-type]


def test_fresh_database_is_at_head_in_wal_mode(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    assert current_revision(store.engine) == _head(store.engine)
    store.close()
    conn = sqlite3.connect(tmp_path / DB_FILENAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_upgrade_from_first_revision_keeps_data(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / DB_FILENAME)
    migrate(engine, "0001_people_audit")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (id, username, full_name, password_hash, active, failed_attempts,"
            " must_change_password, created_at) VALUES ('p1', 'old', '老用户', 'x', 1, 0, 0,"
            " '2026-01-01 00:00:00')"
        )
    engine.dispose()
    store = open_store(tmp_path)  # upgrades to head
    assert current_revision(store.engine) == _head(store.engine)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT full_name FROM person").scalar() == "老用户"
        assert conn.exec_driver_sql("SELECT count(*) FROM service_item_version").scalar() == 0
    store.close()


def test_cashier_migration_matches_models(tmp_path: Path) -> None:
    """The hand-written cashier migration creates exactly what the cashier models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import hall_client.store.cashier_models  # noqa: F401  (registers the tables on Base)
    from hall_client.store.models import Base

    store = open_store(tmp_path)
    cashier_tables = {"fee_assessment", "cash_session", "payment", "payment_part", "refund",
                      "receipt_batch", "receipt_issue", "receipt"}
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if cashier_tables & set(str(d).split("'"))]
    store.close()
    assert ours == []
