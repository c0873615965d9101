"""Liveness and the OpenAPI document."""

from __future__ import annotations

from .conftest import Api


def test_healthz(api: Api) -> None:
    r = api.client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


def test_openapi_lists_the_api(api: Api) -> None:
    doc = api.client.get("/openapi.json").json()
    paths = doc["paths"]
    assert "/api/v1/auth/token" in paths
    assert "/api/v1/catalog" in paths
    assert all(p.startswith(("/api/v1/", "/healthz")) for p in paths)
    assert "HTTPBearer" in doc["components"]["securitySchemes"]
