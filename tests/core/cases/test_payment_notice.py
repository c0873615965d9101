"""The 缴款通知书 of an accepted case, from core (no Qt): fees, total in figures and in
大写, where and how to pay, the case number; no staff names."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from hall_client.core.cases.intake import record_intake
from hall_client.core.cases.queries import payment_notice
from hall_client.core.counter import Counter
from hall_client.core.errors import NotFound
from hall_client.printing.case_notices import notice_document
from tests.core.cases.helpers import CLERK, HALL, full_intake, missing_intake

NOW = datetime(2026, 9, 30, 2, tzinfo=UTC)


def test_payment_notice_content(counter: Counter) -> None:
    with counter.store.transaction() as s:
        result = record_intake(s, CLERK, HALL, counter.data_dir, full_intake(), now=NOW)
    with counter.store.transaction() as s:
        c = payment_notice(s, result.case_number, HALL, today=date(2026, 9, 30))
    assert c["case_number"] == result.case_number and c["payer"] == "某某建设有限公司"
    assert [ln["name"] for ln in c["lines"]] == ["城市基础设施配套费"]
    assert c["total_figures"] == "720,000.00" and c["total_upper"] == "人民币柒拾贰万元整"
    html, images = notice_document(c)
    assert images == {}
    for expected in ("缴款通知书", result.case_number, "720,000.00", "人民币柒拾贰万元整",
                     "收费窗口", "缴款方式", "现金", "综合窗口1号（W01）"):
        assert expected in html, expected
    assert "王静" not in html and "wangjing" not in json.dumps(c, ensure_ascii=False)


def test_no_payment_notice_without_fees(counter: Counter) -> None:
    with counter.store.transaction() as s:
        result = record_intake(s, CLERK, HALL, counter.data_dir, missing_intake(), now=NOW)
    with counter.store.transaction() as s, pytest.raises(NotFound):
        payment_notice(s, result.case_number, HALL)
