"""The planner's clock: the one place the schedule asks what time it is.

Windows that have already passed are never offered, and a call cannot be booked in
the past by accident, so the answer of the slot finder and of a booking depends on
"now". Every caller may pass its own ``now``; when it does not, this module answers,
and tests replace :func:`now` to make that answer a fixed instant.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

#: A window that opens now starts at the next whole five minutes: "08:10", not "08:07:23".
ROUND_TO = timedelta(minutes=5)


def now() -> datetime:
    """The current instant, aware and in UTC."""
    return datetime.now(UTC)


def current(moment: datetime | None) -> datetime:
    """``moment`` (a caller's own clock) or :func:`now`, aware and in UTC."""
    return (moment or now()).astimezone(UTC)


def next_start(moment: datetime) -> datetime:
    """The first round start (a multiple of :data:`ROUND_TO`) at or after ``moment``."""
    step = int(ROUND_TO.total_seconds())
    seconds = math.ceil(moment.timestamp() / step) * step
    return datetime.fromtimestamp(seconds, UTC)


__all__ = ["ROUND_TO", "current", "next_start", "now"]
