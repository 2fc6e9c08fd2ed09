"""The preview: the draft shown exactly as a partner school's copy of the app will show it.

Why not a preview of its own: a teacher must see what partners' readers see. So the
body is the one publishing sends (``render_html``, with the teacher's files as local
addresses in place of the uploaded ones), and it is drawn by the reader Partner work
uses (:func:`~kaizen_exchange.gui.reader.post_html` in a
:class:`~kaizen_exchange.gui.reader.LocalOnlyBrowser`), with its title, byline and
learner-quality chips. Everything here runs off the GUI thread but the drawing.
"""

from __future__ import annotations

import mimetypes
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader

from kaizen_exchange.gui.reader import MAX_IMAGE_SIDE, LoadedPost
from kaizen_exchange.reading.posts import MediaFile, PostDetail
from kaizen_exchange.sharing.drafts import Draft, DraftFile
from kaizen_exchange.sharing.render import render_html


def _upright(file: DraftFile) -> QImage | None:
    """The photo turned as the camera meant it (as publishing prepares it), bounded in size."""
    reader = QImageReader(str(file.path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        bounded = size.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        reader.setScaledSize(bounded)
    image = reader.read()
    return None if image.isNull() else image


def _media(file: DraftFile) -> MediaFile:
    size = file.path.stat().st_size if file.path.is_file() else None
    mime = mimetypes.guess_type(file.path.name)[0]
    kind = "image" if file.kind == "image" else "enclosure"
    return MediaFile(file.path.as_uri(), file.path, mime, size, kind, "cached")


def preview_post(draft: Draft, school_name: str) -> LoadedPost:
    """The draft as a post of ``school_name`` (our school), ready for the reader."""
    urls = {f.id: f.path.as_uri() for f in draft.files}
    html = render_html(draft, urls)
    detail = PostDetail(
        id=0,
        school=school_name,
        title=draft.title.strip() or "(no title yet)",
        url=None,
        published=datetime.now(UTC),
        author=None,
        categories=list(draft.tags),
        html=html,
        read=True,
        pinned=False,
        media=[_media(f) for f in draft.files],
    )
    images: dict[str, QImage] = {}
    for file in draft.files:
        if file.kind == "image":
            image = _upright(file)
            if image is not None:
                images[file.path.as_uri()] = image
    return LoadedPost(detail, school_name, images, None)


__all__ = ["preview_post"]
