"""Running the real sitrep `Application` against the fake Bot API, as a user would meet it."""

from __future__ import annotations

import datetime as dtm
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import Settings
from bot.services import Services
from tests.fakebotapi import FakeBotAPI

ADMIN = 500
READER = 1001


def settings_for(fake: FakeBotAPI, db_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "token": fake.token,
        "api_url": fake.url,
        "admin_ids": frozenset({ADMIN}),
        "db_path": db_path,
        "briefing_time": dtm.time(7, 0),
        "timezone": ZoneInfo("UTC"),
    }
    values.update(overrides)
    return Settings(**values)


@asynccontextmanager
async def running_bot(
    fake: FakeBotAPI, db_path: Path, *, samples: bool = True, **overrides: object
) -> AsyncIterator[Application]:
    """The bot polling `fake`, set up exactly as `run_polling` does (post_init included)."""
    services = Services.open(settings_for(fake, db_path, **overrides))
    if samples:
        services.log.load_samples()
    application = build_application(services)
    await application.initialize()
    await application.post_init(application)
    await application.start()
    await application.updater.start_polling(
        poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES
    )
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        services.close()


def services_of(application: Application) -> Services:
    return application.bot_data["services"]
