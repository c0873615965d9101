"""Tests of server_stub (the central approval server)."""
