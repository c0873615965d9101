"""Registration of halls, counters and staff (admin only)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from server_stub.core.errors import NotFound
from server_stub.core.security import hash_password
from server_stub.deps import AdminUser, NowDep, ReadSessionDep, SessionDep
from server_stub.models import Counter, Hall, User
from server_stub.schemas.common import AUTH_ERRORS
from server_stub.schemas.hall import (
    CounterCreate,
    CounterOut,
    HallCreate,
    HallOut,
    UserCreate,
    UserOut,
)
from server_stub.services import auth, throttle

router = APIRouter(prefix="/admin", tags=["admin"], responses=AUTH_ERRORS)


@router.post("/halls", response_model=HallOut, status_code=201)
def create_hall(body: HallCreate, admin: AdminUser, session: SessionDep, now: NowDep) -> HallOut:
    hall = auth.register_hall(session, body.code, body.name, now)
    session.commit()
    return HallOut(id=hall.id, code=hall.code, name=hall.name)


@router.get("/halls", response_model=list[HallOut])
def list_halls(admin: AdminUser, session: ReadSessionDep) -> list[HallOut]:
    return [HallOut(id=h.id, code=h.code, name=h.name)
            for h in session.scalars(select(Hall).order_by(Hall.code))]


@router.post("/halls/{hall_code}/counters", response_model=CounterOut, status_code=201)
def create_counter(
    hall_code: str, body: CounterCreate, admin: AdminUser, session: SessionDep, now: NowDep
) -> CounterOut:
    secret_hash = hash_password(body.secret)  # before the write transaction: argon2 is slow
    hall = auth.hall_by_code(session, hall_code)
    counter = auth.register_counter(session, hall, body.code, body.name, body.secret, now,
                                    secret_hash=secret_hash)
    session.commit()
    return CounterOut(id=counter.id, hall=hall.code, code=counter.code, name=counter.name)


@router.get("/halls/{hall_code}/counters", response_model=list[CounterOut])
def list_counters(hall_code: str, admin: AdminUser, session: ReadSessionDep) -> list[CounterOut]:
    hall = auth.hall_by_code(session, hall_code)
    return [CounterOut(id=c.id, hall=hall.code, code=c.code, name=c.name)
            for c in session.scalars(select(Counter).where(Counter.hall_id == hall.id))]


@router.post("/users", response_model=UserOut, status_code=201)
def create_user(body: UserCreate, admin: AdminUser, session: SessionDep, now: NowDep) -> UserOut:
    password_hash = hash_password(body.password)  # before the write transaction: argon2 is slow
    hall = auth.hall_by_code(session, body.hall) if body.hall else None
    user = auth.create_user(session, username=body.username, name=body.name,
                            password=body.password, role=body.role, now=now, hall=hall,
                            department=body.department, phone=body.phone,
                            password_hash=password_hash)
    session.commit()
    return UserOut(id=user.id, username=user.username, name=user.name, role=user.role,
                   hall=hall.code if hall else None, department=user.department)


@router.get("/users", response_model=list[UserOut])
def list_users(admin: AdminUser, session: ReadSessionDep) -> list[UserOut]:
    halls = {h.id: h.code for h in session.scalars(select(Hall))}
    return [UserOut(id=u.id, username=u.username, name=u.name, role=u.role,
                    hall=halls.get(u.hall_id) if u.hall_id else None, department=u.department)
            for u in session.scalars(select(User).order_by(User.username))]


@router.post("/users/{username}/unlock", status_code=204)
def unlock_user(username: str, admin: AdminUser, session: SessionDep) -> None:
    """Lift a lock-out before it runs out."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound("user_not_found", f"用户 {username} 不存在")
    throttle.unlock(session, auth.sign_in_key(username))
    session.commit()
