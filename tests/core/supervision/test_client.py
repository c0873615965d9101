"""The counter's supervision client against the real server on a loopback port."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hall_client.core import outbox
from hall_client.core.counter import open_counter
from hall_client.core.errors import InvalidInput
from hall_client.core.supervision import board as board_core
from hall_client.core.supervision.client import (
    ServerRefused,
    ServerUnavailable,
    SupervisionClient,
)
from hall_client.core.supervision.ratings import Visit, ratings_of_case, record_rating
from hall_client.store.models import OutboxMessage
from tests.e2e.live_server import LiveServer

from .server_helpers import act, new_case, supervisor


def test_board_urge_history_and_rates(live_server: LiveServer) -> None:
    client = supervisor(live_server)
    late = new_case(live_server)
    done = new_case(live_server)
    act(live_server, "wangjing", done["id"], "approve")
    act(live_server, "fgj_sh1", done["id"], "approve", opinion="同意")
    for action, extra in (("certificate_issued", {"certificate_number": "B-1"}),
                          ("collected", {"collector": "本人"}), ("finished", {})):
        act(live_server, "wangjing", done["id"], action, **extra)
    live_server.set_day(2026, 3, 4)
    view = board_core.refresh(client, board_core.BoardView(), live_server.clock.now)
    assert view.board is not None and not view.stale
    rows = {r.case_id: r for r in view.board.rows}
    assert set(rows) == {late["id"]} and rows[late["id"]].warning == "red"
    assert rows[late["id"]].steps[0].holders == ["王静", "李强"]
    only = board_core.refresh(client, view, live_server.clock.now, department="ZJJ")
    assert only.board is not None and only.board.rows == []

    assert client.urge(late["id"], "请今日受理完毕")["texts_queued"] >= 1
    events = client.history(late["id"])["events"]
    assert events[-1]["action"] == "urge" and events[-1]["opinion"] == "请今日受理完毕"
    with pytest.raises(ServerRefused) as refused:
        client.urge(done["id"], "催")
    assert refused.value.code == "case_closed" and "已办结" in refused.value.message

    perf = client.performance(date(2026, 3, 1), date(2026, 3, 31), "counter")
    assert [(r["key"], r["completed"], r["rank"]) for r in perf["rows"]] == [("C01", 1, 1)]
    with pytest.raises(ServerRefused) as backwards:
        client.performance(date(2026, 3, 31), date(2026, 3, 1), "department")
    assert backwards.value.code == "period_invalid"


def test_offline_keeps_the_last_view_and_marks_it_stale(live_server: LiveServer) -> None:
    new_case(live_server)
    client = supervisor(live_server)
    view = board_core.refresh(client, board_core.BoardView(), live_server.clock.now)
    assert view.board is not None and len(view.board.rows) == 1
    client.base_url = "http://127.0.0.1:9"  # the link is down
    offline = board_core.refresh(client, view, live_server.clock.now)
    assert offline.stale and offline.board is view.board and "无法连接" in offline.problem
    with pytest.raises(ServerUnavailable):
        SupervisionClient("http://127.0.0.1:9", lambda: "t").abnormal(date(2026, 3, 1),
                                                                      date(2026, 3, 2))


def test_rating_stored_locally_enqueued_and_counted_once_on_the_server(
        live_server: LiveServer, demo_data_dir: Path) -> None:
    case = new_case(live_server)
    counter = open_counter(demo_data_dir)
    from hall_client.core import auth

    actor = auth.sign_in(counter.store.sessions, "wangjing", "demo1234", "C01")
    visit = Visit(case["id"], case["case_number"], "wangjing", "王静", "C01")
    with counter.store.transaction() as s:
        rating = record_rating(s, actor, visit, "不满意", "排队太久", at=live_server.clock.now)
        rid = rating.id
    with counter.store.transaction() as s, pytest.raises(InvalidInput):
        record_rating(s, actor, visit, "一般")
    with counter.store.transaction() as s:
        assert [r.level for r in ratings_of_case(s, case["id"])] == ["不满意"]
        message = next(m for m in outbox.pending(s) if m.kind == "rating.create")
        payload = dict(message.payload)
        assert set(payload) == {"id", "case_id", "level", "clerk", "counter", "rated_at",
                                "comment"} and payload["id"] == rid
    # What the sync engine does with the message, twice (a retry after a lost answer).
    client = SupervisionClient(live_server.url, _clerk_tokens(live_server))
    first = client.send_rating(payload)
    again = client.send_rating(payload)
    assert first["id"] == again["id"] == rid and first["state"] == "open"
    sup = supervisor(live_server)
    rows = sup.satisfaction(date(2026, 3, 1), date(2026, 3, 31), "clerk")["rows"]
    assert [(r["name"], r["rated"], r["bad"]) for r in rows] == [("王静", 1, 1)]
    loop = sup.rating(rid)["loop"]
    assert [s["kind"] for s in loop] == ["verify", "rectify", "answer", "callback"]
    with counter.store.transaction() as s:  # saving the same rating again keeps one
        record_rating(s, actor, visit, "不满意", "排队太久", rating_id=rid)
        assert s.query(OutboxMessage).filter_by(kind="rating.create").count() == 1
    counter.close()


def _clerk_tokens(live: LiveServer) -> object:
    from .server_helpers import tokens

    return tokens(live, "wangjing")
