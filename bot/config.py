"""Settings from the environment (and `.env` when present), checked once at start-up.

A bad value must stop the bot with one line naming the setting, never a traceback, and the
token must never be echoed back: `ConfigError` carries that line.
"""

from __future__ import annotations

import datetime as dtm
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

DEFAULT_API_URL = "https://api.telegram.org"
DEFAULT_DB = "data/sitrep.json"
UTC = ZoneInfo("UTC")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")  # the bot's own log; httpx stays at WARNING
TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ConfigError(ValueError):
    """A setting has a value the bot cannot run with; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    admin_ids: frozenset[int] = frozenset()
    db_path: Path = Path(DEFAULT_DB)
    briefing_time: dtm.time = dtm.time(7, 0)
    timezone: ZoneInfo = UTC
    catchup_hours: float = 6.0
    broadcast_rate: float = 30.0
    broadcast_paid: bool = False
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"

    @property
    def base_url(self) -> str:
        return f"{self.api_url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.api_url}/file/bot"

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids


def parse_time(text: str) -> dtm.time | None:
    """`HH:MM` (24-hour) to a time, or None when it is not one."""
    found = TIME_PATTERN.match(text.strip())
    if not found:
        return None
    return dtm.time(int(found.group(1)), int(found.group(2)))


def read_environment(
    environ: Mapping[str, str] | None = None, dotenv_path: str | Path | None = ".env"
) -> dict[str, str]:
    """The process environment over the `.env` file: an exported variable always wins."""
    values: dict[str, str] = {}
    if dotenv_path is not None and Path(dotenv_path).is_file():
        values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return values


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv_path: str | Path | None = ".env"
) -> Settings:
    """Build `Settings`, raising `ConfigError` on the first bad value."""
    env = read_environment(environ, dotenv_path)

    def get(name: str) -> str:
        return env.get(name, "").strip()

    token = get("TELEGRAM_BOT_TOKEN") or None
    if token is not None and (any(c.isspace() for c in token) or ":" not in token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected digits:letters, "
            "as given by @BotFather)."
        )

    api_url = get("TELEGRAM_API_URL").rstrip("/") or DEFAULT_API_URL
    if not re.match(r"^https?://[^\s/]+", api_url):
        raise ConfigError(
            "TELEGRAM_API_URL must be an http:// or https:// address, e.g. https://api.telegram.org."
        )

    admin_ids: set[int] = set()
    for part in filter(None, (p.strip() for p in get("ADMIN_IDS").split(","))):
        if not re.fullmatch(r"-?\d+", part):
            raise ConfigError(
                f"ADMIN_IDS must be comma-separated numeric Telegram user ids; got {part!r}."
            )
        admin_ids.add(int(part))

    raw_time = get("BRIEFING_TIME") or "07:00"
    briefing_time = parse_time(raw_time)
    if briefing_time is None:
        raise ConfigError(f"BRIEFING_TIME must be HH:MM on a 24-hour clock; got {raw_time!r}.")

    tz_name = get("TIMEZONE") or "UTC"
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"TIMEZONE must be an IANA time zone name such as Asia/Baghdad; got {tz_name!r}."
        ) from None

    catchup_hours = _number(get("CATCHUP_HOURS") or "6", "CATCHUP_HOURS", 0, 24)
    broadcast_paid = _flag(get("BROADCAST_PAID"), "BROADCAST_PAID")
    broadcast_rate = _number(
        get("BROADCAST_RATE") or ("1000" if broadcast_paid else "30"), "BROADCAST_RATE", 0.1,
        1000 if broadcast_paid else 30,
    )
    webhook_url = get("WEBHOOK_URL") or None
    if webhook_url and not webhook_url.startswith("https://"):
        raise ConfigError("WEBHOOK_URL must be an https:// address Telegram can reach.")
    webhook_secret = get("WEBHOOK_SECRET") or None
    if webhook_url and not (webhook_secret and re.fullmatch(r"[A-Za-z0-9_-]{1,256}",
                                                            webhook_secret)):
        raise ConfigError(
            "WEBHOOK_SECRET must be set with WEBHOOK_URL: 1-256 characters of A-Z, a-z, 0-9, _ "
            "and -."
        )
    webhook_port = int(_number(get("WEBHOOK_PORT") or "8443", "WEBHOOK_PORT", 1, 65535))

    log_level = (get("LOG_LEVEL") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}; got {log_level!r}.")

    db_path = Path(get("SITREP_DB") or DEFAULT_DB)
    if db_path.exists() and db_path.is_dir():
        raise ConfigError(f"SITREP_DB must name a file, but {str(db_path)!r} is a folder.")

    return Settings(
        token=token,
        api_url=api_url,
        admin_ids=frozenset(admin_ids),
        db_path=db_path,
        briefing_time=briefing_time,
        timezone=timezone,
        catchup_hours=catchup_hours,
        broadcast_rate=broadcast_rate,
        broadcast_paid=broadcast_paid,
        webhook_url=webhook_url,
        webhook_secret=webhook_secret,
        webhook_listen=get("WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=webhook_port,
        log_level=log_level,
    )


def _number(text: str, name: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ConfigError(f"{name} must be a number; got {text!r}.") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}; got {text!r}.")
    return value


def _flag(text: str, name: str) -> bool:
    if text.lower() in ("", "0", "false", "no", "off"):
        return False
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{name} must be 1 or 0; got {text!r}.")


def main(argv: list[str]) -> int:
    """`python -m bot.config --has-token`: exit 0 when a token is configured (for `make run`)."""
    if argv[1:] != ["--has-token"]:
        print("usage: python -m bot.config --has-token", file=sys.stderr)
        return 2
    return 0 if read_environment().get("TELEGRAM_BOT_TOKEN", "").strip() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
