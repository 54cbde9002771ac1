"""What goes into a briefing: the events recorded in a period, grouped by governorate."""

from __future__ import annotations

import datetime as dtm
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefings import queries
from briefings.events import Event


@dataclass(frozen=True)
class Section:
    region: str
    events: tuple[Event, ...]

    @property
    def fatalities(self) -> int:
        return sum(e.fatalities or 0 for e in self.events)


@dataclass(frozen=True)
class Briefing:
    day: dtm.date
    since: dtm.datetime
    until: dtm.datetime
    tz: str
    sections: tuple[Section, ...]
    lang: str = "en"

    @property
    def event_count(self) -> int:
        return sum(len(s.events) for s in self.sections)

    @property
    def region_count(self) -> int:
        return len(self.sections)

    @property
    def fatalities(self) -> int:
        return sum(s.fatalities for s in self.sections)

    @property
    def is_quiet(self) -> bool:
        return not self.sections

    @property
    def busiest(self) -> tuple[str, ...]:
        """The governorates with the most events, when one or two stand out."""
        if len(self.sections) < 3:
            return ()
        top = len(self.sections[0].events)
        leaders = tuple(s.region for s in self.sections if len(s.events) == top)
        return leaders if len(leaders) <= 2 and top > 1 else ()


def compose_briefing(
    events: Iterable[Event],
    since: dtm.datetime,
    until: dtm.datetime,
    tz: dtm.tzinfo,
    admits: Callable[[Event], bool] | None = None,
    lang: str = "en",
) -> Briefing:
    """The briefing for events recorded in [since, until) that `admits` lets through
    (a chat's filters); busiest governorates first."""
    recorded = queries.recorded_between(events, since, until)
    if admits is not None:
        recorded = [e for e in recorded if admits(e)]
    by_region: dict[str, list[Event]] = {}
    for event in recorded:
        by_region.setdefault(event.region, []).append(event)
    sections = sorted(
        (Section(region, tuple(evs)) for region, evs in by_region.items()),
        key=lambda s: (-len(s.events), -s.fatalities, s.region),
    )
    return Briefing(
        day=until.astimezone(tz).date(),
        since=since,
        until=until,
        tz=str(tz),
        sections=tuple(sections),
        lang=lang,
    )
