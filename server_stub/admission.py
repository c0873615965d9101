"""Admission to a process's worker threads: one queue per request, page traffic last.

Each request's synchronous work (the token lookup, the endpoint, the answer's check) runs in
the process's worker threads, at most ``threads`` at once, each step queued on its own in the
order it arrived. Under a burst (the hall opens: every counter creates its case at the same
instant) a request queued once per step, each time behind everything that had arrived
meanwhile, and a case creation waited behind the page chunks of counters whose case was made
first. Here a signed-in request waits once, before its first step, and holds its place until
its answer is made; pages (uploads: declarations and chunks, the bulk of the traffic) go
after every other waiting request and may take all but ``reserve`` of the places, so a case
creation, a window step or a sign-in's follow-up finds a place free at once.
"""

from __future__ import annotations

from collections import deque

import anyio


class Admission:
    """``places`` requests at work at once; page traffic at most ``places - reserve`` of them,
    and it waits while any other request waits. First come, first served within each kind."""

    def __init__(self, places: int, reserve: int) -> None:
        if places < 1 or not 0 <= reserve < places:
            raise ValueError(f"need places >= 1 and 0 <= reserve < places, not {places}, "
                             f"{reserve}")
        self.places = places
        self.bulk_places = places - reserve
        self.busy = 0
        self.bulk_busy = 0
        self._waiting: deque[anyio.Event] = deque()
        self._bulk_waiting: deque[anyio.Event] = deque()

    def _may_start(self, bulk: bool) -> bool:
        if self.busy >= self.places:
            return False
        if bulk:
            return self.bulk_busy < self.bulk_places and not self._waiting
        return True

    def _take(self, bulk: bool) -> None:
        self.busy += 1
        self.bulk_busy += bulk

    async def enter(self, bulk: bool) -> None:
        queue = self._bulk_waiting if bulk else self._waiting
        if not queue and self._may_start(bulk):
            self._take(bulk)
            return
        turn = anyio.Event()
        queue.append(turn)
        try:
            await turn.wait()
        except BaseException:
            if turn.is_set():  # given its place just as it was cancelled: pass it on
                self.leave(bulk)
            else:
                queue.remove(turn)
                self._hand_on()  # a page waiting behind it may now start
            raise

    def leave(self, bulk: bool) -> None:
        self.busy -= 1
        self.bulk_busy -= bulk
        self._hand_on()

    def _hand_on(self) -> None:
        while self.busy < self.places:
            if self._waiting:
                self._take(False)
                self._waiting.popleft().set()
            elif self._bulk_waiting and self.bulk_busy < self.bulk_places:
                self._take(True)
                self._bulk_waiting.popleft().set()
            else:
                return
