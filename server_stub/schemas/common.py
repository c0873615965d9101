"""The error body every 4xx answer carries, and the responses each route documents."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

MONEY_PATTERN = r"^[0-9]{1,10}(\.[0-9]{1,2})?$"


def _money_string(value: Any) -> Any:
    """Money travels as a decimal string: a JSON number has passed through a float."""
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise ValueError('金额必须写成十进制字符串，如 "600.00"，不接受 JSON 数字')
    if not re.fullmatch(MONEY_PATTERN, value):
        raise ValueError('金额必须是至多两位小数的非负十进制数，如 "600.00"')
    return value


MULTILINE_FIELDS = frozenset({"notes", "basis", "opinion", "reason"})


#: Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
#: U+200E/U+200F: invisible, they make a name or number display as something else
#: ("U+202E gpj.exe" shows as "exe.jpg").
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2066\u2067\u2068\u2069")


def refuse_control_chars(value: Any, field_name: str | None) -> Any:
    """Text fields may not carry control characters (NUL breaks printing and PostgreSQL) or
    direction overrides; free-text fields keep line breaks and tabs."""
    if not isinstance(value, str):
        return value
    allowed = "\n\r\t" if field_name in MULTILINE_FIELDS else ""
    if any(((ord(c) < 32 or 127 <= ord(c) < 160) and c not in allowed) or c in BIDI_CONTROLS
           for c in value):
        raise ValueError(f"{field_name or '文本'} 不能含控制字符或方向控制符")
    return value


class ClientText(BaseModel):
    """Base of bodies a client sends: unknown fields and control characters are refused."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*")
    @classmethod
    def _no_control_chars(cls, value: Any, info: ValidationInfo) -> Any:
        return refuse_control_chars(value, info.field_name)


Money = Annotated[Decimal, BeforeValidator(_money_string),
                  WithJsonSchema({"type": "string", "pattern": MONEY_PATTERN})]
"""Yuan as a decimal string ("600.10"); numbers and other shapes are refused with 422."""


class ProblemDetail(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: str
    message: str


class Problem(BaseModel):
    """``{"detail": {"code": "...", "message": "..."}}``: English code, Chinese message."""

    detail: ProblemDetail


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the error statuses a route can answer with."""
    text = {
        400: "请求无法解析",
        401: "未登录或令牌无效",
        403: "无权执行此操作",
        404: "对象不存在",
        409: "与当前状态冲突（或同一 Idempotency-Key 的请求正在处理）",
        413: "请求体过大",
        415: "内容类型不支持",
        422: "请求不符合规则",
        423: "账户已锁定",
    }
    return {c: {"model": Problem, "description": text[c]} for c in codes}


#: What every authenticated JSON route may answer besides success.
AUTH_ERRORS = problems(400, 401, 403, 404, 409, 413, 422)
