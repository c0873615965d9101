"""``hall-client receipt`` commands."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("receipt", help="receipt commands (not yet built)")
    parser.set_defaults(func=lambda args: parser.error("'receipt' is not built yet"))
