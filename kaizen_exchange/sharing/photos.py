"""Photos made ready for the web: turned upright, at most 2048 px, and nothing else kept.

WordPress keeps an uploaded original with all its metadata (and its resizer keeps
EXIF, GPS included), so the photo is cleaned here, before it leaves the PC: the
pixels are decoded, turned by their orientation tag, scaled down and encoded anew,
and the new file is written with no EXIF, XMP, IPTC, maker notes, comments or
colour profile (a profile names the device that made it). iPhone and iPad HEIC
photos come out as JPEG; a PNG with see-through parts stays a PNG.

Speed: a 12-megapixel JPEG is decoded at half size by the JPEG decoder itself (DCT
scaling), which is about three times faster than decoding it whole and still gives
2000 px on the longest side.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

from kaizen_exchange.errors import BadInput
from kaizen_exchange.sharing.media_info import IMAGE_MAX_PIXELS, heif_support

LONGEST_SIDE = 2048
#: Decode a large JPEG at 1/2, 1/4 or 1/8 only while the result keeps this many pixels
#: on its longest side (sharp on any classroom screen).
DECODE_AT_LEAST = 1600
JPEG_QUALITY = 85


def clean_photo(source: Path, target_stem: Path) -> tuple[Path, str]:
    """Write the web copy of ``source`` as ``target_stem`` + .jpg or .png; (path, mime)."""
    heif_support()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.width * image.height > IMAGE_MAX_PIXELS:
                    raise BadInput(_too_large(source))
                _decode_smaller(image)
                upright = ImageOps.exif_transpose(image)
                fitted = _fit(upright)
    except Image.DecompressionBombError:
        raise BadInput(_too_large(source)) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise BadInput(
            f"{source.name} cannot be read as a photo; open it on this PC to check it, "
            "or save it again as JPEG."
        ) from exc
    with warnings.catch_warnings():  # "palette transparency expressed in bytes": handled here
        warnings.simplefilter("ignore", UserWarning)
        if _see_through(fitted):
            rgba = fitted.convert("RGBA")
            return _save(rgba, target_stem.with_suffix(".png"), "PNG"), "image/png"
        rgb = fitted.convert("RGB")
    return _save(rgb, target_stem.with_suffix(".jpg"), "JPEG"), "image/jpeg"


def _decode_smaller(image: Image.Image) -> None:
    """Ask the JPEG decoder for the smallest scale that still fits the web size well."""
    if image.format != "JPEG":
        return
    longest = max(image.size)
    scale = 1
    while scale < 8 and longest // (scale * 2) >= DECODE_AT_LEAST:
        scale *= 2
    if scale > 1:
        image.draft("RGB", (image.width // scale, image.height // scale))


def _fit(image: Image.Image) -> Image.Image:
    if max(image.size) <= LONGEST_SIDE:
        return image.copy()
    fitted = image.copy()
    fitted.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return fitted


def _see_through(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
        low = alpha.getextrema()[0]  # one band: (min, max)
        return isinstance(low, int | float) and low < 255
    return False


def _save(image: Image.Image, path: Path, fmt: str) -> Path:
    image.info.clear()  # nothing of the original's info (EXIF, XMP, ICC, comments) follows
    if fmt == "JPEG":
        image.save(path, fmt, quality=JPEG_QUALITY)  # baseline JPEG: 3× faster to write
    else:
        image.save(path, fmt, optimize=False)
    return path


def _too_large(source: Path) -> str:
    return (
        f"{source.name} has more than {IMAGE_MAX_PIXELS // 1_000_000} megapixels, too large "
        "to prepare safely. Use the photo as the camera or phone took it, or a smaller copy."
    )


__all__ = ["LONGEST_SIDE", "clean_photo"]
