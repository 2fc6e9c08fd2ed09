"""Phone videos made ready for the web: the same pictures and sound, no metadata at all.

Phones write where and on what a video was made in its container (QuickTime keys
such as com.apple.quicktime.location.ISO6709, the ©xyz user-data atom, make, model,
software, creation dates) and sometimes in a timed-metadata track. The video is
remuxed into a fresh MP4 without re-encoding: only the video and audio packets are
copied, so nothing else of the original's container follows, and it takes about as
long as copying the file. ``+bitexact`` also keeps FFmpeg's own "encoder" tag out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av

from kaizen_exchange.errors import BadInput

#: Stream types copied; data tracks (Apple's location track among them) are dropped.
COPIED = ("video", "audio")


def clean_video(source: Path, target_stem: Path) -> tuple[Path, str]:
    """Write the web copy of ``source`` as ``target_stem``.mp4; (path, mime)."""
    target = target_stem.with_suffix(".mp4")
    try:
        _remux(source, target)
    except (av.FFmpegError, ValueError) as exc:
        target.unlink(missing_ok=True)
        raise BadInput(
            f"{source.name} could not be copied as an MP4 video; open it on this PC to "
            "check it plays, or export it again as MP4."
        ) from exc
    return target, "video/mp4"


def _remux(source: Path, target: Path) -> None:
    with av.open(str(source)) as inp:
        wanted = [s for s in inp.streams if s.type in COPIED]
        if not any(s.type == "video" for s in wanted):
            raise ValueError("no video stream")
        options = {"movflags": "+faststart", "fflags": "+bitexact"}
        with av.open(str(target), "w", format="mp4", options=options) as out:
            mapping: dict[int, Any] = {}
            for stream in wanted:
                copy = out.add_stream_from_template(stream)
                copy.metadata.clear()  # handler names, languages, dates: none follow
                mapping[stream.index] = copy
            out.metadata.clear()
            for packet in inp.demux(wanted):
                if packet.dts is None:  # the demuxer's flush packet
                    continue
                packet.stream = mapping[packet.stream.index]
                out.mux(packet)


__all__ = ["clean_video"]
