"""The upload half of bench/share.py: prepared files to the local WordPress, against a bare
httpx upload of the same bytes in the same run.

The app's figure is the whole upload step of publishing as :mod:`deliver` runs it: one
look for earlier copies (``GET /wp/v2/media?slug=a,b,…``, what makes it exactly-once),
then each file's upload with its slug and alt text. The baseline is the least any client
can do: one ``POST /wp/v2/media`` per file with the same bytes, on one connection.
Both make WordPress do the same work (an attachment and its sub-sizes), so the ratio
is the app's own overhead. Rounds alternate which goes first.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from kaizen_exchange.publishing import remote
from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.client import WordPress
from kaizen_exchange.publishing.outbox import new_token


@dataclass(frozen=True)
class Upload:
    path: Path
    name: str  # the generated upload name
    mime: str
    alt: str = "A picture of our class's work"


@dataclass(frozen=True)
class UploadFigures:
    files: int
    megabytes: float
    app_seconds: float
    bare_seconds: float

    @property
    def ratio(self) -> float:
        return self.app_seconds / self.bare_seconds

    def lines(self) -> list[str]:
        return [
            f"upload of {self.files} prepared files ({self.megabytes:.1f} MB) to the local "
            "WordPress (median of the rounds):",
            f"  app (look for an earlier copy, then upload with slug and alt) "
            f"{self.app_seconds:6.2f} s",
            f"  baseline: bare httpx POST /wp/v2/media of the same bytes  "
            f"{self.bare_seconds:6.2f} s",
            f"  ratio {self.ratio:.2f}x (target <= 1.2x)",
        ]


def _app(site_url: str, auth: tuple[str, str], files: Sequence[Upload]) -> float:
    start = time.perf_counter()
    with WordPress(Account(site_url, auth[0]), auth[1]) as site:
        slugs = [new_token() for _ in files]
        on_site = remote.find_media(site, slugs)
        for slug, upload in zip(slugs, files, strict=True):
            if slug not in on_site:
                remote.upload_media(
                    site,
                    upload.path,
                    slug=slug,
                    name=upload.name,
                    mime=upload.mime,
                    alt=upload.alt,
                    caption="",
                )
    return time.perf_counter() - start


def _bare(site_url: str, auth: tuple[str, str], files: Sequence[Upload]) -> float:
    start = time.perf_counter()
    with httpx.Client(auth=auth, timeout=300, trust_env=False) as client:
        for upload in files:
            response = client.post(
                f"{site_url}/wp-json/wp/v2/media",
                content=upload.path.read_bytes(),
                headers={
                    "Content-Type": upload.mime,
                    "Content-Disposition": f'attachment; filename="{upload.name}"',
                },
            )
            response.raise_for_status()
    return time.perf_counter() - start


def measure_upload(
    site_url: str, auth: tuple[str, str], files: Sequence[Upload], rounds: int = 3
) -> UploadFigures:
    app: list[float] = []
    bare: list[float] = []
    for n in range(rounds):
        if n % 2:
            bare.append(_bare(site_url, auth, files))
            app.append(_app(site_url, auth, files))
        else:
            app.append(_app(site_url, auth, files))
            bare.append(_bare(site_url, auth, files))
    return UploadFigures(
        files=len(files),
        megabytes=sum(f.path.stat().st_size for f in files) / 1e6,
        app_seconds=statistics.median(app),
        bare_seconds=statistics.median(bare),
    )


__all__ = ["Upload", "UploadFigures", "measure_upload"]
