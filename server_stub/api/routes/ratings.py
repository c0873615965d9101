"""Service ratings (好差评): counters send them; supervisors drive a bad rating's closed loop
and decide appeals."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.orm import Session

from server_stub.deps import NowDep, ReadSessionDep, SupervisorUser, require
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.schemas.rating import AppealIn, DecisionIn, LoopStepIn, RatingIn, RatingOut
from server_stub.services import idempotency, ratings
from server_stub.services.auth import Principal

router = APIRouter(tags=["ratings"], responses=AUTH_ERRORS)

CounterUser = Annotated[Principal, Depends(require("clerk", "cashier"))]
AppealUser = Annotated[Principal, Depends(require("clerk", "supervisor"))]


def _write(request: Request, now: datetime,
           work: Callable[[Session], tuple[int, dict[str, Any]]]) -> Any:
    """One write transaction (ratings are idempotent by their ids, not by a header)."""
    return idempotency.run(request.app.state.sessionmaker, "", None, "", now, 0, work)


@router.post("/ratings", response_model=RatingOut, status_code=201,
             responses={200: {"model": RatingOut,
                              "description": "同一评价重发：原样返回，不重复计数"}})
def create_rating(request: Request, body: RatingIn, user: CounterUser, now: NowDep) -> Any:
    """Store the applicant's rating of a visit; a bad one opens its closed loop."""

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        status, rating = ratings.create(session, user, body.model_dump(), now)
        return status, ratings.view(session, rating, now)

    return _write(request, now, work)


@router.get("/ratings", response_model=list[RatingOut])
def list_ratings(
    user: SupervisorUser, session: ReadSessionDep, now: NowDep,
    start: Annotated[date, Query(description="评价日期自（含）")],
    end: Annotated[date, Query(description="评价日期至（含）")],
    state: Literal["none", "open", "closed", "voided"] | None = None,
) -> Any:
    """Ratings given in the period, oldest first, with their loops and appeals."""
    return ratings.listing(session, user, start, end, state, now)


@router.get("/ratings/{rating_id}", response_model=RatingOut)
def get_rating(rating_id: uuid.UUID, user: SupervisorUser, session: ReadSessionDep,
               now: NowDep) -> Any:
    return ratings.view(session, ratings.load(session, user, rating_id), now)


@router.post("/ratings/{rating_id}/loop/{kind}", response_model=RatingOut)
def complete_loop_step(request: Request, rating_id: uuid.UUID,
                       kind: Literal["verify", "rectify", "answer", "callback"],
                       body: LoopStepIn, user: SupervisorUser, now: NowDep) -> Any:
    """Record the active loop step done (verify → rectify → answer → call back)."""

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        rating = ratings.load(session, user, rating_id)
        ratings.complete_step(session, user, rating, kind, body.note, now)
        return 200, ratings.view(session, rating, now)

    return _write(request, now, work)


@router.post("/ratings/{rating_id}/appeals", response_model=RatingOut, status_code=201,
             responses={200: {"model": RatingOut, "description": "同一申诉重发：原样返回"}})
def file_appeal(request: Request, rating_id: uuid.UUID, body: AppealIn, user: AppealUser,
                now: NowDep) -> Any:
    """Appeal a bad rating made in error (one appeal per rating)."""

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        rating = ratings.load(session, user, rating_id)
        status = ratings.appeal(session, user, rating, body.id, body.reason, now)
        return status, ratings.view(session, rating, now)

    return _write(request, now, work)


@router.post("/ratings/{rating_id}/appeals/{appeal_id}/decision", response_model=RatingOut)
def decide_appeal(request: Request, rating_id: uuid.UUID, appeal_id: uuid.UUID,
                  body: DecisionIn, user: SupervisorUser, now: NowDep) -> Any:
    """Accept (the rating is voided, its loop cancelled) or refuse an appeal, with a reason."""

    def work(session: Session) -> tuple[int, dict[str, Any]]:
        rating = ratings.load(session, user, rating_id)
        ratings.decide(session, user, rating, appeal_id, body.accept, body.reason, now)
        return 200, ratings.view(session, rating, now)

    return _write(request, now, work)
