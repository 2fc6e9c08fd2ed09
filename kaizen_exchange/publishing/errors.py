"""What can go wrong talking to the school's WordPress, as codes and plain sentences.

Each failure has a ``code`` (stable, for ``--json`` and scripts) and a sentence that
says what to do. ``retry_later`` marks what an outbox retry may cure (the site down, no
network, a server error), as opposed to what needs a person (a wrong password).
Messages never quote the password or the request's headers.
"""

from __future__ import annotations

from kaizen_exchange.errors import KaizenError

NO_NETWORK = "no_network"
WRONG_PASSWORD = "wrong_password"
APP_PASSWORDS_OFF = "app_passwords_off"
NO_REST_API = "no_rest_api"
CANNOT_UPLOAD = "cannot_upload"
NOT_ALLOWED = "not_allowed"
SERVER_ERROR = "server_error"
NO_PASSWORD = "no_password"
BAD_ANSWER = "bad_answer"
GONE = "gone"


class SiteError(KaizenError):
    """The site refused or could not be reached; ``str()`` is the sentence for a teacher."""

    code = BAD_ANSWER
    retry_later = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        wp_code: str | None = None,
        data: object = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        #: WordPress's own error code and data ("term_exists" carries the existing term's id)
        self.wp_code = wp_code
        self.data = data


class SiteUnreachable(SiteError):
    """No answer, or an answer of a server in trouble: the outbox tries again later."""

    code = NO_NETWORK
    retry_later = True


class ServerTrouble(SiteUnreachable):
    code = SERVER_ERROR


__all__ = [
    "APP_PASSWORDS_OFF",
    "BAD_ANSWER",
    "CANNOT_UPLOAD",
    "GONE",
    "NOT_ALLOWED",
    "NO_NETWORK",
    "NO_PASSWORD",
    "NO_REST_API",
    "SERVER_ERROR",
    "WRONG_PASSWORD",
    "ServerTrouble",
    "SiteError",
    "SiteUnreachable",
]
