"""A signed-in write takes two steps in the process's worker threads (``server_stub/deps``):
each step is queued anew behind everything that came meanwhile, which under the burst of a
hall's opening is every counter's pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import anyio
import anyio.to_thread
import pytest

from .conftest import Api
from .helpers import create_case, declare, page, send


@contextmanager
def thread_steps() -> Iterator[list[str]]:
    """The callables the app hands to its worker threads meanwhile."""
    seen: list[str] = []
    original = anyio.to_thread.run_sync

    async def counted(func: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        seen.append(getattr(func, "__qualname__", repr(func)))
        return await original(func, *args, **kw)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(anyio.to_thread, "run_sync", counted)
        yield seen


def test_a_write_takes_two_thread_steps(any_api: Api) -> None:
    """The token lookup and the work: the session is made on the event loop, closed there
    after its commit, and a chunk's answer is not checked again in a step of its own (before:
    five steps per chunk, each queued anew behind everything that had come meanwhile)."""
    case = create_case(any_api)
    data = page(1)
    up = declare(any_api, case["id"], data)
    any_api.login("wangjing")
    with thread_steps() as steps:
        r = send(any_api, up["id"], data[:10_000], 0)
    assert r.status_code == 200, r.text
    assert r.json()["confirmed_offset"] == 10_000
    assert len(steps) == 2, steps
    with thread_steps() as steps:
        create_case(any_api)
    assert len(steps) == 2, steps
    with thread_steps() as steps:
        declare(any_api, case["id"], page(2), name="0002.jpg")
    assert len(steps) == 2, steps


def test_a_session_left_in_a_transaction_is_closed_in_a_thread(any_api: Api) -> None:
    """Closing a session still in a transaction rolls back (a round trip): not on the event
    loop. A read leaves its transaction open; a refused chunk rolls its own back."""
    case = create_case(any_api)
    data = page(3)
    up = declare(any_api, case["id"], data)
    any_api.login("wangjing")
    with thread_steps() as steps:
        r = any_api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}")
    assert r.status_code == 200, r.text
    assert steps[-1] == "Session.close", steps
    with thread_steps() as steps:
        r = send(any_api, up["id"], data[:5000], 7)  # not at the confirmed offset
    assert r.status_code == 409, r.text
    assert "Session.close" not in steps, steps
    r = send(any_api, up["id"], data[:5000], 0)  # the connection went back clean
    assert r.status_code == 200, r.text
