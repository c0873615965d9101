"""The holiday table: seeded from chinesecalendar, editable by an admin, never guessed."""

from __future__ import annotations

from .conftest import Api


def test_seeded_from_chinesecalendar(api: Api) -> None:
    r = api.as_("chenhao", "GET", "/api/v1/holidays?year=2026")
    body = r.json()
    assert body["last_year"] == 2026
    days = {d["day"]: d["kind"] for d in body["days"]}
    assert days["2026-02-17"] == "holiday"
    assert days["2026-02-14"] == "workday"
    assert days["2026-10-10"] == "workday"
    assert "2026-03-03" not in days


def test_etag_follows_edits(api: Api) -> None:
    r = api.as_("wangjing", "GET", "/api/v1/holidays")
    etag = r.headers["ETag"]
    assert api.as_("wangjing", "GET", "/api/v1/holidays",
                   headers={"If-None-Match": etag}).status_code == 304
    api.as_("admin", "PUT", "/api/v1/holidays/2026-03-03", json={"kind": "holiday"})
    r = api.as_("wangjing", "GET", "/api/v1/holidays", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag


def test_admin_edits_a_day(api: Api) -> None:
    r = api.as_("admin", "PUT", "/api/v1/holidays/2026-03-03", json={"kind": "holiday",
                                                                      "name": "本地假日"})
    assert r.status_code == 200
    days = {d["day"]: d for d in api.as_("admin", "GET", "/api/v1/holidays?year=2026"
                                         ).json()["days"]}
    assert days["2026-03-03"]["kind"] == "holiday"
    assert api.as_("admin", "DELETE", "/api/v1/holidays/2026-03-03").status_code == 204
    assert api.as_("chenhao", "PUT", "/api/v1/holidays/2026-03-04",
                   json={"kind": "holiday"}).status_code == 403


def test_date_past_last_published_year_is_refused(api: Api) -> None:
    r = api.as_("admin", "PUT", "/api/v1/holidays/2027-01-01", json={"kind": "holiday"})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail["code"] == "calendar_not_published"
    assert "2027" in detail["message"] and detail["last_published_year"] == 2026


def test_publishing_the_next_year(api: Api) -> None:
    year = {"days": [{"day": "2027-01-01", "kind": "holiday", "name": "元旦"},
                     {"day": "2027-02-06", "kind": "workday", "name": "春节调休"}]}
    r = api.as_("admin", "PUT", "/api/v1/holidays/years/2028", json=year)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "calendar_year_gap"
    r = api.as_("admin", "PUT", "/api/v1/holidays/years/2027", json=year)
    assert r.status_code == 200
    assert r.json()["last_year"] == 2027
    assert api.as_("admin", "PUT", "/api/v1/holidays/2027-05-06",
                   json={"kind": "holiday"}).status_code == 200
    dup = {"days": [year["days"][0], year["days"][0]]}
    r = api.as_("admin", "PUT", "/api/v1/holidays/years/2027", json=dup)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "calendar_duplicate_day"
