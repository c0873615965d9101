"""Resumable page uploads: declare, send chunks at offsets, ask the confirmed offset."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from sqlalchemy import select

from server_stub.core.errors import Forbidden
from server_stub.deps import (
    ClerkUser,
    CurrentUser,
    IdempotencyKey,
    NowDep,
    ReadSessionDep,
    SessionDep,
    SettingsDep,
)
from server_stub.models import Upload
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.schemas.upload import UploadCreate, UploadState
from server_stub.services import cases, idempotency, uploads
from server_stub.services.filestore import LocalFileStore

router = APIRouter(tags=["uploads"], responses=AUTH_ERRORS)


@router.post("/cases/{case_id}/uploads", response_model=UploadState, status_code=201,
             responses={200: {"model": UploadState, "description": "已登记过，返回当前进度"}})
def declare_upload(
    request: Request, case_id: uuid.UUID, body: UploadCreate, user: ClerkUser,
    settings: SettingsDep, now: NowDep, idempotency_key: IdempotencyKey = None,
) -> Any:
    """Declare a page file (UUID, section, name, size, SHA-256) before sending its bytes."""

    def work(session: Any) -> tuple[int, dict[str, Any]]:
        case = cases.load_case(session, case_id, lock=True)
        cases.check_access(session, user, case)
        status, st = uploads.declare(session, settings, case, body, now)
        return status, st.model_dump(mode="json")

    return idempotency.run(
        request.app.state.sessionmaker, user.scope, idempotency_key,
        idempotency.fingerprint("POST", f"/cases/{case_id}/uploads", body.model_dump(mode="json")),
        now, settings.idempotency_stale_seconds, work)


@router.get("/cases/{case_id}/uploads", response_model=list[UploadState])
def list_uploads(case_id: uuid.UUID, user: CurrentUser, session: ReadSessionDep) -> Any:
    case = cases.load_case(session, case_id)
    cases.check_access(session, user, case)
    rows = session.scalars(select(Upload).where(Upload.case_id == case.id)
                           .order_by(Upload.section, Upload.name))
    return [uploads.state(u) for u in rows]


def _upload_for(session: Any, user: Any, upload_id: uuid.UUID) -> Any:
    upload = uploads.load(session, upload_id)
    cases.check_access(session, user, cases.load_case(session, upload.case_id))
    return upload


@router.get("/uploads/{upload_id}", response_model=UploadState)
def upload_state(upload_id: uuid.UUID, user: CurrentUser, session: ReadSessionDep) -> Any:
    """Where to resume: ``confirmed_offset`` bytes are stored."""
    return uploads.state(_upload_for(session, user, upload_id))


async def _raw_body(request: Request) -> bytes:
    """The chunk's bytes exactly as sent, whatever the Content-Type says (a declared
    ``Body(bytes)`` would JSON-parse a body sent as application/json)."""
    return await request.body()


@router.put(
    "/uploads/{upload_id}/chunks", response_model=UploadState,
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)
def put_chunk(
    request: Request,
    upload_id: uuid.UUID,
    user: ClerkUser,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    chunk: Annotated[bytes, Depends(_raw_body)],
    offset: int = Query(ge=0, le=2**31 - 1, description="本块第一个字节在文件中的位置"),
    x_chunk_sha256: Annotated[str | None, Header(pattern=r"^[0-9a-fA-F]{64}$")] = None,
) -> Any:
    """Store the bytes at ``offset``. Repeating a stored chunk is harmless; the answer is the
    confirmed offset. The last chunk triggers the whole-file SHA-256 check."""
    upload, hall_id = uploads.load_with_hall(session, upload_id)
    case = None
    if upload.kind == "result":
        # Its completion goes into the case's history: lock the case first, as delete does
        # (a page's chunk locks only its upload row).
        case_id = upload.case_id
        session.rollback()
        case = cases.load_case(session, case_id, lock=True)
        upload = uploads.load(session, upload_id, lock=True)
        cases.check_access(session, user, case)
    else:
        cases.check_hall_access(user, hall_id)  # a clerk (see ClerkUser)
    was_complete = upload.complete
    try:
        st = uploads.write_chunk(session, settings, request.app.state.file_store, upload, offset,
                                 chunk, x_chunk_sha256, now)
        if case is not None and st.complete and not was_complete:
            cases.record_event(session, case, "result_uploaded", user, now, data={
                "upload_id": str(upload.id), "name": upload.name, "size": upload.size,
                "sha256": upload.sha256})
    except Exception:
        session.rollback()
        raise
    session.commit()
    # An answer made here: a model returned would be checked again in a thread step of its own.
    return JSONResponse(st.model_dump(mode="json"))


@router.delete("/uploads/{upload_id}", status_code=204)
def delete_upload(request: Request, upload_id: uuid.UUID, user: ClerkUser, session: SessionDep,
                  now: NowDep) -> None:
    """Remove an upload that cannot finish (e.g. a wrong declared checksum) or is not wanted,
    while the case is at the window or in correction; then declare the right file. Recorded
    in the case's history. Deleting again answers 404 (it is gone)."""
    upload = uploads.load(session, upload_id)
    case = cases.load_case(session, upload.case_id, lock=True)
    cases.check_access(session, user, case)
    upload = uploads.load(session, upload_id, lock=True)
    uploads.delete(session, request.app.state.file_store, case, upload)
    cases.record_event(session, case, "upload_deleted", user, now, data={
        "upload_id": str(upload.id), "section": upload.section, "name": upload.name,
        "complete": upload.complete})
    session.commit()
    request.app.state.file_store.delete(uploads.key(upload))


@router.get("/uploads/{upload_id}/content", response_class=FileResponse,
            responses={200: {"content": {"image/jpeg": {}, "application/octet-stream": {}}}})
def upload_content(request: Request, upload_id: uuid.UUID, user: CurrentUser,
                   session: ReadSessionDep) -> Any:
    """The stored file, once complete (the hall's staff and the case's reviewers)."""
    upload = _upload_for(session, user, upload_id)
    if user.role == "cashier":
        raise Forbidden("role_forbidden", "收费员不查看材料文件")
    uploads.check_complete(upload)
    return serve(request.app.state.file_store, upload)


def serve(store: Any, upload: Any) -> Any:
    """The complete file as an answer (``nosniff`` comes with every answer)."""
    if isinstance(store, LocalFileStore):
        return FileResponse(store.path(uploads.key(upload)), media_type=upload.content_type)
    return StreamingResponse(store.stream(uploads.key(upload)), media_type=upload.content_type)
