"""``hall-client receipt test-print`` writes a sample receipt that decodes and verifies."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from hall_client.cli import main
from hall_client.printing.signing import hall_key, verify_payload
from tests.printing.escpos_decoder import decode
from tests.printing.test_receipt_print import scan_qr


@pytest.mark.parametrize(("mode", "paper"), [("raster", "58"), ("text", "80")])
def test_test_print_to_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str, paper: str
) -> None:
    out = tmp_path / "printer.bin"
    code = main(
        ["receipt", "test-print", "--printer", f"file:{out}", "--mode", mode, "--paper", paper,
         "--json"]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["bytes"] == out.stat().st_size
    decoded = decode(out.read_bytes())
    assert decoded.errors == []
    raster = decoded.raster()
    assert raster.shape[1] == {"58": 384, "80": 576}[paper]
    key = hall_key(data_dir)  # the hall seal (was the HMAC key before issue 14)
    facts = verify_payload(scan_qr(raster), key)
    assert facts.total == Decimal("1470.50") and facts.number == "0000000000"
    if mode == "text":
        assert "人民币壹仟肆佰柒拾元伍角整" in decoded.text
    else:
        assert np.count_nonzero(raster) > 10000  # the receipt's text is really drawn


def test_test_print_bad_printer_is_a_rule_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["receipt", "test-print", "--printer", "lpt1"]) == 1
    err = capsys.readouterr().err
    assert "lpt1" in err and "printer_uri_invalid" in err


def test_test_print_bad_usage(data_dir: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["receipt", "test-print", "--printer", "file:x", "--paper", "60"])
    assert exc.value.code == 2
