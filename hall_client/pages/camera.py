"""Document cameras (高拍仪) through ``cv2.VideoCapture``; still-page detection for auto-capture.

A camera is named by index (a UVC device) or by a file path or URL, so that a video file stands
in for the camera in tests through the same code path. For a device the backend is chosen per
platform (DirectShow then Media Foundation on Windows, V4L2 on Linux), MJPG is requested
(uncompressed YUYV cannot reach full resolution over USB 2) and the largest mode the device
accepts is negotiated by asking for sizes from the top down and reading back what it set.
``StillDetector`` watches small grey copies of the frames: after motion, once the picture has
stayed still for a number of frames, it fires once, then waits for motion again (the next page).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from hall_client.pages.errors import Cancelled, PageError
from hall_client.pages.pipeline import CancelFlag

#: Sizes asked of a device, largest first (document cameras reach 4–16 MP in MJPG).
MODES = (
    (4656, 3496),
    (4208, 3120),
    (4000, 3000),
    (3840, 2160),
    (3264, 2448),
    (2592, 1944),
    (2048, 1536),
    (1920, 1080),
    (1600, 1200),
    (1280, 720),
    (640, 480),
)


def _device_backends() -> list[int]:
    if sys.platform.startswith("win"):
        return [cv2.CAP_DSHOW, cv2.CAP_MSMF, cv2.CAP_ANY]
    if sys.platform.startswith("linux"):
        return [cv2.CAP_V4L2, cv2.CAP_ANY]
    return [cv2.CAP_ANY]


@dataclass(frozen=True)
class CameraInfo:
    """What was opened: the source, the backend and the frame size it delivers."""

    source: str
    backend: str
    width: int
    height: int


class Camera:
    """A document camera or a video file/URL standing in for one."""

    def __init__(self, source: int | str, largest: bool = True) -> None:
        self._cap: cv2.VideoCapture | None = None
        device = isinstance(source, int) or (isinstance(source, str) and source.isdigit())
        backends = _device_backends() if device else [cv2.CAP_FFMPEG, cv2.CAP_ANY]
        target: int | str = int(source) if device else str(source)
        for backend in backends:
            cap = cv2.VideoCapture(target, backend)
            if cap.isOpened():
                self._cap = cap
                break
            cap.release()
        if self._cap is None:
            raise PageError(
                "camera_unavailable",
                f"无法打开摄像头或视频：{source}",
                f"cv2.VideoCapture could not open {source!r}",
                str(source),
            )
        if device:
            self._cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
            if largest:
                self._negotiate()
        self.info = CameraInfo(
            str(source),
            self._cap.getBackendName(),
            int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
            int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        )

    def _negotiate(self) -> None:
        assert self._cap is not None
        for w, h in MODES:
            self._cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
            self._cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
            got = (
                int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
                int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
            )
            if got == (w, h):
                return

    def read(self) -> np.ndarray | None:
        """The next full-resolution frame (BGR), or None at the end of a file."""
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        return frame if ok else None

    def frames(self) -> Iterator[np.ndarray]:
        while (frame := self.read()) is not None:
            yield frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None

    def __enter__(self) -> Camera:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class StillDetector:
    """Fires once each time the picture comes to rest after moving (a new page laid down)."""

    def __init__(
        self, still_frames: int = 8, still_level: float = 1.5, motion_level: float = 6.0
    ) -> None:
        self.still_frames = still_frames
        self.still_level = still_level
        self.motion_level = motion_level
        self._prev: np.ndarray | None = None
        self._still = 0
        self._armed = True  # the first rest counts, later ones need motion in between

    def feed(self, frame: np.ndarray) -> bool:
        """Take one frame; True when this frame should be captured."""
        grey = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        h, w = grey.shape
        s = 160.0 / max(h, w)
        small = cv2.resize(
            grey, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA
        )
        small = cv2.GaussianBlur(small, (5, 5), 0).astype(np.float32)
        prev, self._prev = self._prev, small
        if prev is None:
            return False
        change = float(np.mean(np.abs(small - prev)))
        if change >= self.motion_level:
            self._armed = True
        if change < self.still_level:
            self._still += 1
        else:
            self._still = 0
        if self._armed and self._still >= self.still_frames:
            self._armed = False
            return True
        return False


def auto_capture(
    camera: Camera,
    detector: StillDetector | None = None,
    limit: int = 0,
    max_frames: int = 0,
    cancel: CancelFlag | None = None,
) -> list[np.ndarray]:
    """Frames captured each time a page comes to rest, until the source ends or ``limit``.

    ``max_frames`` bounds how many frames are read (0: no bound); ``cancel.is_set()`` stops the
    loop with Cancelled.
    """
    detector = detector or StillDetector()
    shots: list[np.ndarray] = []
    for n, frame in enumerate(camera.frames(), 1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if detector.feed(frame):
            shots.append(frame)
            if limit and len(shots) >= limit:
                break
        if max_frames and n >= max_frames:
            break
    return shots
