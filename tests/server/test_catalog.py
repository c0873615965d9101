"""The catalog from the seed file: revisions, changes since a cursor, ETag, new versions."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

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


def _breakages() -> list[tuple[str, Any, str]]:
    """(what, how to break a copy of the seed, the field the answer must name)."""

    def step_without(key: str) -> Any:
        def breaker(doc: dict[str, Any]) -> None:
            del doc["items"][0]["workflow"][1][key]
        return breaker

    def set_(path: list[Any], value: Any) -> Any:
        def breaker(doc: dict[str, Any]) -> None:
            target = doc
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = value
        return breaker

    def drop(path: list[Any]) -> Any:
        def breaker(doc: dict[str, Any]) -> None:
            target = doc
            for part in path[:-1]:
                target = target[part]
            del target[path[-1]]
        return breaker

    return [
        ("step without stage", step_without("stage"), "items.0.workflow.1.stage"),
        ("step without post", step_without("post"), "items.0.workflow.1.post"),
        ("step without name", step_without("name"), "items.0.workflow.1.name"),
        ("workflow as a string", set_(["items", 0, "workflow"], "window"), "items.0.workflow"),
        ("items as a number", set_(["items"], 5), "items"),
        ("department without name", drop(["departments", 0, "name"]), "departments.0.name"),
        ("limit as a string", set_(["items", 0, "workflow", 0, "limit_days"], "1"),
         "items.0.workflow.0.limit_days"),
    ]


@pytest.mark.parametrize(("what", "breaker", "field"), _breakages(),
                         ids=[b[0] for b in _breakages()])
def test_malformed_catalog_is_422_naming_the_field(
        api: Api, what: str, breaker: Any, field: str) -> None:
    seed = json.loads(seed_path().read_text(encoding="utf-8"))
    doc = copy.deepcopy(seed)
    doc["items"][0]["version"] = 7  # a new version, so only the breakage can refuse it
    breaker(doc)
    r = api.as_("admin", "POST", "/api/v1/catalog/import", json=doc)
    assert r.status_code == 422, (what, r.text)
    assert r.json()["detail"]["code"] == "catalog_invalid"
    assert field in r.json()["detail"]["message"]
    # Nothing was imported.
    assert api.as_("admin", "GET", "/api/v1/catalog").json()["revision"] == 1
