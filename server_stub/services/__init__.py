"""Domain services: each takes a SQLAlchemy session and does one concern's rules."""
