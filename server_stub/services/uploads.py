"""Resumable, checksummed page uploads.

The client declares a file (UUID, section, name, size, SHA-256), then sends chunks at byte
offsets. The server confirms the offset it has durably stored; a chunk at the confirmed offset
extends the file, a repeated chunk that matches what is stored is harmless, a chunk past the
confirmed offset is refused with the offset to resume from. When the last byte arrives the
whole file's SHA-256 is checked: a mismatch discards the data (nothing half-stored remains).
Files live under DATA_DIR/files/<case>/<upload-id>; client file names never touch the disk.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.config import Settings
from server_stub.core.errors import Conflict, DomainError, NotFound
from server_stub.models import Case, Upload
from server_stub.schemas.upload import SAFE_NAME, UploadCreate, UploadState

_SAFE = re.compile(SAFE_NAME)
_SECTION_BAD = re.compile(r"[\\/\x00-\x1f]|\.\.")


def state(upload: Upload) -> UploadState:
    return UploadState(id=upload.id, case_id=upload.case_id, section=upload.section,
                       name=upload.name, size=upload.size, sha256=upload.sha256,
                       confirmed_offset=upload.confirmed_offset, complete=upload.complete)


def paths(settings: Settings, upload: Upload) -> tuple[Path, Path]:
    folder = settings.files_dir / str(upload.case_id)
    return folder / f"{upload.id}.part", folder / str(upload.id)


def declare(session: Session, settings: Settings, case: Case, body: UploadCreate,
            now: datetime) -> tuple[int, UploadState]:
    if not _SAFE.match(body.name):
        raise DomainError("file_name_invalid",
                          f"文件名 {body.name!r} 不合规：只能是字母数字开头、不含路径的"
                          " .jpg/.jpeg/.png/.pdf 文件名，例如 0001.jpg")
    if _SECTION_BAD.search(body.section) or body.section.strip() != body.section:
        raise DomainError("section_invalid", f"分册名 {body.section!r} 不能含路径符号或控制字符")
    if body.size > settings.max_file_bytes:
        raise DomainError("file_too_large",
                          f"文件 {body.name} 有 {body.size} 字节，超过单个文件上限"
                          f" {settings.max_file_bytes} 字节", status=413)
    if case.status not in ("in_progress", "correction"):
        raise Conflict("case_closed_for_uploads", f"受理件状态为 {case.status}，不能再上传材料")
    existing = session.get(Upload, body.id)
    if existing is not None:
        same = (existing.case_id, existing.section, existing.name, existing.size,
                existing.sha256) == (case.id, body.section, body.name, body.size, body.sha256)
        if not same:
            raise Conflict("upload_exists",
                           f"上传 {body.id} 已登记为另一个文件；新文件请用新的 UUID")
        return 200, state(existing)
    clash = session.scalar(select(Upload).where(Upload.case_id == case.id,
                                                Upload.section == body.section,
                                                Upload.name == body.name))
    if clash is not None:
        raise Conflict("upload_name_taken",
                       f"{body.section}/{body.name} 已由上传 {clash.id} 占用；要替换请先删除它")
    upload = Upload(id=body.id, case_id=case.id, section=body.section, name=body.name,
                    content_type=body.content_type, size=body.size, sha256=body.sha256,
                    confirmed_offset=0, complete=False, created_at=now)
    session.add(upload)
    session.flush()
    return 201, state(upload)


def load(session: Session, upload_id: uuid.UUID, lock: bool = False) -> Upload:
    query = select(Upload).where(Upload.id == upload_id)
    if lock:
        query = query.with_for_update()
    upload = session.scalar(query)
    if upload is None:
        raise NotFound("upload_not_found", f"上传 {upload_id} 不存在")
    return upload


def _stored_equals(path: Path, offset: int, data: bytes) -> bool:
    with path.open("rb") as f:
        f.seek(offset)
        return f.read(len(data)) == data


def write_chunk(session: Session, settings: Settings, upload: Upload, offset: int, data: bytes,
                chunk_sha256: str | None, now: datetime) -> UploadState:
    """Store one chunk; the caller holds the upload row locked and commits afterwards."""
    if chunk_sha256 is not None and hashlib.sha256(data).hexdigest() != chunk_sha256.lower():
        raise DomainError("chunk_checksum_mismatch",
                          "分块的 SHA-256 与 X-Chunk-SHA256 不符，传输中可能出错，"
                          "未保存，请重发此块")
    if not data:
        raise DomainError("chunk_empty", "分块为空")
    if len(data) > settings.max_chunk_bytes:
        raise DomainError("chunk_too_large",
                          f"分块 {len(data)} 字节，超过上限 {settings.max_chunk_bytes} 字节",
                          status=413)
    end = offset + len(data)
    if end > upload.size:
        raise DomainError("chunk_beyond_size",
                          f"分块结束于第 {end} 字节，超出登记的文件大小 {upload.size} 字节")
    part, final = paths(settings, upload)
    if upload.complete:
        if _stored_equals(final, offset, data):
            return state(upload)
        raise Conflict("upload_complete", "文件已完整上传并校验通过，内容不能再改")
    if offset > upload.confirmed_offset:
        raise Conflict("wrong_offset",
                       f"分块起点 {offset} 超过已确认的 {upload.confirmed_offset} 字节，"
                       f"请从第 {upload.confirmed_offset} 字节续传",
                       confirmed_offset=upload.confirmed_offset)
    if offset < upload.confirmed_offset:
        overlap = data[: upload.confirmed_offset - offset]
        if not _stored_equals(part, offset, overlap):
            raise Conflict("chunk_conflict",
                           f"第 {offset} 字节起的分块与已保存的内容不同；"
                           f"请从第 {upload.confirmed_offset} 字节续传",
                           confirmed_offset=upload.confirmed_offset)
        data = data[upload.confirmed_offset - offset:]
        offset = upload.confirmed_offset
        if not data:
            return state(upload)
    part.parent.mkdir(parents=True, exist_ok=True)
    with part.open("r+b" if part.exists() else "w+b") as f:
        # Bytes past the confirmed offset are leftovers of a chunk whose commit failed.
        f.truncate(upload.confirmed_offset)
        f.seek(offset)
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    upload.confirmed_offset = end
    if end == upload.size:
        digest = hashlib.sha256()
        with part.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != upload.sha256:
            part.unlink()
            upload.confirmed_offset = 0
            session.commit()
            raise DomainError("checksum_mismatch",
                              f"文件 {upload.section}/{upload.name} 的 SHA-256 与登记的不符，"
                              "已丢弃收到的内容，请从第 0 字节重新上传",
                              confirmed_offset=0)
        os.replace(part, final)
        upload.complete = True
        upload.completed_at = now
    return state(upload)


def content_path(settings: Settings, upload: Upload) -> Path:
    if not upload.complete:
        raise Conflict("upload_incomplete", f"文件 {upload.name} 尚未上传完整")
    return paths(settings, upload)[1]
