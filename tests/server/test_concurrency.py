"""30-way races against the real server on a loopback port (uvicorn, its thread pool, the
connection pool), on PostgreSQL and SQLite: no answer is a 500, a lock-out is exact, one
write wins and the others get the documented answer.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

from server_stub.core.config import Settings
from server_stub.demo import COUNTER_SECRET, DEMO_PASSWORD
from server_stub.main import create_app

from .conftest import FakeClock
from .helpers import case_body, page

N = 30


@dataclass
class Live:
    url: str
    app: Any

    def token(self, username: str, hall: bool = False) -> dict[str, str]:
        body: dict[str, Any] = {"username": username, "password": DEMO_PASSWORD}
        if hall:
            body.update(hall="demo", counter="C01", counter_secret=COUNTER_SECRET)
        r = requests.post(f"{self.url}/api/v1/auth/token", json=body, timeout=30)
        assert r.status_code == 200, r.text
        return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _serve(app: Any) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> Iterator[Live]:
    import shutil

    clock = FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))
    if request.param == "sqlite":
        data = tmp_path / "server-data"
        data.mkdir()
        shutil.copy(sqlite_template, data / "server.sqlite3")
        settings = Settings(data_dir=data, secret_key="test-secret")
    else:
        url, data = request.getfixturevalue("pg_schema_url")
        settings = Settings(data_dir=data, database_url=url, secret_key="test-secret")
    app = create_app(settings, clock=clock)
    for url in _serve(app):
        yield Live(url, app)
    app.state.engine.dispose()
    app.state.read_engine.dispose()


def race(call: Callable[[int], requests.Response]) -> list[requests.Response]:
    """Run ``call(i)`` for i in 0..N-1, all released at the same instant."""
    barrier = threading.Barrier(N)

    def one(i: int) -> requests.Response:
        barrier.wait()
        return call(i)

    with ThreadPoolExecutor(N) as pool:
        return list(pool.map(one, range(N)))


def codes(answers: list[requests.Response]) -> Counter[int]:
    return Counter(r.status_code for r in answers)


def _new_reviewer(live: Live) -> str:
    name = f"racer{uuid.uuid4().hex[:8]}"
    r = requests.post(f"{live.url}/api/v1/admin/users", headers=live.token("admin"), json={
        "username": name, "name": "并发测试", "password": DEMO_PASSWORD, "role": "reviewer"},
        timeout=30)
    assert r.status_code == 201, r.text
    return name


def test_sign_in_failures_lock_exactly(live: Live) -> None:
    name = _new_reviewer(live)
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/auth/token", json={
        "username": name, "password": f"wrong-{i}"}, timeout=60))
    max_failures = live.app.state.settings.max_failed_logins
    assert codes(answers) == {401: max_failures, 423: N - max_failures}
    r = requests.post(f"{live.url}/api/v1/auth/token",
                      json={"username": name, "password": DEMO_PASSWORD}, timeout=30)
    assert r.status_code == 423


def test_same_case_uuid_in_parallel_is_one_case(live: Live) -> None:
    headers = live.token("wangjing", hall=True)
    body = case_body()
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/cases", json=body,
                                           headers=headers, timeout=60))
    assert codes(answers) == {201: 1, 200: N - 1}, [r.text for r in answers if r.status_code >= 500]
    assert len({r.json()["case_number"] for r in answers}) == 1
    # No server number was lost to the losers: the next case takes the next number.
    nxt = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers,
                        timeout=30).json()["case_number"]
    first = answers[0].json()["case_number"]
    assert int(nxt.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1


def test_same_client_case_number_in_parallel(live: Live) -> None:
    headers = live.token("wangjing", hall=True)
    number = f"W01-{uuid.uuid4().hex[:10]}"
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/cases",
                                           json=case_body(case_number=number),
                                           headers=headers, timeout=60))
    assert codes(answers) == {201: 1, 409: N - 1}
    assert {r.json()["detail"]["code"] for r in answers if r.status_code == 409} == {
        "case_number_taken"}


def test_same_user_and_hall_in_parallel(live: Live) -> None:
    admin = live.token("admin")
    name = f"dup{uuid.uuid4().hex[:8]}"
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/admin/users", headers=admin, json={
        "username": name, "name": "重复", "password": DEMO_PASSWORD, "role": "chief"},
        timeout=60))
    assert codes(answers) == {201: 1, 409: N - 1}
    code = f"h{uuid.uuid4().hex[:6]}"
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/admin/halls", headers=admin, json={
        "code": code.upper() if i % 2 else code, "name": "重复大厅"}, timeout=60))
    assert codes(answers) == {201: 1, 409: N - 1}


def test_same_idempotency_key_in_parallel(live: Live) -> None:
    headers = {**live.token("wangjing", hall=True), "Idempotency-Key": str(uuid.uuid4())}
    body = case_body()
    answers = race(lambda i: requests.post(f"{live.url}/api/v1/cases", json=body,
                                           headers=headers, timeout=60))
    seen = codes(answers)
    assert set(seen) <= {201, 409} and seen[201] >= 1, seen
    made = [r for r in answers if r.status_code == 201]
    assert sum(1 for r in made if "idempotent-replayed" not in r.headers) == 1
    assert {r.json()["detail"]["code"] for r in answers if r.status_code == 409} <= {
        "idempotency_in_flight"}
    assert len({r.json()["id"] for r in made}) == 1


def test_uploads_in_parallel(live: Live) -> None:
    headers = live.token("wangjing", hall=True)
    case = requests.post(f"{live.url}/api/v1/cases", json=case_body(), headers=headers,
                         timeout=30).json()
    data = page(3, 8_000)
    declaration = {"id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg",
                   "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    url = f"{live.url}/api/v1/cases/{case['id']}/uploads"
    answers = race(lambda i: requests.post(url, json=declaration, headers=headers, timeout=60))
    assert codes(answers) == {201: 1, 200: N - 1}
    chunk_url = f"{live.url}/api/v1/uploads/{declaration['id']}/chunks"
    octet = {**headers, "Content-Type": "application/octet-stream"}
    answers = race(lambda i: requests.put(f"{chunk_url}?offset=0", data=data[:4_000],
                                          headers=octet, timeout=60))
    assert codes(answers) == {200: N}
    assert {r.json()["confirmed_offset"] for r in answers} == {4_000}
    # Thirty different pages of one case declared and sent at once.
    pages = [page(100 + i, 2_000) for i in range(N)]
    ids = [str(uuid.uuid4()) for _ in range(N)]

    def declare_and_send(i: int) -> requests.Response:
        r = requests.post(url, headers=headers, timeout=60, json={
            "id": ids[i], "section": "安全", "name": f"{i + 1:04d}.jpg", "size": len(pages[i]),
            "sha256": hashlib.sha256(pages[i]).hexdigest()})
        assert r.status_code == 201, r.text
        return requests.put(f"{live.url}/api/v1/uploads/{ids[i]}/chunks?offset=0",
                            data=pages[i], headers=octet, timeout=60)

    answers = race(declare_and_send)
    assert codes(answers) == {200: N} and all(r.json()["complete"] for r in answers)


@pytest.mark.postgres
def test_two_server_instances_share_lockouts_and_numbers(pg_schema_url: tuple[str, Path]) -> None:
    """Two apps (own engines and pools, as two processes have) on one PostgreSQL: the
    lock-out counts across both, and case numbers stay unique and gap-free."""
    url, data = pg_schema_url
    apps = [create_app(Settings(data_dir=data, database_url=url, secret_key="test-secret"),
                       clock=FakeClock(datetime(2026, 2, 2, 2, tzinfo=UTC))) for _ in range(2)]
    servers = [_serve(app) for app in apps]
    bases = [next(s) for s in servers]
    try:
        first = Live(bases[0], apps[0])
        name = _new_reviewer(first)
        headers = first.token("wangjing", hall=True)
        # Two apps in one process share FastAPI's module-level routers, whose lazily built
        # route state is locked per app only: build it once per app before the race (real
        # server processes share nothing, so this concerns the test alone).
        for base in bases:
            requests.post(f"{base}/api/v1/auth/token", json={"username": "-", "password": "-"},
                          timeout=30)
            assert requests.post(f"{base}/api/v1/cases", json=case_body(), headers=headers,
                                 timeout=30).status_code == 201
        answers = race(lambda i: requests.post(f"{bases[i % 2]}/api/v1/auth/token", json={
            "username": name, "password": f"wrong-{i}"}, timeout=60))
        assert codes(answers) == {401: 5, 423: N - 5}
        made = race(lambda i: requests.post(f"{bases[i % 2]}/api/v1/cases", json=case_body(),
                                            headers=headers, timeout=60))
        assert codes(made) == {201: N}
        numbers = sorted(int(r.json()["case_number"].rsplit("-", 1)[1]) for r in made)
        assert numbers == list(range(numbers[0], numbers[0] + N))
    finally:
        for s in servers:
            s.close()
        for app in apps:
            app.state.engine.dispose()
