"""Where page files live: one small interface, so an S3-compatible object store can replace
the local directory (a multipart upload per file maps onto ``write`` at offsets).

Keys are server-made (``<case uuid>/<upload uuid>``); client file names never reach a store.
The database says which bytes count (``confirmed_offset``, ``complete``); a store only keeps
bytes, so a crash between a store write and the commit leaves nothing that the next chunk
does not overwrite.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol


class FileStore(Protocol):
    def write(self, key: str, offset: int, data: bytes) -> None:
        """Make the object its first ``offset`` bytes followed by ``data``, durably."""

    def read(self, key: str, offset: int, length: int) -> bytes:
        """Up to ``length`` bytes from ``offset`` (fewer at the end; empty when absent)."""

    def sha256(self, key: str) -> str:
        """Hex SHA-256 of the whole object."""

    def stream(self, key: str) -> Iterator[bytes]:
        """The object's bytes in blocks, to serve it."""

    def delete(self, key: str) -> None:
        """Remove the object; absent is fine."""


class LocalFileStore:
    """Files under one directory, readable by the server's user only (0600 / 0700)."""

    BLOCK = 1 << 20

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"key {key!r} leaves the store")
        return path

    def _adopt_legacy(self, path: Path) -> None:
        """Servers before 0003 kept a file in progress as ``<id>.part`` and renamed it when
        complete; a crash between that rename and the commit lost the upload. Take it over."""
        legacy = path.with_name(path.name + ".part")
        if not path.exists() and legacy.exists():
            os.replace(legacy, path)

    def write(self, key: str, offset: int, data: bytes) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._adopt_legacy(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            # Bytes past the offset are leftovers of a chunk whose commit failed.
            os.ftruncate(fd, offset)
            os.lseek(fd, offset, os.SEEK_SET)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self, key: str, offset: int, length: int) -> bytes:
        path = self.path(key)
        self._adopt_legacy(path)
        try:
            with path.open("rb") as f:
                f.seek(offset)
                return f.read(length)
        except FileNotFoundError:
            return b""

    def sha256(self, key: str) -> str:
        digest = hashlib.sha256()
        for block in self.stream(key):
            digest.update(block)
        return digest.hexdigest()

    def stream(self, key: str) -> Iterator[bytes]:
        path = self.path(key)
        self._adopt_legacy(path)
        with path.open("rb") as f:
            yield from iter(lambda: f.read(self.BLOCK), b"")

    def delete(self, key: str) -> None:
        path = self.path(key)
        for candidate in (path, path.with_name(path.name + ".part")):
            candidate.unlink(missing_ok=True)
