"""``hall-client catalog`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("catalog", help="catalog commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'catalog' is not built yet"))
