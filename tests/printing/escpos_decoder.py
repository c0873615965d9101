"""A small ESC/POS decoder for tests: what a printer would make of the bytes we send.

It understands the commands our receipts use (ESC @, ESC a, ESC E, ESC d, GS !, GS B,
GS V, ESC p, FS &, FS ., DLE EOT, GS v 0) and refuses anything else, so an unexpected byte
fails a test instead of passing silently. Text is decoded as GB18030 only inside Chinese mode
(FS & … FS .); a byte above 0x7F outside it is recorded as an error, as a printer would print
code-page garbage there, and so is a byte sequence that is not valid GB18030. ``flow`` keeps
text lines and raster blocks in paper order, so a test can tell that a line went as raster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

ESC, GS, FS, DLE, LF = 0x1B, 0x1D, 0x1C, 0x10, 0x0A


@dataclass
class Decoded:
    lines: list[str] = field(default_factory=list)
    rasters: list[np.ndarray] = field(default_factory=list)  # True = black dot
    events: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: ("text", line) and ("raster", index into ``rasters``), top to bottom.
    flow: list[tuple[str, str | int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def raster(self) -> np.ndarray:
        """All GS v 0 blocks stacked top to bottom (python-escpos splits tall images)."""
        return np.vstack(self.rasters)


def decode(data: bytes) -> Decoded:
    out = Decoded()
    chinese = False
    pending = bytearray()
    i = 0

    def line(raw: bytes) -> None:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            out.errors.append(f"not GB18030: {raw!r} ({exc})")
            text = raw.decode("gb18030", errors="replace")
        out.lines.append(text)
        out.flow.append(("text", text))

    def flush_text() -> None:
        if pending:
            line(bytes(pending))
            pending.clear()

    while i < len(data):
        b = data[i]
        if b == LF:
            line(bytes(pending))
            pending.clear()
            i += 1
        elif b == ESC:
            cmd = data[i + 1]
            if cmd == ord("@"):
                flush_text()
                chinese = False
                out.events.append("init")
                i += 2
            elif cmd in b"aEd!-":
                out.events.append(f"esc {chr(cmd)} {data[i + 2]}")
                i += 3
            elif cmd == ord("p"):
                out.events.append(f"drawer pin{2 if data[i + 2] in (0, 48) else 5}")
                i += 5
            else:
                out.errors.append(f"unknown ESC 0x{cmd:02x} at {i}")
                i += 2
        elif b == GS:
            cmd = data[i + 1]
            if cmd == ord("v") and data[i + 2] == ord("0"):
                flush_text()
                wb = int.from_bytes(data[i + 4 : i + 6], "little")
                h = int.from_bytes(data[i + 6 : i + 8], "little")
                body = data[i + 8 : i + 8 + wb * h]
                if len(body) != wb * h:
                    out.errors.append(f"raster truncated at {i}")
                bits = np.unpackbits(np.frombuffer(body, dtype=np.uint8))
                out.rasters.append(bits[: wb * 8 * h].reshape(h, wb * 8).astype(bool))
                out.flow.append(("raster", len(out.rasters) - 1))
                i += 8 + wb * h
            elif cmd == ord("V"):
                flush_text()
                mode = data[i + 2]
                out.events.append("cut")
                i += 4 if mode in (65, 66) else 3
            elif cmd in b"!B":
                out.events.append(f"gs {chr(cmd)} {data[i + 2]}")
                i += 3
            else:
                out.errors.append(f"unknown GS 0x{cmd:02x} at {i}")
                i += 2
        elif b == FS:
            cmd = data[i + 1]
            if cmd == ord("&"):
                chinese = True
                out.events.append("chinese on")
            elif cmd == ord("."):
                chinese = False
                out.events.append("chinese off")
            else:
                out.errors.append(f"unknown FS 0x{cmd:02x} at {i}")
            i += 2
        elif b == DLE and data[i + 1] == 0x04:
            out.events.append(f"status {data[i + 2]}")
            i += 3
        elif b < 0x20:
            out.errors.append(f"control byte 0x{b:02x} at {i}")
            i += 1
        elif b >= 0x80 and not chinese:
            out.errors.append(f"byte 0x{b:02x} outside Chinese mode at {i}")
            i += 1
        elif b >= 0x80:
            # GB18030: two bytes, or four when the second is a digit.
            size = 4 if 0x30 <= data[i + 1] <= 0x39 else 2
            pending += data[i : i + size]
            i += size
        else:
            pending.append(b)
            i += 1
    flush_text()
    return out
