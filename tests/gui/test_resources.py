"""One language at a time: in English, the core's Chinese rules, errors, fee standards and
categories reach the screen in English; in Chinese they stay exactly as the core wrote them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hall_client.core import catalog
from hall_client.core.counter import SEED_CATALOG, Counter
from hall_client.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    InvalidInput,
    PermissionDenied,
    Problem,
)
from hall_client.gui.jobs import JobRunner
from hall_client.gui.login import FirstRunDialog, LoginDialog
from hall_client.gui.resources import (
    category_label,
    fee_rule_label,
    install_translator,
    method_label,
    problem_text,
    problem_where,
)
from hall_client.gui.widgets.form_dialog import error_text
from hall_client.gui.workspaces import AddPersonDialog
from tests.gui.conftest import settle, sign_in

HANZI = re.compile(r"[\u3400-\u9fff\uff08-\uff1f\u3001-\u3011]")
RULES = [f["rule"] for i in json.loads(SEED_CATALOG.read_text(encoding="utf-8"))["items"]
         for f in i["fees"]]


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translator(qapp, "en")
    yield
    install_translator(qapp, "zh_CN")


def test_fee_standards_in_chinese_are_the_printed_text() -> None:
    for rule in RULES:
        assert fee_rule_label(rule) == catalog.describe_fee_rule(rule)


def test_english_has_no_chinese_in_errors_rules_fees_and_labels(english: None) -> None:
    for exc in (AuthenticationFailed("用户名或密码错误（再错 4 次将锁定账号）"),
                AccountLocked("账号已锁定，请 15 分钟后再试"),
                PermissionDenied("王静（wangjing）没有“系统管理员”权限", code="role_required:admin"),
                InvalidInput([Problem("price", "amount_places", "最多 2 位小数：60.125")])):
        assert not HANZI.search(error_text(exc)), error_text(exc)
    # the sheet's own name is what the workbook shows, so it stays
    assert problem_where("bad.xlsx 工作表“收费”第 3 行") == 'bad.xlsx sheet "收费" row 3'
    assert problem_where("bad.json 事项 ZJ-XK-001.fees[0]") == "bad.json item ZJ-XK-001.fees[0]"
    assert problem_where("a.xlsx 工作表“收费”第 7 行（事项 ZJ-XK-001.fees[0].rule.price）") == \
        'a.xlsx sheet "收费" row 7 (item ZJ-XK-001.fees[0].rule.price)'
    assert problem_text(Problem("x", "step_limits_over_promised", "各环节……")).startswith("The")
    data_units = {"元（按处罚决定书）"}  # catalog data with no standard English
    for rule in RULES:
        text = fee_rule_label(rule)
        for data in (str(rule.get("base", "")), *data_units):
            text = text.replace(data, "") if data else text
        assert not HANZI.search(text), text
    for category in catalog.CATEGORIES:
        assert not HANZI.search(category_label(category)), category
    for method in ("cash", "transfer", "wire"):
        assert not HANZI.search(method_label(method))


def test_sign_in_never_shows_raw_exception_text(qtbot: QtBot, counter: Counter,
                                                jobs: JobRunner) -> None:
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog._failed(OSError(5, "Input/output error: disk I/O error"))
    assert "Input/output" not in dialog.message.text() and dialog.message.text()
    first = FirstRunDialog(counter, jobs)
    qtbot.addWidget(first)
    first._failed(RuntimeError("database is locked"))
    assert "database is locked" not in first.message.text() and first.message.text()


def test_english_sign_in_error(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                               english: None) -> None:
    dialog = LoginDialog(counter, jobs)
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.password.setText("wrong-password")
    dialog.submit()
    settle(qtbot, jobs)
    text = dialog.message.text()
    assert text and not HANZI.search(text), text


def test_english_add_person_refusal(qtbot: QtBot, counter: Counter, jobs: JobRunner,
                                   english: None) -> None:
    dialog = AddPersonDialog(counter, jobs, sign_in(counter, "admin"))
    qtbot.addWidget(dialog)
    dialog.username.setText("wangjing")
    dialog.full_name.setText("王二")
    dialog.password.setText("long-enough")
    dialog.repeat.setText("long-enough")
    dialog.role_boxes["clerk"].setChecked(True)
    dialog.accept()
    settle(qtbot, jobs)
    text = dialog.error_of("username")
    assert text and not HANZI.search(text), text


def test_printed_documents_keep_their_size_at_any_zoom(qapp: QApplication) -> None:
    """A clerk's 200 % zoom must not print a licence at twice the size (the documents used to
    take the widget's font, and had no hanzi at all before the app font was installed)."""
    from hall_client.gui.resources import document_font, font_families, install_font

    before = qapp.font()
    try:
        install_font(qapp, zoom=2.0)
        assert qapp.font().pointSizeF() == 21.0
        font = document_font()
        assert font.pointSizeF() == 10.0
        assert font.families() == font_families() and font.families()
    finally:
        qapp.setFont(before)
        qapp.setStyleSheet("")
