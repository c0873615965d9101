"""Schemathesis for a fixed time against a running server, signed in as one user.

A manual run (not part of the test suite, which checks each operation with a few examples):
every operation of /openapi.json in turn, Hypothesis-generated requests, until the time is
up. Counts answers of 5xx and other check failures per operation.

    hall-server --port 8711 --data-dir /tmp/h11 --database-url postgresql+psycopg://... &
    .venv/bin/python bench/server/schemathesis_run.py --base http://127.0.0.1:8711 \\
        --user admin --minutes 10
    (for a hall user add --hall demo --counter C01 --counter-secret counter-demo-secret)
"""

from __future__ import annotations

import argparse
import collections
import time
from typing import Any

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

#: Signing out would revoke the run's own token; the suite covers it.
SKIPPED = {("POST", "/api/v1/auth/logout")}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="demo1234")
    parser.add_argument("--hall")
    parser.add_argument("--counter")
    parser.add_argument("--counter-secret")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--examples", type=int, default=25, help="per operation per round")
    args = parser.parse_args()
    body: dict[str, Any] = {"username": args.user, "password": args.password}
    if args.hall:
        body.update(hall=args.hall, counter=args.counter, counter_secret=args.counter_secret)
    token: dict[str, Any] = {"at": 0.0}

    def headers() -> dict[str, str]:
        if time.monotonic() - token["at"] > 600:  # access tokens live 15 minutes
            r = requests.post(f"{args.base}/api/v1/auth/token", json=body, timeout=30)
            r.raise_for_status()
            token.update(value=r.json()["access_token"], at=time.monotonic())
        return {"Authorization": f"Bearer {token['value']}"}

    schema = schemathesis.openapi.from_url(f"{args.base}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations()]
    operations = [o for o in operations if (o.method.upper(), o.path) not in SKIPPED]
    deadline = time.monotonic() + args.minutes * 60
    calls: collections.Counter[str] = collections.Counter()
    server_errors: collections.Counter[str] = collections.Counter()
    failures: dict[str, str] = {}
    rounds = 0

    def make_check(operation: Any, name: str) -> Any:
        @given(case=operation.as_strategy())
        @settings(max_examples=args.examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call(base_url=args.base, headers=headers(), timeout=30)
            calls[name] += 1
            if response.status_code >= 500:
                server_errors[name] += 1
                failures.setdefault(name, f"{response.status_code} {response.text[:300]}")
                return
            try:
                case.validate_response(response, excluded_checks=[
                    schemathesis.checks.positive_data_acceptance])
            except Exception as exc:  # schema conformance: noted, not a 500
                failures.setdefault(name, f"{type(exc).__name__}: {str(exc)[:300]}")

        return check

    while time.monotonic() < deadline:
        rounds += 1
        for operation in operations:
            if time.monotonic() >= deadline:
                break
            name = f"{operation.method.upper()} {operation.path}"

            check = make_check(operation, name)
            try:
                check()
            except Exception as exc:
                failures.setdefault(name, f"{type(exc).__name__}: {str(exc)[:300]}")
    total = sum(calls.values())
    print(f"user {args.user}: {args.minutes} min, {rounds} rounds, {len(operations)} operations,"
          f" {total} requests, {sum(server_errors.values())} answers of 5xx")
    for name, n in sorted(server_errors.items()):
        print(f"  5xx {n:>4}  {name}")
    for name, text in sorted(failures.items()):
        print(f"  note  {name}: {text}")
    return 1 if server_errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
