"""Who gets the daily briefing, and when.

A subscription is kept when a chat unsubscribes or blocks the bot (marked inactive), so that
`/subscribe` later simply reactivates it. What each chat was sent lives in the delivery ledger
(`store.ledger`), not here: a broadcast must not rewrite the database once per message.
"""

from __future__ import annotations

import datetime as dtm
from dataclasses import dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

from briefings.events import Event, utc_now
from store import Database

ALL_DAYS = (0, 1, 2, 3, 4, 5, 6)  # Monday = 0, as datetime.weekday()
LANGUAGES = ("en", "fr", "ar")


UNSUBSCRIBED = "unsubscribed"


@dataclass(frozen=True)
class Filters:
    """What a chat's briefings include; an empty list admits everything of that kind."""

    regions: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()

    def admits(self, event: Event) -> bool:
        return (
            (not self.regions or event.region in self.regions)
            and (not self.actors or any(a in self.actors for a in event.actors))
            and (not self.event_types or event.event_type in self.event_types)
        )

    @property
    def is_everything(self) -> bool:
        return not (self.regions or self.actors or self.event_types)


@dataclass(frozen=True)
class AlertRule:
    """Push new events at once when they match: a region, an actor, or fatalities >= N."""

    kind: str  # "region" | "actor" | "fatalities"
    value: str

    def matches(self, event: Event) -> bool:
        if self.kind == "region":
            return event.region == self.value
        if self.kind == "actor":
            return event.involves(self.value)
        return event.fatalities is not None and event.fatalities >= int(self.value)


@dataclass(frozen=True)
class Subscription:
    chat_id: int
    time: str | None  # "HH:MM" chosen by the chat; None follows BRIEFING_TIME
    active: bool = True
    inactive_reason: str | None = None
    created_at: dtm.datetime | None = None
    tz: str | None = None  # IANA name; None follows TIMEZONE
    days: tuple[int, ...] = ALL_DAYS
    filters: Filters = Filters()
    quiet: tuple[str, str] | None = None  # ("22:00", "07:00"): no alerts in between
    lang: str = "en"
    alerts: tuple[AlertRule, ...] = ()

    def effective_time(self, default: dtm.time) -> dtm.time:
        return dtm.time.fromisoformat(self.time) if self.time else default

    def zone(self, default: ZoneInfo) -> ZoneInfo:
        return ZoneInfo(self.tz) if self.tz else default

    def sends_on(self, day: dtm.date) -> bool:
        return day.weekday() in self.days

    @property
    def reachable(self) -> bool:
        """False once Telegram refused the chat (blocked, kicked, moved); unsubscribing is not."""
        return self.active or self.inactive_reason in (None, UNSUBSCRIBED)

    def quiet_until(self, local: dtm.datetime) -> dtm.datetime | None:
        """The end of the quiet hours `local` falls in, or None when it is not quiet."""
        if not self.quiet:
            return None
        start, end = (dtm.time.fromisoformat(t) for t in self.quiet)
        now = local.time()
        inside = start <= now < end if start < end else (now >= start or now < end)
        if not inside:
            return None
        until = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
        return until if until > local else until + dtm.timedelta(days=1)

    def to_doc(self) -> dict[str, Any]:
        return {
            "chat_id": self.chat_id,
            "time": self.time,
            "active": self.active,
            "inactive_reason": self.inactive_reason,
            "created_at": _iso(self.created_at),
            "tz": self.tz,
            "days": list(self.days),
            "regions": list(self.filters.regions),
            "actors": list(self.filters.actors),
            "event_types": list(self.filters.event_types),
            "quiet": list(self.quiet) if self.quiet else None,
            "lang": self.lang,
            "alerts": [{"kind": r.kind, "value": r.value} for r in self.alerts],
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Subscription:
        return cls(
            chat_id=doc["chat_id"],
            time=doc.get("time"),
            active=doc.get("active", True),
            inactive_reason=doc.get("inactive_reason"),
            created_at=_parse(doc.get("created_at")),
            tz=doc.get("tz"),
            days=tuple(doc.get("days") or ALL_DAYS),
            filters=Filters(
                tuple(doc.get("regions") or ()),
                tuple(doc.get("actors") or ()),
                tuple(doc.get("event_types") or ()),
            ),
            quiet=tuple(doc["quiet"]) if doc.get("quiet") else None,
            lang=doc.get("lang") or "en",
            alerts=tuple(AlertRule(r["kind"], r["value"]) for r in doc.get("alerts") or ()),
        )


def _iso(stamp: dtm.datetime | None) -> str | None:
    return stamp.isoformat() if stamp else None


def _parse(text: str | None) -> dtm.datetime | None:
    return dtm.datetime.fromisoformat(text) if text else None


class Subscriptions:
    """Subscriptions (and each chat's preferences) in the store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, chat_id: int) -> Subscription | None:
        doc = self.db.get_subscription(chat_id)
        return Subscription.from_doc(doc) if doc else None

    def active(self) -> list[Subscription]:
        subs = (Subscription.from_doc(doc) for doc in self.db.all_subscriptions())
        return [sub for sub in subs if sub.active]

    def one_active_per_slot(self) -> list[Subscription]:
        """An active subscription for each distinct (time, tz) chosen: all that start-up needs to
        schedule the briefing jobs, without converting every stored subscription."""
        firsts: dict[tuple[Any, Any], dict[str, Any]] = {}
        for doc in self.db.all_subscriptions():
            if doc.get("active", True):
                firsts.setdefault((doc.get("time"), doc.get("tz")), doc)
        return [Subscription.from_doc(doc) for doc in firsts.values()]

    def with_alerts(self) -> list[Subscription]:
        subs = (Subscription.from_doc(doc) for doc in self.db.all_subscriptions())
        return [sub for sub in subs if sub.alerts and sub.reachable]

    def preferences(self, chat_id: int) -> Subscription:
        """The chat's subscription, or the defaults of a chat that never subscribed."""
        return self.get(chat_id) or Subscription(
            chat_id=chat_id, time=None, active=False, inactive_reason=UNSUBSCRIBED
        )

    def update(self, chat_id: int, **changes: Any) -> Subscription:
        """Change preferences (kept even while the chat is not subscribed)."""
        current = self.preferences(chat_id)
        sub = replace(current, **changes)
        if sub.created_at is None:
            sub = replace(sub, created_at=utc_now())
        self.db.save_subscription(sub.to_doc())
        return sub

    def subscribe(
        self, chat_id: int, time: str | None, **changes: Any
    ) -> tuple[Subscription, Subscription | None]:
        """Start or change a subscription; returns (new, previous active one or None)."""
        existing = self.get(chat_id)
        previous = existing if existing and existing.active else None
        sub = self.update(chat_id, time=time, active=True, inactive_reason=None, **changes)
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
