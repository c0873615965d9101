"""A signed-in request queues once for the process's worker threads, and page traffic goes
after the other requests (``server_stub/admission``): under the burst of a hall's opening a
case creation must not wait behind the page chunks of counters whose case was made first."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import anyio
import anyio.to_thread
import pytest

from server_stub.admission import Admission

from .conftest import Api
from .helpers import case_body, create_case, declare, page, send


def test_pages_wait_while_other_requests_wait() -> None:
    async def main() -> list[str]:
        gate = Admission(2, 0)
        order: list[str] = []
        await gate.enter(True)
        await gate.enter(False)  # both places taken

        async def one(name: str, bulk: bool) -> None:
            await gate.enter(bulk)
            order.append(name)
            gate.leave(bulk)

        async with anyio.create_task_group() as tg:
            tg.start_soon(one, "page 1", True)
            await anyio.sleep(0.01)
            tg.start_soon(one, "page 2", True)
            await anyio.sleep(0.01)
            tg.start_soon(one, "case", False)  # last to come, first to go
            await anyio.sleep(0.01)
            assert order == []
            gate.leave(True)
            gate.leave(False)
        assert gate.busy == gate.bulk_busy == 0
        return order

    assert anyio.run(main) == ["case", "page 1", "page 2"]


def test_reserve_keeps_places_for_other_requests() -> None:
    async def main() -> None:
        gate = Admission(4, 1)
        for _ in range(3):
            await gate.enter(True)
        with anyio.move_on_after(0.05) as waited:
            await gate.enter(True)  # the fourth place is not for pages
        assert waited.cancelled_caught
        with anyio.fail_after(1):
            await gate.enter(False)
        assert (gate.busy, gate.bulk_busy) == (4, 3)

    anyio.run(main)


def test_a_cancelled_waiter_gives_its_turn_on() -> None:
    async def main() -> None:
        gate = Admission(1, 0)
        await gate.enter(False)
        done: list[str] = []

        async def waits(name: str, bulk: bool) -> None:
            await gate.enter(bulk)
            done.append(name)
            gate.leave(bulk)

        gone = anyio.CancelScope()

        async def hangs_up() -> None:
            with gone:
                await waits("never", False)

        async with anyio.create_task_group() as tg:
            tg.start_soon(hangs_up)
            tg.start_soon(waits, "page", True)
            await anyio.sleep(0.01)
            gone.cancel()  # the case's client hung up while it waited
            await anyio.sleep(0.01)
            tg.cancel_scope.deadline = anyio.current_time() + 1
            gate.leave(False)
        assert done == ["page"]
        assert gate.busy == 0

    # A request cancelled in the same moment it is given its place passes the place on.
    async def granted_then_cancelled() -> None:
        gate = Admission(1, 0)
        await gate.enter(False)

        async def request() -> None:  # as the dependency ``admitted`` does
            await gate.enter(False)
            try:
                await anyio.sleep(10)
            finally:
                gate.leave(False)

        async with anyio.create_task_group() as tg:
            tg.start_soon(request)
            await anyio.sleep(0.01)
            gate.leave(False)  # hands the place to the waiter...
            tg.cancel_scope.cancel()  # ...which is cancelled before it runs again
        assert gate.busy == 0

    anyio.run(main)
    anyio.run(granted_then_cancelled)


def test_rejects_a_reserve_as_large_as_the_places() -> None:
    with pytest.raises(ValueError):
        Admission(2, 2)


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
    assert any_api.app.state.admission.busy == 0
    r = send(any_api, up["id"], data[:5000], 0)
    assert r.status_code == 200, r.text


def test_a_case_goes_before_pages_that_came_first(any_api: Api) -> None:
    """All places taken; a chunk comes, then a case creation; the first place freed goes to
    the creation, and the chunk waits on."""
    case = create_case(any_api)
    data = page(4)
    up = declare(any_api, case["id"], data)
    headers = any_api.login("wangjing")
    gate: Admission = any_api.app.state.admission
    portal = any_api.client.portal
    assert portal is not None  # the client is open (``with TestClient``)
    for _ in range(gate.bulk_places):
        portal.call(gate.enter, True)
    for _ in range(gate.places - gate.bulk_places):
        portal.call(gate.enter, False)
    answers: dict[str, Any] = {}

    def chunk() -> None:
        answers["chunk"] = any_api.client.put(
            f"/api/v1/uploads/{up['id']}/chunks?offset=0", content=data[:8000],
            headers={**headers, "Content-Type": "application/octet-stream"})

    def creation() -> None:
        answers["case"] = any_api.client.post(
            "/api/v1/cases", json=case_body(id=str(uuid.uuid4())),
            headers={**headers, "Idempotency-Key": str(uuid.uuid4())})

    first = threading.Thread(target=chunk)
    first.start()
    wait_for(lambda: len(gate._bulk_waiting) == 1)
    second = threading.Thread(target=creation)
    second.start()
    wait_for(lambda: len(gate._waiting) == 1)
    portal.call(gate.leave, True)  # a page's place is freed: the creation takes it
    assert not gate._waiting and len(gate._bulk_waiting) == 1
    second.join(10)
    assert answers["case"].status_code == 201, answers["case"].text
    first.join(10)  # the creation's place went on to the chunk
    assert answers["chunk"].status_code == 200, answers["chunk"].text
    for _ in range(gate.bulk_places - 1):
        portal.call(gate.leave, True)
    for _ in range(gate.places - gate.bulk_places):
        portal.call(gate.leave, False)
    assert gate.busy == gate.bulk_busy == 0


def wait_for(condition: Callable[[], bool]) -> None:
    stop = threading.Event()
    for _ in range(500):
        if condition():
            return
        stop.wait(0.01)
    raise AssertionError("condition not reached in 5 s")
