"""Page traffic holds at most three quarters of a process's worker threads, and a request
takes two thread steps (``server_stub/deps``): under the burst of a hall's opening a case
creation must not wait behind the page chunks of every counter whose case was made first."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import anyio
import anyio.to_thread
import pytest

from server_stub.deps import page_places

from .conftest import Api
from .helpers import case_body, create_case, declare, page, send


def test_pages_leave_a_quarter_of_the_threads() -> None:
    assert [page_places(n) for n in (1, 2, 4, 8, 12)] == [1, 2, 3, 6, 9]


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


def test_a_failed_write_still_rolls_back_off_the_event_loop(any_api: Api) -> None:
    """A chunk refused after its session began: the session is closed in a worker thread."""
    case = create_case(any_api)
    data = page(3)
    up = declare(any_api, case["id"], data)
    r = send(any_api, up["id"], data[:5000], 7)  # not at the confirmed offset
    assert r.status_code == 409, r.text
    assert any_api.app.state.page_places.value == page_places(any_api.app.state.settings.threads)
    r = send(any_api, up["id"], data[:5000], 0)
    assert r.status_code == 200, r.text


def test_a_case_goes_past_pages_waiting_for_a_place(any_api: Api) -> None:
    """Every page place taken and a chunk waiting: a case creation is still served, and the
    chunk goes on once a place is freed."""
    case = create_case(any_api)
    data = page(4)
    up = declare(any_api, case["id"], data)
    headers = any_api.login("wangjing")
    places = any_api.app.state.page_places
    portal = any_api.client.portal
    assert portal is not None  # the client is open (``with TestClient``)
    taken = page_places(any_api.app.state.settings.threads)
    for _ in range(taken):
        portal.call(places.acquire)
    answers: dict[str, Any] = {}

    def chunk() -> None:
        answers["chunk"] = any_api.client.put(
            f"/api/v1/uploads/{up['id']}/chunks?offset=0", content=data[:8000],
            headers={**headers, "Content-Type": "application/octet-stream"})

    waiting = threading.Thread(target=chunk)
    waiting.start()
    wait_for(lambda: places.statistics().tasks_waiting == 1)
    r = any_api.client.post("/api/v1/cases", json=case_body(id=str(uuid.uuid4())),
                            headers={**headers, "Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 201, r.text
    assert "chunk" not in answers and places.statistics().tasks_waiting == 1
    portal.call(places.release)
    waiting.join(10)
    assert answers["chunk"].status_code == 200, answers["chunk"].text
    for _ in range(taken - 1):
        portal.call(places.release)
    assert places.value == taken


def wait_for(condition: Callable[[], bool]) -> None:
    stop = threading.Event()
    for _ in range(500):
        if condition():
            return
        stop.wait(0.01)
    raise AssertionError("condition not reached in 5 s")
