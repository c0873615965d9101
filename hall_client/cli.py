"""The ``hall-client`` command line.

The bare command starts the GUI; every sub-command lives in a module of
``hall_client.commands`` that exposes ``register(subparsers)``. Exit status: 0 done, 1 the
input broke a rule (each problem printed), 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: Sub-command modules, in the order ``--help`` lists them.
COMMAND_MODULES = ("pages", "catalog", "case", "audit", "user", "receipt", "cash", "server",
                   "sync", "presub")

EXIT_OK = 0
EXIT_RULE = 1
EXIT_USAGE = 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) just the one sub-command being run: each command
    module pulls in its own heavy libraries (SQLAlchemy, OpenCV, …), and a page batch should
    not wait for the database layer to import."""
    parser = argparse.ArgumentParser(
        prog="hall-client",
        description="行政服务中心窗口客户端 / Hall Client. Without a command it starts the GUI.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="all local state under DIR (default: $HALL_DATA_DIR or the per-user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="load demo users and data, start a local server"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="interface language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if only is None or name == only:
            importlib.import_module(f"hall_client.commands.{name}").register(sub)
    return parser


def _command_named(argv: Sequence[str]) -> str | None:
    """The sub-command in ``argv``, skipping the value of ``--data-dir``/``--lang``."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--data-dir", "--lang"):
            skip = True
        elif arg in ("-h", "--help"):
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMAND_MODULES else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=_command_named(argv))
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        os.environ["HALL_DATA_DIR"] = str(args.data_dir)
    if args.command is None:
        if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        ):
            print("hall-client：没有可用的图形显示（未设置 DISPLAY），无法打开窗口。"
                  "请在桌面环境中运行，或使用命令行子命令（hall-client --help）。\n"
                  "hall-client: no display (DISPLAY is not set); run it on a desktop, or use a "
                  "sub-command (hall-client --help).", file=sys.stderr)
            return EXIT_USAGE
        from hall_client.gui.app import run_gui  # Qt is only loaded for the GUI

        return run_gui(demo=args.demo, lang=args.lang)
    from hall_client.core.logfile import configure_file_logging, stop_file_logging
    from hall_client.core.settings import data_dir

    configure_file_logging(data_dir())  # the folder is made with the first record
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    finally:
        stop_file_logging()
