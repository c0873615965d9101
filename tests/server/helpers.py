"""Request builders shared by the server tests."""

from __future__ import annotations

import hashlib
import os
import uuid
from typing import Any

from .conftest import Api


def case_body(item: str = "ZJ-XK-001", **over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "item_code": item,
        "item_version": 1,
        "project_name": "滨江花园三期 1# 楼",
        "applicant": {"name": "杭州某建设有限公司", "kind": "organisation",
                      "id_type": "统一社会信用代码", "id_number": "91330100MA2XXXXX0X",
                      "phone": "13900001111", "contact": "张三"},
        "materials": [{"name": "建筑工程施工许可证申请表", "received": True, "form": "original",
                       "copies": 1}],
        "fees": [{"code": "FS-ZJ-001", "amount": "600.00"},
                 {"code": "FS-ZJ-004", "amount": "1500.50"}] if item == "ZJ-XK-001" else [],
    }
    body.update(over)
    return body


def create_case(api: Api, user: str = "wangjing", **over: Any) -> dict[str, Any]:
    r = api.as_(user, "POST", "/api/v1/cases", json=case_body(**over),
                headers={"Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def page(n: int = 0, size: int = 30_000) -> bytes:
    """Pseudo-JPEG bytes: a JPEG header and deterministic noise."""
    rnd = hashlib.sha256(str(n).encode()).digest() * (size // 32 + 1)
    return b"\xff\xd8\xff\xe0" + rnd[: size - 4]


def declare(api: Api, case_id: str, data: bytes, name: str = "0001.jpg",
            section: str = "施工", user: str = "wangjing") -> dict[str, Any]:
    r = api.as_(user, "POST", f"/api/v1/cases/{case_id}/uploads", json={
        "id": str(uuid.uuid4()), "section": section, "name": name, "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest()})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def send(api: Api, upload_id: str, data: bytes, offset: int, user: str = "wangjing",
         **headers: str) -> Any:
    return api.as_(user, "PUT", f"/api/v1/uploads/{upload_id}/chunks?offset={offset}",
                   content=data, headers={"Content-Type": "application/octet-stream", **headers})


def upload(api: Api, case_id: str, data: bytes, name: str = "0001.jpg", chunk: int = 16_384,
           user: str = "wangjing") -> dict[str, Any]:
    up = declare(api, case_id, data, name, user=user)
    offset = 0
    while offset < len(data):
        r = send(api, up["id"], data[offset: offset + chunk], offset, user=user)
        assert r.status_code == 200, r.text
        offset = r.json()["confirmed_offset"]
    assert r.json()["complete"]
    return r.json()  # type: ignore[no-any-return]


def random_bytes(n: int) -> bytes:
    return os.urandom(n)
