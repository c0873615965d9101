"""``hall-client case`` through the real entry point: the issue's JSON, list, show, notice,
and bad files that change nothing."""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdfium2
import pytest

from hall_client.cli import main
from hall_client.pages.pipeline import prepare_image
from hall_client.pages.profiles import get_profile
from hall_client.pages.validate import check_page
from tests.pages.synthetic import photograph, render_page

REQUIRED_REST = ["建设工程规划许可证", "中标通知书及施工合同", "施工图设计文件审查合格书", "建设资金已经落实承诺书",
                 "安全生产文明施工措施及安全监督登记表", "项目负责人安全生产考核合格证书", "工程质量监督登记表",
                 "监理合同及总监理工程师任命书", "散装水泥专项资金及新型墙体材料专项基金预缴凭证", "施工图纸（全套）"]


def issue_example() -> dict[str, Any]:
    """The JSON of the issue, word for word."""
    return {"item": "ZJ-XK-001", "project_name": "县行政服务中心二期工程", "decision": "accept",
            "applicant": {"kind": "organisation", "name": "某某建设有限公司", "id_type": "uscc",
                          "id_number": "91330100MA2B3C4D5N", "phone": "13800000000",
                          "contact": "王五"},
            "materials": [{"name": "建筑工程施工许可证申请表", "form": "original", "copies": 1,
                           "pages": ["p1.jpg", "p2.jpg"]}],
            "fees": [{"code": "FS-ZJ-001", "quantity": "12000"}]}


def write(tmp_path: Path, doc: Any, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@functools.cache
def compliant_jpeg() -> bytes:
    return prepare_image(render_page(3), get_profile("construction-permit")).encoded.data


@pytest.fixture
def cheap_pages(tmp_path: Path) -> None:
    for name in ("p1.jpg", "p2.jpg"):
        (tmp_path / name).write_bytes(compliant_jpeg())


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, bytes]:
    """p1.jpg already passes the profile (stored as given); p2.jpg is a desk photo."""
    good = compliant_jpeg()
    photo = photograph(render_page(4), 4).jpeg
    (tmp_path / "p1.jpg").write_bytes(good)
    (tmp_path / "p2.jpg").write_bytes(photo)
    return {"p1.jpg": good, "p2.jpg": photo}


def accept(tmp_path: Path, doc: Any, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["case", "accept", str(write(tmp_path, doc)), "--json"]) == 0, \
        capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def test_issue_example_with_every_required_material(data_dir: Path, tmp_path: Path,
                                                     pages: dict[str, bytes],
                                                     capsys: pytest.CaptureFixture[str],
                                                     intake_clock: datetime) -> None:
    doc = issue_example()
    doc["materials"] += [{"name": n} for n in REQUIRED_REST]
    out = accept(tmp_path, doc, capsys)
    assert out["status"] == "accepted" and out["case_number"].endswith("-W01-00001")
    # accepted Thu 12 Feb 2026: 7 working days across the Spring Festival
    assert len(out["query_code"]) == 8 and out["promised_date"] == "2026-02-28"

    assert main(["case", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"case_number": out["case_number"], "status": "accepted",
                     "item": "ZJ-XK-001", "item_name": "建筑工程施工许可证核发",
                     "applicant": "某某建设有限公司", "promised_date": out["promised_date"],
                     "warning": rows[0]["warning"]}]
    assert main(["case", "list", "--json", "--status", "refused"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    assert main(["case", "show", out["case_number"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    first, second = shown["pages"]
    stored = [(data_dir / p["file"]).read_bytes() for p in shown["pages"]]
    assert [hashlib.sha256(b).hexdigest() for b in stored] == [first["sha256"], second["sha256"]]
    assert stored[0] == pages["p1.jpg"]  # compliant: stored as given
    assert stored[1] != pages["p2.jpg"]  # a photo: prepared by the page pipeline
    profile = get_profile("construction-permit")
    assert check_page(data_dir / second["file"], profile).ok

    pdf = tmp_path / "notice.pdf"
    assert main(["case", "notice", out["case_number"], "--out", str(pdf)]) == 0
    text = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    for expected in (out["case_number"], out["query_code"], "受理通知书"):
        assert expected in text
    y, m, d = (int(x) for x in out["promised_date"].split("-"))
    assert f"{y}年{m}月{d}日" in text
    assert "重打" not in text
    assert main(["case", "notice", out["case_number"], "--out", str(pdf), "--reprint"]) == 0
    assert "重打" in pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()


def test_issue_example_as_written_is_accepted(data_dir: Path, tmp_path: Path, cheap_pages: None,
                                              capsys: pytest.CaptureFixture[str],
                                              intake_clock: datetime) -> None:
    """The issue's JSON word for word: the materials it does not name are taken as received."""
    out = accept(tmp_path, issue_example(), capsys)
    assert out["status"] == "accepted" and out["promised_date"] == "2026-02-28"
    assert len(out["query_code"]) == 8
    assert main(["case", "show", out["case_number"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [p["sha256"] for p in shown["pages"]] == [hashlib.sha256(compliant_jpeg()).hexdigest()] * 2
    assert all(m["state"] == "received" for m in shown["materials"] if m["required"])


def test_unlisted_materials_missing_refuses_acceptance(
        data_dir: Path, tmp_path: Path, cheap_pages: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    doc = issue_example()
    doc["unlisted_materials"] = "missing"
    assert main(["case", "accept", str(write(tmp_path, doc))]) == 1
    err = capsys.readouterr().err
    assert "required_material_missing" in err and "补正" in err
    doc["decision"] = "correction"
    out = accept(tmp_path, doc, capsys)
    assert out["status"] == "correction" and out["query_code"] is None
    assert main(["case", "list"]) == 0
    assert "待补正" in capsys.readouterr().out
    doc["unlisted_materials"] = "lost"
    assert main(["case", "accept", str(write(tmp_path, doc, "bad.json"))]) == 1
    assert "unlisted_materials" in capsys.readouterr().err


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d.update(item="NO-SUCH"), "item"),
    (lambda d: d.update(item_version=7), "item"),
    (lambda d: d.pop("applicant"), "applicant"),
    (lambda d: d["applicant"].pop("id_number"), "applicant.id_number"),
    (lambda d: d["applicant"].update(name=12), "applicant.name"),
    (lambda d: d["applicant"].update(name="某" * 5_000_000), "applicant.name"),
    (lambda d: d["materials"][0].update(copies="one"), "materials[0].copies"),
    (lambda d: d["materials"][0].update(pages="p1.jpg"), "materials[0].pages"),
    (lambda d: d["materials"][0].update(pages=["nope.jpg"]), "materials[0].pages"),
    (lambda d: d["materials"][0].update(name="不存在的材料"), "materials[0].name"),
    (lambda d: d["fees"][0].update(quantity=12000.5), "fees[0].quantity"),
    (lambda d: d.update(decision="approve"), "decision"),
    (lambda d: d.update(colour="red"), "(顶层)"),
])
def test_bad_json_names_the_field_and_saves_nothing(
        data_dir: Path, tmp_path: Path, cheap_pages: None,
        capsys: pytest.CaptureFixture[str], mutate: Any, field: str) -> None:
    doc = issue_example()
    doc["materials"] += [{"name": n} for n in REQUIRED_REST]
    mutate(doc)
    path = write(tmp_path, doc)
    assert main(["case", "accept", str(path)]) == 1
    err = capsys.readouterr().err
    assert field in err and "未做任何更改" in err
    assert len(err) < 2000  # the 10 MB name is not echoed back
    assert main(["case", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not (data_dir / "pages").exists()


def test_broken_json_file(data_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"item": "ZJ-XK-001",', encoding="utf-8")
    assert main(["case", "accept", str(path)]) == 1
    assert "json_syntax" in capsys.readouterr().err
    assert main(["case", "show", "NO-SUCH-NUMBER"]) == 1
    assert "NO-SUCH-NUMBER" in capsys.readouterr().err
