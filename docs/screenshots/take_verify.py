"""Screenshots of the server's public /verify page (headless Chromium, 1024×768):
``.venv/bin/python docs/screenshots/take_verify.py`` (needs Debian's ``chromium``).

A throw-away server database gets the demo hall, a counter's seal key and one licence signed
the way the counter signs it; the page is shown for the genuine licence, for the same licence
after revocation, and for a code with one character changed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import uuid
import warnings
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent


def main() -> int:
    from hall_client.core.results.seal import LICENCE_TAG, HallSeal
    from server_stub.core.config import Settings
    from server_stub.demo import COUNTER_SECRET, DEMO_PASSWORD, seed_demo_data
    from server_stub.main import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    work = Path(tempfile.mkdtemp(prefix="hall-verify-shots-"))
    app = create_app(Settings(data_dir=work, secret_key="screenshots"))
    with app.state.sessionmaker() as session:
        seed_demo_data(session, datetime.now(UTC))
        session.commit()
    seal = HallSeal(bytes(range(32)))
    number = "ZJ-XK-001-2026-00001"
    code = seal.sign_fields(LICENCE_TAG, ("HALL-330100", number, "ZJ-XK-001", "ZJ-2026-00112",
                                          "杭州某建设有限公司", "20261130"))
    with TestClient(app) as client:
        token = client.post("/api/v1/auth/token", json={
            "username": "wangjing", "password": DEMO_PASSWORD, "hall": "demo", "counter": "C01",
            "counter_secret": COUNTER_SECRET}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        client.post("/api/v1/signing-keys", json={"public_key": seal.public_key}, headers=auth)
        licence_id = str(uuid.uuid4())
        r = client.post("/api/v1/licences", headers=auth, json={
            "id": licence_id, "case_number": "ZJ-2026-00112", "licence_number": number,
            "item_code": "ZJ-XK-001", "title": "建筑工程施工许可证", "holder": "杭州某建设有限公司",
            "fields": {"建设单位": "杭州某建设有限公司", "工程名称": "滨江花园三期1#楼",
                       "建设地址": "县城东路8号", "建设规模": "12000 平方米"},
            "code": code, "issued_at": datetime.now(UTC).isoformat()})
        assert r.status_code == 201, r.text
        pages = {"verify-genuine": client.get("/verify", params={"code": code}).text,
                 "verify-forged": client.get("/verify", params={
                     "code": code.replace("12000", "13000").replace("00112", "00113")}).text}
        client.post(f"/api/v1/licences/{licence_id}/revoke", headers=auth, json={
            "reason": "建设规模打印错误", "approved_by": "周燕",
            "revoked_at": datetime.now(UTC).isoformat(), "replaced_by": "ZJ-XK-001-2026-00002"})
        pages["verify-revoked"] = client.get("/verify", params={"code": code}).text
    app.state.engine.dispose()
    for name, html in pages.items():
        page = work / f"{name}.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", f"--screenshot={OUT / (name + '.png')}",
                        "--window-size=1024,768", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
