"""``hall-server``: run the central approval server, or load the demo catalog and users."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from server_stub.core.config import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hall-server", description="行政服务中心中心审批服务器")
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8700, help="listen port (default 8700)")
    parser.add_argument("--workers", type=int,
                        default=int(os.environ.get("HALL_SERVER_WORKERS", "1")),
                        help="server processes (several need PostgreSQL; env HALL_SERVER_WORKERS)")
    parser.add_argument("--forwarded-allow-ips",
                        default=os.environ.get("HALL_SERVER_FORWARDED_ALLOW_IPS", "127.0.0.1"),
                        help="reverse proxies whose X-Forwarded-For/-Proto are believed "
                             "(client address for throttles, https for Secure cookies)")
    parser.add_argument("--database-url", default=os.environ.get("HALL_SERVER_DATABASE_URL"),
                        help="SQLAlchemy URL; default: SQLite file in the data directory")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="state directory (env HALL_SERVER_DATA_DIR)")
    parser.add_argument("--sms", choices=["file", "console"], default="file",
                        help="SMS adapter: append to DATA_DIR/sms.log, or print")
    sub = parser.add_subparsers(dest="command")
    seed = sub.add_parser("seed-demo",
                          help="load the seed catalog, the holiday table and demo users")
    seed.add_argument("--json", action="store_true", help="print the demo accounts as JSON")
    admin = sub.add_parser("create-admin", help="create an admin account (password from env "
                                                "HALL_SERVER_ADMIN_PASSWORD or prompted)")
    admin.add_argument("username")
    admin.add_argument("--name", default="系统管理员")
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings(database_url=args.database_url, sms_adapter=args.sms)
    if args.data_dir is not None:
        settings.data_dir = args.data_dir
    return settings


def create_admin(settings: Settings, username: str, name: str) -> int:
    import getpass

    from server_stub.core.clock import system_clock
    from server_stub.core.errors import DomainError
    from server_stub.main import create_app
    from server_stub.services import auth

    password = os.environ.get("HALL_SERVER_ADMIN_PASSWORD") or getpass.getpass("密码：")
    if len(password) < 8:
        print("hall-server: create-admin: password: 至少 8 个字符", file=sys.stderr)
        return 1
    app = create_app(settings)
    with app.state.sessionmaker() as session:
        try:
            auth.create_user(session, username=username, name=name, password=password,
                             role="admin", now=system_clock())
        except DomainError as exc:
            print(f"hall-server: create-admin: {username}: {exc.message}", file=sys.stderr)
            return 1
        session.commit()
    print(f"管理员 {username} 已创建")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from(args)
    if args.command == "seed-demo":
        from server_stub.demo import seed_demo

        return seed_demo(settings, as_json=args.json)
    if args.command == "create-admin":
        return create_admin(settings, args.username, args.name)
    import uvicorn

    from server_stub.main import create_app

    settings.sms_worker = True
    try:
        app = create_app(settings)  # migrates and seeds once, before any worker starts
    except Exception as exc:
        print(f"hall-server: cannot start: {exc}", file=sys.stderr)
        return 1
    print(f"hall-server: http://{args.host}:{args.port}/  data: {settings.data_dir}  "
          f"workers: {args.workers}", file=sys.stderr)
    common = {"host": args.host, "port": args.port, "log_level": "info", "proxy_headers": True,
              "forwarded_allow_ips": args.forwarded_allow_ips}
    if args.workers <= 1:
        uvicorn.run(app, **common)
        return 0
    app.state.engine.dispose()
    # Each worker process builds its app from the environment (uvicorn imports the factory).
    os.environ["HALL_SERVER_DATA_DIR"] = str(settings.data_dir)
    os.environ["HALL_SERVER_SMS"] = settings.sms_adapter
    if settings.database_url:
        os.environ["HALL_SERVER_DATABASE_URL"] = settings.database_url
    from server_stub import listeners

    if listeners.supported():  # each process accepts on a socket of its own (see there)
        listeners.run("server_stub.main:app_from_environment", args.workers, **common)
        return 0
    uvicorn.run("server_stub.main:app_from_environment", factory=True, workers=args.workers,
                **common)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
