"""The page workspace inside the intake (F3): pages captured from a video standing in for the
camera, imported from a PDF, reordered, one page's corners fixed, assigned to sections and
materials, the package exported and checked; then the case is accepted (F9) and holds the
pages in the new order, each under its material."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hall_client.core.counter import Counter
from hall_client.gui.jobs import JobRunner
from hall_client.store.case_models import CasePage, IntakeCase
from tests.gui.intake.test_intake_keyboard import (
    confirm_and_wait,
    focused,
    item_and_applicant,
    key,
    open_intake,
    tab_to,
    type_text,
)
from tests.gui.pages.test_page_workspace import _video, export_and_check, work_pages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_pages_then_accept(qtbot: QtBot, counter: Counter, jobs: JobRunner, tmp_path: Path) -> None:
    counter.settings.camera.device = str(_video(tmp_path / "camera.avi"))
    window, ws = open_intake(qtbot, counter, jobs)
    item_and_applicant(qtbot, ws)
    key(qtbot, Qt.Key.Key_F6)  # every material received
    for q, value in zip(ws.fees.quantity_inputs(), ("12000", "36000000"), strict=True):
        tab_to(qtbot, q.edit)  # the floor area once, then the contract price
        type_text(qtbot, value)
    key(qtbot, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: ws.page_workspace is not None, timeout=10_000)
    pages = ws.page_workspace
    assert pages is not None and pages.project == "滨江花园三期1#楼"
    order = work_pages(qtbot, jobs, pages, tmp_path, ["施工", "安全", "监督", "散墙", "施工"])
    export_and_check(qtbot, pages, tmp_path)
    materials = [e.material_position for e in pages.pages.snapshot()]
    assert ws.page_dialog is not None
    ws.page_dialog.reject()  # close the pages; they stay with the intake
    # the checklist shows the pages per material
    for pos in {p for p in materials if p is not None}:
        label = ws.material_labels[pos][0].text()
        assert f"页面 {materials.count(pos)} 张" in label, label
    window.activateWindow()
    ws.name.setFocus()
    qtbot.waitUntil(lambda: focused() is ws.name, timeout=10_000)
    confirm_and_wait(qtbot, ws, Qt.Key.Key_F9)
    result = ws.last_result
    assert result is not None and result.status == "accepted"
    with counter.store.transaction() as s:
        case = s.scalar(select(IntakeCase).where(IntakeCase.number == result.case_number))
        assert case is not None
        rows = s.scalars(
            select(CasePage).where(CasePage.case_id == case.id).order_by(CasePage.seq)
        ).all()
        # the case's pages: grouped by material in checklist order, the list's order within each
        expected = [
            sha for _pos, sha in sorted(zip(materials, order, strict=True), key=lambda t: t[0] or 0)
        ]
        assert [r.sha256 for r in rows] == expected
        assert all((counter.data_dir / r.file).is_file() for r in rows)
    assert ws.page_set is None  # the draft was handed to the case
