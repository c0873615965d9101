"""Decoding: EXIF orientation applied as a viewer would, metadata never reaches the output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageOps

from hall_client.cli import main
from hall_client.pages.decode import read_bytes, read_file


def _asymmetric() -> Image.Image:
    arr = np.zeros((60, 90, 3), np.uint8)
    arr[:20, :30] = (255, 0, 0)
    arr[40:, 60:] = (0, 0, 255)
    arr[:, 45:47] = (0, 255, 0)
    return Image.fromarray(arr)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_matches_pillow(orientation: int) -> None:
    im = _asymmetric()
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=95, exif=exif)
    expect = np.asarray(ImageOps.exif_transpose(Image.open(io.BytesIO(buf.getvalue()))))
    got = read_bytes(buf.getvalue(), "x.jpg")[0].pixels[:, :, ::-1]
    assert got.shape == expect.shape
    assert np.abs(got.astype(int) - expect.astype(int)).mean() < 3


def test_gps_never_reaches_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    im = Image.fromarray(np.full((877, 620, 3), 240, np.uint8))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 0.0)}
    im.save(tmp_path / "gps.jpg", "JPEG", exif=exif, comment=b"secret")
    out = tmp_path / "out"
    assert (
        main(
            [
                "pages",
                "prepare",
                "--profile",
                "construction-permit",
                "--out",
                str(out),
                "--jobs",
                "1",
                str(tmp_path / "gps.jpg"),
            ]
        )
        == 0
    )
    data = (out / "0001.jpg").read_bytes()
    assert b"PhoneMaker" not in data and b"secret" not in data and b"Exif" not in data
    capsys.readouterr()


def test_multipage_tiff_and_pdf_give_every_page(tmp_path: Path) -> None:
    pages = [Image.new("RGB", (300, 424), c) for c in ("white", "gray", "black")]
    pages[0].save(tmp_path / "three.tif", save_all=True, append_images=pages[1:])
    assert len(read_file(tmp_path / "three.tif")) == 3
    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        pdf.new_page(595, 842)
    pdf.save(tmp_path / "two.pdf")
    srcs = read_file(tmp_path / "two.pdf")
    assert len(srcs) == 2 and max(srcs[0].pixels.shape[:2]) == 2000
    for fmt, name in (("BMP", "page.dat"), ("WEBP", "page.bin")):
        Image.new("RGB", (300, 424), (10, 20, 30)).save(tmp_path / name, fmt, lossless=True)
        (src,) = read_file(tmp_path / name)
        assert src.format == fmt.lower() and tuple(src.pixels[5, 5]) == (30, 20, 10)


def test_prepare_json_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Image.new("RGB", (620, 877), "white").save(tmp_path / "a.png")
    out = tmp_path / "out"
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
            "1",
            str(tmp_path / "a.png"),
        ]
    )
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert rc == 0
    for key in (
        "source",
        "output",
        "width",
        "height",
        "bytes",
        "quality",
        "colour",
        "corners",
        "confidence",
        "warnings",
    ):
        assert key in page
    assert page["output"].endswith("0001.jpg") and page["bytes"] <= 90000


def test_batch_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    import threading

    from hall_client.pages.errors import Cancelled
    from hall_client.pages.pipeline import prepare_batch
    from hall_client.pages.profiles import get_profile

    paths = []
    for i in range(3):
        p = tmp_path / f"{i}.png"
        Image.new("RGB", (620, 877), "white").save(p)
        paths.append(p)
    (tmp_path / "bad.jpg").write_bytes(b"")
    paths.insert(1, tmp_path / "bad.jpg")
    profile = get_profile("construction-permit")
    seen: list[tuple[int, int, str]] = []
    results = prepare_batch(paths, profile, progress=lambda d, t, p: seen.append((d, t, p)))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4] and all(t == 4 for _, t, _ in seen)
    assert [r.error.code if r.error else "ok" for r in results] == ["ok", "empty", "ok", "ok"]
    cancel = threading.Event()

    def stop_after_first(done: int, total: int, path: str) -> None:
        cancel.set()

    with pytest.raises(Cancelled):
        prepare_batch(paths, profile, progress=stop_after_first, cancel=cancel)
