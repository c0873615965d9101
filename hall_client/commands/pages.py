"""``hall-client pages`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("pages", help="pages commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'pages' is not built yet"))
