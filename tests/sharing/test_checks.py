"""check_draft: a whole draft's words, files and consent, as a teacher would meet them."""

from __future__ import annotations

import hashlib
import struct
import zlib
from pathlib import Path

import pytest

from kaizen_exchange.sharing.checks import check_draft
from kaizen_exchange.sharing.drafts import Draft, create_draft, new_file, save_draft
from kaizen_exchange.sharing.roster import import_roster
from kaizen_exchange.sharing.settings import set_video_limit_mb
from kaizen_exchange.store.db import Store
from tests.helpers.cli import write
from tests.helpers.media_files import heic_photo, phone_photo, phone_video, picture
from tests.sharing.conftest import CLASS


@pytest.fixture
def roster(store: Store, class_csv: Path) -> None:
    import_roster(store, class_csv, CLASS)


def _kinds(store: Store, draft: Draft, *overrides: str) -> list[tuple[str, str, object]]:
    report = check_draft(store, draft, overrides)
    return [
        (f.kind, f.severity, f.where.get("file", f.where.get("field"))) for f in report.findings
    ]


def _draft(store: Store, *files, text: str = "Our art", class_name: str = CLASS) -> Draft:
    return create_draft(store, title="Art week", text=text, class_name=class_name, files=files)


def _mark(store: Store, draft: Draft, index: int, *pupils: str) -> Draft:
    draft.files[index].pupils = list(pupils)
    draft.files[index].pupils_confirmed = True
    return save_draft(store, draft)


@pytest.mark.usefixtures("roster")
def test_location_in_photos_and_videos_is_a_warning_and_the_originals_stay_as_they_were(
    tmp_path: Path, store: Store
) -> None:
    photo = phone_photo(tmp_path / "a.jpg")
    heic = heic_photo(tmp_path / "b.heic")
    video = phone_video(tmp_path / "c.mp4")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (photo, heic, video)}
    draft = _draft(
        store,
        new_file("image", photo, "Paint"),
        new_file("image", heic, "Clay"),
        new_file("video", video),
    )
    for index in range(3):
        draft = _mark(store, draft, index)  # nobody recognisable
    report = check_draft(store, draft)
    assert report.ok
    warned = [f for f in report.findings if f.kind == "location_metadata"]
    assert [(f.severity, f.where) for f in warned] == [
        ("warn", {"file": f.id}) for f in draft.files
    ]
    assert "where it was taken" in warned[0].detail and "removed" in warned[0].detail
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before


def test_a_photo_without_metadata_gets_no_location_warning(tmp_path: Path, store: Store) -> None:
    plain = tmp_path / "plain.jpg"
    picture((40, 30)).save(plain)
    draft = _draft(store, new_file("image", plain, "A drawing"))
    assert "location_metadata" not in {k for k, _, _ in _kinds(store, draft)}


@pytest.mark.usefixtures("roster")
def test_every_picture_needs_alt_text_but_a_video_does_not(tmp_path: Path, store: Store) -> None:
    draft = _draft(
        store,
        new_file("image", phone_photo(tmp_path / "a.jpg"), "  "),
        new_file("video", phone_video(tmp_path / "v.mp4")),
    )
    assert ("missing_alt", "block", draft.files[0].id) in _kinds(store, draft)
    assert ("missing_alt", "block", draft.files[1].id) not in _kinds(store, draft)


@pytest.mark.usefixtures("roster")
def test_unmarked_photos_block_while_a_child_of_the_class_has_no_photo_consent(
    tmp_path: Path, store: Store
) -> None:
    draft = _draft(store, new_file("image", phone_photo(tmp_path / "a.jpg"), "Paint"))
    assert _kinds(store, draft)[0] == ("no_photo_consent", "block", draft.files[0].id)
    draft = _mark(store, draft, 0, "Olivia", "Sam")  # both have photo consent
    assert check_draft(store, draft).ok
    draft = _mark(store, draft, 0, "Olivia", "Zoe")  # Zoë has none (accents folded)
    [finding] = [f for f in check_draft(store, draft).findings if f.severity == "block"]
    assert finding.kind == "no_photo_consent" and "marked in this photo" in finding.detail
    assert "Zoë" not in finding.detail and "Pemberton" not in finding.detail
    draft = _mark(store, draft, 0, "Olivai")  # a typing slip: consent unknown
    [finding] = [f for f in check_draft(store, draft).findings if f.severity == "block"]
    assert finding.kind == "no_photo_consent" and "“Olivai”" in finding.detail
    assert "not in the class list" in finding.detail


@pytest.mark.usefixtures("roster")
def test_a_video_needs_marking_like_a_photo(tmp_path: Path, store: Store) -> None:
    draft = _draft(store, new_file("video", phone_video(tmp_path / "v.mp4")))
    assert ("no_photo_consent", "block", draft.files[0].id) in _kinds(store, draft)


@pytest.mark.usefixtures("roster")
def test_a_name_or_a_picture_not_both(tmp_path: Path, store: Store) -> None:
    named_file = phone_photo(tmp_path / "olivia_painting.jpg")
    draft = _draft(
        store,
        new_file("image", named_file, "Olivia's painting", caption="By zoë"),
        new_file("image", phone_photo(tmp_path / "b.jpg"), "Clay pots"),
        text="Olivia and Amir made pots",
    )
    draft = _mark(store, draft, 0)
    draft = _mark(store, draft, 1, "Amir")
    found = [
        (f.kind, f.where.get("file"), f.where.get("field"))
        for f in check_draft(store, draft).findings
        if f.kind == "name_with_photo"
    ]
    first = draft.files[0].id
    assert found[0] == ("name_with_photo", None, "text")  # Amir: named, and marked in photo 2
    assert sorted(found[1:]) == [
        ("name_with_photo", first, "alt"),
        ("name_with_photo", first, "caption"),
        ("name_with_photo", first, "file_name"),
    ]


@pytest.mark.usefixtures("roster")
def test_surnames_in_every_field_and_file_name_block(tmp_path: Path, store: Store) -> None:
    photo = phone_photo(tmp_path / "class_haddad.jpg")
    draft = create_draft(
        store,
        title="Brown group",
        text="Ask Mrs Dubois",  # not a pupil: not found
        class_name=CLASS,
        tags=["Resilient", "Team Haddad"],
        files=[new_file("image", photo, "Rose bushes", caption="Planted by the Haddad twins")],
    )
    draft = _mark(store, draft, 0)
    fields = [f.where["field"] for f in check_draft(store, draft).findings if f.kind == "surname"]
    assert sorted(fields) == ["alt", "caption", "file_name", "tags", "title"]
    [tag] = [f for f in check_draft(store, draft).findings if f.where.get("field") == "tags"]
    assert "Resilient, Team Haddad"[tag.where["start"] : tag.where["end"]] == "Haddad"


def test_too_large_unreadable_and_missing_files_block_plainly(tmp_path: Path, store: Store) -> None:
    set_video_limit_mb(store, 1)
    big_video = phone_video(tmp_path / "long.mp4", size=(320, 240), frames=12, lossless_noise=True)
    assert big_video.stat().st_size > 1_000_000
    bomb = _png_header(tmp_path / "bomb.png", 20_000, 20_000)  # 400 megapixels in a few bytes
    huge = tmp_path / "scan.jpg"
    with huge.open("wb") as out:
        out.truncate(61_000_000)  # sparse: 61 MB on paper
    fake = write(tmp_path, "fake.jpg", "not a photo")
    not_mp4 = write(tmp_path, "clip.mp4", b"\x00" * 100)
    gone = tmp_path / "gone.jpg"
    draft = _draft(
        store,
        *(new_file("image", p, "alt") for p in (bomb, huge, fake, gone)),
        *(new_file("video", p) for p in (big_video, not_mp4)),
        class_name="",
    )
    ids = [f.id for f in draft.files]
    found = {
        (f.kind, f.where["file"]): f.detail
        for f in check_draft(store, draft).findings
        if f.severity == "block"
    }
    assert "100 megapixels" in found[("too_large", ids[0])]
    assert "60 MB" in found[("too_large", ids[1])]
    assert "cannot be read as a photo" in found[("unreadable", ids[2])]
    assert "no longer in its folder" in found[("missing_file", ids[3])]
    assert "up to 1 MB" in found[("too_large", ids[4])]
    assert "cannot be read as a video" in found[("unreadable", ids[5])]


def test_plain_files_are_warned_about_and_a_photo_sent_as_a_file_blocks(
    tmp_path: Path, store: Store
) -> None:
    pdf = write(tmp_path, "letter.pdf", b"%PDF-1.4\n")
    photo = phone_photo(tmp_path / "p.jpg")
    draft = _draft(store, new_file("file", pdf), new_file("file", photo))
    findings = {
        f.where["file"]: f
        for f in check_draft(store, draft).findings
        if f.kind == "file_not_cleaned"
    }
    assert findings[draft.files[0].id].severity == "warn"
    assert "Inspect Document" in findings[draft.files[0].id].detail
    assert findings[draft.files[1].id].severity == "block"
    assert "Add it as a photo" in findings[draft.files[1].id].detail


@pytest.mark.usefixtures("roster")
def test_overriding_a_kind_lets_only_that_kind_through(store: Store) -> None:
    draft = _draft(store, text="The rose garden, with Sam")
    report = check_draft(store, draft, ["surname"])
    assert not report.ok and [f.kind for f in report.blocking] == ["no_name_consent"]
    assert check_draft(store, draft, ["surname", "no_name_consent"]).ok
    assert report.to_json()["findings"][0]["kind"] == "surname"  # overridden, still listed


def test_without_a_class_list_the_checks_say_they_cannot_check_names(store: Store) -> None:
    report = check_draft(store, _draft(store, text="Olivia Brown"))
    assert report.ok
    assert [(f.kind, f.severity) for f in report.findings] == [("no_class_list", "warn")]


def test_other_classes_count_for_surnames_not_for_consent(
    tmp_path: Path, store: Store, class_csv: Path
) -> None:
    import_roster(store, class_csv, "Oak Class")  # the same children, in another class
    import_roster(store, write(tmp_path, "w.csv", "Ben,Okoro,yes,yes\n"), CLASS)
    draft = _draft(store, text="Sam and Ben visited the Rose family")
    assert [k for k, _, _ in _kinds(store, draft)] == ["surname"]  # Rose: Oak Class's surname


def _png_header(path: Path, width: int, height: int) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))
    return path
