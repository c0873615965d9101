"""Hall Client: the counter and supervisor program of a government service hall."""

from pathlib import Path

__version__ = "0.1.0"

#: Data files shipped with the program (catalog seed, page profiles, fonts, translations).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
