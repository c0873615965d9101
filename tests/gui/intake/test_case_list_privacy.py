"""Personal information in a public hall: the case list shows a person's ID number masked
(3301**********1236), finds the case by the whole number, and the opened case shows it whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from pytestqt.qtbot import QtBot

from hall_client.core.cases.intake import record_intake
from hall_client.core.counter import Counter
from hall_client.gui.intake.case_list import CaseList, CaseListModel
from hall_client.gui.jobs import JobRunner
from tests.core.cases.helpers import CLERK, HALL, PERSON, full_intake
from tests.gui.conftest import settle, sign_in
from tests.gui.intake.test_case_list import ROWS

ID_COLUMN = CaseListModel.COLUMNS.index("applicant_id")


def test_list_masks_id_numbers_but_search_finds_them(qtbot: QtBot) -> None:
    model = CaseListModel()
    model.set_rows(ROWS, date(2026, 3, 2))
    shown = [model.data(model.index(i, ID_COLUMN)) for i in range(model.rowCount())]
    assert all(s.startswith("1101") and "**********" in s for s in shown)
    assert not any(r.applicant_id in shown for r in ROWS)
    model.set_filter(ROWS[2].applicant_id)  # the whole number still finds the case
    assert [model.row_at(i).applicant_id for i in range(model.rowCount())] == \
        [ROWS[2].applicant_id]


def test_opened_case_shows_the_whole_number(qtbot: QtBot, counter: Counter,
                                            jobs: JobRunner) -> None:
    with counter.store.transaction() as s:
        case = record_intake(s, CLERK, HALL, counter.data_dir,
                             replace(full_intake(), applicant=PERSON),
                             now=datetime(2026, 2, 12, 1, tzinfo=UTC))
    widget = CaseList(counter, jobs, sign_in(counter, "wangjing"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1, timeout=10000)
    assert widget.model.data(widget.model.index(0, ID_COLUMN)) == "1101**********002X"  # stored upper-case
    widget.show_case(case.case_number)
    settle(qtbot, jobs)
    assert PERSON.id_number.upper() in widget.detail.toPlainText()
