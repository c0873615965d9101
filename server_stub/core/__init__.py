"""Configuration, security primitives and domain errors shared by the whole server."""
