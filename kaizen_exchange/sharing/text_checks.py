"""The checks of one piece of text (a title, the text, an alt text, a caption, a file name).

Pure and fast: the editor calls :func:`check_text` on every pause in typing, and
replies (issue 14) call it on a reply's text. Names are found as whole words, in
any case, accents folded (see :mod:`names`).

A surname that is also an ordinary word ("Brown", "Rose", "May") still blocks:
the checks cannot tell the colour from the child, so the detail says so and the
teacher overrides it when they mean the word.
"""

from __future__ import annotations

from typing import Any

from kaizen_exchange.sharing.contact_details import addresses, emails, phones
from kaizen_exchange.sharing.findings import Finding
from kaizen_exchange.sharing.names import find_name, fold, folded
from kaizen_exchange.sharing.roster import Roster

#: Surnames and first names that are also everyday English words.
_ORDINARY = (
    "Brown Green White Black Grey Gray Rose Bush Wood Woods Hill Hills Lake Field Fields "
    "Stone Rice Bell Baker Cook Smith King Young Long Short Little May June April Hope "
    "Joy Grace Faith Will Bill Mark Rob Sunny Summer Autumn Winter Dawn Wolf Fox Swan "
    "Crane Bird Finch Robin Sparrow Fisher Hunter Mason Carpenter Taylor Potter Miller "
    "Walker Turner Cooper Parker Shepherd Gardener Knight Bishop Marsh Moss Ash Oak "
    "Holly Ivy Heather Lily Poppy Daisy Hazel Jasmine Violet Ruby Pearl Amber Jade "
    "Sky River Brook Glen Dale Rock Cliff Banks Church Hall Lane Street Ford Bridge "
    "Waters Wells Moon Star Storm Frost Snow Rain Day Best Good Sharp Strong "
    "Rich Swift Bright Wise Page Price Cash Penny Sterling Noble Friend Love Sweet "
    "Major Early Hardy Savage Patience Harmony Honey Sugar Berry Cherry Olive Sage"
)
ORDINARY_WORDS = frozenset(fold(word) for word in _ORDINARY.split())


def check_text(text: str, *, field: str, roster: Roster, file: int | None = None) -> list[Finding]:
    """Surnames, first names without consent, e-mail, phone numbers and addresses in ``text``.

    ``file``: the draft file whose alt text or caption (or name) this is, so the
    finding points at that file's field.
    """
    if not text.strip():
        return []
    place: dict[str, Any] = {"field": field} if file is None else {"file": file, "field": field}
    found = _surnames(text, place, roster)
    found += _names_without_consent(text, place, roster)
    found += _contact(text, place)
    return found


def _at(place: dict[str, Any], span: tuple[int, int]) -> dict[str, Any]:
    return {**place, "start": span[0], "end": span[1]}


def _surnames(text: str, place: dict[str, Any], roster: Roster) -> list[Finding]:
    haystack = folded(text)
    found: list[Finding] = []
    for surname in sorted(roster.surnames()):
        for span in find_name(haystack, surname):
            word = text[span[0] : span[1]]
            detail = (
                f"“{word}” is the surname of a child in the class list: only first names "
                "may be shared. Remove it."
            )
            if fold(surname) in ORDINARY_WORDS:
                detail += (
                    f" “{word}” is also an ordinary word: if you mean the word, not the "
                    "child, override this finding."
                )
            found.append(Finding("surname", "block", _at(place, span), detail))
    return found


def _names_without_consent(text: str, place: dict[str, Any], roster: Roster) -> list[Finding]:
    haystack = folded(text)
    found: list[Finding] = []
    for first_name in sorted(roster.first_names()):
        children = roster.named(first_name)
        if all(p.name_consent for p in children):
            continue
        for span in find_name(haystack, first_name):
            detail = _no_consent(text[span[0] : span[1]], several=len(children) > 1)
            found.append(Finding("no_name_consent", "block", _at(place, span), detail))
    return found


def _no_consent(word: str, *, several: bool) -> str:
    who = (
        "the family of one of the children called this has"
        if several
        else "this child's family has"
    )
    detail = f"“{word}”: {who} not agreed to their name being shared. Remove the name."
    if fold(word) in ORDINARY_WORDS:
        detail += f" “{word}” is also an ordinary word: if you mean the word, override this."
    return detail


def _contact(text: str, place: dict[str, Any]) -> list[Finding]:
    found = [
        Finding(
            "email",
            "warn",
            _at(place, span),
            "An e-mail address: share the school office's address only, never a family's.",
        )
        for span in emails(text)
    ]
    found += [
        Finding(
            "phone",
            "warn",
            _at(place, span),
            "A phone number: share the school office's number only, never a family's.",
        )
        for span in phones(text)
    ]
    found += [
        Finding(
            "address",
            "warn",
            _at(place, span),
            f"A {what}: make sure it is not where a child lives.",
        )
        for span, what in addresses(text)
    ]
    return found


__all__ = ["ORDINARY_WORDS", "check_text"]
