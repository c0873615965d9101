"""Load benchmark: 20 simulated counters create cases and upload 10 pages each, at once.

Starts the real server (uvicorn) on loopback against SQLite and against
PostgreSQL, then runs N counters in threads: sign in, and per case: create it (with an
Idempotency-Key), declare 10 page files, send each in 64 KiB chunks, pass the window step.
Prints throughput and latency percentiles per request kind.

The clients share the machine with the server, so they are kept light: each counter is one
thread with one keep-alive HTTP/1.1 connection (``http.client``: 0.4 ms of CPU per request,
against 1.1–1.2 ms with ``requests``, measured on 20 counters). The simulated load is what it
was: the same counters, cases, pages, bytes and requests, each counter waiting for every answer
before its next request. A page is a real JPEG (a small baseline image whose file is made up
to the page size after its end marker) with bytes of its own, so the server checks it as it
would a scanned page; random bytes behind a JPEG signature made the server's image check walk
the file a byte at a time, which no real page causes.

    .venv/bin/python bench/server/run.py [--counters 50] [--cases 3] [--page-kb 85]
        [--pages 10] [--backends sqlite,postgres] [--processes 1,2,4]

The creations are shown by round too ("create case 1" is every counter's first case, all
made at the same instant). ``--pages 0`` leaves the pages out: only case creation and the
window step, which shows what case numbering costs under concurrency. ``--processes`` runs each backend with that many server processes (``hall-server
--workers N``) in turn; several processes on SQLite are allowed but not a deployment.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from server_stub.core.config import Settings  # noqa: E402
from server_stub.demo import COUNTER_SECRET, seed_demo_data  # noqa: E402
from server_stub.main import create_app  # noqa: E402
from server_stub.services import auth  # noqa: E402

PG_URL = os.environ.get("HALL_TEST_POSTGRES_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PASSWORD = "bench-password"
CHUNK = 64 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(data_dir: Path, url: str | None, counters: int) -> None:
    app = create_app(Settings(data_dir=data_dir, database_url=url))
    now = datetime.now(UTC)
    with app.state.sessionmaker() as s:
        hall = seed_demo_data(s, now)
        for i in range(1, counters + 1):
            auth.register_counter(s, hall, f"B{i:02d}", f"压测窗口{i}", COUNTER_SECRET, now)
            auth.create_user(s, username=f"bench{i:02d}", name=f"压测{i}", password=PASSWORD,
                             role="clerk", now=now, hall=hall)
        s.commit()
    app.state.engine.dispose()


def _jpeg_head() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((200, 280), 60).convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


JPEG_HEAD = _jpeg_head()


def page_bytes(n: int, size: int) -> bytes:
    """A JPEG of ``size`` bytes, different for every ``n``: a real image, then filler."""
    block = hashlib.sha256(str(n).encode()).digest()
    fill = size - len(JPEG_HEAD)
    assert fill >= 0, f"pages must be at least {len(JPEG_HEAD)} bytes"
    return JPEG_HEAD + (block * (fill // 32 + 1))[:fill]


class Answer:
    def __init__(self, status: int, body: bytes) -> None:
        self.status_code = status
        self.text = body.decode("utf-8", "replace")
        self._body = body

    def json(self) -> object:
        return json.loads(self._body)


class Client:
    """One counter's keep-alive connection."""

    def __init__(self, base: str) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.conn = http.client.HTTPConnection(host, int(port), timeout=300)
        self.headers: dict[str, str] = {}

    def request(self, method: str, path: str, *, json_body: object = None,
                data: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
        sent = {**self.headers, **(headers or {})}
        if json_body is not None:
            data = json.dumps(json_body).encode()
            sent["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=sent)
        r = self.conn.getresponse()
        return Answer(r.status, r.read())

    def post(self, path: str, json: object, headers: dict[str, str] | None = None) -> Answer:
        return self.request("POST", path, json_body=json, headers=headers)

    def put(self, path: str, data: bytes, headers: dict[str, str] | None = None) -> Answer:
        return self.request("PUT", path, data=data, headers=headers)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        #: the creations by case (round): in the first, all counters create at once
        self.rounds: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def call(self, kind: str, fn, *args, expect: tuple[int, ...] = (200, 201),
             round_: int = 0, **kw):
        t = time.perf_counter()
        r = fn(*args, **kw)
        dt = time.perf_counter() - t
        with self.lock:
            self.samples.setdefault(kind, []).append(dt)
            if round_:
                self.rounds.setdefault(f"{kind} {round_}", []).append(dt)
            if r.status_code not in expect:
                self.errors.append(f"{kind}: {r.status_code} {r.text[:200]}")
        return r


def counter(base: str, i: int, cases: int, page_size: int, rec: Recorder,
            ready: threading.Barrier, pages: int = 10) -> None:
    http = Client(base)
    r = http.post("/api/v1/auth/token", json={
        "username": f"bench{i:02d}", "password": PASSWORD, "hall": "demo",
        "counter": f"B{i:02d}", "counter_secret": COUNTER_SECRET})
    assert r.status_code == 200, r.text
    http.headers["Authorization"] = f"Bearer {r.json()['access_token']}"  # type: ignore[index]
    ready.wait()  # sign-ins (argon2, ~0.2 s of CPU each) are not part of the measurement
    http.conn.close()  # the server may have closed it while the others signed in (keep-alive)
    for c in range(cases):
        case_id = str(uuid.uuid4())
        rec.call("create case", http.post, "/api/v1/cases", round_=c + 1,
                 headers={"Idempotency-Key": str(uuid.uuid4())},
                 json={"id": case_id, "item_code": "ZJ-XK-001", "project_name": f"压测{i}-{c}",
                       "applicant": {"name": "压测单位", "phone": "13900000000"},
                       "fees": [{"code": "FS-ZJ-001", "amount": "100.00"}]})
        for p in range(1, pages + 1):
            data = page_bytes(i * 1000 + c * 10 + p, page_size)
            up = rec.call("declare page", http.post, f"/api/v1/cases/{case_id}/uploads",
                          json={"id": str(uuid.uuid4()), "section": "施工",
                                "name": f"{p:04d}.jpg", "size": len(data),
                                "sha256": hashlib.sha256(data).hexdigest()}).json()
            assert isinstance(up, dict)
            for off in range(0, len(data), CHUNK):
                rec.call("page chunk", http.put,
                         f"/api/v1/uploads/{up['id']}/chunks?offset={off}",
                         data=data[off: off + CHUNK],
                         headers={"Content-Type": "application/octet-stream"})
        rec.call("pass window", http.post, f"/api/v1/cases/{case_id}/actions",
                 json={"id": str(uuid.uuid4()), "action": "approve", "opinion": "受理"})


def cpu_seconds(match) -> float:
    """CPU seconds (user + system, with reaped children) of the processes ``match`` accepts
    (given pid, ppid and command name), from /proc; 0 where there is no /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1: raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        if match(int(entry.name), int(fields[1]), name):
            total += sum(int(x) for x in fields[11:15]) / tick
    return total


def server_cpu(pid: int) -> float:
    def ours(p: int, ppid: int, _name: str) -> bool:
        return p == pid or ppid == pid
    return cpu_seconds(ours)


def postgres_cpu() -> float:
    return cpu_seconds(lambda _p, _pp, name: name == "postgres")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_backend(name: str, counters: int, cases: int, page_size: int,
                processes: int = 1, pages_per_case: int = 10) -> dict[str, object]:
    data_dir = Path(tempfile.mkdtemp(prefix=f"hall-bench-{name}-"))
    url = None
    schema = None
    if name == "postgres":
        schema = f"hall_bench_{uuid.uuid4().hex[:8]}"
        with create_engine(PG_URL).begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    prepare(data_dir, url, counters)
    port = free_port()
    cmd = [str(ROOT / ".venv" / "bin" / "hall-server"), "--port", str(port),
           "--data-dir", str(data_dir), "--workers", str(processes)]
    if url:
        cmd += ["--database-url", url]
    log = (data_dir / "server.log").open("w")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a loaded machine starts slowly
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        else:
            raise SystemExit(f"server did not answer on {base}; see {data_dir / 'server.log'}")
        rec = Recorder()
        ready = threading.Barrier(counters + 1)
        threads = [threading.Thread(target=counter,
                                    args=(base, i, cases, page_size, rec, ready,
                                          pages_per_case))
                   for i in range(1, counters + 1)]
        for t in threads:
            t.start()
        ready.wait()
        t0 = time.perf_counter()
        cpu0 = (time.process_time(), server_cpu(server.pid), postgres_cpu())
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        cpu = [b - a for a, b in zip(cpu0, (time.process_time(), server_cpu(server.pid),
                                            postgres_cpu()), strict=True)]
    finally:
        server.terminate()
        server.wait(timeout=10)
        if schema:
            with create_engine(PG_URL).begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    everything = [x for v in rec.samples.values() for x in v]
    pages = counters * cases * pages_per_case
    print(f"\n== {name}, {processes} process(es): {counters} counters × {cases} cases × "
          f"{pages_per_case} pages of {page_size // 1000} KB, wall {wall:.1f} s, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(f"   {len(everything)} requests, {len(everything) / wall:.0f} req/s, "
          f"{pages / wall:.1f} pages/s, {pages * page_size / wall / 1e6:.2f} MB/s, "
          f"errors {len(rec.errors)}")
    print(f"   CPU seconds while loaded: clients {cpu[0]:.1f}, server {cpu[1]:.1f}, "
          f"PostgreSQL {cpu[2]:.1f} (local processes only); "
          f"server {cpu[1] / len(everything) * 1e3:.1f} ms per request")
    print(f"   {'kind':<14}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    rows = [*rec.samples.items(), ("all", everything), *rec.rounds.items()]
    for kind, v in rows:
        print(f"   {kind:<14}{len(v):>6}{statistics.median(v) * 1e3:>9.1f}"
              f"{pct(v, 95) * 1e3:>9.1f}{max(v) * 1e3:>9.1f}")
    for e in rec.errors[:5]:
        print("   error:", e)
    print(f"   server log: {data_dir / 'server.log'}")
    return {"wall": wall, "errors": len(rec.errors), "requests": len(everything)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--cases", type=int, default=3)
    parser.add_argument("--page-kb", type=int, default=85)
    parser.add_argument("--pages", type=int, default=10, help="pages per case (0: none)")
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--processes", default="1")
    args = parser.parse_args()
    failed = 0
    summary = []
    for name in args.backends.split(","):
        for n in (int(x) for x in args.processes.split(",")):
            result = run_backend(name, args.counters, args.cases, args.page_kb * 1000, n,
                                 args.pages)
            failed += int(result["errors"])  # type: ignore[call-overload]
            summary.append((name, n, result))
    print("\nthroughput:")
    for name, n, result in summary:
        print(f"   {name:<9} {n} process(es): "
              f"{result['requests'] / result['wall']:.0f} req/s"  # type: ignore[operator]
              f"  ({result['errors']} errors)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
