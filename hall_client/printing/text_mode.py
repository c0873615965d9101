"""Receipt blocks as ESC/POS text for printers with a Chinese font (GB18030, FS & / FS .).

python-escpos 3.1 mangles full-width punctuation and never switches Chinese mode, so the text
is encoded here: every line holding non-ASCII is wrapped in FS & (Chinese mode on) … FS .
(off), and the QR code goes as a GS v 0 raster, which every printer accepts.
"""

from __future__ import annotations

import unicodedata

from PIL import Image

from hall_client.printing.layout import PAPER_DOTS, QR, Banner, Block, Pair, Rule, Text, Title
from hall_client.printing.raster import qr_image

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
LF = b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CHINESE_OFF = FS + b"."
#: Columns of font A (12×24 dots) per paper width; a hanzi takes two.
COLUMNS = {58: 32, 80: 48}


def display_width(text: str) -> int:
    """Columns a string takes: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_columns(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for char in text:
        if current and display_width(current + char) > columns:
            lines.append(current)
            current = char
        else:
            current += char
    lines.append(current)
    return lines


#: Characters that GB18030 can only write as four bytes, which the Chinese fonts of receipt
#: printers (GB2312/GBK) lack, mapped to two-byte or ASCII look-alikes.
FOUR_BYTE_STANDINS = {"¥": "￥", "²": "2", "³": "3", "–": "-", "—": "－"}


def printable(text: str) -> str:
    """Replace characters a GBK printer font cannot show; anything else unknown becomes ?."""
    out = []
    for char in text:
        char = FOUR_BYTE_STANDINS.get(char, char)
        out.append(char if len(char.encode("gb18030")) <= 2 else "?")
    return "".join(out)


def encode_line(text: str) -> bytes:
    """One printed line: GB18030 inside FS & … FS . when it holds anything beyond ASCII."""
    text = printable(text)
    if text.isascii():
        return text.encode("ascii") + LF
    return CHINESE_ON + text.encode("gb18030") + CHINESE_OFF + LF


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 for a 1-bit image (black = 1 bits), width padded to whole bytes."""
    mono = image.convert("1")
    width_bytes = (mono.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, mono.height), 1)
    padded.paste(mono, (0, 0))
    inverted = padded.point(lambda v: 255 - v).convert("1")
    header = GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + mono.height.to_bytes(2, "little")
    return header + inverted.tobytes()


def render_text(blocks: list[Block], paper: int = 58) -> bytes:
    """The receipt as ESC/POS text-mode bytes (without init, cut or drawer kick)."""
    cols = COLUMNS[paper]
    out = bytearray()
    for block in blocks:
        if isinstance(block, Banner):
            out += ESC + b"a\x01" + GS + b"B\x01" + GS + b"!\x11"
            out += encode_line(printable(block.text))
            out += GS + b"!\x00" + GS + b"B\x00" + ESC + b"a\x00"
        elif isinstance(block, Title):
            out += ESC + b"a\x01" + GS + b"!\x11"
            for part in wrap_columns(printable(block.text), cols // 2):
                out += encode_line(part)
            out += GS + b"!\x00" + ESC + b"a\x00"
        elif isinstance(block, Text):
            out += ESC + b"a\x01" if block.center else b""
            out += ESC + b"E\x01" if block.bold else b""
            for part in wrap_columns(printable(block.text), cols):
                out += encode_line(part)
            out += ESC + b"E\x00" if block.bold else b""
            out += ESC + b"a\x00" if block.center else b""
        elif isinstance(block, Pair):
            out += ESC + b"E\x01" if block.bold else b""
            right = display_width(printable(block.right))
            parts = wrap_columns(printable(block.left), cols - right - 1)
            for part in parts[:-1]:
                out += encode_line(part)
            gap = cols - display_width(parts[-1]) - right
            out += encode_line(parts[-1] + " " * max(gap, 1) + printable(block.right))
            out += ESC + b"E\x00" if block.bold else b""
        elif isinstance(block, Rule):
            out += encode_line("-" * cols)
        elif isinstance(block, QR):
            code = qr_image(block.payload, 4 if paper == 58 else 5)
            line = Image.new("1", (PAPER_DOTS[paper], code.height), 1)
            line.paste(code, ((line.width - code.width) // 2, 0))
            out += raster_command(line)
    return bytes(out)
