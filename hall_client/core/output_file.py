"""Output files (exports, reports): refuse a bad target at once and never leave a traceback.

A missing or read-only folder is reported before any work is done, naming the path; an
OSError while writing becomes InvalidInput naming the path, and the half-written temporary
file is removed, so an existing file at the target is left as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hall_client.core.errors import InvalidInput, Problem


def check_target(path: Path) -> None:
    """Refuse an output path whose folder is missing or not writable, or that is a folder."""
    parent = path.parent
    if not parent.is_dir():
        raise InvalidInput([Problem(str(path), "out_folder_missing",
                                    f"输出文件夹不存在：{parent}")])
    if path.is_dir():
        raise InvalidInput([Problem(str(path), "out_is_folder", "输出路径是文件夹，应为文件")])
    if not os.access(parent, os.W_OK):
        raise InvalidInput([Problem(str(path), "out_not_writable",
                                    f"输出文件夹不可写入：{parent}")])


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` for a temporary file beside path, then move it into place."""
    check_target(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput([Problem(str(path), "write_failed",
                                    f"无法写入文件：{exc.strerror or exc}")]) from exc
