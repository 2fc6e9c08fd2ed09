"""The countries, states and time zones of the network, for pickers a teacher can trust.

A teacher picks the country and state; the zone follows (Sydney for New South Wales,
Perth for Western Australia …) and can still be changed for the odd school (Broken
Hill keeps Adelaide time, Lord Howe Island its own half-hour shift).
"""

from __future__ import annotations

from datetime import time

from kaizen_exchange.wording import city  # the command line names zones the same way

COUNTRIES: dict[str, str] = {"GB": "United Kingdom", "AU": "Australia"}

#: country -> [(subdivision code, name, usual zone)]
STATES: dict[str, list[tuple[str, str, str]]] = {
    "GB": [
        ("ENG", "England", "Europe/London"),
        ("SCT", "Scotland", "Europe/London"),
        ("WLS", "Wales", "Europe/London"),
        ("NIR", "Northern Ireland", "Europe/London"),
    ],
    "AU": [
        ("NSW", "New South Wales", "Australia/Sydney"),
        ("VIC", "Victoria", "Australia/Melbourne"),
        ("QLD", "Queensland", "Australia/Brisbane"),
        ("WA", "Western Australia", "Australia/Perth"),
        ("SA", "South Australia", "Australia/Adelaide"),
        ("TAS", "Tasmania", "Australia/Hobart"),
        ("ACT", "Australian Capital Territory", "Australia/Sydney"),
        ("NT", "Northern Territory", "Australia/Darwin"),
    ],
}

#: Every zone a school in the country may keep.
ZONES: dict[str, list[str]] = {
    "GB": ["Europe/London"],
    "AU": [
        "Australia/Sydney",
        "Australia/Melbourne",
        "Australia/Brisbane",
        "Australia/Perth",
        "Australia/Adelaide",
        "Australia/Hobart",
        "Australia/Darwin",
        "Australia/Broken_Hill",
        "Australia/Lord_Howe",
        "Australia/Eucla",
    ],
}

#: Typical call windows: English mornings, Australian late afternoons (school-local).
DEFAULT_CALLS: dict[str, tuple[time, time]] = {
    "GB": (time(7, 45), time(9, 30)),
    "AU": (time(15, 15), time(17, 30)),
}


def state_name(country: str, code: str | None) -> str:
    for state, name, _zone in STATES.get(country, []):
        if state == code:
            return name
    return code or ""


def usual_zone(country: str, state: str | None) -> str | None:
    for code, _name, zone in STATES.get(country, []):
        if code == state:
            return zone
    zones = ZONES.get(country)
    return zones[0] if zones else None


_SUFFIXES = (
    " Primary School",
    " Public School",
    " Primary Academy",
    " Junior School",
    " Infant School",
    " Primary",
    " School",
)


def short_school_name(name: str) -> str:
    """ "Wattle Creek Public School" -> "Wattle Creek", for narrow list columns."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


__all__ = [
    "COUNTRIES",
    "DEFAULT_CALLS",
    "STATES",
    "ZONES",
    "city",
    "short_school_name",
    "state_name",
    "usual_zone",
]
