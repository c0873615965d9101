"""First start of an empty database: load the seed catalog and the holiday table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from server_stub.services import calendar, catalog
from server_stub.services.kv import get_setting


def bootstrap(session: Session) -> None:
    if catalog.current_revision(session) == 0:
        catalog.load_seed(session)
    if get_setting(session, calendar.LAST_YEAR_KEY) is None:
        calendar.seed_from_chinesecalendar(session)
    session.commit()
