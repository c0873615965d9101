"""Layering rules of DESIGN.md §3, checked on the source text so they cannot rot."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hall_client"

#: Which of our packages each package may import (besides itself).
ALLOWED = {
    "store": set(),
    "core": {"store"},
    "pages": set(),
    "printing": {"core"},
    "sync": {"store", "core"},
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _python_files(base: Path) -> list[Path]:
    return [p for p in base.rglob("*.py") if ".venv" not in p.parts]


def test_only_gui_imports_qt() -> None:
    offenders = []
    for path in _python_files(PACKAGE) + _python_files(ROOT / "server_stub"):
        if PACKAGE / "gui" in path.parents:
            continue
        for name in _imports(path):
            if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_packages_respect_layers() -> None:
    offenders = []
    for pkg, allowed in ALLOWED.items():
        for path in _python_files(PACKAGE / pkg):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] != "hall_client" or len(parts) < 2:
                    continue
                target = parts[1]
                if target != pkg and target not in allowed:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_server_and_client_never_import_each_other() -> None:
    offenders = []
    for path in _python_files(ROOT / "server_stub"):
        offenders += [f"{path} imports {n}" for n in _imports(path) if n.startswith("hall_client")]
    for path in _python_files(PACKAGE):
        offenders += [f"{path} imports {n}" for n in _imports(path) if n.startswith("server_stub")]
    assert offenders == []


def test_the_guard_sees_a_violation(tmp_path: Path) -> None:
    """The import scanner must notice Qt imports, or the guards above prove nothing."""
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(probe)
