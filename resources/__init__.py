"""Data files shipped with Hall Client and its server, installed as the package
``hall_resources`` (the directory stays ``resources/`` at the top of the source tree;
``pyproject.toml`` maps it). Read every file through ``resource_path``: it works from the
source tree, an editable install, a plain ``pip install .`` and a wheel alike.

    from hall_resources import resource_path
    seed = resource_path("catalog", "seed.json")

New files go under ``resources/<kind>/``; every file there is package data (``**/*``).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()
atexit.register(_extracted.close)


def resource_path(*parts: str) -> Path:
    """A filesystem path to a shipped file or folder (``resource_path()`` is the root).

    Installed packages are plain folders, so this is the file itself; were the package ever
    loaded from a zip archive, the file is extracted once and kept until the process ends
    (Qt, Pillow and OpenCV need real paths).
    """
    target = files(__name__).joinpath(*parts)
    if isinstance(target, Path):
        return target
    return _extracted.enter_context(as_file(target))
