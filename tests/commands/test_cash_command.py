"""The cashier's day on the command line: stock, assess, open, pay, print, reprint, X, Z."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from hall_client.cli import main
from tests.printing.escpos_decoder import decode


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code = main(["--demo", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_cashier_day_on_the_command_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "receipt", "stock", "receive", "--code", "33010126", "--start", "0000000101",
        "--end", "0000000200")
    run(capsys, "receipt", "stock", "issue", "--code", "33010126", "--to", "qianfang",
        "--count", "50")
    due = run(capsys, "cash", "assess", "--clerk", "wangjing", "--item", "ZJ-XK-001",
              "--case", "C-2026-0100", "--payer", "某公司", "--value", "FS-ZJ-001=100",
              "--value", "FS-ZJ-002=100", "--value", "FS-ZJ-003=100",
              "--skip", "FS-ZJ-004")
    assert due["total"] == "6900.00"
    run(capsys, "cash", "open", "--cashier", "qianfang", "--float", "200")
    paid = run(capsys, "cash", "pay", "--cashier", "qianfang", "--assessment", due["id"],
               "--cash", "900", "--transfer", "6000:BK001", "--tendered", "1000")
    assert (paid["number"], paid["change"]) == ("0000000101", "100.00")
    out = tmp_path / "p.bin"
    printed = run(capsys, "receipt", "print", "--cashier", "qianfang", "--code", "33010126",
                  "--number", "0000000101", "--printer", f"file:{out}", "--mode", "text")
    assert printed["total"] == "6900.00"
    text = decode(out.read_bytes()).text
    assert "0000000101" in text and "人民币陆仟玖佰元整" in text
    run(capsys, "receipt", "reprint", "--cashier", "qianfang", "--id", paid["receipt"],
        "--printer", f"file:{out}", "--mode", "text")
    assert "重打 第1次" in decode(out.read_bytes()).text
    png = tmp_path / "preview.png"
    shown = run(capsys, "receipt", "preview", "--id", paid["receipt"], "--out", str(png),
                "--paper", "80")
    with Image.open(png) as image:
        assert image.size == (576, shown["height"])
    x = run(capsys, "cash", "report", "--cashier", "qianfang")
    assert x["expected_cash"] == "1100.00" and x["reprints"] == 1
    slip = tmp_path / "z.bin"
    z = run(capsys, "cash", "close", "--cashier", "qianfang", "--count", "100=11",
            "--printer", f"file:{slip}", "--mode", "text")
    assert z["difference"] == "0.00"
    z_text = decode(slip.read_bytes()).text
    assert "Z 结账" in z_text and "1100.00" in z_text and "收费员签字" in z_text
    stock = run(capsys, "receipt", "stock", "report")
    assert stock[0]["printed"] == 1 and stock[0]["in_stock"] == 50


def test_cash_commands_report_broken_rules(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--demo", "cash", "report", "--cashier", "qianfang"]) == 1
    assert "session_not_open" in capsys.readouterr().err
    assert main(["--demo", "cash", "open", "--cashier", "qianfang", "--float", "-5"]) == 1
    assert "amount_negative" in capsys.readouterr().err
    assert main(["--demo", "cash", "open", "--cashier", "wangjing", "--float", "5"]) == 1
    assert "role_required:cashier" in capsys.readouterr().err
    assert main(["--demo", "cash", "close", "--cashier", "qianfang", "--count", "100"]) == 1
    assert "count_format" in capsys.readouterr().err
    assert main(["--demo", "receipt", "stock", "receive", "--code", "33010126", "--start",
                 "0000000001", "--end", "00001"]) == 1
    assert "receipt_number_invalid" in capsys.readouterr().err


@pytest.mark.parametrize("item", ["100=²", "100=99999999999999999999999", "100=٣"])
def test_close_refuses_odd_piece_counts(
    data_dir: Path, capsys: pytest.CaptureFixture[str], item: str
) -> None:
    assert main(["--demo", "cash", "open", "--cashier", "qianfang", "--float", "5"]) == 0
    capsys.readouterr()
    assert main(["--demo", "cash", "close", "--cashier", "qianfang", "--count", item]) == 1
    err = capsys.readouterr().err
    assert "count_format" in err and item in err and "Traceback" not in err


def test_reports_on_the_command_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    test_cashier_day_on_the_command_line(data_dir, tmp_path, capsys)
    daily = run(capsys, "cash", "daily", "--xlsx", str(tmp_path / "d.xlsx"),
                "--printer", f"file:{tmp_path / 'daily.bin'}")
    assert decode((tmp_path / "daily.bin").read_bytes()).rasters  # a raster slip
    assert daily[-1]["收费员"] == "全厅合计" and daily[-1]["合计"] == "6900.00"
    assert load_workbook(tmp_path / "d.xlsx").sheetnames[0].startswith("日结清")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")
    bank = tmp_path / "bank.csv"
    bank.write_text(f"日期,流水号,金额\n{today},BK001,6000.00\n{today},ZZZ,1.00\n",
                    encoding="utf-8")
    code = main(["--demo", "cash", "weekly", "--bank", str(bank), "--from", "2000-01-01",
                 "--to", "2099-12-31", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1  # something unmatched
    assert result["matched"] == 1 and result["bank_only"][0][2] == "ZZZ"
    month = run(capsys, "cash", "monthly", "--month", today[:7], "--xlsx",
                str(tmp_path / "m.xlsx"))
    assert month["total"] == "6900.00" and len(month["lines"]) == 3
    assert main(["--demo", "cash", "monthly", "--month", "2026-13"]) == 1
    assert "month_format" in capsys.readouterr().err


def test_void_refund_and_stock_commands_need_a_supervisor(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    run(capsys, "receipt", "stock", "receive", "--code", "33010126", "--start", "0000000001",
        "--end", "0000000100")
    run(capsys, "receipt", "stock", "issue", "--code", "33010126", "--to", "qianfang",
        "--count", "10")
    dues = [run(capsys, "cash", "assess", "--clerk", "wangjing", "--item", "WJ-XK-001",
                "--case", f"C-{n}", "--payer", "某店")["id"] for n in range(2)]
    run(capsys, "cash", "open", "--cashier", "qianfang", "--float", "0")
    paid = [run(capsys, "cash", "pay", "--cashier", "qianfang", "--assessment", d,
                "--cash", "200")["payment"] for d in dues]
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main(["--demo", "cash", "void", "--cashier", "qianfang", "--payment", paid[0],
                 "--reason", "录错", "--supervisor", "zhouyan", "--password-stdin"]) == 1
    assert "authentication_failed" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    voided = run(capsys, "cash", "void", "--cashier", "qianfang", "--payment", paid[0],
                 "--reason", "录错", "--supervisor", "zhouyan", "--password-stdin")
    assert voided["status"] == "voided" and voided["approved_by"] == "zhouyan"
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    refund = run(capsys, "cash", "refund", "--cashier", "qianfang", "--payment", paid[1],
                 "--amount", "50", "--reason", "多收", "--supervisor", "zhouyan",
                 "--password-stdin")
    assert refund["amount"] == "50.00" and refund["payment"] == paid[1]
    issue = run(capsys, "receipt", "stock", "issues", "--cashier", "qianfang")[0]
    assert issue["next"] == "0000000003"
    pending = run(capsys, "receipt", "pending", "--cashier", "qianfang")
    assert [p["number"] for p in pending] == ["0000000002"]  # number 1 was voided → 作废
    run(capsys, "receipt", "spoil", "--cashier", "qianfang", "--id", pending[0]["id"],
        "--reason", "卡纸", "--reissue")
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))
    run(capsys, "receipt", "stock", "write-off", "--issue", issue["id"], "--cashier",
        "qianfang", "--reason", "受潮", "--supervisor", "zhouyan", "--password-stdin")
    stock = run(capsys, "receipt", "stock", "report")[0]
    assert (stock["spoiled"], stock["pending"], stock["unused_with_cashiers"]) == (9, 1, 0)


def test_receipt_verify_detects_forgery(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import cv2

    from hall_client.printing.raster import read_qr

    cv2.setNumThreads(0)  # no OpenCV worker threads for later tests' forked processes
    test_cashier_day_on_the_command_line(data_dir, tmp_path, capsys)
    png = tmp_path / "preview.png"
    genuine = run(capsys, "receipt", "verify", "--image", str(png))
    assert genuine["genuine"] and genuine["in_books"] and genuine["number"] == "0000000101"
    text = read_qr(cv2.imread(str(png), 0))
    forged = text.replace("|6900.00|", "|690.00|")
    assert forged != text
    assert main(["--demo", "receipt", "verify", "--payload", forged, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result == {"genuine": False, "code": "receipt_qr_forged",
                      "message": "二维码签名不符：票据可能伪造或被涂改"}
    assert main(["--demo", "receipt", "verify", "--image", str(tmp_path / "p.bin")]) == 1
    assert "image_unreadable" in capsys.readouterr().err


@pytest.mark.parametrize("report", [["daily"], ["monthly", "--month", "2026-11"]])
def test_report_xlsx_to_a_missing_folder_names_the_path(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], report: list[str]
) -> None:
    target = tmp_path / "no-such-dir" / "r.xlsx"
    assert main(["--demo", "cash", *report, "--xlsx", str(target)]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "out_folder_missing" in err and "Traceback" not in err
