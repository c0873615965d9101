"""Supervision at the counter: the server's board, rates and ratings, and local 好差评."""
