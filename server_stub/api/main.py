"""Collects the routers of /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.api.routes import (
    admin,
    auth,
    cases,
    catalog,
    holidays,
    licences,
    presubmissions,
    supervision,
    uploads,
)

api_router = APIRouter(prefix="/api/v1")
for module in (auth, admin, catalog, holidays, cases, uploads, supervision, presubmissions,
               licences):
    api_router.include_router(module.router)
