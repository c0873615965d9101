"""Printing a receipt whose number is already taken: send, then confirm or keep it pending.

The number and the pending row were committed before this runs. A successful send marks the
receipt printed; a failed send leaves it pending with the error noted, and the cashier then
reprints it (no paper came out) or spoils it and takes a new number (paper came out wrong).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from hall_client.core import receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.cashier import receipt_facts
from hall_client.printing.output import Mode, receipt_bytes, send
from hall_client.printing.printer_uri import PrinterError
from hall_client.printing.receipt import Receipt, receipt_from_facts

#: ``Store.transaction``: opens one committed-or-rolled-back unit of work.
Transaction = Callable[[], AbstractContextManager[Session]]


def load_receipt(transaction: Transaction, receipt_id: str, *, hall_code: str, hall_name: str) -> Receipt:
    with transaction() as session:
        facts = receipt_facts(session, receipt_id)
    return receipt_from_facts(facts, hall_code=hall_code, hall_name=hall_name)


def claim_receipt(transaction: Transaction, actor: Actor, receipt_id: str, *, hall_code: str,
                  hall_name: str, reprint: bool = False) -> Receipt:
    """Database step before sending: count a reprint, or reserve the pending receipt for this
    run (one paper per number: a second run on the same number is refused)."""
    with transaction() as session:
        if reprint:
            receipt_stock.count_reprint(session, actor, receipt_id)
        else:
            receipt_stock.reserve_for_print(session, actor, receipt_id)
        facts = receipt_facts(session, receipt_id)
    return receipt_from_facts(facts, hall_code=hall_code, hall_name=hall_name)


def send_receipt(receipt: Receipt, *, printer: str, key: bytes, mode: Mode = "raster",
                 paper: int = 58, kick_drawer: bool = False, charset: str = "gbk") -> None:
    """Printer step, no database: raises PrinterError when the printer does not take it."""
    send(printer, receipt_bytes(receipt, key, mode=mode, paper=paper, kick_drawer=kick_drawer,
                                charset=charset))


def record_print(transaction: Transaction, actor: Actor, receipt_id: str, *,
                 error: str | None = None, reprint: bool = False) -> None:
    """Database step after sending: mark printed, or note the failure (receipt stays pending)."""
    if error is not None:
        with transaction() as session:
            receipt_stock.note_print_failure(session, actor, receipt_id, error)
    elif not reprint:
        with transaction() as session:
            receipt_stock.mark_printed(session, actor, receipt_id)


def print_receipt(transaction: Transaction, actor: Actor, receipt_id: str, *, printer: str, key: bytes,
                  hall_code: str, hall_name: str, mode: Mode = "raster", paper: int = 58,
                  kick_drawer: bool = False, reprint: bool = False,
                  charset: str = "gbk") -> Receipt:
    """Print a pending receipt (or, with ``reprint``, count and print a 重打 copy).

    The three steps run one after another here; the GUI runs the database steps on its
    database executor and only the send on the printer thread.
    """
    receipt = claim_receipt(transaction, actor, receipt_id, hall_code=hall_code,
                            hall_name=hall_name, reprint=reprint)
    try:
        send_receipt(receipt, printer=printer, key=key, mode=mode, paper=paper,
                     kick_drawer=kick_drawer, charset=charset)
    except PrinterError as exc:
        record_print(transaction, actor, receipt_id, error=str(exc), reprint=reprint)
        raise
    record_print(transaction, actor, receipt_id, reprint=reprint)
    return receipt
