"""A class ready to publish to the test WordPress: account, class list, drafts with phone
photos and a phone video, and the app run as a process that a test may kill."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.media_files import phone_photo, phone_video
from tests.helpers.publishing import account_set, check_json
from tests.integration.cli import REPO, CliRun, cli_env, ok, run_cli
from tests.wordpress.server import WordPressSite

CLASS = "Willow Class"
ROSTER = (
    "first_name,last_name,photo_consent,name_consent\n"
    "Amelia,Hartley,yes,yes\nNoah,Pemberton,yes,yes\nOlivia,Fairbrother,yes,no\n"
)


@dataclass
class Classroom:
    """One teacher's data folder, with the account set and the class list imported."""

    site: WordPressSite
    data: Path
    files: Path

    @classmethod
    def make(cls, site: WordPressSite, folder: Path, *, contributor: bool = False) -> Classroom:
        room = cls(site, folder / "data", folder / "files")
        room.files.mkdir(parents=True, exist_ok=True)
        user, password = site.contributor_auth if contributor else site.auth
        check_json(account_set(room.data, site.base_url, user, password))
        roster = room.files / "willow.csv"
        roster.write_text(ROSTER)
        ok(room.run("roster", "import", str(roster), "--class", CLASS))
        return room

    def run(self, *args: str, **kwargs: Any) -> CliRun:
        return run_cli(self.data, *args, **kwargs)

    def draft(
        self, title: str, text: str, *, photos: int = 0, video: bool = False, marked: str = ""
    ) -> int:
        """A draft with phone photos (GPS EXIF) named like a phone names them, and a video."""
        args = ["share", "draft", "--title", title, "--text", text, "--class", CLASS]
        args += ["--tag", "Resilient", "--tag", "Kaizen tests", "--json"]
        for n in range(1, photos + 1):
            path = phone_photo(self.files / f"IMG_{n:04d}.JPG", (320, 240), detailed=True)
            args += ["--image", f"{path}=Bean tower number {n} made of paper cups"]
        if video:
            args += ["--video", str(phone_video(self.files / "IMG_0100.MOV.mp4"))]
        draft_id = int(ok(self.run(*args)).json()["id"])
        for n in range(1, photos + 1):
            who = ["--pupil", marked] if n == 1 and marked else ["--nobody"]
            ok(self.run("share", "mark", str(draft_id), "--photo", str(n), *who))
        return draft_id

    def publish(self, draft_id: int, *extra: str) -> CliRun:
        return self.run("share", "publish", str(draft_id), "--json", *extra, timeout=180)

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        """The app as a background process (to be killed mid-publish)."""
        return subprocess.Popen(
            [sys.executable, "-m", "kaizen_exchange", "--data-dir", str(self.data), *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=cli_env(),
            cwd=REPO,
        )


def wait_for(condition: Any, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def posts_titled(site: WordPressSite, title: str) -> list[dict[str, Any]]:
    return [p for p in site.site_posts() if p["title"] == title]


def media_of(site: WordPressSite, post: dict[str, Any]) -> list[dict[str, Any]]:
    """The site's media items whose address appears in the post's content."""
    return [m for m in site.site_media() if m["url"] and m["url"] in post["content"]]


__all__ = ["CLASS", "Classroom", "media_of", "posts_titled", "wait_for"]
