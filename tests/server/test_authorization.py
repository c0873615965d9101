"""Authorization matrix: every API endpoint × every role, plus another hall's staff.

Anonymous calls get 401; a role that may not call an endpoint gets 403; staff of another hall
and reviewers not named on a case get 403 for it; and no refusal carries case content.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from server_stub.services.catalog import seed_path

from .conftest import Api
from .helpers import case_body, create_case, declare, page
from .test_workflow import act

ALL = {"clerk", "cashier", "supervisor", "reviewer", "deputy", "chief", "admin"}
#: The person who plays each role in the matrix; "stranger" cases are checked separately.
PLAYERS = {"clerk": "wangjing", "cashier": "shouyin", "supervisor": "jiancha",
           "reviewer": "chenhao", "deputy": "zhengwei", "chief": "hejun", "admin": "admin"}
#: Roles that may see the demo case (chenhao is named on it; the leaders lead its department).
CASE_VIEWERS = ALL
PUBLIC = None
HALL = {"clerk", "cashier", "supervisor"}


def _public_key() -> str:
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")

Fixture = dict[str, Any]
Request = Callable[[Fixture], tuple[str, dict[str, Any]]]


def _u() -> str:
    return uuid.uuid4().hex[:8]


def _seed() -> dict[str, Any]:
    return json.loads(seed_path().read_text(encoding="utf-8"))  # type: ignore[no-any-return]


#: (method, path) → (roles allowed, how to build a request: url and httpx kwargs).
MATRIX: dict[tuple[str, str], tuple[set[str] | None, Request]] = {
    ("POST", "/api/v1/auth/token"): (PUBLIC, lambda f: (
        "/api/v1/auth/token", {"json": {"username": "x", "password": "y"}})),
    ("POST", "/api/v1/auth/refresh"): (PUBLIC, lambda f: (
        "/api/v1/auth/refresh", {"json": {"refresh_token": "nope"}})),
    ("POST", "/api/v1/auth/logout"): (ALL, lambda f: ("/api/v1/auth/logout", {})),
    ("GET", "/api/v1/auth/me"): (ALL, lambda f: ("/api/v1/auth/me", {})),
    ("POST", "/api/v1/admin/halls"): ({"admin"}, lambda f: (
        "/api/v1/admin/halls", {"json": {"code": f"h{_u()}", "name": "新大厅"}})),
    ("GET", "/api/v1/admin/halls"): ({"admin"}, lambda f: ("/api/v1/admin/halls", {})),
    ("POST", "/api/v1/admin/halls/{hall_code}/counters"): ({"admin"}, lambda f: (
        "/api/v1/admin/halls/demo/counters",
        {"json": {"code": f"c{_u()}", "name": "窗口", "secret": "secret-123"}})),
    ("GET", "/api/v1/admin/halls/{hall_code}/counters"): ({"admin"}, lambda f: (
        "/api/v1/admin/halls/demo/counters", {})),
    ("POST", "/api/v1/admin/users"): ({"admin"}, lambda f: (
        "/api/v1/admin/users", {"json": {"username": f"u{_u()}", "name": "新人",
                                         "password": "password1", "role": "reviewer"}})),
    ("GET", "/api/v1/admin/users"): ({"admin"}, lambda f: ("/api/v1/admin/users", {})),
    ("POST", "/api/v1/admin/users/{username}/unlock"): ({"admin"}, lambda f: (
        "/api/v1/admin/users/chenhao/unlock", {})),
    ("GET", "/api/v1/catalog"): (ALL, lambda f: ("/api/v1/catalog", {})),
    ("POST", "/api/v1/catalog/import"): ({"admin"}, lambda f: (
        "/api/v1/catalog/import", {"json": _seed()})),
    ("GET", "/api/v1/holidays"): (ALL, lambda f: ("/api/v1/holidays?year=2026", {})),
    ("PUT", "/api/v1/holidays/{day}"): ({"admin"}, lambda f: (
        "/api/v1/holidays/2026-08-03", {"json": {"kind": "holiday", "name": "测试"}})),
    ("DELETE", "/api/v1/holidays/{day}"): ({"admin"}, lambda f: (
        "/api/v1/holidays/2026-08-03", {})),
    ("PUT", "/api/v1/holidays/years/{year}"): ({"admin"}, lambda f: (
        "/api/v1/holidays/years/2026", {"json": {"days": [
            {"day": "2026-10-01", "kind": "holiday", "name": "国庆节"}]}})),
    ("POST", "/api/v1/cases"): ({"clerk"}, lambda f: ("/api/v1/cases", {"json": case_body()})),
    ("GET", "/api/v1/cases"): (ALL, lambda f: ("/api/v1/cases", {})),
    ("GET", "/api/v1/cases/{case_id}"): (CASE_VIEWERS, lambda f: (
        f"/api/v1/cases/{f['case']}", {})),
    ("GET", "/api/v1/cases/{case_id}/history"): (CASE_VIEWERS, lambda f: (
        f"/api/v1/cases/{f['case']}/history", {})),
    # A real action: approve at dept_review, where only chenhao holds the step. Sent without
    # the required opinion, so the holder gets 422 after the role check and nothing moves.
    ("POST", "/api/v1/cases/{case_id}/actions"): ({"reviewer"}, lambda f: (
        f"/api/v1/cases/{f['case']}/actions",
        {"json": {"id": str(uuid.uuid4()), "action": "approve"}})),
    ("GET", "/api/v1/tasks"): (ALL, lambda f: ("/api/v1/tasks", {})),
    ("GET", "/api/v1/sync/cases"): (ALL, lambda f: ("/api/v1/sync/cases?after=0", {})),
    ("POST", "/api/v1/cases/{case_id}/uploads"): ({"clerk"}, lambda f: (
        f"/api/v1/cases/{f['case']}/uploads",
        {"json": {"id": str(uuid.uuid4()), "section": "施工", "name": f"{_u()}.jpg",
                  "size": 10, "sha256": hashlib.sha256(b"0123456789").hexdigest()}})),
    ("GET", "/api/v1/cases/{case_id}/uploads"): (CASE_VIEWERS, lambda f: (
        f"/api/v1/cases/{f['case']}/uploads", {})),
    ("GET", "/api/v1/uploads/{upload_id}"): (CASE_VIEWERS, lambda f: (
        f"/api/v1/uploads/{f['upload']}", {})),
    ("PUT", "/api/v1/uploads/{upload_id}/chunks"): ({"clerk"}, lambda f: (
        f"/api/v1/uploads/{f['upload']}/chunks?offset=999",
        {"content": b"abc", "headers": {"Content-Type": "application/octet-stream"}})),
    ("GET", "/api/v1/uploads/{upload_id}/content"): (CASE_VIEWERS - {"cashier"}, lambda f: (
        f"/api/v1/uploads/{f['done']}/content", {})),
    ("GET", "/api/v1/supervision/rates"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/rates?start=2026-01-01&end=2026-12-31", {})),
    ("GET", "/api/v1/supervision/warnings"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/warnings", {})),
    ("POST", "/api/v1/supervision/cases/{case_id}/urge"): ({"supervisor", "admin"}, lambda f: (
        f"/api/v1/supervision/cases/{f['case']}/urge", {"json": {"id": str(uuid.uuid4())}})),
    ("GET", "/api/v1/supervision/feed"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/feed", {})),
    ("GET", "/api/v1/supervision/board"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/board", {})),
    ("GET", "/api/v1/supervision/performance"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/performance?start=2026-01-01&end=2026-03-31&by=counter", {})),
    ("GET", "/api/v1/supervision/series"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/series?start=2026-01-01&end=2026-03-31", {})),
    ("GET", "/api/v1/supervision/abnormal"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/abnormal?start=2026-01-01&end=2026-03-31", {})),
    ("GET", "/api/v1/supervision/satisfaction"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/supervision/satisfaction?start=2026-01-01&end=2026-03-31", {})),
    ("POST", "/api/v1/ratings"): ({"clerk", "cashier"}, lambda f: (
        "/api/v1/ratings", {"json": {"id": str(uuid.uuid4()), "case_id": f["case"],
                                     "level": "满意", "clerk": "wangjing", "counter": "C01",
                                     "rated_at": "2026-03-02T10:00:00+08:00"}})),
    ("GET", "/api/v1/ratings"): ({"supervisor", "admin"}, lambda f: (
        "/api/v1/ratings?start=2026-01-01&end=2026-03-31", {})),
    # Unknown rating ids: the roles allowed get 404 after the role check, the others 403.
    ("GET", "/api/v1/ratings/{rating_id}"): ({"supervisor", "admin"}, lambda f: (
        f"/api/v1/ratings/{uuid.uuid4()}", {})),
    ("POST", "/api/v1/ratings/{rating_id}/loop/{kind}"): ({"supervisor", "admin"}, lambda f: (
        f"/api/v1/ratings/{uuid.uuid4()}/loop/verify", {"json": {"note": "核实"}})),
    ("POST", "/api/v1/ratings/{rating_id}/appeals"): ({"clerk", "supervisor"}, lambda f: (
        f"/api/v1/ratings/{uuid.uuid4()}/appeals",
        {"json": {"id": str(uuid.uuid4()), "reason": "误评申诉"}})),
    ("POST", "/api/v1/ratings/{rating_id}/appeals/{appeal_id}/decision"): (
        {"supervisor", "admin"}, lambda f: (
            f"/api/v1/ratings/{uuid.uuid4()}/appeals/{uuid.uuid4()}/decision",
            {"json": {"accept": False, "reason": "不予采纳"}})),
    ("GET", "/api/v1/sms/outbox"): ({"admin"}, lambda f: ("/api/v1/sms/outbox", {})),
    ("POST", "/api/v1/sms/deliver"): ({"admin"}, lambda f: ("/api/v1/sms/deliver", {})),
    ("POST", "/api/v1/presubmissions"): (PUBLIC, lambda f: (
        "/api/v1/presubmissions", {"json": {"id": str(uuid.uuid4()), "hall": "demo",
                                            "item_code": "ZJ-XK-001",
                                            "applicant": {"name": "网上申请人"}}})),
    ("GET", "/api/v1/presubmissions"): ({"clerk", "cashier", "supervisor"}, lambda f: (
        "/api/v1/presubmissions", {})),
    # An unknown id: the clerk passes the role check and gets 404; the others get 403.
    ("POST", "/api/v1/presubmissions/{presubmission_id}/decision"): ({"clerk"}, lambda f: (
        f"/api/v1/presubmissions/{uuid.uuid4()}/decision",
        {"json": {"decision": "refused", "reason": "不属于本中心受理范围"}})),
    # Results at the window (issue 14): hall staff only; /verify is public.
    ("POST", "/api/v1/signing-keys"): (HALL, lambda f: (
        "/api/v1/signing-keys", {"json": {"public_key": _public_key()}})),
    ("POST", "/api/v1/licences"): (HALL, lambda f: (
        "/api/v1/licences", {"json": {
            "id": str(uuid.uuid4()), "licence_number": f"L-{_u()}", "item_code": "ZJ-XK-001",
            "title": "建筑工程施工许可证", "holder": "某公司", "code": "HL1|nokey|x|y|z|w|v|u|sig",
            "issued_at": "2026-03-02T02:00:00+00:00"}})),
    ("POST", "/api/v1/licences/{licence_id}/revoke"): (HALL, lambda f: (
        f"/api/v1/licences/{uuid.uuid4()}/revoke", {"json": {
            "reason": "打印错误", "approved_by": "周燕",
            "revoked_at": "2026-03-02T02:00:00+00:00"}})),
    ("POST", "/api/v1/receipts"): (HALL, lambda f: (
        "/api/v1/receipts", {"json": {
            "id": str(uuid.uuid4()), "payment_id": str(uuid.uuid4()), "stock_code": "33010126",
            "number": f"{uuid.uuid4().int % 10**10:010d}", "total": "10.00",
            "payer_masked": "张*", "issued_at": "2026-03-02T02:00:00+00:00"}})),
    ("POST", "/api/v1/receipts/by-payment/{payment_id}/status"): (HALL, lambda f: (
        f"/api/v1/receipts/by-payment/{uuid.uuid4()}/status", {"json": {
            "status": "voided", "at": "2026-03-02T02:00:00+00:00"}})),
    # The case is under department review: hall staff get 409 not_at_window, not 403.
    ("POST", "/api/v1/cases/{case_id}/collection-code"): (HALL, lambda f: (
        f"/api/v1/cases/{f['case']}/collection-code", {"json": {
            "id": str(uuid.uuid4()), "code": "123456",
            "expires_at": "2026-04-02T02:00:00+00:00"}})),
    ("GET", "/api/v1/verify"): (PUBLIC, lambda f: ("/api/v1/verify?code=HL1|x", {})),
    # Last: the clerk's call deletes the pending upload (later calls about it would be 404).
    ("DELETE", "/api/v1/uploads/{upload_id}"): ({"clerk"}, lambda f: (
        f"/api/v1/uploads/{f['upload']}", {})),
}

#: Endpoints about one case, where a stranger must be refused.
CASE_SCOPED = [k for k in MATRIX if "{case_id}" in k[1] or "{upload_id}" in k[1]]


@pytest.fixture
def world(api: Api) -> tuple[Api, Fixture]:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    from .helpers import upload

    done = upload(api, case["id"], page(1, 5000), "0001.jpg")
    pending = declare(api, case["id"], page(2, 5000), "0002.jpg")
    # Pass the window step so chenhao is named on a started step (department review).
    from .helpers import send

    assert send(api, pending["id"], page(2, 5000), 0).json()["complete"]
    act(api, "wangjing", case["id"], "approve")
    pending = declare(api, case["id"], page(3, 5000), "0003.jpg")
    return api, {"case": case["id"], "upload": pending["id"], "done": done["id"],
                 "secrets": [case["case_number"], case["project_name"], "13900001111"]}


def test_matrix_covers_every_endpoint(api: Api) -> None:
    paths = api.client.get("/openapi.json").json()["paths"]
    routes = {(m.upper(), p) for p, ops in paths.items() if p.startswith("/api/") for m in ops}
    assert routes == set(MATRIX)


def _no_leak(body: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in body


def test_every_endpoint_every_role(world: tuple[Api, Fixture]) -> None:
    api, f = world
    failures = []
    for (method, path), (allowed, build) in MATRIX.items():
        url, kwargs = build(f)
        anon = api.client.request(method, url, **kwargs)
        if allowed is PUBLIC:
            assert anon.status_code not in (403, 500), (method, path, anon.text)
            continue
        if anon.status_code != 401:
            failures.append(f"anonymous {method} {path}: {anon.status_code}")
        for role, user in PLAYERS.items():
            url, kwargs = build(f)
            headers = {**api.login(user), **kwargs.pop("headers", {})}
            r = api.client.request(method, url, headers=headers, **kwargs)
            if path.endswith("/logout"):
                api.tokens.pop(user)
            if role in allowed and r.status_code in (401, 403):
                failures.append(f"{role} {method} {path}: refused {r.status_code} {r.text}")
            if role not in allowed:
                if r.status_code != 403:
                    failures.append(f"{role} {method} {path}: {r.status_code}, wanted 403")
                _no_leak(r.text, f["secrets"])
            assert r.status_code < 500, (role, method, path, r.text)
    assert failures == []


def test_another_halls_staff_and_unnamed_reviewers_see_nothing(
        world: tuple[Api, Fixture]) -> None:
    api, f = world
    failures = []
    for user in ("other_clerk", "other_sup", "zrj_sh1"):
        for method, path in CASE_SCOPED:
            _, build = MATRIX[(method, path)]
            url, kwargs = build(f)
            headers = {**api.login(user), **kwargs.pop("headers", {})}
            r = api.client.request(method, url, headers=headers, **kwargs)
            if r.status_code != 403:
                failures.append(f"{user} {method} {path}: {r.status_code} {r.text[:200]}")
            _no_leak(r.text, f["secrets"])
        for url in ("/api/v1/cases", "/api/v1/tasks", "/api/v1/supervision/warnings",
                    "/api/v1/supervision/feed", "/api/v1/sync/cases"):
            r = api.as_(user, "GET", url)
            _no_leak(r.text, f["secrets"])
            assert f["case"] not in r.text
    assert failures == []


def test_unknown_ids_are_404(api: Api) -> None:
    nobody = str(uuid.uuid4())
    for url in (f"/api/v1/cases/{nobody}", f"/api/v1/cases/{nobody}/history",
                f"/api/v1/uploads/{nobody}", f"/api/v1/uploads/{nobody}/content"):
        r = api.as_("wangjing", "GET", url)
        assert r.status_code == 404, url
        assert r.json()["detail"]["code"] in ("case_not_found", "upload_not_found")
    assert api.as_("admin", "GET", "/api/v1/admin/halls/nope/counters").status_code == 404


#: Review pages: (method, url builder); hall roles get no page, whatever token they hold.
REVIEW_PAGES: list[tuple[str, Callable[[Fixture], str]]] = [
    ("GET", lambda f: "/review/"),
    ("GET", lambda f: f"/review/cases/{f['case']}"),
    ("GET", lambda f: f"/review/files/{f['done']}"),
    ("POST", lambda f: f"/review/cases/{f['case']}/act"),
]
HALL_PLAYERS = {"clerk", "cashier", "supervisor"}


def test_review_pages_every_role_with_its_api_token(world: tuple[Api, Fixture]) -> None:
    """The page cookie holding an API token: server roles get pages, hall roles nothing."""
    api, f = world
    failures = []
    for role, user in PLAYERS.items():
        token = api.login(user)["Authorization"].removeprefix("Bearer ")
        for method, build in REVIEW_PAGES:
            api.client.cookies.clear()
            api.client.cookies.set("hall_review", token, path="/review")
            data = {"form_id": str(uuid.uuid4()), "action": "approve"} if method == "POST" else None
            r = api.client.request(method, build(f), data=data, follow_redirects=False)
            assert r.status_code < 500, (role, method, r.text)
            if role in HALL_PLAYERS:
                if r.status_code not in (303, 401):
                    failures.append(f"{role} {method} {build(f)}: {r.status_code}")
                _no_leak(r.text, f["secrets"])
            elif method == "GET" and role == "reviewer" and r.status_code != 200:
                failures.append(f"{role} {method} {build(f)}: refused {r.status_code}")
    api.client.cookies.clear()
    assert failures == []
