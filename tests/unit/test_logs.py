"""The log file: rotating, in the log folder, and never holding a secret or a long text."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kaizen_exchange import logs
from kaizen_exchange.logs import RedactingFilter, configure_logging, redact


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """configure_logging() into a temporary folder; the root logger restored afterwards."""
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    monkeypatch.delenv(logs.LOG_LEVEL_ENV, raising=False)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = configure_logging()
    assert path is not None
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("headers {'Authorization': 'Basic dXNlcjpzM2NyZXQ='}", "dXNlcjpzM2NyZXQ="),
        ("Authorization: Bearer eyJhbGciOi.abc.def", "eyJhbGciOi.abc.def"),
        ("proxy-authorization: NTLM TlRMTVNTUAABAAAA", "TlRMTVNTUAABAAAA"),
        ("POST /wp-login.php?log=teacher&pwd=hunter2&x=1", "hunter2"),
        ('{"username": "teacher", "password": "correct horse"}', "correct"),
        ("app_password=abcd EFGH 1234 ijkl MNOP 5678", "EFGH"),
        ("stored application password: abcd EFGH 1234 ijkl MNOP 5678", "MNOP 5678"),
        ("fetch https://teacher:s3cret@school.example/wp-json/", "s3cret"),
        ("token=ghp_abcdef0123456789 in the query", "ghp_abcdef0123456789"),
        ("client_secret: 'zyx987'", "zyx987"),
        ("GET https://cdn.example/a.jpg?X-Amz-Signature=0a1b2c3d&w=300", "0a1b2c3d"),
    ],
)
def test_redact_blanks_secrets(text: str, secret: str) -> None:
    cleaned = redact(text)
    assert secret not in cleaned
    assert logs.REDACTED in cleaned


def test_redact_keeps_ordinary_facts() -> None:
    line = "feed https://greenfield.example/feed/ (school greenfield): ok, HTTP 200, 3 new, 0.12 s"
    assert redact(line) == line


def test_file_is_written_in_the_log_folder(log_file: Path, tmp_path: Path) -> None:
    assert log_file == tmp_path / "logs" / "kaizen-exchange.log"
    logging.getLogger("kaizen_exchange.feeds.sync").info(
        "feed %s: %s", "https://a.example/feed/", "ok"
    )
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert "started" in text
    assert "kaizen_exchange.feeds.sync: feed https://a.example/feed/: ok" in text


def test_secrets_in_arguments_and_tracebacks_never_reach_the_file(log_file: Path) -> None:
    log = logging.getLogger("kaizen_exchange.publish")
    log.warning("login failed for %s", {"Authorization": "Basic c2VjcmV0OnBhc3M="})
    try:
        raise ValueError("rejected password=Tr0ub4dor&3 for https://t:hidden@school.example/")
    except ValueError:
        log.exception("publishing failed")
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert "publishing failed" in text and "ValueError" in text
    for secret in ("c2VjcmV0OnBhc3M=", "Tr0ub4dor", "hidden"):
        assert secret not in text


def test_library_records_are_filtered_too(log_file: Path) -> None:
    """The filter sits on the handler, so records propagated from any logger pass it."""
    logging.getLogger("some.library").warning("auth header Authorization: Basic QWxhZGRpbg==")
    flush()
    assert "QWxhZGRpbg==" not in log_file.read_text(encoding="utf-8")


def test_long_messages_are_cut(log_file: Path) -> None:
    """A whole post body logged by mistake stays out: only the first part is kept."""
    body = "<p>" + "Our class wrote about Amelia and Oliver. " * 200 + "</p>"
    logging.getLogger("kaizen_exchange").info("body %s", body)
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert "more characters not logged" in text
    assert len(text) < 3000


def test_configure_twice_adds_one_handler(log_file: Path) -> None:
    again = configure_logging("DEBUG")
    assert again == log_file
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs._RotatingFileHandler)]
    assert len(ours) == 1
    assert ours[0].level == logging.DEBUG


def test_file_rotates(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h, logs._RotatingFileHandler)
    )
    monkeypatch.setattr(handler, "maxBytes", 2_000)
    for n in range(100):
        logging.getLogger("kaizen_exchange").info("line %d of the rotation test", n)
    flush()
    assert log_file.with_name("kaizen-exchange.log.1").exists()
    assert log_file.stat().st_size <= 2_000


def test_unwritable_folder_means_no_file_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocker / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    assert configure_logging() is None
    assert root.handlers == before


def test_bad_format_arguments_are_still_logged() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d feeds", ("many",), None)
    assert RedactingFilter().filter(record)
    assert "feeds" in str(record.msg)
