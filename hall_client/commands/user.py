"""``hall-client user`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("user", help="user commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'user' is not built yet"))
