"""Resumable checksummed uploads: cut and resume, repeated chunks, wrong offsets, bad sums."""

from __future__ import annotations

import hashlib
import uuid

from .conftest import Api
from .helpers import create_case, declare, page, send, upload


def _stored(api: Api, upload_id: str) -> bytes:
    r = api.as_("wangjing", "GET", f"/api/v1/uploads/{upload_id}/content")
    assert r.status_code == 200
    return r.content


def test_cut_upload_resumes_byte_identical(api: Api) -> None:
    case = create_case(api)
    data = page(1, 85_000)
    up = declare(api, case["id"], data)
    assert up["confirmed_offset"] == 0 and not up["complete"]
    # The link drops after 40,000 bytes: the client asks where to resume.
    assert send(api, up["id"], data[:20_000], 0).json()["confirmed_offset"] == 20_000
    assert send(api, up["id"], data[20_000:40_000], 20_000).json()["confirmed_offset"] == 40_000
    state = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()
    assert state["confirmed_offset"] == 40_000
    r = send(api, up["id"], data[40_000:], state["confirmed_offset"])
    assert r.json()["complete"] is True
    assert _stored(api, up["id"]) == data


def test_repeated_chunk_is_harmless(api: Api) -> None:
    case = create_case(api)
    data = page(2, 50_000)
    up = declare(api, case["id"], data)
    send(api, up["id"], data[:25_000], 0)
    again = send(api, up["id"], data[:25_000], 0)
    assert again.status_code == 200 and again.json()["confirmed_offset"] == 25_000
    # Overlapping chunk: the known part matches, the new part is appended.
    r = send(api, up["id"], data[10_000:], 10_000)
    assert r.status_code == 200 and r.json()["complete"]
    last = send(api, up["id"], data[25_000:], 25_000)  # the reply was lost; sent again
    assert last.status_code == 200 and last.json()["complete"]
    assert _stored(api, up["id"]) == data


def test_chunk_past_confirmed_offset_is_refused(api: Api) -> None:
    case = create_case(api)
    data = page(3, 40_000)
    up = declare(api, case["id"], data)
    send(api, up["id"], data[:10_000], 0)
    r = send(api, up["id"], data[20_000:30_000], 20_000)
    assert r.status_code == 409
    assert r.json()["detail"]["code"] == "wrong_offset"
    assert r.json()["detail"]["confirmed_offset"] == 10_000
    assert api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}"
                   ).json()["confirmed_offset"] == 10_000


def test_conflicting_repeat_is_refused(api: Api) -> None:
    case = create_case(api)
    data = page(4, 30_000)
    up = declare(api, case["id"], data)
    send(api, up["id"], data[:10_000], 0)
    r = send(api, up["id"], b"x" * 10_000, 0)
    assert r.status_code == 409 and r.json()["detail"]["code"] == "chunk_conflict"


def test_wrong_whole_file_checksum_discards_everything(api: Api) -> None:
    case = create_case(api)
    data = page(5, 30_000)
    r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
        "id": str(uuid.uuid4()), "section": "施工", "name": "0001.jpg", "size": len(data),
        "sha256": hashlib.sha256(b"something else").hexdigest()})
    up = r.json()
    send(api, up["id"], data[:20_000], 0)
    r = send(api, up["id"], data[20_000:], 20_000)
    assert r.status_code == 422
    assert r.json()["detail"]["code"] == "checksum_mismatch"
    state = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()
    assert state == {**state, "confirmed_offset": 0, "complete": False}
    r = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}/content")
    assert r.status_code == 409
    files = list((api.app.state.settings.files_dir / case["id"]).iterdir())
    assert files == []


def test_chunk_checksum_header(api: Api) -> None:
    case = create_case(api)
    data = page(6, 20_000)
    up = declare(api, case["id"], data)
    r = send(api, up["id"], data[:5000], 0, **{"X-Chunk-SHA256": "0" * 64})
    assert r.status_code == 422 and r.json()["detail"]["code"] == "chunk_checksum_mismatch"
    good = hashlib.sha256(data[:5000]).hexdigest()
    r = send(api, up["id"], data[:5000], 0, **{"X-Chunk-SHA256": good})
    assert r.status_code == 200 and r.json()["confirmed_offset"] == 5000


def test_chunk_beyond_declared_size(api: Api) -> None:
    case = create_case(api)
    data = page(7, 10_000)
    up = declare(api, case["id"], data)
    r = send(api, up["id"], data + b"extra", 0)
    assert r.status_code == 422 and r.json()["detail"]["code"] == "chunk_beyond_size"
    assert api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}"
                   ).json()["confirmed_offset"] == 0


def test_path_tricks_in_file_names_are_refused(api: Api) -> None:
    case = create_case(api)
    data = page(8, 1000)
    for name in ("../../etc/passwd.jpg", "a/b.jpg", "..\\x.jpg", ".hidden.jpg", "0001.exe",
                 "/abs.jpg", "0001.jpg\x00.png"):
        r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
            "id": str(uuid.uuid4()), "section": "施工", "name": name, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()})
        assert r.status_code == 422, name
        assert r.json()["detail"]["code"] == "file_name_invalid"
    for section in ("../x", "a/b", "施工\n"):
        r = api.as_("wangjing", "POST", f"/api/v1/cases/{case['id']}/uploads", json={
            "id": str(uuid.uuid4()), "section": section, "name": "0001.jpg", "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()})
        assert r.status_code == 422, section
    assert api.as_("wangjing", "GET", f"/api/v1/cases/{case['id']}/uploads").json() == []


def test_declaring_twice_is_idempotent(api: Api) -> None:
    case = create_case(api)
    data = page(9, 5000)
    body = {"id": str(uuid.uuid4()), "section": "施工", "name": "0002.jpg", "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()}
    url = f"/api/v1/cases/{case['id']}/uploads"
    assert api.as_("wangjing", "POST", url, json=body).status_code == 201
    assert api.as_("wangjing", "POST", url, json=body).status_code == 200
    other = {**body, "id": str(uuid.uuid4())}
    r = api.as_("wangjing", "POST", url, json=other)
    assert r.status_code == 409 and r.json()["detail"]["code"] == "upload_name_taken"


def test_whole_upload_in_one_go(api: Api) -> None:
    case = create_case(api)
    data = page(10, 89_000)
    done = upload(api, case["id"], data, chunk=1 << 20)
    assert done["complete"] and _stored(api, done["id"]) == data


def test_concurrent_chunks_store_each_byte_once(any_api: Api) -> None:
    """Counters retrying in parallel: the same chunk many times, and chunks racing ahead."""
    import threading

    api = any_api
    case = create_case(api)
    data = page(11, 60_000)
    up = declare(api, case["id"], data)
    headers = {**api.login("wangjing"), "Content-Type": "application/octet-stream"}
    barrier = threading.Barrier(6)
    codes: list[int] = []

    def put(offset: int, part: bytes) -> None:
        barrier.wait()
        r = api.client.put(f"/api/v1/uploads/{up['id']}/chunks?offset={offset}", content=part,
                           headers=headers)
        codes.append(r.status_code)

    jobs = [(0, data[:20_000])] * 3 + [(20_000, data[20_000:40_000])] * 3
    threads = [threading.Thread(target=put, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(codes) <= {200, 409} and codes.count(200) >= 3
    state = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}").json()
    assert state["confirmed_offset"] in (20_000, 40_000)
    r = send(api, up["id"], data[state["confirmed_offset"]:], state["confirmed_offset"])
    assert r.json()["complete"]
    assert _stored(api, up["id"]) == data


def test_chunk_sent_as_json_is_stored_as_its_raw_bytes(api: Api) -> None:
    """The chunk body is bytes whatever the Content-Type: '"abc"' is five bytes, quotes too."""
    case = create_case(api)
    data = b'\xff\xd8\xff"abc"'  # a JPEG's first bytes, then a JSON string as the last chunk
    up = declare(api, case["id"], data, "0001.jpg")
    assert send(api, up["id"], data[:3], 0).status_code == 200
    r = send(api, up["id"], data[3:], 3, **{"Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["confirmed_offset"] == 8 and r.json()["complete"]
    got = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}/content")
    assert got.content == data
