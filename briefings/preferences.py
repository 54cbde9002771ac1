"""Reading a chat's preferences as typed: `/subscribe 06:30 Asia/Baghdad region=Anbar,Nineveh`.

The same words work for every setting the `/settings` menu offers, so a subscriber can set
everything in one line. Every problem is reported, and nothing is changed when there is one.
"""

from __future__ import annotations

import datetime as dtm
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefings import acled
from briefings.dates import LANGUAGE_NAMES
from briefings.gazetteer import Gazetteer
from briefings.messages import say
from briefings.subscriptions import ALL_DAYS, Filters

TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_PRESETS = {"daily": ALL_DAYS, "everyday": ALL_DAYS, "weekdays": (0, 1, 2, 3, 4),
               "weekends": (5, 6)}
LIST = re.compile(r"\s*[,;]\s*")
ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{1,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}")


@dataclass
class Parsed:
    changes: dict[str, Any] = field(default_factory=dict)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    channel: str | None = None
    errors: list[str] = field(default_factory=list)


def parse_time(text: str) -> str | None:
    """'6:30' -> '06:30'; None when it is not a 24-hour time."""
    found = TIME.match(text.strip())
    return f"{int(found.group(1)):02d}:{found.group(2)}" if found else None


def parse_zone(text: str) -> str | None:
    """An IANA zone name as the zone database spells it, or None.

    Only zone-shaped words reach the zone database: anything else ("../../etc", a 10,000
    character word) would be looked up as a file path."""
    text = text.strip()
    if not ZONE_NAME.fullmatch(text):
        return None
    try:
        return str(ZoneInfo(text))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def parse_days(text: str) -> tuple[int, ...] | None:
    """'weekdays', 'mon-fri', 'mon,wed,fri', 'daily' -> weekday numbers (Monday 0)."""
    text = text.strip().lower()
    if text in DAY_PRESETS:
        return DAY_PRESETS[text]
    days: set[int] = set()
    for part in LIST.split(text):
        first, _, last = part.partition("-")
        if first[:3] not in DAY_NAMES or (last and last[:3] not in DAY_NAMES):
            return None
        start = DAY_NAMES.index(first[:3])
        end = DAY_NAMES.index(last[:3]) if last else start
        days.update(range(start, end + 1) if start <= end else [*range(start, 7),
                                                                 *range(0, end + 1)])
    return tuple(sorted(days)) or None


def parse_quiet(text: str) -> tuple[str, str] | str | None:
    """'22:00-07:00' -> ('22:00', '07:00'); 'off' -> None; anything else -> 'bad'."""
    if text.strip().lower() in ("off", "none", "no"):
        return None
    start, _, end = text.partition("-")
    start, end = parse_time(start), parse_time(end)
    return (start, end) if start and end and start != end else "bad"


def parse_subscription_args(tokens: list[str], gazetteer: Gazetteer) -> Parsed:
    """The settings named on a `/subscribe` line."""
    parsed = Parsed()
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep:
            _bare_word(token, parsed)
        else:
            _setting(key.strip().lower(), value, gazetteer, parsed)
    return parsed


# A public Telegram username, as channels have (checked before asking Telegram about it).
CHANNEL_NAME = re.compile(r"@[A-Za-z][A-Za-z0-9_]{4,31}")


def _bare_word(token: str, parsed: Parsed) -> None:
    if token.startswith("@") and len(token) > 1 and CHANNEL_NAME.fullmatch(token):
        parsed.channel = token
    elif token.startswith("@") and len(token) > 1:
        parsed.errors.append(say("sub.bad_channel", value=token))
    elif time := parse_time(token):
        parsed.changes["time"] = time
    elif re.fullmatch(r"\d{1,2}:\d{1,2}", token):
        parsed.errors.append(say("sub.bad_time", value=token))
    elif token.lower() in DAY_PRESETS:
        parsed.changes["days"] = DAY_PRESETS[token.lower()]
    elif zone := parse_zone(token):
        parsed.changes["tz"] = zone
    else:
        parsed.errors.append(say("prefs.unknown_word", word=token))


def _setting(key: str, value: str, gazetteer: Gazetteer, parsed: Parsed) -> None:
    names = [n for n in LIST.split(value.strip()) if n]
    if key in ("region", "regions"):
        parsed.filters["regions"] = _names(names, gazetteer.region, "region", parsed)
    elif key in ("actor", "actors"):
        parsed.filters["actors"] = _names(names, gazetteer.actor, "actor", parsed)
    elif key in ("type", "types"):
        found = [acled.find_event_type(n) for n in names]
        for name, event_type in zip(names, found, strict=True):
            if event_type is None:
                parsed.errors.append(say("prefs.unknown_type", value=name))
        parsed.filters["event_types"] = tuple(t for t in found if t)
    elif key in ("days", "day"):
        days = parse_days(value)
        if days is None:
            parsed.errors.append(say("prefs.bad_days", value=value))
        else:
            parsed.changes["days"] = days
    elif key == "quiet":
        quiet = parse_quiet(value)
        if quiet == "bad":
            parsed.errors.append(say("prefs.bad_quiet", value=value))
        else:
            parsed.changes["quiet"] = quiet
    elif key in ("lang", "language"):
        if value.strip().lower() not in LANGUAGE_NAMES:
            parsed.errors.append(say("prefs.bad_lang", value=value, langs=tuple(LANGUAGE_NAMES)))
        else:
            parsed.changes["lang"] = value.strip().lower()
    elif key in ("tz", "timezone", "zone"):
        zone = parse_zone(value)
        if zone is None:
            parsed.errors.append(say("prefs.bad_zone", value=value))
        else:
            parsed.changes["tz"] = zone
    elif key == "time":
        time = parse_time(value)
        if time is None:
            parsed.errors.append(say("sub.bad_time", value=value))
        else:
            parsed.changes["time"] = time
    else:
        parsed.errors.append(say("prefs.unknown_setting", key=key))


def _names(names: list[str], lookup, kind: str, parsed: Parsed) -> tuple[str, ...]:
    found: list[str] = []
    for name in names:
        if name.lower() in ("all", "any", "*"):
            return ()
        match = lookup(name)
        if match.name is None:
            parsed.errors.append(say("prefs.unknown_name", kind=kind, value=name,
                                     suggestions=match.suggestions))
        elif match.name not in found:
            found.append(match.name)
    return tuple(found)


def merged_filters(current: Filters, given: dict[str, tuple[str, ...]]) -> Filters:
    """The chat's filters with the kinds named on the line replaced."""
    return Filters(
        regions=given.get("regions", current.regions),
        actors=given.get("actors", current.actors),
        event_types=given.get("event_types", current.event_types),
    )


def describe_days(days: tuple[int, ...]) -> str:
    """"every day", "on weekdays", "at weekends" or "on Mon, Wed, Fri"."""
    days = tuple(days)
    if days == ALL_DAYS:
        return say("prefs.every_day")
    if days == DAY_PRESETS["weekdays"]:
        return say("prefs.on_weekdays")
    if days == DAY_PRESETS["weekends"]:
        return say("prefs.at_weekends")
    return say("prefs.on_days", days=[DAY_NAMES[d].capitalize() for d in days])


def next_briefing(now: dtm.datetime, time: dtm.time, days: tuple[int, ...],
                  delivered_today: bool) -> dtm.date:
    """The local date of the next briefing at `time` on `days`, from local `now`."""
    day = now.date()
    if time <= now.time() or delivered_today:
        day += dtm.timedelta(days=1)
    while day.weekday() not in days:
        day += dtm.timedelta(days=1)
    return day
