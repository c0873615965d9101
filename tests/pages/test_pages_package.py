"""``pages package``: safe folder name, a zip per section, manifest with SHA-256, deterministic."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hall_client.cli import main
from hall_client.pages.package import MAX_NAME_BYTES, safe_name

SECTIONS = ("施工", "安全", "监督", "散墙")


@pytest.mark.parametrize(
    ("name", "expect"),
    [
        ("某某市第一中学教学楼工程", "某某市第一中学教学楼工程"),
        ('A/B\\C:D*E?F"G<H>I|J', "A_B_C_D_E_F_G_H_I_J"),
        ("../../etc/passwd", "____etc_passwd"),
        ("..", "_"),
        ("CON", "_CON"),
        ("com1.txt", "_com1.txt"),
        ("名称\x00\x1f\x7f结尾. ", "名称___结尾"),
        ("   ", "未命名项目"),
    ],
)
def test_safe_name(name: str, expect: str) -> None:
    assert safe_name(name) == expect


def test_long_names_are_capped_and_stay_distinct() -> None:
    a, b = safe_name("工程" * 200 + "甲"), safe_name("工程" * 200 + "乙")
    assert len(a.encode()) <= MAX_NAME_BYTES and a != b and a.startswith("工程")


def _pages(folder: Path, n: int, shade: int) -> None:
    folder.mkdir(parents=True)
    for i in range(1, n + 1):
        arr = np.full((1600, 1131), 255, np.uint8)
        arr[100 + 40 * i : 130 + 40 * i, 100:1000] = shade
        Image.fromarray(arr).save(folder / f"{i:04d}.jpg", quality=70)


@pytest.fixture
def section_args(tmp_path: Path) -> list[str]:
    args = []
    for k, name in enumerate(SECTIONS):
        _pages(tmp_path / "in" / name, k + 1, 20 * k)
        args += ["--section", f"{name}={tmp_path / 'in' / name}"]
    return args


def test_package_is_complete_and_deterministic(
    tmp_path: Path, section_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    project = "某市/某区 “幸福里”安置房 (一期)"
    runs = []
    for run in ("a", "b"):
        out = tmp_path / run
        assert (
            main(
                [
                    "pages",
                    "package",
                    "--profile",
                    "construction-permit",
                    "--project",
                    project,
                    "--out",
                    str(out),
                    *section_args,
                ]
            )
            == 0
        )
        runs.append(out)
    capsys.readouterr()
    (folder_a,) = list(runs[0].iterdir())
    assert folder_a.name == "某市_某区 “幸福里”安置房 (一期)"
    files_a = sorted(p.name for p in folder_a.iterdir())
    assert files_a == sorted([f"{s}.zip" for s in SECTIONS] + ["manifest.json"])
    for name in files_a:  # byte-identical on a second run
        assert (folder_a / name).read_bytes() == (runs[1] / folder_a.name / name).read_bytes()
    manifest = json.loads((folder_a / "manifest.json").read_text("utf-8"))
    assert manifest["project"] == project
    for k, sec in enumerate(manifest["sections"]):
        with zipfile.ZipFile(folder_a / sec["zip"]) as zf:
            assert zf.namelist() == [f"{i:04d}.jpg" for i in range(1, k + 2)]
            for page in sec["pages"]:
                assert hashlib.sha256(zf.read(page["name"])).hexdigest() == page["sha256"]
                assert (page["width"], page["height"]) == (1131, 1600)
                assert page["bytes"] == len(zf.read(page["name"]))
    # nothing outside --out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "in"]


def test_package_refuses_broken_pages(
    tmp_path: Path, section_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "in" / "安全" / "0003.jpg"
    Image.new("L", (800, 800), 255).save(bad)  # wrong aspect and a gap (0002 missing? no: 0003)
    (tmp_path / "in" / "安全" / "0002.jpg").unlink()
    out = tmp_path / "out"
    assert (
        main(
            [
                "pages",
                "package",
                "--profile",
                "construction-permit",
                "--project",
                "X",
                "--out",
                str(out),
                *section_args[:-2],
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "0003.jpg" in err and "[aspect]" in err and "[order]" in err and "散墙" in err
    assert not out.exists()
