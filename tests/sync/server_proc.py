"""Run the real hall-server for the sync tests:
``python -m tests.sync.server_proc DIR PORT [CERT KEY]`` (with CERT and KEY: HTTPS).

The same app ``hall-server`` runs (uvicorn, SQLite in DIR), with argon2's cheapest profile so
seeding the demo users is quick; seeded on first start, kept across restarts.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    data_dir, port = Path(sys.argv[1]), int(sys.argv[2])
    import uvicorn

    from server_stub.core.clock import system_clock
    from server_stub.core.config import Settings
    from server_stub.core.security import use_cheap_hashing
    from server_stub.demo import seed_demo_data
    from server_stub.main import create_app

    use_cheap_hashing()
    settings = Settings()
    settings.data_dir = data_dir
    fresh = not (data_dir / "server.sqlite3").exists()
    app = create_app(settings)
    if fresh:
        with app.state.sessionmaker() as session:
            seed_demo_data(session, system_clock())
            session.commit()
    tls = {"ssl_certfile": sys.argv[3], "ssl_keyfile": sys.argv[4]} if len(sys.argv) > 4 else {}
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", **tls)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
