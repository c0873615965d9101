"""The catalog from the seed file: revisions, changes since a cursor, ETag, new versions."""

from __future__ import annotations

import copy
import json

from server_stub.services.catalog import seed_path

from .conftest import Api


def test_seed_is_loaded_whole(api: Api) -> None:
    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    r = api.as_("chenhao", "GET", "/api/v1/catalog")
    assert r.status_code == 200
    body = r.json()
    assert body["revision"] == 1
    assert {i["code"] for i in body["items"]} == {i["code"] for i in seed["items"]}
    assert len(body["people"]) == len(seed["people"])
    permit = next(i for i in body["items"] if i["code"] == "ZJ-XK-001")
    assert permit == next(i for i in seed["items"] if i["code"] == "ZJ-XK-001")


def test_etag_and_changes_since(api: Api) -> None:
    r = api.as_("wangjing", "GET", "/api/v1/catalog")
    etag = r.headers["ETag"]
    assert api.as_("wangjing", "GET", "/api/v1/catalog",
                   headers={"If-None-Match": etag}).status_code == 304
    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in seed["items"] if i["code"] == "ZJ-XK-001"))
    item["version"] = 2
    item["promised_limit_days"] = 6
    item["workflow"][1]["limit_days"] = 2
    doc = {"format": "hall-catalog/1", "version": 2, "departments": seed["departments"],
           "people": seed["people"], "items": [item]}
    r = api.as_("admin", "POST", "/api/v1/catalog/import", json=doc)
    assert r.status_code == 200 and r.json()["revision"] == 2
    r = api.as_("wangjing", "GET", "/api/v1/catalog", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] == '"catalog-2"'
    changes = api.as_("wangjing", "GET", "/api/v1/catalog?since=1").json()
    assert [(i["code"], i["version"]) for i in changes["items"]] == [("ZJ-XK-001", 2)]
    assert changes["departments"] == [] and changes["people"] == []
    # Importing the same thing again changes nothing.
    assert api.as_("admin", "POST", "/api/v1/catalog/import", json=doc).json()["revision"] == 2


def test_published_version_is_immutable(api: Api) -> None:
    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    item = copy.deepcopy(seed["items"][0])
    item["name"] = "改名"
    doc = {**seed, "items": [item]}
    r = api.as_("admin", "POST", "/api/v1/catalog/import", json=doc)
    assert r.status_code == 422
    assert r.json()["detail"]["code"] == "catalog_invalid"
    assert "version" in r.json()["detail"]["message"]


def test_bad_catalog_names_the_rule(api: Api) -> None:
    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    item = copy.deepcopy(seed["items"][0])
    item["version"] = 9
    item["workflow"][1]["limit_days"] = 99
    r = api.as_("admin", "POST", "/api/v1/catalog/import", json={**seed, "items": [item]})
    assert r.status_code == 422
    assert "承诺时限" in r.json()["detail"]["message"]
    assert "ZJ-XK-001" in r.json()["detail"]["message"]
    assert api.as_("chenhao", "POST", "/api/v1/catalog/import", json=seed).status_code == 403
