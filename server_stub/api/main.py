"""Collects the routers of /api/v1."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.api.routes import (
    admin,
    auth,
    board,
    cases,
    catalog,
    holidays,
    licences,
    presubmissions,
    ratings,
    supervision,
    uploads,
)

api_router = APIRouter(prefix="/api/v1")
for module in (auth, admin, catalog, holidays, cases, uploads, supervision, board, ratings,
               presubmissions, licences):
    api_router.include_router(module.router)
