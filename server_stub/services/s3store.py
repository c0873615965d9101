"""Page files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...).

Speaks the S3 REST API with ``requests``, path-style URLs (``<endpoint>/<bucket>/<key>``) and
Signature Version 4 (:func:`sign`), so no SDK is needed. Several server processes on several
machines can then share the page files without a shared file system.

Objects cannot be written at an offset, so a file is kept as one object per chunk, named by
the chunk's offset (``<prefix><key>/<offset:012d>``); reading and streaming join them in
order. A write at ``offset`` first removes what lies at or past it (bytes of a chunk whose
commit failed) and cuts a chunk that runs past it, like ``LocalFileStore`` truncating the file:
the database's ``confirmed_offset`` stays the only judge of which bytes count.
"""

from __future__ import annotations

import hashlib
import hmac
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

import requests

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
S3_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"


class S3Error(RuntimeError):
    """The object store answered with an error (status and its XML error code in the text)."""


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def canonical_query(query: dict[str, str]) -> str:
    return "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}"
                    for k, v in sorted(query.items()))


def sign(method: str, host: str, path: str, query: dict[str, str], headers: dict[str, str],
         payload_sha256: str, access_key: str, secret_key: str, region: str,
         now: datetime) -> dict[str, str]:
    """The headers to add for AWS Signature Version 4 (service ``s3``).

    ``path`` is the URL path exactly as sent (already percent-encoded); every header in
    ``headers`` is signed, together with ``host``, ``x-amz-date`` and
    ``x-amz-content-sha256``.
    """
    amz_date = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    signed = {k.lower(): " ".join(str(v).split()) for k, v in headers.items()}
    signed.update({"host": host, "x-amz-date": amz_date, "x-amz-content-sha256": payload_sha256})
    names = sorted(signed)
    canonical = "\n".join([
        method, path or "/", canonical_query(query),
        "".join(f"{n}:{signed[n]}\n" for n in names), ";".join(names), payload_sha256])
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode("utf-8")).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(f"AWS4{secret_key}".encode(), day), region), "s3"),
                "aws4_request")
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return {
        "x-amz-date": amz_date, "x-amz-content-sha256": payload_sha256,
        "Authorization": (f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, "
                          f"SignedHeaders={';'.join(names)}, Signature={signature}"),
    }


@dataclass(frozen=True)
class Chunk:
    offset: int
    size: int
    name: str

    @property
    def end(self) -> int:
        return self.offset + self.size


class S3FileStore:
    """``FileStore`` on an S3 bucket (see the module text for the layout)."""

    BLOCK = 1 << 20

    def __init__(self, endpoint: str, bucket: str, access_key: str, secret_key: str,
                 region: str = "us-east-1", prefix: str = "", timeout: float = 60.0) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"S3 endpoint must be an http(s) URL, not {endpoint!r}")
        self.endpoint = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.netloc
        self.bucket = bucket
        self.access_key = access_key
        self.secret_key = secret_key
        self.region = region
        self.prefix = prefix
        self.timeout = timeout
        self.http = requests.Session()

    # -- the FileStore interface ------------------------------------------------------------

    def write(self, key: str, offset: int, data: bytes) -> None:
        for chunk in self._chunks(key):
            if chunk.offset >= offset:
                self._request("DELETE", chunk.name)
            elif chunk.end > offset:
                head = self._get(chunk.name, 0, offset - chunk.offset)
                self._request("PUT", chunk.name, body=head)
        if data:
            self._request("PUT", self._chunk_name(key, offset), body=bytes(data))

    def read(self, key: str, offset: int, length: int) -> bytes:
        out = bytearray()
        position = offset
        for chunk in self._chunks(key):
            if len(out) >= length:
                break
            if chunk.end <= position:
                continue
            if chunk.offset > position:
                break  # a hole: nothing stored there
            want = min(length - len(out), chunk.end - position)
            out += self._get(chunk.name, position - chunk.offset, want)
            position += want
        return bytes(out)

    def sha256(self, key: str) -> str:
        digest = hashlib.sha256()
        for block in self.stream(key):
            digest.update(block)
        return digest.hexdigest()

    def stream(self, key: str) -> Iterator[bytes]:
        position = 0
        for chunk in self._chunks(key):
            if chunk.offset != position:
                raise S3Error(f"object {key!r} has a hole at byte {position}")
            with self._request("GET", chunk.name, stream=True) as r:
                yield from r.iter_content(self.BLOCK)
            position = chunk.end

    def delete(self, key: str) -> None:
        for chunk in self._chunks(key):
            self._request("DELETE", chunk.name)

    # -- S3 ---------------------------------------------------------------------------------

    def _chunk_name(self, key: str, offset: int) -> str:
        if not key or key.startswith("/") or ".." in key.split("/"):
            raise ValueError(f"key {key!r} leaves the store")
        return f"{self.prefix}{key}/{offset:012d}"

    def _chunks(self, key: str) -> list[Chunk]:
        """The object's chunks in order (ListObjectsV2, page by page)."""
        prefix = self._chunk_name(key, 0)[:-12]
        chunks = []
        query = {"list-type": "2", "prefix": prefix}
        while True:
            r = self._request("GET", "", query=query)
            root = ET.fromstring(r.content)
            for item in root.iter(f"{S3_NS}Contents"):
                name = item.findtext(f"{S3_NS}Key", "")
                tail = name[len(prefix):]
                if len(tail) == 12 and tail.isdigit():
                    chunks.append(Chunk(int(tail), int(item.findtext(f"{S3_NS}Size", "0")), name))
            token = root.findtext(f"{S3_NS}NextContinuationToken")
            if root.findtext(f"{S3_NS}IsTruncated") != "true" or not token:
                break
            query = {**query, "continuation-token": token}
        return sorted(chunks, key=lambda c: c.offset)

    def _get(self, name: str, start: int, length: int) -> bytes:
        if length <= 0:
            return b""
        r = self._request("GET", name, headers={"Range": f"bytes={start}-{start + length - 1}"})
        return r.content[:length]

    def _request(self, method: str, name: str, *, query: dict[str, str] | None = None,
                 body: bytes = b"", headers: dict[str, str] | None = None,
                 stream: bool = False) -> requests.Response:
        path = "/" + quote(self.bucket, safe="~") + ("/" + quote(name, safe="/~") if name else "")
        query = query or {}
        headers = dict(headers or {})
        payload = hashlib.sha256(body).hexdigest() if body else EMPTY_SHA256
        headers.update(sign(method, self.host, path, query, headers, payload, self.access_key,
                            self.secret_key, self.region, datetime.now(UTC)))
        url = self.endpoint + path + ("?" + canonical_query(query) if query else "")
        r = self.http.request(method, url, data=body if method == "PUT" else None,
                              headers=headers, timeout=self.timeout, stream=stream)
        if r.status_code not in (200, 204, 206):
            text = r.text[:300]
            r.close()
            raise S3Error(f"{method} {path}: {r.status_code} {text}")
        return r
