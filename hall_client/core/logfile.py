"""The counter's log file: ``logs/hall-client.log`` under the data directory, rotated, and
with every ID number and phone number masked before it is written (personal-information rules:
nothing personal goes to the log files)."""

from __future__ import annotations

import logging
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from hall_client.core.privacy import PersonalDataFilter, mask_text

LOG_NAME = "hall-client.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handler: logging.Handler | None = None


class MaskingFormatter(logging.Formatter):
    """Masks the whole formatted record, tracebacks included (the filter sees the message
    only)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_text(super().format(record))


class _RotatingFile(RotatingFileHandler):
    """Creates the ``logs`` folder with the first record, not before (a command that logs
    nothing leaves the data directory as it was)."""

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def configure_file_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Send the program's log records to the rotating file under ``data_dir`` (replacing the
    file handler set up earlier, if any) and return the file's path."""
    global _handler
    path = log_path(data_dir)
    root = logging.getLogger()
    stop_file_logging()
    handler = _RotatingFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                  encoding="utf-8", delay=True)
    handler.addFilter(PersonalDataFilter())
    handler.setFormatter(MaskingFormatter(_FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    return path


def stop_file_logging() -> None:
    """Close the log file (at exit, and before switching to another data directory)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
