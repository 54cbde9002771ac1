"""The event log: events in and out of the store, with ids, authorship and timestamps."""

from __future__ import annotations

import datetime as dtm
import json
from importlib import resources
from typing import Any

from briefings.events import Event, new_event_id, utc_now
from store import Database

SAMPLE_FILE = "sample_events.json"


class EventLog:
    """Adds, changes, removes and lists events; the store is the single source of truth."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[Event]:
        return [Event.from_doc(doc) for doc in self.db.all_events()]

    def get(self, event_id: str) -> Event | None:
        """By id as typed, else lowercased (our ids are lowercase; imported ACLED ids are not)."""
        wanted = event_id.strip()
        doc = self.db.get_event(wanted) or self.db.get_event(wanted.lower())
        return Event.from_doc(doc) if doc else None

    def add(self, values: dict[str, Any], *, created_by: int | None, today: dtm.date) -> Event:
        """Store a validated event (see `briefings.forms`); the date defaults to `today`."""
        event = Event(
            id=new_event_id(self.db.event_ids()),
            date=values.get("date") or today,
            region=values["region"],
            location=values.get("location"),
            actors=tuple(values["actors"]),
            event_type=values.get("event_type"),
            sub_event_type=values.get("sub_event_type"),
            fatalities=values.get("fatalities"),
            summary=values["summary"],
            sources=tuple(values.get("sources") or ()),
            created_by=created_by,
        )
        self.db.insert_event(event.to_doc())
        return event

    def update(self, event: Event, values: dict[str, Any]) -> Event:
        """Apply validated changes; an emptied date falls back to the one it had."""
        changes = {k: v for k, v in values.items() if not (k == "date" and v is None)}
        changed = event.with_changes(**changes, updated_at=utc_now())
        self.db.replace_event(changed.to_doc())
        return changed

    def delete(self, event_id: str) -> Event | None:
        event = self.get(event_id)
        if event is not None:
            self.db.delete_event(event.id)
        return event

    def load_samples(self) -> int:
        """Record the sample events (from the seed article) not already in the log."""
        known = self.db.event_ids()
        now = utc_now()
        docs = [
            Event.from_doc({**doc, "created_at": now.isoformat()}).to_doc()
            for doc in sample_documents()
            if doc["id"] not in known
        ]
        if docs:
            self.db.insert_events(docs)
        return len(docs)


def sample_documents() -> list[dict[str, Any]]:
    """The events a careful analyst records from `shared/seed-article.txt`, shipped as data."""
    text = resources.files("briefings").joinpath(SAMPLE_FILE).read_text(encoding="utf-8")
    return json.loads(text)
