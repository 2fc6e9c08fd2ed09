"""render_html: the draft's simple formatting, safely, and its pictures in order."""

from __future__ import annotations

from pathlib import Path

from kaizen_exchange.feeds.sanitize import sanitize_html
from kaizen_exchange.sharing.drafts import Draft, DraftFile
from kaizen_exchange.sharing.render import render_html, text_html


def _draft(text: str, *files: DraftFile) -> Draft:
    return Draft(1, "Title", text, files=list(files))


def test_the_simple_formatting_becomes_html() -> None:
    html = text_html(
        "We built **a bridge** and *sang*.\n\n- straws\n- tape\n\n[Our blog](https://oak.example/)"
    )
    assert "<strong>a bridge</strong>" in html and "<em>sang</em>" in html
    assert "<ul>\n<li>straws</li>\n<li>tape</li>\n</ul>" in html
    assert '<a href="https://oak.example/" rel="noopener noreferrer">Our blog</a>' in html


def test_html_and_script_links_typed_in_the_text_never_run() -> None:
    html = text_html(
        "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    )
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as typed


def test_pictures_videos_and_files_follow_the_text_escaped_and_without_file_names() -> None:
    photo = DraftFile(
        1, "image", Path("Olivia Brown.jpg"), alt='Paint "pots" & brushes', caption="Art <week>"
    )
    video = DraftFile(2, "video", Path("trip.mp4"))
    letter = DraftFile(3, "file", Path("Sam Rose letter.pdf"))
    later = DraftFile(4, "image", Path("not uploaded.jpg"), alt="x")
    urls = {
        1: "https://oak.example/wp-content/uploads/kx-1-1-ab.jpg",
        2: "https://oak.example/v.mp4",
        3: "https://oak.example/l.pdf",
    }
    html = render_html(_draft("Hello", photo, video, letter, later), urls)
    assert html.index("Hello") < html.index("<img") < html.index("<video") < html.index("l.pdf")
    assert (
        '<img src="https://oak.example/wp-content/uploads/kx-1-1-ab.jpg" alt="Paint &quot;pots&quot; &amp; brushes">'
        in html
    )
    assert "<figcaption>Art &lt;week&gt;</figcaption>" in html
    assert "Download the attachment (PDF)" in html
    assert "Olivia" not in html and "Rose" not in html and "not uploaded" not in html


def test_what_partners_readers_show_keeps_the_text_and_pictures() -> None:
    photo = DraftFile(1, "image", Path("a.jpg"), alt="Pots", caption="Clay")
    html = render_html(_draft("**Clay** week", photo), {1: "https://oak.example/a.jpg"})
    read = sanitize_html(html)
    assert "<strong>Clay</strong>" in read
    assert (
        '<figure><img src="https://oak.example/a.jpg" alt="Pots"><figcaption>Clay</figcaption></figure>'
        in read
    )


def test_the_preview_uses_local_file_urls() -> None:
    photo = DraftFile(1, "image", Path("/tmp/a.jpg"), alt="Pots")
    html = render_html(_draft("", photo), {1: "file:///tmp/kx/a.jpg"})
    assert html == '<figure><img src="file:///tmp/kx/a.jpg" alt="Pots"></figure>'
    assert render_html(_draft("", photo), {1: "javascript:alert(1)"}) == ""
