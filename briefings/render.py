"""Turning events and briefings into Telegram HTML messages under Telegram's size limit.

Templates live in `templates/` with autoescaping always on, so event text typed by anyone is
escaped. Long outputs are cut between blocks (events, section headings), never inside one, so
every message is valid HTML of at most `MESSAGE_BUDGET` characters.
"""

from __future__ import annotations

import datetime as dtm
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from briefings import dates
from briefings.compose import Briefing
from briefings.events import Event

TELEGRAM_LIMIT = 4096
# Raw HTML is never shorter than the text Telegram counts, so staying under this in raw
# characters (with room for a page header) keeps every message under 4096.
MESSAGE_BUDGET = 3800
EVENTS_PER_PAGE = 5
# Lists up to this long are paged in full so their headers can say "page 2 of 7".
COUNTED_PAGES_UP_TO = 100


def _local_stamp(moment: dtm.datetime, tz: str, lang: str = "en") -> str:
    return dates.stamp(moment.astimezone(ZoneInfo(tz)), lang)


def _facts(event: Event) -> str:
    parts = [event.sub_event_type or event.event_type or "type not given"]
    if event.fatalities is not None:
        parts.append(f"{event.fatalities} killed" if event.fatalities else "no fatalities")
    if event.sources:
        parts.append("; ".join(event.sources))
    return " · ".join(parts)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("briefings", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        long_date=dates.long_date,
        short_date=dates.short_date,
        weekday_date=dates.weekday_date,
        stamp=_local_stamp,
        facts=_facts,
    )
    return env


def render(template: str, **context: object) -> str:
    """A whole template as one message (blank runs squeezed, ends trimmed)."""
    text = environment().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _macro(template: str, name: str):
    return getattr(environment().get_template(template).module, name)


def _pack(blocks: Iterable[str], budget: int, max_items: int | None) -> Iterator[list[str]]:
    """Greedy packing of whole blocks into pages of at most `budget` characters, lazily."""
    current: list[str] = []
    size = 0
    for block in blocks:
        cost = len(block) + 2
        full = max_items is not None and len(current) >= max_items
        if current and (size + cost > budget or full):
            yield current
            current, size = [], 0
        current.append(block)
        size += cost
    if current:
        yield current


def paginate(
    blocks: Iterable[str], budget: int = MESSAGE_BUDGET, max_items: int | None = None
) -> list[list[str]]:
    return list(_pack(blocks, budget, max_items))


@dataclass(frozen=True)
class Page:
    text: str
    number: int
    has_next: bool


def event_page(title: str, events: Sequence[Event], number: int, *, show_ids: bool) -> Page:
    """Page `number` (clamped to what exists) of a list of events, as one complete message.

    Only the events up to that page are rendered, so the first page of a 100,000-event log
    costs what a short list costs; the page count is shown when the list is short enough to
    count its pages cheaply.
    """
    block = _macro("_event.html.j2", "event_block")
    pages = _pack((str(block(e, show_ids)) for e in events), MESSAGE_BUDGET - 200,
                  EVENTS_PER_PAGE)
    counted = len(events) <= COUNTED_PAGES_UP_TO
    wanted = max(number, 1)
    chunks: list[list[str]] = []
    for chunk in pages:
        chunks.append(chunk)
        if not counted and len(chunks) > wanted:
            break
    has_next = len(chunks) > wanted
    wanted = min(wanted, len(chunks))
    text = render(
        "event_page.html.j2",
        title=title,
        total=len(events),
        page=wanted,
        pages=len(chunks) if counted else None,
        blocks=[Markup(b) for b in chunks[wanted - 1]],
    )
    return Page(text, wanted, has_next)


def briefing_messages(briefing: Briefing) -> list[str]:
    """The briefing as one or more messages, split between events, never inside one."""
    module = environment().get_template("briefing.html.j2").module
    if briefing.is_quiet:
        return ["\n\n".join([module.header(briefing), module.quiet(briefing), module.footer()])]
    blocks: list[str] = [f"{module.header(briefing)}\n\n{module.bottom_line(briefing)}"]
    for section in briefing.sections:
        heading = str(module.section_heading(section))
        for index, event in enumerate(section.events):
            line = str(module.event_line(event, briefing.lang))
            # A heading travels with its first event so no message ends on a bare heading.
            blocks.append(f"{heading}\n{line}" if index == 0 else line)
    blocks.append(str(module.footer()))
    return ["\n\n".join(page).replace("\n\n•", "\n•") for page in paginate(blocks)]


def alert_messages(events: Sequence[Event], lang: str = "en") -> list[str]:
    """New events for an alert, one line each, in as few messages as fit."""
    line = _macro("_event.html.j2", "event_line")
    chunks = paginate([str(line(e, lang)) for e in events], MESSAGE_BUDGET - 200)
    return [
        render("alert.html.j2", total=len(events), page=n, pages=len(chunks),
               lines=[Markup(item) for item in chunk])
        for n, chunk in enumerate(chunks, start=1)
    ]


TAG = re.compile(r"<[^>]+>")


def to_plain_text(message: str) -> str:
    """Telegram HTML as the plain text a terminal shows."""
    return html.unescape(TAG.sub("", message))
