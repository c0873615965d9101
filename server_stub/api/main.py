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
# A request is matched against the routers in this order, each router's routes tried in turn:
# the busiest ones first (a page's chunks and declarations, then cases). No path of a later
# router matches a pattern of an earlier one, so the order changes nothing else.
ROUTERS = tuple(module.router for module in (
    uploads, cases, auth, admin, catalog, holidays, supervision, board, ratings, presubmissions,
    licences))
for router in ROUTERS:
    api_router.include_router(router)
