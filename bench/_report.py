"""The benchmark's table: figures, ratios against the targets of issue 2, PASS or MISS."""

from __future__ import annotations

from typing import Any

TARGET_SPEEDUP = 5.0  # (b) at least 5x faster than (a)
TARGET_MEDIA_RATIO = 1.25  # (c) within 1.25x of the bare loop
TARGET_WARM_SECONDS = 2.0  # (d)
TARGET_RSS_MB = 300.0  # (e)
TARGET_COMMENTS_RATIO = 1.3  # (b) with comments within 1.3x of (b0) without (issue 14)


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def _num(value: Any, unit: str = "s", digits: int = 2) -> str:
    return f"{value:.{digits}f} {unit}" if isinstance(value, int | float) else "—"


def results_of(figures: dict[str, Any]) -> dict[str, Any]:
    """The ratios against the targets."""
    a = figures["a_baseline"]["seconds"]
    bare = figures["c_bare_seconds"]
    b = figures.get("b_cold", {}).get("wall_seconds")
    b_in = figures.get("b_cold", {}).get("seconds")
    m = figures.get("c_media_phase", {}).get("seconds")
    d = figures.get("d_warm", {}).get("wall_seconds")
    rss = figures.get("e_peak_rss_mb")
    b0 = figures.get("b0_cold_without_comments", {}).get("wall_seconds")
    comments_ratio = b / b0 if b and b0 else None
    speedup = a / b if b else None
    media_ratio = m / bare if m is not None and bare else None
    return {
        "b_speedup": speedup,
        "b_speedup_in_app": a / b_in if isinstance(b_in, int | float) and b_in else None,
        "c_media_ratio": media_ratio,
        "b_comments_ratio": comments_ratio,
        "d_warm_seconds": d,
        "e_peak_rss_mb": rss,
        "pass": {
            "b": None if speedup is None else speedup >= TARGET_SPEEDUP,
            "b_comments": None
            if comments_ratio is None
            else comments_ratio <= TARGET_COMMENTS_RATIO,
            "c": None if media_ratio is None else media_ratio <= TARGET_MEDIA_RATIO,
            "d": None if d is None else d < TARGET_WARM_SECONDS,
            "e": None if rss is None else rss < TARGET_RSS_MB,
        },
    }


def report(figures: dict[str, Any]) -> dict[str, Any]:
    """Print the table; return the results (ratios and verdicts) for the JSON file."""
    results = results_of(figures)
    ok = results["pass"]
    corpus, limits = figures["corpus"], figures["limits"]
    cold = figures.get("b_cold", {})
    media_sync = figures.get("c_media_sync", {})
    media = figures.get("c_media_phase", {})
    warm = figures.get("d_warm", {})
    bare = min(figures["c_bare"], key=lambda b: b["seconds"])
    speedup, speedup_in = results["b_speedup"], results["b_speedup_in_app"]
    ratio, rss = results["c_media_ratio"], results["e_peak_rss_mb"]
    phases = cold.get("phases") or {}
    rows: list[tuple[str, str, str, str, str]] = [
        (
            "(a) baseline: sequential httpx.get + feedparser.parse",
            _num(figures["a_baseline"]["seconds"]),
            _num(figures["a_baseline"]["cpu_seconds"]),
            "",
            "",
        ),
        (
            "    of which httpx.get / feedparser.parse",
            f"{figures['a_baseline']['fetch_seconds']:.1f} / "
            f"{figures['a_baseline']['parse_seconds']:.1f} s",
            "",
            "",
            "",
        ),
        (
            "(b) cold sync --no-media, whole process",
            _num(cold.get("wall_seconds")),
            _num(cold.get("cpu_seconds")),
            f">= {TARGET_SPEEDUP:.0f}x (a)",
            f"{speedup:.1f}x {verdict(ok['b'])}" if speedup else "n/a",
        ),
        (
            "    in-process run_sync ('seconds' of the report)",
            _num(cold.get("seconds")),
            "",
            "",
            f"{speedup_in:.1f}x" if speedup_in else "",
        ),
        ("    of which the feeds phase", _num(phases.get("feeds")), "", "", ""),
        (
            "(b0) the same cold sync before the blogs had comments",
            _num(figures.get("b0_cold_without_comments", {}).get("wall_seconds")),
            _num(figures.get("b0_cold_without_comments", {}).get("cpu_seconds")),
            f"(b) <= {TARGET_COMMENTS_RATIO}x",
            f"{results['b_comments_ratio']:.2f}x {verdict(ok['b_comments'])}"
            if results["b_comments_ratio"]
            else "n/a",
        ),
        (
            "(c) media phase [" + str(media.get("source", "n/a")) + "]",
            _num(media.get("seconds")),
            "",
            "",
            "",
        ),
        (
            f"    bare httpx loop ({limits['per_host']}/host, {limits['total']} overall), best of "
            f"{len(figures['c_bare'])}",
            _num(bare["seconds"]),
            _num(bare["cpu_seconds"]),
            f"<= {TARGET_MEDIA_RATIO}x",
            f"{ratio:.2f}x {verdict(ok['c'])}" if ratio else "n/a",
        ),
        (
            "    media sync, whole process",
            _num(media_sync.get("wall_seconds")),
            _num(media_sync.get("cpu_seconds")),
            "",
            "",
        ),
        (
            "(d) warm sync (all 304), whole process",
            _num(warm.get("wall_seconds")),
            _num(warm.get("cpu_seconds")),
            f"< {TARGET_WARM_SECONDS:.0f} s",
            verdict(ok["d"]),
        ),
        ("    in-process run_sync", _num(warm.get("seconds")), "", "", ""),
        (
            "(e) peak RSS of the sync processes (tree)",
            _num(rss, "MB", 0),
            "",
            f"< {TARGET_RSS_MB:.0f} MB",
            verdict(ok["e"]),
        ),
    ]
    print()
    print(
        f"Kaizen Exchange sync benchmark: {corpus['feeds']} feeds x "
        f"{corpus['posts'] // max(1, corpus['feeds'])} posts on {corpus['hosts']} hosts, "
        f"{corpus['images']} images ({corpus['image_mb']} MB), feeds {corpus['feed_mb']} MB, "
        f"{corpus.get('comments', 0)} comments ({corpus.get('comment_feed_mb', 0)} MB); "
        f"{corpus['cpus']} CPUs, Python {corpus['python']}, load average "
        f"{corpus['loadavg_before'][0]} before, {corpus.get('loadavg_after', ['?'])[0]} after"
    )
    headers = ("", "wall", "CPU", "target", "result")
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(5)]
    for row in [headers, *rows]:
        print(
            f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}  "
            f"{row[3]:<{widths[3]}}  {row[4]}".rstrip()
        )
    failed = [n for n, c in figures["checks"].items() if not c["ok"]]
    print(
        f"checks: {len(figures['checks']) - len(failed)} ok"
        + (f", FAILED: {', '.join(failed)}" if failed else "")
    )
    return results


__all__ = ["report", "results_of"]
