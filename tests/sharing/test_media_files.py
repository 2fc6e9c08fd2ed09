"""The generated phone files really carry what later tests show is removed.

Without this, a test that finds no GPS in an uploaded copy could pass because the
original had none.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.media_files import (
    heic_photo,
    phone_photo,
    phone_video,
    revealing_tags,
    transparent_png,
)


def _kinds(tags: dict[str, object]) -> set[str]:
    return {key.split(":")[0] for key in tags}


def test_photos_carry_gps_and_device_in_exif_and_xmp(tmp_path: Path) -> None:
    tags = revealing_tags(phone_photo(tmp_path / "p.jpg", orientation=6))
    assert tags["GPS:GPSLatitude"] and tags["GPS:GPSLongitude"]
    assert tags["XMP-exif:GPSLatitude"] and tags["XMP-photoshop:City"] == "London"
    assert tags["IFD0:Make"] == "Apple"
    assert "GPS:GPSLatitude" in revealing_tags(transparent_png(tmp_path / "t.png"))
    assert "GPS:GPSLatitude" in revealing_tags(heic_photo(tmp_path / "h.heic"))


def test_videos_carry_location_and_device(tmp_path: Path) -> None:
    apple = revealing_tags(phone_video(tmp_path / "a.mp4"))
    assert any("GPSCoordinates" in k for k in apple) and any("Model" in k for k in apple)
    android = revealing_tags(phone_video(tmp_path / "b.mp4", apple=False))
    assert any("GPSCoordinates" in k or "Location" in k for k in android), android
