"""Receipt blocks as ESC/POS text for printers with a Chinese font (GB18030, FS & / FS .).

python-escpos 3.1 mangles full-width punctuation and never switches Chinese mode, so the text
is encoded here: every line holding non-ASCII is wrapped in FS & (Chinese mode on) … FS .
(off), and the QR code goes as a GS v 0 raster, which every printer accepts.

A printer's built-in font prints only its character set (``[printer] text_charset``: GB2312,
GBK, or GB 18030-2022 implementation level 1, 2 or 3). A line holding any character outside
it — a rare hanzi in a name, a right-to-left script, a combining mark — is drawn with the
bundled fonts and sent as a GS v 0 raster line of the same height, never replaced by ``?``.
"""

from __future__ import annotations

import unicodedata

import numpy as np
from PIL import Image, ImageDraw

from hall_client.core.settings import TEXT_CHARSETS
from hall_client.printing import fonts
from hall_client.printing.layout import PAPER_DOTS, QR, Banner, Block, Pair, Rule, Text, Title
from hall_client.printing.printer_uri import PrinterError
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


#: Signs the program itself writes in amounts and units (never in a name) that GB18030 can only
#: write as four bytes, mapped to the two-byte or ASCII forms every printer font has.
FOUR_BYTE_STANDINS = {"¥": "￥", "²": "2", "³": "3", "–": "-", "—": "－"}

#: Code points whose GB18030 bytes changed between the 2005 and 2022 editions (Python's codec
#: writes the 2005 ones): a printer of either edition may print them wrong, so they go as raster.
_EDITION_CHANGED = frozenset(range(0xFE10, 0xFE1A)) | frozenset(range(0x9FA6, 0x9FF0))

#: Hanzi blocks GB 18030-2022 adds in four bytes: level 1 Extension A (and the URO tail);
#: level 2 also Extensions B–F and the compatibility ideographs.
_LEVEL_1 = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
_LEVEL_2 = ((0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
#: Level 3 adds the scripts of China's minorities that print left to right without shaping,
#: and the radicals (Arabic-script Uyghur, Kazakh and Kirghiz always go as raster: a printer's
#: text mode neither joins nor reverses them).
_LEVEL_3 = ((0x0F00, 0x0FFF), (0x1800, 0x18AF), (0xA000, 0xA4CF), (0x1950, 0x19DF),
            (0x1100, 0x11FF), (0xAC00, 0xD7AF), (0x2E80, 0x2FDF), (0x31C0, 0x31EF))


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(first <= code <= last for first, last in ranges)


def in_charset(char: str, charset: str = "gbk") -> bool:
    """Whether a printer font of ``charset`` prints ``char`` (text mode, left to right)."""
    if char.isascii():
        return char.isprintable() or char == " "
    code = ord(char)
    category = unicodedata.category(char)
    if (category in ("Cs", "Cn", "Co", "Cc", "Cf") or category.startswith("M")
            or unicodedata.bidirectional(char) in ("R", "AL", "RLE", "RLO", "RLI")
            or code in _EDITION_CHANGED):
        return False
    if charset in ("gb2312", "gbk"):
        try:
            char.encode(charset)
        except UnicodeEncodeError:
            return False
        return True
    if charset not in TEXT_CHARSETS:
        raise PrinterError(code="text_charset_invalid",
                           message=f"打印机字库只能是 {'、'.join(TEXT_CHARSETS)}，而不是 {charset}")
    if len(char.encode("gb18030")) == 2 or _within(code, _LEVEL_1):
        return True
    level = int(charset[-1])
    return (level >= 2 and _within(code, _LEVEL_2)) or (level >= 3 and _within(code, _LEVEL_3))


def standin(text: str) -> str:
    return "".join(FOUR_BYTE_STANDINS.get(char, char) for char in text)


def printable(text: str, charset: str = "gbk") -> bool:
    """Whether the printer can print the whole line in text mode."""
    return all(in_charset(char, charset) for char in standin(text))


#: Dots per text line of font A (12×24), and the glyph size that fills it like the built-in font.
LINE_DOTS = 24


def raster_line(text: str, paper: int, *, scale: int = 1, center: bool = False,
                bold: bool = False) -> bytes:
    """The line drawn with the bundled fonts, as one GS v 0 band as tall as a text line."""
    height = LINE_DOTS * scale
    size = 22 * scale
    image = Image.new("1", (PAPER_DOTS[paper], height), 1)
    draw = ImageDraw.Draw(image)
    width = fonts.text_length(text, size)
    x = (image.width - width) / 2 if center else 0
    y = (height - size) // 2 - scale
    fonts.draw_text(draw, (x, y), text, size)
    if bold:
        fonts.draw_text(draw, (x + 1, y), text, size)
    return raster_command(image)


def encode_line(text: str, charset: str = "gbk", *, paper: int = 58, scale: int = 1,
                center: bool = False, bold: bool = False) -> bytes:
    """One printed line: ASCII; GB18030 inside FS & … FS .; or, when the printer's font lacks a
    character of it, the line as a raster band (nothing is replaced)."""
    text = standin(text)
    if text.isascii() and text.isprintable():
        return text.encode("ascii") + LF
    if printable(text, charset):
        return CHINESE_ON + text.encode("gb18030") + CHINESE_OFF + LF
    return raster_line(text, paper, scale=scale, center=center, bold=bold)


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 for a 1-bit image (black = 1 bits), width padded to whole bytes."""
    mono = image.convert("1")
    width_bytes = (mono.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, mono.height), 1)
    padded.paste(mono, (0, 0))
    # Mode "1" stores white as 1; the printer burns 1 bits. (Pillow's point() leaves a mode "1"
    # image as it is, which printed the QR band black with white modules.)
    black = ~np.asarray(padded, dtype=bool)
    header = GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + mono.height.to_bytes(2, "little")
    return header + np.packbits(black, axis=1).tobytes()


def render_text(blocks: list[Block], paper: int = 58, charset: str = "gbk") -> bytes:
    """The receipt as ESC/POS text-mode bytes (without init, cut or drawer kick)."""
    cols = COLUMNS[paper]
    out = bytearray()
    for block in blocks:
        if isinstance(block, Banner):
            out += ESC + b"a\x01" + GS + b"B\x01" + GS + b"!\x11"
            out += encode_line(block.text, charset, paper=paper, scale=2, center=True)
            out += GS + b"!\x00" + GS + b"B\x00" + ESC + b"a\x00"
        elif isinstance(block, Title):
            out += ESC + b"a\x01" + GS + b"!\x11"
            for part in wrap_columns(standin(block.text), cols // 2):
                out += encode_line(part, charset, paper=paper, scale=2, center=True)
            out += GS + b"!\x00" + ESC + b"a\x00"
        elif isinstance(block, Text):
            out += ESC + b"a\x01" if block.center else b""
            out += ESC + b"E\x01" if block.bold else b""
            for part in wrap_columns(standin(block.text), cols):
                out += encode_line(part, charset, paper=paper, center=block.center,
                                   bold=block.bold)
            out += ESC + b"E\x00" if block.bold else b""
            out += ESC + b"a\x00" if block.center else b""
        elif isinstance(block, Pair):
            out += ESC + b"E\x01" if block.bold else b""
            right = display_width(standin(block.right))
            parts = wrap_columns(standin(block.left), cols - right - 1)
            for part in parts[:-1]:
                out += encode_line(part, charset, paper=paper, bold=block.bold)
            gap = cols - display_width(parts[-1]) - right
            out += encode_line(parts[-1] + " " * max(gap, 1) + standin(block.right), charset,
                               paper=paper, bold=block.bold)
            out += ESC + b"E\x00" if block.bold else b""
        elif isinstance(block, Rule):
            out += encode_line("-" * cols)
        elif isinstance(block, QR):
            code = qr_image(block.payload, 4 if paper == 58 else 5)
            line = Image.new("1", (PAPER_DOTS[paper], code.height), 1)
            line.paste(code, ((line.width - code.width) // 2, 0))
            out += raster_command(line)
    return bytes(out)
