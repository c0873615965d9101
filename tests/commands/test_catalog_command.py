"""``hall-client catalog`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hall_client.cli import main
from hall_client.core.counter import SEED_CATALOG


def test_list_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 11
    permit = next(r for r in rows if r["code"] == "ZJ-XK-001")
    assert [p["post"] for p in permit["posts"]][:4] == ["window", "dept_review", "deputy", "chief"]
    assert permit["step_limit_total"] <= permit["promised_limit_days"]


def test_show_prints_materials_fees_and_flow(data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "ZJ-XK-001"]) == 0
    out = capsys.readouterr().out
    for text in ("一次性告知单", "城市基础设施配套费", "主管领导审批", "陈浩"):
        assert text in out


def test_show_unknown_code(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "NO-SUCH"]) == 1
    assert "NO-SUCH" in capsys.readouterr().err


def test_import_over_limit_fails_and_names_item(data_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    doc["items"][0]["workflow"][2]["limit_days"] = 9
    doc["items"][3]["name"] = "改过的名字"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["catalog", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "ZJ-XK-001" in err and "step_limits_over_promised" in err and "未做任何更改" in err
    assert main(["catalog", "show", doc["items"][3]["code"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] != "改过的名字"


def test_export_import_round_trip(data_dir: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in ("json", "xlsx"):
        path = tmp_path / f"catalog.{suffix}"
        assert main(["catalog", "export", str(path)]) == 0
        assert main(["catalog", "import", str(path)]) == 0
        assert "未变 19 项" in capsys.readouterr().out


def test_import_refuses_a_non_workbook_and_a_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("这不是 Excel\n", encoding="utf-8")
    assert main(["catalog", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.xlsx" in err and "not_xlsx" in err and "Traceback" not in err
    assert main(["catalog", "import", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "not_a_file" in err and "文件不存在" not in err


@pytest.mark.parametrize("name", ["x.xlsx", "x.json"])
def test_export_to_a_missing_folder_names_the_path(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / "no-such-dir" / name
    assert main(["catalog", "export", str(target)]) == 1
    err = capsys.readouterr().err
    assert str(target) in err and "out_folder_missing" in err and "Traceback" not in err
    assert not target.parent.exists()
