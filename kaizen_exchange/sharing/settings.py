"""The school's sharing settings, kept in the store: for now the largest video it accepts.

A school's WordPress (or its host) refuses uploads above some size; checking the
video against the school's own limit before sending means the upload is not
refused half way. The default (100 MB) suits most school hosts.
"""

from __future__ import annotations

from kaizen_exchange.errors import BadInput
from kaizen_exchange.sharing.media_info import DEFAULT_VIDEO_MB
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import NetworkInfo

VIDEO_LIMIT_KEY = "share_video_limit_mb"
MAX_VIDEO_MB = 4000


def video_limit_mb(store: Store) -> int:
    """The largest video, in MB (1,000,000 bytes), the school's site takes."""
    with store.session() as session:
        row = session.get(NetworkInfo, VIDEO_LIMIT_KEY)
    try:
        return int(row.value) if row is not None else DEFAULT_VIDEO_MB
    except ValueError:
        return DEFAULT_VIDEO_MB


def set_video_limit_mb(store: Store, megabytes: int) -> None:
    if not 1 <= megabytes <= MAX_VIDEO_MB:
        raise BadInput(
            f"The video limit must be between 1 and {MAX_VIDEO_MB} MB; "
            "ask whoever runs the school's blog what its upload limit is."
        )
    with store.session() as session:
        row = session.get(NetworkInfo, VIDEO_LIMIT_KEY) or NetworkInfo(
            key=VIDEO_LIMIT_KEY, value=""
        )
        row.value = str(megabytes)
        session.add(row)


__all__ = ["VIDEO_LIMIT_KEY", "set_video_limit_mb", "video_limit_mb"]
