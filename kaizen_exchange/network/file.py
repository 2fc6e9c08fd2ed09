"""The network file: one TOML file a teacher sends to partner schools so they can join.

This module only reads and checks the file; :mod:`kaizen_exchange.network.store`
merges it into the store. Every refusal names the file, the line or the school, and
what to change, because the person reading it is a teacher, not a programmer. A file
with several mistakes is refused with all of them in one message, so the teacher can
fix the file in one go instead of one import per mistake. Values are refused, never
guessed: ``home = "false"`` (text) is not a yes/no, "Monkey" is not Monday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from kaizen_exchange.errors import BadInput
from kaizen_exchange.import_checks import (
    NETWORK_FILE_CAP,
    all_problems,
    decode_text,
    is_place_zone,
    place_zones,
    plain_name,
    quoted,
    read_capped,
    sane_date,
)
from kaizen_exchange.toml_errors import load_toml
from kaizen_exchange.urls import web_address

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_NAMES = {day.lower(): day for day in WEEKDAYS} | dict(zip(_FULL_NAMES, WEEKDAYS, strict=True))
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
DEFAULT_WEEKDAYS = WEEKDAYS[:5]


@dataclass(frozen=True)
class Hours:
    """A stretch of local clock time on a school's days (``calls`` also names the weekdays)."""

    start: time
    end: time
    weekdays: tuple[str, ...] = DEFAULT_WEEKDAYS


@dataclass(frozen=True)
class Period:
    """A term or a closure: inclusive local dates."""

    name: str
    start: date
    end: date


@dataclass
class SchoolSpec:
    """One ``[[schools]]`` table, checked."""

    id: str
    name: str
    country: str
    timezone: str
    subdivision: str | None = None
    home: bool = False
    blog: str | None = None
    email: str | None = None
    feeds: list[str] = field(default_factory=list)
    day: Hours | None = None
    calls: Hours | None = None
    terms: list[Period] | None = None  # None: the file says nothing (keep what we have)
    closures: list[Period] | None = None


@dataclass
class NetworkSpec:
    name: str
    schools: list[SchoolSpec]


class _Where:
    """Builds messages that say where in the file the problem is."""

    def __init__(self, source: str, school: str | None = None) -> None:
        self.source = source
        self.school = school

    def fail(self, message: str) -> BadInput:
        where = f"{self.source}, school '{self.school}'" if self.school else self.source
        return BadInput(f"{where}: {message}")


def read_network_file(path: Path) -> NetworkSpec:
    """Read and check a network file; raise :class:`BadInput` saying what to change."""
    data = read_capped(path, NETWORK_FILE_CAP, "a network file")
    return parse_network(decode_text(data, path, "a network file"), source=str(path))


def parse_network(text: str, source: str = "network file") -> NetworkSpec:
    """Check a network file's text; every problem found is named in one BadInput."""
    raw = load_toml(text, source)
    where = _Where(source)
    network = raw.get("network", {})
    if not isinstance(network, dict):
        raise where.fail("[network] must be a table with a name.")
    schools_raw = raw.get("schools", [])
    if not isinstance(schools_raw, list):
        raise where.fail("schools must be written as [[schools]] tables.")
    if not schools_raw:
        raise where.fail(
            "the file lists no schools; each school starts with a [[schools]] line "
            "(export the file again from Kaizen Exchange)."
        )
    problems: list[str] = []
    schools: list[SchoolSpec] = []
    for index, entry in enumerate(schools_raw, 1):
        try:
            schools.append(_school(entry, source, index))
        except BadInput as exc:
            problems.append(str(exc))
    problems += _uniqueness_problems(schools, where)
    try:
        name = _network_name(network, where)
    except BadInput as exc:
        problems.insert(0, str(exc))
    if problems:
        raise all_problems(source, problems)
    return NetworkSpec(name=name, schools=schools)


def _network_name(network: dict[str, Any], where: _Where) -> str:
    value = network.get("name")
    if value is None:
        return "Kaizen Network"
    if not isinstance(value, str):
        raise where.fail('the network\'s name must be text in quotes, e.g. name = "Kaizen".')
    try:
        return plain_name(value, "the network's name") or "Kaizen Network"
    except BadInput as exc:
        raise where.fail(str(exc)) from None


def _uniqueness_problems(schools: list[SchoolSpec], where: _Where) -> list[str]:
    problems = []
    seen: set[str] = set()
    for school in schools:
        if school.id in seen:
            problems.append(
                str(
                    where.fail(
                        f"the school id '{school.id}' is used twice; give each school its own id."
                    )
                )
            )
        seen.add(school.id)
    homes = [s.id for s in schools if s.home]
    if len(homes) > 1:
        problems.append(
            str(
                where.fail(
                    f"more than one school is marked home = true ({', '.join(homes)}); "
                    "keep it on one."
                )
            )
        )
    return problems


def _school(entry: Any, source: str, index: int) -> SchoolSpec:
    if not isinstance(entry, dict):
        raise _Where(source).fail(f"school number {index} is not a table.")
    label = entry.get("id") if isinstance(entry.get("id"), str) else None
    where = _Where(source, label if label and SLUG.match(label) else f"number {index}")
    school_id = check_school_id(_text(entry, "id", where), where)
    country = _text(entry, "country", where).upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise where.fail(f"country '{country}' should be a two-letter code such as GB or AU.")
    zone = _text(entry, "timezone", where)
    _check_zone(zone, where)
    feeds = entry.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise where.fail('feeds must be a list of URLs, e.g. feeds = ["https://…/feed/"].')
    blog = _optional_text(entry, "blog", where)
    subdivision = _optional_text(entry, "subdivision", where)
    if subdivision and not re.fullmatch(r"[A-Za-z0-9]{1,3}", subdivision):
        raise where.fail(
            f"subdivision '{subdivision}' should be a short code such as ENG, NSW or VIC."
        )
    return SchoolSpec(
        id=school_id,
        name=_name(_text(entry, "name", where), "name", where),
        country=country,
        timezone=zone,
        subdivision=subdivision.upper() if subdivision else None,
        home=_yes_no(entry, "home", where),
        blog=_url(blog, where) if blog else None,
        email=_email(_optional_text(entry, "email", where), where),
        feeds=list(dict.fromkeys(_url(url, where) for url in feeds)),
        day=_hours(entry.get("day"), "day", where),
        calls=_hours(entry.get("calls"), "calls", where),
        terms=_periods(entry.get("terms"), "terms", where),
        closures=_periods(entry.get("closures"), "closures", where),
    )


def check_school_id(school_id: str, where: _Where | None = None) -> str:
    """A school id as the network file allows it: a short slug (OPML ids are checked too)."""
    if not SLUG.match(school_id):
        message = (
            f"the id {quoted(school_id)} should be a short slug of lower-case letters, "
            "digits and dashes, such as greenfield-primary."
        )
        raise where.fail(message) if where else BadInput(message)
    return school_id


def _url(url: str, where: _Where) -> str:
    try:
        return web_address(url)
    except BadInput as exc:
        raise where.fail(str(exc)) from None


def _name(value: str, key: str, where: _Where) -> str:
    try:
        return plain_name(value, key)
    except BadInput as exc:
        raise where.fail(str(exc)) from None


def _yes_no(entry: dict[str, Any], key: str, where: _Where) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise where.fail(f"{key} must be true or false, without quotes (found {value!r:.40}).")
    return value


def _email(value: str | None, where: _Where) -> str | None:
    if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise where.fail(
            f"email '{value[:60]}' is not an e-mail address like office@school.example."
        )
    return value


def _text(entry: dict[str, Any], key: str, where: _Where) -> str:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise where.fail(f'{key} must be text in quotes, e.g. {key} = "…".')
    if not isinstance(value, str) or not value.strip():
        raise where.fail(f'{key} is missing; add {key} = "…".')
    return value.strip()


def _optional_text(entry: dict[str, Any], key: str, where: _Where) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise where.fail(f"{key} must be text in quotes.")
    return value.strip() or None


def _check_zone(zone: str, where: _Where) -> None:
    if is_place_zone(zone):
        return
    tail = zone.lower().rsplit("/", 1)[-1][-6:]
    close = sorted(z for z in place_zones() if tail and z.lower().endswith(tail))
    hint = f" Did you mean {close[0]}?" if close else ""
    raise where.fail(
        f"unknown time zone '{zone[:60]}'; use an IANA name of a place such as Europe/London "
        f"or Australia/Sydney.{hint}"
    )


def check_web_url(url: str, where: _Where | None = None) -> str:
    """``url`` checked and normalised (:func:`kaizen_exchange.urls.web_address`)."""
    return _url(url, where) if where else web_address(url)


def _clock(value: Any, label: str, where: _Where) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        hours, minutes = (int(p) for p in value.strip().split(":"))
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise where.fail(f'{label} should be a 24-hour time like "08:45", not {value!r:.40}.')


def _hours(value: Any, key: str, where: _Where) -> Hours | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise where.fail(f'{key} should look like {{ start = "08:45", end = "15:15" }}.')
    start = _clock(value.get("start"), f"{key}.start", where)
    end = _clock(value.get("end"), f"{key}.end", where)
    if end <= start:
        raise where.fail(f"{key} ends ({end:%H:%M}) before it starts ({start:%H:%M}).")
    weekdays = value.get("weekdays", list(DEFAULT_WEEKDAYS))
    if not isinstance(weekdays, list) or not weekdays:
        raise where.fail(f'{key}.weekdays should be a list such as ["Mon", "Tue"].')
    names = []
    for day in weekdays:
        name = _DAY_NAMES.get(day.strip().lower()) if isinstance(day, str) else None
        if name is None:
            raise where.fail(
                f"{key}.weekdays has {str(day)[:20]!r}; use Mon, Tue, Wed, Thu, Fri, Sat, Sun."
            )
        names.append(name)
    return Hours(start, end, tuple(d for d in WEEKDAYS if d in names))


def _periods(value: Any, key: str, where: _Where) -> list[Period] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise where.fail(f"{key} should be a list of {{ name, start, end }} tables.")
    periods = []
    for item in value:
        if not isinstance(item, dict):
            raise where.fail(f"each entry of {key} should be {{ name = …, start = …, end = … }}.")
        raw_name = item.get("name", "")
        if not isinstance(raw_name, str):
            raise where.fail(f'each name in {key} must be text in quotes, e.g. name = "Term 1".')
        name = _name(raw_name, f"the name of a {key[:-1]}", where) or key[:-1].title()
        start = _day(item.get("start"), key, name, "start", where)
        end = _day(item.get("end"), key, name, "end", where)
        if end < start:
            raise where.fail(f"{key} '{name}' ends ({end}) before it starts ({start}).")
        periods.append(Period(name, start, end))
    return periods


def _day(value: Any, key: str, name: str, edge: str, where: _Where) -> date:
    """A TOML local date between 1900 and 2200 (a datetime is a date in Python, not a day)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise where.fail(
            f"{key} '{name}' needs start and end dates written like 2026-09-03 (no quotes)."
        )
    try:
        return sane_date(value, f"the {edge} of {key} '{name}'")
    except BadInput as exc:
        raise where.fail(str(exc)) from None


__all__ = [
    "DEFAULT_WEEKDAYS",
    "WEEKDAYS",
    "Hours",
    "NetworkSpec",
    "Period",
    "SchoolSpec",
    "check_school_id",
    "check_web_url",
    "parse_network",
    "read_network_file",
]
