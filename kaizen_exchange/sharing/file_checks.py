"""The checks of a draft's files: still there, readable, not too large, alt text, metadata.

Location and device metadata is a warning, not a refusal: preparing the file for the
web removes it (photos re-encoded, videos remuxed), and the teacher is told so. A
plain file (PDF, Word…) cannot be cleaned by the app, so the warning says what to
look at before sharing it.
"""

from __future__ import annotations

from kaizen_exchange.sharing.drafts import DraftFile
from kaizen_exchange.sharing.findings import Finding
from kaizen_exchange.sharing.media_info import (
    IMAGE_MAX_BYTES,
    IMAGE_MAX_PIXELS,
    MB,
    MediaInfo,
    inspect_image,
    inspect_video,
    sniff_kind,
)

NOT_CLEANED = (
    "Kaizen Exchange cannot clean this kind of file. Before sharing it, open it and check "
    "it has no pupil's surname, no photo of a child without photo consent, and no author "
    "name, comments or tracked changes you do not want shared (in Word: File › Info › "
    "Check for Issues › Inspect Document; in a PDF: File › Properties)."
)


def check_file(file: DraftFile, video_limit_mb: int) -> list[Finding]:
    """Findings about ``file`` itself (not its words: see text_checks)."""
    where = {"file": file.id}
    if not file.path.is_file():
        return [
            Finding(
                "missing_file",
                "block",
                where,
                f"{file.path.name} is no longer in its folder (moved or deleted?): "
                "add it again, or remove it from the post.",
            )
        ]
    if file.kind == "file":
        return _plain_file(file)
    found: list[Finding] = []
    if file.kind == "image" and not file.alt.strip():
        found.append(
            Finding(
                "missing_alt",
                "block",
                where,
                "This picture has no alt text. Describe what it shows in a few words, "
                "without names: pupils who cannot see it hear or read this instead.",
            )
        )
    info = inspect_image(file.path) if file.kind == "image" else inspect_video(file.path)
    found += _problems(file, info, video_limit_mb)
    if info.problem is None and (info.location or info.device):
        found.append(Finding("location_metadata", "warn", where, _metadata_detail(file, info)))
    return found


def _plain_file(file: DraftFile) -> list[Finding]:
    where = {"file": file.id}
    really = sniff_kind(file.path)
    if really is not None:
        word = "photo" if really == "image" else "video"
        return [
            Finding(
                "file_not_cleaned",
                "block",
                where,
                f"{file.path.name} is a {word} added as a plain file, so its location "
                f"and device details would be sent as they are. Add it as a {word} instead.",
            )
        ]
    return [Finding("file_not_cleaned", "warn", where, NOT_CLEANED)]


def _problems(file: DraftFile, info: MediaInfo, video_limit_mb: int) -> list[Finding]:
    where = {"file": file.id}
    name = file.path.name
    if info.problem == "unreadable":
        what = "a photo (JPEG, PNG, HEIC…)" if file.kind == "image" else "a video"
        return [
            Finding(
                "unreadable",
                "block",
                where,
                f"{name} cannot be read as {what}. It may be damaged or another kind of "
                "file: open it on this PC to check, or save it again.",
            )
        ]
    if info.problem == "not mp4":
        return [
            Finding(
                "unreadable",
                "block",
                where,
                f"{name} is not an MP4 or MOV video, the kinds phones and tablets make. "
                "Save or export it as MP4 first.",
            )
        ]
    if info.too_large:
        return [
            Finding(
                "too_large",
                "block",
                where,
                f"{name} is too large for a photo (over {IMAGE_MAX_BYTES // MB} MB or "
                f"{IMAGE_MAX_PIXELS // 1_000_000} megapixels). Use the photo as the camera "
                "or phone took it, or a smaller copy.",
            )
        ]
    if file.kind == "video" and info.size > video_limit_mb * MB:
        return [
            Finding(
                "too_large",
                "block",
                where,
                f"{name} is {info.size / MB:.0f} MB; the school's blog takes videos up to "
                f"{video_limit_mb} MB. Share a shorter clip, or a smaller copy.",
            )
        ]
    return []


def _metadata_detail(file: DraftFile, info: MediaInfo) -> str:
    what = " and ".join(
        w for w, on in (("where it was taken", info.location), ("the device", info.device)) if on
    )
    how = "re-encoded" if file.kind == "image" else "copied"
    return (
        f"{file.path.name} records {what}. This is removed when the {file.kind} is {how} "
        "for the web; your own file is not changed."
    )


__all__ = ["NOT_CLEANED", "check_file"]
