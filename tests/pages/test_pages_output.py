"""`pages prepare` output folder: earlier pages are never lost, bad targets are named."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hall_client.cli import main


def _good_page(path: Path) -> None:
    img = np.full((877, 620, 3), 250, np.uint8)
    for y in range(80, 877 - 80, 24):
        img[y : y + 10, 60 : 560 - (y % 5) * 40] = 30
    Image.fromarray(img).save(path, quality=90)


def _prepare(out: Path, *files: Path) -> int:
    return main(
        [
            "pages",
            "prepare",
            "--profile",
            "construction-permit",
            "--out",
            str(out),
            "--jobs",
            "1",
            *map(str, files),
        ]
    )


def test_zero_pages_leave_earlier_pages_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    _good_page(src / "a.jpg")
    _good_page(src / "b.jpg")
    out = tmp_path / "out"
    assert _prepare(out, src / "a.jpg", src / "b.jpg") == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(before) == ["0001.jpg", "0002.jpg"]
    bad = tmp_path / "bad.jpg"
    bad.write_text("not an image", encoding="utf-8")
    capsys.readouterr()
    assert _prepare(out, bad) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "bad.jpg" in captured.err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_unwritable_out_is_named_before_processing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _good_page(tmp_path / "a.jpg")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "sub"
    assert _prepare(out, tmp_path / "a.jpg") == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert str(out) in captured.err and "out_not_writable" in captured.err
    assert "a.jpg" not in captured.out  # stopped before any image was processed


def test_pool_writes_the_same_pages_as_one_process(tmp_path: Path) -> None:
    """Workers forked after the parent has warmed up (model, OpenCV's tables) give the very
    bytes one process gives."""
    from tests.pages.synthetic import photograph, render_page

    files = []
    for seed in range(3):
        f = tmp_path / f"photo{seed}.jpg"
        f.write_bytes(photograph(render_page(seed), 700 + seed, (1600, 1200)).jpeg)
        files.append(f)
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        args = ["pages", "prepare", "--profile", "construction-permit", "--out", str(out)]
        assert main([*args, "--jobs", jobs, *map(str, files)]) == 0
        outs[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(outs["1"]) == 3 and outs["1"] == outs["2"]


def test_a_batch_leaves_no_pool_thread_behind(tmp_path: Path) -> None:
    """The pool's manager thread is gone when the command returns: left running (``shutdown``
    without waiting) it raced the interpreter's exit for its wake-up pipe: 2 batches of 70 here
    ended with "Exception ignored ... Bad file descriptor" on stderr."""
    for i in range(3):
        _good_page(tmp_path / f"p{i}.jpg")
    args = ["pages", "prepare", "--profile", "construction-permit", "--out", str(tmp_path / "o")]
    assert main([*args, "--jobs", "2", *(str(tmp_path / f"p{i}.jpg") for i in range(3))]) == 0
    left = [t.name for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]
    assert left == []
