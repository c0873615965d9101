"""End to end, approval to finish: a case accepted at the counter is approved on the real
server; sync brings the approval; the cashier is paid and the receipt printed; the licence PDF
is printed through QPrinter, its text holds the number and the holder, its QR decodes to a code
the server's /verify accepts (one byte changed is refused); an agent collects; the server
finishes the case; the licence revoked is reported revoked, the receipt voided reported voided.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
import requests
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from hall_client.core import cashier, receipt_stock
from hall_client.core.actor import Actor
from hall_client.core.results import collection as C
from hall_client.core.results import licences as L
from hall_client.gui.completion.licence_print import issue_and_print, pdf_sender
from hall_client.gui.resources import install_font
from hall_client.printing.output import preview
from hall_client.printing.raster import read_qr
from hall_client.printing.receipt import receipt_from_facts
from hall_client.printing.signing import hall_key
from hall_client.store.cashier_models import FeeAssessment
from hall_client.store.models import OutboxMessage
from hall_client.sync.engine import SyncEngine
from tests.core.cashier_helpers import register
from tests.e2e.offline_intake import accept_cases
from tests.sync.helpers import approve_on_server, drive
from tests.sync.live import PASSWORD, LiveServer, make_counter

CLERK = Actor("wangjing", "王静", frozenset({"clerk"}), "C01")
CASHIER = Actor("qianfang", "钱芳", frozenset({"cashier"}), "C01")
SUPERVISOR = Actor("zhouyan", "周燕", frozenset({"supervisor"}), "C00")
ADMIN = Actor("admin", "系统管理员", frozenset({"admin", "supervisor"}), "C00")
AGENT_ID = "110105198001010016"
INPUTS = {"建设地址": "县城东路 8 号", "建设规模": "12000 平方米", "合同价格（万元）": "3600",
          "施工单位": "某某建工集团有限公司"}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    s = LiveServer(tmp_path / "server")
    s.start()
    yield s
    s.stop()


def verify(server: LiveServer, code: str) -> dict[str, Any]:
    r = requests.get(server.url + "/api/v1/verify", params={"code": code}, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def qr_of_pdf_page(path: Path) -> tuple[str, str]:
    """The text of the PDF's first page, and the QR read from its rendering."""
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    text = page.get_textpage().get_text_range()
    image = page.render(scale=3).to_pil().convert("L")
    pdf.close()
    cv2.setNumThreads(0)
    return text, read_qr(np.array(image))


def test_approval_to_finish(server: LiveServer, tmp_path: Path, qapp: QApplication) -> None:
    data = tmp_path / "counter"
    counter = make_counter(data, server.url)
    accepted = accept_cases(tmp_path / "work", data, 1, 2)[0]
    case_id = accepted["id"]
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    drive(engine, counter)
    approve_on_server(server, case_id)
    engine.run_once()
    with counter.store.transaction() as s:
        assert L.result_case(s, case_id).status == "awaiting_collection"
        assert L.result_case(s, case_id).fee_state == "waiting"
    font = QFont(qapp.font())
    install_font(qapp)
    pdf = tmp_path / "print" / "licence.pdf"
    with pytest.raises(L.ResultError) as unpaid:
        issue_and_print(counter, CLERK, case_id, INPUTS, pdf_sender(pdf, font), font)
    assert unpaid.value.code == "fee_unpaid" and not pdf.exists()

    # The cashier takes the fee; the receipt is printed with the hall seal.
    with counter.store.transaction() as s:
        register(s, CASHIER, SUPERVISOR, ADMIN)  # stock goes only to registered cashiers
        receipt_stock.receive_batch(s, ADMIN, "33010126", "0000000001", "0000000100")
        receipt_stock.issue_to_cashier(s, ADMIN, CASHIER.username, "33010126", 10)
        cashier.open_session(s, CASHIER, "0")
        due = s.query(FeeAssessment).filter(FeeAssessment.case_id == case_id).one()
        payment, receipt = cashier.take_payment(
            s, CASHIER, due.id, [cashier.PartInput("cash", due.total)])
        facts = cashier.receipt_facts(s, receipt.id)
        payment_id = payment.id
    slip = receipt_from_facts(facts, hall_code=counter.settings.hall.id,
                              hall_name=counter.settings.hall.name)
    receipt_code = read_qr(np.array(preview(slip, hall_key(data)).convert("L")))
    assert receipt_code.startswith("HR1|")
    drive(engine, counter)
    engine.run_once()
    answer = verify(server, receipt_code)
    assert answer["verdict"] == "genuine" and answer["kind"] == "receipt"
    assert Decimal(answer["record"]["total"]) == facts.total
    assert "*" in answer["record"]["payer"]  # the payer's name masked

    printed = issue_and_print(counter, CLERK, case_id, INPUTS, pdf_sender(pdf, font), font)
    text, code = qr_of_pdf_page(pdf)
    assert printed.holder == "某某建设有限公司0"  # the applicant accepted at the counter
    assert printed.number in text and printed.holder in text and "建筑工程施工许可证" in text
    assert printed.pdf.exists()  # the copy kept with the case
    assert code.startswith("HL1|") and printed.number in code
    drive(engine, counter)
    answer = verify(server, code)
    assert answer["verdict"] == "genuine", answer
    # The PDF copy kept with the case went to the server as a result document, byte for byte.
    token = server.token("wangjing", "C01")
    on_server = server.get(f"/api/v1/cases/{case_id}", token).json()
    assert on_server["counter"] == "C01"  # accepted at this counter
    results = [u for u in on_server["uploads"] if u["kind"] == "result"]
    assert len(results) == 1 and results[0]["complete"], on_server["uploads"]
    stored = server.get(f"/api/v1/uploads/{results[0]['id']}/content", token)
    assert stored.content == printed.pdf.read_bytes() and stored.content.startswith(b"%PDF-")
    history = server.get(f"/api/v1/cases/{case_id}/history", token).json()
    assert [e["data"]["name"] for e in history["events"] if e["action"] == "result_uploaded"
            ] == [results[0]["name"]]
    assert answer["record"]["licence_number"] == printed.number
    raw = bytearray(code.encode("utf-8"))
    raw[len(raw) // 2] ^= 0x01  # one byte changed
    assert verify(server, raw.decode("utf-8", "replace"))["verdict"] == "not_genuine"

    # The applicant is texted a collection code through the server; the counter then forgets it.
    with counter.store.transaction() as s:
        C.send_collection_code(s, CLERK, case_id)
    drive(engine, counter)
    with counter.store.transaction() as s:
        sent = s.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "case.collection_code")).one()
        assert sent.sent_at is not None and sent.payload["body"]["code"] == ""

    # An agent collects with a letter of authorisation; the server finishes the case.
    with counter.store.transaction() as s:
        C.collect(s, CLERK, case_id,
                  C.Collector("agent", "王五", "id", id_number=AGENT_ID,
                              authorisation=b"\xff\xd8\xff letter"),
                  b"\x89PNG\r\n\x1a\n signature", data_dir=data)
    drive(engine, counter)
    token = server.token("wangjing", "C01")
    on_server = server.get(f"/api/v1/cases/{case_id}", token).json()
    assert on_server["status"] == "finished"
    assert on_server["window_record"]["certificate"]["number"] == printed.number
    assert on_server["window_record"]["collected"]["collector"] == "王五（代领）"

    # Printed wrong, found after collection: a clerk may not revoke it any more; a supervisor
    # does, with a second supervisor's approval; /verify says so.
    with counter.store.transaction() as s, pytest.raises(L.PermissionDenied):
        L.revoke_licence(s, CLERK, SUPERVISOR, printed.id, "建设规模印错")
    with counter.store.transaction() as s:
        L.revoke_licence(s, SUPERVISOR, ADMIN, printed.id, "建设规模印错")
    drive(engine, counter)
    answer = verify(server, code)
    assert answer["verdict"] == "revoked" and "建设规模印错" in answer["record"]["revoked_reason"]

    # The payment voided at the counter: the receipt is reported voided.
    with counter.store.transaction() as s:
        cashier.void_payment(s, CASHIER, SUPERVISOR, payment_id, "收款有误")
    drive(engine, counter)
    assert verify(server, receipt_code)["verdict"] == "voided"
    engine.close()
    counter.close()


def test_refusals_come_back_numbered_and_print_with_their_number(
        server: LiveServer, tmp_path: Path, qapp: QApplication) -> None:
    """Two cases of this counter refused on the server: sync brings each with its letter
    number (gap-free in the hall's year), the queue shows them as this counter's, and the
    printed letter carries the number."""
    from hall_client.core.results.queue import REMEDIES, collection_queue
    from hall_client.gui.completion.licence_print import print_refusal
    from tests.sync.helpers import server_action

    data = tmp_path / "counter"
    counter = make_counter(data, server.url)
    accepted = accept_cases(tmp_path / "work", data, 2, 1)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    drive(engine, counter)
    numbers = [server_action(server, c["id"], "chenhao", {"action": "reject",
                                                          "reason": "不符合规划条件"}
                             )["decision_number"] for c in accepted]
    engine.run_once()
    install_font(qapp)
    font = QFont(qapp.font())
    with counter.store.transaction() as s:
        mine = collection_queue(s, counter="C01")
        elsewhere = collection_queue(s, counter="C02")
        cases = [L.result_case(s, c["id"]) for c in accepted]
    assert {e.case.id for e in mine} == {c["id"] for c in accepted} and elsewhere == []
    assert [c.decision_number for c in cases] == numbers
    first, second = (int(n[-6:-1]) for n in numbers)
    assert second == first + 1 and all("不许〔" in n for n in numbers)
    pdf = tmp_path / "print" / "refusal.pdf"
    kept = print_refusal(counter, cases[1], pdf_sender(pdf, font), font, REMEDIES)
    for path in (pdf, kept):
        doc = pdfium.PdfDocument(str(path))
        text = doc[0].get_textpage().get_text_range()
        doc.close()
        assert numbers[1] in text and "不予行政许可决定书" in text and "不符合规划条件" in text
    engine.close()
    counter.close()
