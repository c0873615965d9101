"""The page workspace end to end: a video file stands in for the document camera.

Capture three pages (auto-capture when still), import a two-page PDF, reorder, fix one page's
corners by moving a handle, assign to the four sections, export the package; the exported
pages pass ``hall-client pages check`` in the new order. Then the bad input: a camera index
that does not exist, a 500-page PDF (progress, cancel), the disk full while exporting.
"""

from __future__ import annotations

import errno
import hashlib
import json
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hall_client.cli import main as cli_main
from hall_client.gui.jobs import JobRunner
from hall_client.gui.pages.workspace import PageWorkspace
from hall_client.pages.page_set import PageSet
from hall_client.pages.profiles import get_profile
from tests.gui.conftest import settle
from tests.pages.synthetic import photograph, render_page

PROFILE = get_profile("construction-permit")
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _video(path: Path) -> Path:
    """Three pages, each held still for a second, with a hand's motion between them."""
    out = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, (1280, 960))
    assert out.isOpened()
    rng = np.random.default_rng(1)
    for k in range(3):
        photo = photograph(render_page(100 + k), 500 + k, (1280, 960), desk="wood", exif=False)
        frame = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
        for _ in range(5):  # the page being laid down: motion
            out.write(rng.integers(0, 255, frame.shape, dtype=np.uint8))
        for _ in range(18 if k < 2 else 60):  # the last page stays until the video ends
            out.write(frame)
    out.release()
    return path


def _pdf(path: Path, pages: int, seed: int = 200) -> Path:
    ims = [
        Image.fromarray(cv2.cvtColor(render_page(seed + i % 3), cv2.COLOR_BGR2RGB))
        for i in range(min(pages, 3))
    ]
    frames = [ims[i % len(ims)] for i in range(pages)]
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=150)
    return path


def _wait_pages(
    qtbot: QtBot, jobs: JobRunner, ws: PageWorkspace, n: int, timeout: int = 120_000
) -> None:
    qtbot.waitUntil(lambda: len(ws.pages.snapshot()) >= n, timeout=timeout)
    settle(qtbot, jobs)


def work_pages(
    qtbot: QtBot, jobs: JobRunner, ws: PageWorkspace, tmp_path: Path, sections: list[str]
) -> list[str]:
    """Capture three pages from the video camera, import a PDF of two, move the last to the
    top with Ctrl+Up, fix the second page's corners by moving a handle, assign each page a
    section (and, when the workspace has materials, the material of the same row); returns the
    pages' SHA-256 in the final order."""
    ws.auto.setChecked(True)
    _wait_pages(qtbot, jobs, ws, 3)
    qtbot.waitUntil(lambda: ws.feed is None, timeout=60_000)  # the video ended: camera "lost"
    assert "保留" in ws.camera_status.text()
    assert len(ws.pages.snapshot()) == 3  # pages taken before the camera went are kept

    ws.import_files([_pdf(tmp_path / "two.pdf", 2)])
    _wait_pages(qtbot, jobs, ws, 5)
    qtbot.waitUntil(lambda: ws.import_op is None, timeout=60_000)
    assert ws.list.count() == 5

    before = [e.id for e in ws.pages.snapshot()]
    ws.list.setCurrentRow(4)
    for row in (4, 3, 2, 1):  # Ctrl+Up four times; the moved page stays selected
        assert ws.list.currentRow() == row
        qtbot.keyClick(ws.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, jobs)
    assert [e.id for e in ws.pages.snapshot()] == [before[4], *before[:4]]

    ws.list.setCurrentRow(1)
    target = ws.current()
    assert target is not None
    ws.edit_corners()
    qtbot.waitUntil(
        lambda: getattr(ws, "editor", None) is not None and ws.editor.isVisible(), timeout=30_000
    )
    old_sha = target.sha256
    x, y = ws.editor.corners()[0]
    ws.editor.move_corner(0, x + 25, y + 18)
    assert ws.editor.corners()[0] == [round(x + 25, 1), round(y + 18, 1)]
    ws.editor.accept()
    qtbot.waitUntil(lambda: ws.pages.snapshot()[1].sha256 != old_sha, timeout=60_000)
    settle(qtbot, jobs)
    fixed = ws.pages.snapshot()[1]
    assert fixed.id == target.id and fixed.method == "caller" and fixed.confirmed
    assert fixed.corners[0] == [round(x + 25, 1), round(y + 18, 1)]

    for row, e in enumerate(ws.pages.snapshot()):  # low confidence: the clerk confirms
        if e.needs_clerk:
            ws.list.setCurrentRow(row)
            ws.confirm_current()
            settle(qtbot, jobs)

    for row, section in enumerate(sections):
        ws.list.setCurrentRow(row)
        ws.list.clearSelection()
        ws.list.item(row).setSelected(True)
        ws.section.setCurrentText(section)
        ws.material.setCurrentIndex(min(row + 1, ws.material.count() - 1))
        ws.assign_selected()
        settle(qtbot, jobs)
    assert [e.section for e in ws.pages.snapshot()] == sections
    assert "✗" not in "".join(ws.list.item(i).text() for i in range(ws.list.count()))
    return [e.sha256 for e in ws.pages.snapshot()]


def export_and_check(qtbot: QtBot, ws: PageWorkspace, tmp_path: Path) -> None:
    """Export the package; unpacked, every section passes ``hall-client pages check`` and
    holds the pages in the list's order."""
    out = tmp_path / "out"
    out.mkdir()
    ws.export(out)
    qtbot.waitUntil(lambda: ws.last_export is not None, timeout=60_000)
    folder = ws.last_export
    assert folder is not None and folder.name == ws.project
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    by_section = {
        s: [e.sha256 for e in ws.pages.snapshot() if e.section == s] for s in PROFILE.sections
    }
    got = [p["sha256"] for s in manifest["sections"] for p in s["pages"]]
    assert got == [sha for s in PROFILE.sections for sha in by_section[s]]
    for s in manifest["sections"]:
        target_dir = tmp_path / "check" / s["name"]
        with zipfile.ZipFile(folder / s["zip"]) as z:
            z.extractall(target_dir)
            names = z.namelist()
        assert names == [f"{i:04d}.jpg" for i in range(1, len(names) + 1)]
        shas = [hashlib.sha256((target_dir / n).read_bytes()).hexdigest() for n in names]
        assert shas == by_section[s["name"]]
        assert (
            cli_main(["pages", "check", "--profile", "construction-permit", str(target_dir)]) == 0
        )


def test_capture_import_reorder_fix_assign_export(
    qtbot: QtBot, jobs: JobRunner, data_dir: Path, tmp_path: Path
) -> None:
    video = _video(tmp_path / "camera.avi")
    pages = PageSet(data_dir, PROFILE)
    ws = PageWorkspace(pages, jobs, camera=str(video), project="城南小学教学楼工程")
    qtbot.addWidget(ws)
    ws.resize(1024, 700)
    ws.show()
    order = work_pages(qtbot, jobs, ws, tmp_path, ["施工", "施工", "安全", "监督", "散墙"])
    export_and_check(qtbot, ws, tmp_path)
    # nothing is lost when the program closes mid-work: the draft reopens as it was
    ws.close()
    assert [e.sha256 for e in PageSet(data_dir, PROFILE, pages.id).pages] == order


def test_camera_index_that_does_not_exist(qtbot: QtBot, jobs: JobRunner, data_dir: Path) -> None:
    ws = PageWorkspace(PageSet(data_dir, PROFILE), jobs, camera=97)
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: "97" in ws.camera_status.text() and ws.feed is None, timeout=30_000)
    assert "无法打开摄像头" in ws.camera_status.text()
    ws.capture()
    assert "没有摄像头画面" in ws.message.text()


def test_delete_is_undoable_and_rotate_keeps_rules(
    qtbot: QtBot, jobs: JobRunner, data_dir: Path, tmp_path: Path
) -> None:
    pages = PageSet(data_dir, PROFILE)
    pages.import_files([_pdf(tmp_path / "two.pdf", 2)])
    ws = PageWorkspace(pages, jobs, camera=None)
    qtbot.addWidget(ws)
    first = ws.current()
    assert first is not None and ws.list.count() == 2
    ws.delete_current()
    settle(qtbot, jobs)
    assert ws.list.count() == 1 and "撤销" in ws.message.text()
    ws.undo_delete()
    settle(qtbot, jobs)
    assert ws.pages.snapshot()[0].id == first.id
    ws.list.setCurrentRow(0)
    ws.rotate_current()
    settle(qtbot, jobs)
    turned = ws.pages.snapshot()[0]
    assert (turned.width, turned.height) == (first.height, first.width)
    assert not turned.violations


def test_500_page_pdf_progress_and_cancel(
    qtbot: QtBot, jobs: JobRunner, data_dir: Path, tmp_path: Path
) -> None:
    big = _pdf(tmp_path / "big.pdf", 500)
    ws = PageWorkspace(PageSet(data_dir, PROFILE), jobs, camera=None)
    qtbot.addWidget(ws)
    ws.show()
    ws.import_files([big])
    qtbot.waitUntil(
        lambda: ws.progress.maximum() == 500 and ws.progress.value() >= 2, timeout=120_000
    )
    assert ws.cancel_button.isVisible()
    ws.cancel_import()
    qtbot.waitUntil(lambda: ws.import_op is None, timeout=120_000)
    settle(qtbot, jobs)
    kept = len(ws.pages.snapshot())
    assert 2 <= kept < 500
    assert "取消" in ws.message.text()


def test_disk_full_during_export(
    qtbot: QtBot, jobs: JobRunner, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = PageSet(data_dir, PROFILE)
    pages.import_files([_pdf(tmp_path / "four.pdf", 4)])
    for e, s in zip(pages.snapshot(), PROFILE.sections, strict=True):
        pages.assign([e.id], s)
    ws = PageWorkspace(pages, jobs, camera=None, project="工程")
    qtbot.addWidget(ws)

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("hall_client.pages.package._write_atomic", full)
    out = tmp_path / "out"
    out.mkdir()
    ws.export(out)
    qtbot.waitUntil(lambda: "磁盘已满" in ws.message.text(), timeout=60_000)
    assert ws.last_export is None
    assert len(PageSet(data_dir, PROFILE, pages.id).pages) == 4  # nothing lost
    monkeypatch.undo()
    ws.export(out)  # the work can go on
    qtbot.waitUntil(lambda: ws.last_export is not None, timeout=60_000)
