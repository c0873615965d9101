"""A sample receipt for setting up a counter's printer (``hall-client receipt test-print``)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hall_client.printing.receipt import Receipt, ReceiptLine, ReceiptPayment


def sample_receipt(issued_at: datetime | None = None) -> Receipt:
    """Chinese text, full-width punctuation, ¥, an uppercase amount with 零, and a QR code."""
    lines = (
        ReceiptLine("FS-ZJ-002", "散装水泥专项资金", Decimal("1250.5"), "m²", "1.00元/m²",
                    Decimal("1250.50")),
        ReceiptLine("FS-ZR-003", "不动产权证书工本费（测试）", Decimal("2"), "本", "10.00元/本",
                    Decimal("20.00")),
        ReceiptLine("FS-WJ-001", "公共场所卫生检测费", Decimal("1"), "次", "200.00元",
                    Decimal("200.00")),
    )
    return Receipt(
        hall_code="TEST",
        hall_name="行政服务中心（打印测试）",
        stock_code="00000000",
        number="0000000000",
        payer="测试交款人：张三（样张）",
        lines=lines,
        payments=(ReceiptPayment("现金", Decimal("1470.50")),),
        cashier="收费员（测试）",
        issued_at=issued_at or datetime.now(UTC),
        case_number="TEST-0001",
        remark="打印测试样张，不作收款凭证",
    )


def test_page_bytes(hall_name: str, uri: str, *, paper: int, mode: str,
                    charset: str = "gbk") -> bytes:
    """The 试打 page of the printer settings: what the counter will print with, and how."""
    from hall_client.printing.output import blocks_bytes
    from hall_client.printing.report_slip import slip_blocks

    rows = [("打印机", uri), ("纸宽", f"{paper} mm"),
            ("方式", "文字" if mode == "text" else "图像"), ("金额", "¥1,234.56"),
            ("字符", "行政服务中心 收费票据 0123456789")]
    blocks = slip_blocks(hall_name, "打印机试打", rows, signatures=())
    return blocks_bytes(blocks, mode="text" if mode == "text" else "raster", paper=paper,
                        charset=charset)
