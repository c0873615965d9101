"""Take the page workspace screenshots in a real window under Xvfb (1024×768):

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python docs/screenshots/take_pages.py

A synthetic video stands in for the document camera (a form on a wood desk); two pages are
captured, a hard photo (a second sheet beside the page, edges unsure) is imported and shows a
red badge; then the corner editor opens on it. Saves pages-workspace.png, pages-red-badge.png
and pages-corner-editor.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent
ROOT = OUT.parents[1]
sys.path.insert(0, str(ROOT))


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    from hall_client.gui.jobs import JobRunner
    from hall_client.gui.pages.workspace import PageWorkspace
    from hall_client.gui.resources import install_font, install_translator
    from hall_client.pages.page_set import PageSet
    from hall_client.pages.profiles import get_profile
    from tests.pages.synthetic import hard_photograph, photograph, render_page

    tmp = Path(tempfile.mkdtemp(prefix="hall-pages-shots-"))
    video = tmp / "camera.avi"
    out = cv2.VideoWriter(str(video), cv2.VideoWriter.fourcc(*"MJPG"), 10, (1280, 960))
    for k in range(2):
        photo = photograph(render_page(300 + k), 800 + k, (1280, 960), desk="wood", exif=False)
        frame = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
        for _ in range(4):
            out.write(np.random.default_rng(k).integers(0, 255, frame.shape, dtype=np.uint8))
        for _ in range(300 if k else 14):
            out.write(frame)
    out.release()
    hard = tmp / "second-sheet.jpg"
    hard.write_bytes(hard_photograph("second-sheet", 20_400).jpeg)

    app = QApplication(sys.argv[:1])
    install_font(app)
    install_translator(app, sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
    jobs = JobRunner(app)
    pages = PageSet(tmp / "data", get_profile("construction-permit"))
    ws = PageWorkspace(pages, jobs, camera=str(video), project="城南小学教学楼工程",
                       materials=[(1, "建设工程规划许可证"), (2, "施工合同")])
    ws.resize(1024, 740)
    ws.show()
    ws.auto.setChecked(True)
    for _ in range(600):
        pump(app, 0.1)
        if len(pages.snapshot()) >= 2:
            break
    ws.import_files([hard])
    for _ in range(600):
        pump(app, 0.1)
        if ws.import_op is None:
            break
    jobs.wait()
    pump(app, 1.0)
    ws.list.setCurrentRow(0)
    pump(app, 0.5)
    ws.grab().save(str(OUT / "pages-workspace.png"))
    ws.list.setCurrentRow(2)
    pump(app, 0.5)
    ws.grab().save(str(OUT / "pages-red-badge.png"))
    ws.edit_corners()
    for _ in range(300):
        pump(app, 0.1)
        editor = getattr(ws, "editor", None)
        if editor is not None and editor.isVisible():
            break
    pump(app, 0.5)
    ws.editor.resize(1000, 720)
    pump(app, 0.5)
    ws.editor.grab().save(str(OUT / "pages-corner-editor.png"))
    ws.editor.reject()
    ws.close()
    jobs.wait()
    print("saved", OUT / "pages-workspace.png", os.path.getsize(OUT / "pages-workspace.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
