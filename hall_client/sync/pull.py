"""Pulling from the central server: case changes since a cursor, the catalog (ETag) and the
holiday table. Each batch is applied and its cursor stored in one transaction, so a repeat
after a cut applies nothing twice. The server owns workflow state: its view of a case replaces
the counter's copy, and what the clerk must act on becomes a notice."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hall_client.core import catalog
from hall_client.core.actor import ROLES, Actor
from hall_client.core.errors import InvalidInput
from hall_client.store.case_models import HolidayDay, HolidayYear
from hall_client.store.db import Store
from hall_client.store.models import utcnow
from hall_client.store.sync_models import PresubmissionRow, ServerCase, SyncNotice
from hall_client.sync import ledger
from hall_client.sync.transport import Answer

CASE_CURSOR = "cases_cursor"
CATALOG_REVISION = "catalog_revision"
HOLIDAY_ETAG = "holidays_etag"

#: Notice kinds and what the clerk is told (the GUI translates by kind).
NOTICE_TEXT = {
    "approved": "审批通过：请通知申请人缴费、领取证照",
    "returned": "案件被退回",
    "correction": "需要申请人补正材料",
    "rejected": "不予许可",
}


@dataclass
class PullReport:
    cases: int = 0
    notices: int = 0
    catalog_items: int = 0
    holidays: int | None = None
    presubmissions: int = 0
    errors: list[str] = field(default_factory=list)


def _notice(session: Session, case: dict[str, Any], kind: str, key: str, detail: str) -> bool:
    nid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"notice:{case['id']}:{kind}:{key}"))
    if session.get(SyncNotice, nid) is not None:
        return False
    text = NOTICE_TEXT[kind] + (f"：{detail}" if detail else "")
    session.add(SyncNotice(id=nid, case_id=str(case["id"]), case_number=case["case_number"],
                           kind=kind, text=text[:2000]))
    return True


def apply_case(session: Session, case: dict[str, Any]) -> int:
    """Store the server's view of one case; returns the number of new clerk notices."""
    row = session.get(ServerCase, str(case["id"]))
    values = dict(case_number=case["case_number"], status=case["status"],
                  item_code=case["item_code"], item_name=case.get("item_name", ""),
                  project_name=case.get("project_name", ""),
                  applicant=str((case.get("applicant") or {}).get("name", ""))[:100],
                  warning=case.get("warning", ""), promised_due=case.get("promised_due"),
                  data={k: v for k, v in case.items() if k != "verification_code"},
                  updated_at=utcnow())
    if row is None:
        session.add(ServerCase(id=str(case["id"]), **values))
    else:
        for k, v in values.items():
            setattr(row, k, v)
    new = 0
    status = case["status"]
    steps = case.get("steps") or []
    if status == "awaiting_collection":
        new += _notice(session, case, "approved", "", "")
    if status == "rejected":
        new += _notice(session, case, "rejected", "", case.get("outcome_reason", ""))
    for step in steps:
        if step.get("state") == "returned" and step.get("actor"):
            new += _notice(session, case, "returned", str(step["id"]),
                           f"{step.get('name', '')}（{step.get('actor', '')}）{step.get('opinion', '')}")
    if status == "correction":
        active = [s for s in steps if s.get("state") == "active"]
        key = ",".join(str(s["id"]) for s in active)
        new += _notice(session, case, "correction", key, case.get("outcome_reason", ""))
    return new


class Puller:
    def __init__(self, store: Store, call: Callable[..., Answer]) -> None:
        self.store, self.call = store, call

    def pull_cases(self, report: PullReport, limit: int = 100) -> None:
        while True:
            with self.store.transaction() as s:
                cursor = int(ledger.get_value(s, CASE_CURSOR, "0"))
            answer = self.call("GET", "/api/v1/sync/cases",
                               params={"after": cursor, "limit": limit})
            if answer.status != 200 or not isinstance(answer.body, dict):
                report.errors.append(f"sync/cases: {answer.status} {answer.message}")
                return
            body = answer.body
            with self.store.transaction() as s:
                if int(ledger.get_value(s, CASE_CURSOR, "0")) != cursor:
                    continue  # another pass applied this batch meanwhile
                for case in body["cases"]:
                    report.notices += apply_case(s, case)
                    report.cases += 1
                ledger.set_value(s, CASE_CURSOR, str(int(body["cursor"])))
            if not body.get("more"):
                return

    def pull_presubmissions(self, report: PullReport) -> None:
        answer = self.call("GET", "/api/v1/presubmissions", params={"status": "submitted"})
        if answer.status in (403, 404):
            return  # not hall staff, or a server without online applications
        if answer.status != 200 or not isinstance(answer.body, list):
            report.errors.append(f"presubmissions: {answer.status} {answer.message}")
            return
        with self.store.transaction() as s:
            report.presubmissions += apply_presubmissions(s, answer.body)

    def pull_catalog(self, report: PullReport) -> None:
        with self.store.transaction() as s:
            revision = int(ledger.get_value(s, CATALOG_REVISION, "0"))
        headers = {"If-None-Match": f'"catalog-{revision}"'} if revision else {}
        answer = self.call("GET", "/api/v1/catalog", params={"since": revision}, headers=headers)
        if answer.status == 304:
            return
        if answer.status != 200 or not isinstance(answer.body, dict):
            report.errors.append(f"catalog: {answer.status} {answer.message}")
            return
        body = answer.body
        doc = {"format": body.get("format"), "version": 1, "departments": body["departments"],
               "people": body["people"], "items": body["items"]}
        system = Actor(username="sync", full_name="中心服务器同步", roles=frozenset(ROLES),
                       counter="")
        try:
            with self.store.transaction() as s:
                if doc["departments"] or doc["people"] or doc["items"]:
                    result = catalog.import_document(s, system, doc, source="中心服务器目录")
                    report.catalog_items += len(result.added) + len(result.updated)
                ledger.set_value(s, CATALOG_REVISION, str(int(body["revision"])))
        except InvalidInput as exc:
            report.errors.append("catalog: " + "; ".join(str(p) for p in exc.problems[:3]))

    def pull_holidays(self, report: PullReport) -> None:
        with self.store.transaction() as s:
            etag = ledger.get_value(s, HOLIDAY_ETAG)
        answer = self.call("GET", "/api/v1/holidays",
                           headers={"If-None-Match": etag} if etag else {})
        if answer.status == 304:
            return
        if answer.status != 200 or not isinstance(answer.body, dict):
            report.errors.append(f"holidays: {answer.status} {answer.message}")
            return
        days = answer.body["days"]
        with self.store.transaction() as s:
            # The server's table replaces the counter's whole table.
            s.execute(delete(HolidayDay))
            s.execute(delete(HolidayYear))
            for d in days:
                s.add(HolidayDay(day=date.fromisoformat(d["day"]), kind=d["kind"],
                                 name=str(d.get("name", ""))[:32]))
            for year in range(int(answer.body["first_year"]), int(answer.body["last_year"]) + 1):
                s.add(HolidayYear(year=year, source="server"))
            ledger.set_value(s, HOLIDAY_ETAG, answer.headers.get("ETag", ""))
        report.holidays = len(days)


def apply_presubmissions(session: Session, rows: list[dict[str, Any]]) -> int:
    """The hall's waiting online applications; one decided at another counter (gone from the
    server's list) is marked so, and a local decision is never overwritten."""
    seen = set()
    new = 0
    for p in rows:
        seen.add(str(p["id"]))
        if session.get(PresubmissionRow, str(p["id"])) is not None:
            continue
        session.add(PresubmissionRow(
            id=str(p["id"]), item_code=p["item_code"], item_name=p.get("item_name", ""),
            project_name=p.get("project_name", ""), applicant=p.get("applicant") or {},
            materials=p.get("materials") or [], notes=p.get("notes", ""),
            submitted_at=datetime.fromisoformat(p["submitted_at"]), status="submitted"))
        new += 1
    for row in session.scalars(select(PresubmissionRow).where(
            PresubmissionRow.status == "submitted")):
        if row.id not in seen:
            row.status = "elsewhere"
    return new


def unseen_notices(session: Session) -> list[SyncNotice]:
    return list(session.scalars(select(SyncNotice).where(SyncNotice.seen_at.is_(None))
                                .order_by(SyncNotice.created_at)))


def mark_seen(session: Session, notice_ids: list[str]) -> None:
    for nid in notice_ids:
        row = session.get(SyncNotice, nid)
        if row is not None and row.seen_at is None:
            row.seen_at = utcnow()
