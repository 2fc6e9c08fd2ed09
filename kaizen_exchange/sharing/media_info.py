"""What a photo or video says about itself, read without decoding it (headers only).

The checks run as the teacher types, so this reads headers and metadata, never
pixels or frames: a 12-megapixel photo costs about a millisecond. It also refuses
decompression bombs plainly (a small file that unpacks to billions of pixels).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

MB = 1_000_000
#: The largest photo accepted: no phone or tablet makes more; beyond, it is a scan or a bomb.
IMAGE_MAX_BYTES = 60 * MB
IMAGE_MAX_PIXELS = 100_000_000
#: A school's default limit for one video (its WordPress may refuse larger uploads).
DEFAULT_VIDEO_MB = 100

#: XMP properties that give a place away (photoshop:City, exif:GPSLatitude, iptc Location…).
_XMP_PLACES = (b"GPS", b"photoshop:City", b"photoshop:State", b"Iptc4xmpCore:Location", b"Country")
#: Words in a video's metadata keys that give a place or a device away.
_VIDEO_PLACE = ("location", "iso6709", "gps", "xyz")
_VIDEO_DEVICE = ("make", "model", "software", "serial")


@dataclass(frozen=True)
class MediaInfo:
    """``problem``: why the file cannot be used (unreadable, too large), or None."""

    size: int
    location: bool = False
    device: bool = False
    pixels: int = 0
    problem: str | None = None
    too_large: bool = False


@cache
def heif_support() -> None:
    """Let Pillow open iPhone and iPad HEIC photos (registered once, when first needed)."""
    import pi_heif

    pi_heif.register_heif_opener()


def inspect_image(path: Path) -> MediaInfo:
    size = path.stat().st_size
    if size > IMAGE_MAX_BYTES:
        return MediaInfo(size, problem="too large", too_large=True)
    heif_support()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                pixels = image.width * image.height
                exif = image.getexif()
                gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
                xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    except Image.DecompressionBombError:
        return MediaInfo(size, problem="too large", too_large=True)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return MediaInfo(size, problem="unreadable")
    if pixels > IMAGE_MAX_PIXELS:
        return MediaInfo(size, pixels=pixels, problem="too large", too_large=True)
    xmp_bytes = xmp.encode() if isinstance(xmp, str) else bytes(xmp)
    return MediaInfo(
        size,
        location=bool(gps) or any(p in xmp_bytes for p in _XMP_PLACES),
        device=ExifTags.Base.Make in exif or ExifTags.Base.Model in exif,
        pixels=pixels,
    )


def inspect_video(path: Path) -> MediaInfo:
    import av

    size = path.stat().st_size
    try:
        with av.open(str(path)) as container:
            fmt = container.format.name
            keys = [*container.metadata]
            for stream in container.streams:
                keys += [*stream.metadata]
            has_video = bool(container.streams.video)
    except (av.FFmpegError, OSError, UnicodeDecodeError):
        return MediaInfo(size, problem="unreadable")
    if not has_video or not ({"mov", "mp4"} & set(fmt.split(","))):
        return MediaInfo(size, problem="not mp4")
    folded = [k.casefold() for k in keys]
    return MediaInfo(
        size,
        location=any(word in k for k in folded for word in _VIDEO_PLACE),
        device=any(word in k for k in folded for word in _VIDEO_DEVICE),
    )


def sniff_kind(path: Path) -> str | None:
    """ "image" or "video" when a file added as a plain file is really one (by its name)."""
    suffix = path.suffix.casefold()
    if suffix in {".jpg", ".jpeg", ".png", ".heic", ".heif", ".gif", ".webp", ".tif", ".tiff"}:
        return "image"
    if suffix in {".mp4", ".mov", ".m4v", ".3gp", ".avi", ".mkv", ".webm"}:
        return "video"
    return None


__all__ = [
    "DEFAULT_VIDEO_MB",
    "IMAGE_MAX_BYTES",
    "IMAGE_MAX_PIXELS",
    "MB",
    "MediaInfo",
    "heif_support",
    "inspect_image",
    "inspect_video",
    "sniff_kind",
]
