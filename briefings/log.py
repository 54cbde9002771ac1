"""The event log: events in and out of the store, with ids, authorship and timestamps.

The store is the single source of truth; the log keeps its events as `Event` objects in memory,
indexed the ways readers ask (by region, by actor, newest first, by when they were recorded),
and kept in step with every write to the store, whoever makes it (`Database.watch_events`).
So `/region`, `/actor` and `/latest` read a ready list instead of converting and sorting
100,000 documents per question. Lists are sorted oldest first and read backwards; a single
change moves one entry (`bisect`), a bulk import re-sorts once.
"""

from __future__ import annotations

import bisect
import datetime as dtm
import json
from collections import Counter
from collections.abc import Callable
from importlib import resources
from itertools import compress, count
from operator import attrgetter, eq
from typing import Any

from briefings.events import Event, new_event_id, utc_now
from store import Database, gc_paused

SAMPLE_FILE = "sample_events.json"
# A batch of changes bigger than this (and than a tenth of the log) rebuilds the indexes.
REBUILD_AT = 1_000


def _newest_key(event: Event) -> tuple[dtm.date, dtm.datetime, str]:
    """The order of `queries.newest_first` (read backwards)."""
    return event.date, event.created_at, event.id


def _recorded_key(event: Event) -> tuple[dtm.datetime, str]:
    return event.recorded_at, event.id


def _remove(events: list[Event], event: Event, key) -> None:
    i = bisect.bisect_left(events, key(event), key=key)
    if i < len(events) and events[i] is event:
        del events[i]
    else:  # pragma: no cover - keys are unique, so this is only a safety net
        events.remove(event)


def _order_ties(events: list[Event], key: Callable[[Event], Any]) -> None:
    """Put each run of events with equal `key` in id order, as sorting on (key, id) would.

    Runs come from events imported with one timestamp; where timestamps differ, finding the
    runs costs a fraction of sorting every event by id first.
    """
    keys = list(map(key, events))
    end = 0
    for start in compress(count(), map(eq, keys, keys[1:])):
        if start < end:
            continue  # inside the run just ordered
        end = start + 2
        while end < len(keys) and keys[end] == keys[start]:
            end += 1
        events[start:end] = sorted(events[start:end], key=attrgetter("id"))


class EventLog:
    """Adds, changes, removes and lists events; the store is the single source of truth."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._by_id: dict[str, Event] = {}
        self._by_date: list[Event] = []  # by `_newest_key`
        self._by_recorded: list[Event] = []  # by `_recorded_key`
        self._by_region: dict[str, list[Event]] = {}  # each by `_newest_key`
        self._by_actor: dict[str, list[Event]] = {}  # each by `_newest_key`
        db.watch_events(self._apply)

    # -- keeping in step with the store ------------------------------------------------------

    def _apply(self, changes: list[tuple[dict | None, dict | None]]) -> None:
        if len(changes) > max(REBUILD_AT, len(self._by_id) // 10):
            with gc_paused():
                self._take(changes, index=False)
                self._build_indexes()
        else:
            self._take(changes, index=True)

    def _take(self, changes: list[tuple[dict | None, dict | None]], *, index: bool) -> None:
        for old, new in changes:
            if old is not None:
                if index:
                    self._unindex(self._by_id[old["id"]])
                if new is None or new["id"] != old["id"]:
                    del self._by_id[old["id"]]  # a replaced event keeps its place in `all()`
            if new is not None:
                event = self._by_id[new["id"]] = Event.from_doc(new)
                if index:
                    self._index(event)

    def _build_indexes(self) -> None:
        events = self._by_id.values()
        # Stable sorts on one field each, last key first: twice as fast as sorting on tuples.
        # The first sort reads the events in the order they were loaded, which is their order
        # in memory (a third of the time of the same sort from id order); ids only break ties.
        by_created = sorted(events, key=attrgetter("created_at"))
        _order_ties(by_created, attrgetter("created_at"))
        self._by_date = sorted(by_created, key=attrgetter("date"))
        if any(map(attrgetter("updated_at"), events)):
            self._by_recorded = sorted(by_created, key=attrgetter("recorded_at"))
            _order_ties(self._by_recorded, attrgetter("recorded_at"))
        else:  # no event was ever changed: recorded_at is created_at
            self._by_recorded = by_created
        # Names in the order they first appear in the log, as `queries.*_counts` would count.
        self._by_region = {event.region: [] for event in events}
        self._by_actor = {actor: [] for event in events for actor in event.actors}
        for event in self._by_date:
            self._by_region[event.region].append(event)
            for actor in dict.fromkeys(event.actors):
                self._by_actor[actor].append(event)

    def _index(self, event: Event) -> None:
        bisect.insort(self._by_date, event, key=_newest_key)
        bisect.insort(self._by_recorded, event, key=_recorded_key)
        bisect.insort(self._by_region.setdefault(event.region, []), event, key=_newest_key)
        for actor in dict.fromkeys(event.actors):
            bisect.insort(self._by_actor.setdefault(actor, []), event, key=_newest_key)

    def _unindex(self, event: Event) -> None:
        _remove(self._by_date, event, _newest_key)
        _remove(self._by_recorded, event, _recorded_key)
        _remove(self._by_region[event.region], event, _newest_key)
        if not self._by_region[event.region]:
            del self._by_region[event.region]
        for actor in dict.fromkeys(event.actors):
            _remove(self._by_actor[actor], event, _newest_key)
            if not self._by_actor[actor]:
                del self._by_actor[actor]

    # -- questions ---------------------------------------------------------------------------

    def all(self) -> list[Event]:
        """Every event, in the order they were stored."""
        with self.db.lock:
            return list(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, event_id: str) -> Event | None:
        """By id as typed, else lowercased (our ids are lowercase; imported ACLED ids are not)."""
        wanted = event_id.strip()
        with self.db.lock:
            return self._by_id.get(wanted) or self._by_id.get(wanted.lower())

    def newest(self, limit: int | None = None, offset: int = 0) -> list[Event]:
        """By event date, then by when recorded, newest first (as `queries.newest_first`)."""
        with self.db.lock:
            end = max(len(self._by_date) - offset, 0)
            start = 0 if limit is None else max(end - limit, 0)
            if end <= start:
                return []
            # One backwards slice: slicing, then reversing, copied all 100,000 events twice.
            return self._by_date[end - 1 : start - 1 if start else None : -1]

    def in_region(self, region: str) -> list[Event]:
        with self.db.lock:
            return self._by_region.get(region, [])[::-1]

    def involving(self, actor: str) -> list[Event]:
        with self.db.lock:
            return self._by_actor.get(actor, [])[::-1]

    def recorded_between(self, start: dtm.datetime, end: dtm.datetime) -> list[Event]:
        """Events that entered (or changed in) the log in [start, end), newest first."""
        with self.db.lock:
            lo = bisect.bisect_left(self._by_recorded, (start,), key=_recorded_key)
            hi = bisect.bisect_left(self._by_recorded, (end,), key=_recorded_key)
            return sorted(self._by_recorded[lo:hi], key=_newest_key, reverse=True)

    def region_counts(self) -> Counter[str]:
        with self.db.lock:
            return Counter({region: len(evs) for region, evs in self._by_region.items()})

    def actor_counts(self) -> Counter[str]:
        with self.db.lock:
            return Counter({actor: len(evs) for actor, evs in self._by_actor.items()})

    # -- changes -----------------------------------------------------------------------------

    def new_id(self) -> str:
        """An event id no stored event has (for a caller that must know it before `add`)."""
        return new_event_id(self._by_id)

    def add(self, values: dict[str, Any], *, created_by: int | None, today: dtm.date,
            event_id: str | None = None) -> Event:
        """Store a validated event (see `briefings.forms`); the date defaults to `today`, the id
        to a new one."""
        event = Event(
            id=event_id or new_event_id(self._by_id),
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
        known = self._by_id
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
