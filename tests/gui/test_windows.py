"""Sign-in dialog, main window workspaces, catalog browser and audit workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from hall_client.core.counter import DEMO_PASSWORD, Counter
from hall_client.gui.catalog_browser import CatalogBrowser
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import LoginDialog
from hall_client.gui.main_window import MainWindow
from tests.gui.conftest import settle, sign_in


def test_login_rejects_then_accepts(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: "用户名或密码错误" in dialog.message.text())
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.submit()
    assert dialog.actor is not None and dialog.actor.username == "wangjing"


def test_empty_fields_are_refused_without_a_job(qtbot: QtBot, counter: Counter,
                                                jobs: JobRunner) -> None:
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.message.text() == "请输入用户名和密码"


def _tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_workspaces_follow_roles(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    clerk = MainWindow(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(clerk)
    assert _tab_titles(clerk) == ["窗口受理", "受理件", "出件", "事项目录"]
    admin = MainWindow(counter, jobs, sign_in(counter, "admin"))
    qtbot.addWidget(admin)
    assert _tab_titles(admin) == ["监察", "管理", "事项目录"]
    settle(qtbot, jobs)
    assert "系统管理员（系统管理员、值班主任）" in admin.user_label.text()  # name, then roles
    assert "W01" in admin.counter_label.text()
    qtbot.waitUntil(lambda: "未连接" in admin.server_label.text(), timeout=10000)


def test_catalog_search_detail_and_pdf(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                       tmp_path: Path) -> None:
    browser = CatalogBrowser(counter, jobs)
    qtbot.addWidget(browser)
    qtbot.waitUntil(lambda: browser.model.total() >= 11, timeout=10000)
    browser.search.setText("住房和城乡建设局")
    qtbot.waitUntil(lambda: browser.model.total() == 2, timeout=10000)
    browser.show_code("ZJ-XK-001")
    qtbot.waitUntil(lambda: browser.current_code == "ZJ-XK-001", timeout=10000)
    text = browser.detail.toPlainText()
    for expected in ("建筑工程施工许可证核发", "施工图设计文件审查合格书", "城市基础设施配套费",
                     "主管领导审批", "承诺时限"):
        assert expected in text
    pdf = tmp_path / "notice.pdf"
    job = browser.print_to_pdf(pdf)
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"WenQuanYi" in data or b"WQY" in data.upper()  # the bundled CJK font is embedded


def test_audit_workspace_verifies_chain(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> None:
    window = MainWindow(counter, jobs, sign_in(counter, "zhouyan"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.audit.model.total() > 0, timeout=10000)
    assert window.audit.model.row(0).action == "auth.sign_in"  # newest first
    window.audit.verify()
    qtbot.waitUntil(lambda: "校验通过" in window.audit.status.text(), timeout=10000)


def test_first_run_creates_the_administrator(qtbot: QtBot, data_dir: Path,
                                             jobs: JobRunner) -> None:
    from hall_client.core.counter import open_counter
    from hall_client.gui.login import FirstRunDialog, needs_first_run

    fresh = open_counter(data_dir)
    try:
        assert needs_first_run(fresh)
        dialog = FirstRunDialog(fresh, jobs)
        qtbot.addWidget(dialog)
        dialog.full_name.setText("张三")
        dialog.password.setText("first-admin-pw")
        dialog.repeat.setText("different")
        dialog.submit()
        assert "不一致" in dialog.message.text()
        dialog.repeat.setText("first-admin-pw")
        with qtbot.waitSignal(dialog.accepted, timeout=10000):
            dialog.submit()
        assert not needs_first_run(fresh)
        from hall_client.core import auth

        admin = auth.sign_in(fresh.store.sessions, "admin", "first-admin-pw", "W01")
        assert {"admin", "supervisor"} <= admin.roles
    finally:
        fresh.close()


def test_admin_imports_catalog_all_or_nothing(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from hall_client.core.counter import SEED_CATALOG

    monkeypatch.setattr("hall_client.gui.workspaces.confirm", lambda *a, **k: True)
    window = MainWindow(counter, jobs, sign_in(counter, "admin"))
    qtbot.addWidget(window)
    doc = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    doc["items"][0]["promised_limit_days"] = 3  # below its step limits
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window.admin.import_catalog(bad)
    qtbot.waitUntil(lambda: window.admin.preview_dialog is not None, timeout=10000)
    preview = window.admin.preview_dialog
    assert preview is not None
    assert "step_limits_over_promised" in preview.problems.toPlainText()
    assert not preview.import_button.isEnabled()
    preview.reject()
    assert "未导入任何内容" in window.admin.catalog_status.text()
    doc["items"][0]["promised_limit_days"] = 7
    doc["items"][0]["name"] = "建筑工程施工许可证核发（新版）"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window.admin.preview_dialog = None
    window.admin.import_catalog(good)
    qtbot.waitUntil(lambda: window.admin.preview_dialog is not None, timeout=10000)
    preview = window.admin.preview_dialog
    assert preview is not None
    preview.import_button.click()
    qtbot.waitUntil(lambda: "导入完成" in window.admin.catalog_status.text(), timeout=10000)
    qtbot.waitUntil(lambda: any(window.catalog.model.row(i).name.endswith("（新版）")
                                for i in range(window.catalog.model.total())), timeout=10000)
    qtbot.waitUntil(lambda: any(window.catalog.model.row(i).name.endswith("（新版）")
                                for i in range(window.catalog.model.total())), timeout=10000)
