"""Lists of events as pages with Prev/Next buttons, and buttons that offer choices.

Telegram caps a message at 4096 characters and `callback_data` at 64 bytes, so a button names
its list by a short digest of the region or actor (`page:region:1a2b3c4d:2`) and the page is
rebuilt from the log when pressed: nothing to remember between presses, restarts included.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services import Services
from briefings.events import Event
from briefings.messages import say
from briefings.render import event_page

PAGE_PREFIX = "page"
KINDS = ("region", "actor", "latest")


def digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Listing:
    """One list readers can page through: a region's events, an actor's, or the latest."""

    kind: str
    name: str | None = None
    town: str | None = None

    def title(self) -> str:
        if self.kind == "region":
            return say("reader.region_title", region=self.name, town=self.town)
        if self.kind == "actor":
            return say("reader.actor_title", actor=self.name)
        return say("reader.latest_title")

    def events(self, services: Services) -> list[Event]:
        if self.kind == "region":
            return services.log.in_region(self.name)
        if self.kind == "actor":
            return services.log.involving(self.name)
        return services.log.newest()

    def empty_message(self) -> str:
        if self.kind == "region":
            return say("reader.no_events_region", region=self.name)
        if self.kind == "actor":
            return say("reader.no_events_actor", actor=self.name)
        return say("reader.no_events")

    def callback_data(self, page: int) -> str:
        key = digest(self.name) if self.name else "-"
        return f"{PAGE_PREFIX}:{self.kind}:{key}:{page}"


def known_names(kind: str, services: Services) -> list[str]:
    """Regions or actors a button may name: the gazetteer's and any the log uses."""
    if kind == "region":
        return sorted(set(services.gazetteer.regions) | set(services.log.region_counts()))
    return list(dict.fromkeys([*services.gazetteer.actors, *services.log.actor_counts()]))


def parse_callback(data: str, services: Services) -> tuple[Listing, int] | None:
    """The listing and page a button names, or None when it no longer resolves."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != PAGE_PREFIX or parts[1] not in KINDS:
        return None
    _, kind, key, raw_page = parts
    if not (raw_page.isascii() and raw_page.isdigit()):
        return None
    if kind == "latest":
        return Listing("latest"), int(raw_page)
    for name in known_names(kind, services):
        if digest(name) == key:
            return Listing(kind, name), int(raw_page)
    return None


def render_page(
    listing: Listing, page: int, services: Services, *, show_ids: bool
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Page `page` (clamped to what exists) and its navigation buttons."""
    events = listing.events(services)
    if not events:
        return listing.empty_message(), None
    shown = event_page(listing.title(), events, page, show_ids=show_ids)
    return shown.text, navigation(listing, shown.number, shown.has_next)


def navigation(listing: Listing, page: int, has_next: bool) -> InlineKeyboardMarkup | None:
    row = []
    if page > 1:
        row.append(
            InlineKeyboardButton(say("button.prev"), callback_data=listing.callback_data(page - 1))
        )
    if has_next:
        row.append(
            InlineKeyboardButton(say("button.next"), callback_data=listing.callback_data(page + 1))
        )
    return InlineKeyboardMarkup([row]) if row else None


def choices(kind: str, names: list[str], per_row: int = 3) -> InlineKeyboardMarkup:
    """One button per name; pressing it opens the first page of that name's events."""
    buttons = [
        InlineKeyboardButton(name, callback_data=Listing(kind, name).callback_data(1))
        for name in names
    ]
    return InlineKeyboardMarkup([buttons[i : i + per_row] for i in range(0, len(buttons), per_row)])
