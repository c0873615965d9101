"""Sign-in, refresh and sign-out bodies."""

from __future__ import annotations

from pydantic import BaseModel, Field

from server_stub.schemas.common import ClientText


class TokenRequest(ClientText):
    """Hall staff also name the counter they sit at and give its secret."""

    username: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)
    hall: str | None = Field(default=None, max_length=40)
    counter: str | None = Field(default=None, max_length=40)
    counter_secret: str | None = Field(default=None, max_length=200)


class RefreshRequest(ClientText):
    refresh_token: str = Field(min_length=1, max_length=200)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_expires_in: int
    role: str
    user: str
    name: str


class Me(BaseModel):
    username: str
    name: str
    role: str
    hall: str | None
    counter: str | None
    department: str | None
