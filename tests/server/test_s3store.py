"""The S3-compatible page store: Signature V4 against AWS's published example, the store
against a fake S3 endpoint (same answers as the local directory store), and the upload
protocol through the API with pages in the object store."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from server_stub.core.config import Settings
from server_stub.main import make_file_store
from server_stub.services.filestore import LocalFileStore
from server_stub.services.s3store import S3Error, S3FileStore, sign

from .conftest import Api
from .fake_s3 import ACCESS_KEY, BUCKET, REGION, SECRET_KEY, FakeS3, fake_s3
from .helpers import create_case, declare, page, send

KEY = "0f0e0d0c-0000-4000-8000-000000000001/0f0e0d0c-0000-4000-8000-000000000002"


def test_signature_matches_the_aws_example() -> None:
    """'GET Object' example of the S3 SigV4 documentation (header-based authentication)."""
    headers = sign("GET", "examplebucket.s3.amazonaws.com", "/test.txt", {},
                   {"Range": "bytes=0-9"}, hashlib.sha256(b"").hexdigest(),
                   "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                   "us-east-1", datetime(2013, 5, 24, tzinfo=UTC))
    assert headers["Authorization"] == (
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")


@pytest.fixture
def s3() -> Iterator[tuple[S3FileStore, FakeS3]]:
    with fake_s3() as (endpoint, fake):
        yield S3FileStore(endpoint, BUCKET, ACCESS_KEY, SECRET_KEY, REGION,
                          prefix="pages/"), fake


def test_store_answers_like_the_local_directory(s3: tuple[S3FileStore, FakeS3],
                                               tmp_path: Path) -> None:
    store, fake = s3
    local = LocalFileStore(tmp_path)
    rng = random.Random(11)
    data = rng.randbytes(200_000)
    offset = 0
    # Chunks of varying size, some sent again, some cut short (a commit that failed: the
    # next chunk goes to the old offset), as the upload protocol does.
    while offset < len(data):
        size = rng.choice([1, 7_000, 16_384, 40_000])
        end = min(len(data), offset + size)
        for s in (store, local):
            s.write(KEY, offset, data[offset:end])
        if rng.random() < 0.3:
            offset = max(0, offset - rng.choice([0, 1, 500]))  # resend from a bit earlier
            continue
        offset = end
        for s in (store, local):
            assert s.read(KEY, 0, offset) == data[:offset]
    for a, n in ((0, 10), (199_990, 100), (5_000, 50_000), (250_000, 10), (16_383, 2)):
        assert store.read(KEY, a, n) == local.read(KEY, a, n) == data[a:a + n]
    assert store.sha256(KEY) == local.sha256(KEY) == hashlib.sha256(data).hexdigest()
    assert b"".join(store.stream(KEY)) == data
    assert all(name.startswith("pages/") for name in fake.objects)
    store.delete(KEY)
    assert fake.objects == {} and store.read(KEY, 0, 10) == b""
    store.delete(KEY)  # absent is fine


def test_write_at_an_earlier_offset_drops_what_lies_past_it(
        s3: tuple[S3FileStore, FakeS3]) -> None:
    store, fake = s3
    store.write(KEY, 0, b"a" * 10)
    store.write(KEY, 10, b"b" * 10)
    store.write(KEY, 20, b"c" * 10)
    store.write(KEY, 15, b"d" * 3)  # the commit of the chunks at 10 and 20 failed
    assert store.read(KEY, 0, 100) == b"a" * 10 + b"b" * 5 + b"d" * 3
    assert sorted(len(v) for v in fake.objects.values()) == [3, 5, 10]


def test_wrong_secret_is_refused(s3: tuple[S3FileStore, FakeS3]) -> None:
    store, fake = s3
    thief = S3FileStore(store.endpoint, BUCKET, ACCESS_KEY, "not-the-secret", REGION)
    with pytest.raises(S3Error, match="403"):
        thief.write(KEY, 0, b"x")
    assert fake.refused >= 1 and fake.objects == {}


def test_keys_cannot_leave_the_prefix(s3: tuple[S3FileStore, FakeS3]) -> None:
    store, _fake = s3
    for key in ("../x", "/abs", "a/../../b", ""):
        with pytest.raises(ValueError):
            store.write(key, 0, b"x")


def test_settings_choose_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(make_file_store(Settings(data_dir=tmp_path)), LocalFileStore)
    monkeypatch.setenv("HALL_SERVER_S3_ACCESS_KEY", ACCESS_KEY)
    monkeypatch.setenv("HALL_SERVER_S3_SECRET_KEY", SECRET_KEY)
    store = make_file_store(Settings(data_dir=tmp_path, file_store="s3://bucket/some/prefix/",
                                     s3_endpoint="https://s3.example.cn", s3_region=REGION))
    assert isinstance(store, S3FileStore)
    assert (store.bucket, store.prefix, store.endpoint, store.region) == (
        "bucket", "some/prefix/", "https://s3.example.cn", REGION)
    with pytest.raises(ValueError, match="file_store"):
        make_file_store(Settings(data_dir=tmp_path, file_store="ftp://x"))
    monkeypatch.delenv("HALL_SERVER_S3_SECRET_KEY")
    with pytest.raises(ValueError, match="HALL_SERVER_S3_SECRET_KEY"):
        make_file_store(Settings(data_dir=tmp_path, file_store="s3://bucket",
                                 s3_endpoint="https://s3.example.cn"))


def test_uploads_through_the_api_land_in_the_object_store(
        api: Api, s3: tuple[S3FileStore, FakeS3]) -> None:
    store, fake = s3
    api.app.state.file_store = store
    case = create_case(api)
    data = page(7, 85_000)
    up = declare(api, case["id"], data)
    assert send(api, up["id"], data[:30_000], 0).json()["confirmed_offset"] == 30_000
    again = send(api, up["id"], data[:30_000], 0)  # a repeated chunk is harmless
    assert again.status_code == 200 and again.json()["confirmed_offset"] == 30_000
    done = send(api, up["id"], data[30_000:], 30_000)
    assert done.status_code == 200 and done.json()["complete"], done.text
    r = api.as_("wangjing", "GET", f"/api/v1/uploads/{up['id']}/content")
    assert r.status_code == 200 and r.content == data
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert sum(len(v) for v in fake.objects.values()) == len(data)
    assert not [p for p in api.app.state.settings.files_dir.rglob("*") if p.is_file()]
