"""The video-call planner: school calendars, the slot finder, sessions and invitations.

Qt-free like the rest of the core. The command line (:mod:`kaizen_exchange.cli.schedule_cmds`)
and the window call the same functions, re-exported here.
"""

from kaizen_exchange.schedule.calendars import CallHours, DayStatus, Period, SchoolCalendar
from kaizen_exchange.schedule.ical import export_sessions
from kaizen_exchange.schedule.ical_import import import_sessions
from kaizen_exchange.schedule.planner import SlotAnswer, search_slots
from kaizen_exchange.schedule.sessions import (
    NewSession,
    SessionReport,
    add_session,
    cancel_session,
    check_session,
    list_sessions,
)
from kaizen_exchange.schedule.slots import Slot, SlotSearch, find_slots
from kaizen_exchange.schedule.terms_import import import_terms

__all__ = [
    "CallHours",
    "DayStatus",
    "NewSession",
    "Period",
    "SchoolCalendar",
    "SessionReport",
    "Slot",
    "SlotAnswer",
    "SlotSearch",
    "add_session",
    "cancel_session",
    "check_session",
    "export_sessions",
    "find_slots",
    "import_sessions",
    "import_terms",
    "list_sessions",
    "search_slots",
]
