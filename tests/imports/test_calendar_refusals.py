"""``sessions import`` and ``terms import``: bad or absurd calendars refused whole, exit 2.

Every case here ended in a traceback, or was accepted and later broke ``slots``,
``sessions check`` or ``sessions export`` (OverflowError, minutes of work).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.cli import Cli, write
from tests.helpers.imports import NETWORK

#: A Tuesday next year: imports and planning refuse calls in the past.
DAY = date(date.today().year + 1, 11, 10)
DAY -= timedelta(days=(DAY.weekday() - 1) % 7)
STAMP = DAY.strftime("%Y%m%d")

INVITE = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Google Inc//Google Calendar 70.9054//EN
METHOD:REQUEST
BEGIN:VEVENT
DTSTART;TZID=Australia/Sydney:{STAMP}T173000
DTEND;TZID=Australia/Sydney:{STAMP}T180000
RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU
DTSTAMP:20261101T000000Z
ORGANIZER;CN=Ms Lee:mailto:office@wattle.example
UID:2k1lq3f0v8kq@google.com
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:office@greenfield.example
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Year 4 buddies
END:VEVENT
END:VCALENDAR
""".replace("{STAMP}", STAMP)


@pytest.fixture
def schools(cli: Cli, tmp_path: Path) -> Cli:
    assert cli("network", "import", str(write(tmp_path, "network.toml", NETWORK))).code == 0
    return cli


def _sessions(cli: Cli) -> list[object]:
    ran = cli("sessions", "list", "--json")
    assert ran.code == 0, ran.err
    return list(ran.json())


def test_the_sample_invitation_imports(schools: Cli, tmp_path: Path) -> None:
    ran = schools(
        "sessions", "import", str(write(tmp_path, "ok.ics", INVITE.replace("\n", "\r\n")))
    )
    assert ran.code == 0, ran.err
    assert len(_sessions(schools)) == 1


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("COUNT=4;", "COUNT=4;INTERVAL=x;"), "RRULE could not be read"),
        (("COUNT=4;", "COUNT=four;"), "RRULE could not be read"),
        (("SEQUENCE:0", "SEQUENCE:99999999999999999999"), "SEQUENCE could not be read"),
        (("SEQUENCE:0", "SEQUENCE:-3"), "SEQUENCE that is not a revision number"),
        ((f"Sydney:{DAY.year}", "Sydney:0001"), "outside 1900–2200"),
        ((f"Sydney:{DAY.year}", "Sydney:9999"), "outside 1900–2200"),
        (("COUNT=4", "UNTIL=99991231T235959Z"), "outside 1900–2200"),
        (("COUNT=4", f"UNTIL={DAY.year + 3}1231T235959Z"), "more than two years"),
        (("COUNT=4", "COUNT=1000000"), "at most 105 weeks"),
        (("RRULE:", "RRULE:FREQ=WEEKLY;COUNT=2\nRRULE:"), "more than one repeat rule"),
        ((f"DTEND;TZID=Australia/Sydney:{STAMP}T180000", "DURATION:P9999999D"), "at most 8 hours"),
        (("SUMMARY:Year 4 buddies", "SUMMARY:Year 4 \u202ebuddies"), "invisible"),
        (("END:VEVENT\n", ""), "does not close BEGIN:VEVENT (line 5)"),
        (("SUMMARY:Year 4 buddies\n", "SUMMARY:Year 4 buddies\nthis line is junk\n"), "line 16"),
    ],
)
def test_bad_invitations_are_refused_whole(
    schools: Cli, tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    assert change[0] in INVITE
    path = write(tmp_path, "bad.ics", INVITE.replace(*change, 1).replace("\n", "\r\n"))
    line = schools("sessions", "import", str(path)).refusal()
    assert said in line and str(path) in line
    assert _sessions(schools) == []


def test_a_broken_ics_says_what_and_where_not_bytes(schools: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "cut.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nEND:VCALENDAR\n")
    line = schools("sessions", "import", str(path)).refusal()
    assert "line 4" in line and "END:VCALENDAR does not close BEGIN:VEVENT (line 3)" in line


def test_a_calendar_over_the_cap_is_refused(schools: Cli, tmp_path: Path) -> None:
    filler = "X-FILLER:" + "x" * 70 + "\r\n"
    text = INVITE.replace("\n", "\r\n").replace("SEQUENCE:0\r\n", filler * 80_000)
    line = schools("sessions", "import", str(write(tmp_path, "big.ics", text))).refusal()
    assert "too large" in line


def test_after_an_import_every_read_command_works(schools: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.ics", INVITE)
    assert schools("sessions", "import", str(path)).code == 0
    for command in (
        ("sessions", "check", "1"),
        ("sessions", "export", str(tmp_path / "out.ics")),
        (
            "slots",
            "--school",
            "greenfield",
            "--school",
            "wattle",
            "--from",
            DAY.isoformat(),
            "--to",
            (DAY + timedelta(days=30)).isoformat(),
        ),
    ):
        ran = schools(*command)
        assert ran.code == 0, (command, ran.err)


TERMS_CSV = "name,start,end\nAutumn term,2026-09-03,2026-12-18\nHalf term,2026-10-26,2026-10-30\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (TERMS_CSV + '"' + "x" * 200_000 + '",2027-01-05,2027-03-26\n', "line 4"),
        (TERMS_CSV + "Spring term,0001-01-05,2027-03-26\n", "outside 1900–2200"),
        (TERMS_CSV + "Spring term,2027-01-05,9999-03-26\n", "outside 1900–2200"),
        (TERMS_CSV + "Spring\u202e term,2027-01-05,2027-03-26\n", "invisible"),
        (TERMS_CSV + "Spring term,5 Jan 2027,2027-03-26\n", "line 4: dates should look like"),
        (TERMS_CSV + "Closed,2027-01-01,2027-01-02\n" * 40_000, "too large"),
    ],
)
def test_bad_term_csv_is_refused_whole(schools: Cli, tmp_path: Path, text: str, said: str) -> None:
    path = write(tmp_path, "terms.csv", text)
    line = schools("terms", "import", str(path), "--school", "greenfield").refusal()
    assert said in line
    ran = schools(
        "slots",
        "--school",
        "greenfield",
        "--from",
        DAY.isoformat(),
        "--to",
        (DAY + timedelta(days=30)).isoformat(),
        "--json",
    )
    assert ran.code == 0, ran.err


def test_bad_term_ics_is_refused_whole(schools: Cli, tmp_path: Path) -> None:
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:t1\nSUMMARY:Autumn term\n"
        "DTSTART;VALUE=DATE:99990903\nDTEND;VALUE=DATE:99991219\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    path = write(tmp_path, "terms.ics", text)
    line = schools("terms", "import", str(path), "--school", "greenfield").refusal()
    assert "outside 1900–2200" in line and "Autumn term" in line
