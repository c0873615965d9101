"""Transport security: HTTPS with the certificate verified (the hall's CA bundle, else the
system store); plain HTTP only on loopback or when explicitly allowed (and flagged)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hall_client.core.errors import InvalidInput
from hall_client.core.settings import Settings
from hall_client.sync.credential import CredentialFile, Registration
from hall_client.sync.engine import SyncEngine, read_status
from hall_client.sync.transport import ServerHttp, transport_problem
from tests.sync.live import COUNTER_SECRET, PASSWORD, LiveServer, enqueue_case, make_counter


def make_ca_and_certificate(d: Path) -> tuple[Path, Path, Path]:
    """A throw-away CA and a server certificate for 127.0.0.1 signed by it (openssl)."""
    ca_key, ca, key, csr, cert = (d / n for n in ("ca.key", "ca.pem", "srv.key", "srv.csr",
                                                  "srv.pem"))
    ext = d / "ext.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run = lambda *a: subprocess.run(["openssl", *a], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca),
        "-days", "2", "-subj", "/CN=Hall Test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr),
        "-subj", "/CN=127.0.0.1")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
        "-CAcreateserial", "-out", str(cert), "-days", "2", "-extfile", str(ext))
    return ca, cert, key


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("tls")
    server = LiveServer(base / "data", tls=make_ca_and_certificate(base))
    server.start()
    yield server
    server.stop()


def test_https_with_the_halls_ca_bundle(tls_server: LiveServer, tmp_path: Path) -> None:
    assert tls_server.tls is not None
    counter = make_counter(tmp_path / "c", tls_server.url)
    counter.settings.server.ca_bundle = str(tls_server.tls[0])
    sent = enqueue_case(counter, 1, pages=1)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.sign_in("wangjing", PASSWORD)
    result = engine.run_once()
    assert result.online and result.push.delivered == 2, result
    assert sent[0]
    assert not read_status(counter.data_dir, counter.store, counter.settings).plain_http
    engine.close()
    counter.close()


def test_certificate_not_trusted_is_refused(tls_server: LiveServer, tmp_path: Path) -> None:
    counter = make_counter(tmp_path / "c", tls_server.url)  # system store: test CA unknown
    enqueue_case(counter, 2, pages=1)
    engine = SyncEngine(counter.data_dir, counter.settings)
    engine.use("wangjing")
    with pytest.raises(Exception, match="证书"):
        engine.sign_in("wangjing", PASSWORD)
    engine.close()
    counter.close()


def test_plain_http_only_on_loopback_or_when_allowed(tmp_path: Path) -> None:
    assert transport_problem("http://127.0.0.1:8712", False) is None
    assert transport_problem("https://hall.example.cn", False) is None
    assert transport_problem("http://10.0.0.5:8700", False)
    assert transport_problem("http://10.0.0.5:8700", True) is None
    with pytest.raises(InvalidInput):
        ServerHttp("http://10.0.0.5:8700")
    settings = Settings()
    settings.server.allow_plain_http = True
    d = tmp_path / "c"
    counter = make_counter(d, "http://10.0.0.5:8700")
    CredentialFile(d).save(Registration(url="http://10.0.0.5:8700", hall="demo",
                                        counter="C01", counter_secret=COUNTER_SECRET))
    status = read_status(d, counter.store, settings)
    assert status.plain_http  # the status bar shows this in red
    counter.close()
