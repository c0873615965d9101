"""Resumable, checksummed page uploads.

The client declares a file (UUID, section, name, size, SHA-256), then sends chunks at byte
offsets. The server confirms the offset it has durably stored; a chunk at the confirmed offset
extends the file, a repeated chunk that matches what is stored is harmless, a chunk past the
confirmed offset is refused with the offset to resume from. When the last byte arrives the
whole file's SHA-256 is checked, then its content: it must be what the declared type says
(an HTML page named .jpg is refused) and an image may not decode to more than
``Settings.max_image_pixels``. A refused file is discarded (nothing half-stored remains).
Bytes live in a ``FileStore`` under a server-made key; the database row alone says whether
they are complete, so no rename has to happen between the last write and the commit.
An upload that cannot finish can be deleted while the case is at the window.

Result documents (``kind="result"``: the licence PDF printed at the counter) use the same
machinery in the completion steps (``awaiting_collection``, ``finished``): PDF only, checked
by its first bytes (``%PDF-``), and each completed one is recorded in the case's history.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import warnings
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from server_stub.core.config import Settings
from server_stub.core.errors import Conflict, DomainError, NotFound
from server_stub.models import Case, Upload
from server_stub.schemas.upload import SAFE_NAME, UploadCreate, UploadState
from server_stub.services.filestore import FileStore

_SAFE = re.compile(SAFE_NAME)
_SECTION_BAD = re.compile(r"[\\/\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\.\.")
#: What a file's name says it is; the declared content type must agree.
TYPE_OF_EXTENSION = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
                     "pdf": "application/pdf"}
#: Where a case may receive result documents: back at the window, and after collection.
RESULT_STATES = ("awaiting_collection", "finished")
#: The first bytes every file of a type starts with.
MAGIC = {"image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",),
         "application/pdf": (b"%PDF-",)}


def key(upload: Upload) -> str:
    """The upload's key in the file store (server-made only)."""
    return f"{upload.case_id}/{upload.id}"


def state(upload: Upload) -> UploadState:
    return UploadState(id=upload.id, case_id=upload.case_id, section=upload.section,
                       name=upload.name, size=upload.size, sha256=upload.sha256,
                       confirmed_offset=upload.confirmed_offset, complete=upload.complete,
                       kind=upload.kind)


def declare(session: Session, settings: Settings, case: Case, body: UploadCreate,
            now: datetime) -> tuple[int, UploadState]:
    if not _SAFE.match(body.name):
        raise DomainError("file_name_invalid",
                          f"文件名 {body.name!r} 不合规：只能是字母数字开头、不含路径的"
                          " .jpg/.jpeg/.png/.pdf 文件名，例如 0001.jpg")
    extension = body.name.rsplit(".", 1)[-1].lower()
    if TYPE_OF_EXTENSION.get(extension) != body.content_type:
        raise DomainError("content_type_mismatch",
                          f"文件名 {body.name} 与声明的类型 {body.content_type} 不符"
                          "（.jpg/.jpeg 对应 image/jpeg，.png 对应 image/png，.pdf 对应 application/pdf）")
    if _SECTION_BAD.search(body.section) or body.section.strip() != body.section:
        raise DomainError("section_invalid", f"分册名 {body.section!r} 不能含路径符号或控制字符")
    if body.size > settings.max_file_bytes:
        raise DomainError("file_too_large",
                          f"文件 {body.name} 有 {body.size} 字节，超过单个文件上限"
                          f" {settings.max_file_bytes} 字节", status=413)
    if body.kind == "result":
        if body.content_type != "application/pdf":
            raise DomainError("result_not_pdf",
                              f"结果文书 {body.name} 须为 PDF（.pdf，application/pdf）")
        if case.status not in RESULT_STATES:
            raise Conflict("case_not_at_results",
                           f"受理件状态为 {case.status}，尚未回到窗口出件，不能上传结果文书")
    elif case.status not in ("in_progress", "correction"):
        raise Conflict("case_closed_for_uploads", f"受理件状态为 {case.status}，不能再上传材料")
    # The upload's own UUID and its place in the case, in one query.
    found = session.scalars(select(Upload).where(or_(
        Upload.id == body.id,
        and_(Upload.case_id == case.id, Upload.section == body.section,
             Upload.name == body.name)))).all()
    existing = next((u for u in found if u.id == body.id), None)
    if existing is not None:
        same = (existing.case_id, existing.section, existing.name, existing.size,
                existing.sha256, existing.kind) == (case.id, body.section, body.name, body.size,
                                                    body.sha256, body.kind)
        if not same:
            raise Conflict("upload_exists",
                           f"上传 {body.id} 已登记为另一个文件；新文件请用新的 UUID")
        return 200, state(existing)
    clash = next(iter(found), None)
    if clash is not None:
        raise Conflict("upload_name_taken",
                       f"{body.section}/{body.name} 已由上传 {clash.id} 占用；要替换请先删除它")
    upload = Upload(id=body.id, case_id=case.id, section=body.section, name=body.name,
                    content_type=body.content_type, size=body.size, sha256=body.sha256,
                    confirmed_offset=0, complete=False, kind=body.kind, created_at=now)
    session.add(upload)
    session.flush()
    return 201, state(upload)


def load_with_hall(session: Session, upload_id: uuid.UUID) -> tuple[Upload, uuid.UUID]:
    """The upload, locked, and its case's hall (what a hall's access check needs), in one
    query: a page's chunk is the most frequent request."""
    found = session.execute(
        select(Upload, Case.hall_id).join(Case, Case.id == Upload.case_id)
        .where(Upload.id == upload_id).with_for_update(of=Upload)).first()
    if found is None:
        raise NotFound("upload_not_found", f"上传 {upload_id} 不存在")
    return found[0], found[1]


def load(session: Session, upload_id: uuid.UUID, lock: bool = False) -> Upload:
    query = select(Upload).where(Upload.id == upload_id)
    if lock:
        query = query.with_for_update()
    upload = session.scalar(query)
    if upload is None:
        raise NotFound("upload_not_found", f"上传 {upload_id} 不存在")
    return upload


def write_chunk(session: Session, settings: Settings, store: FileStore, upload: Upload,
                offset: int, data: bytes, chunk_sha256: str | None,
                now: datetime) -> UploadState:
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
    name = key(upload)
    if upload.complete:
        if store.read(name, offset, len(data)) == data:
            return state(upload)
        raise Conflict("upload_complete", "文件已完整上传并校验通过，内容不能再改")
    if offset > upload.confirmed_offset:
        raise Conflict("wrong_offset",
                       f"分块起点 {offset} 超过已确认的 {upload.confirmed_offset} 字节，"
                       f"请从第 {upload.confirmed_offset} 字节续传",
                       confirmed_offset=upload.confirmed_offset)
    if offset < upload.confirmed_offset:
        overlap = data[: upload.confirmed_offset - offset]
        if store.read(name, offset, len(overlap)) != overlap:
            raise Conflict("chunk_conflict",
                           f"第 {offset} 字节起的分块与已保存的内容不同；"
                           f"请从第 {upload.confirmed_offset} 字节续传",
                           confirmed_offset=upload.confirmed_offset)
        data = data[upload.confirmed_offset - offset:]
        offset = upload.confirmed_offset
        if not data:
            return state(upload)
    store.write(name, offset, data)
    upload.confirmed_offset = end
    if end == upload.size:
        if store.sha256(name) != upload.sha256:
            _discard(session, store, upload)
            raise DomainError("checksum_mismatch",
                              f"文件 {upload.section}/{upload.name} 的 SHA-256 与登记的不符，"
                              "已丢弃收到的内容，请从第 0 字节重新上传",
                              confirmed_offset=0)
        problem = content_problem(settings, store, upload)
        if problem is not None:
            _discard(session, store, upload)
            raise DomainError("content_refused",
                              f"文件 {upload.section}/{upload.name} 未被接受：{problem}。"
                              "已丢弃收到的内容；请删除此上传并换用正确的文件",
                              confirmed_offset=0)
        upload.complete = True
        upload.completed_at = now
    return state(upload)


def _discard(session: Session, store: FileStore, upload: Upload) -> None:
    store.delete(key(upload))
    upload.confirmed_offset = 0
    session.commit()


def content_problem(settings: Settings, store: FileStore, upload: Upload) -> str | None:
    """Why a complete file is not what it was declared to be, or None."""
    head = store.read(key(upload), 0, 16)
    if not head.startswith(MAGIC[upload.content_type]):
        return f"内容不是声明的 {upload.content_type}"
    if not upload.content_type.startswith("image/"):
        return None
    from PIL import Image

    data = store.read(key(upload), 0, upload.size)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return "图像像素数过大（疑为解压炸弹）"
        except Exception:
            return None  # the header did not parse: a browser shows a broken image, no more
    if width * height > settings.max_image_pixels:
        return (f"图像 {width}×{height} 像素，超过上限 {settings.max_image_pixels} 像素"
                "（疑为解压炸弹）")
    return None


def delete(session: Session, store: FileStore, case: Case, upload: Upload) -> None:
    """Remove an upload that cannot finish (a wrong declared checksum) or is not wanted, while
    the case is at the window (or in correction); the caller holds the case row locked and
    commits, then calls ``store.delete``. Pages reviewers may already have seen stay."""
    if case.status not in ("in_progress", "correction"):
        raise Conflict("case_closed_for_uploads", f"受理件状态为 {case.status}，不能再删除材料")
    if upload.complete and case.status != "correction" and case.current_stage > 1:
        raise Conflict("upload_in_review",
                       f"{upload.section}/{upload.name} 已上传完整并已送审，不能删除；"
                       "需要更换时请由审核环节要求补正")
    session.delete(upload)


def check_complete(upload: Upload) -> None:
    if not upload.complete:
        raise Conflict("upload_incomplete", f"文件 {upload.name} 尚未上传完整")
