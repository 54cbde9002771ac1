"""Logging that never shows the bot token.

httpx logs every request URL at INFO and those URLs contain `bot<TOKEN>`; some exception texts
carry it too. httpx is quietened to WARNING and every line the root handler writes, tracebacks
included, has the token replaced (whole, URL-quoted, or just its secret half).
"""

from __future__ import annotations

import logging
from urllib.parse import quote

REDACTED = "[REDACTED]"
# The part after the colon is the secret; shorter ones (test tokens) could match ordinary words.
MIN_SECRET_LENGTH = 16


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes the secrets from the whole line and its traceback."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def token_secrets(token: str | None) -> list[str]:
    """The token as it may appear in text: whole, URL-quoted (`:` as `%3A`), its secret half.

    Longest first, so the whole token is replaced before its parts.
    """
    if not token:
        return []
    _, _, secret = token.partition(":")
    forms = {token, quote(token, safe=""), quote(token)}
    if len(secret) >= MIN_SECRET_LENGTH:
        forms.add(secret)
    return sorted(forms, key=len, reverse=True)


def configure_logging(token: str | None, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", token_secrets(token))
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
