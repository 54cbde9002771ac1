"""Incident records: a monitor's or a dossier's entries laid out as fields, or a list
article's table rows, not prose.

    IRQ-0781 | Monday 13 March 2017 | Wadi Hajar, west Mosul
    Killed: 5-6 civilians.
    Suspected belligerent: US-led Coalition.
    Summary: Relatives said an aircraft struck the family's house at about 11pm.

or, in a table under "Date | Location | Governorate | Perpetrator | Description":

    20 July | Parakh resort, Zakho District | Duhok | Turkey | Artillery shells struck ...

An analyst reads such an entry as one incident: on the header's day, at its place, by the
belligerent its fields name, as its narrative tells. The reader reads prose, so an entry is
turned into the prose it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^\s*(?P<name>[A-Z][A-Za-z]*(?:[ /-][A-Za-z()]+){0,3})\s*:\s+(?P<value>\S.*)$")
# A header of an entry: an identifier and the fields after it, cut by bars ("#118 | Friday ...")
# or a dash ("CASE SNJ-004 — Kocho, Sinjar district").
_HEADER = re.compile(r"^\s*\S.{0,40}?\s(?:\||[—–])\s")
_DATE = re.compile(r"(?i)\bdate\b")
_PLACE = re.compile(r"(?i)^(?:location|place|site|area|governorate|province|district)$")
_PERPETRATOR = re.compile(r"(?i)perpetrator|belligerent|attributed|responsib|^actor")
_MEANS = re.compile(r"(?i)^(?:weapons?|means|strike type|harm|type|incident type|method)$")
_TARGET = re.compile(r"(?i)^(?:targets?|victims?)$")
# A table's cells and the names over its columns ("Date | Location | Perpetrator | Details").
_CELLS = re.compile(r"\s+\|\s+")
_COLUMN = re.compile(r"^[A-Z][\w.]*(?:\s[\w.()]+){0,2}$")
_NARRATIVE = re.compile(r"(?i)^(?:summary|notes?|description|details|narrative|account|"
                        r"what happened|incident)$")


@dataclass
class Record:
    """One entry's header (its day, perhaps its place) and the fields an analyst reads."""

    header: str
    place: str = ""
    perpetrator: str = ""
    means: str = ""
    target: str = ""
    narrative: list[str] = field(default_factory=list)

    def lead(self) -> str:
        """The entry's action as a sentence ("Car bomb (parked) hit shoppers at al-Shaab,
        Baghdad."), when its fields say by what means and where; else nothing."""
        if not (self.means and self.place):
            return ""
        hit = f" hit {self.target}" if self.target else ""  # a target hit is a victim
        return _sentence(f"{self.means[0].upper()}{self.means[1:]}{hit} at {self.place}")


def read_record(raw: str) -> Record | None:
    """*raw*, a block of lines, as an incident record if it is one: a header line then at least
    two "Name: value" lines, or a form of three or more fields one of which is its date."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    headed = bool(lines) and not _FIELD.match(lines[0])
    if len(lines) < 3 or (headed and not _HEADER.match(lines[0])):
        return None
    fields: list[list[str]] = []  # [name, value], a value wrapped over lines joined
    for line in lines[1 if headed else 0:]:
        if found := _FIELD.match(line):
            fields.append([found.group("name"), found.group("value").strip()])
        elif fields:
            fields[-1][1] += " " + line
    dated = any(_DATE.search(name) for name, _ in fields)
    if len(fields) < 2 or (not headed and (len(fields) < 3 or not dated)):
        return None
    record = Record(header=lines[0] if headed else "")
    for name, value in fields:
        _fill(record, name, value)
    return record


def table_columns(raw: str) -> list[str] | None:
    """The column names of a table's header row ("Date | Location | Perpetrator | Details"),
    if *raw* is one."""
    cells = _CELLS.split(raw.strip())
    if "\n" in raw.strip() or len(cells) < 3 or not all(_COLUMN.match(c) for c in cells):
        return None
    return cells


def read_row(raw: str, columns: list[str]) -> Record | None:
    """*raw* as a record, if it is a row of the table under *columns*: its date and place cells
    head it, its other cells are its fields."""
    cells = _CELLS.split(" ".join(raw.split()))
    if len(cells) != len(columns):
        return None
    record = Record(header="")
    for name, value in zip(columns, cells, strict=True):
        if value.strip("—–- ") and value.lower() not in ("unknown", "n/a"):
            _fill(record, name, value)
    record.header = " | ".join(part for part in (record.header.strip(" |"), record.place) if part)
    return record



def _fill(record: Record, name: str, value: str) -> None:
    """Put a field's *value* where an analyst reads it, by the field's *name*."""
    if _DATE.search(name):  # "Incident date: Friday 15 August 2014", a table's "Date found"
        record.header += f" | {value}"
    elif _PLACE.match(name):  # a table's "Location" and "Governorate" cells: one place
        record.place = f"{record.place}, {value}" if record.place else value
    elif _PERPETRATOR.search(name):
        record.perpetrator = value.rstrip(".")
    elif _MEANS.match(name):
        record.means = value.rstrip(".")
    elif _TARGET.match(name):
        record.target = value.rstrip(".")
    elif _NARRATIVE.match(name):
        record.narrative.append(_sentence(value))


def _sentence(text: str) -> str:
    """*text* ending with a full stop."""
    return text if re.search(r"[.!?][\"”’)]?$", text) else text + "."
