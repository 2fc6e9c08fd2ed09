"""prepare_draft: web copies with no metadata, upright and small, originals untouched.

What is left in a prepared file is read back with exiftool, an independent reader.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import av
import pytest
from PIL import Image

from kaizen_exchange.errors import BadInput
from kaizen_exchange.sharing.drafts import Draft, create_draft, new_file
from kaizen_exchange.sharing.prepare import Cancelled, prepare_draft
from kaizen_exchange.store.db import Store
from tests.helpers.cli import write
from tests.helpers.media_files import (
    exiftool_tags,
    heic_photo,
    phone_photo,
    phone_video,
    picture,
    revealing_tags,
    transparent_png,
)

#: exiftool groups that only describe the file itself or the picture's size.
HARMLESS = ("SourceFile", "ExifTool:", "System:", "File:", "Composite:", "JFIF:", "PNG:")


def _leftovers(path: Path) -> dict[str, object]:
    return {k: v for k, v in exiftool_tags(path).items() if not k.startswith(HARMLESS)}


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _size(path: Path) -> tuple[int, int]:
    with Image.open(path) as image:
        return image.size


def _pixel(image: Image.Image, xy: tuple[int, int]) -> tuple[int, ...]:
    value = image.getpixel(xy)
    assert isinstance(value, tuple)
    return value


def _draft(store: Store, *files) -> Draft:
    return create_draft(store, title="Art", text="", files=files)


def test_photos_come_out_upright_small_and_with_no_metadata_at_all(
    tmp_path: Path, store: Store
) -> None:
    turned = phone_photo(tmp_path / "olivia.jpg", (64, 48), orientation=6)  # held upright
    wide = phone_photo(tmp_path / "wide.jpg", (3000, 1200))
    phone = phone_photo(tmp_path / "phone.jpg", (4000, 3000))
    heic = heic_photo(tmp_path / "ipad.heic", (64, 48))
    originals = {p: _hash(p) for p in (turned, wide, phone, heic)}
    draft = _draft(store, *(new_file("image", p, "alt") for p in originals))
    prepared = prepare_draft(draft, tmp_path / "work")
    assert [p.file_id for p in prepared] == [f.id for f in draft.files]
    for item in prepared:
        assert item.mime == "image/jpeg" and item.path.suffix == ".jpg"
        assert revealing_tags(item.path) == {}
        assert _leftovers(item.path) == {}  # no EXIF, XMP, IPTC, ICC, maker notes, comments
    sizes = [_size(p.path) for p in prepared]
    assert sizes[0] == (48, 64)  # orientation 6 applied: portrait
    with Image.open(prepared[0].path) as upright:  # the landmark (top left) is now top right
        assert _pixel(upright.convert("RGB"), (44, 2))[1] > 100
    assert sizes[1] == (2048, 819)
    assert max(sizes[2]) <= 2048 and sizes[2][0] / sizes[2][1] == pytest.approx(4 / 3, 0.01)
    assert sizes[3] == (64, 48)
    assert {p: _hash(p) for p in originals} == originals  # the teacher's files untouched


def test_a_png_with_see_through_parts_stays_png_and_one_without_becomes_jpeg(
    tmp_path: Path, store: Store
) -> None:
    cut_out = transparent_png(tmp_path / "cut.png")
    flat = tmp_path / "flat.png"
    picture((40, 30)).save(flat)
    prepared = prepare_draft(
        _draft(store, new_file("image", cut_out, "a"), new_file("image", flat, "b")),
        tmp_path / "work",
    )
    assert [p.mime for p in prepared] == ["image/png", "image/jpeg"]
    with Image.open(prepared[0].path) as png:
        assert png.mode == "RGBA" and _pixel(png, (39, 5))[3] == 0
    assert revealing_tags(prepared[0].path) == {} and _leftovers(prepared[0].path) == {}


@pytest.mark.parametrize("apple", [True, False], ids=["iphone", "android"])
def test_videos_are_copied_frame_for_frame_without_location_or_device(
    tmp_path: Path, store: Store, apple: bool
) -> None:
    video = phone_video(tmp_path / "trip.mp4", apple=apple)
    before = _hash(video)
    [item] = prepare_draft(_draft(store, new_file("video", video)), tmp_path / "work")
    assert item.mime == "video/mp4" and item.path.suffix == ".mp4"
    assert revealing_tags(item.path) == {}
    with av.open(str(item.path)) as copy, av.open(str(video)) as original:
        assert copy.metadata.keys() <= {"major_brand", "minor_version", "compatible_brands"}
        assert [p.size for p in copy.demux(video=0)] == [p.size for p in original.demux(video=0)]
    assert _hash(video) == before


def test_upload_names_are_generated_and_the_same_file_prepares_the_same(
    tmp_path: Path, store: Store
) -> None:
    photo = phone_photo(tmp_path / "Olivia Brown at the beach.jpg")
    pdf = write(tmp_path, "Sam Rose letter.pdf", b"%PDF-1.4\n")
    draft = _draft(store, new_file("image", photo, "a"), new_file("file", pdf))
    first = prepare_draft(draft, tmp_path / "one")
    again = prepare_draft(draft, tmp_path / "two")
    for item, file in zip(first, draft.files, strict=True):
        assert re.fullmatch(rf"kx-{draft.id}-{file.id}-[0-9a-f]{{12}}\.(jpg|pdf)", item.upload_name)
        assert item.path.name == item.upload_name and item.size == item.path.stat().st_size
        assert item.sha256 == hashlib.sha256(item.path.read_bytes()).hexdigest()
    assert [(p.upload_name, p.sha256) for p in first] == [(p.upload_name, p.sha256) for p in again]
    assert first[1].mime == "application/pdf" and first[1].path.read_bytes() == pdf.read_bytes()


def test_progress_is_reported_and_cancel_stops_between_files(tmp_path: Path, store: Store) -> None:
    photos = [phone_photo(tmp_path / f"{n}.jpg") for n in range(5)]
    draft = _draft(store, *(new_file("image", p, "alt") for p in photos))
    seen: list[tuple[int, int]] = []
    prepare_draft(draft, tmp_path / "all", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    calls: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="nothing was sent"):
        prepare_draft(
            draft,
            tmp_path / "some",
            progress=lambda d, t: calls.append((d, t)),
            cancel=lambda: bool(calls),
        )
    assert len(calls) < 5


def test_a_file_that_vanished_or_cannot_be_read_is_refused_plainly(
    tmp_path: Path, store: Store
) -> None:
    gone = _draft(store, new_file("image", tmp_path / "gone.jpg", "a"))
    with pytest.raises(BadInput, match="no longer in its folder"):
        prepare_draft(gone, tmp_path / "w")
    fake = _draft(store, new_file("video", write(tmp_path, "clip.mp4", b"\0" * 64)))
    with pytest.raises(BadInput, match="could not be copied as an MP4"):
        prepare_draft(fake, tmp_path / "w")
    assert not list((tmp_path / "w").glob("*.mp4"))


def test_a_palette_png_with_a_see_through_colour_stays_see_through(
    tmp_path: Path, store: Store
) -> None:
    drawing = Image.new("P", (20, 10), 0)
    drawing.putpalette([200, 30, 30, 0, 0, 0])
    drawing.paste(1, (10, 0, 20, 10))
    png = tmp_path / "drawing.png"
    drawing.save(png, transparency=bytes([255, 0]))  # colour 1 see-through (a tRNS chunk)
    [item] = prepare_draft(_draft(store, new_file("image", png, "A drawing")), tmp_path / "w")
    assert item.mime == "image/png"
    with Image.open(item.path) as made:
        assert _pixel(made.convert("RGBA"), (15, 5))[3] == 0
        assert _pixel(made.convert("RGBA"), (5, 5))[:3] == (200, 30, 30)


def test_a_palette_png_with_an_unused_see_through_entry_becomes_jpeg_quietly(
    tmp_path: Path, store: Store
) -> None:
    """Pillow warns while converting it (tests turn warnings into errors): handled."""
    png = tmp_path / "flat.png"
    Image.new("P", (20, 10), 1).save(png, transparency=1)  # tRNS lists colour 0 only
    [item] = prepare_draft(_draft(store, new_file("image", png, "Flat")), tmp_path / "w")
    assert item.mime == "image/jpeg"


def test_a_portrait_phone_video_stays_portrait(tmp_path: Path, store: Store) -> None:
    """Phones film sideways and say "turn by 90°" in the track header; the copy keeps it."""
    video = phone_video(tmp_path / "portrait.mp4")
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-Rotation=90", str(video)], check=True
    )
    assert exiftool_tags(video)["Composite:Rotation"] == 90
    [item] = prepare_draft(_draft(store, new_file("video", video)), tmp_path / "w")
    assert exiftool_tags(item.path)["Composite:Rotation"] == 90
