"""The domain objects handlers need, built once and kept in `bot_data`."""

from __future__ import annotations

import datetime as dtm
from dataclasses import dataclass

from telegram.ext import ContextTypes

from bot.config import Settings
from briefings.gazetteer import Gazetteer, default_gazetteer
from briefings.log import EventLog
from briefings.subscriptions import Subscriptions
from store import Database

BOT_DATA_KEY = "services"


@dataclass
class Services:
    settings: Settings
    db: Database
    log: EventLog
    subscriptions: Subscriptions
    gazetteer: Gazetteer

    @classmethod
    def open(cls, settings: Settings) -> Services:
        """Open (or create) the database named by the settings."""
        db = Database(settings.db_path)
        return cls(settings, db, EventLog(db), Subscriptions(db), default_gazetteer())

    def now(self) -> dtm.datetime:
        return dtm.datetime.now(self.settings.timezone)

    def today(self) -> dtm.date:
        return self.now().date()

    def is_admin(self, user_id: int | None) -> bool:
        return self.settings.is_admin(user_id)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[BOT_DATA_KEY]
