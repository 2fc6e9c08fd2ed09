"""Merging a network file into the store, and writing the store back out as one.

Import is an idempotent merge keyed by school id: importing the same file twice
changes nothing, and a file from a partner never deletes our own schools or feeds.
It all happens in one transaction, so a refused file leaves the store as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

import tomli_w
from sqlalchemy import Table, insert
from sqlmodel import Session, SQLModel, col, select

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.import_checks import plain_name
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.network.file import Hours, NetworkSpec, Period, SchoolSpec, check_school_id
from kaizen_exchange.network.same_blog import SiteIndex
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, NetworkInfo, School, SchoolPeriod
from kaizen_exchange.urls import strip_secrets, web_address
from kaizen_exchange.wording import plural


@dataclass
class ImportReport:
    """What an import changed, for the person who ran it."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    feeds_added: list[str] = field(default_factory=list)
    home_ignored: str | None = None  # the file's home school, when we already have one

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _school_fields(spec: SchoolSpec) -> dict[str, Any]:
    calls = spec.calls
    return {
        "name": spec.name,
        "country": spec.country,
        "subdivision": spec.subdivision,
        "timezone": spec.timezone,
        "blog": spec.blog,
        "email": spec.email,
        "day_start": _clock(spec.day.start) if spec.day else None,
        "day_end": _clock(spec.day.end) if spec.day else None,
        "calls_start": _clock(calls.start) if calls else None,
        "calls_end": _clock(calls.end) if calls else None,
        "calls_weekdays": ",".join(calls.weekdays) if calls else None,
    }


def import_network(store: Store, spec: NetworkSpec) -> ImportReport:
    """Merge ``spec`` into the store in one transaction.

    What the store holds is read in three queries and merged in memory, and new rows
    are written in one multi-row INSERT per table (no ORM object per row), so a
    network of 10,000 schools takes seconds, not minutes. A spec built by the window
    rather than read from a file has its addresses and names checked here too.
    """
    _check_spec(spec)
    report = ImportReport()
    with store.session() as session:
        _set_info(session, "name", spec.name)
        schools = {s.id: s for s in session.exec(select(School))}
        home = next((s.id for s in schools.values() if s.home), None)
        sites = SiteIndex.of(session)
        for school_spec in spec.schools:  # one blog under two names shows every post twice
            sites.refuse_if_followed(school_spec.id, [school_spec.blog, *school_spec.feeds])
            sites.add(school_spec.id, school_spec.name, [school_spec.blog, *school_spec.feeds])
        new: dict[str, dict[str, Any]] = {}
        changed: dict[str, bool] = {}
        for school_spec in spec.schools:
            changed[school_spec.id] = _merge_school(schools, new, school_spec, report)
            if school_spec.home and home is None:
                home = school_spec.id
                changed[school_spec.id] = True
                if school_spec.id in new:
                    new[school_spec.id]["home"] = True
                else:
                    schools[school_spec.id].home = True
            elif school_spec.home and home != school_spec.id:
                report.home_ignored = school_spec.id
        insert_rows(session, School, list(new.values()))  # before the rows that refer to them
        periods = _network_periods(session)
        known_feeds = set(session.exec(select(Feed.url)).all())
        new_periods: list[dict[str, Any]] = []
        new_feeds: list[dict[str, Any]] = []
        for school_spec in spec.schools:
            school_changed = changed[school_spec.id]
            school_changed |= _merge_periods(session, school_spec, periods, new_periods)
            school_changed |= _merge_feeds(school_spec, known_feeds, new_feeds, report)
            if school_changed and school_spec.id not in new:  # a dict: `in report.added` was O(n)
                report.updated.append(school_spec.id)
            elif not school_changed:
                report.unchanged.append(school_spec.id)
        insert_rows(session, SchoolPeriod, new_periods)
        insert_rows(session, Feed, new_feeds)
    return report


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """One executemany INSERT of plain rows, in the session's transaction.

    Building a SQLModel object per row (validation, unit of work) cost a millisecond
    each: most of the time of a large import. Columns a row leaves out get their
    defaults; every row must name the same columns.
    """
    if rows:
        table: Table = model.__table__  # type: ignore[attr-defined]
        session.connection().execute(insert(table), rows)


def _check_spec(spec: NetworkSpec) -> None:
    """Addresses and names of a spec checked as :func:`parse_network` checks a file's."""
    for school in spec.schools:
        where = f"school '{school.id}'"
        try:
            check_school_id(school.id)
            plain_name(school.name, "the name")
            school.feeds = list(dict.fromkeys(web_address(url) for url in school.feeds))
            school.blog = web_address(school.blog) if school.blog else None
        except BadInput as exc:
            raise BadInput(f"{where}: {exc}") from None


def _set_info(session: Session, key: str, value: str) -> None:
    row = session.get(NetworkInfo, key)
    if row is None:
        session.add(NetworkInfo(key=key, value=value))
    elif row.value != value:
        row.value = value


def _merge_school(
    schools: dict[str, School],
    new: dict[str, dict[str, Any]],
    spec: SchoolSpec,
    report: ImportReport,
) -> bool:
    fields = _school_fields(spec)
    school = schools.get(spec.id)
    if school is None:
        new[spec.id] = {"id": spec.id, "home": False, **fields}
        report.added.append(spec.id)
        return True
    changed = False
    for key, value in fields.items():
        if getattr(school, key) != value:
            setattr(school, key, value)
            changed = True
    return changed


_Periods = dict[tuple[str, str], list[SchoolPeriod]]


def _network_periods(session: Session) -> _Periods:
    """Terms and closures that came from network files, by (school, kind)."""
    found: _Periods = {}
    rows = session.exec(select(SchoolPeriod).where(SchoolPeriod.source == "network"))
    for row in rows:
        found.setdefault((row.school_id, row.kind), []).append(row)
    return found


def _merge_periods(
    session: Session, spec: SchoolSpec, stored: _Periods, added: list[dict[str, Any]]
) -> bool:
    """Terms and closures the file gives replace those that came from a network file."""
    changed = False
    for kind, periods in (("term", spec.terms), ("closure", spec.closures)):
        if periods is None:
            continue
        existing = stored.get((spec.id, kind), [])
        if sorted((p.name, p.start, p.end) for p in existing) == sorted(
            (p.name, p.start, p.end) for p in periods
        ):
            continue
        for row in existing:
            session.delete(row)
        added.extend(
            {
                "school_id": spec.id,
                "kind": kind,
                "name": period.name,
                "start": period.start,
                "end": period.end,
                "source": "network",
            }
            for period in periods
        )
        changed = True
    return changed


def _merge_feeds(
    spec: SchoolSpec, known: set[str], added: list[dict[str, Any]], report: ImportReport
) -> bool:
    changed = False
    for url in spec.feeds:
        if url not in known:
            added.append({"school_id": spec.id, "url": url})
            known.add(url)
            report.feeds_added.append(url)
            changed = True
    return changed


@dataclass
class RemovedSchool:
    """What removing a school took with it."""

    school: str
    feeds: int
    posts: int


def remove_school(store: Store, school_id: str) -> RemovedSchool:
    """Remove a partner school with its feeds, posts and term dates, in one transaction.

    Refused while the school takes part in a booked call: cancel the call first, so
    nobody is left expecting a class that will not come. Cached pictures stay until the
    cache needs the room (another school's post may use the same file).
    """
    with store.session() as session:
        connection = session.connection()
        school = session.get(School, school_id)
        if school is None:
            raise NotFound(f"There is no school '{school_id}'.")
        booked = connection.exec_driver_sql(
            "SELECT count(*) FROM call_session s JOIN call_session_school p"
            " ON p.session_id = s.id WHERE p.school_id = ? AND s.status = 'booked'",
            (school_id,),
        ).scalar_one()
        if booked:
            raise BadInput(
                f"{school.name} takes part in {plural(booked, 'booked call')}; cancel them first "
                "(kaizen-exchange sessions cancel ID), then remove the school."
            )
        posts = connection.exec_driver_sql(
            "SELECT count(*) FROM post WHERE school_id = ?", (school_id,)
        ).scalar_one()
        feeds = connection.exec_driver_sql(
            "SELECT count(*) FROM feed WHERE school_id = ?", (school_id,)
        ).scalar_one()
        for statement in (
            "DELETE FROM post_media WHERE post_id IN (SELECT id FROM post WHERE school_id = ?)",
            "DELETE FROM post WHERE school_id = ?",
            "DELETE FROM feed WHERE school_id = ?",
            "DELETE FROM school_period WHERE school_id = ?",
            "DELETE FROM call_session_school WHERE school_id = ?",
            "DELETE FROM school WHERE id = ?",
        ):
            connection.exec_driver_sql(statement, (school_id,))
    return RemovedSchool(school_id, int(feeds), int(posts))


def export_network(store: Store) -> NetworkSpec:
    """The store as a network file another school can import.

    Secrets are never exported: a feed address stored with a password or key (by an
    older version) is written without it, since this file is sent to other schools.
    """
    with store.session() as session:
        name = _network_name(session)
        schools = session.exec(select(School).order_by(School.id)).all()
        feeds = session.exec(select(Feed).order_by(col(Feed.id))).all()
        periods = session.exec(select(SchoolPeriod).order_by(col(SchoolPeriod.start))).all()
    feeds_of: dict[str, list[str]] = {}
    for feed in feeds:
        if feed.status != "gone":
            feeds_of.setdefault(feed.school_id, []).append(strip_secrets(feed.url))
    periods_of: dict[str, list[SchoolPeriod]] = {}
    for period in periods:
        periods_of.setdefault(period.school_id, []).append(period)
    return NetworkSpec(
        name=name,
        schools=[
            _spec_of(school, feeds_of.get(school.id, []), periods_of.get(school.id, []))
            for school in schools
        ],
    )


def network_name(store: Store) -> str:
    """The network's name, alone (a school saved in the window keeps it)."""
    with store.session() as session:
        return _network_name(session)


def _network_name(session: Session) -> str:
    info = session.get(NetworkInfo, "name")
    return info.value if info else "Kaizen Network"


def _spec_of(school: School, feeds: list[str], own: list[SchoolPeriod]) -> SchoolSpec:
    def hours(start: str | None, end: str | None, days: str | None = None) -> Hours | None:
        if not start or not end:
            return None
        weekdays = tuple(days.split(",")) if days else ("Mon", "Tue", "Wed", "Thu", "Fri")
        return Hours(time.fromisoformat(start), time.fromisoformat(end), weekdays)

    return SchoolSpec(
        id=school.id,
        name=school.name,
        country=school.country,
        timezone=school.timezone,
        subdivision=school.subdivision,
        home=school.home,
        blog=strip_secrets(school.blog) if school.blog else None,
        email=school.email,
        feeds=list(dict.fromkeys(feeds)),
        day=hours(school.day_start, school.day_end),
        calls=hours(school.calls_start, school.calls_end, school.calls_weekdays),
        terms=[Period(p.name, p.start, p.end) for p in own if p.kind == "term"],
        closures=[Period(p.name, p.start, p.end) for p in own if p.kind == "closure"],
    )


def network_toml(spec: NetworkSpec) -> str:
    """Render a network file; the format is the one :func:`parse_network` reads."""
    schools = []
    for school in spec.schools:
        entry: dict[str, Any] = {
            "id": school.id,
            "name": school.name,
            "country": school.country,
            "timezone": school.timezone,
        }
        optional = {
            "subdivision": school.subdivision,
            "blog": school.blog,
            "email": school.email,
        }
        entry.update({k: v for k, v in optional.items() if v})
        if school.home:
            entry["home"] = True
        if school.feeds:
            entry["feeds"] = school.feeds
        if school.day:
            entry["day"] = {"start": _clock(school.day.start), "end": _clock(school.day.end)}
        if school.calls:
            entry["calls"] = {
                "start": _clock(school.calls.start),
                "end": _clock(school.calls.end),
                "weekdays": list(school.calls.weekdays),
            }
        for key, periods in (("terms", school.terms), ("closures", school.closures)):
            if periods:
                entry[key] = [{"name": p.name, "start": p.start, "end": p.end} for p in periods]
        schools.append(entry)
    return tomli_w.dumps({"network": {"name": spec.name}, "schools": schools})


def write_network_file(store: Store, path: Path) -> int:
    """Export the store to ``path``; returns the number of schools written."""
    spec = export_network(store)
    path.write_text(network_toml(spec), encoding="utf-8")
    return len(spec.schools)


__all__ = [
    "ImportReport",
    "RemovedSchool",
    "export_network",
    "import_network",
    "network_name",
    "network_toml",
    "remove_school",
    "write_network_file",
]
