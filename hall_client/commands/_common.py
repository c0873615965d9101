"""Helpers shared by the sub-commands: opening the counter and reporting domain errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from hall_client.cli import EXIT_RULE
from hall_client.core.counter import Counter, open_counter
from hall_client.core.errors import DomainError, InvalidInput


def with_counter(body: Callable[[Counter, Any], int]) -> Callable[[Any], int]:
    """Open the counter for ``body`` and turn domain errors into exit status 1."""

    def run(args: Any) -> int:
        try:
            # the command line's demo has the demo staff but no receipts in hand: a cashier's
            # day there starts with `receipt stock receive/issue`, as at a real counter
            counter = open_counter(demo=getattr(args, "demo", False), demo_till=False)
        except InvalidInput as exc:
            for p in exc.problems:
                print(f"错误：{p}", file=sys.stderr)
            return EXIT_RULE
        try:
            return body(counter, args)
        except InvalidInput as exc:
            for p in exc.problems:
                print(f"错误：{p}", file=sys.stderr)
            print(f"共 {len(exc.problems)} 处问题，未做任何更改。", file=sys.stderr)
            return EXIT_RULE
        except DomainError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return EXIT_RULE
        finally:
            counter.close()

    return run
