"""``hall-client pages``: profiles, prepare, check, package.

The commands are thin: they parse arguments, run the headless ``hall_client.pages`` functions
(``prepare`` through a process pool, one task per input file) and print results. Exit 0 done,
1 some input broke a rule (each problem printed naming the file), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hall_client.pages.errors import PageError
from hall_client.pages.profiles import PageProfile, get_profile, list_profiles

EXIT_OK, EXIT_RULE, EXIT_USAGE = 0, 1, 2


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _profile(args: argparse.Namespace) -> PageProfile | None:
    try:
        return get_profile(args.profile)
    except PageError as exc:
        print(f"错误 / error: {exc.message} [{exc.code}]", file=sys.stderr)
        return None


def cmd_profiles(args: argparse.Namespace) -> int:
    try:
        profiles = list_profiles()
    except PageError as exc:
        print(f"错误 / error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_RULE
    if args.json:
        _print_json(
            [
                {
                    "name": p.name,
                    "title": p.title,
                    "description": p.description,
                    "max_bytes": p.max_bytes,
                    "long_side": list(p.long_side),
                    "short_side": list(p.short_side),
                    "aspect": p.aspect,
                    "sections": list(p.sections),
                }
                for p in profiles
            ]
        )
        return EXIT_OK
    for p in profiles:
        print(f"{p.name}\t{p.title}\t{p.description}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from hall_client.pages.validate import check_paths

    profile = _profile(args)
    if profile is None:
        return EXIT_USAGE
    pages, order = check_paths([Path(p) for p in args.paths], profile)
    problems = [v for page in pages for v in page.violations] + order
    if args.json:
        _print_json(
            {
                "profile": profile.name,
                "ok": not problems,
                "pages": [p.as_dict() for p in pages],
                "order": [v.as_dict() for v in order],
            }
        )
    else:
        for v in problems:
            print(f"{v.path}: [{v.rule}] {v.message}", file=sys.stderr)
        print(
            f"{len(pages)} 个文件，{len(problems)} 处不合规 / {len(pages)} files, "
            f"{len(problems)} problems"
        )
    return EXIT_RULE if problems else EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("pages", help="document pages: prepare, check, package (页面材料)")
    pages_sub = parser.add_subparsers(dest="pages_command", metavar="PAGES_COMMAND")
    parser.set_defaults(func=lambda args: (parser.print_help(sys.stderr), EXIT_USAGE)[1])

    p = pages_sub.add_parser("profiles", help="list page-rule profiles")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_profiles)

    p = pages_sub.add_parser("check", help="check page files against a profile")
    p.add_argument("--profile", required=True, help="profile name or file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files or folders")
    p.set_defaults(func=cmd_check)
