"""After a crash or a failed print: settle every pending receipt before new work starts.

A pending receipt's number was taken and its payment recorded, but nobody confirmed the paper.
The cashier looks at the printer: if nothing came out, the same number is printed again
(``reprint_same``); if something half came out, that paper is 作废 and the payment gets the
next number (``spoil_and_reissue``). Either way every number stays on a recorded receipt or a
recorded 作废.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from hall_client.core import receipt_stock
from hall_client.core.actor import Actor
from hall_client.store.cashier_models import ReceiptRecord


def settle_pending(session: Session, actor: Actor, paper_came_out: bool, receipt_id: str,
                   reason: str = "打印中断") -> ReceiptRecord:
    """Settle one pending receipt: confirm it, or spoil it and take the next number."""
    if paper_came_out:
        return receipt_stock.mark_printed(session, actor, receipt_id)
    return receipt_stock.spoil_and_reissue(session, actor, receipt_id, reason)
