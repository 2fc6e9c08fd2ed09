"""check_text: surnames, names without consent and contact details, pointing at the words."""

from __future__ import annotations

import pytest

from kaizen_exchange.sharing.checks import check_text
from kaizen_exchange.sharing.roster import Pupil, Roster

ROSTER = Roster(
    (
        Pupil("Olivia", "Brown", "Willow", photo_consent=True, name_consent=True),
        Pupil("Zoë", "Pemberton-Okafor", "Willow", photo_consent=False, name_consent=True),
        Pupil("Sam", "Rose", "Willow", photo_consent=True, name_consent=False),
        Pupil("Amélie", "Dubois", "Willow", photo_consent=True, name_consent=True),
    )
)


def _found(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.kind, f.severity, text[f.where["start"] : f.where["end"]])
        for f in check_text(text, field="text", roster=ROSTER)
    ]


def test_a_surname_blocks_and_points_at_the_word_as_typed() -> None:
    text = "Well done OLIVIA BROWN and pemberton-okafor, and M. DUBOIS"
    assert _found(text) == [
        ("surname", "block", "BROWN"),
        ("surname", "block", "DUBOIS"),
        ("surname", "block", "pemberton-okafor"),
    ]
    finding = check_text(text, field="title", roster=ROSTER)[0]
    assert finding.where == {"field": "title", "start": 17, "end": 22}


def test_names_match_whole_words_only_with_accents_folded() -> None:
    assert _found("Samuel saw the same browning roses at Brownsea") == []
    assert _found("Amelie and Duböis") == [("surname", "block", "Duböis")]
    assert _found("Sam’s model") == [("no_name_consent", "block", "Sam")]


def test_a_surname_that_is_an_ordinary_word_still_blocks_and_says_so() -> None:
    [rose] = check_text("The rose garden", field="text", roster=ROSTER)
    assert (rose.kind, rose.severity) == ("surname", "block")
    assert "also an ordinary word" in rose.detail and "override" in rose.detail
    [other] = check_text("Dubois", field="text", roster=ROSTER)
    assert "ordinary word" not in other.detail


def test_a_first_name_blocks_only_when_the_family_said_no_to_names() -> None:
    assert _found("Olivia and Zoe painted; Sam helped") == [("no_name_consent", "block", "Sam")]


def test_a_shared_first_name_blocks_when_any_child_of_that_name_has_no_consent() -> None:
    roster = Roster((*ROSTER.pupils, Pupil("Sam", "Patel", "Willow", True, True)))
    [finding] = check_text("Sam", field="text", roster=roster)
    assert finding.kind == "no_name_consent" and "one of the children" in finding.detail


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("Write to mrs.jones@oak.sch.uk today", "email", "mrs.jones@oak.sch.uk"),
        ("Ring 020 7946 0018 after school", "phone", "020 7946 0018"),
        ("Ring (02) 9876 5432 in Sydney", "phone", "(02) 9876 5432"),
        ("or 0412 345 678 for the bus", "phone", "0412 345 678"),
        ("from +61 2 9876 5432", "phone", "+61 2 9876 5432"),
        ("She lives at 12 Wattle Street now", "address", "12 Wattle Street"),
        ("Flat 3, 4 High Road is here", "address", "Flat 3, 4 High Road"),
        ("Unit 7/21 Banksia Pde", "address", "Unit 7/21 Banksia Pde"),
        ("London SW1A 1AA", "address", "SW1A 1AA"),
        ("Paddington NSW 2021", "address", "NSW 2021"),
    ],
)
def test_contact_details_are_warnings(text: str, kind: str, words: str) -> None:
    assert (kind, "warn", words) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Year 4 made 2 groups of 15 in Room 12",
        "On 12/03/2026 at 10:30 we met; on 3.12.2026 at 2:15pm again",
        "We scored 1234 5678 points and counted 123456789 grains in 2026",
        "Class 4B went to the Year 5 Road Safety talk on 3 March St Patrick's day",
        "Page 12, question 3: 25 + 17 = 42; 100 200 300 400",
        "Our school's term 2 ends on 28 June 2027",
    ],
)
def test_what_teachers_write_is_not_a_contact_detail(text: str) -> None:
    assert _found(text) == []
