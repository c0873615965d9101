"""The findings of the attack-and-load review of the server (issue 11), one test or more each.

Races with 30 parallel requests are in ``test_concurrency.py``; these tests check each
finding's cause on SQLite and, where the finding concerned PostgreSQL, there too.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import stat
import struct
import uuid
import zlib
from datetime import timedelta
from typing import Any

import pytest

from server_stub.services import auth

from .conftest import COUNTER_SECRET, OTHER_HALL, Api
from .helpers import case_body, create_case, declare, page, send, upload
from .test_workflow import act

TOKEN = "/api/v1/auth/token"


# 2: the password hash is checked with no write transaction open -------------------------


def test_password_is_checked_outside_any_write_transaction(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    """While argon2 runs (~0.2 s in production), another writer can take the database."""
    path = api.app.state.settings.data_dir / "server.sqlite3"
    writer_could_write: list[bool] = []
    real = auth.verify_password

    def verify_while_probing(password_hash: str, password: str) -> bool:
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            writer_could_write.append(True)
        except sqlite3.OperationalError:
            writer_could_write.append(False)
        finally:
            probe.close()
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", verify_while_probing)
    for username in ("chenhao", "nobody-at-all"):
        r = api.client.post(TOKEN, json={"username": username, "password": "wrong"})
        assert r.status_code == 401
    r = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"})
    assert r.status_code == 200
    assert writer_could_write and all(writer_could_write)


# 3: NUL bytes (and other control characters) answer 422 on both databases ----------------


def test_nul_bytes_are_refused_everywhere(any_api: Api) -> None:
    api = any_api
    case = create_case(api)
    answers = {
        "token": api.client.post(TOKEN, json={"username": "a\u0000", "password": "x"}),
        "refresh": api.client.post("/api/v1/auth/refresh", json={"refresh_token": "a\u0000"}),
        "review login": api.client.post("/review/login",
                                        data={"username": "a\u0000", "password": "x"}),
        "status": api.client.post("/status", data={"number": "A\u0000", "code": "1"}),
        "urge": api.as_("jiancha", "POST", f"/api/v1/supervision/cases/{case['id']}/urge",
                        json={"id": str(uuid.uuid4()), "message": "快\u0000"}),
        "hall": api.as_("admin", "POST", "/api/v1/admin/halls",
                        json={"code": "nul1", "name": "厅\u0000"}),
        "user": api.as_("admin", "POST", "/api/v1/admin/users", json={
            "username": "nul1", "name": "张\u0000", "password": "password-1", "role": "chief"}),
        "unlock": api.as_("admin", "POST", "/api/v1/admin/users/a%00b/unlock"),
        "counters": api.as_("admin", "GET", "/api/v1/admin/halls/a%00/counters"),
        "status filter": api.as_("wangjing", "GET", "/api/v1/cases?status=%00"),
        "holiday": api.as_("admin", "PUT", "/api/v1/holidays/2026-03-03",
                           json={"kind": "holiday", "name": "假\u0000"}),
        "catalog": api.as_("admin", "POST", "/api/v1/catalog/import", json={
            "format": "hall-catalog/1", "departments": [{"code": "D\u0000", "name": "x"}],
            "people": [], "items": []}),
    }
    codes = {what: r.status_code for what, r in answers.items()}
    assert all(code in (400, 422) for code in codes.values()), codes


# 5: cursors past 2**31-1 ------------------------------------------------------------------


def test_cursors_past_32_bits(any_api: Api) -> None:
    api = any_api
    big = 2**31
    r = api.as_("wangjing", "GET", f"/api/v1/sync/cases?after={big}")
    assert r.status_code == 200 and r.json()["cases"] == [] and r.json()["cursor"] == big
    r = api.as_("jiancha", "GET", f"/api/v1/supervision/feed?after={big}")
    assert r.status_code == 200 and r.headers["X-Next-Cursor"] == str(big)
    r = api.as_("wangjing", "GET", f"/api/v1/catalog?since={big}")
    assert r.status_code == 200 and r.json()["items"] == []
    r = api.as_("wangjing", "GET", f"/api/v1/sync/cases?after={2**62 + 1}")
    assert r.status_code == 422


# 6: a refresh token killed by the lost-answer retry never works again ---------------------


def _refresh(api: Api, token: str) -> Any:
    api.clock.now += timedelta(seconds=2)  # time passes between the calls, as it does
    return api.client.post("/api/v1/auth/refresh", json={"refresh_token": token})


def test_refresh_token_killed_by_a_retry_is_reuse(any_api: Api) -> None:
    api = any_api
    first = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    lost = _refresh(api, first["refresh_token"]).json()  # the client never saw this answer
    retry = _refresh(api, first["refresh_token"])  # so it retries within the 60 s
    assert retry.status_code == 200
    # The pair whose answer was lost is dead: whoever holds it is not the client.
    r = _refresh(api, lost["refresh_token"])
    assert r.status_code == 401 and r.json()["detail"]["code"] == "refresh_reused"
    # ... and presenting it revoked the whole sign-in, the retry's pair too.
    assert _refresh(api, retry.json()["refresh_token"]).status_code == 401


def test_thief_and_client_cannot_alternate(any_api: Api) -> None:
    """The report: after the retry the old token kept refreshing, alternating for ever."""
    api = any_api
    first = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    a = _refresh(api, first["refresh_token"]).json()
    b = _refresh(api, first["refresh_token"]).json()  # retry: a is killed
    answers = [_refresh(api, a["refresh_token"]).status_code,
               _refresh(api, b["refresh_token"]).status_code]
    assert answers == [401, 401]


def test_retry_leeway_runs_from_the_first_swap(any_api: Api) -> None:
    api = any_api
    first = api.client.post(TOKEN, json={"username": "chenhao", "password": "demo1234"}).json()
    _refresh(api, first["refresh_token"])
    api.clock.now += timedelta(seconds=38)
    assert _refresh(api, first["refresh_token"]).status_code == 200
    api.clock.now += timedelta(seconds=38)  # 80 s after the swap: not a lost answer any more
    r = _refresh(api, first["refresh_token"])
    assert r.status_code == 401 and r.json()["detail"]["code"] == "refresh_reused"


# 7: several review tabs with an expired access cookie -------------------------------------


def _cookies(r: Any) -> dict[str, str]:
    out = {}
    for header in r.headers.get_list("set-cookie"):
        name, value = header.split(";", 1)[0].split("=", 1)
        out[name] = value.strip('"')
    return out


def _get_with(api: Api, url: str, cookies: dict[str, str]) -> Any:
    """A browser tab's request carrying exactly these cookies."""
    api.client.cookies.clear()
    header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return api.client.get(url, headers={"Cookie": header}, follow_redirects=False)


def test_parallel_tabs_with_an_expired_access_cookie_stay_signed_in(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    act(api, "wangjing", case["id"], "approve")
    r = api.client.post("/review/login", data={"username": "chenhao", "password": "demo1234"},
                        follow_redirects=False)
    old = _cookies(r)
    api.client.cookies.clear()
    api.clock.now += timedelta(minutes=20)  # the access cookie has expired
    # Three tabs send the same (old) cookies before any answer arrives.
    tabs = [_get_with(api, f"/review/cases/{case['id']}", old) for _ in range(3)]
    assert [t.status_code for t in tabs] == [200, 200, 200]
    new = _cookies(tabs[0])
    assert "hall_review" in new and "hall_review_refresh" in new
    assert not tabs[1].headers.get_list("set-cookie")
    # The cookies the browser kept (from the first answer) still work, and go on refreshing.
    assert _get_with(api, "/review/", new).status_code == 200
    api.clock.now += timedelta(minutes=20)
    again = _get_with(api, "/review/", new)
    assert again.status_code == 200 and "hall_review_refresh" in _cookies(again)


# 8: an upload that cannot finish can be deleted, and the window step passes ---------------


def test_upload_that_cannot_finish_is_deleted(any_api: Api) -> None:
    api = any_api
    case = create_case(api)
    good = page(1, 3000)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": len(good),
        "sha256": "0" * 64})  # a wrong checksum: no bytes will ever match it
    bad = r.json()
    r = send(api, bad["id"], good, 0)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "checksum_mismatch"
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/actions",
                json={"id": str(uuid.uuid4()), "action": "approve"})
    assert r.status_code == 409 and r.json()["detail"]["code"] == "uploads_incomplete"
    assert api.as_("liqiang", "DELETE", f"/api/v1/uploads/{bad['id']}").status_code == 204
    assert api.as_("wangjing", "DELETE", f"/api/v1/uploads/{bad['id']}").status_code == 404
    upload(api, case["id"], good, "0001.jpg")  # the name is free again
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/actions",
                json={"id": str(uuid.uuid4()), "action": "approve"})
    assert r.status_code == 200
    history = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/history").json()
    assert "upload_deleted" in [e["action"] for e in history["events"]]
    assert history["chain_ok"]


def test_pages_in_review_cannot_be_deleted_and_others_halls_cannot(api: Api) -> None:
    case = create_case(api)
    done = upload(api, case["id"], page(2, 3000), "0001.jpg")
    r = api.as_("other_clerk", "DELETE", f"/api/v1/uploads/{done['id']}")
    assert r.status_code == 403
    act(api, "wangjing", case["id"], "approve")
    r = api.as_("wangjing", "DELETE", f"/api/v1/uploads/{done['id']}")
    assert r.status_code == 409 and r.json()["detail"]["code"] == "upload_in_review"
    assert api.as_("chenhao", "GET", f"/review/files/{done['id']}").status_code in (200, 401)


# 9: a fee total no payment could match is refused at acceptance --------------------------


def test_fee_total_above_what_a_payment_can_record(any_api: Api) -> None:
    api = any_api
    top = "9999999999.99"
    body = case_body(fees=[{"code": "FS-ZJ-001", "amount": top},
                           {"code": "FS-ZJ-001", "amount": top}])
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "fee_total_too_large"
    one = create_case(api, fees=[{"code": "FS-ZJ-001", "amount": top}])
    assert one["fee_total"] == top


# 10: status lookups throttle the caller, not the case -------------------------------------


def test_wrong_codes_do_not_lock_the_case_for_its_applicant(api: Api) -> None:
    from starlette.testclient import TestClient

    case = create_case(api)
    for _ in range(10):
        api.client.post("/status", data={"number": case["case_number"], "code": "999999"})
    attacker = api.client.post("/status", data={"number": case["case_number"],
                                                "code": case["verification_code"]})
    assert attacker.status_code == 429
    # The locked caller learns nothing about which numbers exist: unknown ones are 429 too.
    assert api.client.post("/status", data={"number": "NOPE-1", "code": "1"}).status_code == 429
    applicant = TestClient(api.app, client=("203.0.113.7", 50000))
    r = applicant.post("/status", data={"number": case["case_number"],
                                        "code": case["verification_code"]})
    assert r.status_code == 200 and "窗口受理" in r.text
    # Guessing numbers counts too: ten unknown numbers lock the guesser.
    guesser = TestClient(api.app, client=("203.0.113.8", 50000))
    for n in range(10):
        assert guesser.post("/status", data={"number": f"DEMO-2026-{n:06d}9",
                                             "code": "1"}).status_code == 404
    assert guesser.post("/status", data={"number": case["case_number"],
                                         "code": case["verification_code"]}).status_code == 429
    api.clock.now += timedelta(minutes=16)
    assert guesser.post("/status", data={"number": case["case_number"],
                                         "code": case["verification_code"]}).status_code == 200


# 11: a date past the published calendar hides only the dates it concerns -----------------


def test_window_step_due_date_survives_an_unpublished_year(any_api: Api) -> None:
    api = any_api
    api.clock.set(2026, 11, 27)  # Friday; promised limit 45 working days reaches 2027
    case = create_case(api, item="ZR-CJ-001")
    assert case["promised_due"] is None and "2027" in case["deadline_error"]
    window = case["steps"][0]
    assert window["due_date"] == "2026-12-01"  # two working days: Mon 30 Nov, Tue 1 Dec
    api.clock.set(2026, 12, 2)
    case = api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}").json()
    assert case["steps"][0]["warning"] == "red"
    warnings = api.as_("jiancha", "GET", "/api/v1/supervision/warnings").json()
    mine = [w for w in warnings if w["case_id"] == case["id"]]
    assert {w["level"] for w in mine} == {"unknown", "red"}


def test_a_year_without_holidays_is_not_published(any_api: Api) -> None:
    r = any_api.as_("admin", "PUT", "/api/v1/holidays/years/2027", json={"days": []})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "calendar_year_empty"
    r = any_api.as_("admin", "PUT", "/api/v1/holidays/years/2027", json={"days": [
        {"day": "2027-02-06", "kind": "workday", "name": "春节调休"}]})
    assert r.status_code == 422


# 12: known and unknown names, locked or not, answer alike ---------------------------------


def test_unknown_names_lock_like_known_ones(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    answers: dict[str, list[int]] = {}
    for name in ("chenhao", "no-such-person"):
        answers[name] = [api.client.post(TOKEN, json={"username": name, "password": "x"}
                                         ).status_code for _ in range(7)]
    assert answers["chenhao"] == answers["no-such-person"] == [401] * 5 + [423] * 2
    # A locked answer costs a password hash like every other answer (timing tells nothing).
    hashed: list[str] = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password",
                        lambda h, p: hashed.append(p) or real(h, p))
    for name in ("chenhao", "no-such-person"):
        assert api.client.post(TOKEN, json={"username": name, "password": "y"}
                               ).status_code == 423
    assert hashed == ["y", "y"]


# 13: review pages: CSRF token, Origin, security headers, Secure cookies ------------------


def _reviewer_page(api: Api) -> tuple[str, str]:
    api.clock.set(2026, 3, 2)
    case = create_case(api)
    act(api, "wangjing", case["id"], "approve")
    r = api.client.post("/review/login", data={"username": "chenhao", "password": "demo1234"})
    assert r.status_code == 200
    html = api.client.get(f"/review/cases/{case['id']}").text
    return case["id"], html


def test_review_forms_need_their_csrf_token(api: Api) -> None:
    case_id, html = _reviewer_page(api)
    form_id = html.split('name="form_id" value="')[1].split('"')[0]
    csrf = html.split('name="csrf" value="')[1].split('"')[0]
    url = f"/review/cases/{case_id}/act"
    data = {"form_id": form_id, "action": "approve", "opinion": "同意"}
    assert api.client.post(url, data=data, follow_redirects=False).status_code == 403
    assert api.client.post(url, data={**data, "csrf": "0" * 64},
                           follow_redirects=False).status_code == 403
    assert api.client.post("/review/logout", follow_redirects=False).status_code == 403
    r = api.client.post(url, data={**data, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303


def test_posts_from_another_site_are_refused(api: Api) -> None:
    case_id, html = _reviewer_page(api)
    form = {"form_id": html.split('name="form_id" value="')[1].split('"')[0],
            "csrf": html.split('name="csrf" value="')[1].split('"')[0],
            "action": "approve", "opinion": "同意"}
    for header in ({"Origin": "http://evil.example"},
                   {"Referer": "http://evil.example/page"}, {"Origin": "null"}):
        r = api.client.post(f"/review/cases/{case_id}/act", data=form, headers=header,
                            follow_redirects=False)
        assert r.status_code == 403, header
    r = api.client.post("/review/login", data={"username": "chenhao", "password": "demo1234"},
                        headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    r = api.client.post(f"/review/cases/{case_id}/act", data=form,
                        headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert r.status_code == 303


def test_every_answer_carries_security_headers(api: Api) -> None:
    for r in (api.client.get("/review/login"), api.client.get("/status"),
              api.client.get("/healthz"), api.client.get("/api/v1/cases")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert "script-src" not in r.headers["content-security-policy"]  # default-src 'none'


def test_cookies_are_secure_over_https(api: Api) -> None:
    from starlette.testclient import TestClient

    secure = TestClient(api.app, base_url="https://testserver")
    r = secure.post("/review/login", data={"username": "chenhao", "password": "demo1234"},
                    follow_redirects=False)
    assert r.status_code == 303
    assert all("secure" in c.lower() for c in r.headers.get_list("set-cookie"))
    plain = api.client.post("/review/login", data={"username": "chenhao",
                                                   "password": "demo1234"},
                            follow_redirects=False)
    assert not any("secure" in c.lower() for c in plain.headers.get_list("set-cookie"))


# 14: uploaded content must be what it says, and not a decompression bomb -----------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares width × height (a few dozen bytes; decoding it would be huge)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _upload_as(api: Api, case_id: str, data: bytes, name: str, content_type: str) -> Any:
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case_id}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": name, "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(), "content_type": content_type})
    assert r.status_code == 201, r.text
    return send(api, r.json()["id"], data, 0)


def test_html_named_jpg_is_refused(api: Api) -> None:
    case = create_case(api)
    html = b"<html><script>alert(document.cookie)</script></html>"
    r = _upload_as(api, case["id"], html, "0001.jpg", "image/jpeg")
    assert r.status_code == 422 and r.json()["detail"]["code"] == "content_refused"
    assert r.json()["detail"]["confirmed_offset"] == 0
    # A name whose extension disagrees with the declared type is refused at declaration.
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0002.jpg", "size": 10,
        "sha256": "0" * 64, "content_type": "application/pdf"})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "content_type_mismatch"


def test_decompression_bomb_is_refused(api: Api) -> None:
    case = create_case(api)
    bomb = _png_header(20000, 20000)
    assert len(bomb) < 200
    r = _upload_as(api, case["id"], bomb, "0001.png", "image/png")
    assert r.status_code == 422 and r.json()["detail"]["code"] == "content_refused"
    fine = _png_header(1131, 1600)
    r = _upload_as(api, case["id"], fine, "0002.png", "image/png")
    assert r.status_code == 200 and r.json()["complete"]


# 15: broken bodies are malformed_json ------------------------------------------------------


@pytest.mark.parametrize("body", [b'{"id": "\xff\xfe"}', b"[" * 100_000 + b"]" * 100_000])
def test_undecodable_and_deeply_nested_bodies_are_malformed_json(api: Api, body: bytes) -> None:
    r = api.as_("wangjing", "POST", "/api/v1/cases", content=body,
                headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["detail"]["code"] == "malformed_json"


# 16: a crash between the last write and the commit loses nothing -------------------------


def test_crash_between_last_write_and_commit(
        api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    from server_stub.api.routes import uploads as upload_routes

    case = create_case(api)
    data = page(5, 10_000)
    up = declare(api, case["id"], data)
    assert send(api, up["id"], data[:6000], 0).json()["confirmed_offset"] == 6000
    real = upload_routes.uploads.write_chunk

    def crash_after_write(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise RuntimeError("power cut before the commit")

    monkeypatch.setattr(upload_routes.uploads, "write_chunk", crash_after_write)
    with pytest.raises(RuntimeError):
        send(api, up["id"], data[6000:], 6000)
    monkeypatch.undo()
    state = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()
    assert state["confirmed_offset"] == 6000 and not state["complete"]
    r = send(api, up["id"], data[6000:], 6000)
    assert r.status_code == 200 and r.json()["complete"], r.text
    got = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}/content")
    assert got.content == data


def test_a_file_in_progress_from_an_older_server_is_taken_over(api: Api) -> None:
    """Before 0003 a file in progress was '<id>.part'; an upload under way keeps its bytes."""
    case = create_case(api)
    data = page(6, 8000)
    up = declare(api, case["id"], data)
    send(api, up["id"], data[:5000], 0)
    store = api.app.state.file_store
    current = store.path(f"{case['id']}/{up['id']}")
    current.rename(current.with_name(current.name + ".part"))
    r = send(api, up["id"], data[5000:], 5000)
    assert r.status_code == 200 and r.json()["complete"]


# 17: file modes, direction overrides, a client gone mid-chunk ----------------------------


def test_data_files_are_private(api: Api) -> None:
    case = create_case(api)
    done = upload(api, case["id"], page(7, 2000))
    settings = api.app.state.settings
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    assert mode(settings.data_dir / "server.sqlite3") == 0o600
    assert mode(settings.files_dir) == 0o700
    stored = api.app.state.file_store.path(f"{case['id']}/{done['id']}")
    assert mode(stored) == 0o600 and mode(stored.parent) == 0o700
    assert api.as_("admin", "POST", "/api/v1/sms/deliver").json()["sent"] >= 1
    assert mode(settings.data_dir / "sms.log") == 0o600


@pytest.mark.parametrize("text", ["\u202egpj.exe", "张\u2066三", "李\u200f四"])
def test_direction_overrides_are_refused(api: Api, text: str) -> None:
    body = case_body()
    body["applicant"]["name"] = text
    r = api.as_("wangjing", "POST", "/api/v1/cases", json=body)
    assert r.status_code == 422
    case = create_case(api)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": text, "name": "0001.jpg", "size": 10,
        "sha256": "0" * 64})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "section_invalid"


def test_client_gone_mid_chunk_logs_no_traceback(
        api: Api, caplog: pytest.LogCaptureFixture) -> None:
    import anyio

    case = create_case(api)
    data = page(8, 4000)
    up = declare(api, case["id"], data)
    headers = [(b"authorization", api.login("wangjing")["Authorization"].encode()),
               (b"content-type", b"application/octet-stream"),
               (b"content-length", b"4000"), (b"host", b"testserver")]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "PUT", "scheme": "http", "path": f"/api/v1/uploads/{up['id']}/chunks",
             "raw_path": b"", "query_string": b"offset=0", "headers": headers,
             "client": ("127.0.0.1", 1), "server": ("testserver", 80), "root_path": ""}
    messages = [{"type": "http.request", "body": data[:1000], "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send_(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level(logging.INFO):
        anyio.run(api.app, scope, receive, send_)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    state = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()
    assert state["confirmed_offset"] == 0


# the same cause elsewhere: hall codes differing only in case, counters --------------------


def test_hall_code_key_is_unique_in_the_database(any_api: Api) -> None:
    from sqlalchemy.exc import IntegrityError

    from server_stub.models import Hall

    now = any_api.clock.now
    with any_api.session() as s:
        s.add(Hall(code="Zz9", code_key="ZZ9", name="一", created_at=now))
        s.commit()
        s.add(Hall(code="zZ9", code_key="ZZ9", name="二", created_at=now))
        with pytest.raises(IntegrityError):
            s.commit()


def test_counter_registered_twice_is_409(api: Api) -> None:
    body = {"code": "C77", "name": "窗口", "secret": COUNTER_SECRET}
    url = f"/api/v1/admin/halls/{OTHER_HALL}/counters"
    assert api.as_("admin", "POST", url, json=body).status_code == 201
    r = api.as_("admin", "POST", url, json=body)
    assert r.status_code == 409 and r.json()["detail"]["code"] == "counter_exists"
