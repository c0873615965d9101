"""Import python-escpos without its side effects.

python-escpos 3.1 calls ``logging.basicConfig()`` at import (adding a stderr handler to the
root logger of the whole program) and makes a fresh temp folder per import for its pickled
capabilities unless ``ESCPOS_CAPABILITIES_PICKLE_DIR`` is set. We point that at one cache
folder and put the root logger back as it was.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import ModuleType

import platformdirs


def load_escpos() -> ModuleType:
    """Return ``escpos.printer`` imported with the side effects undone."""
    if "escpos.printer" in sys.modules:
        return sys.modules["escpos.printer"]
    cache = os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR")
    if not cache:
        cache = str(Path(platformdirs.user_cache_dir("hall-client")) / "escpos")
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = cache
    Path(cache).mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        import escpos.printer as printer_module
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return printer_module
