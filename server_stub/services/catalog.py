"""The service catalog (items, fees, workflows) as the server's source of truth.

Every change bumps one catalog revision; each row remembers the revision it changed in, so a
client asks for "everything since revision N" and gets only what changed. Item versions are
immutable: a changed item comes as a new version, and cases keep the version they began with.
"""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hall_resources import resource_path
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server_stub.core.errors import DomainError, NotFound
from server_stub.models import CatalogItem, Department, Person
from server_stub.schemas.catalog import CatalogDocument
from server_stub.schemas.common import refuse_control_chars
from server_stub.services.kv import get_setting, next_counter, set_setting

REVISION_KEY = "catalog_revision"
FORMAT = "hall-catalog/1"
COUNTER_POSTS = {"window", "window_finish"}


def seed_path() -> Path:
    """The one copy of the seed catalog, shared with the counter program."""
    return resource_path("catalog", "seed.json")


def current_revision(session: Session) -> int:
    return int(get_setting(session, REVISION_KEY) or 0)


def _fail(source: str, where: str, rule: str) -> DomainError:
    return DomainError("catalog_invalid", f"{source}: {where}: {rule}", status=422)


def validate(doc: Any, source: str = "catalog") -> None:
    """Check the rules the server relies on; each problem names the place and the rule."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _fail(source, "format", f"必须是 {FORMAT}")
    try:
        CatalogDocument.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise _fail(source, where, f"{first['msg']}（共 {exc.error_count()} 处问题）") from None
    bad = _control_text(doc)
    if bad is not None:
        raise _fail(source, bad, "不能含控制字符或方向控制符")
    people = {p.get("user") for p in doc.get("people", [])}
    departments = {d.get("code") for d in doc.get("departments", [])}
    for i, item in enumerate(doc.get("items", [])):
        where = f"items[{i}] {item.get('code', '?')}"
        for key in ("code", "version", "name", "department", "workflow"):
            if key not in item:
                raise _fail(source, where, f"缺少字段 {key}")
        if item["department"] not in departments:
            raise _fail(source, where, f"部门 {item['department']} 未定义")
        legal, promised = item.get("legal_limit_days", 0), item.get("promised_limit_days", 0)
        if not (isinstance(legal, int) and isinstance(promised, int) and 0 <= promised <= legal):
            raise _fail(source, where, "承诺时限必须是不大于法定时限的非负整数")
        stages: dict[int, int] = {}
        for step in item["workflow"]:
            stages[step["stage"]] = max(stages.get(step["stage"], 0), step["limit_days"])
            for name in [*step.get("holders", []), *step.get("backup", [])]:
                if name not in people:
                    raise _fail(source, where, f"岗位 {step['post']} 的人员 {name} 未定义")
        if sum(stages.values()) > promised:
            raise _fail(source, where, "各环节时限之和超过承诺时限")
        if sorted(stages) != list(range(1, len(stages) + 1)):
            raise _fail(source, where, "环节 stage 必须从 1 起连续编号")


def _control_text(value: Any, where: str = "") -> str | None:
    """Where the document holds a string with control characters (PostgreSQL cannot store
    NUL; the counters print these names), or None."""
    if isinstance(value, str):
        try:
            refuse_control_chars(value, where.rsplit(".", 1)[-1] or None)
        except ValueError:
            return where or "文档"
        return None
    items = value.items() if isinstance(value, dict) else (
        enumerate(value) if isinstance(value, list) else ())
    for key, inner in items:
        found = (_control_text(str(key), f"{where}.{key}".lstrip(".") + "（键）")
                 or _control_text(inner, f"{where}.{key}".lstrip(".")))
        if found is not None:
            return found
    return None


def import_catalog(session: Session, doc: dict[str, Any], source: str = "catalog") -> int:
    """Merge a catalog document; returns the new revision (unchanged if nothing changed).

    The revision row is locked first: parallel imports take turns (each its own revision)."""
    validate(doc, source)
    revision = next_counter(session, REVISION_KEY)
    changed = False
    for d in doc.get("departments", []):
        row = session.get(Department, d["code"])
        values = {
            "name": d["name"],
            "phone": d.get("phone", ""),
            "supervision_phone": d.get("supervision_phone", ""),
        }
        if row is None:
            session.add(Department(code=d["code"], revision=revision, **values))
            changed = True
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.revision = revision
            changed = True
    for p in doc.get("people", []):
        person = session.get(Person, p["user"])
        if person is None:
            session.add(Person(user=p["user"], name=p["name"], department=p["department"],
                               revision=revision))
            changed = True
        elif (person.name, person.department) != (p["name"], p["department"]):
            person.name, person.department = p["name"], p["department"]
            person.revision = revision
            changed = True
    for item in doc.get("items", []):
        stored = session.scalar(
            select(CatalogItem).where(
                CatalogItem.code == item["code"], CatalogItem.version == item["version"]
            )
        )
        if stored is None:
            session.add(CatalogItem(code=item["code"], version=item["version"], name=item["name"],
                                    department=item["department"], data=item, revision=revision))
            changed = True
        elif json.dumps(stored.data, sort_keys=True) != json.dumps(item, sort_keys=True):
            raise _fail(source, f"item {item['code']} v{item['version']}",
                        "已发布的版本不可修改，请提高 version")
    if not changed:
        set_setting(session, REVISION_KEY, str(revision - 1))
        return revision - 1
    session.flush()
    return revision


def load_seed(session: Session) -> int:
    path = seed_path()
    return import_catalog(session, json.loads(path.read_text(encoding="utf-8")), str(path))


def item_version(session: Session, code: str, version: int | None = None) -> CatalogItem:
    """An item at a given version, or its newest version."""
    query = select(CatalogItem).where(CatalogItem.code == code)
    if version is not None:
        query = query.where(CatalogItem.version == version)
    else:
        newest = select(func.max(CatalogItem.version)).where(CatalogItem.code == code)
        query = query.where(CatalogItem.version == newest.scalar_subquery())
    row = session.scalar(query)
    if row is None:
        label = code if version is None else f"{code} v{version}"
        raise NotFound("item_not_found", f"事项 {label} 不存在")
    return row


@dataclass(frozen=True)
class ItemVersion:
    """A published item version as case creation needs it, detached from any session."""

    code: str
    version: int
    name: str
    department: str
    data: dict[str, Any]


_versions: dict[tuple[str, str, int], ItemVersion] = {}
_newest: dict[tuple[str, int, str], int] = {}
_cache_lock = threading.Lock()
CACHE_MAX = 4096


def cached_item_version(session: Session, code: str, version: int | None,
                        revision: int | None = None) -> ItemVersion:
    """:func:`item_version`, kept per process: a published version never changes (an import
    refuses to change one), and which version is the newest changes only with the catalog
    revision, which the caller read in its transaction (``revision``; read here when the
    newest is asked for without it). The first request for a version (or for the newest at a
    revision) asks the database; later ones do not."""
    url = str(session.get_bind().engine.url)
    if version is None:
        at = current_revision(session) if revision is None else revision
        wanted = _newest.get((url, at, code))
    else:
        at, wanted = -1, version
    if wanted is not None:
        found = _versions.get((url, code, wanted))
        if found is not None:
            return found
    row = item_version(session, code, version)
    found = ItemVersion(row.code, row.version, row.name, row.department,
                        copy.deepcopy(row.data))
    with _cache_lock:
        if len(_versions) >= CACHE_MAX or len(_newest) >= CACHE_MAX:
            _versions.clear()
            _newest.clear()
        _versions[(url, code, found.version)] = found
        if version is None:
            _newest[(url, at, code)] = found.version
    return found


def changes_since(session: Session, since: int) -> dict[str, Any]:
    """Everything that changed after revision ``since`` (0 gives the whole catalog)."""
    return {
        "format": FORMAT,
        "revision": current_revision(session),
        "since": since,
        "departments": [
            {"code": d.code, "name": d.name, "phone": d.phone,
             "supervision_phone": d.supervision_phone}
            for d in session.scalars(
                select(Department).where(Department.revision > since).order_by(Department.code))
        ],
        "people": [
            {"user": p.user, "name": p.name, "department": p.department}
            for p in session.scalars(
                select(Person).where(Person.revision > since).order_by(Person.user))
        ],
        "items": [
            i.data
            for i in session.scalars(
                select(CatalogItem).where(CatalogItem.revision > since)
                .order_by(CatalogItem.code, CatalogItem.version))
        ],
    }


def role_for_posts(posts: set[str]) -> str | None:
    """The demo role of a catalog person from the posts they hold (catalog-format.md)."""
    if "chief" in posts:
        return "chief"
    if "deputy" in posts:
        return "deputy"
    if posts - COUNTER_POSTS:
        return "reviewer"
    if posts & COUNTER_POSTS:
        return "clerk"
    return None
