"""The API's routers are tried busiest first (server_stub/api/main.py); that order must not
change which route answers a request."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from starlette.routing import compile_path

from server_stub.api.main import ROUTERS


def test_no_route_is_shadowed_by_an_earlier_router() -> None:
    """Every route's own paths are matched by no route of an earlier router (for a method
    both take), so trying the routers in another order answers every request the same."""
    earlier: list[tuple[str, re.Pattern[str], set[str]]] = []
    checked = 0
    for router in ROUTERS:
        routes = [r for r in router.routes if isinstance(r, APIRoute)]
        for route in routes:
            sample = re.sub(r"\{[^}]+\}", "0a1b2c3d-0000-4000-8000-000000000001", route.path)
            for path, regex, methods in earlier:
                assert not (regex.match(sample) and methods & route.methods), (
                    f"{route.path} would be answered by {path} of an earlier router")
            checked += 1
        earlier += [(r.path, compile_path(r.path)[0], set(r.methods)) for r in routes]
    assert checked > 40
