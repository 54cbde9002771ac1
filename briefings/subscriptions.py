"""Who gets the daily briefing, and when.

A subscription is kept when a chat unsubscribes or blocks the bot (marked inactive), so that
`/subscribe` later simply reactivates it. What each chat was sent lives in the delivery ledger
(`store.ledger`), not here: a broadcast must not rewrite the database once per message.
"""

from __future__ import annotations

import datetime as dtm
from dataclasses import dataclass, replace
from typing import Any

from briefings.events import utc_now
from store import Database


@dataclass(frozen=True)
class Subscription:
    chat_id: int
    time: str | None  # "HH:MM" chosen by the chat; None follows BRIEFING_TIME
    active: bool = True
    inactive_reason: str | None = None
    created_at: dtm.datetime | None = None

    def effective_time(self, default: dtm.time) -> dtm.time:
        return dtm.time.fromisoformat(self.time) if self.time else default

    def to_doc(self) -> dict[str, Any]:
        return {
            "chat_id": self.chat_id,
            "time": self.time,
            "active": self.active,
            "inactive_reason": self.inactive_reason,
            "created_at": _iso(self.created_at),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Subscription:
        return cls(
            chat_id=doc["chat_id"],
            time=doc.get("time"),
            active=doc.get("active", True),
            inactive_reason=doc.get("inactive_reason"),
            created_at=_parse(doc.get("created_at")),
        )


def _iso(stamp: dtm.datetime | None) -> str | None:
    return stamp.isoformat() if stamp else None


def _parse(text: str | None) -> dtm.datetime | None:
    return dtm.datetime.fromisoformat(text) if text else None


class Subscriptions:
    """Subscriptions and delivery records in the store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, chat_id: int) -> Subscription | None:
        doc = self.db.get_subscription(chat_id)
        return Subscription.from_doc(doc) if doc else None

    def active(self) -> list[Subscription]:
        subs = (Subscription.from_doc(doc) for doc in self.db.all_subscriptions())
        return [sub for sub in subs if sub.active]

    def subscribe(self, chat_id: int, time: str | None) -> tuple[Subscription, Subscription | None]:
        """Start or change a subscription; returns (new, previous active one or None)."""
        existing = self.get(chat_id)
        previous = existing if existing and existing.active else None
        if existing:
            sub = replace(existing, time=time, active=True, inactive_reason=None)
        else:
            sub = Subscription(chat_id=chat_id, time=time, created_at=utc_now())
        self.db.save_subscription(sub.to_doc())
        return sub, previous

    def deactivate(self, chat_id: int, reason: str) -> bool:
        """Stop sending to a chat (unsubscribed, blocked...); False when it was not active."""
        sub = self.get(chat_id)
        if sub is None or not sub.active:
            return False
        self.db.save_subscription(replace(sub, active=False, inactive_reason=reason).to_doc())
        return True

    def migrate(self, old_chat_id: int, new_chat_id: int) -> Subscription | None:
        """A group became a supergroup: the subscription follows it to its new id."""
        old = self.get(old_chat_id)
        if old is None:
            return None
        moved = replace(old, chat_id=new_chat_id, active=True, inactive_reason=None)
        self.db.save_subscription(moved.to_doc())
        self.db.save_subscription(
            replace(old, active=False, inactive_reason=f"moved to {new_chat_id}").to_doc()
        )
        return moved
