"""Packaging: a plain install or a wheel works (resources are package data read through
``hall_resources.resource_path``), and a counter PC runs without the server's packages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVER_PACKAGES = ("fastapi", "starlette", "uvicorn", "psycopg", "jinja2", "multipart",
                   "python_multipart")


def test_every_package_is_listed_in_pyproject() -> None:
    """setuptools cannot discover packages here (resources/ installs under another name),
    so pyproject lists them: a new folder of code must be added there."""
    from setuptools import find_namespace_packages

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    found = {p for p in find_namespace_packages(str(ROOT), include=["hall_client*",
                                                                     "server_stub*"])
             if "__pycache__" not in p and any(
                 (ROOT / p.replace(".", "/")).glob("*.py"))}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "hall_resources" in listed


def test_resource_files_are_reached_through_the_one_helper() -> None:
    """No code builds a path to resources/ from its own location (that breaks in a wheel)."""
    offenders = []
    pattern = re.compile(r"""(parents?\[?\d*\]?|parent)\s*/\s*["']resources["']""")
    for folder in ("hall_client", "server_stub", "tests", "bench", "docs"):
        for path in (ROOT / folder).rglob("*.py"):
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _copy_source(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                    "__pycache__", ".mypy_cache", ".ruff_cache", "tests",
                                    "docs", "bench")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.mark.slow
def test_wheel_in_a_clean_venv(tmp_path: Path) -> None:
    """Build the wheel, install it (no -e) into a new venv, and run counter and server there.

    The new venv reaches the third-party packages of this one through a path entry (so the
    test needs no download); hall_client, server_stub and hall_resources come from the
    wheel only. For the counter, the server's packages are blocked as if not installed.
    """
    source = _copy_source(tmp_path / "src")
    dist = tmp_path / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
                  str(source)], dict(os.environ), tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next(dist.glob("hall_client-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    installed = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                      "--no-deps", str(wheel)], dict(os.environ), tmp_path)
    assert installed.returncode == 0, installed.stderr[-2000:]
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                      "['purelib'])"], {}, tmp_path).stdout.strip())
    (site / "zz_third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "HALL_DATA_DIR": str(tmp_path / "counter")}

    # The server: its seed catalog and page templates come out of the installed wheel.
    server = _run([str(venv / "bin" / "hall-server"), "--data-dir", str(tmp_path / "server"),
                   "seed-demo", "--json"], env, tmp_path)
    assert server.returncode == 0, server.stderr[-2000:]
    check_server = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from pathlib import Path\n"
        "from starlette.testclient import TestClient\n"
        "from server_stub.core.config import Settings\n"
        "from server_stub.main import create_app\n"
        f"app = create_app(Settings(data_dir=Path({str(tmp_path / 'server')!r})))\n"
        "c = TestClient(app)\n"
        "assert c.get('/status').status_code == 200\n"
        "assert c.get('/review/login').status_code == 200\n"
        "import server_stub, hall_resources\n"
        "print(server_stub.__file__, hall_resources.__file__)\n")
    r = _run([str(python), "-c", check_server], env, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert all(str(site) in p for p in r.stdout.split()), r.stdout

    # The counter, with the server's packages absent.
    blocker = site / "_hall_no_server.py"
    blocker.write_text(
        "import importlib.abc, sys\n"
        f"BLOCKED = {SERVER_PACKAGES!r}\n"
        "class Absent(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Absent())\n")
    (site / "_hall_no_server.pth").write_text("import _hall_no_server\n")
    r = _run([str(venv / "bin" / "hall-client"), "catalog", "list", "--json"], env, tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "ZJ-XK-001" in r.stdout
    r = _run([str(venv / "bin" / "hall-client"), "pages", "profiles"], env, tmp_path)
    assert r.returncode == 0 and "construction-permit" in r.stdout, r.stderr[-2000:]
    check_counter = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from hall_client.gui.resources import install_font, install_translator\n"
        "from hall_client.pages.orient import MODEL\n"
        "from hall_client.printing.raster import FONT_PATH\n"
        "from hall_client.sync import server_link\n"
        "import hall_client.gui.app\n"
        "app = QApplication([])\n"
        "assert 'WenQuanYi' in install_font(app), 'font'\n"
        "assert install_translator(app, 'en') is not None, 'translation'\n"
        "assert MODEL.is_file() and FONT_PATH.is_file()\n"
        "try:\n"
        "    import fastapi\n"
        "except ModuleNotFoundError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('the blocker let fastapi in')\n"
        # Demo mode tries to start hall-server; without its packages it gives up quietly.
        "from pathlib import Path\n"
        "proc = server_link.start_local_server('http://127.0.0.1:9', Path(sys.argv[1]), wait=5)\n"
        "assert proc is None\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in "
        f"{SERVER_PACKAGES!r}]\n"
        "import hall_client\n"
        "print(hall_client.__file__)\n")
    r = _run([str(python), "-c", check_counter, str(tmp_path / "local-server")], env, tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert str(site) in r.stdout
