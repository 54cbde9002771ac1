"""Counting the dead: numbers in digits or words, read only where they are a death toll.

Articles are full of numbers that are not fatalities ("seven car bombs", "5,000 fighters",
"10 miles", "20 percent"), so a number counts only when a killing verb or noun governs it.
"""

from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"dozen": 12, "hundred": 100}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "thousand"], key=len, reverse=True))
# "1,500", "30", "twenty-five", "two hundred", "a dozen".
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:an?\s+(?:dozen|hundred|thousand)|{_WORD})"
    rf"(?:[\s-]+(?:{_WORD}))*)"
)
_QUALIFIER = r"(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to)\s+)?"
_NOT_PEOPLE = (
    r"(?:percent|per\s+cent|%|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|cars?|bombs?|villages?|"
    r"years?|months?|days?|hours?|weeks?|families|dollars?|barrels|targets|vehicles|wells)\b"
)
_KILLED = (r"(?:killed|executed|dead|died|shot\s+dead|found\s+dead|found\s+executed|beheaded|"
           r"bodies|martyred)")
# Verbs whose object is who died: "killed 30", "shot dead a shepherd".
_KILLING = r"killed|killing|kills|executed|executing|beheaded|shot\s+dead|shooting\s+dead"
# Each pattern's group "n" is a death toll.
FATALITY_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b(?:{_KILLING}|kill|leaving|left|gunned\s+down|massacred)\s+{_QUALIFIER}"
        rf"(?P<n>{NUMBER})\b(?!\s+{_NOT_PEOPLE})",
        rf"\b(?P<n>{NUMBER})\s+(?!{_NOT_PEOPLE})(?=(?:[\w'-]+\s+){{0,4}}?"
        rf"(?:(?:were|was|have\s+been|had\s+been|are|later)\s+)*{_KILLED}\b)",
        rf"\blost\s+{_QUALIFIER}(?P<n>{NUMBER})\s+(?:of\s+(?:its|their)\s+)?"
        r"(?:fighters|soldiers|men|members|troops|policemen|militiamen|officers)\b",
        rf"\bdeath\s+toll\s+(?:rose\s+to|of|reached|stood\s+at|climbed\s+to)\s+{_QUALIFIER}"
        rf"(?P<n>{NUMBER})\b",
    )
)
# A single victim told without a number: "shot dead a shepherd", "a soldier was killed".
_PERSON_NOUN = (
    r"(?:m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|bab(?:y|ies)|civilians?|farmers?|shepherds?|"
    r"drivers?|activists?|lawyers?|journalists?|reporters?|doctors?|teachers?|students?|"
    r"officers?|policem[ae]n|soldiers?|fighters?|members?|mukhtars?|elders?|sheikhs?|clerics?|"
    r"officials?|emirs?|commanders?|leaders?|contractors?|porters?|workers?|employees?|owners?|"
    r"guards?|judges?|candidates?|organi[sz]ers?|dissidents?|traders?|merchants?|engineers?|"
    r"nurses?|imams?|councill?ors?|councilm[ae]n|militants?|militiam[ae]n|volunteers?|pilots?|"
    r"lieutenants?|captains?|colonels?|majors?|generals?|sergeants?|brigadiers?|"
    r"sons?|daughters?|wife|wives|husbands?|brothers?|sisters?|nephews?|cousins?|fathers?|"
    r"mothers?|companions?|bodyguards?)"
)
_PERSON = rf"(?:(?!wound|injur|number)[\w'-]+\s+){{0,3}}?{_PERSON_NOUN}\b"
ONE_VICTIM_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b(?:{_KILLING}|assassinated|assassinating|shot\s+and\s+killed)\s+"
        rf"(?P<n>an?|the|its|his|her)\s+"
        rf"{_PERSON}",
        r"\b(?:killing|killed)\s+(?P<n>him|her)\b",
        rf"(?:^|[,;:]\s+|\b(?:when|after|as|and)\s+)(?P<n>an?)\s+{_PERSON}\s+"
        r"(?:was|has\s+been|had\s+been|is)\s+(?:shot\s+dead|killed|martyred|executed)\b",
    )
)
# More victims listed after the first: "a man, his wife and their three children".
_MORE_VICTIMS = re.compile(
    rf"(?:\s+of\s+(?:[\w'-]+\s+){{0,3}}?[\w'-]+)?(?:,\s*(?:and\s+)?(?=his|her|their)|\s+and\s+)"
    rf"(?:(?:his|her|their|its)\s+)?(?:(?P<n>{NUMBER})\s+(?:of\s+(?:his|her|their)\s+)?)?"
    rf"(?:an?\s+)?{_PERSON}",
    re.IGNORECASE,
)


# "killed three soldiers and two policemen": the next group of the same toll, counted.
_COUNTED_VICTIMS = re.compile(rf"\s+{_PERSON}(?P<more>\s+and\s+(?P<n>{NUMBER})\s+{_PERSON})",
                              re.IGNORECASE)


def _add_counted_victims(text: str, end: int, tolls: dict[int, int]) -> None:
    """Add to *tolls* the counted group that follows a toll ending at *end*, if any."""
    if (more := _COUNTED_VICTIMS.match(text, end)) and (value := parse_number(more.group("n"))):
        tolls.setdefault(more.start("n"), value)


def parse_number(text: str) -> int | None:
    """The value of a number in digits or English words ("1,500", "twenty-five"); None if none."""
    text = text.strip().lower()
    if re.fullmatch(r"[\d,]+", text):
        return int(text.replace(",", ""))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word in ("a", "an"):
            current = 1
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
    return total + current or None


_MONTH_BEFORE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)


def fatalities(text: str) -> int | None:
    """The deaths *text* reports, summing distinct tolls ("four soldiers and eleven militants")."""
    tolls: dict[int, int] = {}
    for pattern in FATALITY_PATTERNS:
        for match in pattern.finditer(text):
            value = parse_number(match.group("n"))
            if value is not None and not _MONTH_BEFORE.search(text, 0, match.start("n")):
                tolls.setdefault(match.start("n"), value)
                if pattern is FATALITY_PATTERNS[0]:
                    _add_counted_victims(text, match.end(), tolls)
    for pattern in ONE_VICTIM_PATTERNS:
        for match in pattern.finditer(text):
            tolls.setdefault(match.start("n"), 1)
            end = match.end()
            while pattern is ONE_VICTIM_PATTERNS[0] and (more := _MORE_VICTIMS.match(text, end)):
                count = more.group("n")
                tolls.setdefault(more.start("n") if count else more.start(),
                                 parse_number(count) or 1 if count else 1)
                end = more.end()
    return sum(tolls.values()) if tolls else None
