"""The camera path, fed by a generated video file standing in for a document camera."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from hall_client.cli import main
from hall_client.pages.camera import Camera, StillDetector, auto_capture
from hall_client.pages.errors import Cancelled, PageError
from tests.pages.synthetic import render_page

SIZE = (640, 480)


def _scene(page: np.ndarray, dx: int) -> np.ndarray:
    desk = np.full((SIZE[1], SIZE[0], 3), (60, 90, 130), np.uint8)
    small = cv2.resize(page, (300, 424))[:400]
    x = 170 + dx
    desk[40:440, max(0, x) : min(SIZE[0], x + 300)] = small[
        :, max(0, -x) : 300 - max(0, x + 300 - SIZE[0])
    ]
    return desk


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[np.ndarray]]:
    pages = [render_page(1), render_page(2)]
    path = tmp_path_factory.mktemp("cam") / "camera.avi"
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, SIZE)
    stills = []
    rng = np.random.default_rng(0)
    for page in pages:
        for dx in range(-300, 0, 30):  # the page slides in
            out.write(_scene(page, dx))
        still = _scene(page, 0)
        stills.append(still)
        for _ in range(15):  # held still, with sensor noise
            noise = rng.integers(-2, 3, still.shape)
            out.write(np.clip(still.astype(int) + noise, 0, 255).astype(np.uint8))
    out.release()
    return path, stills


def test_video_file_opens_through_the_camera_path(video: tuple[Path, list[np.ndarray]]) -> None:
    path, _ = video
    with Camera(str(path)) as cam:
        assert (cam.info.width, cam.info.height) == SIZE
        frame = cam.read()
        assert frame is not None and frame.shape == (SIZE[1], SIZE[0], 3)


def test_each_page_is_captured_once_when_still(video: tuple[Path, list[np.ndarray]]) -> None:
    path, stills = video
    with Camera(str(path)) as cam:
        shots = auto_capture(cam, StillDetector(still_frames=6))
    assert len(shots) == 2
    for shot, still in zip(shots, stills, strict=True):
        assert np.abs(shot.astype(int) - still.astype(int)).mean() < 6


def test_capture_can_be_cancelled(video: tuple[Path, list[np.ndarray]]) -> None:
    path, _ = video
    flag = threading.Event()
    flag.set()
    with Camera(str(path)) as cam, pytest.raises(Cancelled):
        auto_capture(cam, cancel=flag)


def test_missing_camera_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PageError) as exc:
        Camera(str(tmp_path / "no-such.avi"))
    assert exc.value.code == "camera_unavailable"


def test_capture_command_prepares_each_still_page(
    video: tuple[Path, list[np.ndarray]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    rc = main(
        [
            "pages",
            "capture",
            "--camera",
            str(video[0]),
            "--profile",
            "construction-permit",
            "--out",
            str(out),
            "--still-frames",
            "6",
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert rc == 0 and len(report["pages"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["0001.jpg", "0002.jpg"]
    assert main(["pages", "check", "--profile", "construction-permit", str(out)]) == 0
