"""Cases at the counter (受理件): intake, numbering, applicant checks, working days, queries.

``intake.record_intake`` is the one way a case comes into being or changes its decision; the
rest reads. See docs/intake.md and docs/architecture.md.
"""

from __future__ import annotations

from hall_client.core.cases.intake import HallInfo
from hall_client.core.settings import Settings


def hall_info(settings: Settings) -> HallInfo:
    """This counter's hall and counter, and the applicants' status page address."""
    return HallInfo(hall_id=settings.hall.id, hall_name=settings.hall.name,
                    counter_id=settings.counter.id, counter_name=settings.counter.name,
                    status_url=settings.server.url.rstrip("/") + "/status")
