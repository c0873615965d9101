"""Is the central server there, and (for demos) starting a local one.

The counter works offline; this only tells the status bar whether the server answers, and in
demo mode starts ``hall-server`` on loopback when nothing answers at the configured URL. The
server is a separate program reached over HTTP: it is started as a process, never imported.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def is_up(url: str, timeout: float = 2.0) -> bool:
    try:
        return requests.get(url.rstrip("/") + "/healthz", timeout=timeout).status_code == 200
    except requests.RequestException:
        return False


def _server_command() -> list[str] | None:
    beside = Path(sys.executable).with_name("hall-server")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("hall-server")
    return [found] if found else None


def start_local_server(url: str, server_dir: Path, *, wait: float = 20.0,
                       log_file: Path | None = None) -> subprocess.Popen[bytes] | None:
    """Start ``hall-server`` for ``url`` if it is on loopback and not answering.

    Returns the process (the caller stops it on exit), or None when a server already answers
    or none can be started here.
    """
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK or is_up(url):
        return None
    command = _server_command()
    if command is None:
        return None
    server_dir.mkdir(parents=True, exist_ok=True)
    log = open(log_file or server_dir / "server.log", "ab")  # noqa: SIM115 - lives with the process
    subprocess.run([*command, "--data-dir", str(server_dir), "seed-demo"], stdout=log,
                   stderr=subprocess.STDOUT, check=False, timeout=120)
    proc = subprocess.Popen(
        [*command, "--host", parts.hostname or "127.0.0.1", "--port", str(parts.port or 8700),
         "--data-dir", str(server_dir)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        if is_up(url, timeout=0.5):
            return proc
        time.sleep(0.2)
    return proc


DEMO_HALL, DEMO_COUNTER, DEMO_COUNTER_SECRET = "demo", "C01", "counter-demo-secret"


def register_demo_counter(data_dir: Path, url: str) -> bool:
    """Demo mode: register with the local demo server's hall and counter unless registered."""
    from hall_client.sync.credential import CredentialFile, Registration

    credentials = CredentialFile(data_dir)
    if credentials.exists() or urlsplit(url).hostname not in LOOPBACK:
        return False
    credentials.save(Registration(url=url, hall=DEMO_HALL, counter=DEMO_COUNTER,
                                  counter_secret=DEMO_COUNTER_SECRET))
    return True
