"""The domain objects handlers need, built once and kept in `bot_data`."""

from __future__ import annotations

import datetime as dtm
from dataclasses import dataclass
from pathlib import Path

from telegram.ext import ContextTypes

from bot.config import Settings
from briefings.gazetteer import Gazetteer, default_gazetteer
from briefings.log import EventLog
from briefings.proposals import PendingProposals
from briefings.subscriptions import Subscriptions
from store import Database
from store.ledger import Ledger

BOT_DATA_KEY = "services"


def ledger_path(db_path: Path) -> Path:
    """The delivery ledger lives beside the database: `sitrep.json` -> `sitrep.ledger`."""
    return db_path.with_suffix(".ledger")


@dataclass
class Services:
    settings: Settings
    db: Database
    log: EventLog
    subscriptions: Subscriptions
    gazetteer: Gazetteer
    ledger: Ledger
    proposals: PendingProposals
    closed: bool = False

    @classmethod
    def open(cls, settings: Settings) -> Services:
        """Open (or create) the database named by the settings, and its delivery ledger."""
        db = Database(settings.db_path)
        ledger = Ledger(ledger_path(settings.db_path))
        return cls(settings, db, EventLog(db), Subscriptions(db), default_gazetteer(), ledger,
                   PendingProposals(db))

    def close(self) -> None:
        """Fold the journals into their files; safe to call twice."""
        if not self.closed:
            self.closed = True
            self.ledger.close()
            self.db.close()

    def now(self) -> dtm.datetime:
        return dtm.datetime.now(self.settings.timezone)

    def today(self) -> dtm.date:
        return self.now().date()

    def is_admin(self, user_id: int | None) -> bool:
        return self.settings.is_admin(user_id)


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data[BOT_DATA_KEY]
