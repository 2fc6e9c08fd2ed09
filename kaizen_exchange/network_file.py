"""The network file: one TOML file a teacher sends to partner schools so they can join.

This module only reads and checks the file; :mod:`kaizen_exchange.network_store`
merges it into the store. Every refusal names the file, the line or the school, and
what to change, because the person reading it is a teacher, not a programmer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from kaizen_exchange.errors import BadInput

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
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
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"Cannot read the network file {path}: {exc.strerror or exc}.") from exc
    return parse_network(data.decode("utf-8", errors="replace"), source=str(path))


def parse_network(text: str, source: str = "network file") -> NetworkSpec:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(
            f"{source}: this is not valid TOML ({exc}). Check the line named, "
            "for example a missing quote or an unclosed bracket."
        ) from exc
    where = _Where(source)
    network = raw.get("network", {})
    if not isinstance(network, dict):
        raise where.fail("[network] must be a table with a name.")
    schools_raw = raw.get("schools", [])
    if not isinstance(schools_raw, list):
        raise where.fail("schools must be written as [[schools]] tables.")
    schools = [_school(entry, source, index) for index, entry in enumerate(schools_raw, 1)]
    _check_unique(schools, where)
    return NetworkSpec(name=str(network.get("name") or "Kaizen Network"), schools=schools)


def _check_unique(schools: list[SchoolSpec], where: _Where) -> None:
    seen: set[str] = set()
    for school in schools:
        if school.id in seen:
            raise where.fail(
                f"the school id '{school.id}' is used twice; give each school its own id."
            )
        seen.add(school.id)
    homes = [s.id for s in schools if s.home]
    if len(homes) > 1:
        raise where.fail(
            f"more than one school is marked home = true ({', '.join(homes)}); keep it on one."
        )


def _school(entry: Any, source: str, index: int) -> SchoolSpec:
    if not isinstance(entry, dict):
        raise _Where(source).fail(f"school number {index} is not a table.")
    label = str(entry.get("id") or f"number {index}")
    where = _Where(source, label)
    school_id = _text(entry, "id", where)
    if not SLUG.match(school_id):
        raise where.fail("id must be a short slug of lower-case letters, digits and dashes.")
    country = _text(entry, "country", where).upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise where.fail(f"country '{country}' should be a two-letter code such as GB or AU.")
    zone = _text(entry, "timezone", where)
    _check_zone(zone, where)
    feeds = entry.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise where.fail('feeds must be a list of URLs, e.g. feeds = ["https://…/feed/"].')
    blog = _optional_text(entry, "blog", where)
    for url in [*feeds, *([blog] if blog else [])]:
        check_web_url(url, where)
    subdivision = _optional_text(entry, "subdivision", where)
    return SchoolSpec(
        id=school_id,
        name=_text(entry, "name", where),
        country=country,
        timezone=zone,
        subdivision=subdivision.upper() if subdivision else None,
        home=bool(entry.get("home", False)),
        blog=blog,
        email=_optional_text(entry, "email", where),
        feeds=list(feeds),
        day=_hours(entry.get("day"), "day", where),
        calls=_hours(entry.get("calls"), "calls", where),
        terms=_periods(entry.get("terms"), "terms", where),
        closures=_periods(entry.get("closures"), "closures", where),
    )


def _text(entry: dict[str, Any], key: str, where: _Where) -> str:
    value = entry.get(key)
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
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        close = sorted(z for z in available_timezones() if z.lower().endswith(zone.lower()[-6:]))
        hint = f" Did you mean {close[0]}?" if close else ""
        raise where.fail(
            f"unknown time zone '{zone}'; use an IANA name such as Europe/London "
            f"or Australia/Sydney.{hint}"
        ) from exc


def check_web_url(url: str, where: _Where | None = None) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        message = f"'{url}' is not a web address; it should start with https://"
        raise where.fail(message) if where else BadInput(message + ".")
    return url


def _clock(value: Any, label: str, where: _Where) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        hours, minutes = (int(p) for p in value.strip().split(":"))
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise where.fail(f'{label} should be a 24-hour time like "08:45", not {value!r}.')


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
    names = tuple(str(d).strip().title()[:3] for d in weekdays)
    unknown = [d for d in names if d not in WEEKDAYS]
    if unknown:
        raise where.fail(
            f"{key}.weekdays has {unknown[0]!r}; use Mon, Tue, Wed, Thu, Fri, Sat, Sun."
        )
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
        name = str(item.get("name") or key[:-1].title())
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, date) or not isinstance(end, date):
            raise where.fail(
                f"{key} '{name}' needs start and end dates written like 2026-09-03 (no quotes)."
            )
        if end < start:
            raise where.fail(f"{key} '{name}' ends ({end}) before it starts ({start}).")
        periods.append(Period(name, start, end))
    return periods


__all__ = [
    "DEFAULT_WEEKDAYS",
    "WEEKDAYS",
    "Hours",
    "NetworkSpec",
    "Period",
    "SchoolSpec",
    "check_web_url",
    "parse_network",
    "read_network_file",
]
