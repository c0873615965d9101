"""Catalog changes since a revision (the seed format's objects, as stored)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class CatalogChanges(BaseModel):
    format: str
    revision: int
    since: int
    departments: list[dict[str, Any]]
    people: list[dict[str, Any]]
    items: list[dict[str, Any]]


class CatalogImportResult(BaseModel):
    revision: int


class _Open(BaseModel):
    """Catalog objects carry fields the counter uses (guide, materials...): kept, not checked."""

    model_config = ConfigDict(extra="allow", strict=True)


class DepartmentDoc(_Open):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)
    phone: str = ""
    supervision_phone: str = ""


class PersonDoc(_Open):
    user: str = Field(min_length=1, max_length=80)
    name: str = Field(min_length=1, max_length=100)
    department: str = Field(min_length=1, max_length=40)


class WorkflowStepDoc(_Open):
    post: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=100)
    stage: int = Field(ge=1, le=100)
    limit_days: int = Field(ge=0, le=1000)
    holders: list[str] = Field(default_factory=list)
    backup: list[str] = Field(default_factory=list)


class FeeDoc(_Open):
    code: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=200)


class ItemDoc(_Open):
    code: str = Field(min_length=1, max_length=40)
    version: int = Field(ge=1, le=100000)
    name: str = Field(min_length=1, max_length=200)
    department: str = Field(min_length=1, max_length=40)
    legal_limit_days: int = Field(default=0, ge=0, le=10000)
    promised_limit_days: int = Field(default=0, ge=0, le=10000)
    workflow: list[WorkflowStepDoc] = Field(min_length=1)
    fees: list[FeeDoc] = Field(default_factory=list)


class CatalogDocument(_Open):
    """The seed catalog format (hall-catalog/1) as an import must have it."""

    format: str
    departments: list[DepartmentDoc] = Field(default_factory=list)
    people: list[PersonDoc] = Field(default_factory=list)
    items: list[ItemDoc] = Field(default_factory=list)
