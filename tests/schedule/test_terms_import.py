"""``kaizen-exchange terms import``: council .ics feeds and hand-typed CSVs."""

from __future__ import annotations

from sqlmodel import select

from kaizen_exchange.store.models import SchoolPeriod
from tests.helpers.planner import add_school

COUNCIL_ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Some Council//Term dates//EN
BEGIN:VEVENT
UID:1@council
SUMMARY:Autumn term 2026
DTSTART;VALUE=DATE:20260903
DTEND;VALUE=DATE:20261219
END:VEVENT
BEGIN:VEVENT
UID:2@council
SUMMARY:October half term
DTSTART;VALUE=DATE:20261026
DTEND;VALUE=DATE:20261031
END:VEVENT
BEGIN:VEVENT
UID:3@council
SUMMARY:Spring term starts
DTSTART;VALUE=DATE:20270105
DTEND;VALUE=DATE:20270106
END:VEVENT
BEGIN:VEVENT
UID:4@council
SUMMARY:Spring term ends
DTSTART;VALUE=DATE:20270326
DTEND;VALUE=DATE:20270327
END:VEVENT
BEGIN:VEVENT
UID:5@council
SUMMARY:INSET day
DTSTART;VALUE=DATE:20260902
END:VEVENT
BEGIN:VEVENT
UID:6@council
SUMMARY:Parents' evening
DTSTART;VALUE=DATE:20261110
END:VEVENT
END:VCALENDAR
"""


def periods(store, school="uk"):
    with store.session() as session:
        rows = session.exec(select(SchoolPeriod).where(SchoolPeriod.school_id == school)).all()
    return sorted((p.kind, p.name, p.start.isoformat(), p.end.isoformat(), p.source) for p in rows)


def test_council_ics(store, cli, tmp_path):
    add_school(store, "uk", "Europe/London", subdivision="ENG")
    path = tmp_path / "terms.ics"
    path.write_text(COUNCIL_ICS.replace("\n", "\r\n"))
    ran = cli("terms", "import", str(path), "--school", "uk")
    assert ran.code == 0, ran.err
    assert periods(store) == [
        ("closure", "INSET day", "2026-09-02", "2026-09-02", "import"),
        ("closure", "October half term", "2026-10-26", "2026-10-30", "import"),
        ("term", "Autumn term 2026", "2026-09-03", "2026-12-18", "import"),
        ("term", "Spring term", "2027-01-05", "2027-03-26", "import"),
    ]
    assert "Parents' evening" in ran.err
    again = cli("terms", "import", str(path), "--school", "uk", "--json")
    assert again.json()["added"] == [] and again.json()["already"] == 4
    # The slot finder now knows the terms: no "no term dates" warning for the autumn.
    add_school(
        store, "au", "Australia/Sydney", country="AU", subdivision="NSW", calls=("16:00", "18:30")
    )
    slots = cli(
        "slots",
        "--school",
        "uk",
        "--school",
        "au",
        "--from",
        "2026-11-02",
        "--to",
        "2026-11-06",
        "--json",
    )
    assert "no term dates" not in slots.err


def test_csv_with_header_and_forced_kind(store, cli, tmp_path):
    add_school(store, "uk", "Europe/London")
    path = tmp_path / "terms.csv"
    path.write_text(
        "name,start,end\nTerm 1,2026-09-03,2026-12-18\nSports day,2026-07-01,2026-07-01\n",
        encoding="utf-8",
    )
    ran = cli("terms", "import", str(path), "--school", "uk", "--json")
    assert ran.json()["added"] == [
        {"kind": "term", "name": "Term 1", "start": "2026-09-03", "end": "2026-12-18"}
    ]
    assert ran.json()["skipped"] == ["Sports day 2026-07-01–2026-07-01"]
    forced = cli("terms", "import", str(path), "--school", "uk", "--kind", "closure", "--json")
    assert [a["name"] for a in forced.json()["added"]] == ["Sports day", "Term 1"]


def test_bad_files_are_refused_and_nothing_stored(store, cli, tmp_path):
    add_school(store, "uk", "Europe/London")
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("Term 1,2026-09-03,2026-12-18\nTerm 2,03/01/2027,2027-03-26\n")
    ran = cli("terms", "import", str(bad_csv), "--school", "uk")
    assert ran.code == 2 and "line 2" in ran.err and "2026-09-03" in ran.err
    backwards = tmp_path / "back.csv"
    backwards.write_text("Term 1,2026-12-18,2026-09-03\n")
    assert "ends before it starts" in cli("terms", "import", str(backwards), "--school", "uk").err
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:notadate\n")
    assert cli("terms", "import", str(broken), "--school", "uk").code == 2
    other = tmp_path / "terms.pdf"
    other.write_text("%PDF")
    assert cli("terms", "import", str(other), "--school", "uk").code == 2
    good = tmp_path / "ok.csv"
    good.write_text("Term 1,2026-09-03,2026-12-18\n")
    assert "unknown school id 'nope'" in cli("terms", "import", str(good), "--school", "nope").err
    assert periods(store) == []
