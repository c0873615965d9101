"""``hall-server``: placeholder until the central server issue lands."""

from __future__ import annotations


def main() -> int:
    print("hall-server: the central server is being built (issue 4)")
    return 2
