"""What the posts say after a sync: feed formats, encodings, identity, dates and sanitizing.

One network, synced once; then two feeds change (an edited post, a post without a
GUID edited, a new post) and a second sync must update in place, never duplicate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kaizen_exchange.store.db import Store
from tests.integration.cli import (
    EXIT_OK,
    CliRun,
    feed_entry,
    import_network,
    network_toml,
    ok,
    one_post,
    parse_show,
    posts_by_title,
    posts_list,
    run_parallel,
    school_toml,
    show_args,
    show_json,
    sync,
)
from tests.servers.feed_server import ATOM, FeedServer, png_bytes
from tests.servers.feeds import WORDPRESS_GENERATOR, Item, rss

# -- the feeds ----------------------------------------------------------------------------


def wordpress_feed(server: FeedServer) -> str:
    """Items out of date order, dates in three zones; WordPress's namespaces and fields."""
    items = [
        Item(
            title="Rainforest art",
            link=server.url("/wp/rainforest-art/"),
            guid=server.url("/wp/?p=11"),
            published="Mon, 09 Mar 2026 23:30:00 -0500",  # 2026-03-10 04:30 UTC
            description="Short summary only",
            content="<p>Full <strong>rainforest</strong> story.</p>",
            creator="Mrs Patel",
            categories=["Resourceful", "Art"],
        ),
        Item(
            title="Koala maths",
            link=server.url("/wp/koala-maths/"),
            guid=server.url("/wp/?p=12"),
            published="Tue, 10 Mar 2026 09:00:00 +1100",  # 2026-03-09 22:00 UTC
            content="<p>Counting koalas.</p>",
            creator="Mr Nguyen",
            categories=["Resilient"],
        ),
        Item(
            title="Bridge building",
            link=server.url("/wp/bridge-building/"),
            guid=server.url("/wp/?p=13"),
            published="Tue, 10 Mar 2026 08:00:00 GMT",  # newest
            content="<p>Spaghetti bridges.</p>",
            creator="Mrs Patel",
            categories=["Risk-taking", "Science"],
        ),
    ]
    return rss(
        items, title="Greenfield blog", link=server.url("/wp/"), generator=WORDPRESS_GENERATOR
    )


RSS10 = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{base}/rss10/">
    <title>Hillside news (RSS 1.0)</title><link>{base}/rss10/</link>
    <description>RDF site summary</description>
    <items><rdf:Seq><rdf:li rdf:resource="{base}/rss10/kites/"/></rdf:Seq></items>
  </channel>
  <item rdf:about="{base}/rss10/kites/">
    <title>Kite flying in year 4</title><link>{base}/rss10/kites/</link>
    <description>We made kites from bin bags.</description>
    <dc:creator>Ms Okafor</dc:creator><dc:date>2026-03-03T14:00:00+10:30</dc:date>
  </item>
</rdf:RDF>
"""

RSS091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel>
<title>Old school site</title><link>{base}/rss091/</link>
<description>Still on RSS 0.91</description><language>en-au</language>
<item><title>Sports day results</title><link>{base}/rss091/sports-day.html</link>
<description>Blue house won.</description></item>
</channel></rss>
"""

ATOM_XML_BASE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/atomblog/">
  <title>Wattle class</title><id>urn:uuid:wattle</id>
  <link href="." rel="alternate"/><updated>2026-03-06T02:00:00Z</updated>
  <entry xml:base="posts/">
    <title>Gum tree leaves</title>
    <id>urn:uuid:wattle-1</id>
    <link href="gum-tree-leaves" rel="alternate"/>
    <published>2026-03-06T12:00:00+11:00</published><updated>2026-03-06T12:00:00+11:00</updated>
    <author><name>Mrs Wright</name></author>
    <content type="html" xml:base="media/">&lt;p&gt;Leaf rubbings.&lt;/p&gt;&lt;img
      src="leaf.png" alt="leaf"&gt;</content>
  </entry>
</feed>
"""

LATIN1_TITLE = "Les élèves découvrent la forêt"
LATIN1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>École Sainte-Anne</title><link>{base}/latin1/</link>
<description>Français</description>
<item><title>{title}</title><link>{base}/latin1/foret/</link><guid>latin1-1</guid>
<pubDate>Wed, 04 Mar 2026 09:00:00 +0100</pubDate>
<description>Über Wälder, Straßen und Bäche: ça marche.</description></item>
</channel></rss>
"""

PHP_NOTICE = (
    "<br />\n<b>Notice</b>:  Undefined index: page in <b>/var/www/html/wp-content/themes/"
    "kids/functions.php</b> on line <b>12</b><br />\n"
)


def simple_feed(base: str, school: str, title: str) -> str:
    item = Item(
        title=title,
        link=f"{base}/{school}/only/",
        guid=f"{school}-only",
        published="Thu, 05 Mar 2026 09:00:00 +0000",
        description="<p>Plain post.</p>",
    )
    return rss([item], title=school, link=f"{base}/{school}/")


HOSTILE_HTML = """
<p>Hello <b>class</b>, welcome back.</p>
<script>alert('script')</script>
<p onclick="steal()" onmouseover="steal()">Click me</p>
<img src="{base}/img/ok.png" onerror="alert('img')" alt="ok">
<a href="javascript:alert('link')">bad link</a>
<a href="JaVaScRiPt:alert('link2')">bad link 2</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<a href="{base}/fine/">fine link</a>
<iframe src="https://evil.invalid/"></iframe>
<form action="https://evil.invalid/"><input name="q"><button>Go</button></form>
<style>body {{ display: none }}</style>
<p style="position: fixed; top: 0">styled</p>
<object data="movie.swf"></object><embed src="movie.swf">
<svg><script>alert('svg')</script></svg>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ"
  title="Our class song" frameborder="0" allowfullscreen></iframe>
<iframe src="https://player.vimeo.com/video/76979871" width="640" height="360"></iframe>
"""


def edits_feed(base: str, version: int) -> str:
    items = [
        Item(
            title="Trip to the farm" if version == 1 else "Trip to the farm (with photos)",
            link=f"{base}/edits/farm/",
            guid="edits-farm",
            published="Fri, 06 Mar 2026 09:00:00 +0000",
            content="<p>Version one.</p>" if version == 1 else "<p>Version two, edited.</p>",
        ),
        Item(
            title="Reading week",
            link=f"{base}/edits/reading/",
            guid="edits-reading",
            published="Thu, 05 Mar 2026 09:00:00 +0000",
            content="<p>Unchanged.</p>",
        ),
    ]
    if version == 2:
        items.insert(
            0,
            Item(
                title="Brand new post",
                link=f"{base}/edits/new/",
                guid="edits-new",
                published="Sat, 07 Mar 2026 09:00:00 +0000",
                content="<p>New.</p>",
            ),
        )
    return rss(items, title="edits", link=f"{base}/edits/")


def noguid_feed(base: str, version: int) -> str:
    items = [
        Item(
            title="Assembly" if version == 1 else "Assembly (updated)",
            link=f"{base}/noguid/assembly/",
            published="Fri, 06 Mar 2026 10:00:00 +0000",
            description="<p>First words.</p>" if version == 1 else "<p>Second words.</p>",
        ),
        Item(
            title="Choir",
            link=f"{base}/noguid/choir/",
            published="Fri, 06 Mar 2026 08:00:00 +0000",
            description="<p>La la la.</p>",
        ),
    ]
    return rss(items, title="noguid", link=f"{base}/noguid/")


# -- the scenario -------------------------------------------------------------------------

SCHOOLS = {
    "wordpress": "/wp/feed/",
    "rss10": "/rss10/feed.rdf",
    "rss091": "/rss091/feed.xml",
    "atom": "/atomblog/feed.atom",
    "latin1": "/latin1/feed.xml",
    "junk-space": "/junk-space/feed.xml",
    "junk-php": "/junk-php/feed.xml",
    "bom": "/bom/feed.xml",
    "sanitize": "/sanitize/feed.xml",
    "edits": "/edits/feed.xml",
    "noguid": "/noguid/feed.xml",
}


def serve(server: FeedServer) -> None:
    base = server.base_url
    server.feed(SCHOOLS["wordpress"], wordpress_feed(server))
    server.status("/wp/feed/?paged=2", 404, "<html>Not found</html>")
    server.feed(SCHOOLS["rss10"], RSS10.format(base=base), "application/rdf+xml")
    server.feed(SCHOOLS["rss091"], RSS091.format(base=base).encode("latin-1"), "text/xml")
    server.feed(SCHOOLS["atom"], ATOM_XML_BASE.format(base=base), ATOM)
    server.resource("/atomblog/posts/media/leaf.png", png_bytes(3, 3, (0, 128, 0)), "image/png")
    latin1 = LATIN1.format(base=base, title=LATIN1_TITLE).encode("iso-8859-1")
    server.feed(SCHOOLS["latin1"], latin1, "application/rss+xml")
    space = "\n\n   \n" + simple_feed(base, "junk-space", "Blank lines first")
    server.feed(SCHOOLS["junk-space"], space)
    server.feed(SCHOOLS["junk-php"], PHP_NOTICE + simple_feed(base, "junk-php", "PHP said hello"))
    bom = b"\xef\xbb\xbf" + simple_feed(base, "bom", "Byte order mark").encode()
    server.feed(SCHOOLS["bom"], bom)
    hostile = Item(
        title="Hostile HTML",
        link=f"{base}/sanitize/post/",
        guid="sanitize-1",
        published="Thu, 05 Mar 2026 12:00:00 +0000",
        content=HOSTILE_HTML.format(base=base),
    )
    server.feed(SCHOOLS["sanitize"], rss([hostile], title="sanitize", link=f"{base}/sanitize/"))
    server.resource("/img/ok.png", png_bytes(), "image/png")
    server.feed(SCHOOLS["edits"], edits_feed(base, 1))
    server.feed(SCHOOLS["noguid"], noguid_feed(base, 1))


@dataclass
class Scenario:
    server: FeedServer
    data: Path
    first: CliRun
    report: dict[str, Any]
    posts: list[dict[str, Any]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    with FeedServer() as server:
        serve(server)
        data = tmp_path_factory.mktemp("content") / "data"
        schools = [school_toml(s, feeds=[server.url(p)]) for s, p in SCHOOLS.items()]
        import_network(data, network_toml(*schools))
        first, report = sync(data)
        yield Scenario(server, data, first, report, posts_list(data))


@dataclass
class Edited:
    report: dict[str, Any]
    posts: list[dict[str, Any]]


@pytest.fixture(scope="module")
def edited(scenario: Scenario) -> Edited:
    base = scenario.server.base_url
    scenario.server.feed(SCHOOLS["edits"], edits_feed(base, 2))
    scenario.server.feed(SCHOOLS["noguid"], noguid_feed(base, 2))
    _, report = sync(scenario.data)
    return Edited(report, posts_list(scenario.data))


def school_posts(posts: list[dict[str, Any]], school: str) -> list[dict[str, Any]]:
    return [p for p in posts if p["school"] == school]


# -- formats ------------------------------------------------------------------------------


def test_every_feed_synced_gives_exit_status_0(scenario: Scenario) -> None:
    assert scenario.first.returncode == EXIT_OK, scenario.first.describe()
    for school in SCHOOLS:
        entry = feed_entry(scenario.report, school)
        assert entry["status"] == "ok", entry
        assert entry["http_status"] == 200, entry
    assert scenario.report["errors"] in (0, []), scenario.report


@pytest.mark.parametrize(
    ("school", "title"),
    [
        ("rss10", "Kite flying in year 4"),
        ("rss091", "Sports day results"),
        ("atom", "Gum tree leaves"),
        ("latin1", LATIN1_TITLE),
        ("junk-space", "Blank lines first"),
        ("junk-php", "PHP said hello"),
        ("bom", "Byte order mark"),
    ],
)
def test_feed_format_is_read(scenario: Scenario, school: str, title: str) -> None:
    posts = school_posts(scenario.posts, school)
    assert [p["title"] for p in posts] == [title], posts


@dataclass
class Shown:
    wordpress: dict[str, Any]
    latin1: dict[str, Any]
    hostile_html: str
    hostile: dict[str, Any]


@pytest.fixture(scope="module")
def shown(scenario: Scenario) -> Shown:
    """The posts shown by several tests, read side by side (start-up costs a second each)."""
    ids = [one_post(scenario.posts, t)["id"] for t in ("Rainforest art", LATIN1_TITLE)]
    hostile = one_post(scenario.posts, "Hostile HTML")["id"]
    wordpress, latin1, html, as_json = run_parallel(
        (scenario.data, show_args(ids[0])),
        (scenario.data, show_args(ids[1])),
        (scenario.data, show_args(hostile, "--html")),
        (scenario.data, show_args(hostile)),
    )
    return Shown(parse_show(wordpress), parse_show(latin1), ok(html).stdout, parse_show(as_json))


def test_wordpress_fields(scenario: Scenario, shown: Shown) -> None:
    post = one_post(scenario.posts, "Rainforest art")
    assert post["school"] == "wordpress"
    assert post["author"] == "Mrs Patel"
    assert sorted(post["categories"]) == ["Art", "Resourceful"]
    assert post["url"] == scenario.server.url("/wp/rainforest-art/")
    assert "rainforest</strong> story" in shown.wordpress["html"], (
        "content:encoded was not preferred"
    )


def test_rss10_and_atom_authors(scenario: Scenario) -> None:
    assert one_post(scenario.posts, "Kite flying in year 4")["author"] == "Ms Okafor"
    assert one_post(scenario.posts, "Gum tree leaves")["author"] == "Mrs Wright"


def test_posts_are_newest_first_with_utc_iso_dates(scenario: Scenario) -> None:
    stamps = []
    for post in scenario.posts:
        when = datetime.fromisoformat(post["published"])
        offset = when.utcoffset()
        assert offset is not None and offset.total_seconds() == 0, post
        stamps.append(when)
    assert stamps == sorted(stamps, reverse=True)
    expected = {
        "Bridge building": datetime(2026, 3, 10, 8, 0, tzinfo=UTC),
        "Rainforest art": datetime(2026, 3, 10, 4, 30, tzinfo=UTC),
        "Koala maths": datetime(2026, 3, 9, 22, 0, tzinfo=UTC),
        "Kite flying in year 4": datetime(2026, 3, 3, 3, 30, tzinfo=UTC),
        "Gum tree leaves": datetime(2026, 3, 6, 1, 0, tzinfo=UTC),
        LATIN1_TITLE: datetime(2026, 3, 4, 8, 0, tzinfo=UTC),
    }
    for title, when in expected.items():
        assert datetime.fromisoformat(one_post(scenario.posts, title)["published"]) == when, title


def test_atom_xml_base_resolves_links_and_images(scenario: Scenario) -> None:
    post = one_post(scenario.posts, "Gum tree leaves")
    assert post["url"] == scenario.server.url("/atomblog/posts/gum-tree-leaves")
    assert scenario.server.requests_to("/atomblog/posts/media/leaf.png"), (
        "the xml:base-relative image was not fetched from its resolved URL: "
        f"{sorted({r.path for r in scenario.server.requests})}"
    )


def test_latin1_text_is_decoded(shown: Shown) -> None:
    assert "Über Wälder, Straßen und Bäche: ça marche." in shown.latin1["html"]


# -- sanitizing ---------------------------------------------------------------------------

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "input", "button", "style"}


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(html: str) -> _Audit:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser


def assert_clean(html: str) -> None:
    found = audit(html)
    assert not FORBIDDEN_TAGS & set(found.tags), sorted(FORBIDDEN_TAGS & set(found.tags))
    for tag, name, value in found.attrs:
        assert not name.startswith("on"), f"<{tag} {name}=…> kept"
        assert name != "style", f"<{tag} style=…> kept"
        squashed = "".join(value.split()).lower()
        if name in ("href", "src", "action", "formaction", "xlink:href"):
            assert not squashed.startswith(("javascript:", "data:", "vbscript:")), (tag, value)
    text = "".join(found.text)
    assert "alert(" not in text and "display: none" not in text, text


def test_show_html_is_sanitized(shown: Shown) -> None:
    assert "welcome back" in shown.hostile_html
    assert_clean(shown.hostile_html)


def test_show_json_html_is_sanitized(shown: Shown) -> None:
    html = shown.hostile["html"]
    assert "welcome back" in html
    assert_clean(html)
    assert "fine link" in html


@pytest.mark.parametrize(("host", "video"), [("youtube", "dQw4w9WgXcQ"), ("vimeo", "76979871")])
def test_video_embed_becomes_a_plain_link(shown: Shown, host: str, video: str) -> None:
    links = [v for t, n, v in audit(shown.hostile["html"]).attrs if t == "a" and n == "href"]
    assert any(host in link and video in link for link in links), links


# -- identity -----------------------------------------------------------------------------


def test_edited_post_is_updated_in_place(scenario: Scenario, edited: Edited) -> None:
    entry = feed_entry(edited.report, "edits")
    assert entry["status"] == "ok", entry
    assert (entry["new"], entry["updated"]) == (1, 1), entry
    posts = school_posts(edited.posts, "edits")
    assert sorted(p["title"] for p in posts) == [
        "Brand new post",
        "Reading week",
        "Trip to the farm (with photos)",
    ]
    before = one_post(scenario.posts, "Trip to the farm")
    after = one_post(edited.posts, "Trip to the farm (with photos)")
    assert after["id"] == before["id"], "the edited post got a new id"
    shown = show_json(scenario.data, after["id"])
    assert "Version two, edited." in shown["html"] and "Version one" not in shown["html"]


def test_search_finds_an_edited_post_by_its_new_words_only(
    scenario: Scenario, edited: Edited
) -> None:
    def found(words: str) -> list[str]:
        return [
            p["title"] for p in posts_list(scenario.data, "--school", "edits", "--search", words)
        ]

    assert found("version two edited") == ["Trip to the farm (with photos)"]
    assert found("photos") == ["Trip to the farm (with photos)"]
    assert found("version one") == []
    assert found("brand new") == ["Brand new post"]
    store = Store(scenario.data)
    try:
        assert store.integrity_ok()  # the index holds exactly the stored posts' words
    finally:
        store.close()


def test_post_without_guid_is_identified_by_its_link(scenario: Scenario, edited: Edited) -> None:
    entry = feed_entry(edited.report, "noguid")
    assert (entry["new"], entry["updated"]) == (0, 1), entry
    posts = school_posts(edited.posts, "noguid")
    assert sorted(p["title"] for p in posts) == ["Assembly (updated)", "Choir"]
    before = one_post(scenario.posts, "Assembly")
    assert one_post(edited.posts, "Assembly (updated)")["id"] == before["id"]


def test_unchanged_feeds_add_nothing_on_the_second_sync(scenario: Scenario, edited: Edited) -> None:
    assert edited.report["new_posts"] == 1, edited.report
    assert edited.report["updated_posts"] == 2, edited.report
    titles = posts_by_title(edited.posts)
    duplicated = {t: len(p) for t, p in titles.items() if len(p) > 1}
    assert not duplicated, duplicated
    assert len(edited.posts) == len(scenario.posts) + 1


def test_posts_list_is_json_with_the_contract_fields(scenario: Scenario) -> None:
    post = one_post(scenario.posts, "Koala maths")
    assert isinstance(post["id"], (int, str))
    assert post["read"] is False
    assert isinstance(post["categories"], list)
    json.dumps(post)  # plain JSON values only


def test_no_head_requests(scenario: Scenario) -> None:
    assert scenario.server.methods() == {"GET"}
