"""Screenshots of the review pages and the applicant status page in headless Chromium.

Builds a demo server in a temporary directory, runs a construction-permit case to the deputy
leader (with page images), renders the pages as the signed-in leader would see them, inlines
the images, and has Debian's chromium photograph each page into docs/screenshots/.

    .venv/bin/python bench/server/screenshots.py
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import uuid
import warnings
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw, ImageFont

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from server_stub.core.config import Settings  # noqa: E402
from server_stub.demo import COUNTER_SECRET, DEMO_PASSWORD, seed_demo_data  # noqa: E402
from server_stub.main import create_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CHROMIUM = "/usr/bin/chromium"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 2, 26, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def set(self, y: int, m: int, d: int, h: int = 10) -> None:
        self.now = datetime(y, m, d, h, tzinfo=ZoneInfo("Asia/Shanghai")).astimezone(UTC)


def form_page(title: str, n: int) -> bytes:
    """A page that looks like a filled-in form, 1131×1600, JPEG."""
    img = Image.new("RGB", (1131, 1600), "white")
    d = ImageDraw.Draw(img)
    big, small = ImageFont.truetype(FONT, 54), ImageFont.truetype(FONT, 30)
    d.text((565, 140), title, font=big, fill="black", anchor="mm")
    for i, line in enumerate(["建设单位：杭州滨江置业有限公司", "工程名称：滨江花园三期 1# 楼",
                              "建设地址：滨江区江南大道 1888 号", "建筑面积：12,800 平方米",
                              "合同价款：人民币 4,560 万元", f"第 {n} 页"]):
        y = 300 + i * 110
        d.text((120, y), line, font=small, fill="black")
        d.line((120, y + 55, 1010, y + 55), fill="#999999", width=2)
    d.rectangle((700, 1250, 1000, 1450), outline="#c62828", width=6)
    d.text((850, 1350), "（盖章）", font=small, fill="#c62828", anchor="mm")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="hall-shots-"))
    clock = Clock()
    app = create_app(Settings(data_dir=tmp, secret_key="shots"), clock=clock)
    with app.state.sessionmaker() as s:
        seed_demo_data(s, clock())
        s.commit()
    client = TestClient(app)

    def token(user: str) -> dict[str, str]:
        body = {"username": user, "password": DEMO_PASSWORD}
        if user in ("wangjing", "liqiang"):
            body.update(hall="demo", counter="C01", counter_secret=COUNTER_SECRET)
        r = client.post("/api/v1/auth/token", json=body)
        r.raise_for_status()
        return {"Authorization": f"Bearer {r.json()['access_token']}"}

    def new_case(project: str, applicant: str, accepted: str) -> dict:
        r = client.post("/api/v1/cases", headers=token("wangjing"), json={
            "id": str(uuid.uuid4()), "item_code": "ZJ-XK-001", "project_name": project,
            "accepted_at": accepted,
            "applicant": {"name": applicant, "kind": "organisation", "phone": "13900001111"},
            "materials": [{"name": "建筑工程施工许可证申请表", "form": "original"},
                          {"name": "建设工程规划许可证", "form": "copy"},
                          {"name": "施工合同", "form": "copy"}],
            "fees": [{"code": "FS-ZJ-001", "amount": "768000.00"}]})
        r.raise_for_status()
        return r.json()

    def act(user: str, cid: str, action: str, **kw: object) -> None:
        r = client.post(f"/api/v1/cases/{cid}/actions", headers=token(user),
                        json={"id": str(uuid.uuid4()), "action": action, **kw})
        r.raise_for_status()

    clock.set(2026, 2, 12)
    main_case = new_case("滨江花园三期 1# 楼", "杭州滨江置业有限公司", "2026-02-12T09:20:00+08:00")
    cid = main_case["id"]
    for n, title in enumerate(["建筑工程施工许可证申请表", "建设工程规划许可证", "施工合同"], 1):
        data = form_page(title, n)
        up = client.post(f"/api/v1/cases/{cid}/uploads", headers=token("wangjing"), json={
            "id": str(uuid.uuid4()), "section": "施工", "name": f"{n:04d}.jpg",
            "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}).json()
        client.put(f"/api/v1/uploads/{up['id']}/chunks?offset=0", content=data,
                   headers={**token("wangjing"), "Content-Type": "application/octet-stream"})
    act("wangjing", cid, "approve", opinion="材料齐全，同意受理")
    clock.set(2026, 2, 13)
    act("chenhao",
        cid, "approve", opinion="经审核，符合《建筑工程施工许可管理办法》规定的条件，同意。")
    # Two more cases in the deputy's inbox: one red, one still green.
    clock.set(2026, 2, 24)
    other = new_case("城东小学教学楼改扩建",
                     "县教育基础设施建设有限公司", "2026-02-24T10:00:00+08:00")
    act("wangjing", other["id"], "approve")
    act("liuyang", other["id"], "approve", opinion="同意")
    clock.set(2026, 2, 25)
    third = new_case("临江工业园 3# 厂房", "浙江临江精密机械有限公司", "2026-02-25T10:00:00+08:00")
    act("wangjing", third["id"], "approve")
    act("zhoutao", third["id"], "approve", opinion="同意")
    clock.set(2026, 2, 26)

    r = client.post("/review/login", data={"username": "zhengwei", "password": DEMO_PASSWORD},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    shots = {
        "review-inbox": client.get("/review/").text,
        "review-case": client.get(f"/review/cases/{cid}").text,
        "status-page": client.post("/status", data={
            "number": main_case["case_number"], "code": main_case["verification_code"]}).text,
        "review-login": TestClient(app).get("/review/login").text,
    }

    def inline(html: str) -> str:
        def data_uri(m: re.Match[str]) -> str:
            img = client.get(m.group(1))
            return f'src="data:image/jpeg;base64,{base64.b64encode(img.content).decode()}"'
        return re.sub(r'src="(/review/files/[0-9a-f-]+)"', data_uri, html)

    for name, html in shots.items():
        page = tmp / f"{name}.html"
        page.write_text(inline(html), encoding="utf-8")
        png = OUT / f"{name}.png"
        profile = tempfile.mkdtemp(prefix="chromium-")
        subprocess.run([
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", "--hide-scrollbars",
            "--window-size=1280,2000" if name == "review-case" else "--window-size=1280,820",
            f"--screenshot={png}", page.as_uri(),
        ], check=True, capture_output=True, timeout=120)
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
