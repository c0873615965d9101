"""Catalog changes since a revision (the seed format's objects, as stored)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class CatalogChanges(BaseModel):
    format: str
    revision: int
    since: int
    departments: list[dict[str, Any]]
    people: list[dict[str, Any]]
    items: list[dict[str, Any]]


class CatalogImportResult(BaseModel):
    revision: int
