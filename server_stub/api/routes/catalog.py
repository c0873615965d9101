"""The service catalog: changes since a revision, with an ETag; admin import."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request, Response

from server_stub.deps import AdminUser, CurrentUser, ReadSessionDep, SessionDep
from server_stub.schemas.catalog import CatalogChanges, CatalogImportResult
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.services import catalog

router = APIRouter(prefix="/catalog", tags=["catalog"], responses=AUTH_ERRORS)


@router.get("", response_model=CatalogChanges, responses={304: {"description": "没有变化"}})
def get_catalog(
    request: Request,
    response: Response,
    user: CurrentUser,
    session: ReadSessionDep,
    since: int = Query(default=0, ge=0, le=2**62, description="上次取得的 revision；0 取全部"),
) -> Any:
    """Everything changed after revision ``since``; ``ETag`` is the current revision.

    Send ``If-None-Match`` with the ETag you hold: 304 means nothing changed.
    """
    revision = catalog.current_revision(session)
    etag = f'"catalog-{revision}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return catalog.changes_since(session, since)


@router.post("/import", response_model=CatalogImportResult)
def import_catalog(body: dict[str, Any], admin: AdminUser, session: SessionDep) -> Any:
    """Merge a catalog document (seed format); changed items need a higher version."""
    revision = catalog.import_catalog(session, body, "request body")
    session.commit()
    return {"revision": revision}
