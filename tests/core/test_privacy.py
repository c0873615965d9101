"""Masking of ID and phone numbers for lists and logs."""

from __future__ import annotations

import logging

import pytest

from hall_client.core.privacy import PersonalDataFilter, mask_id_number, mask_phone, mask_text


@pytest.mark.parametrize(("raw", "masked"), [
    ("330106199001011236", "3301**********1236"),
    ("33010619900101123X", "3301**********123X"),
    ("330106900101123", "3301*******1123"),
    ("1234567", "*******"),
    ("", ""),
    (None, ""),
])
def test_id_numbers_keep_first_and_last_four(raw: str | None, masked: str) -> None:
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(("raw", "masked"), [
    ("13812345678", "138****5678"),
    ("0571-87654321", "*********4321"),
    ("", ""),
])
def test_phone_numbers(raw: str, masked: str) -> None:
    assert mask_phone(raw) == masked


def test_free_text_masks_ids_and_phones_but_not_case_numbers() -> None:
    text = "申请人 330106199001011236 电话 13812345678 案件 HALL-330100-2026-W01-00001 金额 1234.00"
    assert mask_text(text) == (
        "申请人 3301**********1236 电话 138****5678 案件 HALL-330100-2026-W01-00001 金额 1234.00")


def test_log_filter_masks_records(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.privacy")
    handler_filter = PersonalDataFilter()
    caplog.handler.addFilter(handler_filter)
    try:
        with caplog.at_level(logging.INFO, logger="test.privacy"):
            logger.info("signing %s with phone %s", "330106199001011236", "13812345678")
    finally:
        caplog.handler.removeFilter(handler_filter)
    assert caplog.messages == ["signing 3301**********1236 with phone 138****5678"]


def test_applicant_id_in_lists_masks_people_not_organisations() -> None:
    from hall_client.core.privacy import mask_applicant_id

    assert mask_applicant_id("330106199001011236") == "3301**********1236"
    assert mask_applicant_id("11010519491231002x") == "1101**********002x"
    assert mask_applicant_id("E12345678") == "E123*5678"  # a passport too
    assert mask_applicant_id("91330100MA2B3C4D5N") == "91330100MA2B3C4D5N"
    assert mask_applicant_id("") == ""
