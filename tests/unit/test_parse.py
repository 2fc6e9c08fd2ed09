"""Feed parsing: the formats WordPress and others produce, and the hostile ones."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen_exchange.feeds.parse import FeedParseError, parse_feed

WORDPRESS_RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Greenfield Class 4</title><link>https://greenfield.example/</link>
<generator>https://wordpress.org/?v=6.4.2</generator>
<item><title>Our rainfall data</title><link>https://greenfield.example/2026/11/rain/</link>
<dc:creator><![CDATA[Mrs Patel]]></dc:creator>
<pubDate>Tue, 03 Nov 2026 09:30:00 +0000</pubDate>
<category><![CDATA[Science]]></category><category><![CDATA[resilient]]></category>
<guid isPermaLink="false">https://greenfield.example/?p=42</guid>
<description><![CDATA[Short summary]]></description>
<content:encoded><![CDATA[<p>Full post</p><img src="/wp-content/uploads/2026/11/chart.png" alt="chart">]]></content:encoded>
<enclosure url="https://greenfield.example/wp-content/uploads/booklet.pdf" length="1234" type="application/pdf"/>
</item></channel></rss>"""


def test_wordpress_rss_fields() -> None:
    feed = parse_feed(WORDPRESS_RSS, "https://greenfield.example/feed/")
    assert feed.is_wordpress and feed.title == "Greenfield Class 4"
    (post,) = feed.entries
    assert post.identity == "https://greenfield.example/?p=42"
    assert post.author == "Mrs Patel"
    assert post.categories == ["Science", "resilient"]
    assert post.published.isoformat() == "2026-11-03T09:30:00+00:00"
    assert "Full post" in post.html and "Short summary" not in post.html
    assert post.images == ["https://greenfield.example/wp-content/uploads/2026/11/chart.png"]
    assert [e.url for e in post.enclosures] == [
        "https://greenfield.example/wp-content/uploads/booklet.pdf"
    ]
    assert post.enclosures[0].mime == "application/pdf"


def test_latin1_feed_with_junk_before_the_declaration() -> None:
    body = (
        b"\n\nWarning: something in functions.php on line 3\n"
        b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Caf\xe9 and cr\xe8me</title><guid>g1</guid>"
        b"<description>Na\xefve</description></item></channel></rss>"
    )
    (post,) = parse_feed(body, "http://x.example/feed").entries
    assert post.title == "Café and crème" and post.text == "Naïve"


def test_rss1_and_rss091() -> None:
    rss1 = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://a/"><title>A</title></channel>
      <item rdf:about="http://a/1"><title>One</title><link>http://a/1</link></item></rdf:RDF>"""
    rss091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>B</title>
      <item><title>Two</title><link>http://b/2</link></item></channel></rss>"""
    assert [e.url for e in parse_feed(rss1, "http://a/feed").entries] == ["http://a/1"]
    assert [e.identity for e in parse_feed(rss091, "http://b/feed").entries] == ["http://b/2"]


def test_atom_with_xml_base_relative_links() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wattle.example/blog/">
      <title>Wattle</title><id>urn:w</id><updated>2026-06-01T00:00:00Z</updated>
      <entry xml:base="posts/"><id>urn:w:1</id><title>Maths trail</title>
        <link href="maths-trail"/><updated>2026-06-01T00:00:00Z</updated>
        <content type="html">&lt;img src="img/trail.png"&gt;&lt;a href="/about"&gt;about&lt;/a&gt;</content>
      </entry></feed>"""
    (post,) = parse_feed(atom, "https://wattle.example/feed.atom").entries
    assert post.url == "https://wattle.example/blog/posts/maths-trail"
    assert post.images == ["https://wattle.example/blog/posts/img/trail.png"]
    assert 'href="https://wattle.example/about"' in post.html


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(FeedParseError, match="web page, not a feed"):
        parse_feed(
            b"<!DOCTYPE html><html><body>Hi</body></html>",
            "http://x/",
            {"content-type": "text/html"},
        )


@pytest.mark.parametrize(
    "attack",
    [
        # billion laughs
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            b'<!ENTITY %s "%s">'
            % (f"a{i}".encode(), (f"&a{i - 1 if i > 1 else ''};" * 10).encode())
            for i in range(1, 10)
        )
        + b']><rss version="2.0"><channel><title>&a9;</title></channel></rss>',
        # quadratic blow-up
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "' + b"x" * 100_000 + b'">]>'
        b'<rss version="2.0"><channel><title>' + b"&x;" * 100_000 + b"</title></channel></rss>",
    ],
)
def test_entity_expansion_bombs_are_refused_quickly(attack: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(FeedParseError, match="entities"):
        parse_feed(attack, "http://x/feed")
    assert time.perf_counter() - started < 2


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_give_a_feed_or_a_plain_error(body: bytes) -> None:
    try:
        parse_feed(body, "http://x.example/feed")
    except FeedParseError as exc:
        assert str(exc)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<item>",
                "</item>",
                "<title>",
                "</title>",
                "<guid>",
                "</guid>",
                "<![CDATA[",
                "]]>",
                "&amp;",
                "&bogus;",
                "<link>http://x/1</link>",
                "text",
                "<rss version='2.0'>",
                "<channel>",
                "</channel>",
                "</rss>",
                "<?xml version='1.0'?>",
                "\x00",
                "<entry>",
            ]
        ),
        max_size=30,
    )
)
def test_broken_feed_structures_never_crash(parts: list[str]) -> None:
    try:
        feed = parse_feed("".join(parts).encode(), "http://x.example/feed")
    except FeedParseError:
        return
    for entry in feed.entries:
        assert entry.identity and entry.title


def test_a_title_of_only_markup_falls_back_to_the_posts_words() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
        b"<title>&lt;b&gt;&lt;/b&gt;</title><guid>g</guid>"
        b"<description>Our class garden grew</description></item></channel></rss>"
    )
    (post,) = parse_feed(body, "http://x.example/feed").entries
    assert post.title == "Our class garden grew"
