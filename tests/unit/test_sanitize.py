"""Post HTML shown on a class whiteboard: nothing may run, load behind our back or surprise."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen_exchange.feeds.sanitize import TAGS, image_urls, plain_text, sanitize_html

HOSTILE = [
    "<script>alert(1)</script><p>Hi</p>",
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<img src="data:image/png;base64,AAAA">',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="movie.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name="password"></form>',
    '<style>body{display:none}</style><p style="color:red">x</p>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p onmouseover="steal()">hover</p>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
]


class _Elements(HTMLParser):
    """What a browser would build from the output: its tags and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def problems(cleaned: str) -> list[str]:
    parser = _Elements()
    parser.feed(cleaned)
    found = []
    for tag, attrs in parser.found:
        if tag not in TAGS:
            found.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                found.append(f"attribute {name}")
            if name in ("href", "src") and value is not None:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme not in ("http", "https", "mailto"):
                    found.append(f"{name}={value}")
    return found


def test_each_known_attack_is_removed() -> None:
    for html in HOSTILE:
        cleaned = sanitize_html(html, "https://school.example/post/")
        assert problems(cleaned) == [], (html, cleaned)


def test_a_video_embed_becomes_a_plain_link() -> None:
    cleaned = sanitize_html(
        '<iframe width="560" src="https://www.youtube.com/embed/abc123"></iframe>'
    )
    assert "<iframe" not in cleaned
    assert 'href="https://www.youtube.com/embed/abc123"' in cleaned
    assert "Watch the video on youtube.com" in cleaned


def test_relative_links_resolve_against_the_posts_base() -> None:
    cleaned = sanitize_html('<a href="../b">b</a><img src="pic.jpg">', "https://s.example/a/c/")
    assert 'href="https://s.example/a/b"' in cleaned
    assert image_urls(cleaned) == ["https://s.example/a/c/pic.jpg"]


def test_plain_text_for_search() -> None:
    assert plain_text("<p>Rain&nbsp;gauge</p><p>results &amp; graphs</p>") == (
        "Rain gauge results & graphs"
    )


tags = st.sampled_from(
    ["script", "iframe", "img", "a", "p", "svg", "style", "form", "object", "div", "math"]
)
attributes = st.sampled_from(
    [
        'onerror="x()"',
        'href="javascript:x()"',
        'src="data:text/html,x"',
        'style="x"',
        'href="https://ok.example/"',
        'src="pic.png"',
        "onload=x()",
        'href=" javascript:x"',
    ]
)
fragment = st.builds(
    lambda tag, attrs, body, close: f"<{tag} {' '.join(attrs)}>{body}" + (f"</{tag}>" * close),
    tags,
    st.lists(attributes, max_size=3),
    st.text(max_size=20),
    st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(fragment, st.text(max_size=30)), max_size=8))
def test_generated_hostile_html_never_survives(parts: list[str]) -> None:
    cleaned = sanitize_html("".join(parts), "https://school.example/")
    assert problems(cleaned) == [], cleaned
