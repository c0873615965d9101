"""Hall signing keys, licence and receipt records from counters, and the public verify call."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from server_stub.deps import HallUser, NowDep, ReadSessionDep, SessionDep
from server_stub.models import Hall
from server_stub.schemas.common import AUTH_ERRORS, problems
from server_stub.schemas.licence import (
    CollectionCodeIn,
    CollectionCodeOut,
    LicenceIn,
    LicenceOut,
    LicenceRevokeIn,
    ReceiptIn,
    ReceiptOut,
    ReceiptStatusIn,
    SigningKeyIn,
    SigningKeyOut,
    VerifyOut,
)
from server_stub.services import licences

router = APIRouter(tags=["licences"])


@router.post("/signing-keys", response_model=SigningKeyOut, status_code=201, responses={
    **AUTH_ERRORS, 200: {"model": SigningKeyOut, "description": "该公钥已登记，原样返回"}})
def register_signing_key(body: SigningKeyIn, user: HallUser, session: SessionDep,
                         now: NowDep) -> Any:
    """Register a counter's Ed25519 public key under the caller's hall (safe to repeat)."""
    status, row = licences.register_key(session, user, body.public_key, body.label, now)
    hall = session.get(Hall, row.hall_id)
    assert hall is not None
    out = SigningKeyOut(key_id=row.key_id, hall=hall.code, label=row.label,
                        created_at=row.created_at)
    session.commit()
    return JSONResponse(out.model_dump(mode="json"), status_code=status)


def _licence_out(row: Any) -> dict[str, Any]:
    return LicenceOut(id=row.id, licence_number=row.licence_number, status=row.status,
                      title=row.title, holder=row.holder).model_dump(mode="json")


@router.post("/licences", response_model=LicenceOut, status_code=201, responses={
    **AUTH_ERRORS, 200: {"model": LicenceOut, "description": "同一标识的证照已登记，原样返回"}})
def record_licence(body: LicenceIn, user: HallUser, session: SessionDep, now: NowDep) -> Any:
    """A licence printed at a counter: number, essential fields and its signed code."""
    status, row = licences.record_licence(session, user, body, now)
    out = _licence_out(row)
    session.commit()
    return JSONResponse(out, status_code=status)


@router.post("/licences/{licence_id}/revoke", response_model=LicenceOut, responses=AUTH_ERRORS)
def revoke_licence(licence_id: uuid.UUID, body: LicenceRevokeIn, user: HallUser,
                   session: SessionDep) -> Any:
    """Revoke a licence (printed wrong, or withdrawn); /verify reports it revoked from now on."""
    row = licences.revoke_licence(session, user, licence_id, body)
    out = _licence_out(row)
    session.commit()
    return out


@router.post("/receipts", response_model=ReceiptOut, status_code=201, responses={
    **AUTH_ERRORS, 200: {"model": ReceiptOut, "description": "同一标识的票据已登记，原样返回"}})
def record_receipt(body: ReceiptIn, user: HallUser, session: SessionDep, now: NowDep) -> Any:
    """A machine receipt issued at a counter (the payer's name masked)."""
    status, row = licences.record_receipt(session, user, body, now)
    out = ReceiptOut(id=row.id, stock_code=row.stock_code, number=row.number,
                     status=row.status).model_dump(mode="json")
    session.commit()
    return JSONResponse(out, status_code=status)


@router.post("/receipts/by-payment/{payment_id}/status", response_model=list[ReceiptOut],
             responses=AUTH_ERRORS)
def receipt_status(payment_id: str, body: ReceiptStatusIn, user: HallUser,
                   session: SessionDep) -> Any:
    """A payment was voided or refunded at the counter: its receipts say so at /verify."""
    rows = licences.receipt_status(session, user, payment_id, body)
    out = [ReceiptOut(id=r.id, stock_code=r.stock_code, number=r.number,
                      status=r.status).model_dump(mode="json") for r in rows]
    session.commit()
    return out


@router.post("/cases/{case_id}/collection-code", response_model=CollectionCodeOut,
             status_code=202, responses=AUTH_ERRORS)
def collection_code(case_id: uuid.UUID, body: CollectionCodeIn, user: HallUser,
                    session: SessionDep, now: NowDep) -> Any:
    """Text the applicant a one-time collection code made at the counter (once per code id)."""
    queued = licences.send_collection_code(session, user, case_id, body, now)
    session.commit()
    return CollectionCodeOut(id=body.id, queued=queued)


@router.get("/verify", response_model=VerifyOut, responses=problems(400, 422))
def verify(session: ReadSessionDep,
           code: str = Query(min_length=1, max_length=2000,
                             description="证照或票据二维码的内容")) -> Any:
    """Check a licence or receipt code: genuine, revoked, voided, refunded or not genuine.
    Public: an applicant or a bank clerk checks a paper without an account."""
    return licences.verify(session, code)
