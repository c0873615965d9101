"""``hall-client sync run|status``: the sync engine in the foreground, and its state."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Any

from hall_client.cli import EXIT_RULE
from hall_client.commands._common import with_counter
from hall_client.core.counter import Counter

#: ``sync run --once`` found another pass on the data directory running all the while.
BUSY = ("本机另一程序（图形界面或另一个 sync run）正在同步这份数据，本次未同步；"
        "待发送的消息由它送出，稍后可再试")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sync", help="exchange data with the central server")
    cmds = parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = cmds.add_parser("run", help="push the outbox and pull changes")
    p.add_argument("--once", action="store_true", help="one pass, then exit")
    p.add_argument("--user", help="sign in to the server as USER (password on stdin if needed)")
    p.add_argument("--wait", type=float, default=30.0,
                   help="with --once: seconds to keep retrying failed messages (default 30)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_counter(_run))
    p = cmds.add_parser("status", help="what is waiting, parked, and when the last sync was")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-probe", action="store_true", help="do not ask the server if it is up")
    p.set_defaults(func=with_counter(_status))
    p = cmds.add_parser("retry", help="put parked messages back in the queue")
    p.add_argument("message", nargs="*", help="message ids (default: all parked)")
    p.set_defaults(func=with_counter(_retry))


def _engine(counter: Counter) -> Any:
    from hall_client.sync.engine import SyncEngine
    from hall_client.sync.signin import NotRegistered

    try:
        return SyncEngine(counter.data_dir, counter.settings, store=counter.store)
    except NotRegistered as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return None


def _run(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.sync.signin import SignInRefused
    from hall_client.sync.transport import Offline

    engine = _engine(counter)
    if engine is None:
        return EXIT_RULE
    user = args.user or next(iter(engine.auth.signed_in_users()), None)
    if user is None:
        print("错误：请用 --user 指定登录中心服务器的人员（密码从标准输入读取）", file=sys.stderr)
        return EXIT_RULE
    if not engine.use(user):
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            print(f"错误：{user} 需要登录中心服务器，请在标准输入中给出密码", file=sys.stderr)
            return EXIT_RULE
        try:
            engine.sign_in(user, password)
        except SignInRefused as exc:
            print(f"错误：中心服务器拒绝登录：{exc}", file=sys.stderr)
            return EXIT_RULE
        except Offline as exc:
            print(f"中心服务器未连接：{exc}", file=sys.stderr)
            return EXIT_RULE
    if args.once:
        from hall_client.sync.engine import LOCK_WAIT

        # Another pass on this data directory (the window, another sync run) is waited for as
        # long as this one would keep retrying, then this one runs.
        result = engine.run_once(wait_up_to=args.wait, lock_wait=max(LOCK_WAIT, args.wait))
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        elif result.busy:
            print(BUSY, file=sys.stderr)
        else:
            p = result.push
            print(f"{'在线' if result.online else '离线'}：送达 {p.delivered}，搁置 {p.parked}，"
                  f"冲突 {p.conflicts}，待重试 {p.retries}，拉取案件 {result.pull.cases}，"
                  f"新提醒 {result.pull.notices}" + (f"；{result.error}" if result.error else ""))
        return 0 if result.online and not result.error and not result.busy else EXIT_RULE
    signal.signal(signal.SIGTERM, lambda *_: engine.stop())
    try:
        last = engine.run_forever()
    except KeyboardInterrupt:
        engine.stop()
        return 0
    if last is not None and last.password_needed is not None:
        print(f"错误：{last.error}（sync run --user NAME，密码从标准输入读取）", file=sys.stderr)
        return EXIT_RULE
    return 0


def _status(counter: Counter, args: argparse.Namespace) -> int:
    from hall_client.sync import server_link
    from hall_client.sync.engine import read_status

    status = read_status(counter.data_dir, counter.store, counter.settings,
                         probe=None if args.no_probe else
                         (lambda url: server_link.is_up(url, timeout=2.0)))
    if args.json:
        print(json.dumps(status.to_dict(), ensure_ascii=False))
        return 0
    print(f"中心服务器：{status.url}（{'在线' if status.online else '离线'}）"
          + ("  明文 HTTP！" if status.plain_http else ""))
    print(f"待发送：{status.pending} 条（{status.pending_bytes} 字节）；搁置：{status.parked}；"
          f"冲突：{status.conflicts}")
    print(f"上次成功同步：{status.last_success or '从未'}")
    if status.pass_running:
        print("正在同步：本机另一程序（图形界面或 sync run）正在与中心服务器同步")
    if status.first_error:
        e = status.first_error
        print(f"首个问题：{e.get('case_number') or ''} {e.get('kind') or ''} {e.get('reason')}")
    return 0


def _retry(counter: Counter, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from hall_client.store.sync_models import SyncDelivery
    from hall_client.sync import ledger

    with counter.store.transaction() as s:
        ids = args.message or list(s.scalars(select(SyncDelivery.message_id).where(
            SyncDelivery.state.in_((ledger.PARKED, ledger.CONFLICT)))))
        n = ledger.release(s, ids)
    print(f"已重新排队 {n} 条")
    return 0
