"""The administrator's workspace: people checked in place, per-person actions that say why they
cannot act, and a catalog import that previews every problem before anything is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hall_client.core import auth
from hall_client.core.counter import DEMO_PASSWORD, SEED_CATALOG, Counter
from hall_client.core.errors import AuthenticationFailed
from hall_client.gui.jobs import JobRunner
from hall_client.gui.workspaces import AdminWorkspace
from tests.gui.conftest import settle, sign_in


def _yes(asked: list[str]) -> Any:
    def answer(parent: object, title: str, text: str, action: str) -> bool:
        asked.append(text)
        return True
    return answer


@pytest.fixture
def admin(qtbot: QtBot, counter: Counter, jobs: JobRunner) -> AdminWorkspace:
    ws = AdminWorkspace(counter, jobs, sign_in(counter, "admin"))
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: ws.model.total() > 0, timeout=10000)
    return ws


def _select(ws: AdminWorkspace, username: str) -> None:
    row = next(i for i in range(ws.model.total()) if ws.model.row(i).username == username)
    ws.view.selectRow(row)


def test_add_person_checks_in_place_and_keeps_input(qtbot: QtBot, admin: AdminWorkspace,
                                                    jobs: JobRunner, counter: Counter) -> None:
    dialog = admin.add_person()
    dialog.username.setText("wangjing")  # taken
    dialog.full_name.setText("王二静")
    dialog.password.setText("long-enough")
    dialog.repeat.setText("long-enough")
    dialog.accept()
    assert "至少选择一个角色" in dialog.error_of("roles")  # checked before any job
    assert dialog.isVisible()
    dialog.role_boxes["clerk"].setChecked(True)
    dialog.accept()
    settle(qtbot, jobs)
    assert "已存在" in dialog.error_of("username")
    assert dialog.isVisible()
    assert (dialog.username.text(), dialog.full_name.text(), dialog.password.text()) == \
        ("wangjing", "王二静", "long-enough")
    assert dialog.role_boxes["clerk"].isChecked()
    dialog.password.setText("short")
    dialog.accept()
    assert "至少 8 位" in dialog.error_of("password")
    dialog.password.setText("long-enough")
    dialog.username.setText("wangerjing")
    dialog.accept()
    settle(qtbot, jobs)
    assert not dialog.isVisible()
    assert auth.sign_in(counter.store.sessions, "wangerjing", "long-enough", "W01")
    qtbot.waitUntil(lambda: "王二静" in admin.messages.text(), timeout=5000)


def test_person_buttons_say_why_when_nothing_is_selected(admin: AdminWorkspace) -> None:
    for button in (admin.unlock_button, admin.reset_button, admin.roles_button,
                   admin.active_button):
        assert not button.isEnabled()
        assert button.toolTip()
    _select(admin, "wangjing")
    assert admin.reset_button.isEnabled() and admin.roles_button.isEnabled()
    assert not admin.unlock_button.isEnabled()  # not locked: says so
    assert "没有被锁定" in admin.unlock_button.toolTip()
    _select(admin, "admin")
    assert not admin.active_button.isEnabled()  # nobody disables themselves
    assert admin.active_button.toolTip()


def test_unlock_with_nothing_selected_says_why(admin: AdminWorkspace) -> None:
    admin.unlock_selected()  # e.g. from a shortcut while the button is disabled
    assert "选择" in admin.messages.text()


def test_reset_password_typed_twice(qtbot: QtBot, admin: AdminWorkspace, jobs: JobRunner,
                                    counter: Counter) -> None:
    _select(admin, "wangjing")
    dialog = admin.reset_password()
    assert dialog is not None
    dialog.password.setText("temporary-1")
    dialog.repeat.setText("temporary-2")
    dialog.accept()
    assert "不一致" in dialog.error_of("repeat") and dialog.isVisible()
    assert dialog.password.text() == "temporary-1"
    dialog.repeat.setText("temporary-1")
    dialog.accept()
    settle(qtbot, jobs)
    assert not dialog.isVisible()
    assert auth.sign_in(counter.store.sessions, "wangjing", "temporary-1", "W01")


def test_disable_then_sign_in_refused(qtbot: QtBot, admin: AdminWorkspace, jobs: JobRunner,
                                      counter: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr("hall_client.gui.workspaces.confirm", _yes(asked))
    _select(admin, "wangjing")
    admin.toggle_active()
    settle(qtbot, jobs)
    assert asked and "不能再登录" in asked[0]
    with pytest.raises(AuthenticationFailed):
        auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")
    qtbot.waitUntil(lambda: admin.active_button.text() == "启用", timeout=5000)
    admin.toggle_active()
    settle(qtbot, jobs)
    assert auth.sign_in(counter.store.sessions, "wangjing", DEMO_PASSWORD, "W01")


def test_edit_roles_refuses_dropping_own_admin(qtbot: QtBot, admin: AdminWorkspace,
                                               jobs: JobRunner, counter: Counter) -> None:
    _select(admin, "admin")
    dialog = admin.edit_roles()
    assert dialog is not None
    dialog.role_boxes["admin"].setChecked(False)
    dialog.accept()
    assert "不能取消自己的系统管理员角色" in dialog.error_of("roles") and dialog.isVisible()
    dialog.reject()
    _select(admin, "wangjing")
    dialog = admin.edit_roles()
    assert dialog is not None
    dialog.role_boxes["cashier"].setChecked(True)
    dialog.accept()
    settle(qtbot, jobs)
    assert not dialog.isVisible()
    assert "cashier" in sign_in(counter, "wangjing").roles


def _doc() -> dict[str, Any]:
    return json.loads(SEED_CATALOG.read_text(encoding="utf-8"))


def test_import_previews_all_problems_then_confirms(
        qtbot: QtBot, admin: AdminWorkspace, jobs: JobRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _doc()
    doc["items"][0]["promised_limit_days"] = 3  # below its step limits
    fee = next(f for i in doc["items"] for f in i["fees"] if f["rule"]["kind"] == "per_unit")
    fee["rule"]["price"] = "60.125"  # three decimals
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    changed: list[bool] = []
    admin.catalog_changed.connect(lambda: changed.append(True))
    admin.import_catalog(bad)
    qtbot.waitUntil(lambda: getattr(admin, "preview_dialog", None) is not None, timeout=10000)
    dialog = admin.preview_dialog
    assert dialog is not None
    text = dialog.problems.toPlainText()
    assert "step_limits_over_promised" in text and "amount_places" in text
    assert "price" in text  # names the field
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert "未导入" in admin.messages.text()
    assert not changed

    asked: list[str] = []
    monkeypatch.setattr("hall_client.gui.workspaces.confirm", _yes(asked))
    good_doc = _doc()
    good_doc["items"][0]["name"] += "（新版）"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(good_doc, ensure_ascii=False), encoding="utf-8")
    admin.preview_dialog = None
    admin.import_catalog(good)
    qtbot.waitUntil(lambda: admin.preview_dialog is not None, timeout=10000)
    dialog = admin.preview_dialog
    assert dialog is not None
    assert "新增 0 项，修改 1 项" in dialog.counts.text()
    assert not changed  # nothing written before the confirmation
    dialog.import_button.click()
    settle(qtbot, jobs)
    assert asked
    qtbot.waitUntil(lambda: bool(changed), timeout=10000)
    assert "导入完成" in admin.messages.text()
