"""Give back to a Qt-written PDF the text of the characters beyond the BMP.

Qt's PDF engine draws 𠮷 (U+20BB7) and every other supplementary-plane character correctly
but writes no ToUnicode entry for it (its reverse glyph map stops at U+FFFF), so copying or
searching the PDF, and any archive that indexes it, loses those characters of a name. After
Qt has written the file, this adds the missing entries: for each embedded font subset, each
glyph without an entry is matched (by contour count and scaled bounding box) against the
glyphs the bundled font has for the supplementary characters of the document's own text.

Only the ToUnicode streams (uncompressed, as Qt writes them) and the cross-reference table
change; the drawing is untouched.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from pathlib import Path
from typing import Any

from hall_client.printing import fonts

_OBJ = re.compile(rb"(?m)^(\d+) 0 obj\b")
_TYPE0 = re.compile(rb"/BaseFont /(\S+)\s*/Encoding /Identity-H\s*/DescendantFonts \[(\d+) 0 R\]"
                    rb"\s*/ToUnicode (\d+) 0 R")


def _utf16_hex(char: str) -> str:
    return char.encode("utf-16-be").hex().upper()


class _Pdf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets = {int(m.group(1)): m.start() for m in _OBJ.finditer(data)}

    def body(self, number: int) -> bytes:
        start = self.offsets[number]
        return self.data[start:self.data.index(b"endobj", start)]

    def stream(self, number: int) -> bytes:
        start = self.offsets[number]
        head_end = self.data.index(b"stream", start)
        raw = self.data[head_end + len(b"stream"):].lstrip(b"\r\n")
        if b"/FlateDecode" in self.data[start:head_end]:
            return zlib.decompressobj().decompress(raw)
        return raw[:raw.index(b"endstream")]


def _bbox(glyph: Any, glyf: Any, scale: float) -> tuple[int, int, int, int, int]:
    glyph.recalcBounds(glyf)
    if glyph.numberOfContours == 0:
        return (0, 0, 0, 0, 0)
    return (glyph.numberOfContours, round(glyph.xMin * scale), round(glyph.yMin * scale),
            round(glyph.xMax * scale), round(glyph.yMax * scale))


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int) -> bool:
    return a[0] == b[0] and all(abs(x - y) <= tolerance for x, y in zip(a[1:], b[1:], strict=True))


def _missing_entries(pdf: _Pdf, base: str, descendant: int, mapped: set[int],
                     wanted: list[str]) -> dict[int, str]:
    from fontTools.ttLib import TTFont

    family = base.split("+")[-1]
    position = next((i for i, e in enumerate(fonts.CHAIN)
                     if e.family.replace(" ", "") == family), None)
    if position is None:
        return {}
    chars = [c for c in wanted if fonts.font_for(c) == position]
    if not chars:
        return {}
    descriptor = int(re.search(rb"/FontDescriptor (\d+) 0 R", pdf.body(descendant)).group(1))  # type: ignore[union-attr]
    file_ref = re.search(rb"/FontFile2 (\d+) 0 R", pdf.body(descriptor))
    if file_ref is None:
        return {}
    entry = fonts.CHAIN[position]
    found: dict[int, str] = {}
    with (TTFont(io.BytesIO(pdf.stream(int(file_ref.group(1))))) as subset,
          TTFont(str(entry.path), fontNumber=entry.index, lazy=True) as original):
        scale = subset["head"].unitsPerEm / original["head"].unitsPerEm
        tolerance = max(2, round(2 * scale))
        cmap = original.getBestCmap()
        signatures = {c: _bbox(original["glyf"][cmap[ord(c)]], original["glyf"], scale)
                      for c in chars}
        for gid, name in enumerate(subset.getGlyphOrder()):
            if gid == 0 or gid in mapped:
                continue
            signature = _bbox(subset["glyf"][name], subset["glyf"], 1.0)
            matches = [c for c, s in signatures.items() if _close(signature, s, tolerance)]
            if len(matches) == 1:
                found[gid] = matches[0]
    return found


def _mapped_cids(cmap_text: str) -> set[int]:
    cids: set[int] = set()
    for first, last in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<", cmap_text):
        cids.update(range(int(first, 16), int(last, 16) + 1))
    cids.update(int(c, 16) for c in re.findall(r"^<([0-9A-Fa-f]{4})>\s*<[0-9A-Fa-f]+>$",
                                                cmap_text, flags=re.M))
    return cids


def _with_entries(cmap_text: str, entries: dict[int, str]) -> str:
    lines = "\n".join(f"<{cid:04X}> <{_utf16_hex(char)}>" for cid, char in sorted(entries.items()))
    block = f"{len(entries)} beginbfchar\n{lines}\nendbfchar\n"
    return cmap_text.replace("endcmap", block + "endcmap", 1)


def add_supplementary_text(path: Path, text: str) -> int:
    """Add ToUnicode entries for the supplementary-plane characters of ``text`` drawn in the PDF
    at ``path``; returns how many glyphs got their character back."""
    # Qt's subsets carry a zero creation date, which fontTools reports on every read.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    wanted = sorted({c for c in text if ord(c) > 0xFFFF})
    if not wanted:
        return 0
    pdf = _Pdf(path.read_bytes())
    replacements: list[tuple[int, bytes]] = []  # (object number, new object bytes)
    added = 0
    for match in _TYPE0.finditer(pdf.data):
        base, descendant, to_unicode = (match.group(1).decode("latin-1"), int(match.group(2)),
                                        int(match.group(3)))
        old = pdf.body(to_unicode)
        if b"/Filter" in old.split(b"stream", 1)[0]:
            continue  # Qt writes ToUnicode uncompressed; anything else is left alone
        cmap_text = pdf.stream(to_unicode).decode("latin-1")
        entries = _missing_entries(pdf, base, descendant, _mapped_cids(cmap_text), wanted)
        if not entries:
            continue
        new_text = _with_entries(cmap_text, entries).encode("latin-1")
        replacements.append((to_unicode, f"{to_unicode} 0 obj\n<< /Length {len(new_text)} >>\n"
                             f"stream\n".encode() + new_text + b"\nendstream\n"))
        added += len(entries)
    if replacements:
        path.write_bytes(_rewrite(pdf, dict(replacements)))
    return added


def _rewrite(pdf: _Pdf, new_objects: dict[int, bytes]) -> bytes:
    """The file with some objects replaced, its cross-reference table and trailer rebuilt."""
    data = pdf.data
    xref_at = data.rindex(b"\nxref") + 1
    trailer = data[data.index(b"trailer", xref_at):data.index(b"startxref", xref_at)]
    out = bytearray(data[:min(pdf.offsets.values())])
    offsets: dict[int, int] = {}
    ordered = sorted(pdf.offsets.items(), key=lambda item: item[1])
    for i, (number, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else xref_at
        offsets[number] = len(out)
        out += new_objects.get(number, data[start:end])
        if number in new_objects:
            out += b"endobj\n"
    size = max(offsets) + 1
    xref = bytearray(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for number in range(1, size):
        if number in offsets:
            xref += f"{offsets[number]:010d} 00000 n \n".encode()
        else:
            xref += b"0000000000 65535 f \n"
    start_xref = len(out)
    out += xref + trailer + f"startxref\n{start_xref}\n%%EOF\n".encode()
    return bytes(out)
