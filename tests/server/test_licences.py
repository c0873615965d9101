"""Hall signing keys, licence and receipt records, and /verify (API and page)."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .conftest import Api

ISSUED = datetime(2026, 2, 3, 2, tzinfo=UTC)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class HallKey:
    """What a counter holds: an Ed25519 key; writes codes in the shared format."""

    def __init__(self) -> None:
        self.private = Ed25519PrivateKey.generate()
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public = b64(raw)
        import hashlib

        self.key_id = hashlib.sha256(raw).hexdigest()[:16]

    def code(self, tag: str, *fields: str) -> str:
        message = "|".join((tag, self.key_id, *fields))
        return f"{message}|{b64(self.private.sign(message.encode()))}"

    def licence(self, number: str, holder: str = "杭州某建设有限公司", hall: str = "demo") -> str:
        return self.code("HL1", hall, number, "ZJ-XK-001", "ZJ2026-0001", holder, "20260203")

    def receipt(self, number: str, hall: str = "demo") -> str:
        return self.code("HR1", hall, "33010126", number, "2100.50", "20260203020000", "杭*公司")


def register(api: Api, key: HallKey, user: str = "wangjing") -> Any:
    return api.as_(user, "POST", "/api/v1/signing-keys", json={"public_key": key.public,
                                                                "label": "C01"})


def licence_body(key: HallKey, number: str, **over: Any) -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "case_number": "ZJ2026-0001", "licence_number": number,
            "item_code": "ZJ-XK-001", "title": "建筑工程施工许可证",
            "holder": "杭州某建设有限公司", "fields": {"工程名称": "滨江花园三期 1# 楼"},
            "code": key.licence(number), "issued_at": ISSUED.isoformat()}
    body.update(over)
    return body


def verify(api: Api, code: str) -> dict[str, Any]:
    r = api.client.get("/api/v1/verify", params={"code": code})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_licence_verifies_then_reports_revoked(any_api: Api) -> None:
    key = HallKey()
    assert register(any_api, key).status_code == 201
    assert register(any_api, key).status_code == 200  # a repeat is harmless
    number = f"330100-ZJ-2026-{uuid.uuid4().hex[:6]}"
    code = key.licence(number)
    assert verify(any_api, code)["verdict"] == "unregistered"  # signed, not uploaded yet
    body = licence_body(key, number)
    r = any_api.as_("wangjing", "POST", "/api/v1/licences", json=body)
    assert r.status_code == 201, r.text
    again = any_api.as_("wangjing", "POST", "/api/v1/licences", json=body)
    assert again.status_code == 200
    answer = verify(any_api, code)
    assert answer["verdict"] == "genuine" and answer["genuine"] is True
    assert answer["fields"]["licence_number"] == number
    assert answer["record"]["fields"]["工程名称"] == "滨江花园三期 1# 楼"
    assert answer["hall_name"]

    changed = code.replace("杭州某建设", "杭州某建筑")
    assert verify(any_api, changed)["verdict"] == "not_genuine"
    revoke = {"reason": "持证人名称打印错误", "approved_by": "刘主任",
              "revoked_at": ISSUED.isoformat(), "replaced_by": number + "R"}
    r = any_api.as_("wangjing", "POST", f"/api/v1/licences/{body['id']}/revoke", json=revoke)
    assert r.status_code == 200, r.text
    answer = verify(any_api, code)
    assert answer["verdict"] == "revoked" and answer["genuine"] is False
    assert "持证人名称打印错误" in answer["record"]["revoked_reason"]
    assert answer["record"]["replaced_by"] == number + "R"


def test_receipt_genuine_then_voided_or_refunded(any_api: Api) -> None:
    key = HallKey()
    register(any_api, key, "shouyin")
    number = f"{uuid.uuid4().int % 10**10:010d}"
    payment = str(uuid.uuid4())
    body = {"id": str(uuid.uuid4()), "payment_id": payment, "stock_code": "33010126",
            "number": number, "total": "2100.50", "payer_masked": "杭*公司",
            "issued_at": ISSUED.isoformat()}
    status_body = {"status": "voided", "reason": "金额录错", "at": ISSUED.isoformat()}
    early = any_api.as_("shouyin", "POST", f"/api/v1/receipts/by-payment/{payment}/status",
                        json=status_body)
    assert early.status_code == 409 and early.json()["detail"]["code"] == "receipt_unknown"
    assert any_api.as_("shouyin", "POST", "/api/v1/receipts", json=body).status_code == 201
    answer = verify(any_api, key.receipt(number))
    assert answer["verdict"] == "genuine"
    assert answer["record"]["total"] == "2100.50" and answer["record"]["payer"] == "杭*公司"
    r = any_api.as_("shouyin", "POST", f"/api/v1/receipts/by-payment/{payment}/status",
                    json=status_body)
    assert r.status_code == 200, r.text
    assert verify(any_api, key.receipt(number))["verdict"] == "voided"
    refund = {**status_body, "status": "refunded"}
    any_api.as_("shouyin", "POST", f"/api/v1/receipts/by-payment/{payment}/status", json=refund)
    assert verify(any_api, key.receipt(number))["verdict"] == "voided"  # void is final


def test_codes_that_are_not_ours(api: Api) -> None:
    key, stranger = HallKey(), HallKey()
    register(api, key)
    assert verify(api, stranger.licence("X-1"))["verdict"] == "not_genuine"  # unknown key
    # whatever hall name the counter writes, the issuer shown is the key's registered hall
    answer = verify(api, key.licence("X-1", hall="HALL-330100"))
    assert answer["verdict"] == "unregistered" and answer["hall"] == "demo"
    for junk in ("hello", "HL1|a|b", "HC1|demo|33010126|0000000001|1.00|20260101000000|abc",
                 key.licence("X-1")[:-3] + "!!!"):
        answer = verify(api, junk)
        assert answer["verdict"] == "not_genuine" and answer["message"]
    assert "旧式" in verify(api, "HC1|demo|1|2|3|4|5")["message"]
    assert api.client.get("/api/v1/verify", params={"code": "x" * 2001}).status_code == 422


def test_uploads_are_checked(api: Api) -> None:
    key, other_hall_key = HallKey(), HallKey()
    number = f"N-{uuid.uuid4().hex[:8]}"
    unregistered = api.as_("wangjing", "POST", "/api/v1/licences", json=licence_body(key, number))
    assert unregistered.json()["detail"]["code"] == "signing_key_unknown"
    register(api, key)
    register(api, other_hall_key, "other_clerk")
    assert register(api, other_hall_key).json()["detail"]["code"] == "public_key_taken"
    mismatch = licence_body(key, number, holder="别人")
    assert api.as_("wangjing", "POST", "/api/v1/licences",
                   json=mismatch).json()["detail"]["code"] == "code_fields_mismatch"
    foreign = licence_body(other_hall_key, number)
    assert api.as_("wangjing", "POST", "/api/v1/licences",
                   json=foreign).json()["detail"]["code"] == "signing_key_unknown"
    assert api.as_("wangjing", "POST", "/api/v1/licences",
                   json=licence_body(key, number)).status_code == 201
    twice = api.as_("wangjing", "POST", "/api/v1/licences", json=licence_body(key, number))
    assert twice.status_code == 409 and twice.json()["detail"]["code"] == "licence_number_taken"
    bad_key = api.as_("wangjing", "POST", "/api/v1/signing-keys", json={"public_key": "A" * 43})
    assert bad_key.status_code in (201, 422)  # 32 zero-ish bytes may or may not be a point
    assert api.as_("wangjing", "POST", "/api/v1/signing-keys",
                   json={"public_key": "!" * 43}).status_code == 422
    assert api.client.post("/api/v1/licences", json=licence_body(key, "N2")).status_code == 401
    assert api.as_("zhengwei", "POST", "/api/v1/signing-keys",
                   json={"public_key": key.public}).status_code == 403


@pytest.mark.parametrize("verdict", ["genuine", "revoked"])
def test_verify_page(api: Api, verdict: str) -> None:
    key = HallKey()
    register(api, key)
    number = f"P-{uuid.uuid4().hex[:8]}"
    body = licence_body(key, number)
    api.as_("wangjing", "POST", "/api/v1/licences", json=body)
    if verdict == "revoked":
        api.as_("wangjing", "POST", f"/api/v1/licences/{body['id']}/revoke",
                json={"reason": "打印错误", "approved_by": "刘主任",
                      "revoked_at": ISSUED.isoformat()})
    assert "二维码内容" in api.client.get("/verify").text
    page = api.client.post("/verify", data={"code": body["code"]}).text
    assert f'data-verdict="{verdict}"' in page
    assert number in page and "杭州某建设有限公司" in page
    by_link = api.client.get("/verify", params={"code": body["code"]}).text
    assert f'data-verdict="{verdict}"' in by_link
    forged = api.client.post("/verify", data={"code": body["code"].replace("P-", "Q-")}).text
    assert 'data-verdict="not_genuine"' in forged and "不是真实的证照" in forged


def test_collection_code_is_texted_once(any_api: Api) -> None:
    from sqlalchemy import select

    from server_stub.models import SmsMessage

    from .helpers import create_case
    from .test_workflow import act

    case = create_case(any_api)
    body = {"id": str(uuid.uuid4()), "code": "482915", "expires_at": ISSUED.isoformat()}
    url = f"/api/v1/cases/{case['id']}/collection-code"
    early = any_api.as_("wangjing", "POST", url, json=body)
    assert early.status_code == 409 and early.json()["detail"]["code"] == "not_at_window"
    for user in ("wangjing", "chenhao", "zhengwei", "hejun"):
        act(any_api, user, case["id"], "approve", opinion="同意")
    first = any_api.as_("wangjing", "POST", url, json=body)
    again = any_api.as_("wangjing", "POST", url, json=body)
    assert (first.status_code, first.json()["queued"]) == (202, True)
    assert (again.status_code, again.json()["queued"]) == (202, False)
    with any_api.session() as s:
        texts = [m.text for m in s.scalars(select(SmsMessage).where(
            SmsMessage.case_id == uuid.UUID(case["id"]), SmsMessage.kind == "collection_code"))]
    assert len(texts) == 1 and "482915" in texts[0] and case["case_number"] in texts[0]
    bad = any_api.as_("wangjing", "POST", url, json={**body, "code": "12ab56"})
    assert bad.status_code == 422
    assert any_api.as_("other_clerk", "POST", url, json=body).status_code == 403
