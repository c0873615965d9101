"""Halls, counters and staff accounts (registered by an admin)."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

from server_stub.schemas.common import ClientText

Code = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
RoleName = Literal["clerk", "cashier", "supervisor", "reviewer", "deputy", "chief", "admin"]


class HallCreate(ClientText):
    code: str = Code
    name: str = Field(min_length=1, max_length=200)


class HallOut(BaseModel):
    id: uuid.UUID
    code: str
    name: str


class CounterCreate(ClientText):
    code: str = Code
    name: str = Field(min_length=1, max_length=200)
    secret: str = Field(min_length=8, max_length=200)


class CounterOut(BaseModel):
    id: uuid.UUID
    hall: str
    code: str
    name: str


class UserCreate(ClientText):
    username: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,60}$")
    name: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=8, max_length=200)
    role: RoleName
    hall: str | None = Field(default=None, max_length=40)
    department: str | None = Field(default=None, max_length=40)
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9-]{5,20}$")


class UserOut(BaseModel):
    id: uuid.UUID
    username: str
    name: str
    role: str
    hall: str | None
    department: str | None
