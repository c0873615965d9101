"""Opening a counter: its data directory, settings, database and the seed catalog.

Every front end (GUI, command line, tests) starts here, so a fresh data directory always
comes up with the schema migrated and the shipped catalog loaded.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path

from hall_resources import resource_path
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from hall_client.core import auth, catalog, receipt_stock
from hall_client.core.actor import ROLES, Actor
from hall_client.core.cases import calendar as work_calendar
from hall_client.core.errors import InvalidInput, Problem
from hall_client.core.settings import Settings, data_dir, load_settings
from hall_client.store.cashier_models import ReceiptBatch
from hall_client.store.db import DB_FILENAME, Store, open_store
from hall_client.store.models import Person

SEED_CATALOG = resource_path("catalog", "seed.json")
DEMO_PASSWORD = "demo1234"
#: (username, name, roles) of the demo staff; the README lists them.
DEMO_PEOPLE = (
    ("admin", "系统管理员", ("admin", "supervisor")),
    ("wangjing", "王静", ("clerk",)),
    ("liqiang", "李强", ("clerk",)),
    ("qianfang", "钱芳", ("cashier",)),
    ("zhouyan", "周燕", ("supervisor",)),
    ("sunli", "孙丽", ("clerk", "cashier")),
)


@dataclass
class Counter:
    """One counter's local state."""

    data_dir: Path
    settings: Settings
    store: Store

    def system_actor(self) -> Actor:
        return Actor(username="system", full_name="系统", roles=frozenset(ROLES),
                     counter=self.settings.counter.id)

    def cli_actor(self) -> Actor:
        """Whoever runs an administrative command on this PC acts as a local administrator;
        the audit trail records their operating-system account."""
        return Actor(username=f"os:{getpass.getuser()}", full_name="命令行管理员",
                     roles=frozenset(ROLES), counter=self.settings.counter.id)

    def close(self) -> None:
        self.store.close()


def open_counter(directory: Path | None = None, *, demo: bool = False,
                 demo_till: bool = True) -> Counter:
    """Open the counter's data folder; a folder or database that cannot be used is reported
    as InvalidInput naming it, and nothing in it is changed.

    ``demo`` seeds the demo staff and (``demo_till``) a cashier's till that works out of the
    box: blank receipts in the demo cashiers' hands and, when no printer is configured, a
    printer that writes its ESC/POS bytes to a file in the data folder."""
    directory = directory or data_dir()
    try:
        settings = load_settings(directory)
        store = open_store(directory)
    except OSError as exc:
        raise InvalidInput([Problem(str(directory), "data_dir_unusable",
                                    f"数据文件夹无法使用（须是可写入的文件夹）：{exc.strerror or exc}")]
                           ) from exc
    except DatabaseError as exc:
        raise InvalidInput([Problem(str(directory / DB_FILENAME), "database_unreadable",
                                    "数据库文件已损坏或不是本程序的数据库，请从备份恢复；"
                                    "文件未作改动")]) from exc
    counter = Counter(directory, settings, store)
    try:
        with store.transaction() as session:
            catalog.seed_if_empty(session, counter.system_actor(), SEED_CATALOG)
            work_calendar.seed_if_empty(session)
    except DatabaseError as exc:
        store.close()
        raise InvalidInput([Problem(str(directory / DB_FILENAME), "database_unreadable",
                                    "数据库文件已损坏，请从备份恢复；文件未作改动")]) from exc
    if demo:
        seed_demo_people(counter)
        if demo_till:
            seed_demo_receipts(counter)
            if not counter.settings.printer.uri:
                counter.settings.printer.uri = f"file:{directory / DEMO_PRINTER_FILE}"
    return counter


#: The demo's receipt stock: one 票据代码, and how many numbers each demo cashier holds.
DEMO_STOCK_CODE = "33019000"
DEMO_ISSUE = 200
DEMO_PRINTER_FILE = "demo-receipt-printer.bin"


def seed_demo_receipts(counter: Counter) -> None:
    """Once, on a new demo counter: receive a demo batch and give each demo cashier blank
    receipts (领用); audited as the system, like the rest of the demo seed."""
    system = counter.system_actor()
    with counter.store.transaction() as session:
        if session.scalar(select(ReceiptBatch).where(
                ReceiptBatch.stock_code == DEMO_STOCK_CODE)) is not None:
            return  # seeded once: receipts used or handed in are not topped up behind anyone
        receipt_stock.receive_batch(session, system, DEMO_STOCK_CODE, "0000000001",
                                    "0000010000", "演示数据")
        people = set(session.scalars(select(Person.username)))
        for username, _name, roles in DEMO_PEOPLE:
            if "cashier" in roles and username in people \
                    and not receipt_stock.numbers_left(session, username):
                receipt_stock.issue_to_cashier(session, system, username, DEMO_STOCK_CODE,
                                               DEMO_ISSUE)


def seed_demo_people(counter: Counter) -> list[str]:
    """Create the demo staff that do not exist yet; returns the usernames created."""
    created: list[str] = []
    with counter.store.transaction() as session:
        existing = set(session.scalars(select(Person.username)))
        admin = counter.system_actor()
        for username, name, roles in DEMO_PEOPLE:
            if username in existing:
                continue
            auth.add_person(session, admin if existing or created else None, username=username,
                            full_name=name, password=DEMO_PASSWORD, roles=roles,
                            counter=counter.settings.counter.id)
            created.append(username)
    return created
