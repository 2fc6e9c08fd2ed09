"""The fast RSS reader must read every feed it accepts exactly as feedparser does.

If they disagreed, a post could change identity (and be stored twice) or change its
text when its feed crosses from one reader to the other. feedparser is the oracle:
each feed is parsed twice, once as the sync does and once with the fast reader
switched off, and the stored results (identity, title, links, dates, HTML, text,
categories, enclosures) must be equal. Feeds are generated with the values that
trip readers up: relative and odd links, GUIDs that are and are not permalinks,
entities, markup in titles, UTF-8 read as Latin-1, C1 controls, odd dates, blanks,
repeated and unknown elements.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kaizen_exchange.feeds import parse
from kaizen_exchange.feeds.parse import ParsedFeed, parse_feed
from kaizen_exchange.feeds.plain_rss import read_plain_rss

URL = "https://school.example/year-4/feed/"
NAMESPACES = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
    'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" '
    'xmlns:slash="http://purl.org/rss/1.0/modules/slash/" '
    'xmlns:media="http://search.yahoo.com/mrss/"'
)


def with_feedparser(body: bytes, headers: dict[str, str]) -> ParsedFeed:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parse, "read_plain_rss", lambda *_: None)
        return parse_feed(body, URL, headers)


def rss(items: list[str], channel_extra: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" {NAMESPACES}>\n<channel>\n'
        "<title>Year 4 at Greenfield</title>\n"
        f'<atom:link href="{URL}" rel="self" type="application/rss+xml" />\n'
        "<link>https://school.example/year-4</link>\n"
        "<description>Our learning</description>\n"
        "<lastBuildDate>Tue, 01 Sep 2026 08:30:00 +0000</lastBuildDate>\n"
        "<language>en-GB</language>\n<sy:updatePeriod>hourly</sy:updatePeriod>\n"
        "<generator>https://wordpress.org/?v=6.4.3</generator>\n"
        f"{channel_extra}{''.join(items)}</channel>\n</rss>\n"
    ).encode()


WORDPRESS_ITEM = """<item>
  <title>Bridges that hold twelve books &#8211; Year 4&#8217;s design challenge</title>
  <link>https://school.example/year-4/2026/09/01/bridges/</link>
  <comments>https://school.example/year-4/2026/09/01/bridges/#respond</comments>
  <dc:creator><![CDATA[Mrs Patel]]></dc:creator>
  <pubDate>Tue, 01 Sep 2026 08:30:00 +0000</pubDate>
  <category><![CDATA[Science]]></category>
  <category><![CDATA[Resilient]]></category>
  <guid isPermaLink="false">https://school.example/year-4/?p=101</guid>
  <description><![CDATA[We built bridges [&#8230;]]]></description>
  <content:encoded><![CDATA[<p>We built <a href="/year-4/maths/">bridges</a>.</p>
<p><img src="wp-content/uploads/2026/09/bridge.png" alt="A bridge" onclick="x()"></p>
<script>alert(1)</script><iframe src="https://www.youtube.com/embed/abc"></iframe>]]></content:encoded>
  <wfw:commentRss>https://school.example/year-4/2026/09/01/bridges/feed/</wfw:commentRss>
  <slash:comments>0</slash:comments>
  <enclosure url="https://school.example/year-4/letter.pdf" length="5120" type="Application/PDF" />
</item>
"""


def test_a_wordpress_feed_takes_the_fast_path_and_reads_the_same() -> None:
    body = rss([WORDPRESS_ITEM])
    assert read_plain_rss(body, URL, {}) is not None
    fast = parse_feed(body, URL, {"Content-Type": "application/rss+xml; charset=UTF-8"})
    assert fast == with_feedparser(body, {})
    entry = fast.entries[0]
    assert entry.identity == "https://school.example/year-4/?p=101"
    assert entry.title == "Bridges that hold twelve books – Year 4’s design challenge"
    assert entry.author == "Mrs Patel" and entry.categories == ["Science", "Resilient"]
    assert 'href="https://school.example/year-4/maths/"' in entry.html
    assert "script" not in entry.html and "onclick" not in entry.html
    assert [e.mime for e in entry.enclosures] == ["application/pdf"]
    assert fast.is_wordpress and fast.title == "Year 4 at Greenfield"


@pytest.mark.parametrize(
    "body",
    [
        rss([WORDPRESS_ITEM.replace("<item>", '<item xml:base="https://elsewhere.example/">')]),
        rss(
            [
                WORDPRESS_ITEM.replace(
                    "<slash:comments>0</slash:comments>", "<media:title>x</media:title>"
                )
            ]
        ),
        rss([WORDPRESS_ITEM.replace("<title>", "<title>A</title><title>")]),
        rss(
            [WORDPRESS_ITEM], channel_extra="<atom:link href='https://x.example/' rel='alternate'/>"
        ),
        rss([WORDPRESS_ITEM]).replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'),
        rss([WORDPRESS_ITEM]).replace(b'version="2.0"', b'version="0.92"'),
        rss([WORDPRESS_ITEM.replace("Bridges that", "Bridges&nbsp;that")]),
    ],
    ids=[
        "xml:base",
        "media:title",
        "two titles",
        "alternate link",
        "latin-1",
        "rss 0.92",
        "entity",
    ],
)
def test_what_the_fast_reader_cannot_vouch_for_goes_to_feedparser(body: bytes) -> None:
    assert read_plain_rss(body, URL, {}) is None
    assert parse_feed(body, URL, {}).entries  # feedparser still reads it


def test_a_text_content_type_without_charset_goes_to_feedparser() -> None:
    body = rss([WORDPRESS_ITEM])
    assert read_plain_rss(body, URL, {"content-type": "text/xml"}) is None
    assert read_plain_rss(body, URL, {"content-type": "text/xml; charset=utf-8"}) is not None


# -- generated feeds ------------------------------------------------------------------------

TEXTS = st.sampled_from(
    [
        "",
        "   ",
        "Plain words",
        "  padded  ",
        "Fish &amp; chips",
        "A <b>bold</b> title",
        "&lt;b&gt;escaped&lt;/b&gt;",
        "Caf\u00c3\u00a9 (UTF-8 read as Latin-1)",
        "Caf\u00e9",
        "\u0093quoted\u0094 \u0080",
        "K\u014dwhai \u2013 \u6f22\u5b57 \U0001f600",
        "line\nbreak",
        "x" * 70,
        "<![CDATA[<i>cdata</i>]]>",
        "mrs.patel@school.example (Mrs Patel)",
    ]
)
LINKS = st.sampled_from(
    [
        "https://school.example/year-4/2026/09/01/post/",
        "/year-4/relative/",
        "relative/post",
        "https://school.example/?p=1&amp;lang=en",
        "https://school.example/?p=1&amp;amp;x=2",
        "https:///school.example//extra/slashes",
        "http://[bad",
        "tag:school.example,2026:post-1",
        "12345",
        "  https://school.example/padded  ",
        "mailto:head@school.example",
        "",
    ]
)
DATES = st.sampled_from(
    [
        "Tue, 01 Sep 2026 08:30:00 +0000",
        "Tue, 01 Sep 2026 08:30:00 GMT",
        "01 Sep 2026 08:30 EST",
        "2026-09-01T08:30:00+10:00",
        "Tue, 31 Feb 2026 25:61:61 GMT",
        "yesterday",
        "",
    ]
)
HTML = st.sampled_from(
    [
        "",
        "<p>Hello <a href='/x'>there</a></p>",
        '<p><img src="pic.png"></p><script>bad()</script>',
        "<iframe src='https://vimeo.com/1'></iframe>Text",
        "&lt;p&gt;escaped markup&lt;/p&gt;",
        "Just words &amp; more",
        "<p>\u0093smart\u0094 Caf\u00c3\u00a9</p>",
    ]
)


def element(tag: str, value: str, attrs: str = "") -> str:
    if value.startswith("<![CDATA["):
        return f"<{tag}{attrs}>{value}</{tag}>"
    return f"<{tag}{attrs}>{escape(value)}</{tag}>"


@st.composite
def items(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from([element("title", draw(TEXTS)), "<title/>"])))
    if draw(st.booleans()):
        parts.append(element("link", draw(LINKS)))
    if draw(st.booleans()):
        permalink = draw(
            st.sampled_from(
                ["", ' isPermaLink="true"', ' isPermaLink="false"', ' isPermaLink="TRUE"']
            )
        )
        parts.append(element("guid", draw(LINKS), permalink))
    if draw(st.booleans()):
        parts.append(element("pubDate", draw(DATES)))
    if draw(st.booleans()):
        parts.append(element("dc:creator", draw(TEXTS)))
    for term in draw(st.lists(TEXTS, max_size=3)):
        domain = draw(st.sampled_from(["", ' domain="https://school.example/tags"']))
        parts.append(element("category", term, domain))
    if draw(st.booleans()):
        parts.append(f"<description><![CDATA[{draw(HTML)}]]></description>")
    if draw(st.booleans()):
        parts.append(element("content:encoded", draw(HTML)))
    for _ in range(draw(st.integers(0, 2))):
        url, kind = draw(LINKS), draw(st.sampled_from(["image/PNG", "application/pdf", ""]))
        length = draw(st.sampled_from(["", "1234", " 99 ", "big"]))
        parts.append(
            f"<enclosure url={quoteattr(url)} type={quoteattr(kind)} length={quoteattr(length)}/>"
        )
    if draw(st.booleans()):
        parts.append(
            draw(st.sampled_from(["<comments>/c</comments>", "<slash:comments>2</slash:comments>"]))
        )
    return "<item>" + "".join(draw(st.permutations(parts))) + "</item>\n"


@given(
    entries=st.lists(items(), min_size=1, max_size=4),
    content_type=st.sampled_from(["", "application/rss+xml; charset=UTF-8", "application/xml"]),
)
@example(entries=[WORDPRESS_ITEM], content_type="")
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_feeds_read_the_same_by_both_readers(
    entries: list[str], content_type: str
) -> None:
    body = rss(entries)
    headers = {"Content-Type": content_type} if content_type else {}
    # every generated feed is plain RSS 2.0 by construction: the fast reader must take it…
    assert read_plain_rss(body, URL, {k.lower(): v for k, v in headers.items()}) is not None
    # …and read it exactly as feedparser does
    assert parse_feed(body, URL, headers) == with_feedparser(body, headers)
