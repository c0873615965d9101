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

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hall_client.core import audit
from hall_client.core.actor import Actor
from hall_client.core.errors import DomainError, NotFound, PermissionDenied
from hall_client.store.cashier_models import Payment, ReceiptBatch, ReceiptIssue, ReceiptRecord
from hall_client.store.models import Person, utcnow

_CODE = re.compile(r"[0-9]{8}")  # ASCII digits only: \d also matches Arabic-Indic digits
_NUMBER = re.compile(r"[0-9]{10}")
MAX_BATCH = 100_000
#: A receipt is unsettled while its number is taken but no paper is confirmed: ``pending``
#: (not sent, or the send failed) or ``printing`` (reserved by a print run that has not
#: reported back, e.g. the program died while sending).
UNSETTLED = ("pending", "printing")


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


def approval(actor: Actor, approver: Actor | None, *, holder: str = "",
             what: str = "此操作") -> Actor:
    """A supervisor other than the actor (and other than ``holder``, whose stock or money it
    is) approves; they signed in on the spot. Returns the approver."""
    if approver is None:
        raise PermissionDenied(f"{what}须由值班主任当场批准", code="approval_required")
    approver.require("supervisor")
    if approver.username in (actor.username, holder):
        raise PermissionDenied(f"{what}须由另一位值班主任批准（不能批准本人的操作）",
                               code="approver_must_differ")
    return approver


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
    _check_cashier(session, cashier)
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


def _check_cashier(session: Session, username: str) -> None:
    """Numbers go only to a registered, active person who holds the cashier role."""
    person = session.scalar(select(Person).where(Person.username == username))
    if person is None or not person.active:
        raise StockError(f"没有这个用户：{username}", code="person_not_found")
    if "cashier" not in person.role_names:
        raise StockError(f"{person.full_name}（{username}）不是收费员，不能领用票据",
                         code="receiver_not_cashier")


def numbers_left(session: Session, cashier: str) -> int:
    """Blank numbers the cashier holds (active issues, not yet used)."""
    issues = session.scalars(select(ReceiptIssue).where(ReceiptIssue.cashier == cashier,
                                                        ReceiptIssue.status == "active"))
    return sum(max(0, i.end_no - i.next_no + 1) for i in issues)


def take_number(session: Session, actor: Actor, payment_id: str | None) -> ReceiptRecord:
    """Take the cashier's next number and write the pending receipt row (same transaction)."""
    role = actor.require("cashier")
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
    audit.record(session, actor, role=role, action="receipt.take_number",
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


def _own(actor: Actor, record: ReceiptRecord, what: str) -> str:
    """The cashier role, and the receipt must be on this cashier's own stock."""
    role = actor.require("cashier")
    if record.cashier != actor.username:
        raise PermissionDenied(
            f"票据 {format_number(record.number)} 是 {record.cashier} 的票据，{actor.full_name}不能{what}",
            code="receipt_not_own")
    return role


STATUS_NAMES = {"pending": "待打印", "printing": "正在打印", "printed": "已打印", "spoiled": "已作废"}


def reserve_for_print(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    """Reserve a pending receipt for one print run before any byte is sent.

    The change pending → printing is one conditional UPDATE, so of two runs on the same
    number exactly one wins; the other is refused (a second paper is a reprint, counted).
    """
    record = get_receipt(session, receipt_id)
    role = _own(actor, record, "打印")
    result = session.execute(
        update(ReceiptRecord)
        .where(ReceiptRecord.id == receipt_id, ReceiptRecord.status == "pending")
        .values(status="printing", printing_at=utcnow())
        .execution_options(synchronize_session=False))
    won = getattr(result, "rowcount", 0)
    session.refresh(record)
    if not won:
        status = STATUS_NAMES.get(record.status, record.status)
        raise StockError(f"票据 {format_number(record.number)} {status}，不能再按原票打印；"
                         "要再出一张请用重打（会标明“重打”并计数）", code="receipt_not_pending")
    audit.record(session, actor, role=role, action="receipt.print_start", object_type="receipt",
                 object_id=record.id, after={"number": format_number(record.number)})
    return record


def release(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    """A print run died before it reported back and the cashier saw no paper come out: the
    reservation is released (printing → pending) so the same number can be printed."""
    record = get_receipt(session, receipt_id)
    role = _own(actor, record, "释放打印")
    if record.status != "printing":
        raise StockError(f"票据 {format_number(record.number)} "
                         f"{STATUS_NAMES.get(record.status, record.status)}，没有待释放的打印",
                         code="receipt_not_printing")
    record.status, record.last_error = "pending", "打印中断，未出纸"
    audit.record(session, actor, role=role, action="receipt.print_released",
                 object_type="receipt", object_id=record.id,
                 after={"number": format_number(record.number)})
    return record


def mark_printed(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    """The paper came out: the receipt is printed (from pending, or from a print run's
    reservation)."""
    record = get_receipt(session, receipt_id)
    role = _own(actor, record, "确认打印")
    if record.status not in UNSETTLED:
        raise StockError(f"票据 {format_number(record.number)} 状态为 {record.status}，不能再标记为已打印",
                         code="receipt_not_pending")
    record.status, record.printed_at, record.last_error = "printed", utcnow(), ""
    audit.record(session, actor, role=role, action="receipt.printed", object_type="receipt",
                 object_id=record.id, after={"number": format_number(record.number)})
    return record


def note_print_failure(session: Session, actor: Actor, receipt_id: str, error: str) -> None:
    """The printer did not take it: release the reservation (pending again) and remember why
    (to print the same number again or spoil it)."""
    record = get_receipt(session, receipt_id)
    role = actor.require("cashier")
    if record.status == "printing":
        record.status = "pending"
    record.last_error = error
    audit.record(session, actor, role=role, action="receipt.print_failed",
                 object_type="receipt", object_id=record.id,
                 after={"number": format_number(record.number), "error": error})


def spoil_record(session: Session, actor: Actor, record: ReceiptRecord, reason: str, *,
                 role: str, approved_by: str = "") -> ReceiptRecord:
    """Write the 作废 of a receipt whose rules the caller has checked (a voided payment)."""
    if not reason.strip():
        raise StockError("作废必须填写原因", code="spoil_reason_missing")
    if record.status == "spoiled":
        raise StockError(f"票据 {format_number(record.number)} 已作废", code="receipt_already_spoiled")
    before = record.status
    record.status, record.reason, record.spoiled_at = "spoiled", reason, utcnow()
    audit.record(session, actor, role=role, action="receipt.spoil", object_type="receipt",
                 object_id=record.id, before={"status": before},
                 after={"status": "spoiled", "number": format_number(record.number),
                        "reason": reason, "approved_by": approved_by})
    return record


def _checked_spoil(session: Session, actor: Actor, receipt_id: str, reason: str,
                   approver: Actor | None, *, reissue: bool) -> ReceiptRecord:
    record = get_receipt(session, receipt_id)
    role = _own(actor, record, "作废")
    if not reason.strip():
        raise StockError("作废必须填写原因", code="spoil_reason_missing")
    approved_by = ""
    if record.status == "printed":
        # The payer may hold this paper: killing it needs another person's approval.
        approved_by = approval(actor, approver, what="作废已打印的票据").username
    payment = session.get(Payment, record.payment_id) if record.payment_id else None
    if payment is not None and payment.status == "paid" and not reissue:
        raise StockError(f"票据 {format_number(record.number)} 的收款仍有效：作废后须换号重开"
                         "（--reissue），或先作废收款", code="spoil_leaves_payment_without_receipt")
    return spoil_record(session, actor, record, reason, role=role, approved_by=approved_by)


def spoil(session: Session, actor: Actor, receipt_id: str, reason: str,
          approver: Actor | None = None) -> ReceiptRecord:
    """Record a receipt with no valid payment behind it as 作废 (a printed one: approved)."""
    return _checked_spoil(session, actor, receipt_id, reason, approver, reissue=False)


def spoil_and_reissue(session: Session, actor: Actor, receipt_id: str,
                      reason: str, approver: Actor | None = None) -> ReceiptRecord:
    """Spoil a receipt whose paper came out wrong and take a new number for the same payment.

    Only the cashier whose stock it is may; a printed receipt needs a supervisor's approval.
    """
    old = _checked_spoil(session, actor, receipt_id, reason, approver, reissue=True)
    return take_number(session, actor, old.payment_id)


def count_reprint(session: Session, actor: Actor, receipt_id: str) -> ReceiptRecord:
    """Count one more reprint (重打) of a printed receipt; the print shows the count."""
    role = actor.require("cashier")
    record = get_receipt(session, receipt_id)
    if record.status != "printed":
        raise StockError(f"只有已打印的票据可以重打；票据 {format_number(record.number)} "
                         f"{STATUS_NAMES.get(record.status, record.status)}",
                         code="receipt_not_printed")
    record.reprints += 1
    audit.record(session, actor, role=role, action="receipt.reprint", object_type="receipt",
                 object_id=record.id, after={"number": format_number(record.number),
                                             "reprints": record.reprints})
    return record


def pending_receipts(session: Session, cashier: str | None = None, *,
                     payments: list[str] | None = None) -> list[ReceiptRecord]:
    """Receipts whose number was taken but whose printing was never confirmed: of one
    cashier's stock, or (``payments``) of these payments whoever's stock they came from."""
    query = select(ReceiptRecord).where(ReceiptRecord.status.in_(UNSETTLED))
    if cashier is not None:
        query = query.where(ReceiptRecord.cashier == cashier)
    if payments is not None:
        query = query.where(ReceiptRecord.payment_id.in_(payments))
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
    issue = session.get(ReceiptIssue, issue_id)
    if issue is None or issue.status != "active":
        raise StockError("只能核销正在使用的领用记录", code="issue_not_active")
    role = actor.require("cashier") if issue.cashier == actor.username else _stock_role(actor)
    # Neither the actor nor the holder of the numbers may approve their write-off.
    approval(actor, approver, holder=issue.cashier, what="核销票据")
    if not reason.strip():
        raise StockError("核销必须填写原因", code="write_off_reason_missing")
    now = utcnow()
    for number in range(issue.next_no, issue.end_no + 1):
        session.add(ReceiptRecord(issue_id=issue.id, stock_code=issue.stock_code, number=number,
                                  cashier=issue.cashier, payment_id=None, status="spoiled",
                                  reason=f"核销：{reason}", spoiled_at=now))
    count = issue.end_no - issue.next_no + 1
    issue.next_no = issue.end_no + 1
    issue.status, issue.closed_at, issue.close_reason = "written_off", now, reason
    issue.approved_by = approver.username
    audit.record(session, actor, role=role, action="receipt_stock.write_off",
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
                               counts.get("pending", 0) + counts.get("printing", 0), unused,
                               total - issued))
    return lines
