"""Questions readers ask of the log, as pure functions over events (newest first)."""

from __future__ import annotations

import datetime as dtm
from collections import Counter
from collections.abc import Iterable

from briefings.events import Event


def newest_first(events: Iterable[Event]) -> list[Event]:
    """By event date, then by when it was recorded, newest first."""
    return sorted(events, key=lambda e: (e.date, e.created_at, e.id), reverse=True)


def in_region(events: Iterable[Event], region: str) -> list[Event]:
    return newest_first(e for e in events if e.region == region)


def involving(events: Iterable[Event], actor: str) -> list[Event]:
    return newest_first(e for e in events if e.involves(actor))


def recorded_between(
    events: Iterable[Event], start: dtm.datetime, end: dtm.datetime
) -> list[Event]:
    """Events that entered (or changed in) the log in [start, end)."""
    return newest_first(e for e in events if start <= e.recorded_at < end)


def region_counts(events: Iterable[Event]) -> Counter[str]:
    return Counter(e.region for e in events)


def actor_counts(events: Iterable[Event]) -> Counter[str]:
    return Counter(actor for e in events for actor in e.actors)
