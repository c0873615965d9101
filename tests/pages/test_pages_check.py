"""``pages check`` names each file and each rule it breaks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hall_client.cli import main


def _jpeg(path: Path, size: tuple[int, int], quality: int = 80, exif: bool = False) -> None:
    yy, xx = np.mgrid[0 : size[1], 0 : size[0]]
    arr = (128 + 100 * np.sin(xx / 40.0) * np.cos(yy / 50.0)).astype(np.uint8)
    im = Image.fromarray(arr)
    kwargs: dict[str, object] = {"quality": quality}
    if exif:
        e = Image.Exif()
        e[0x010F] = "Camera"
        kwargs["exif"] = e
    im.save(path, "JPEG", **kwargs)


def test_good_folder_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in (1, 2):
        _jpeg(tmp_path / f"{i:04d}.jpg", (1131, 1600), quality=30)
    assert (
        main(["pages", "check", "--profile", "construction-permit", "--json", str(tmp_path)]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and len(report["pages"]) == 2


def test_each_rule_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _jpeg(tmp_path / "0001.jpg", (1000, 1000), exif=True)  # aspect + metadata
    _jpeg(tmp_path / "0003.jpg", (2000, 2828), quality=95)  # pixels + bytes; 0002 missing
    Image.new("RGB", (1131, 1600), "white").save(tmp_path / "0004.jpg", "PNG")  # format
    (tmp_path / "scan.jpg").write_bytes((tmp_path / "0001.jpg").read_bytes()[:5000])  # name, cut
    assert (
        main(["pages", "check", "--profile", "construction-permit", "--json", str(tmp_path)]) == 1
    )
    report = json.loads(capsys.readouterr().out)
    rules = {(Path(v["path"]).name, v["rule"]) for p in report["pages"] for v in p["violations"]}
    rules |= {(Path(v["path"]).name, v["rule"]) for v in report["order"]}
    assert ("0001.jpg", "aspect") in rules and ("0001.jpg", "metadata") in rules
    assert ("0003.jpg", "pixels") in rules and ("0003.jpg", "bytes") in rules
    assert ("0004.jpg", "format") in rules
    assert ("scan.jpg", "name") in rules and ("scan.jpg", "truncated") in rules
    order = [v for v in report["order"] if v["rule"] == "order"]
    assert order and "0002.jpg" in order[0]["message"]


def test_plain_output_names_file_and_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _jpeg(tmp_path / "0001.jpg", (1000, 1000))
    assert (
        main(["pages", "check", "--profile", "construction-permit", str(tmp_path / "0001.jpg")])
        == 1
    )
    err = capsys.readouterr().err
    assert "0001.jpg" in err and "[aspect]" in err


def test_profiles_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pages", "profiles", "--json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["construction-permit"]["max_bytes"] == 90000
