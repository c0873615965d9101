"""A tiny in-process S3 endpoint for tests: path-style PUT, GET (with Range), DELETE and
ListObjectsV2 (paged), every request's Signature V4 checked; objects kept in memory."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit
from xml.sax.saxutils import escape

from server_stub.services.s3store import sign

ACCESS_KEY = "HALLTESTACCESSKEY"
SECRET_KEY = "hall/test/secret/key"
REGION = "cn-east-1"
BUCKET = "hall-pages"


class FakeS3:
    def __init__(self, page_size: int = 2) -> None:
        self.objects: dict[str, bytes] = {}
        self.lock = threading.Lock()
        self.page_size = page_size  # small, so listing pages are exercised
        self.requests: list[str] = []
        self.refused = 0


def _handler(s3: FakeS3) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, status: int, body: bytes = b"", ctype: str = "application/xml",
                    extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def _error(self, status: int, code: str) -> None:
            self._answer(status, f"<Error><Code>{code}</Code></Error>".encode())

        def _signed(self, body: bytes) -> bool:
            auth = self.headers.get("Authorization", "")
            m = re.fullmatch(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/s3/"
                             r"aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})",
                             auth)
            if not m or m.group(1) != ACCESS_KEY or m.group(3) != REGION:
                return False
            names = m.group(4).split(";")
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            headers = {n: self.headers.get(n, "") for n in names
                       if n not in ("host", "x-amz-date", "x-amz-content-sha256")}
            payload = self.headers.get("x-amz-content-sha256", "")
            if payload != hashlib.sha256(body).hexdigest():
                return False
            now = datetime.strptime(self.headers.get("x-amz-date", ""), "%Y%m%dT%H%M%SZ")
            expected = sign(self.command, self.headers.get("Host", ""), parts.path, query,
                            headers, payload, ACCESS_KEY, SECRET_KEY, REGION,
                            now.replace(tzinfo=UTC))
            return expected["Authorization"] == auth

        def _route(self) -> tuple[str, str, dict[str, str]] | None:
            parts = urlsplit(self.path)
            bucket, _, key = unquote(parts.path).lstrip("/").partition("/")
            return bucket, key, dict(parse_qsl(parts.query, keep_blank_values=True))

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            s3.requests.append(f"{self.command} {self.path}")
            if not self._signed(body):
                s3.refused += 1
                return self._error(403, "SignatureDoesNotMatch")
            route = self._route()
            assert route is not None
            bucket, key, query = route
            if bucket != BUCKET:
                return self._error(404, "NoSuchBucket")
            with s3.lock:
                if self.command == "PUT" and key:
                    s3.objects[key] = body
                    return self._answer(200, extra={"ETag": '"x"'})
                if self.command == "DELETE" and key:
                    s3.objects.pop(key, None)
                    return self._answer(204)
                if self.command == "GET" and not key and query.get("list-type") == "2":
                    return self._list(query)
                if self.command == "GET" and key:
                    if key not in s3.objects:
                        return self._error(404, "NoSuchKey")
                    data = s3.objects[key]
                    rng = self.headers.get("Range")
                    if rng:
                        m = re.fullmatch(r"bytes=(\d+)-(\d+)", rng)
                        assert m, rng
                        a, b = int(m.group(1)), int(m.group(2))
                        if a >= len(data):
                            return self._error(416, "InvalidRange")
                        return self._answer(206, data[a:b + 1], "application/octet-stream")
                    return self._answer(200, data, "application/octet-stream")
            return self._error(400, "NotImplemented")

        def _list(self, query: dict[str, str]) -> None:
            prefix = query.get("prefix", "")
            keys = sorted(k for k in s3.objects if k.startswith(prefix))
            start = keys.index(query["continuation-token"]) if "continuation-token" in query \
                else 0
            page, rest = keys[start:start + s3.page_size], keys[start + s3.page_size:]
            items = "".join(f"<Contents><Key>{escape(k)}</Key><Size>{len(s3.objects[k])}</Size>"
                            "</Contents>" for k in page)
            more = (f"<IsTruncated>true</IsTruncated>"
                    f"<NextContinuationToken>{escape(rest[0])}</NextContinuationToken>"
                    if rest else "<IsTruncated>false</IsTruncated>")
            xml = ('<?xml version="1.0" encoding="UTF-8"?><ListBucketResult '
                   'xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                   f"<Name>{BUCKET}</Name><Prefix>{escape(prefix)}</Prefix>{items}{more}"
                   "</ListBucketResult>")
            self._answer(200, xml.encode())

        do_GET = do_PUT = do_DELETE = _handle

    return Handler


@contextmanager
def fake_s3(page_size: int = 2) -> Iterator[tuple[str, FakeS3]]:
    """``(endpoint URL, the fake)`` for the duration of the block."""
    s3 = FakeS3(page_size)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s3))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", s3
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
