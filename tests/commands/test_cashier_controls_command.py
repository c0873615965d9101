"""Issue 13 on the command line: each finding as the auditor tried it, now refused or marked."""

from __future__ import annotations

import io
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hall_client.cli import main
from hall_client.core.counter import open_counter
from tests.printing.escpos_decoder import decode

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *argv: str) -> dict:
    code = main(["--demo", *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def refused(capsys: Capture, *argv: str) -> str:
    """Run a command that must be refused (exit 1); return its error output."""
    code = main(["--demo", *argv])
    out, err = capsys.readouterr()
    assert code == 1, out
    return err + out


def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo1234\n"))


def day(capsys: Capture, *, blind: bool = False, float_: str = "500") -> None:
    run(capsys, "receipt", "stock", "receive", "--code", "33010126", "--start", "0000000001",
        "--end", "0000000200")
    run(capsys, "receipt", "stock", "issue", "--code", "33010126", "--to", "qianfang",
        "--count", "50")
    run(capsys, "receipt", "stock", "issue", "--code", "33010126", "--to", "sunli",
        "--count", "50")
    run(capsys, "cash", "open", "--cashier", "qianfang", "--float", float_,
        *(["--blind"] if blind else []))


def assess(capsys: Capture, case: str) -> str:
    """WJ-XK-001 charges 200.00."""
    return str(run(capsys, "cash", "assess", "--clerk", "wangjing", "--item", "WJ-XK-001",
                   "--case", case, "--payer", "某店")["id"])


def pay(capsys: Capture, case: str, *parts: str) -> dict:
    return run(capsys, "cash", "pay", "--cashier", "qianfang", "--assessment",
               assess(capsys, case), *(parts or ("--cash", "200")))


def printed(capsys: Capture, receipt: str, out: Path) -> dict:
    return run(capsys, "receipt", "print", "--cashier", "qianfang", "--id", receipt,
               "--printer", f"file:{out}", "--mode", "text")


def test_blind_count_stays_blind_on_the_command_line(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    day(capsys, blind=True, float_="517")
    paid = pay(capsys, "C-1")
    printed(capsys, paid["receipt"], tmp_path / "r.bin")
    x = run(capsys, "cash", "report", "--cashier", "qianfang")
    assert x["opening_float"] is None and x["expected_cash"] is None
    assert x["net"]["cash"] is None and x["taken"]["cash"] is None
    assert main(["--demo", "cash", "report", "--cashier", "qianfang",
                 "--printer", f"file:{tmp_path / 'x.bin'}", "--mode", "text"]) == 0
    shown = capsys.readouterr().out + decode((tmp_path / "x.bin").read_bytes()).text
    assert "517" not in shown and "717" not in shown and "200.00" not in shown
    # a wrong count is saved as counted: no error, no expected figure before the save
    code = main(["--demo", "cash", "close", "--cashier", "qianfang", "--count", "100=7"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "717.00" in out and "差异待值班主任确认" in out  # after the save, all is shown
    password(monkeypatch)
    ack = run(capsys, "cash", "acknowledge", "--session", "1", "--reason", "少收17元待查",
              "--supervisor", "zhouyan", "--password-stdin")
    assert ack == {"session": 1, "difference": "-17.00", "acknowledged_by": "zhouyan"}


def test_a_close_difference_needs_a_supervisor_on_the_command_line(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    day(capsys)
    err = refused(capsys, "cash", "close", "--cashier", "qianfang", "--count", "100=4",
                  "--reason", "少了")
    assert "approval_required" in err
    password(monkeypatch)
    z = run(capsys, "cash", "close", "--cashier", "qianfang", "--count", "100=4", "--reason",
            "少了", "--supervisor", "zhouyan", "--password-stdin")
    assert (z["difference"], z["acknowledged_by"]) == ("-100.00", "zhouyan")


def test_spoil_needs_role_own_stock_and_approval(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    day(capsys)
    paid = pay(capsys, "C-1")
    printed(capsys, paid["receipt"], tmp_path / "r.bin")
    spoil = ["receipt", "spoil", "--id", paid["receipt"], "--reason", "作废"]
    assert "role_required:cashier" in refused(capsys, *spoil, "--cashier", "wangjing")
    assert "approval_required" in refused(capsys, *spoil, "--cashier", "qianfang", "--reissue")
    password(monkeypatch)
    assert "receipt_not_own" in refused(capsys, *spoil, "--cashier", "sunli", "--reissue",
                                        "--supervisor", "zhouyan", "--password-stdin")
    password(monkeypatch)
    assert "spoil_leaves_payment_without_receipt" in refused(
        capsys, *spoil, "--cashier", "qianfang", "--supervisor", "zhouyan", "--password-stdin")
    password(monkeypatch)
    new = run(capsys, *spoil, "--cashier", "qianfang", "--reissue", "--supervisor", "zhouyan",
              "--password-stdin")
    assert new["new_number"] == "0000000002"
    # the first cashier's close sees the new pending receipt of her payment
    assert "receipts_pending" in refused(capsys, "cash", "close", "--cashier", "qianfang",
                                         "--count", "100=7")


def test_voided_receipt_does_not_verify_as_valid(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from hall_client.printing.issue import load_receipt
    from hall_client.printing.signing import hall_key, qr_payload

    day(capsys)
    paid = pay(capsys, "C-1")
    printed(capsys, paid["receipt"], tmp_path / "r.bin")
    counter = open_counter(data_dir)
    try:
        receipt = load_receipt(counter.store.transaction, paid["receipt"], hall_code=counter
                               .settings.hall.id, hall_name=counter.settings.hall.name)
    finally:
        counter.close()
    payload = qr_payload(receipt, hall_key(data_dir))
    assert run(capsys, "receipt", "verify", "--payload", payload)["valid"]
    password(monkeypatch)
    run(capsys, "cash", "void", "--cashier", "qianfang", "--payment", paid["payment"],
        "--reason", "录错", "--supervisor", "zhouyan", "--password-stdin")
    out = refused(capsys, "receipt", "verify", "--payload", payload)
    assert "作废" in out and "真票" not in out
    assert main(["--demo", "receipt", "verify", "--payload", payload, "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["genuine"], result["valid"], result["standing"]) == (True, False, "作废")
    assert "receipt_not_printed" in refused(
        capsys, "receipt", "reprint", "--cashier", "qianfang", "--id", paid["receipt"],
        "--printer", f"file:{tmp_path / 'again.bin'}")


def test_one_paper_per_number_and_roles_on_print(
        data_dir: Path, capsys: Capture, tmp_path: Path) -> None:
    day(capsys)
    paid = pay(capsys, "C-1")
    assert "role_required:cashier" in refused(
        capsys, "receipt", "print", "--cashier", "wangjing", "--id", paid["receipt"],
        "--printer", f"file:{tmp_path / 'clerk.bin'}")
    printed(capsys, paid["receipt"], tmp_path / "first.bin")
    second = tmp_path / "second.bin"
    assert "receipt_not_pending" in refused(
        capsys, "receipt", "print", "--cashier", "qianfang", "--id", paid["receipt"],
        "--printer", f"file:{second}")
    assert not second.exists()
    assert "receipt_not_printing" in refused(capsys, "receipt", "release", "--cashier",
                                             "qianfang", "--id", paid["receipt"])
    again = run(capsys, "receipt", "reprint", "--cashier", "qianfang", "--id", paid["receipt"],
                "--printer", f"file:{second}", "--mode", "text")
    assert again["reprint"] == 1 and "重打 第1次" in decode(second.read_bytes()).text


def test_stock_rules_on_the_command_line(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    day(capsys)
    issue = ["receipt", "stock", "issue", "--code", "33010126", "--count", "5"]
    assert "person_not_found" in refused(capsys, *issue, "--to", "nobody")
    assert "receiver_not_cashier" in refused(capsys, *issue, "--to", "wangjing")
    issues = run(capsys, "receipt", "stock", "issues", "--cashier", "qianfang")
    password(monkeypatch)
    assert "role_required:supervisor" in refused(
        capsys, "receipt", "stock", "write-off", "--issue", issues[0]["id"], "--cashier",
        "wangjing", "--reason", "丢失", "--supervisor", "zhouyan", "--password-stdin")


def test_one_case_and_one_bank_reference_pay_once(data_dir: Path, capsys: Capture) -> None:
    day(capsys)
    pay(capsys, "C-1", "--transfer", "200:BK0001")
    assert "case_already_assessed" in refused(
        capsys, "cash", "assess", "--clerk", "wangjing", "--item", "WJ-XK-001", "--case", "C-1",
        "--payer", "某店")
    due = assess(capsys, "C-2")
    assert "payment_reference_used" in refused(
        capsys, "cash", "pay", "--cashier", "qianfang", "--assessment", due,
        "--wire", "200:BK0001")


def test_refund_goes_back_the_way_it_came_on_a_numbered_slip(
        data_dir: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    day(capsys)
    paid = pay(capsys, "C-1", "--cash", "100", "--wire", "100:DH0001")
    printed(capsys, paid["receipt"], tmp_path / "r.bin")
    refund = ["cash", "refund", "--cashier", "qianfang", "--payment", paid["payment"],
              "--reason", "多收", "--supervisor", "zhouyan", "--password-stdin"]
    password(monkeypatch)
    assert "refund_method_differs" in refused(capsys, *refund, "--amount", "150")
    password(monkeypatch)
    slip_file = tmp_path / "slip.bin"
    done = run(capsys, *refund, "--amount", "150", "--method-reason", "对方账户已销户",
               "--printer", f"file:{slip_file}", "--mode", "text")
    assert done["slip"] == "TK00000001" and done["receipts"] == "33010126-0000000001"
    slip = decode(slip_file.read_bytes()).text
    assert "退款凭证 TK00000001" in slip and "对方账户已销户" in slip and "150.00" in slip
    reprint = tmp_path / "reprint.bin"
    run(capsys, "receipt", "reprint", "--cashier", "qianfang", "--id", paid["receipt"],
        "--printer", f"file:{reprint}", "--mode", "text")
    assert "已退款 150.00 元" in decode(reprint.read_bytes()).text


def test_reductions_print_on_the_receipt(data_dir: Path, capsys: Capture, tmp_path: Path) -> None:
    from hall_client.core import cashier
    from hall_client.core.fees import Reduction, assess, parse_fee_item
    from tests.core.cashier_helpers import CLERK

    day(capsys)
    item = parse_fee_item({"code": "FS-T-009", "name": "登记费", "basis": "收费依据",
                           "rule": {"kind": "fixed", "amount": "200.00"}})
    cut = Reduction("percent", "小微企业", "财税〔2026〕12号", Decimal("50"))
    counter = open_counter(data_dir)
    try:
        with counter.store.transaction() as s:
            due = cashier.queue_assessment(s, CLERK, case_ref="C-R", item_code="X",
                                           department="RSJ", payer="某公司",
                                           assessment=assess([item], {}, {"FS-T-009": cut}))
            due_id = due.id
    finally:
        counter.close()
    paid = run(capsys, "cash", "pay", "--cashier", "qianfang", "--assessment", due_id,
               "--cash", "100")
    out = tmp_path / "r.bin"
    printed(capsys, paid["receipt"], out)
    text = decode(out.read_bytes()).text
    assert "减免50%：小微企业" in text and "财税〔2026〕12号" in text and "-100.00" in text


def test_parsing_slips_are_refused(data_dir: Path, capsys: Capture) -> None:
    err = refused(capsys, "cash", "open", "--cashier", "qianfang", "--float", "5,00")
    assert "amount_separator_invalid" in err and "备用金" in err
    day(capsys)
    for value in ("1e3", "1_000"):
        assert "fee_input_invalid" in refused(
            capsys, "cash", "assess", "--clerk", "wangjing", "--item", "ZJ-XK-001", "--case",
            f"C-{value}", "--payer", "某公司", "--value", f"FS-ZJ-001={value}",
            "--value", "FS-ZJ-002=1", "--value", "FS-ZJ-003=1", "--skip", "FS-ZJ-004")
    due = assess(capsys, "C-9")
    assert "change_too_large" in refused(capsys, "cash", "pay", "--cashier", "qianfang",
                                         "--assessment", due, "--cash", "200",
                                         "--tendered", "20000")


def test_weekly_reads_a_gbk_statement_and_reports_bad_lines(
        data_dir: Path, capsys: Capture, tmp_path: Path) -> None:
    day(capsys)
    pay(capsys, "C-1", "--transfer", "200:BK0001")
    pay(capsys, "C-2", "--wire", "200:DH0002")
    today = datetime.now(ZoneInfo("Asia/Shanghai"))
    bank = tmp_path / "工行流水.csv"
    bank.write_bytes((
        "账号：1202021109000123456\n"
        "交易日期,凭证号,借方发生额,贷方发生额,对方户名\n"
        f"{today:%Y-%m-%d} 10:31:05,BK0001,,￥200.00,某店\n"
        f"{today:%Y/%m/%d} 10:40:00,DH0002,,\"200.00\",某店\n"
        "2026-13-01 10:00:00,X,,1.00,某人\n"
    ).encode("gbk"))
    code = main(["--demo", "cash", "weekly", "--bank", str(bank), "--from", f"{today:%Y-%m-%d}",
                 "--to", f"{today:%Y-%m-%d}", "--json"])
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert code == 1  # one line could not be read
    assert result["matched"] == 2 and result["bank_only"] == [] and result["ours_only"] == []
    assert result["problems"][0][0].endswith("工行流水.csv:5") and "bank_csv_date" in err
