"""Nothing personal reaches the log file: ID and phone numbers are masked on the way."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from hall_client.core.logfile import configure_file_logging, stop_file_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_file_logging(tmp_path)
    yield path
    stop_file_logging()


def test_id_and_phone_numbers_are_masked_in_the_file(log_file: Path, tmp_path: Path) -> None:
    assert log_file == tmp_path / "logs" / "hall-client.log"
    log = logging.getLogger("hall_client.test")
    log.warning("applicant %s phone %s", "330106199001011236", "13812345678")
    try:
        raise ValueError("bad id 33010619900101123X")
    except ValueError:
        log.exception("failed for %s", "330106199001011236")
    text = log_file.read_text(encoding="utf-8")
    assert "3301**********1236" in text and "138****5678" in text
    assert "3301**********123X" in text  # inside the traceback too
    assert "330106199001011236" not in text and "13812345678" not in text
    assert "33010619900101123X" not in text


def test_configuring_again_replaces_the_handler(tmp_path: Path) -> None:
    first = configure_file_logging(tmp_path / "a")
    second = configure_file_logging(tmp_path / "b")
    try:
        logging.getLogger("hall_client.test").warning("hello")
        assert second.read_text(encoding="utf-8").count("hello") == 1
        assert not first.exists()
    finally:
        stop_file_logging()
