"""The `sitrep` command: serve on Telegram, chat offline, or print today's briefing."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from telegram.error import InvalidToken, NetworkError

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.console import run_console
from bot.delivery import briefing_for_chat
from bot.logs import configure_logging, redact
from bot.services import Services
from briefings.render import to_plain_text
from store import StoreCorruptError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description="Conflict-event log and situation briefings on Telegram."
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.add_parser("run", help="serve on Telegram by long polling (the default)")
    verbs.add_parser("console", help="offline chat with the bot on SITREP_DB, reading stdin")
    verbs.add_parser("demo", help="offline chat on a throwaway database with the sample events")
    verbs.add_parser("briefing", help="print today's briefing for the whole log")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.verb in (None, "run"):
            return serve(settings)
        if args.verb == "briefing":
            return print_briefing(settings)
        if args.verb == "demo":
            return demo(settings)
        return asyncio.run(run_console(Services.open(settings)))
    except ConfigError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    except StoreCorruptError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 1


def serve(settings: Settings) -> int:
    if not settings.token:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: get one from @BotFather and put it in .env "
            "(or try the offline demo: sitrep demo)."
        )
    configure_logging(settings.token)
    application = build_application(Services.open(settings))
    try:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        print("sitrep: TELEGRAM_BOT_TOKEN was refused by the Bot API; check it with "
              "@BotFather.", file=sys.stderr)
        return 2
    except NetworkError as exc:
        reason = redact(str(exc), [settings.token])
        print(f"sitrep: cannot reach the Bot API at {settings.api_url}: {reason}",
              file=sys.stderr)
        return 1
    return 0


def demo(settings: Settings) -> int:
    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as folder:
        demo_settings = replace(settings, db_path=Path(folder) / "demo.json")
        services = Services.open(demo_settings)
        services.log.load_samples()
        return asyncio.run(run_console(services, demo=True))


def print_briefing(settings: Settings) -> int:
    services = Services.open(settings)
    messages = briefing_for_chat(services, None, services.now())
    print("\n\n".join(to_plain_text(m) for m in messages))
    return 0
