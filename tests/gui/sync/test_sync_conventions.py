"""DESIGN §9 findings of the walkers on the sync screens (issue 16), one test each."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hall_client.gui.sync.notices import NoticeBar
from hall_client.gui.sync.service import Snapshot
from hall_client.gui.sync.status_bar import SyncStatusBar
from hall_client.sync.engine import SyncStatus
from hall_client.sync.views import NoticeRow
from tests.gui.walkers.checks import CJK, check_clipped
from tests.gui.walkers.walk import language


def _unregistered(online: bool) -> Snapshot:
    return Snapshot(SyncStatus(registered=False, url="http://127.0.0.1:8700", online=online,
                               plain_http=False, pending=0, pending_bytes=0, parked=0,
                               conflicts=0, last_success=None, last_pass=None,
                               first_error=None))


def test_sync_status_fits_a_1024_status_bar_in_english(qtbot: QtBot) -> None:
    """'Central server: not connected (this counter is not registered; data stays local)'
    made the sync part 852 px wide: with the user and the counter the window could not be
    1024 px wide, and the text was cut off."""
    with language("en"):
        bar = SyncStatusBar()
        qtbot.addWidget(bar)
        for online in (False, True):
            bar.show_snapshot(_unregistered(online))
            bar.resize(bar.minimumSizeHint())
            bar.show()
            assert bar.minimumSizeHint().width() <= 500
            assert check_clipped(bar) == []
            assert "not registered" in bar.state.toolTip()  # the whole story, on demand


def test_another_program_syncing_fits_and_is_said_in_english(qtbot: QtBot) -> None:
    snap = _unregistered(True)
    assert snap.status is not None
    snap.status.registered, snap.elsewhere = True, True
    with language("en"):
        bar = SyncStatusBar()
        qtbot.addWidget(bar)
        bar.show_snapshot(snap)
        bar.resize(bar.minimumSizeHint())
        bar.show()
        assert bar.last.text() == "Syncing in another program"
        assert "sync run" in bar.last.toolTip() and "Not synced yet" in bar.last.toolTip()
        assert not CJK.search(bar.last.text() + bar.last.toolTip())
        assert check_clipped(bar) == []


def test_notice_brackets_follow_the_language(qtbot: QtBot) -> None:
    """The notice put Chinese brackets around the reviewer's words in English too."""
    notice = NoticeRow("n1", "c1", "ZJ-2026-00112", "correction", "需要补正：缺少施工合同")
    with language("en"):
        bar = NoticeBar()
        qtbot.addWidget(bar)
        bar.show_snapshot(Snapshot(None, [notice]))
        text = bar.text.text()
    assert text.endswith("case ZJ-2026-00112 (缺少施工合同)")
    assert not CJK.search(text.replace("缺少施工合同", ""))


def test_every_outbox_kind_has_a_name() -> None:
    """A parked message shows what it is in words, never its internal kind (issue 16)."""
    import re
    from importlib.resources import files
    from pathlib import Path

    from hall_client.gui.sync.dialogs import KIND_NAMES

    root = Path(str(files("hall_client")))
    sent = set()
    for path in (*root.glob("core/**/*.py"), *root.glob("sync/**/*.py")):
        sent |= set(re.findall(r"outbox\.\w+\([^)]*?\"([a-z]+\.[a-z_]+)\"", path.read_text("utf-8"),
                               flags=re.S))
    assert sent, "no outbox kinds found: the pattern no longer matches the code"
    assert sent <= set(KIND_NAMES), sorted(sent - set(KIND_NAMES))
