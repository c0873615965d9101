"""PySide6 front end: the only package allowed to import Qt."""
