"""The `/addevent` form: `field: value` lines in, a validated event (or every problem) out.

Admins type fast and spell places many ways, so values are normalised through the gazetteer
("Al-Anbar" becomes Anbar, "ISIS" becomes Islamic State). A form with any problem is rejected
whole, with one message per field, so that nothing half-right is ever stored.
"""

from __future__ import annotations

import datetime as dtm
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

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
)
from briefings.gazetteer import Gazetteer
from briefings.messages import say

# Field names as admins type them, in the order the guided entry asks for them.
FIELDS = ("region", "location", "actors", "type", "subtype", "fatalities", "source", "date",
          "summary")
REQUIRED = ("region", "actors", "summary")
ALIASES = {
    "date": "date", "event date": "date", "event_date": "date", "day": "date",
    "region": "region", "governorate": "region", "province": "region", "admin1": "region",
    "location": "location", "place": "location", "town": "location",
    "actors": "actors", "actor": "actors",
    "type": "type", "event type": "type", "event_type": "type",
    "subtype": "subtype", "sub type": "subtype", "sub-type": "subtype",
    "sub_event_type": "subtype", "sub event type": "subtype",
    "fatalities": "fatalities", "deaths": "fatalities", "killed": "fatalities",
    "source": "source", "sources": "source",
    "summary": "summary", "notes": "summary", "description": "summary",
}
FIELD_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z _-]{0,20}?)\s*:\s?(.*)$")
LIST_SPLIT = re.compile(r"\s*[,;]\s*")
OLDEST_DATE = dtm.date(1900, 1, 1)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


@dataclass
class FormResult:
    """Validated values keyed by `Event` attribute, or the problems found."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))


def text_length(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji counts two, so that limits
    measured this way keep every message built from stored fields under 4096."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clip_text(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-16 code units, marked with … when cut."""
    if text_length(text) <= limit:
        return text
    kept: list[str] = []
    used = 1  # the …
    for char in text:
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            break
        kept.append(char)
    return "".join(kept) + "…"


def clean_text(text: str) -> str:
    """One line of printable text: control characters dropped, whitespace collapsed."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn") or ch in "\u200f\u200e"
    )
    return " ".join(kept.split())


def field_name(label: str) -> str | None:
    """The canonical field for a label as typed ("Event type" -> "type"), or None."""
    return ALIASES.get(" ".join(label.lower().replace("_", " ").split())) or ALIASES.get(
        label.strip().lower()
    )


def looks_like_field_line(line: str) -> bool:
    """A `field: value` line naming a field sitrep knows."""
    found = FIELD_LINE.match(line)
    return bool(found and field_name(found.group(1)))


def looks_like_form_line(line: str) -> bool:
    """Any `label: value` line, known field or not (a form goes on while lines look so)."""
    return bool(FIELD_LINE.match(line))


def parse_form(text: str) -> tuple[dict[str, str], list[FieldError]]:
    """Split `field: value` lines into raw values; unknown or repeated fields are errors.

    A line without a field name continues the summary when it follows `summary:`.
    """
    raw: dict[str, str] = {}
    errors: list[FieldError] = []
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = FIELD_LINE.match(line)
        name = field_name(found.group(1)) if found else None
        if found and name is None and current != "summary":
            errors.append(
                FieldError(found.group(1).strip(), say("form.unknown_field", known=FIELDS))
            )
            current = None
            continue
        if name is None:
            if current == "summary":
                raw["summary"] += " " + line.strip()
            else:
                errors.append(FieldError(f"line {number}", say("form.not_a_field", line=line)))
            continue
        if name in raw:
            errors.append(FieldError(name, say("form.repeated_field")))
            continue
        raw[name] = found.group(2).strip()
        current = name
    return raw, errors


def validate(
    raw: dict[str, str],
    gazetteer: Gazetteer,
    today: dtm.date,
    *,
    base: Event | None = None,
    partial: bool = False,
) -> FormResult:
    """Check and normalise raw values.

    With `base` (an edit) missing fields keep the base's values; with `partial` (a guided entry
    under way) missing required fields are not yet an error.
    """
    result = FormResult()
    if base is None and not partial:
        for name in REQUIRED:
            if name not in raw:
                result.fail(name, say("form.required"))
    for name, value in raw.items():
        if value.strip():
            _CHECKERS[name](value, result, gazetteer, today)
        elif name in REQUIRED:
            result.fail(name, say("form.required"))
        else:
            result.values[_ATTRIBUTE[name]] = _EMPTY[name]
    if result.ok:
        _check_consistency(result, gazetteer, base)
    return result


def _check_date(value: str, result: FormResult, _g: Gazetteer, today: dtm.date) -> None:
    text = clean_text(value)
    try:
        day = dtm.date.fromisoformat(text)
    except ValueError:
        result.fail("date", say("form.bad_date", value=text))
        return
    if day > today:
        result.fail("date", say("form.future_date", value=text, today=today.isoformat()))
    elif day < OLDEST_DATE:
        result.fail("date", say("form.ancient_date", value=text))
    else:
        result.values["date"] = day


def _check_region(value: str, result: FormResult, gazetteer: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value)
    match = gazetteer.region(text)
    if match.name is None:
        result.fail("region", say("form.unknown_region", value=text,
                                  suggestions=match.suggestions))
        return
    result.values["region"] = match.name
    if match.town:
        result.values.setdefault("_town_from_region", match.town)
    if match.corrected:
        result.notes.append(say("form.read_as", field="region", value=text, name=match.name))


def _check_location(value: str, result: FormResult, gazetteer: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value)
    if text_length(text) > MAX_LOCATION:
        result.fail("location", say("form.too_long", limit=MAX_LOCATION))
        return
    found = gazetteer.town(text)
    if found:
        result.values["location"], result.values["_location_region"] = found
    else:
        result.values["location"] = text


def _check_actors(value: str, result: FormResult, gazetteer: Gazetteer, _t: dtm.date) -> None:
    names = [clean_text(part) for part in LIST_SPLIT.split(value) if clean_text(part)]
    if not names:
        result.fail("actors", say("form.required"))
        return
    if len(names) > MAX_ACTORS:
        result.fail("actors", say("form.too_many", limit=MAX_ACTORS))
        return
    actors: list[str] = []
    for name in names:
        match = gazetteer.actor(name)
        if match.name is None and text_length(name) > MAX_ACTOR:
            result.fail("actors", say("form.too_long", limit=MAX_ACTOR))
            return
        canonical = match.name or name
        if match.name is None:
            result.notes.append(say("form.new_actor", name=name))
        elif match.corrected:
            result.notes.append(say("form.read_as", field="actors", value=name, name=canonical))
        if canonical not in actors:
            actors.append(canonical)
    result.values["actors"] = tuple(actors)


def _check_type(value: str, result: FormResult, _g: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value)
    event_type = acled.find_event_type(text)
    if event_type:
        result.values["event_type"] = event_type
        return
    sub = acled.find_sub_event_type(text)
    if sub:
        result.values["event_type"], result.values["sub_event_type"] = sub
        return
    result.fail("type", say("form.unknown_type", value=text, types=tuple(acled.EVENT_TYPES)))


def _check_subtype(value: str, result: FormResult, _g: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value)
    sub = acled.find_sub_event_type(text)
    if sub is None:
        result.fail("subtype", say("form.unknown_subtype", value=text))
        return
    result.values["_subtype"] = sub


def _check_fatalities(value: str, result: FormResult, _g: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value).replace(",", "")
    if not text.isascii() or not text.isdigit():
        result.fail("fatalities", say("form.bad_fatalities", value=clean_text(value)))
        return
    digits = text.lstrip("0") or "0"  # int() refuses over 4,300 digits: never get that far
    if len(digits) > len(str(MAX_FATALITIES)) or int(digits) > MAX_FATALITIES:
        result.fail("fatalities", say("form.too_many_fatalities", limit=MAX_FATALITIES))
        return
    result.values["fatalities"] = int(digits)


def _check_source(value: str, result: FormResult, _g: Gazetteer, _t: dtm.date) -> None:
    sources = [clean_text(part) for part in LIST_SPLIT.split(value) if clean_text(part)]
    if len(sources) > MAX_SOURCES:
        result.fail("source", say("form.too_many", limit=MAX_SOURCES))
    elif any(text_length(source) > MAX_SOURCE for source in sources):
        result.fail("source", say("form.too_long", limit=MAX_SOURCE))
    else:
        result.values["sources"] = tuple(dict.fromkeys(sources))


def _check_summary(value: str, result: FormResult, _g: Gazetteer, _t: dtm.date) -> None:
    text = clean_text(value)
    if not text:
        result.fail("summary", say("form.required"))
    elif text_length(text) > MAX_SUMMARY:
        result.fail("summary", say("form.summary_too_long", limit=MAX_SUMMARY,
                                   length=text_length(text)))
    else:
        result.values["summary"] = text


def _check_consistency(result: FormResult, gazetteer: Gazetteer, base: Event | None) -> None:
    """Cross-field rules: the town must lie in the region; the sub-type must fit the type."""
    values = result.values
    region = values.get("region") or (base.region if base else None)
    town_region = values.pop("_location_region", None)
    region_town = values.pop("_town_from_region", None)
    if town_region and region and town_region != region:
        result.fail("location", say("form.town_elsewhere", town=values["location"],
                                    region=town_region, given=region))
    if region_town and not values.get("location"):
        values["location"] = region_town
    subtype = values.pop("_subtype", None)
    if subtype:
        event_type = values.get("event_type") or (base.event_type if base else None)
        if event_type and subtype[0] != event_type:
            result.fail("subtype", say("form.subtype_mismatch", subtype=subtype[1],
                                       event_type=event_type))
        else:
            values["event_type"], values["sub_event_type"] = subtype
    elif "event_type" in values and "sub_event_type" not in values:
        values["sub_event_type"] = None


_CHECKERS = {
    "date": _check_date,
    "region": _check_region,
    "location": _check_location,
    "actors": _check_actors,
    "type": _check_type,
    "subtype": _check_subtype,
    "fatalities": _check_fatalities,
    "source": _check_source,
    "summary": _check_summary,
}
_ATTRIBUTE = {
    "date": "date", "region": "region", "location": "location", "actors": "actors",
    "type": "event_type", "subtype": "sub_event_type", "fatalities": "fatalities",
    "source": "sources", "summary": "summary",
}
_EMPTY: dict[str, Any] = {
    "date": None, "location": None, "type": None, "subtype": None, "fatalities": None,
    "source": (),
}


def form_fields(item: Any) -> list[tuple[str, str]]:
    """The `field: value` lines of an event, or of a proposed one (same attribute names)."""
    sources = getattr(item, "sources", None)
    if sources is None:
        sources = (item.source,) if getattr(item, "source", None) else ()
    return [
        ("date", item.date.isoformat() if item.date else ""),
        ("region", item.region or ""),
        ("location", item.location or ""),
        ("actors", ", ".join(item.actors)),
        ("type", item.event_type or ""),
        ("subtype", item.sub_event_type or ""),
        ("fatalities", "" if item.fatalities is None else str(item.fatalities)),
        ("source", "; ".join(sources)),
        ("summary", item.summary),
    ]


def raw_form(item: Any) -> dict[str, str]:
    """An event or proposal as the raw values `validate` checks, empty fields left out."""
    return {name: value for name, value in form_fields(item) if value}
