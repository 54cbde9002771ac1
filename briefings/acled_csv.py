"""ACLED CSV in and out, so the log can take in real datasets and hand its events back.

Analysts work in ACLED's format (`shared/GUIDE.md` §5): one row per event, ACLED's own long actor
names ("Military Forces of Iraq (2014-2018)"), governorates as `admin1`. Importing maps those
names onto the gazetteer so imported events file under the same regions and actors as events typed
into the bot, keeps `event_id_cnty` as the event id so a re-import updates instead of duplicating,
and reports each bad row by line and reason rather than rejecting the whole file. Exporting writes
the same columns, so an export imported again gives the same events.
"""

from __future__ import annotations

import csv
import datetime as dtm
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from briefings import acled
from briefings.events import (
    MAX_ACTOR,
    MAX_ACTORS,
    MAX_FATALITIES,
    MAX_LOCATION,
    MAX_SOURCE,
    MAX_SOURCES,
    MAX_SUMMARY,
    Event,
    utc_now,
)
from briefings.forms import clean_text
from briefings.gazetteer import Gazetteer, normalise
from store import Database

if TYPE_CHECKING:
    from _csv import Reader

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
REQUIRED_COLUMNS = ("event_id_cnty", "event_date", "actor1", "admin1", "notes")
PROGRESS_EVERY = 1000

ISO_CODE = 368
COUNTRY = "Iraq"
WORLD_REGION = "Middle East"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    VIOLENCE_AGAINST_CIVILIANS: "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# Older ACLED exports write dates as "21 January 2015" or "21-January-2015" (or "21-Jan-2015").
_WRITTEN_DATE = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})")
_MONTHS = {
    name: number
    for number, month in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"),
        start=1,
    )
    for name in (month, month[:3])
}
# ACLED actor names the gazetteer has no alias for, keyed by `normalise()` of the name.
ACLED_ACTORS = {
    "military forces of the united states": "US-led coalition",
    "global coalition against daesh": "US-led coalition",
}
# "(Iraq)", "(2014-2018)": the country or period ACLED appends to an actor's name.
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*")
_LIST_SPLIT = re.compile(r"\s*;\s*")
# "Peshmerga - Kurdish Regional Government", "PKK: Kurdistan Workers Party": two names in one.
_JOINERS = re.compile(r"\s+-\s+|:\s+")
_CONTENT_FIELDS = (
    "date", "region", "location", "actors", "event_type", "sub_event_type", "fatalities",
    "summary", "sources", "latitude", "longitude",
)


@dataclass(frozen=True)
class RowProblem:
    """Why one row of the file was skipped; `line` counts the header as line 1."""

    line: int
    reason: str


@dataclass
class ImportReport:
    """What an import did, for the CLI and the bot to tell the admin."""

    added: int
    updated: int
    unchanged: int
    problems: list[RowProblem]
    new_regions: list[str]
    rows: int


class RowError(ValueError):
    """A row cannot become an event; the message says why, naming the column."""


# -- reading -------------------------------------------------------------------------------------


def read_acled_csv(
    stream: TextIO, gazetteer: Gazetteer, *, progress: Callable[[int], None] | None = None
) -> tuple[list[Event], list[RowProblem], list[str]]:
    """The events of an ACLED CSV, the rows skipped and why, and admin1 values not in the gazetteer.

    `progress` is called with the number of rows read after every PROGRESS_EVERY rows and once at
    the end.
    """
    reader = csv.reader(stream)
    header = [name.strip().lstrip("\ufeff").lower() for name in next(reader, [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        return [], [RowProblem(1, f"the header lacks the column(s) {', '.join(missing)}")], []
    names = _Names(gazetteer)
    events: list[Event] = []
    problems: list[RowProblem] = []
    first_line: dict[str, int] = {}
    new_regions: dict[str, None] = {}
    try:
        for line, row in _rows(reader, header, progress):
            try:
                event, known_region = _event(row, names)
                _check_unique(event.id, line, first_line)
            except RowError as error:
                problems.append(RowProblem(line, str(error)))
                continue
            events.append(event)
            if not known_region:
                new_regions[event.region] = None
    except csv.Error as error:
        problems.append(RowProblem(reader.line_num, f"the file stops being valid CSV ({error})"))
    return events, problems, list(new_regions)


def _rows(
    reader: Reader, header: list[str], progress: Callable[[int], None] | None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line, values by column) of each non-blank record, calling `progress` on the way."""
    count, end = 0, reader.line_num
    for fields in reader:
        line, end = end + 1, reader.line_num
        if not any(field.strip() for field in fields):
            continue
        yield line, dict.fromkeys(ACLED_COLUMNS, "") | dict(zip(header, fields, strict=False))
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress and count % PROGRESS_EVERY:
        progress(count)


def _check_unique(event_id: str, line: int, first_line: dict[str, int]) -> None:
    """Refuse an id already used on an earlier line of the same file."""
    if event_id in first_line:
        raise RowError(f"event_id_cnty {event_id} already appears on line {first_line[event_id]}")
    first_line[event_id] = line


def _event(row: dict[str, str], names: _Names) -> tuple[Event, bool]:
    """The event a row describes, and whether its admin1 is a known governorate."""
    event_id = row["event_id_cnty"].strip()
    if not event_id:
        raise RowError("event_id_cnty is empty")
    region, known_region = names.region(row["admin1"])
    event_type, sub_event_type = _event_types(row["event_type"], row["sub_event_type"])
    event = Event(
        id=event_id,
        date=_date(row["event_date"]),
        region=region,
        actors=_actors(row, names),
        summary=_summary(row["notes"]),
        location=_shorten(_clean(row["location"]), MAX_LOCATION) or None,
        event_type=event_type,
        sub_event_type=sub_event_type,
        fatalities=_fatalities(row["fatalities"]),
        sources=_sources(row["source"]),
        latitude=_coordinate(row["latitude"], "latitude", 90),
        longitude=_coordinate(row["longitude"], "longitude", 180),
        created_at=_timestamp(row["timestamp"]) or utc_now(),
    )
    return event, known_region


def _date(text: str) -> dtm.date:
    """An ACLED event_date: "2015-01-21", "21 January 2015" or "21-January-2015"."""
    text = text.strip()
    written = _WRITTEN_DATE.fullmatch(text)
    try:
        if written is None:
            return dtm.date.fromisoformat(text)
        day, month, year = written.groups()
        return dtm.date(int(year), _MONTHS.get(month.lower(), 0), int(day))
    except ValueError:
        pass
    raise RowError(f"event_date {text!r} is not a date like 2015-01-21 or 21 January 2015")


def _event_types(type_text: str, sub_text: str) -> tuple[str | None, str | None]:
    """(event type, sub-event type) in ACLED's spelling; either may be blank."""
    event_type = acled.find_event_type(type_text) if type_text.strip() else None
    if type_text.strip() and event_type is None:
        raise RowError(f"event_type {type_text.strip()!r} is not an ACLED event type")
    if not sub_text.strip():
        return event_type, None
    found = acled.find_sub_event_type(sub_text, event_type)
    if found is None:
        within = f" of {event_type}" if event_type else ""
        raise RowError(f"sub_event_type {sub_text.strip()!r} is not a sub-event type{within}")
    return found


def _actors(row: dict[str, str], names: _Names) -> tuple[str, ...]:
    """actor1, actor2, then the associated actors, as gazetteer names where one fits."""
    if not row["actor1"].strip():
        raise RowError("actor1 is empty")
    written = [row["actor1"], row["actor2"]]
    for column in ("assoc_actor_1", "assoc_actor_2"):
        written.extend(_LIST_SPLIT.split(row[column]))
    mapped = (names.actor(text) for text in written if text.strip())
    return tuple(dict.fromkeys(mapped))[:MAX_ACTORS]


def _summary(notes: str) -> str:
    """The notes on one line, shortened to MAX_SUMMARY characters if ACLED wrote more."""
    summary = _shorten(_clean(notes), MAX_SUMMARY)
    if not summary:
        raise RowError("notes is empty")
    return summary


def _fatalities(text: str) -> int | None:
    """A fatality count; blank means not reported."""
    if not text.strip():
        return None
    try:
        number = int(text)
    except ValueError:
        raise RowError(f"fatalities {text.strip()!r} is not a whole number") from None
    if not 0 <= number <= MAX_FATALITIES:
        raise RowError(f"fatalities {number} is not between 0 and {MAX_FATALITIES}")
    return number


def _sources(text: str) -> tuple[str, ...]:
    """The ';'-separated sources, each shortened to MAX_SOURCE characters."""
    parts = (_shorten(_clean(part), MAX_SOURCE) for part in _LIST_SPLIT.split(text))
    return tuple(dict.fromkeys(part for part in parts if part))[:MAX_SOURCES]


def _coordinate(text: str, column: str, bound: int) -> float | None:
    """A latitude or longitude in degrees; blank means not known."""
    if not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not -bound <= value <= bound:
        raise RowError(f"{column} {text.strip()!r} is not a number between -{bound} and {bound}")
    return value


def _timestamp(text: str) -> dtm.datetime | None:
    """ACLED's last-update Unix time, which becomes when the event entered the log."""
    if not text.strip():
        return None
    try:
        return dtm.datetime.fromtimestamp(int(text), dtm.UTC)
    except (ValueError, OverflowError, OSError):
        raise RowError(f"timestamp {text.strip()!r} is not a Unix time") from None


def _clean(text: str) -> str:
    """`forms.clean_text`, with a fast path for plain text (what a big import is mostly made of)."""
    return " ".join(text.split()) if text.isprintable() else clean_text(text)


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"


class _Names:
    """Gazetteer lookups for ACLED's spellings, each distinct name looked up once.

    Only exact gazetteer hits count: ACLED names are curated, so a near miss ("Military Forces of
    the United States" ~ "Military Forces of Iraq", a Syrian admin1 ~ an Iraqi one) is a different
    name, not a typo.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._regions: dict[str, tuple[str, bool]] = {}
        self._actors: dict[str, str] = {}

    def region(self, admin1: str) -> tuple[str, bool]:
        """(governorate, True), or (admin1 as written, False) when the gazetteer lacks it."""
        if admin1 not in self._regions:
            written = _clean(admin1)
            if not written:
                raise RowError("admin1 is empty")
            match = self.gazetteer.region(written)
            known = match.name is not None and not match.corrected
            self._regions[admin1] = (match.name, True) if known else (written, False)
        return self._regions[admin1]

    def actor(self, written: str) -> str:
        """The gazetteer actor an ACLED actor name stands for, else the name as written."""
        if written not in self._actors:
            name = _clean(written)
            found = filter(None, map(self._known_actor, _name_parts(name)))
            self._actors[written] = next(found, _shorten(name, MAX_ACTOR))
        return self._actors[written]

    def _known_actor(self, text: str) -> str | None:
        match = self.gazetteer.actor(text)
        if match.name and not match.corrected:
            return match.name
        named = ACLED_ACTORS.get(normalise(text))
        return named if named in self.gazetteer.actors else None


def _name_parts(name: str) -> list[str]:
    """The names to try for an ACLED actor, most telling first.

    "Military Forces of Iraq (2014-2018) Peshmerga" -> itself, "Peshmerga", "Military Forces of
    Iraq"; "Peshmerga - Kurdish Regional Government" -> itself, "Peshmerga", "Kurdish Regional
    Government"; "PKK: Kurdistan Workers Party" -> itself, "PKK", .... A unit named after the
    qualifier is more specific than the force before it, so those pieces are tried last first;
    names joined by " - " or ": " in written order.
    """
    pieces = [piece for piece in _QUALIFIER.split(name) if piece][::-1]
    parts = [name, *pieces]
    for piece in pieces:
        parts.extend(part for part in _JOINERS.split(piece) if part)
    return list(dict.fromkeys(parts))


# -- storing -------------------------------------------------------------------------------------


def import_events(events: list[Event], db: Database) -> tuple[int, int, int]:
    """Store `events` by id: (added, updated, unchanged). New ones go in with one write.

    An event whose id is already stored replaces its content (keeping who and when created it,
    and stamping `updated_at`) only if something changed; if ids repeat, the last one counts.
    """
    stored = {doc["id"]: doc for doc in db.all_events()}
    now = utc_now()
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    latest = {event.id: event for event in events}
    for event in latest.values():
        doc = stored.get(event.id)
        if doc is None:
            new.append(event.to_doc())
            continue
        old = Event.from_doc(doc)
        if _content(old) != _content(event):
            changes = dict(zip(_CONTENT_FIELDS, _content(event), strict=True))
            changed.append(old.with_changes(**changes, updated_at=now).to_doc())
    if new:
        db.insert_events(new)
    _replace_events(db, changed)
    return len(new), len(changed), len(latest) - len(new) - len(changed)


def _content(event: Event) -> tuple[Any, ...]:
    """What an import can change: everything but the bookkeeping."""
    return tuple(getattr(event, name) for name in _CONTENT_FIELDS)


def _replace_events(db: Database, docs: list[dict[str, Any]]) -> None:
    """Replace stored events in one write where the store offers it, else one by one."""
    replace_events = getattr(db, "replace_events", None)
    if replace_events is not None:
        if docs:
            replace_events(docs)
        return
    for doc in docs:
        db.replace_event(doc)


def import_acled_file(
    source: str | os.PathLike[str] | TextIO,
    db: Database,
    gazetteer: Gazetteer,
    *,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read an ACLED CSV (a path or an open text stream) and store its good rows."""
    if isinstance(source, str | os.PathLike):
        with Path(source).open(encoding="utf-8-sig", newline="") as stream:
            events, problems, new_regions = read_acled_csv(stream, gazetteer, progress=progress)
    else:
        events, problems, new_regions = read_acled_csv(source, gazetteer, progress=progress)
    added, updated, unchanged = import_events(events, db)
    bad_rows = sum(1 for problem in problems if problem.line > 1)
    return ImportReport(added, updated, unchanged, problems, new_regions, len(events) + bad_rows)


# -- writing -------------------------------------------------------------------------------------


def write_acled_csv(events: Iterable[Event], stream: TextIO, gazetteer: Gazetteer) -> int:
    """Write `events` as ACLED CSV rows under the ACLED header; the number of rows written.

    Unknown fatalities are written blank, not 0, so that "not reported" survives a round trip.
    """
    writer = csv.writer(stream)
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for event in events:
        row = _acled_row(event, gazetteer)
        writer.writerow([row.get(column, "") for column in ACLED_COLUMNS])
        count += 1
    return count


def _acled_row(event: Event, gazetteer: Gazetteer) -> dict[str, Any]:
    """The ACLED columns of one event (blank ones left out)."""
    actor1, actor2, *rest = (*event.actors, "", "")
    inter1 = gazetteer.actor_inter(actor1)
    inter2 = gazetteer.actor_inter(actor2) if actor2 else None
    return {
        "event_id_cnty": event.id,
        "event_date": event.date.isoformat(),
        "year": event.date.year,
        "time_precision": 1,
        "disorder_type": DISORDER_TYPES.get(event.event_type or "", ""),
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": actor1,
        "assoc_actor_1": "; ".join(actor for actor in rest if actor),
        "inter1": inter1 or "",
        "actor2": actor2,
        "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2, bool(actor2)),
        "civilian_targeting": _civilian_targeting(event),
        "iso": ISO_CODE,
        "region": WORLD_REGION,
        "country": COUNTRY,
        "admin1": event.region,
        "location": event.location or "",
        "latitude": "" if event.latitude is None else event.latitude,
        "longitude": "" if event.longitude is None else event.longitude,
        "geo_precision": 1 if event.location else 3,
        "source": "; ".join(event.sources),
        "notes": event.summary,
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "timestamp": int(event.recorded_at.timestamp()),
    }


def _interaction(inter1: int | None, inter2: int | None, two_sided: bool) -> int | str:
    """ACLED's interaction code: both inter codes, lower first ("12"), or "10" for one side."""
    if inter1 is None:
        return ""
    if not two_sided:
        return inter1 * 10
    if inter2 is None:
        return ""
    low, high = sorted((inter1, inter2))
    return int(f"{low}{high}")


def _civilian_targeting(event: Event) -> str:
    """ACLED's flag for political violence aimed at civilians."""
    if event.event_type == VIOLENCE_AGAINST_CIVILIANS or (
        DISORDER_TYPES.get(event.event_type or "") == "Political violence"
        and "Civilians" in event.actors[1:]
    ):
        return "Civilian targeting"
    return ""


def write_events_json(events: Iterable[Event], stream: TextIO) -> int:
    """Write `events` as a JSON list of event documents; the number written."""
    docs = [event.to_doc() for event in events]
    json.dump(docs, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(docs)
