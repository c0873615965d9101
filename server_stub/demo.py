"""Demo data: the seed catalog, the holiday table, one hall with two counters, demo users.

Every catalog person gets the password ``demo1234`` and the role that follows their posts
(catalog-format.md); the hall also gets a cashier, a supervisor, and the server an admin.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core.clock import system_clock
from server_stub.core.config import Settings
from server_stub.core.security import hash_password
from server_stub.models import CatalogItem, Hall, Person, User
from server_stub.services import auth, catalog

DEMO_PASSWORD = "demo1234"
DEMO_HALL = "demo"
DEMO_COUNTERS = {"C01": "一号综合窗口", "C02": "二号综合窗口", "C03": "收费窗口"}
COUNTER_SECRET = "counter-demo-secret"
EXTRA_USERS = [
    ("shouyin", "钱芳", "cashier"),
    ("jiancha", "监察员周明", "supervisor"),
    ("admin", "系统管理员", "admin"),
    # the demo counter's own cashier and supervisor (hall_client.core.counter.DEMO_PEOPLE) sign
    # in to this server with the same user name, so `make run` syncs for every demo person
    ("qianfang", "钱芳", "cashier"),
    ("zhouyan", "周燕", "supervisor"),
]


def demo_accounts(session: Session) -> list[dict[str, Any]]:
    """Who the demo users are, without touching the database's users table."""
    held: dict[str, set[str]] = {}
    backing: dict[str, set[str]] = {}
    for item in session.scalars(select(CatalogItem)):
        for step in item.data["workflow"]:
            for name in step.get("holders", []):
                held.setdefault(name, set()).add(step["post"])
            for name in step.get("backup", []):
                backing.setdefault(name, set()).add(step["post"])
    accounts: list[dict[str, Any]] = []
    for person in session.scalars(select(Person).order_by(Person.user)):
        # The posts a person holds decide the role; backing a post up (AB岗) does not.
        role = catalog.role_for_posts(held.get(person.user) or backing.get(person.user, set()))
        if role:
            accounts.append({"username": person.user, "name": person.name, "role": role,
                             "department": person.department})
    for username, name, role in EXTRA_USERS:
        accounts.append({"username": username, "name": name, "role": role,
                         "department": "HALL" if role in auth.HALL_ROLES else None})
    return accounts


def seed_demo_data(session: Session, now: datetime, hall_code: str = DEMO_HALL) -> Hall:
    """Idempotent: running it twice leaves one copy of everything."""
    hall = session.scalar(select(Hall).where(Hall.code == hall_code))
    if hall is None:
        hall = auth.register_hall(session, hall_code, "演示县行政服务中心", now)
        for code, name in DEMO_COUNTERS.items():
            auth.register_counter(session, hall, code, name, COUNTER_SECRET, now)
    existing = set(session.scalars(select(User.username)))
    # One argon2 hash serves every demo account (same password): sixty hashes would take
    # seconds at argon2's default cost.
    shared_hash = hash_password(DEMO_PASSWORD)
    for n, acc in enumerate(demo_accounts(session)):
        if acc["username"] in existing:
            continue
        auth.create_user(
            session, username=acc["username"], name=acc["name"], password=DEMO_PASSWORD,
            role=acc["role"], now=now, hall=hall if acc["role"] in auth.HALL_ROLES else None,
            department=acc["department"], phone=f"1380000{n:04d}", password_hash=shared_hash,
        )
    session.flush()
    return hall


def seed_demo(settings: Settings, as_json: bool = False) -> int:
    from server_stub.main import create_app

    app = create_app(settings)
    with app.state.sessionmaker() as session:
        seed_demo_data(session, system_clock())
        session.commit()
        accounts = demo_accounts(session)
    if as_json:
        print(json.dumps({"hall": DEMO_HALL, "counters": list(DEMO_COUNTERS),
                          "counter_secret": COUNTER_SECRET, "password": DEMO_PASSWORD,
                          "users": accounts}, ensure_ascii=False, indent=2))
    else:
        print(f"演示数据已载入 {settings.resolved_database_url()}", file=sys.stderr)
        print(f"大厅 {DEMO_HALL}，窗口 {', '.join(DEMO_COUNTERS)}（窗口密钥 {COUNTER_SECRET}）")
        print(f"所有演示用户密码：{DEMO_PASSWORD}")
        for acc in accounts:
            print(f"  {acc['username']:<10} {acc['role']:<10} {acc['name']}")
    return 0
