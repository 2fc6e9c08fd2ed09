"""The network file and OPML through the command line: refusals, idempotence, round trips."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli import (
    EXIT_USAGE,
    POSTS_LIST,
    CliRun,
    import_network,
    network_toml,
    ok,
    parse_posts,
    posts_list,
    run_cli,
    run_parallel,
    school_toml,
    sync,
)
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss

TERMS = 'terms = [ { name = "Autumn 2026", start = 2026-09-03, end = 2026-12-18 } ]'


def school_feed(server: FeedServer, school: str) -> str:
    items = [
        Item(
            title=f"{school} news {n}",
            link=server.url(f"/{school}/news-{n}/"),
            guid=f"{school}-news-{n}",
            published=f"Mon, 0{n + 1} Mar 2026 09:00:00 +0000",
            description="<p>News.</p>",
        )
        for n in (1, 2)
    ]
    return rss(items, title=f"{school} blog", link=server.url(f"/{school}/"))


def good_network(server: FeedServer) -> str:
    return network_toml(
        school_toml(
            "greenfield",
            name="Greenfield Primary",
            feeds=[server.url("/greenfield/feed.xml")],
            extra=f'subdivision = "ENG"\n{TERMS}',
        ),
        school_toml(
            "wattle",
            name="Wattle Public School",
            country="AU",
            timezone="Australia/Sydney",
            feeds=[server.url("/wattle/feed.xml"), server.url("/wattle/news.xml")],
            extra='subdivision = "NSW"\nday = { start = "08:50", end = "15:00" }',
        ),
    )


def serve(server: FeedServer) -> None:
    server.feed("/greenfield/feed.xml", school_feed(server, "greenfield"))
    server.feed("/wattle/feed.xml", school_feed(server, "wattle"))
    server.feed("/wattle/news.xml", school_feed(server, "wattle-news"))
    server.feed("/newcomer/feed.xml", school_feed(server, "newcomer"))


@dataclass
class Baseline:
    server: FeedServer
    data: Path
    posts: list[dict[str, Any]]
    export: str


def export_network(data: Path, name: str) -> str:
    target = data.parent / name
    ok(run_cli(data, "network", "export", str(target)))
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Baseline]:
    with FeedServer() as server:
        serve(server)
        data = tmp_path_factory.mktemp("network") / "data"
        import_network(data, good_network(server))
        sync(data)
        posts = posts_list(data)
        assert len(posts) == 6, posts
        yield Baseline(server, data, posts, export_network(data, "before.toml"))


CASES = ("toml-syntax", "unknown-zone", "duplicate-id", "end-before-start")


def bad_file(server: FeedServer, case: str) -> tuple[str, list[str]]:
    """The file text and the words its refusal must contain.

    Each file also adds a school and renames one, both named after the case, so a
    half-applied import would show in the export and say which file did it.
    """
    renamed = school_toml(
        "greenfield", name=f"Renamed by {case}", feeds=[server.url("/greenfield/feed.xml")]
    )
    added = school_toml(f"new-{case}", feeds=[server.url("/newcomer/feed.xml")])
    wattle = school_toml(
        "wattle", country="AU", timezone="Australia/Sydney", feeds=[server.url("/wattle/feed.xml")]
    )
    if case == "toml-syntax":
        text = network_toml(renamed, added, wattle)
        text = text.replace('name = "Wattle School"', 'name = "Wattle School')
        line = next(n for n, row in enumerate(text.splitlines(), 1) if "Wattle School" in row)
        return text, [f"line {line}"]
    if case == "unknown-zone":
        zoned = wattle.replace("Australia/Sydney", "Mars/Base")
        return network_toml(renamed, added, zoned), ["Mars/Base", "wattle"]
    if case == "duplicate-id":
        twin = wattle.replace("Wattle School", "Wattle Twin")
        return network_toml(renamed, added, wattle, twin), ["wattle"]
    term = 'terms = [ { name = "Term 1 2027", start = 2027-04-09, end = 2027-01-28 } ]\n'
    return network_toml(renamed, added, wattle + term), ["Term 1 2027", "wattle"]


@dataclass
class Refusals:
    runs: dict[str, CliRun]
    posts: list[dict[str, Any]]
    export: str


@pytest.fixture(scope="module")
def refusals(baseline: Baseline) -> Refusals:
    """Every bad file is offered (side by side), then the store is read back once."""
    paths = {}
    for case in CASES:
        text, _ = bad_file(baseline.server, case)
        paths[case] = baseline.data.parent / f"{case}.toml"
        paths[case].write_text(text, encoding="utf-8")
    runs = run_parallel(*((baseline.data, ("network", "import", str(paths[c]))) for c in CASES))
    target = baseline.data.parent / "after.toml"
    listed, exported = run_parallel(
        (baseline.data, POSTS_LIST), (baseline.data, ("network", "export", str(target)))
    )
    ok(exported)
    return Refusals(dict(zip(CASES, runs, strict=True)), parse_posts(listed), target.read_text())


@pytest.mark.parametrize("case", CASES)
def test_bad_network_file_is_refused_naming_the_problem(
    baseline: Baseline, refusals: Refusals, case: str
) -> None:
    run = refusals.runs[case]
    assert run.returncode == EXIT_USAGE, run.describe()
    message = run.stderr + run.stdout
    assert f"{case}.toml" in message, f"the refusal does not name the file\n{run.describe()}"
    for word in bad_file(baseline.server, case)[1]:
        assert word.lower() in message.lower(), f"the refusal lacks {word!r}\n{run.describe()}"
    assert "Traceback" not in message, run.describe()
    assert f"new-{case}" not in refusals.export and f"by {case}" not in refusals.export, (
        f"the refused file {case}.toml changed the store:\n{refusals.export}"
    )


def test_refused_files_leave_the_store_as_it_was(baseline: Baseline, refusals: Refusals) -> None:
    assert refusals.posts == baseline.posts
    assert refusals.export == baseline.export


def test_network_import_twice_changes_nothing(baseline: Baseline, refusals: Refusals) -> None:
    """The baseline store imported the good file once; importing it again changes nothing."""
    import_network(baseline.data, good_network(baseline.server), "network-again.toml")
    target = baseline.data.parent / "after-second-import.toml"
    listed, exported = run_parallel(
        (baseline.data, POSTS_LIST), (baseline.data, ("network", "export", str(target)))
    )
    ok(exported)
    assert target.read_text(encoding="utf-8") == baseline.export
    assert parse_posts(listed) == baseline.posts
    for word in ("greenfield", "wattle", "Australia/Sydney", "Autumn 2026", "08:50"):
        assert word in baseline.export, baseline.export


# -- OPML -----------------------------------------------------------------------------------


def opml_feeds(path: Path) -> set[str]:
    root = ET.parse(path).getroot()
    assert root.tag == "opml", root.tag
    return {o.attrib["xmlUrl"] for o in root.iter("outline") if "xmlUrl" in o.attrib}


def test_opml_export_import_round_trip(baseline: Baseline, tmp_path: Path) -> None:
    server = baseline.server
    exported = tmp_path / "feeds.opml"
    ok(run_cli(baseline.data, "feeds", "export-opml", str(exported)))
    expected = {
        server.url(p) for p in ("/greenfield/feed.xml", "/wattle/feed.xml", "/wattle/news.xml")
    }
    assert opml_feeds(exported) == expected

    fresh = tmp_path / "fresh"
    ok(run_cli(fresh, "feeds", "import-opml", str(exported)))
    again = tmp_path / "again.opml"
    ok(run_cli(fresh, "feeds", "export-opml", str(again)))
    assert opml_feeds(again) == expected
    _, report = sync(fresh)
    assert {e["url"] for e in report["feeds"]} == expected
    assert all(e["status"] == "ok" for e in report["feeds"]), report
    assert report["new_posts"] == 6, report
