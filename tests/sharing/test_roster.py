"""The class roster: importing a class list, consent per child and per medium, withdrawals."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.sharing.drafts import create_draft, load_draft, new_file, save_draft, set_state
from kaizen_exchange.sharing.roster import import_roster, load_roster, set_consent
from kaizen_exchange.store.db import Store
from tests.helpers.cli import write
from tests.sharing.conftest import CLASS


def test_a_class_list_is_imported_with_each_familys_consent(store: Store, class_csv: Path) -> None:
    assert import_roster(store, class_csv, CLASS) == 4
    roster = load_roster(store, "willow class, year 4")  # as typed, any case
    assert {(p.first_name, p.photo_consent, p.name_consent) for p in roster.pupils} == {
        ("Olivia", True, True),
        ("Zoë", False, True),
        ("Sam", True, False),
        ("Amir", True, True),
    }
    assert roster.named("ZOE")[0].last_name == "Pemberton-Okafor"  # accents folded
    assert load_roster(store, "Oak Class").pupils == ()


def test_a_list_without_header_or_consent_columns_means_no_consent_yet(
    tmp_path: Path, store: Store
) -> None:
    path = write(tmp_path, "plain.csv", "Olivia;Brown\nSam;Rose\n")  # Excel's semicolons
    assert import_roster(store, path, CLASS) == 2
    assert [(p.first_name, p.last_name) for p in load_roster(store).pupils] == [
        ("Olivia", "Brown"),
        ("Sam", "Rose"),
    ]
    assert not any(p.photo_consent or p.name_consent for p in load_roster(store).pupils)


def test_importing_again_updates_consent_and_forgets_nobody(
    tmp_path: Path, store: Store, class_csv: Path
) -> None:
    import_roster(store, class_csv, CLASS)
    again = write(tmp_path, "again.csv", "first_name,last_name,photo_consent\nSam,Rose,no\n")
    assert import_roster(store, again, CLASS) == 1
    roster = load_roster(store, CLASS)
    assert len(roster.pupils) == 4
    assert not roster.named("Sam")[0].photo_consent
    names_only = write(tmp_path, "names.csv", "Olivia,Brown\n")  # no consent columns
    import_roster(store, names_only, CLASS)
    assert load_roster(store, CLASS).named("Olivia")[0].photo_consent  # not reset


def test_a_bad_class_list_is_refused_whole_naming_lines_not_children(
    tmp_path: Path, store: Store
) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        "first_name,last_name,photo_consent\nOlivia,Brown,yes\nSam,,yes\nAmir,Haddad,maybe\n",
    )
    with pytest.raises(BadInput) as refused:
        import_roster(store, path, CLASS)
    message = str(refused.value)
    assert "line 3" in message and "surname is missing" in message
    assert "line 4" in message and "'maybe'" in message and "yes or no" in message
    for name in ("Olivia", "Brown", "Sam", "Amir", "Haddad"):
        assert name not in message
    assert load_roster(store).pupils == ()  # nothing stored


def test_a_class_name_is_required(store: Store, class_csv: Path) -> None:
    with pytest.raises(BadInput, match="Name the class"):
        import_roster(store, class_csv, "  ")


def _published_with_photo(store: Store, tmp_path: Path, title: str, text: str, who: list[str]):
    photo = tmp_path / f"{title}.jpg"
    photo.write_bytes(b"x")
    draft = create_draft(
        store, title=title, text=text, class_name=CLASS, files=[new_file("image", photo, "Art")]
    )
    draft.files[0].pupils = who
    draft.files[0].pupils_confirmed = True
    save_draft(store, draft)
    set_state(store, draft.id, "published", link=f"https://oak.example/{title}/", remote_id=7)
    return load_draft(store, draft.id)


def test_withdrawing_consent_lists_the_posts_on_the_site_that_show_or_name_the_child(
    tmp_path: Path, store: Store, class_csv: Path
) -> None:
    import_roster(store, class_csv, CLASS)
    marked = _published_with_photo(store, tmp_path, "painting", "Colours", ["Olivia", "Sam"])
    named = _published_with_photo(store, tmp_path, "poems", "Well done Olivia!", [])
    _published_with_photo(store, tmp_path, "maths", "Fractions", ["Sam"])  # not Olivia
    unsent = create_draft(store, title="unsent", text="Olivia again", class_name=CLASS)
    change = set_consent(store, "olivia", CLASS, photo=False)
    assert change.withdrawn == ("photo",)
    assert not change.pupil.photo_consent and change.pupil.name_consent
    assert [d.id for d in change.affected] == [named.id, marked.id]  # newest first
    assert change.marked_files == {marked.id: [marked.files[0].id]}
    assert change.named_in == {named.id}
    assert unsent.id not in {d.id for d in change.affected}  # not on the site
    assert "Brown" not in str(change.to_json())
    assert not load_roster(store, CLASS).named("Olivia")[0].photo_consent


def test_giving_consent_lists_nothing(store: Store, class_csv: Path) -> None:
    import_roster(store, class_csv, CLASS)
    change = set_consent(store, "Zoe", CLASS, photo=True)
    assert change.withdrawn == () and change.affected == []
    assert load_roster(store, CLASS).named("Zoë")[0].photo_consent


def test_an_unknown_or_ambiguous_child_is_refused_without_naming_anyone(
    tmp_path: Path, store: Store, class_csv: Path
) -> None:
    import_roster(store, class_csv, CLASS)
    import_roster(store, write(tmp_path, "more.csv", "Sam,Patel,yes,yes\n"), CLASS)
    with pytest.raises(NotFound, match="No child of that name"):
        set_consent(store, "Samuel", CLASS, photo=False)
    with pytest.raises(NotFound, match="No class list called 'Oak Class'"):
        set_consent(store, "Sam", "Oak Class", photo=False)
    with pytest.raises(BadInput, match="2 children in the class have that first name") as two:
        set_consent(store, "Sam", CLASS, photo=False)
    assert "Rose" not in str(two.value) and "Patel" not in str(two.value)
    set_consent(store, "Sam", CLASS, photo=False, last_name="patel")
    sams = load_roster(store, CLASS).named("Sam")
    assert {p.last_name: p.photo_consent for p in sams} == {"Rose": True, "Patel": False}
