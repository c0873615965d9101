"""Receipts as the server's /verify knows them: each issued receipt is reported (payer masked).

The receipt's QR is signed with the hall seal when printed (``printing/signing.py``); the
server needs no copy of the signature, only the facts and the standing (voided and refunded
payments are reported by the cashier's own ``fee.voided`` / ``fee.refunded`` messages).
"""

from __future__ import annotations

import uuid
from datetime import UTC

from sqlalchemy.orm import Session

from hall_client.core import outbox
from hall_client.core.results.seal import mask_name
from hall_client.store.cashier_models import FeeAssessment, Payment, ReceiptRecord


def queue_receipt_record(session: Session, payment: Payment, receipt: ReceiptRecord,
                         due: FeeAssessment, number: str) -> None:
    """Outbox ``receipt.issue`` (the body of ``POST /api/v1/receipts``), same transaction."""
    session.flush()
    ref = "" if _is_uuid(due.case_ref) else due.case_ref[:40]
    issued = receipt.created_at if receipt.created_at.tzinfo else \
        receipt.created_at.replace(tzinfo=UTC)
    outbox.enqueue(session, "receipt.issue", {
        "id": receipt.id, "payment_id": payment.id, "stock_code": receipt.stock_code,
        "number": number, "total": f"{payment.total:.2f}",
        "payer_masked": mask_name(payment.payer) or "—", "case_number": ref,
        "issued_at": issued.isoformat()})


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
