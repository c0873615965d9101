"""Online pre-submissions (网上申报): the portal submits; the hall's counters list and decide."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Query, Response

from server_stub.deps import ClerkUser, HallUser, NowDep, ReadSessionDep, SessionDep
from server_stub.schemas.common import AUTH_ERRORS, problems
from server_stub.schemas.presubmission import (
    PresubmissionCreate,
    PresubmissionDecision,
    PresubmissionOut,
)
from server_stub.services import presubmissions

router = APIRouter(prefix="/presubmissions", tags=["presubmissions"])


@router.post("", response_model=PresubmissionOut, status_code=201,
             responses={200: {"model": PresubmissionOut, "description": "同一编号已提交过"},
                        **problems(400, 404, 409, 413, 422)})
def submit(body: PresubmissionCreate, response: Response, session: SessionDep,
           now: NowDep) -> Any:
    """An applicant's online application for a hall (sent by the government portal, which
    identifies the applicant); safe to repeat with the same ``id``."""
    status, row = presubmissions.submit(session, body, now)
    out = presubmissions.view(session, row)
    session.commit()
    response.status_code = status
    return out


@router.get("", response_model=list[PresubmissionOut], responses=AUTH_ERRORS)
def list_presubmissions(user: HallUser, session: ReadSessionDep,
                        status: str | None = Query(default=None,
                                                   description="submitted 待预审等")) -> Any:
    """The hall's online applications, oldest first (``status=submitted``: waiting)."""
    return [presubmissions.view(session, r)
            for r in presubmissions.for_hall(session, user, status)]


@router.post("/{presubmission_id}/decision", response_model=PresubmissionOut,
             responses=AUTH_ERRORS)
def decide(presubmission_id: uuid.UUID, body: PresubmissionDecision, user: ClerkUser,
           session: SessionDep, now: NowDep) -> Any:
    """The counter's decision after pre-review; the same decision again is harmless."""
    row = presubmissions.decide(session, user, presubmission_id, body, now)
    out = presubmissions.view(session, row)
    session.commit()
    return out
