"""``hall-client audit`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="audit commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'audit' is not built yet"))
