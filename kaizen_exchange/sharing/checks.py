"""The safeguarding checks of a whole draft, before anything leaves the PC.

The rules schools follow (NSPCC, local-authority blogging policies): first names
only; "a name or a picture, not both" (no child's name in a photo's alt text,
caption or file name, nor in the text when the child is marked in a photo); consent
per child and per medium; no family's contact details; no location in files.

Which children: surnames of every class on this PC are looked for (a sibling in
another class is still a child); consent is read from the draft's class list when
the draft names a class this PC has, else from every class.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kaizen_exchange.sharing.drafts import Draft, DraftFile
from kaizen_exchange.sharing.file_checks import check_file
from kaizen_exchange.sharing.findings import CheckReport, Finding, ordered
from kaizen_exchange.sharing.names import find_name, fold, folded
from kaizen_exchange.sharing.roster import Roster, load_roster
from kaizen_exchange.sharing.settings import video_limit_mb
from kaizen_exchange.sharing.text_checks import check_text
from kaizen_exchange.store.db import Store

PICTURES = ("image", "video")


def check_draft(store: Store, draft: Draft, overrides: Iterable[str] = ()) -> CheckReport:
    """Every finding of ``draft``; ``overrides`` names the blocking kinds let through."""
    everyone = load_roster(store)
    roster = checking_roster(everyone, draft.class_name)
    findings = check_words(draft, roster)
    limit = video_limit_mb(store)
    for file in draft.files:
        findings += check_file(file, limit)
        if file.kind in PICTURES:
            findings += _consent(file, roster, draft.class_name)
    if not everyone:
        findings.append(
            Finding(
                "no_class_list",
                "warn",
                {"field": "class_name", "start": 0, "end": len(draft.class_name)},
                "No class list is on this PC, so surnames and consent cannot be checked. "
                "Import the class list first.",
            )
        )
    return CheckReport(draft.id, ordered(findings), frozenset(overrides))


def checking_roster(everyone: Roster, class_name: str) -> Roster:
    """The draft's class as it is, plus other classes' children for their surnames only.

    Other classes' children count as consenting, so a first name shared with a child
    of another class does not block this class's post.
    """
    own = load_class(everyone, class_name)
    if own is everyone:
        return everyone
    others = tuple(
        replace(p, photo_consent=True, name_consent=True)
        for p in everyone.pupils
        if p not in own.pupils
    )
    return Roster(own.pupils + others)


def load_class(everyone: Roster, class_name: str) -> Roster:
    key = fold(class_name.strip())
    own = tuple(p for p in everyone.pupils if fold(p.class_name) == key)
    return Roster(own) if key and own else everyone


def check_words(draft: Draft, roster: Roster) -> list[Finding]:
    """The title, the text, and each file's alt text, caption and file name."""
    findings = check_text(draft.title, field="title", roster=roster)
    findings += check_text(draft.text, field="text", roster=roster)
    findings += check_text(tags_text(draft), field="tags", roster=roster)  # sent as the site's tags
    marked = {fold(name) for f in draft.files if f.kind in PICTURES for name in f.pupils}
    for field, text in (("title", draft.title), ("text", draft.text)):
        findings += _named_and_marked(text, field, roster, marked)
    for file in draft.files:
        for field, text in (("alt", file.alt), ("caption", file.caption)):
            findings += check_text(text, field=field, roster=roster, file=file.id)
            if file.kind in PICTURES:
                findings += _name_with_photo(text, field, file, roster)
        name = file.path.stem.replace("_", " ")  # "olivia_brown": two words to a reader
        findings += [
            f
            for f in check_text(name, field="file_name", roster=roster, file=file.id)
            if f.kind == "surname"
        ]
        if file.kind in PICTURES:
            findings += _name_with_photo(name, "file_name", file, roster)
    return findings


def tags_text(draft: Draft) -> str:
    """The tags as one text, as a "tags" finding's start and end count in it."""
    return ", ".join(draft.tags)


def _name_with_photo(text: str, field: str, file: DraftFile, roster: Roster) -> list[Finding]:
    haystack = folded(text)
    found: list[Finding] = []
    for first_name in sorted(roster.first_names()):
        for start, end in find_name(haystack, first_name):
            word = text[start:end]
            where = {"file": file.id, "field": field, "start": start, "end": end}
            detail = (
                f"“{word}” is a pupil's first name, next to a picture: a name or a picture, "
                "never both. Describe the picture without names."
            )
            found.append(Finding("name_with_photo", "block", where, detail))
    return found


def _named_and_marked(text: str, field: str, roster: Roster, marked: set[str]) -> list[Finding]:
    haystack = folded(text)
    found: list[Finding] = []
    for first_name in sorted(n for n in roster.first_names() if fold(n) in marked):
        for start, end in find_name(haystack, first_name):
            word = text[start:end]
            found.append(
                Finding(
                    "name_with_photo",
                    "block",
                    {"field": field, "start": start, "end": end},
                    f"“{word}” is named here and marked in a photo of this post: a name or "
                    "a picture, never both. Remove the name, or the photo.",
                )
            )
    return found


def _consent(file: DraftFile, roster: Roster, class_name: str) -> list[Finding]:
    where = {"file": file.id}
    word = "photo" if file.kind == "image" else "video"
    unknown = [name for name in file.pupils if roster and not roster.named(name)]
    if unknown:
        return [
            Finding(
                "no_photo_consent",
                "block",
                where,
                f"“{unknown[0]}”, marked in this {word}, is not in the class list, so their "
                "consent is not known. Check the spelling, or add the child to the class list.",
            )
        ]
    refused = [n for n in file.pupils if any(not p.photo_consent for p in roster.named(n))]
    if refused:
        return [
            Finding(
                "no_photo_consent",
                "block",
                where,
                f"A child marked in this {word} has no photo consent: take the {word} out "
                "of the post, or choose another.",
            )
        ]
    if file.pupils_confirmed or all(p.photo_consent for p in roster.pupils):
        return []
    group = class_name.strip() or "the class list"
    return [
        Finding(
            "no_photo_consent",
            "block",
            where,
            f"Some children in {group} have no photo consent. Say who is in this {word} "
            "(or that no child can be recognised) before sharing it.",
        )
    ]


__all__ = ["CheckReport", "Finding", "check_draft", "check_text", "checking_roster"]
