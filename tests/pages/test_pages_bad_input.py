"""Bad input gets a clear per-file message and exit 1; the rest of the batch is still prepared."""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hall_client.cli import main
from hall_client.pages.decode import read_file
from hall_client.pages.errors import PageError


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(path: Path, side: int = 30000) -> None:
    """A valid 1-bit PNG of side×side white pixels: a few hundred KB on disk, 900 MP decoded."""
    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    body = b"".join(comp.compress(row * 500) for _ in range(side // 500)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")
    )


def encrypted_pdf(path: Path) -> None:
    """A PDF whose standard security handler wants a password we do not have."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"41" * 32
        + b"> /U <"
        + b"42" * 32
        + b"> /P -44 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<01020304> <01020304>] >>\n" % (
        len(objs) + 1
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


def _page_rgb(w: int = 620, h: int = 877) -> np.ndarray:
    img = np.full((h, w, 3), 250, np.uint8)
    for y in range(80, h - 80, 24):
        img[y : y + 10, 60 : w - 60 - (y % 5) * 40] = 30
    return img


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    good = Image.fromarray(_page_rgb())
    good.save(d / "01-good.jpg", quality=90)
    (d / "02-empty.jpg").write_bytes(b"")
    data = (d / "01-good.jpg").read_bytes()
    (d / "03-truncated.jpg").write_bytes(data[: len(data) // 2])
    (d / "04-text.jpg").write_text("这不是图片 / not an image\n", encoding="utf-8")
    png_bomb(d / "05-bomb.png")
    Image.new("RGB", (1, 1), "white").save(d / "06-tiny.png")
    good.convert("CMYK").save(d / "07-cmyk.jpg", quality=90)
    arr16 = (np.asarray(good.convert("L"), np.uint16) * 257).astype(np.uint16)
    Image.fromarray(arr16).save(d / "08-16bit.png")
    frames = [good.convert("P"), Image.new("RGB", good.size, "red").convert("P")]
    frames[0].save(d / "09-animated.gif", save_all=True, append_images=frames[1:], duration=100)
    (d / "10-broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    encrypted_pdf(d / "11-encrypted.pdf")
    return d


EXPECTED_ERRORS = {
    "02-empty.jpg": "empty",
    "03-truncated.jpg": "truncated",
    "04-text.jpg": "format",
    "05-bomb.png": "too_large",
    "06-tiny.png": "too_small",
    "09-animated.gif": "animated",
    "10-broken.pdf": "unreadable",
    "11-encrypted.pdf": "encrypted",
}


def test_batch_with_bad_files(
    bad_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    files = sorted(str(p) for p in bad_dir.iterdir())
    rc = main(
        [
            "pages",
            "prepare",
            "--profile",
            "construction-permit",
            "--out",
            str(out),
            "--json",
            "--jobs",
            "2",
            *files,
        ]
    )
    captured = capsys.readouterr()
    assert rc == 1
    assert "Traceback" not in captured.err
    report = json.loads(captured.out)
    errors = {Path(e["source"]).name: e for e in report["errors"]}
    assert {k: v["code"] for k, v in errors.items()} == EXPECTED_ERRORS
    for name, e in errors.items():
        assert e["message"] and name in captured.err  # each named on stderr with its message
    prepared = [Path(p["source"]).name for p in report["pages"]]
    assert prepared == ["01-good.jpg", "07-cmyk.jpg", "08-16bit.png"]
    assert sorted(p.name for p in out.iterdir()) == ["0001.jpg", "0002.jpg", "0003.jpg"]
    assert main(["pages", "check", "--profile", "construction-permit", str(out)]) == 0


def test_cmyk_and_16bit_decode_to_the_same_page(bad_dir: Path) -> None:
    good = read_file(bad_dir / "01-good.jpg")[0].pixels.astype(int)
    cmyk = read_file(bad_dir / "07-cmyk.jpg")[0]
    deep = read_file(bad_dir / "08-16bit.png")[0]
    assert cmyk.pixels.shape == good.shape and deep.pixels.shape == good.shape
    assert np.abs(cmyk.pixels.astype(int) - good).mean() < 12
    assert np.abs(deep.pixels.astype(int) - good.mean(axis=2, keepdims=True)).mean() < 12
    assert cmyk.warnings and deep.warnings


def test_bomb_is_refused_from_the_header(bad_dir: Path) -> None:
    with pytest.raises(PageError) as exc:
        read_file(bad_dir / "05-bomb.png")
    assert exc.value.code == "too_large" and "900" in exc.value.message


def test_format_is_judged_by_content(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.fromarray(_page_rgb()).save(buf, "PNG")
    (tmp_path / "scan.jpg").write_bytes(buf.getvalue())  # a PNG named .jpg
    assert read_file(tmp_path / "scan.jpg")[0].format == "png"
