"""Sharing a post: the "check and prepare" half (issue 13), against baselines of the same run.

Generates what a class shares from a phone: 10 photos of 12 megapixels (4000×3000
JPEG with GPS EXIF and XMP) and a 50 MB H.264 MP4 with location metadata. Then
measures, each the median of a few runs:

- photos: ``check_draft`` + ``prepare_draft`` (re-encoded, metadata gone, ≤ 2048 px),
  with the photo workers the app uses (2) and with one, against the baseline of
  Pillow's plain ``open`` + ``save`` of the same photos, one after the other;
- the video: its check + the remux, against a plain file copy of it.

Targets: photos < 3 s on 2 cores, the video remux < 2 s.
The upload half (bench/_share_upload.py): the prepared files uploaded to a local real
WordPress (tests/wordpress, as root) as publishing does it, against a bare httpx upload
of the same bytes in the same run; target <= 1.2x. ``--no-upload`` leaves it out.

Run: ``.venv/bin/python -m bench.share [--photos 10] [--video-mb 50] [--runs 3]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from kaizen_exchange.sharing import prepare
from kaizen_exchange.sharing.checks import check_draft
from kaizen_exchange.sharing.drafts import Draft, create_draft, new_file
from kaizen_exchange.store.db import Store
from tests.helpers.media_files import phone_photo, phone_video

Figure = tuple[float, float]  # wall-clock and CPU seconds
VIDEO_SIZE = (960, 540)


def median_seconds(run: Callable[[], object], times: int) -> tuple[float, float]:
    """The median wall-clock and CPU seconds (this process, all threads) of ``run``.

    CPU time shows the work itself when other programs share the cores (wall time then
    grows with the machine's load; ``os.getloadavg`` is printed beside the figures).
    """
    wall, cpu = [], []
    for _ in range(times):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def make_files(folder: Path, photos: int, video_mb: int) -> tuple[list[Path], Path]:
    """Phone photos and a phone video, generated (GPS and device metadata included)."""
    made = [
        phone_photo(folder / f"IMG_{n:04d}.jpg", (4000, 3000), orientation=1, detailed=True)
        for n in range(photos)
    ]
    frame_bytes = VIDEO_SIZE[0] * VIDEO_SIZE[1] * 4.1  # lossless 4:4:4 noise, as measured
    frames = max(2, round(video_mb * 1_000_000 / frame_bytes))
    video = phone_video(
        folder / "IMG_0100.mp4", size=VIDEO_SIZE, frames=frames, lossless_noise=True
    )
    return made, video


def measure_photos(store: Store, draft: Draft, work: Path, runs: int) -> dict[str, Figure]:
    def check_and_prepare(workers: int) -> None:
        prepare.PHOTO_WORKERS = workers
        check_draft(store, draft)
        prepare.prepare_draft(draft, work / f"w{workers}")

    def baseline() -> None:
        for file in draft.files:
            with Image.open(file.path) as image:
                image.save(work / "plain.jpg", "JPEG")

    return {
        "app_2_workers": median_seconds(lambda: check_and_prepare(2), runs),
        "app_1_worker": median_seconds(lambda: check_and_prepare(1), runs),
        "baseline_open_save": median_seconds(baseline, runs),
    }


def measure_video(store: Store, draft: Draft, work: Path, runs: int) -> dict[str, Figure]:
    [video] = draft.files

    def check_and_remux() -> None:
        check_draft(store, draft)
        prepare.prepare_file(draft.id, video, work)

    return {
        "app_check_remux": median_seconds(check_and_remux, runs),
        "baseline_copy": median_seconds(lambda: shutil.copyfile(video.path, work / "c.mp4"), runs),
    }


def report(photos: dict[str, Figure], video: dict[str, Figure], count: int, mb: float) -> None:
    def line(label: str, figure: Figure, base: Figure | None, target: float | None) -> str:
        wall, cpu = figure
        ratio = f"{wall / base[0]:4.1f}× baseline" if base else " " * 13
        verdict = "" if target is None else ("PASS" if wall < target else "MISS")
        goal = f"target < {target:.0f} s {verdict}" if target else ""
        return f"{label:<40} {wall:6.2f} s (CPU {cpu:5.2f} s)  {ratio}  {goal}".rstrip()

    print(f"{count} photos of 12 MP and a {mb:.0f} MB video; load average {os.getloadavg()[0]:.1f}")
    base = photos["baseline_open_save"]
    print(line("photos: Pillow open + save (baseline)", base, None, None))
    print(line("photos: check + prepare, 2 workers (app)", photos["app_2_workers"], base, 3.0))
    print(line("photos: check + prepare, 1 worker", photos["app_1_worker"], base, None))
    copy = video["baseline_copy"]
    print(line("video: file copy (baseline)", copy, None, None))
    print(line("video: check + remux (app)", video["app_check_remux"], copy, 2.0))


def upload_report(ready: list[prepare.PreparedFile], state: Path, runs: int) -> None:
    """The upload half, when this machine can run the local WordPress (see tests/wordpress)."""
    from bench._share_upload import Upload, measure_upload
    from tests.wordpress.packages import missing_prerequisites
    from tests.wordpress.server import WordPressSite

    missing = missing_prerequisites()
    if missing:
        print(f"upload: skipped, no local WordPress here ({'; '.join(missing)})")
        return
    files = [Upload(p.path, p.upload_name, p.mime, p.alt) for p in ready]
    with WordPressSite(state, posts=1) as site:
        figures = measure_upload(site.base_url, site.auth, files, rounds=runs)
    print("\n".join(figures.lines()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--video-mb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-upload", action="store_true", help="no local WordPress upload")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kaizen-bench-share-") as temp:
        folder = Path(temp)
        photos, video = make_files(folder, args.photos, args.video_mb)
        store = Store(folder / "data")
        try:
            photo_draft = create_draft(
                store, title="Art week", text="Our paintings",
                files=[new_file("image", p, "A painting") for p in photos],
            )  # fmt: skip
            for file in photo_draft.files:
                file.pupils_confirmed = True
            video_draft = create_draft(
                store, title="Trip", text="Our trip", files=[new_file("video", video)]
            )
            figures: dict[str, Any] = {
                "photos": measure_photos(store, photo_draft, folder, args.runs),
                "video": measure_video(store, video_draft, folder, args.runs),
            }
            ready = [
                *prepare.prepare_draft(photo_draft, folder / "ready"),
                *prepare.prepare_draft(video_draft, folder / "ready"),
            ]
        finally:
            store.close()
        report(figures["photos"], figures["video"], args.photos, video.stat().st_size / 1e6)
        if not args.no_upload:
            upload_report(ready, folder / "wordpress", args.runs)


if __name__ == "__main__":
    main()
