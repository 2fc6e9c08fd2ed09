"""The post reader: sanitized HTML whose pictures come only from the local media cache.

:class:`LocalOnlyBrowser` refuses every resource that is not a file inside the
store's media folder, so showing a post never touches the network (a filtered
school connection, or none, changes nothing). Pictures are decoded off the GUI
thread by :func:`load_post` and handed over ready; the browser only draws them.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from kaizen_exchange.conversations.reading import (
    REPLY_STATES,
    ThreadedComment,
    conversation,
    flatten,
)
from kaizen_exchange.gui.dates import format_datetime
from kaizen_exchange.gui.look import QUALITIES
from kaizen_exchange.reading.posts import PostDetail, get_post
from kaizen_exchange.store.db import Store

MAX_IMAGE_SIDE = 2400  # decoded pictures are bounded, whatever a camera produced
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\b([a-zA-Z-]+)="([^"]*)"')
_KEEP = Qt.AspectRatioMode.KeepAspectRatio
_SMOOTH = Qt.TransformationMode.SmoothTransformation


@dataclass
class LoadedPost:
    """A post with its cached pictures already decoded (made on a worker thread)."""

    detail: PostDetail
    school_name: str
    images: dict[str, QImage] = field(default_factory=dict)  # file:// URL -> picture
    media_folder: Path | None = None
    #: the conversation under the post, threaded (replies under what they answer)
    comments: list[ThreadedComment] = field(default_factory=list)

    @property
    def comment_ids(self) -> list[int]:
        return [c.id for c in flatten(self.comments)]


def load_post(store: Store, post_id: int, school_name: str | None = None) -> LoadedPost:
    """Read one post and decode its cached pictures; runs off the GUI thread."""
    detail = get_post(store, post_id)
    images: dict[str, QImage] = {}
    for media in detail.media:
        mime = media.mime or ""
        if media.path is None or not mime.startswith("image/") or "svg" in mime:
            continue  # an SVG (it can carry scripts) is described, never drawn
        image = QImage(str(media.path))
        if image.isNull():
            continue
        if max(image.width(), image.height()) > MAX_IMAGE_SIDE:
            image = image.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, aspectMode=_KEEP, mode=_SMOOTH)
        images[media.path.as_uri()] = image
    threads = conversation(store, post_id)
    return LoadedPost(detail, school_name or detail.school, images, store.media_dir, threads)


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): htmllib.unescape(v) for k, v in _ATTR.findall(tag)}


def fit_images(html: str, images: dict[str, QImage], width: int) -> str:
    """Size each cached picture to the pane; an uncached one becomes its description."""

    def swap(match: re.Match[str]) -> str:
        attrs = _attrs(match.group(0))
        src = attrs.get("src", "")
        image = images.get(src)
        if image is None:
            alt = attrs.get("alt") or "a picture"
            return f'<span class="missing">[{htmllib.escape(alt)} — not downloaded yet]</span>'
        shown = min(image.width(), max(width, 80))
        alt = htmllib.escape(attrs.get("alt", ""))
        return f'<img src="{htmllib.escape(src)}" width="{shown}" alt="{alt}">'

    return _IMG.sub(swap, html)


def _size(n: int | None) -> str:
    if not n:
        return ""
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{max(n // 1000, 1)} KB"


def _attachments(detail: PostDetail) -> str:
    items = []
    for media in detail.media:
        if media.kind != "enclosure" and (media.mime or "").startswith("image/"):
            continue
        name = htmllib.escape(Path(media.url.split("?")[0]).name or media.url)
        if media.path is not None:
            link = htmllib.escape(media.path.as_uri())
            items.append(f'<li><a href="{link}">{name}</a> {_size(media.bytes)}</li>')
        else:
            items.append(f"<li>{name} — not downloaded yet; it comes with the next sync</li>")
    return "<h3>Attachments</h3><ul>" + "".join(items) + "</ul>" if items else ""


def _chips(categories: list[str]) -> str:
    chips = []
    for name in categories:
        colour = QUALITIES.get(name.lower())
        if colour:
            chips.append(f'<span style="color:{colour}; font-weight:600">● {name}</span>')
    return " &nbsp; ".join(chips)


#: a reply is indented this much per level (the thread caps the levels)
INDENT_PX = 28
COMMENT_ANCHOR = "comment-{id}"


#: a "Reply" link's address: the comment answered (0: the post itself)
REPLY_LINK = "kx-reply:{id}"


def conversation_html(
    comments: list[ThreadedComment], width: int, *, reply_links: bool = False
) -> str:
    """The comments under a post, each reply indented under what it answers.

    Each comment starts with an anchor, so Present mode can move from reply to reply;
    ``reply_links``: a "Reply" link under the post and under each comment (the reader,
    not the whiteboard).
    """
    shown = flatten(comments)
    reply = f'<p><a href="{REPLY_LINK.format(id=0)}">Reply to this post</a></p>'
    if not shown:
        return reply if reply_links else ""
    parts = [f'<h2 class="conversation">Conversation ({len(shown)})</h2>']
    for comment in shown:
        who = f"{comment.author} · {format_datetime(comment.published)}"
        if comment.reply_state:
            who += f" · {REPLY_STATES.get(comment.reply_state, comment.reply_state)}"
        anchor = COMMENT_ANCHOR.format(id=comment.id)
        link = (
            f'<p class="reply"><a href="{REPLY_LINK.format(id=comment.id)}">Reply</a></p>'
            if reply_links and comment.reply_state is None
            else ""
        )
        parts.append(
            f'<div style="margin-left:{comment.depth * INDENT_PX}px">'
            f'<p class="comment-by"><a name="{anchor}"></a><b>{htmllib.escape(who)}</b></p>'
            f"{fit_images(comment.html, {}, width)}{link}</div>"
        )
    return "".join(parts) + (reply if reply_links else "")


def post_html(loaded: LoadedPost, width: int, *, reply_links: bool = False) -> str:
    detail = loaded.detail
    byline = " · ".join(
        part
        for part in (loaded.school_name, detail.author, format_datetime(detail.published))
        if part
    )
    body = fit_images(detail.local_html(), loaded.images, width)
    return (
        f"<h1>{htmllib.escape(detail.title)}</h1>"
        f'<p class="byline">{htmllib.escape(byline)}</p>'
        f"<p>{_chips(detail.categories)}</p>{body}{_attachments(detail)}"
        f"{conversation_html(loaded.comments, width, reply_links=reply_links)}"
    )


READER_CSS = """
h1 { color: #24574a; margin-bottom: 4px; }
p.byline { color: #5b6b66; margin-top: 0; }
span.missing { color: #8a6d1f; font-style: italic; }
a { color: #2f6690; }
blockquote { color: #3e4e49; margin-left: 16px; }
h2.conversation { color: #24574a; margin-top: 18px; }
p.comment-by { color: #3e4e49; margin-top: 12px; margin-bottom: 2px; }
"""


class LocalOnlyBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing from the network, ever.

    Links to cached attachments open in the system's viewer; web links open in the
    default browser (the teacher's choice, outside this app); everything the
    document asks to *load* must be a picture decoded by :func:`load_post`.
    """

    #: a "Reply" link was clicked: the comment to answer (0: the post)
    reply_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offers_replies = False  # the reader of Partner work shows "Reply" links
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.document().setDefaultStyleSheet(READER_CSS)
        self.refused: list[str] = []  # URLs the document asked for and did not get
        self._loaded: LoadedPost | None = None
        self._rendered_width = 0
        self.placeholder = ""

    def show_post(self, loaded: LoadedPost | None) -> None:
        self._loaded = loaded
        self._render()

    def show_message(self, text: str) -> None:
        self._loaded = None
        self.setHtml(f'<p class="byline">{htmllib.escape(text)}</p>')

    @property
    def loaded(self) -> LoadedPost | None:
        return self._loaded

    def _render(self) -> None:
        if self._loaded is None:
            self.setHtml(f'<p class="byline">{htmllib.escape(self.placeholder)}</p>')
            return
        width = self.viewport().width() - 40
        self._rendered_width = width
        self.setHtml(post_html(self._loaded, width, reply_links=self.offers_replies))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (
            self._loaded is not None
            and abs(self.viewport().width() - 40 - self._rendered_width) > 24
        ):
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = name.toString() if isinstance(name, QUrl) else name
        loaded = self._loaded
        if loaded is not None and kind == QTextDocument.ResourceType.ImageResource.value:
            image = loaded.images.get(url)
            if image is not None:
                return image
        self.refused.append(url)
        return None

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == "kx-reply" and self.offers_replies:
            answered = url.path()
            self.reply_requested.emit(int(answered) if answered.isdigit() else 0)
        elif url.isLocalFile():
            folder = self._loaded.media_folder if self._loaded else None
            path = Path(url.toLocalFile()).resolve()
            if folder is not None and path.is_relative_to(folder.resolve()):
                QDesktopServices.openUrl(url)
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


__all__ = [
    "REPLY_LINK",
    "LoadedPost",
    "LocalOnlyBrowser",
    "conversation_html",
    "fit_images",
    "load_post",
    "post_html",
]
