"""Bad input gets a clear 4xx naming the problem, and nothing is stored half-way."""

from __future__ import annotations

import hashlib
import uuid

import pytest
from sqlalchemy import func, select

from server_stub.models import Case, CaseStep, IdempotencyRecord, Upload

from .conftest import Api
from .helpers import case_body, create_case, declare, send


def _counts(api: Api) -> tuple[int, int, int]:
    with api.session() as s:
        return (s.scalar(select(func.count()).select_from(Case)) or 0,
                s.scalar(select(func.count()).select_from(CaseStep)) or 0,
                s.scalar(select(func.count()).select_from(Upload)) or 0)


def test_malformed_json(api: Api) -> None:
    r = api.as_("wangjing", "POST", "/api/v1/cases", content=b'{"id": "x", ',
                headers={"Content-Type": "application/json"})
    assert r.status_code == 400
    assert r.json()["detail"]["code"] == "malformed_json"
    assert "JSON" in r.json()["detail"]["message"]
    assert _counts(api) == (0, 0, 0)


def test_wrong_types_name_the_field(api: Api) -> None:
    body = case_body()
    body["applicant"]["name"] = 42
    body["materials"] = "all of them"
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail["code"] == "invalid_request"
    assert "applicant.name" in detail["message"] and "materials" in detail["message"]
    r = api.as_("wangjing", "POST", "/api/v1/cases", json={**case_body(), "id": "not-a-uuid"})
    assert r.status_code == 422 and "id" in r.json()["detail"]["message"]
    r = api.as_("wangjing", "POST", "/api/v1/cases", json={**case_body(), "surprise": 1})
    assert r.status_code == 422 and "surprise" in r.json()["detail"]["message"]
    assert _counts(api) == (0, 0, 0)


def test_oversized_body_is_413(api: Api) -> None:
    big = case_body(project_name="x" * 3_000_000)
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=big)
    assert r.status_code == 413
    assert r.json()["detail"]["code"] == "body_too_large"
    assert _counts(api) == (0, 0, 0)


def test_oversized_body_without_length_header_is_413(api: Api) -> None:
    def chunks():  # streamed: no Content-Length for the server to look at
        for _ in range(40):
            yield b"x" * 100_000

    case = create_case(api)
    up = declare(api, case["id"], b"y" * 10)
    r = api.as_("wangjing", "PUT", f"/api/v1/uploads/{up['id']}/chunks?offset=0",
                content=chunks(), headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 413
    assert api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()[
        "confirmed_offset"] == 0


def test_oversized_files_and_chunks(api: Api) -> None:
    case = create_case(api)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": 50_000_000,
        "sha256": "0" * 64})
    assert r.status_code == 413 and r.json()["detail"]["code"] == "file_too_large"
    api.app.state.settings.max_chunk_bytes = 1000
    up = declare(api, case["id"], b"z" * 5000)
    r = send(api, up["id"], b"z" * 2000, 0)
    assert r.status_code == 413 and r.json()["detail"]["code"] == "chunk_too_large"
    assert _counts(api)[2] == 1


def test_bad_checksum_format_and_offsets(api: Api) -> None:
    case = create_case(api)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": 10,
        "sha256": "XYZ"})
    assert r.status_code == 422 and "sha256" in r.json()["detail"]["message"]
    up = declare(api, case["id"], b"\xff\xd8\xff3456789")  # starts like a JPEG
    r = api.as_("wangjing", "PUT", f"/api/v1/uploads/{up['id']}/chunks?offset=-1",
                content=b"0", headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 422 and "offset" in r.json()["detail"]["message"]
    r = api.as_("wangjing", "PUT", f"/api/v1/uploads/{up['id']}/chunks?offset=0",
                content=b"", headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 422
    r = send(api, up["id"], b"\xff\xd8\xff3456789", 0, **{"X-Chunk-SHA256": "not-hex"})
    assert r.status_code == 422
    r = send(api, up["id"], b"\xff\xd8\xff3456789", 0,
             **{"X-Chunk-SHA256": hashlib.sha256(b"\xff\xd8\xff3456789").hexdigest()})
    assert r.status_code == 200 and r.json()["complete"]


def test_unknown_ids(api: Api) -> None:
    nobody = str(uuid.uuid4())
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{nobody}/actions",
                json={"id": str(uuid.uuid4()), "action": "approve"})
    assert r.status_code == 404 and r.json()["detail"]["code"] == "case_not_found"
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{nobody}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": 1,
        "sha256": "0" * 64})
    assert r.status_code == 404
    r = send(api, nobody, b"abc", 0)
    assert r.status_code == 404 and r.json()["detail"]["code"] == "upload_not_found"
    r = api.as_("wangjing", "GET", "/api/v1/cases/not-a-uuid")
    assert r.status_code == 422 and "case_id" in r.json()["detail"]["message"]
    case = create_case(api)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/actions",
                json={"id": str(uuid.uuid4()), "action": "approve", "step_id": nobody})
    assert r.status_code == 404 and r.json()["detail"]["code"] == "step_not_found"
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/actions",
                json={"id": str(uuid.uuid4()), "action": "fly"})
    assert r.status_code == 422 and "action" in r.json()["detail"]["message"]
    assert api.client.get("/api/v1/nowhere").status_code == 404


def test_failed_write_with_key_is_answered_the_same_again(api: Api) -> None:
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = case_body(item_code="NOPE-9")
    first = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers=key)
    again = api.as_("wangjing", "POST", "/api/v1/cases", json=body, headers=key)
    assert first.status_code == again.status_code == 404
    assert first.json() == again.json()
    assert _counts(api) == (0, 0, 0)


@pytest.mark.parametrize("key", ["", "\u952e-1".encode(), b"x\x7fy"],
                         ids=["empty", "non-ascii", "unprintable"])
def test_bad_idempotency_key(api: Api, key: str | bytes) -> None:
    """Keys FastAPI's header rule lets through (at most 200 characters) reach the server's own
    check, which refuses them with its code and stores nothing."""
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(),
                headers={"Idempotency-Key": key})
    assert r.status_code == 400, r.text
    assert r.json()["detail"]["code"] == "idempotency_key_invalid"
    with api.session() as s:
        assert s.scalar(select(func.count()).select_from(IdempotencyRecord)) == 0
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_overlong_idempotency_key_is_refused(api: Api) -> None:
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(),
                headers={"Idempotency-Key": "x" * 300})
    assert r.status_code == 422
    with api.session() as s:
        assert s.scalar(select(func.count()).select_from(IdempotencyRecord)) == 0


@pytest.mark.parametrize("amount", [600.1, 600, "600.001", "-1.00", "1e3", " 600"])
def test_fee_amount_must_be_a_decimal_string(api: Api, amount: object) -> None:
    """A JSON number has been through a float: money is refused unless it is a string."""
    body = case_body(fees=[{"code": "FS-ZJ-001", "amount": amount}])
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]["code"] == "invalid_request"
    assert "amount" in r.text
    assert _counts(api) == (0, 0, 0)


def test_action_amount_must_be_a_decimal_string(api: Api) -> None:
    from server_stub.schemas.action import ActionIn

    with pytest.raises(ValueError, match="金额"):
        ActionIn.model_validate({"id": str(uuid.uuid4()), "action": "approve", "amount": 600.1})
    r = api.as_("shouyin", "POST", f"/api/v1/cases/{uuid.uuid4()}/actions",
                json={"id": str(uuid.uuid4()), "action": "approve", "amount": 2100.5})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "invalid_request"
    ok = ActionIn.model_validate({"id": str(uuid.uuid4()), "action": "approve",
                                  "amount": "2100.50"})
    assert str(ok.amount) == "2100.50"


def test_docs_list_exactly_the_routes_that_take_an_idempotency_key(api: Api) -> None:
    """docs/server.md names the routes honouring Idempotency-Key; the OpenAPI must agree."""
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text("utf-8")
    block = docs.split("<!-- idempotent-routes -->")[1].split("<!-- /idempotent-routes -->")[0]
    documented = set(re.findall(r"`POST (/api/v1/[^`]+)`", block))
    spec = api.client.get("/openapi.json").json()
    honoured = {path for path, ops in spec["paths"].items() if "post" in ops and any(
        p.get("in") == "header" and p["name"].lower() == "idempotency-key"
        for p in ops["post"].get("parameters", []))}
    assert documented == honoured


@pytest.mark.parametrize(("where", "over"), [
    ("applicant.name", {"applicant": {"name": "张\x00三"}}),
    ("applicant.address", {"applicant": {"name": "张三", "address": "滨江\x07路"}}),
    ("project_name", {"project_name": "项目\x1b"}),
    ("materials.0.name", {"materials": [{"name": "申请表\x00"}]}),
])
def test_control_characters_are_refused_everywhere(any_api: Api, where: str,
                                                   over: dict[str, object]) -> None:
    r = any_api.as_("wangjing", "POST", "/api/v1/cases", json=case_body(**over))
    assert r.status_code == 422, r.text
    assert r.json()["detail"]["code"] == "invalid_request"
    assert "控制字符" in r.text


def test_free_text_keeps_line_breaks(api: Api) -> None:
    create_case(api, materials=[{"name": "申请表", "notes": "第一行\n第二行\t附注"}])
    from server_stub.schemas.action import ActionIn

    ok = ActionIn.model_validate({"id": str(uuid.uuid4()), "action": "approve",
                                  "opinion": "同意。\r\n请按时办结"})
    assert "\n" in ok.opinion
    with pytest.raises(ValueError, match="控制字符"):
        ActionIn.model_validate({"id": str(uuid.uuid4()), "action": "approve",
                                 "opinion": "同意\x00"})
