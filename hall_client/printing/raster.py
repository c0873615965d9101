"""Receipt blocks drawn to a 1-bit image with the bundled fonts: the preview and the print.

The same image is shown as the preview and sent with GS v 0, so what the cashier sees is what
the printer prints, dot for dot. Text is drawn on a mode "1" image (no anti-aliasing), which
keeps thin hanzi strokes crisp on a thermal head. Each character comes from the first font of
the chain in ``printing/fonts.py`` that has it, so rare hanzi (Extensions A–F and beyond) print.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import qrcode
from PIL import Image, ImageDraw, ImageFont

from hall_client.printing import fonts
from hall_client.printing.layout import PAPER_DOTS, QR, Banner, Block, Pair, Rule, Text, Title

FONT_PATH = fonts.CHAIN[0].path
MARGIN = 8
_MAX_HEIGHT = 6000


@lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont:
    """The first font of the chain at ``size`` pixels (the chain's size and metrics)."""
    return fonts.face(0, size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels, character by character."""
    size = int(face.size)
    lines: list[str] = []
    current = ""
    used = 0.0  # the widths of the characters add up (no kerning across a hanzi line)
    for char in text:
        advance = fonts.char_length(char, size)
        if current and used + advance > width:
            lines.append(current)
            current = char.lstrip() if char == " " else char
            used = fonts.char_length(current, size) if current else 0.0
        else:
            current += char
            used += advance
    lines.append(current)
    return lines


def qr_image(payload: str, box: int) -> Image.Image:
    """The QR code as a 1-bit image, ``box`` dots per module, with the standard quiet zone."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box, border=4
    )
    code.add_data(payload)
    code.make(fit=True)
    return code.make_image().get_image().convert("1")


def render(blocks: list[Block], paper: int = 58) -> Image.Image:
    """Draw the blocks on paper ``paper`` mm wide (58 or 80); returns a mode "1" image."""
    width = PAPER_DOTS[paper]
    body = font(22 if paper == 58 else 24)
    bold = font(24 if paper == 58 else 28)
    title = font(30 if paper == 58 else 36)
    inner = width - 2 * MARGIN
    canvas = Image.new("1", (width, _MAX_HEIGHT), 1)
    draw = ImageDraw.Draw(canvas)
    y = MARGIN

    def line_height(face: ImageFont.FreeTypeFont) -> int:
        return int(face.size * 1.3)

    def length(value: str, face: ImageFont.FreeTypeFont) -> float:
        return fonts.text_length(value, int(face.size))

    def text(x: float, y: int, value: str, face: ImageFont.FreeTypeFont, heavy: bool) -> None:
        fonts.draw_text(draw, (x, y), value, int(face.size))
        if heavy:  # regular faces only: embolden by drawing again a dot to the right
            fonts.draw_text(draw, (x + 1, y), value, int(face.size))

    for block in blocks:
        if isinstance(block, Banner):
            h = line_height(title) + 8
            draw.rectangle((0, y, width - 1, y + h - 1), fill=0)
            tw = length(block.text, title)
            fonts.draw_text(draw, ((width - tw) / 2, y + 4), block.text, int(title.size), fill=1)
            y += h + 6
        elif isinstance(block, Title):
            for part in wrap(block.text, title, inner):
                text((width - length(part, title)) / 2, y, part, title, True)
                y += line_height(title)
        elif isinstance(block, Text):
            face = bold if block.bold else body
            for part in wrap(block.text, face, inner):
                x = (width - length(part, face)) / 2 if block.center else MARGIN
                text(x, y, part, face, block.bold)
                y += line_height(face)
        elif isinstance(block, Pair):
            face = bold if block.bold else body
            right_w = length(block.right, face)
            parts = wrap(block.left, face, inner - right_w - face.size)
            for part in parts[:-1]:
                text(MARGIN, y, part, face, block.bold)
                y += line_height(face)
            text(MARGIN, y, parts[-1], face, block.bold)
            text(width - MARGIN - right_w - 1, y, block.right, face, block.bold)
            y += line_height(face)
        elif isinstance(block, Rule):
            mid = y + 6
            for x in range(MARGIN, width - MARGIN, 8):
                draw.line((x, mid, x + 4, mid), fill=0, width=2)
            y += 14
        elif isinstance(block, QR):
            code = qr_image(block.payload, 4 if paper == 58 else 5)
            canvas.paste(code, ((width - code.width) // 2, y))
            y += code.height
        if y > _MAX_HEIGHT - 400:
            raise ValueError("receipt too long for one print")
    y += MARGIN
    # Height a multiple of 8 keeps raster bands whole on printers that print in 24/8-dot bands.
    y += -y % 8
    return canvas.crop((0, 0, width, y))


def read_qr(gray: np.ndarray) -> str:
    """The text of the QR code in a greyscale image, or "" if none is found.

    OpenCV's ArUco-based detector read every receipt code we print (600 random payloads at 4
    and 5 dots per module); the classic detector missed about 2 in 100, so it is only the
    fallback.
    """
    import cv2

    for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
        text, _, _ = detector.detectAndDecode(gray)
        if text:
            return str(text)
    return ""
