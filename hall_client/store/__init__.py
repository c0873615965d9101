"""Local store: SQLAlchemy models, engine and session setup, Alembic migrations."""
