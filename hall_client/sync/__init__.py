"""Outbox, HTTP client and push/pull engine towards the central server. Never imports Qt."""
