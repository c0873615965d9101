"""Before/after contact sheet of ``pages prepare --profile construction-permit``.

Run: .venv/bin/python bench/pages/contact_sheet.py  -> docs/pages-contact-sheet.jpg
Rows: the real photos in ../shared/data/pages and three synthetic photographed pages; each row
shows the photo as a viewer displays it and the prepared page, with its size, bytes and quality.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np
from hall_resources import resource_path
from PIL import Image, ImageDraw, ImageFont, ImageOps

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from hall_client.pages.confidence import ASK_CLERK_BELOW  # noqa: E402
from hall_client.pages.pipeline import prepare_file  # noqa: E402
from hall_client.pages.profiles import get_profile  # noqa: E402
from hall_client.pages.validate import check_paths  # noqa: E402
from tests.pages.synthetic import hard_photograph, photograph, render_page  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "pages"
CELL_H = 420
FONT = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 16)


def _fit(im: Image.Image) -> Image.Image:
    im = im.convert("RGB")
    return im.resize((max(1, round(im.width * CELL_H / im.height)), CELL_H), Image.LANCZOS)


def main() -> None:
    profile = get_profile("construction-permit")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = sorted(p for p in SHARED.iterdir() if p.suffix.lower() in {".jpg", ".png"})
        for i, (seed, desk) in enumerate(((3, "wood"), (17, "light"), (44, "green"))):
            photo = photograph(render_page(seed), seed, (2400, 1800), desk=desk)
            p = Path(tmp) / f"synthetic-{i + 1}-{desk}.jpg"
            p.write_bytes(photo.jpeg)
            inputs.append(p)
        for kind, seed in (
            ("shadow", 20_000),
            ("card-dark", 20_100),
            ("card-busy", 20_201),
            ("second-sheet", 20_401),
            ("ruled", 20_600),
            ("receipt", 20_300),
        ):
            p = Path(tmp) / f"hard-{kind}-{seed}.jpg"
            p.write_bytes(hard_photograph(kind, seed).jpeg)
            inputs.append(p)
        rows = []
        for path in inputs:
            page = prepare_file(path, profile)[0]
            out_file = Path(tmp) / "check" / f"{len(rows) + 1:04d}.jpg"
            out_file.parent.mkdir(exist_ok=True)
            out_file.write_bytes(page.encoded.data)
            before = _fit(ImageOps.exif_transpose(Image.open(path)))
            after_arr = cv2.imdecode(np.frombuffer(page.encoded.data, np.uint8), cv2.IMREAD_COLOR)
            after = _fit(Image.fromarray(cv2.cvtColor(after_arr, cv2.COLOR_BGR2RGB)))
            e = page.encoded
            label = (
                f"{path.name}  →  {e.width}×{e.height}, {e.size:,} B, q{e.quality}, "
                f"{e.colour}, {page.method} {page.confidence:.2f}, turned {page.rotation}°"
                + ("  ⚠ 请核对四角" if page.confidence < ASK_CLERK_BELOW else "")
            )
            row = Image.new("RGB", (before.width + after.width + 30, CELL_H + 30), "white")
            row.paste(before, (0, 30))
            row.paste(after, (before.width + 30, 30))
            ImageDraw.Draw(row).text((4, 4), label, fill=(0, 0, 0), font=FONT)
            rows.append(row)
        checked, order = check_paths([Path(tmp) / "check"], profile)
        broken = [v for c in checked for v in c.violations] + order
        print(f"pages check: {len(checked)} pages,", broken or "all comply")
    width = max(r.width for r in rows)
    cols = 2
    grid_rows = (len(rows) + cols - 1) // cols
    sheet = Image.new("RGB", (width * cols + 20, grid_rows * (CELL_H + 40)), (230, 230, 230))
    for i, r in enumerate(rows):
        sheet.paste(r, ((i % cols) * (width + 20), (i // cols) * (CELL_H + 40)))
    sheet = sheet.resize((sheet.width * 2 // 3, sheet.height * 2 // 3), Image.LANCZOS)
    out = ROOT / "docs" / "pages-contact-sheet.jpg"
    sheet.save(out, quality=80)
    print(out, sheet.size, out.stat().st_size)


if __name__ == "__main__":
    main()
