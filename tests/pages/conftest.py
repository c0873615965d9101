"""Makes tests/pages/synthetic.py importable as ``synthetic`` (tests have no __init__ files)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
