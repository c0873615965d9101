"""The real server on a loopback port for these tests."""

from tests.e2e.live_server import live_server  # noqa: F401
