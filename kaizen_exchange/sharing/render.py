"""A draft as the HTML body of its post: the text's simple formatting, then its pictures.

The text is a small Markdown subset (paragraphs, **bold**, *italic*, "- " lists,
[links](https://…)), turned into HTML by markdown-it-py with every other rule off
(raw HTML is shown as typed, never run), then cleaned by the same sanitizer the
reader uses for partners' posts (feeds/sanitize.py), so what a teacher previews is
what partner schools' copies of the app show.

Pictures, videos and files follow the text in the draft's order, built here with
every value escaped: ``<figure><img src alt><figcaption>``, a ``<video>`` player
(partners' readers show it as a "Watch the video" link), or a link for a file. The
links point at ``media_urls`` (the uploaded media when publishing, local ``file:``
URLs in the preview); a file without a URL is left out. A file's original name is
never shown: it may hold a child's name.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

from kaizen_exchange.feeds.sanitize import sanitize_html
from kaizen_exchange.sharing.drafts import Draft, DraftFile

#: The markdown-it rules the draft's text may use; everything else stays plain text.
RULES = ["emphasis", "list", "link", "newline"]
MEDIA_SCHEMES = ("https", "http", "file")


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("zero").enable(RULES)


def text_html(text: str) -> str:
    """The draft's text as clean HTML (the sanitizer's rules: links http, https, mailto)."""
    return sanitize_html(_markdown().render(text)).strip()


def render_html(draft: Draft, media_urls: Mapping[int, str]) -> str:
    """The post body: the text, then each file that has a URL in ``media_urls``."""
    parts = [text_html(draft.text)] if draft.text.strip() else []
    for file in draft.files:
        url = media_urls.get(file.id)
        if url is not None and urlsplit(url).scheme in MEDIA_SCHEMES:
            parts.append(_media_html(file, url))
    return "\n".join(parts)


def _media_html(file: DraftFile, url: str) -> str:
    src = html.escape(url, quote=True)
    caption = (
        f"<figcaption>{html.escape(file.caption)}</figcaption>" if file.caption.strip() else ""
    )
    if file.kind == "image":
        alt = html.escape(file.alt, quote=True)
        return f'<figure><img src="{src}" alt="{alt}">{caption}</figure>'
    if file.kind == "video":
        return f'<figure><video controls preload="metadata" src="{src}"></video>{caption}</figure>'
    label = html.escape(file.caption.strip() or _attachment_label(file))
    return f'<p><a href="{src}">{label}</a></p>'


def _attachment_label(file: DraftFile) -> str:
    kind = file.path.suffix.lstrip(".").upper()
    return f"Download the attachment ({kind})" if kind else "Download the attachment"


__all__ = ["render_html", "text_html"]
