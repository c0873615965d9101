"""The outbox keeps messages in order and commits or rolls back with the change."""

from __future__ import annotations

import pytest

from hall_client.core import outbox
from hall_client.core.counter import Counter


def test_order_and_delivery(counter: Counter) -> None:
    with counter.store.transaction() as s:
        first = outbox.enqueue(s, "case.created", {"n": 1})
        outbox.enqueue(s, "case.updated", {"n": 2})
    with counter.store.transaction() as s:
        assert [m.payload["n"] for m in outbox.pending(s)] == [1, 2]
        outbox.mark_failed(s, first.id, "connection refused")
    with counter.store.transaction() as s:
        head = outbox.pending(s)[0]
        assert head.attempts == 1 and head.last_error == "connection refused"
        outbox.mark_sent(s, first.id)
    with counter.store.transaction() as s:
        assert [m.payload["n"] for m in outbox.pending(s)] == [2]


def test_rolled_back_change_leaves_no_message(counter: Counter) -> None:
    with pytest.raises(RuntimeError), counter.store.transaction() as s:
        outbox.enqueue(s, "case.created", {"n": 1})
        raise RuntimeError("the change failed")
    with counter.store.transaction() as s:
        assert outbox.pending(s) == []
        # The sequence number was not consumed either: the next message takes 1.
        assert outbox.enqueue(s, "case.created", {"n": 1}).seq == 1
