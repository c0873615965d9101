"""``hall-client cash`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("cash", help="cash commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'cash' is not built yet"))
