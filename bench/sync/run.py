"""Sync throughput: the engine against raw ``requests`` uploads of the same bytes, same run.

Run: ``.venv/bin/python bench/sync/run.py [CASES] [PAGES] [BYTES]`` (default 100 × 10 × 85,000).
One real hall-server on loopback (SQLite). Raw: one ``requests.Session``, for each case
``POST /cases`` then per page declare + one ``PUT`` chunk, no outbox, no bookkeeping. Engine:
the same cases queued in a counter's outbox (files on disk) and pushed by ``SyncEngine``
(per-message transactions with synchronous=FULL, Idempotency-Keys, chunk checksums, 4 uploads
in flight). Prints both throughputs and their ratio.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hall_client.sync.engine import SyncEngine
from tests.sync.live import (
    PASSWORD,
    LiveServer,
    enqueue_case,
    make_counter,
    page_bytes,
)


def raw_upload(server: LiveServer, cases: int, pages: int, size: int) -> float:
    token = server.token("liqiang", "C02")
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    start = time.perf_counter()
    for i in range(cases):
        case_id = str(uuid.uuid4())
        r = s.post(server.url + "/api/v1/cases", json={
            "id": case_id, "item_code": "ZJ-XK-001", "item_version": 1,
            "case_number": f"RAW-{i:05d}", "project_name": f"raw {i}",
            "accepted_at": datetime.now(UTC).isoformat(),
            "applicant": {"name": f"申请人{i}"}, "materials": [],
            "fees": [{"code": "FS-ZJ-001", "amount": "600.00"}]})
        r.raise_for_status()
        for p in range(1, pages + 1):
            data = page_bytes(50_000 + i, p, size)
            up = str(uuid.uuid4())
            s.post(server.url + f"/api/v1/cases/{case_id}/uploads", json={
                "id": up, "section": "施工", "name": f"{p:04d}.jpg", "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest()}).raise_for_status()
            r = s.put(server.url + f"/api/v1/uploads/{up}/chunks", params={"offset": 0},
                      data=data, headers={"Content-Type": "application/octet-stream"})
            r.raise_for_status()
            assert r.json()["complete"]
    return time.perf_counter() - start


def engine_upload(server: LiveServer, tmp: Path, cases: int, pages: int, size: int) -> float:
    counter = make_counter(tmp / "counter", server.url)
    for i in range(cases):
        enqueue_case(counter, i, pages=pages, size=size)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    start = time.perf_counter()
    result = engine.run_once(wait_up_to=30, pull=False)
    took = time.perf_counter() - start
    assert result.push.delivered == cases * (pages + 1), result
    engine.close()
    counter.close()
    return took


def main(cases: int = 100, pages: int = 10, size: int = 85_000) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        server = LiveServer(Path(tmp) / "server")
        server.start()
        try:
            raw = raw_upload(server, cases, pages, size)
            eng = engine_upload(server, Path(tmp), cases, pages, size)
        finally:
            server.stop()
    total = cases * pages * size
    print(f"{cases} cases × {pages} pages × {size} B = {total / 1e6:.1f} MB")
    print(f"raw requests : {raw:6.1f} s  {total / raw / 1e6:5.2f} MB/s  "
          f"{cases * pages / raw:6.1f} pages/s")
    print(f"sync engine  : {eng:6.1f} s  {total / eng / 1e6:5.2f} MB/s  "
          f"{cases * pages / eng:6.1f} pages/s")
    print(f"engine / raw = {raw / eng:.2f}×")
    return 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    sys.exit(main(*args))
