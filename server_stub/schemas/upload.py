"""Resumable, checksummed page uploads."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SAFE_NAME = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,60}\.(jpg|jpeg|png|pdf)$"


class UploadCreate(BaseModel):
    """Declare a file before sending it: its size and whole-file SHA-256 are promised up front.

    Not a ``ClientText``: name and section have rules of their own, checked with their own
    codes (``file_name_invalid``, ``section_invalid``) in ``services/uploads``."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    section: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=100,
                      description="文件名，例如 0001.jpg；不得含路径")
    size: int = Field(ge=1, le=2**31 - 1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    content_type: str = Field(default="image/jpeg",
                              pattern=r"^(image/jpeg|image/png|application/pdf)$")
    kind: Literal["page", "result"] = Field(
        default="page", description="page：申请材料（受理时）；result：结果文书 PDF（证照，出件时）")


class UploadState(BaseModel):
    id: uuid.UUID
    case_id: uuid.UUID
    section: str
    name: str
    size: int
    sha256: str
    confirmed_offset: int = Field(description="服务器已确认收到的字节数：下一块从这里开始")
    complete: bool
    kind: str = "page"
