"""Is a candidate an event already stored? Same date and region, an actor in common, alike words.

Admins often paste several reports of the same day's events; a candidate that repeats a stored
event is flagged with that event's id rather than offered as new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from briefings.events import Event

# A stored event is the same as a candidate when summary similarity plus bonuses reaches this.
DUPLICATE_SCORE = 0.5
SAME_SUB_TYPE_BONUS = 0.2
SAME_LOCATION_BONUS = 0.1
STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "but", "by", "for", "from",
    "with", "as", "is", "was", "were", "are", "has", "had", "have", "it", "its", "their", "they",
    "that", "this", "said", "says", "near", "into", "out", "than", "more",
})


class Proposed(Protocol):
    """What duplicate detection looks at in a candidate."""

    date: object
    region: str | None
    location: str | None
    actors: tuple[str, ...]
    sub_event_type: str | None
    summary: str


def _similarity(one: str, other: str) -> float:
    """How alike two summaries are (0..1): the share of the shorter one's words in the other."""
    words = [set(re.findall(r"[a-z0-9]+", text.lower())) - STOPWORDS for text in (one, other)]
    shorter = min(len(words[0]), len(words[1]))
    return len(words[0] & words[1]) / shorter if shorter else 0.0


def find_duplicate(candidate: Proposed, existing: Iterable[Event]) -> str | None:
    """The id of the stored event *candidate* repeats: same date and region, an actor in
    common, a similar summary (the likeliest if several)."""
    best, best_score = None, DUPLICATE_SCORE
    for event in existing:
        if event.date != candidate.date or event.region != candidate.region:
            continue
        if candidate.actors and event.actors and not set(candidate.actors) & set(event.actors):
            continue
        score = _similarity(candidate.summary, event.summary)
        score += SAME_SUB_TYPE_BONUS * (event.sub_event_type == candidate.sub_event_type)
        score += SAME_LOCATION_BONUS * (event.location == candidate.location)
        if score >= best_score:
            best, best_score = event.id, score
    return best
