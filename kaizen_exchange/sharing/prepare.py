"""A draft's files made ready to upload: cleaned copies under generated names, in a work folder.

The teacher's files are only ever read. Photos are re-encoded (photos.py), videos
remuxed (videos.py), other files copied as they are (the checks warned about them).
Each copy gets a generated name made of the draft, the file and the start of its
SHA-256, never the original's name (which may hold a child's name): the same file
prepared twice gets the same name and hash, which lets publishing recognise its own
earlier uploads.

Photos are prepared two at a time on threads: Pillow releases the GIL while it
decodes, scales and encodes, so two cores are used without a process start-up
(see bench/share.py for the figures). Run it off any GUI thread; ``progress(done,
total)`` is called after each file, and ``cancel()`` is asked between files.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kaizen_exchange.errors import BadInput, KaizenError
from kaizen_exchange.sharing.drafts import Draft, DraftFile, FileKind
from kaizen_exchange.sharing.photos import clean_photo
from kaizen_exchange.sharing.videos import clean_video

#: Photos prepared at once (the school PCs this app targets have two cores or more).
PHOTO_WORKERS = 2


class Cancelled(KaizenError):
    """The teacher pressed Cancel while files were being prepared; nothing was sent."""


@dataclass(frozen=True)
class PreparedFile:
    file_id: int
    kind: FileKind
    path: Path  # in the work folder
    upload_name: str  # generated, never the original's
    mime: str
    alt: str
    caption: str
    sha256: str
    size: int


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def prepare_draft(
    draft: Draft,
    work_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[PreparedFile]:
    """Clean copies of every file of ``draft`` in ``work_dir``, in the draft's order."""
    work_dir.mkdir(parents=True, exist_ok=True)
    total = len(draft.files)
    done: dict[int, PreparedFile] = {}
    for file, prepared in _prepared(draft, work_dir, cancel):
        done[file.id] = prepared
        if progress is not None:
            progress(len(done), total)
    return [done[f.id] for f in draft.files]


def _prepared(
    draft: Draft, work_dir: Path, cancel: Cancel | None
) -> Iterator[tuple[DraftFile, PreparedFile]]:
    photos = [f for f in draft.files if f.kind == "image"]
    others = [f for f in draft.files if f.kind != "image"]
    with ThreadPoolExecutor(max_workers=PHOTO_WORKERS) as pool:
        pending: list[tuple[DraftFile, Future[PreparedFile]]] = []
        for file in photos:  # at most two photos in flight, so Cancel is heard soon
            _stop_if(cancel, pending)
            pending.append((file, pool.submit(prepare_file, draft.id, file, work_dir)))
            if len(pending) >= PHOTO_WORKERS:
                first, future = pending.pop(0)
                yield first, future.result()
        for file, future in pending:
            yield file, future.result()
    for file in others:
        _stop_if(cancel, [])
        yield file, prepare_file(draft.id, file, work_dir)


def _stop_if(cancel: Cancel | None, pending: list[tuple[DraftFile, Future[PreparedFile]]]) -> None:
    if cancel is not None and cancel():
        for _file, future in pending:
            future.cancel()
        raise Cancelled("Stopped: nothing was sent. Publish again when you are ready.")


def prepare_file(draft_id: int, file: DraftFile, work_dir: Path) -> PreparedFile:
    """The cleaned copy of one file (its name generated from its content)."""
    if not file.path.is_file():
        raise BadInput(f"{file.path.name} is no longer in its folder: add it again to the post.")
    stem = work_dir / f"kx-{draft_id}-{file.id}-preparing"
    if file.kind == "image":
        made, mime = clean_photo(file.path, stem)
    elif file.kind == "video":
        made, mime = clean_video(file.path, stem)
    else:
        made = stem.with_suffix(file.path.suffix.casefold())
        shutil.copyfile(file.path, made)
        mime = mimetypes.guess_type(file.path.name)[0] or "application/octet-stream"
    digest = _sha256(made)
    name = f"kx-{draft_id}-{file.id}-{digest[:12]}{made.suffix}"
    final = made.replace(work_dir / name)
    return PreparedFile(
        file.id, file.kind, final, name, mime, file.alt, file.caption, digest, final.stat().st_size
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


__all__ = ["Cancelled", "PreparedFile", "prepare_draft", "prepare_file"]
