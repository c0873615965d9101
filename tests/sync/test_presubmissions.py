"""Online pre-submissions (网上申报) at the window: pulled from the server, pre-reviewed with the
item's checklist, accepted through ``case accept`` like a counter application (or sent back),
and the decision reaches the server; a decision made elsewhere first is a conflict."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import pytest
import requests

from hall_client.cli import main
from hall_client.core.counter import DEMO_PASSWORD, open_counter
from tests.e2e.offline_intake import MATERIALS, distinct_page
from tests.sync.live import COUNTER_SECRET, LiveServer


def submit_online(server: LiveServer, project: str) -> str:
    pid = str(uuid.uuid4())
    r = requests.post(server.url + "/api/v1/presubmissions", timeout=10, json={
        "id": pid, "hall": "demo", "item_code": "ZJ-XK-001", "project_name": project,
        "applicant": {"name": "某某建设有限公司", "kind": "organisation", "id_type": "uscc",
                      "id_number": "91330100MA2B3C4D5N", "phone": "13800000000"},
        "materials": [{"name": n} for n in MATERIALS[:3]], "notes": "网上申报"})
    assert r.status_code == 201, r.text
    return pid


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_presubmissions_at_the_window(live_server: LiveServer, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "counter"
    open_counter(d, demo=True).close()
    base = ["--data-dir", str(d)]
    assert cli([*base, "server", "register", "--url", live_server.url, "--hall", "demo",
                "--counter", "C01"], monkeypatch, capsys, COUNTER_SECRET + "\n")[0] == 0
    to_accept = submit_online(live_server, "滨江花园网上1号楼")
    to_correct = submit_online(live_server, "滨江花园网上2号楼")
    taken = submit_online(live_server, "滨江花园网上3号楼")
    code, out = cli([*base, "sync", "run", "--once", "--user", "wangjing", "--json"],
                    monkeypatch, capsys, DEMO_PASSWORD + "\n")
    assert code == 0 and json.loads(out)["pull"]["presubmissions"] >= 3, out
    code, out = cli([*base, "presub", "list", "--json"], monkeypatch, capsys)
    assert {to_accept, to_correct, taken} <= {r["id"] for r in json.loads(out)}
    # Pre-review: three of the eleven required materials were listed online.
    draft = tmp_path / "draft.json"
    code, out = cli([*base, "presub", "check", to_accept, "--json", "--draft", str(draft)],
                    monkeypatch, capsys)
    lines = json.loads(out)
    assert sum(1 for ln in lines if ln["offered"]) == 3
    assert any(ln["required"] and not ln["offered"] for ln in lines)
    # The papers are all there at the window: the clerk completes the draft and accepts it.
    doc = json.loads(draft.read_text(encoding="utf-8"))
    assert doc["project_name"] == "滨江花园网上1号楼"
    (tmp_path / "p1.jpg").write_bytes(distinct_page("online 1"))
    doc["materials"] = [{"name": n} for n in MATERIALS]
    doc["materials"][0]["pages"] = ["p1.jpg"]
    doc["applicant"]["contact"] = "王五"  # asked at the window
    draft.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out = cli([*base, "case", "accept", str(draft), "--json"], monkeypatch, capsys)
    assert code == 0, out
    number = json.loads(out)["case_number"]
    assert cli([*base, "presub", "decide", to_accept, "accepted", "--case", number, "--clerk",
                "wangjing"], monkeypatch, capsys, DEMO_PASSWORD + "\n")[0] == 0
    code, out = cli([*base, "presub", "decide", to_correct, "correction", "--clerk", "wangjing"],
                    monkeypatch, capsys, DEMO_PASSWORD + "\n")
    assert code == 1 and "原因" in out  # a correction needs its reason; nothing saved
    assert cli([*base, "presub", "decide", to_correct, "correction", "--reason", "缺规划许可证",
                "--clerk", "wangjing"], monkeypatch, capsys, DEMO_PASSWORD + "\n")[0] == 0
    # Meanwhile another counter refused the third one; this counter accepts it too late.
    token = live_server.token("liqiang", "C02")
    assert live_server.post(f"/api/v1/presubmissions/{taken}/decision", token, {
        "decision": "refused", "reason": "不属于本中心"}).status_code == 200
    assert cli([*base, "presub", "decide", taken, "correction", "--reason", "补材料",
                "--clerk", "wangjing"], monkeypatch, capsys, DEMO_PASSWORD + "\n")[0] == 0
    code, out = cli([*base, "sync", "run", "--once", "--json"], monkeypatch, capsys)
    result = json.loads(out)
    assert result["push"]["conflicts"] == 1, result
    server = {p["id"]: p for p in requests.get(
        live_server.url + "/api/v1/presubmissions", timeout=10,
        headers={"Authorization": f"Bearer {token}"}).json()}
    assert server[to_accept]["status"] == "accepted"
    assert server[to_accept]["case_number"] == number
    assert server[to_correct]["status"] == "correction"
    assert server[taken]["status"] == "refused"
    code, out = cli([*base, "sync", "status", "--json", "--no-probe"], monkeypatch, capsys)
    assert json.loads(out)["conflicts"] == 1
