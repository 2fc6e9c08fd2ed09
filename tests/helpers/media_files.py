"""Photos and videos as phones and tablets make them: GPS location and device in their metadata.

Shared by the sharing tests, the real-WordPress publishing tests and bench/share.py.
Everything is generated (Pillow, pillow-heif, PyAV), so no personal file is ever
checked in. :func:`exiftool_tags` reads a file back with an independent reader
(Debian's libimage-exiftool-perl), to show what metadata a file really carries.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from PIL import ExifTags, Image

#: Where the test photos say they were taken (central London) and by what.
LATITUDE = (51.0, 30.0, 12.5)
LONGITUDE = (0.0, 7.0, 40.0)
ISO6709 = "+51.5035-000.1278+010.000/"
MAKE, MODEL = "Apple", "iPhone 15"

_XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"'
    b' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    b' exif:GPSLatitude="51,30.2N" exif:GPSLongitude="0,7.6W"'
    b' photoshop:City="London"/>'
    b"</rdf:RDF></x:xmpmeta>"
    b'<?xpacket end="w"?>'
)


def phone_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: make, model, orientation and the GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = MAKE
    exif[ExifTags.Base.Model] = MODEL
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2026:11:30 10:15:00"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: LATITUDE,
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: LONGITUDE,
    }
    return exif


def picture(size: tuple[int, int], *, detailed: bool = False) -> Image.Image:
    """An RGB picture; ``detailed``: with grain, so it compresses like a real photo."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((30, 120, 60), (0, 0, width // 3, height // 2))  # a landmark for orientation
    if detailed:
        noise = Image.effect_noise(size, 40).convert("RGB")
        image = Image.blend(image, noise, 0.35)
    return image


def phone_photo(
    path: Path,
    size: tuple[int, int] = (64, 48),
    *,
    orientation: int = 1,
    detailed: bool = False,
    xmp: bool = True,
) -> Path:
    """A JPEG with GPS EXIF, make and model, an orientation tag and (``xmp``) XMP location."""
    image = picture(size, detailed=detailed)
    extra: dict[str, Any] = {"xmp": _XMP} if xmp else {}
    image.save(path, "JPEG", quality=90, exif=phone_exif(orientation), **extra)
    return path


def transparent_png(path: Path, size: tuple[int, int] = (64, 48)) -> Path:
    """A PNG with see-through parts (a cut-out drawing) and GPS EXIF."""
    image = picture(size).convert("RGBA")
    image.putpixel((0, 0), (0, 0, 0, 0))
    image.paste((255, 255, 255, 0), (size[0] // 2, 0, size[0], size[1]))
    image.save(path, "PNG", exif=phone_exif())
    return path


def heic_photo(path: Path, size: tuple[int, int] = (64, 48), *, orientation: int = 1) -> Path:
    """An iPhone-style HEIC photo with GPS EXIF (pillow-heif's encoder)."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    picture(size).save(path, "HEIF", exif=phone_exif(orientation).tobytes())
    return path


def phone_video(
    path: Path,
    *,
    size: tuple[int, int] = (64, 48),
    frames: int = 12,
    apple: bool = True,
    lossless_noise: bool = False,
) -> Path:
    """An H.264 MP4 with location and device metadata.

    ``apple``: in the QuickTime keys an iPhone writes (com.apple.quicktime.location.ISO6709,
    make, model); otherwise in the ©xyz user-data atom Android phones write.
    ``lossless_noise``: random frames stored losslessly, to make a large file quickly.
    """
    options = {"movflags": "use_metadata_tags"} if apple else {}
    with av.open(str(path), "w", options=options) as out:
        out.metadata["location"] = ISO6709
        out.metadata["make"], out.metadata["model"] = MAKE, MODEL
        if apple:
            out.metadata["com.apple.quicktime.location.ISO6709"] = ISO6709
            out.metadata["com.apple.quicktime.make"] = MAKE
            out.metadata["com.apple.quicktime.model"] = MODEL
        stream = out.add_stream("libx264", rate=Fraction(25))
        stream.width, stream.height = size
        stream.pix_fmt = "yuv444p" if lossless_noise else "yuv420p"
        if lossless_noise:
            stream.options = {"preset": "ultrafast", "crf": "0"}
        for number in range(frames):
            image = (
                Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
                if lossless_noise
                else picture(size).rotate(number * 7)
            )
            for packet in stream.encode(av.VideoFrame.from_image(image)):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


#: Tag names (exiftool's) that give away where, when or on what a file was made.
REVEALING = ("gps", "location", "make", "model", "serial", "city", "iso6709", "lens")


def exiftool_tags(path: Path) -> dict[str, Any]:
    """Every tag exiftool finds in ``path``, named GROUP:Tag."""
    exiftool = shutil.which("exiftool")
    assert exiftool, "exiftool is missing: apt-get install libimage-exiftool-perl"
    done = subprocess.run(
        [exiftool, "-j", "-a", "-G1", "-u", str(path)],
        capture_output=True,
        check=True,
        text=True,
    )
    tags: dict[str, Any] = json.loads(done.stdout)[0]
    return tags


def revealing_tags(path: Path) -> dict[str, Any]:
    """The tags of ``path`` that say where, or on what device, it was made."""
    return {
        key: value
        for key, value in exiftool_tags(path).items()
        if any(word in key.casefold() for word in REVEALING) and not key.startswith("System:")
    }


__all__ = [
    "ISO6709",
    "MAKE",
    "MODEL",
    "exiftool_tags",
    "heic_photo",
    "phone_exif",
    "phone_photo",
    "phone_video",
    "picture",
    "revealing_tags",
    "transparent_png",
]
