"""Receipt stock (票据 领、用、缴、销): receive batches, issue to cashiers, take numbers, hand in,
write off, report.

A number is taken and the receipt row written in one transaction, before any paper moves. If
the program dies after that, the row is ``pending`` and the cashier prints it or spoils it
(作废) when the program comes back: a number is never skipped and never used twice. Every
change writes an audit line in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hall_client.core import audit
from hall_client.core.actor import Actor
from hall_client.core.errors import DomainError, NotFound, PermissionDenied
from hall_client.store.cashier_models import ReceiptBatch, ReceiptIssue, ReceiptRecord
from hall_client.store.models import utcnow

_CODE = re.compile(r"[0-9]{8}")  # ASCII digits only: \d also matches Arabic-Indic digits
_NUMBER = re.compile(r"[0-9]{10}")
MAX_BATCH = 100_000


class StockError(DomainError):
    code = "stock_error"


def format_number(number: int) -> str:
    return f"{number:010d}"


def parse_number(text: str, field: str = "票据号码") -> int:
    """A 票据号码 as typed: exactly 10 digits."""
    if not _NUMBER.fullmatch(text.strip()):
        raise StockError(f"{field}应为10位数字：{text}", code="receipt_number_invalid")
    return int(text)


def _check_code(stock_code: str) -> str:
    if not _CODE.fullmatch(stock_code.strip()):
        raise StockError(f"票据代码应为8位数字：{stock_code}", code="stock_code_invalid")
    return stock_code.strip()


def _stock_role(actor: Actor) -> str:
    for role in ("supervisor", "admin"):
        if role in actor.roles:
            return role
    raise PermissionDenied(f"{actor.full_name}无权管理票据库存（需值班主任或管理员）",
                           code="role_required:supervisor")


def receive_batch(session: Session, actor: Actor, stock_code: str, start: str, end: str,
                  source: str = "财政局") -> ReceiptBatch:
    """Record paper received from the finance bureau (领)."""
    role = _stock_role(actor)
    code = _check_code(stock_code)
    first, last = parse_number(start, "起始号码"), parse_number(end, "终止号码")
    if first > last:
        raise StockError(f"起始号码 {start} 大于终止号码 {end}", code="receipt_range_invalid")
    if last - first + 1 > MAX_BATCH:
        raise StockError(f"一批最多 {MAX_BATCH} 张，而不是 {last - first + 1} 张",
                         code="receipt_range_too_large")
    overlap = session.scalar(select(ReceiptBatch).where(
        ReceiptBatch.stock_code == code, ReceiptBatch.start_no <= last,
        ReceiptBatch.end_no >= first))
    if overlap is not None:
        raise StockError(
            f"票据代码 {code} 的号码 {start}–{end} 与已入库的 "
            f"{format_number(overlap.start_no)}–{format_number(overlap.end_no)} 重叠",
            code="receipt_range_overlap")
    batch = ReceiptBatch(stock_code=code, start_no=first, end_no=last, source=source,
                         received_by=actor.username)
    session.add(batch)
    session.flush()
    audit.record(session, actor, role=role, action="receipt_stock.receive",
                 object_type="receipt_batch", object_id=batch.id,
                 after={"stock_code": code, "start": start, "end": end, "source": source})
    return batch


def _taken_ranges(session: Session, batch: ReceiptBatch) -> list[tuple[int, int]]:
    """Number ranges of a batch no longer free: issued ranges, minus unused numbers handed in."""
    ranges = []
    for issue in session.scalars(select(ReceiptIssue).where(ReceiptIssue.batch_id == batch.id)):
        last = issue.next_no - 1 if issue.status == "handed_in" else issue.end_no
        if last >= issue.start_no:
            ranges.append((issue.start_no, last))
    return sorted(ranges)


def _free_ranges(session: Session, batch: ReceiptBatch) -> list[tuple[int, int]]:
    free, cursor = [], batch.start_no
    for start, end in _taken_ranges(session, batch):
        if start > cursor:
            free.append((cursor, start - 1))
        cursor = max(cursor, end + 1)
    if cursor <= batch.end_no:
        free.append((cursor, batch.end_no))
    return free


def issue_to_cashier(session: Session, actor: Actor, cashier: str, stock_code: str,
                     count: int) -> ReceiptIssue:
    """Issue ``count`` consecutive numbers of a 票据代码 to a cashier (lowest free first)."""
    role = _stock_role(actor)
    code = _check_code(stock_code)
    if count <= 0:
        raise StockError(f"领用张数应大于零：{count}", code="receipt_count_invalid")
    batches = session.scalars(select(ReceiptBatch).where(ReceiptBatch.stock_code == code)
                              .order_by(ReceiptBatch.start_no)).all()
    for batch in batches:
        for start, end in _free_ranges(session, batch):
            if end - start + 1 >= count:
                issue = ReceiptIssue(batch_id=batch.id, stock_code=code, cashier=cashier,
                                     start_no=start, end_no=start + count - 1, next_no=start,
                                     issued_by=actor.username)
                session.add(issue)
                session.flush()
                audit.record(session, actor, role=role, action="receipt_stock.issue",
                             object_type="receipt_issue", object_id=issue.id,
                             after={"cashier": cashier, "stock_code": code,
                                    "start": format_number(issue.start_no),
                                    "end": format_number(issue.end_no)})
                return issue
    raise StockError(f"票据代码 {code} 没有连续 {count} 张可领用的空白票据",
                     code="stock_run_out")


def take_number(session: Session, actor: Actor, payment_id: str | None) -> ReceiptRecord:
    """Take the cashier's next number and write the pending receipt row (same transaction)."""
    issue = session.scalar(
        select(ReceiptIssue)
        .where(ReceiptIssue.cashier == actor.username, ReceiptIssue.status == "active",
               ReceiptIssue.next_no <= ReceiptIssue.end_no)
        .order_by(ReceiptIssue.issued_at, ReceiptIssue.start_no))
    if issue is None:
        raise StockError(f"{actor.full_name}手上没有空白票据，请先领用", code="stock_run_out")
    record = ReceiptRecord(issue_id=issue.id, stock_code=issue.stock_code, number=issue.next_no,
                           cashier=actor.username, payment_id=payment_id)
    issue.next_no += 1
    session.add(record)
    session.flush()
    audit.record(session, actor, role="cashier", action="receipt.take_number",
                 object_type="receipt", object_id=record.id,
                 after={"stock_code": record.stock_code, "number": format_number(record.number),
                        "payment": payment_id})
    return record


def get_receipt(session: Session, receipt_id: str) -> ReceiptRecord:
    record = session.get(ReceiptRecord, receipt_id)
    if record is None:
        raise NotFound(f"找不到票据 {receipt_id}", code="receipt_not_found")
    return record


def find_receipt(session: Session, stock_code: str, number: str) -> ReceiptRecord:
    record = session.scalar(select(ReceiptRecord).where(
        ReceiptRecord.stock_code == _check_code(stock_code),
        ReceiptRecord.number == parse_number(number)))
    if record is None:
        raise NotFound(f"找不到票据 {stock_code} {number}", code="receipt_not_found")
    return record


def mark_printed(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    record = get_receipt(session, receipt_id)
    if record.status != "pending":
        raise StockError(f"票据 {format_number(record.number)} 状态为 {record.status}，不能再标记为已打印",
                         code="receipt_not_pending")
    record.status, record.printed_at, record.last_error = "printed", utcnow(), ""
    audit.record(session, actor, role="cashier", action="receipt.printed", object_type="receipt",
                 object_id=record.id, after={"number": format_number(record.number)})
    return record


def note_print_failure(session: Session, actor: Actor, receipt_id: str, error: str) -> None:
    """Keep the receipt pending and remember why printing failed (to reprint or spoil)."""
    record = get_receipt(session, receipt_id)
    record.last_error = error
    audit.record(session, actor, role="cashier", action="receipt.print_failed",
                 object_type="receipt", object_id=record.id,
                 after={"number": format_number(record.number), "error": error})


def spoil(session: Session, actor: Actor, receipt_id: str, reason: str) -> ReceiptRecord:
    """Record a receipt as 作废 with a reason (torn, jammed, half printed, payment voided)."""
    if not reason.strip():
        raise StockError("作废必须填写原因", code="spoil_reason_missing")
    record = get_receipt(session, receipt_id)
    if record.status == "spoiled":
        raise StockError(f"票据 {format_number(record.number)} 已作废", code="receipt_already_spoiled")
    before = record.status
    record.status, record.reason, record.spoiled_at = "spoiled", reason, utcnow()
    audit.record(session, actor, role="cashier", action="receipt.spoil", object_type="receipt",
                 object_id=record.id, before={"status": before},
                 after={"status": "spoiled", "number": format_number(record.number),
                        "reason": reason})
    return record


def spoil_and_reissue(session: Session, actor: Actor, receipt_id: str,
                      reason: str) -> ReceiptRecord:
    """Spoil a receipt whose paper came out wrong and take a new number for the same payment."""
    old = spoil(session, actor, receipt_id, reason)
    return take_number(session, actor, old.payment_id)


def count_reprint(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    """Count one more reprint (重打) of a printed receipt; the print shows the count."""
    record = get_receipt(session, receipt_id)
    if record.status != "printed":
        raise StockError(f"只有已打印的票据可以重打；票据 {format_number(record.number)} 为 "
                         f"{record.status}", code="receipt_not_printed")
    record.reprints += 1
    audit.record(session, actor, role="cashier", action="receipt.reprint", object_type="receipt",
                 object_id=record.id, after={"number": format_number(record.number),
                                             "reprints": record.reprints})
    return record


def pending_receipts(session: Session, cashier: str | None = None) -> list[ReceiptRecord]:
    """Receipts whose number was taken but whose printing was never confirmed."""
    query = select(ReceiptRecord).where(ReceiptRecord.status == "pending")
    if cashier is not None:
        query = query.where(ReceiptRecord.cashier == cashier)
    return list(session.scalars(query.order_by(ReceiptRecord.stock_code, ReceiptRecord.number)))


def hand_in(session: Session, actor: Actor, issue_id: str) -> ReceiptIssue:
    """缴: the cashier hands in used stubs; unused numbers go back to stock for re-issue."""
    role = _stock_role(actor)
    issue = session.get(ReceiptIssue, issue_id)
    if issue is None or issue.status != "active":
        raise StockError("只能缴回正在使用的领用记录", code="issue_not_active")
    if pending_receipts(session, issue.cashier):
        raise StockError("还有未确认打印的票据，请先打印或作废", code="receipts_pending")
    issue.status, issue.closed_at = "handed_in", utcnow()
    audit.record(session, actor, role=role, action="receipt_stock.hand_in",
                 object_type="receipt_issue", object_id=issue.id,
                 after={"used_to": format_number(issue.next_no - 1),
                        "returned": max(0, issue.end_no - issue.next_no + 1)})
    return issue


def write_off(session: Session, actor: Actor, approver: Actor, issue_id: str,
              reason: str) -> ReceiptIssue:
    """销: write off an issue's unused numbers (lost, damaged) with a supervisor's approval.

    Each unused number becomes a spoiled receipt row, so every number stays accounted for.
    """
    approver.require("supervisor")
    if approver.username == actor.username:
        raise PermissionDenied("核销须由另一位值班主任批准", code="approver_must_differ")
    if not reason.strip():
        raise StockError("核销必须填写原因", code="write_off_reason_missing")
    issue = session.get(ReceiptIssue, issue_id)
    if issue is None or issue.status != "active":
        raise StockError("只能核销正在使用的领用记录", code="issue_not_active")
    now = utcnow()
    for number in range(issue.next_no, issue.end_no + 1):
        session.add(ReceiptRecord(issue_id=issue.id, stock_code=issue.stock_code, number=number,
                                  cashier=issue.cashier, payment_id=None, status="spoiled",
                                  reason=f"核销：{reason}", spoiled_at=now))
    count = issue.end_no - issue.next_no + 1
    issue.next_no = issue.end_no + 1
    issue.status, issue.closed_at, issue.close_reason = "written_off", now, reason
    issue.approved_by = approver.username
    audit.record(session, actor, role="cashier", action="receipt_stock.write_off",
                 object_type="receipt_issue", object_id=issue.id,
                 after={"count": count, "reason": reason, "approved_by": approver.username})
    return issue


@dataclass(frozen=True)
class StockLine:
    stock_code: str
    start: str
    end: str
    total: int
    issued: int
    printed: int
    spoiled: int
    pending: int
    unused_with_cashiers: int
    in_stock: int


def stock_report(session: Session) -> list[StockLine]:
    """Per batch: how many numbers were issued, printed, spoiled, are pending, unused or free."""
    lines = []
    for batch in session.scalars(select(ReceiptBatch).order_by(ReceiptBatch.stock_code,
                                                                ReceiptBatch.start_no)):
        counts = dict(session.execute(
            select(ReceiptRecord.status, func.count())
            .join(ReceiptIssue, ReceiptIssue.id == ReceiptRecord.issue_id)
            .where(ReceiptIssue.batch_id == batch.id).group_by(ReceiptRecord.status)).all())
        issues = session.scalars(select(ReceiptIssue).where(ReceiptIssue.batch_id == batch.id))
        issued = unused = 0
        for issue in issues:
            last = issue.next_no - 1 if issue.status == "handed_in" else issue.end_no
            issued += max(0, last - issue.start_no + 1)
            if issue.status == "active":
                unused += issue.end_no - issue.next_no + 1
        total = batch.end_no - batch.start_no + 1
        lines.append(StockLine(batch.stock_code, format_number(batch.start_no),
                               format_number(batch.end_no), total, issued,
                               counts.get("printed", 0), counts.get("spoiled", 0),
                               counts.get("pending", 0), unused, total - issued))
    return lines
