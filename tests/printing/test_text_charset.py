"""Text mode and the printer's font: a line beyond its character set goes as a raster line."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PIL import Image

from hall_client.core.settings import TEXT_CHARSETS
from hall_client.printing.output import receipt_bytes
from hall_client.printing.printer_uri import PrinterError
from hall_client.printing.receipt import Receipt
from hall_client.printing.text_mode import (
    CHINESE_OFF,
    CHINESE_ON,
    encode_line,
    in_charset,
    raster_line,
)
from tests.printing.escpos_decoder import decode

# char, then whether each charset prints it: gb2312, gbk, gb18030-1, gb18030-2, gb18030-3
CASES = [
    ("王", (1, 1, 1, 1, 1)),
    ("（", (1, 1, 1, 1, 1)),
    ("彧", (0, 1, 1, 1, 1)),       # GBK, not GB2312
    ("镕", (0, 1, 1, 1, 1)),
    ("䶮", (0, 0, 1, 1, 1)),       # Extension A U+4DAE: four bytes, level 1
    ("𠮷", (0, 0, 0, 1, 1)),       # Extension B U+20BB7: level 2
    ("𪜀", (0, 0, 0, 1, 1)),       # Extension C
    ("𫝀", (0, 0, 0, 1, 1)),       # Extension D
    ("𫠠", (0, 0, 0, 1, 1)),       # Extension E
    ("𬺰", (0, 0, 0, 1, 1)),       # Extension F
    ("𰀀", (0, 0, 0, 0, 0)),       # Extension G: beyond GB 18030-2022, always raster
    ("\U0002f800", (0, 0, 0, 1, 1)),  # compatibility ideograph supplement 丽
    ("ༀ", (0, 0, 0, 0, 1)),       # Tibetan: level 3
    ("ᠮ", (0, 0, 0, 0, 1)),       # Mongolian: level 3
    ("م", (0, 0, 0, 0, 0)),       # Arabic script: text mode cannot join or reverse it
    ("\u0301", (0, 0, 0, 0, 0)),  # a combining mark
    ("\ufe10", (0, 0, 0, 0, 0)),  # bytes changed between GB18030-2005 and -2022
]


@pytest.mark.parametrize(("char", "expected"), CASES)
def test_character_sets(char: str, expected: tuple[int, ...]) -> None:
    assert tuple(int(in_charset(char, c)) for c in TEXT_CHARSETS) == expected


def test_unknown_charset_is_refused_with_its_name() -> None:
    with pytest.raises(PrinterError) as err:
        in_charset("䶮", "big5")
    assert err.value.code == "text_charset_invalid" and "big5" in err.value.message


@pytest.mark.parametrize("charset", TEXT_CHARSETS)
def test_line_is_text_when_it_fits_and_raster_when_not(charset: str) -> None:
    name = "王䶮𠮷（彧）"
    line = encode_line(f"交款人：{name}", charset, paper=58)
    if charset.startswith("gb18030") and charset != "gb18030-1":
        assert line == CHINESE_ON + f"交款人：{name}".encode("gb18030") + CHINESE_OFF + b"\n"
        # GB 18030: 䶮 U+4DAE = FE 9F, 𠮷 U+20BB7 = 95 34 B2 35, 彧 = 8F AA
        assert bytes.fromhex("fe9f9534b235") in line and bytes.fromhex("8faa") in line
    else:
        assert line.startswith(b"\x1dv0\x00") and decode(line).lines == []
        assert line == raster_line(f"交款人：{name}", 58)


def test_rare_name_on_receipt_keeps_every_character(receipt: Receipt, key: bytes) -> None:
    name = "王䶮𠮷（彧）"
    receipt = dataclasses.replace(receipt, payer=name)
    level2 = decode(receipt_bytes(receipt, key, mode="text", charset="gb18030-2"))
    assert level2.errors == [] and f"交款人：{name}" in level2.lines
    assert "?" not in level2.text
    gbk = decode(receipt_bytes(receipt, key, mode="text", charset="gbk"))
    assert gbk.errors == [] and name not in gbk.text and "?" not in gbk.text
    kinds = [kind for kind, _ in gbk.flow]
    # the payer's line went as a raster band between the lines before and after it
    index = next(i for i, (kind, value) in enumerate(level2.flow) if value == f"交款人：{name}")
    before = level2.flow[index - 1]
    assert before in gbk.flow and kinds[gbk.flow.index(before) + 1] == "raster"
    band = gbk.rasters[gbk.flow[gbk.flow.index(before) + 1][1]]  # type: ignore[index]
    expected = decode(raster_line(f"交款人：{name}", 58)).rasters[0]
    assert band.shape == (24, 384) and np.array_equal(band, expected)
    assert band.sum() > 300  # seven glyphs' worth of ink


def test_raster_line_draws_the_rare_characters_not_boxes() -> None:
    # the same line drawn with Extension A/B characters differs from one with their notdef box
    rare = decode(raster_line("䶮𠮷", 58)).rasters[0]
    other = decode(raster_line("龘靐", 58)).rasters[0]
    assert rare.sum() > 50 and not np.array_equal(rare, other)
    image = Image.fromarray(~rare)
    assert image.size == (384, 24)


def test_qr_band_in_text_mode_is_black_on_white(receipt: Receipt, key: bytes) -> None:
    decoded = decode(receipt_bytes(receipt, key, mode="text"))
    band = decoded.rasters[-1]
    assert 0.1 < band.mean() < 0.5  # modules black on white paper, not a black band
    assert not band[:, :8].any()  # the quiet zone at the paper's edge stays white
