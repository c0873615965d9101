"""The document camera's live picture, read on a background thread (the window never waits).

The thread reads frames from ``pages.camera.Camera`` (a device index, or a video file standing
in for one), finds the sheet on a small copy every few frames, and hands the newest frame and
its outline to the GUI through a queued signal. When the page has been still for a moment it
says so once (auto-capture). A camera that disappears ends the thread with a message; frames
already captured are the workspace's, not the thread's.
"""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
from PySide6.QtCore import QObject, Signal

from hall_client.pages.camera import Camera, StillDetector
from hall_client.pages.detect import find_page
from hall_client.pages.errors import PageError


class CameraFeed(QObject):
    frame = Signal(object, object)  # BGR frame, corners (4×2, frame pixels) or None
    still = Signal()  # the page came to rest: capture it
    lost = Signal(str)  # the camera went away or could not be opened (message for the clerk)

    def __init__(self, source: int | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._latest: np.ndarray | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop reading and release the camera (waits for the thread)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def latest(self) -> np.ndarray | None:
        with self._lock:
            return None if self._latest is None else self._latest.copy()

    def _run(self) -> None:
        try:
            camera = Camera(self.source)
        except PageError as exc:
            self.lost.emit(exc.message)
            return
        is_file = isinstance(self.source, str) and not self.source.isdigit()
        fps = camera._cap.get(cv2.CAP_PROP_FPS) if camera._cap is not None else 0.0
        delay = 1.0 / fps if is_file and fps and fps < 120 else 0.0
        detector = StillDetector(still_frames=6)
        corners: np.ndarray | None = None
        n = 0
        try:
            while not self._stop.is_set():
                t0 = time.monotonic()
                frame = camera.read()
                if frame is None:
                    self.lost.emit(
                        f"摄像头 {self.source} 没有画面了（已断开或视频结束）；已拍的页面都保留着"
                    )
                    return
                with self._lock:
                    self._latest = frame
                if n % 5 == 0:
                    small = cv2.resize(frame, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
                    quad = find_page(small)
                    corners = None if quad is None or quad.confidence < 0.5 else quad.corners * 2
                n += 1
                self.frame.emit(frame, corners)
                if detector.feed(frame):
                    self.still.emit()
                if delay:
                    time.sleep(max(0.0, delay - (time.monotonic() - t0)))
        finally:
            camera.close()
