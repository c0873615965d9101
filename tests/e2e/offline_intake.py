"""Cases accepted through ``hall-client case accept`` while the server is down (shared by the
end-to-end test and ``bench/sync/e2e.py``)."""

from __future__ import annotations

import functools
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

from hall_client.cli import main
from hall_client.pages.pipeline import prepare_image
from hall_client.pages.profiles import get_profile
from tests.pages.synthetic import render_page

MATERIALS = ["建筑工程施工许可证申请表", "建设工程规划许可证", "中标通知书及施工合同", "施工图设计文件审查合格书",
             "建设资金已经落实承诺书", "安全生产文明施工措施及安全监督登记表", "项目负责人安全生产考核合格证书",
             "工程质量监督登记表", "监理合同及总监理工程师任命书", "散装水泥专项资金及新型墙体材料专项基金预缴凭证",
             "施工图纸（全套）"]


@functools.cache
def compliant_jpeg() -> bytes:
    return prepare_image(render_page(3), get_profile("construction-permit")).encoded.data


def distinct_page(tag: str) -> bytes:
    """The compliant page with a JPEG comment naming it: same pixels, its own bytes."""
    base = compliant_jpeg()
    text = tag.encode()
    return base[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + base[2:]


def accept_cases(work: Path, data_dir: Path, cases: int, pages: int) -> list[dict[str, Any]]:
    """Accept ``cases`` construction-permit cases of ``pages`` pages each; returns what
    ``case accept --json`` printed, with the page digests added."""
    out = []
    for i in range(cases):
        folder = work / f"case{i:03d}"
        folder.mkdir(parents=True)
        names = []
        for p in range(pages):
            data = distinct_page(f"case {i} page {p}")
            (folder / f"p{p}.jpg").write_bytes(data)
            names.append(f"p{p}.jpg")
        materials: list[dict[str, Any]] = [{"name": n} for n in MATERIALS]
        per = max(1, len(names) // len(MATERIALS) + 1)
        for k, m in enumerate(materials):
            m["pages"] = names[k * per:(k + 1) * per]
        doc = {"item": "ZJ-XK-001", "project_name": f"滨江花园{i}号楼", "decision": "accept",
               "applicant": {"kind": "organisation", "name": f"某某建设有限公司{i}",
                             "id_type": "uscc", "id_number": "91330100MA2B3C4D5N",
                             "phone": "13800000000", "contact": "王五"},
               "materials": materials, "fees": [{"code": "FS-ZJ-001", "quantity": "1000"}]}
        path = folder / "case.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        result = _run_json(["--data-dir", str(data_dir), "case", "accept", str(path), "--json"])
        shown = _run_json(["--data-dir", str(data_dir), "case", "show", result["case_number"],
                           "--json"])
        # What the counter stored (a page that needed preparing was re-encoded), read back.
        result["digests"] = sorted(hashlib.sha256((data_dir / p["file"]).read_bytes()).hexdigest()
                                   for p in shown["pages"])
        assert len(result["digests"]) == pages
        out.append(result)
    return out


def _run_json(argv: list[str]) -> dict[str, Any]:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main(argv)
    assert code == 0, buf.getvalue()
    return dict(json.loads(buf.getvalue()))
