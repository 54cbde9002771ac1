"""Dates as articles write them, made absolute.

Reports date events every which way: "On Jan. 21", "January 21, 2015", "21 January", "the same
day", "yesterday", "on Tuesday", "two days later". Absolute dates without a year take the
article's year; relative ones count from the article's date (its dateline, or the date the admin
gives), except "the same day", "a day earlier" and "two days later", which count from the date
last mentioned.
"""

from __future__ import annotations

import datetime as dtm
import re
from dataclasses import dataclass

from briefings.extraction.numbers import NUMBER, parse_number

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (  # "June 10", and "JUNE 10 -" as timelines and bulletins capitalise it
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|"
    r"MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|"
    r"DEC(?:EMBER)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# 5/1/2017, 23-09-2021, 05.07.2017: day first, as Iraqi and British outlets write it
_DAY_FIRST = re.compile(r"(?<![\d/.-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)"
                        r"(?P<year>(?:19|20)\d\d)\b")
# A weekday as logs write it, short or long: "Tue", "Thu.", "Monday".
WEEKDAY_SHORT = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
ABSOLUTE = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![\w]){_YEAR}"),
    # 2015-02-09, and 2023/06/11 or 2023.06.11 as Arabic outlets stamp their pages
    re.compile(r"\b(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)"
               r"(?P<day>[0-3]?\d)\b"),
    # "01/22/15 AT 11:29 AM", "3/5/2015 10:20 am ET": an American site's stamp, month first
    re.compile(r"(?<![\d/.-])(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)"
               r"(?=,?\s+(?:(?i:at)\s+)?[01]?\d:[0-5]\d\s*(?:[AaPp]\.?[Mm]\b|E[SD]?T\b))"),
    # "1/22/2015": there is no 22nd month, so this one is month first too
    re.compile(r"(?<![\d/.-])(?P<month>[01]?\d)/(?P<day>1[3-9]|2\d|3[01])/"
               r"(?P<year>(?:19|20)\d\d)\b"),
    _DAY_FIRST,
    # "071100CMAR17", "17MAR17": a military date-time group, day first and the year in two digits
    re.compile(r"\b(?P<day>[0-3]?\d)(?:[0-2]\d[0-5]\d[A-Z]?)?(?P<month>JAN|FEB|MAR|APR|MAY|JUN|"
               r"JUL|AUG|SEP|OCT|NOV|DEC)(?P<year>[12]\d)\b"),
    # "201800C OCT 17": the same group written with spaces, as a company's incident log has it
    re.compile(r"\b(?P<day>[0-3]\d)[0-2]\d[0-5]\d[A-Z]\s(?P<month>(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|"
               r"AUG|SEP|OCT|NOV|DEC))\s(?P<year>[12]\d)\b"),
    # "[21.10.16 06:48]": a chat export's stamp, the year in two digits
    re.compile(r"(?<![\d./-])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>[12]\d)"
               r",?\s+[0-2]?\d:[0-5]\d\b"),
    # "12/03: IS militants attacked ...": a bulletin item led by its day and month
    re.compile(r"^(?:[A-Z][\w' -]{0,30}:\s+|[A-Z][A-Z' -]{1,30}\s(?=\d))?"
               rf"(?:{WEEKDAY_SHORT}\s+)?"
               r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?P<year>)"
               rf"(?:\s*\({WEEKDAY_SHORT}\))?"  # "10/03 (Mon), late evening -"
               r"(?:,\s*[\w. -]{1,30}?)?"  # "13/03, approx. 0730 hrs - Mosul"
               r"\s*[:–—-]\s"),  # under a section heading too ("KIRKUK: 12/03: ", "Tue 17/08 — ")
)
# A broadcast's spoken date: "the twentieth of October, two thousand sixteen", "June the 5th".
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth")
_ORDINAL_DAYS = {word: day for day, word in enumerate(
    (*_ORDINALS, *(f"twenty-{word}" for word in _ORDINALS[:9]), "thirtieth", "thirty-first"),
    start=1)}
_ORDINAL = "|".join(sorted((word.replace("-", "[\\s-]") for word in _ORDINAL_DAYS),
                           key=len, reverse=True))
_SPOKEN_YEAR = (r"(?:,?\s+(?P<year>(?:19|20)\d\d|(?:two\s+thousand(?:\s+and)?|twenty)[\s-]+"
                r"(?:twenty[\s-](?:one|two|three|four|five)|one|two|three|four|five|six|seven|"
                r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                r"eighteen|nineteen|twenty)\b))?")
SPOKEN = (
    re.compile(rf"\b(?:the\s+)?(?P<day>{_ORDINAL})\s+of\s+{_MONTH}\b{_SPOKEN_YEAR}"),
    re.compile(rf"\b{_MONTH}\s+the\s+(?P<day>{_ORDINAL}|[0-3]?\d(?:st|nd|rd|th))\b{_SPOKEN_YEAR}"),
)
ABSOLUTE += SPOKEN
# "March 3 - 9, 2016", "(January 3 - 5, 2014)": a report's period, dated by its last day.
PERIOD = re.compile(
    rf"\b{_MONTH}\s+[0-3]?\d\s*[-–]\s*(?:{_MONTH.replace('?P<month>', '?:')}\s+)?"
    rf"{_DAY},?\s+(?P<year>(?:19|20)\d\d)\b")
# Who said when ("the ministry said on Wednesday that its troops killed ... the previous day"):
# the day something was said, not the day it happened, when the sentence names another.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|revealed|reported|stated|confirmed|speaking|told\s+(?:(?!that\b)[\w\s]){1,30}?)"
    r"\s*,?\s*(?:late\s+|early\s+)?(?:on\s+)?$|"
    r"\bin\s+(?:a|its|their)\s+(?:[\w-]+\s+)?statement\s*,?\s*"
    r"(?:late\s+|early\s+)?(?:on\s+)?$", re.I)
# (pattern, days from the article's date) and (pattern, days from the date last mentioned).
FROM_ANCHOR = (
    (re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I), -2),
    (re.compile(r"\byesterday\b|\blast\s+night\b", re.I), -1),
    (re.compile(r"\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b", re.I), 0),
)
FROM_CONTEXT = (
    (re.compile(r"\b(?:the\s+)?same\s+(?:day|night)\b|\bthat\s+(?:day|night)\b", re.I), 0),
    (re.compile(r"\b(?:the\s+)?(?:next|following)\s+(?:day|morning)\b|\ba\s+day\s+later\b|"
                r"\bthe\s+day\s+after\b", re.I), 1),
    (re.compile(r"\bthe\s+(?:(?:day|night|evening)\s+before|previous\s+(?:day|evening|night|morning|"
                r"afternoon))\b", re.I), -1),
)
# "Ten years ago today": the anniversary's day, years before the article's.
YEARS_AGO_TODAY = re.compile(rf"\b(?P<n>{NUMBER}|a|one)\s+years?\s+ago\s+(?:today|this\s+week)\b",
                             re.I)
# "two days later", "a day earlier", "three days before" count from the date last mentioned;
# "two days ago" from the article's date.
DAYS_LATER = re.compile(
    rf"\b(?P<n>{NUMBER}|an?|one)\s+days?\s+(?P<dir>later|after|afterwards|earlier|before|"
    r"previously|ago)\b",
    re.I,
)
WEEKDAY = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})\b", re.I)
# "On the 8th": a day of the month the article is in (or of the one before, if still to come).
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
DAY_OF_MONTH = re.compile(
    rf"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?![\s-]+centur)(?!\s+(?:of\s+)?{_ANY_MONTH})"
    r"(?!\s+(?!(?:at|in|on|of|when|as|and|after|before|with|by|while|a|an|the|to|from|during|"
    r"until|till|near|amid|morning|evening|night|afternoon|dawn|day|that|this|its|their|"
    r"his|her)\b)(?-i:[a-z]))"  # not "the 22nd rocket attack"
    r"(?!\s+(?:(?-i:[A-Z]{2,5})\s+)?(?:(?:armou?red|infantry|mechani[sz]ed|motori[sz]ed|commando|special|rapid|"
    r"response|federal|police|army|emergency|tank|artillery|border|peshmerga|golden)\s+)*"
    r"(?:division|brigade|regiment|battalion|corps|army|company|squadron|unit))", re.I)
# Spans with no day in them: the event is dated no more precisely than a week or a month.
VAGUE = re.compile(
    r"\b(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month)\b|\b(?:this|last|that|the\s+same|"
    r"that\s+same|the\s+previous|the\s+past)\s+(?:week|month)\b|\bin\s+recent\s+(?:days|weeks)\b|"
    r"\brecently\b|^\s*(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+(?:19|20)\d\d\s*[-–—:]\s",  # a timeline's "JANUARY 2014 - ..."
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date a sentence names: absolute, or how to count it from the article or the context."""

    date: dtm.date | None  # resolved already (absolute dates)
    year_given: bool = False
    year_told: bool = False  # "that year": the year of the date last mentioned
    anchor_offset: int | None = None  # days from the article's date
    years_before: int = 0  # "ten years ago today": with anchor_offset 0
    context_offset: int | None = None  # days from the date last mentioned
    weekday: int | None = None  # Monday=0: the last such day on or before the article's date
    day_of_month: int | None = None  # the last such day on or before the article's date
    vague: bool = False  # "earlier this week": no day can be given
    start: int = 0
    base: DateMention | None = None  # "said on Wednesday ... the previous day": counts from it
    spoken: bool = False  # only the day someone spoke ("revealed, on Sunday, that ...")
    reported: bool = False  # the day the report came, told last ("..., a source said Sunday.")
    of_context: bool = False  # "that Thursday": the weekday of the date last mentioned

    @property
    def relative(self) -> bool:
        """Whether the mention depends on another date."""
        return self.date is None


def find_date(text: str, year: int) -> DateMention | None:
    """The first date *text* names (not counting when someone spoke, if it names another);
    *year* completes dates written without one."""
    text = _TODAY_NAMED.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    absolute, relative = _absolute(text, year), _relative(text)
    if absolute and relative and relative.weekday is not None and \
            0 < absolute.start - relative.start <= 12:
        relative = None  # "On Thursday, 24 July 2014": the date the weekday names
    elif absolute and relative and _SAME_DAY_SPELT.match(text, relative.start, absolute.start):
        relative = None  # "The next day, June 11, ...": the date it spells out
    mentions = [m for m in (absolute, relative) if m is not None]
    first = min(mentions, key=lambda mention: (mention.vague, mention.start), default=None)
    said = first is not None and _SAID_BEFORE.search(text[max(0, first.start - 40):first.start])
    if not said:
        return first
    if len(text) - first.start < 25:  # "..., the ministry said today." dates it, unless a
        return DateMention(**{**first.__dict__, "reported": True})  # later sentence tells a day
    later = find_date(text[first.start + 3:], year)
    if later is None or later.vague:
        return DateMention(**{**first.__dict__, "spoken": True})
    return DateMention(**{**later.__dict__, "start": later.start + first.start + 3,
                          "base": first if later.context_offset is not None else None})


# "The next day, June 11,", "Two days later, on June 13,", "that day, the 17th of May": a
# relative date, then spelt out.
_SAME_DAY_SPELT = re.compile(r"[\w -]{2,24},\s*(?:on\s+)?(?:the\s+)?$", re.I)
# "reported, today, Saturday, that ...": the weekday only names today.
_TODAY_NAMED = re.compile(
    r"\b((?i:today|tonight))\s*,\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def header_date(text: str, year: int) -> dtm.date | None:
    """The date a header line gives ("By Jane Doe | Saturday, January 14, 2017 - 11:42 GMT",
    "Iraq Situation Report: March 3 - 9, 2016"), if it names a year."""
    text = re.sub(r"\b[A-Z]{3,9}\b",  # "OCTOBER 5, 2017"
                  lambda m: m.group(0).title() if m.group(0)[:3].lower() in MONTHS else m.group(0),
                  text)
    text = re.sub(r"\s*,\s*(?=(?:19|20)\d\d\b)", ", ", text)  # "13 March ,2020" as a CMS prints it
    if period := PERIOD.search(text):
        return calendar_date(period, year)
    mention = _absolute(text, year)
    return mention.date if mention is not None and mention.year_given else None


def period_start(text: str) -> dtm.date | None:
    """The first day of the month or season *text* names without a day ("in May 2015", "in the
    autumn of 2014"): where the days told after it without a year fall."""
    if found := _MONTH_OF_YEAR.search(text):
        return dtm.date(int(found.group("year")), MONTHS[found.group("month")[:3].lower()], 1)
    if found := _SEASON_OF_YEAR.search(text):
        return dtm.date(int(found.group("year")), _SEASON_MONTHS[found.group("season").lower()], 1)
    return None


def within_period(date: dtm.date, start: dtm.date) -> dtm.date | None:
    """*date* moved into the year of a period that began on *start*, if it then falls in the
    three months after that start ("the 29th of October" after "the autumn of 2014")."""
    moved = _in_year(date, start.year)
    return moved if 0 <= (moved - start).days <= 92 else None


_MONTH_OF_YEAR = re.compile(rf"\b[Ii]n\s+(?:(?:early|late|mid-?)\s*)?{_MONTH}\s+"
                            r"(?P<year>(?:19|20)\d\d)\b")
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_OF_YEAR = re.compile(r"\b(?:in\s+)?the\s+(?P<season>spring|summer|autumn|fall|winter)\s+"
                             r"of\s+(?P<year>(?:19|20)\d\d)\b", re.I)


# "On April 26 last year", "On 7 September that year": the year a day without one belongs to.
_WHICH_YEAR = re.compile(r",?\s+(?:of\s+)?(last|this|that|the\s+same)\s+year\b", re.I)


def _absolute(text: str, year: int) -> DateMention | None:
    """The first absolute date in *text*, if a real calendar date."""
    found = []
    for pattern in ABSOLUTE:
        for match in pattern.finditer(text):
            date = calendar_date(match, year)
            if date is not None:
                given = bool(match.group("year"))
                which = None if given else _WHICH_YEAR.match(text, match.end())
                word = which.group(1).lower() if which else ""
                if word == "last":  # "On April 26 last year"
                    date = _year_before(date)
                found.append(DateMention(date, year_given=given or word in ("last", "this"),
                                         year_told=word in ("that", "the same"),
                                         start=match.start()))
                break
    return min(found, key=lambda mention: mention.start, default=None)


def calendar_date(match: re.Match, year: int) -> dtm.date | None:
    """The date a pattern matched, or None for impossible ones ("Feb. 31"); "Monday 11/4/2019"
    is month first (4 November, a Monday), as American wires write it, when the weekday says so."""
    month = match.group("month")
    number = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
    full_year, day = _year_number(match.group("year")) or year, _day_number(match.group("day"))
    full_year += 2000 if full_year < 100 else 0  # "21.10.16"
    try:
        date = dtm.date(full_year, number, day)
    except ValueError:
        date = None
    if match.re is _DAY_FIRST and (named := _WEEKDAY_BEFORE.search(
            match.string, max(0, match.start() - 16), match.start())):
        weekday = WEEKDAYS.index(named.group("weekday").lower())
        try:
            month_first = dtm.date(full_year, day, number)
        except ValueError:
            month_first = None
        if month_first and month_first.weekday() == weekday and (
                date is None or date.weekday() != weekday):
            return month_first
    return date


def _day_number(day: str) -> int:
    """A day of the month in digits ("20", "20th") or spoken ("twentieth", "twenty first")."""
    digits = re.match(r"\d+", day)
    return int(digits.group(0)) if digits else _ORDINAL_DAYS[re.sub(r"\s+", "-", day.lower())]


def _year_number(year: str | None) -> int | None:
    """A year in digits ("2016") or spoken ("two thousand sixteen", "twenty-sixteen")."""
    if not year:
        return None
    if year.isdigit():
        return int(year)
    spoken = re.sub(r"^(?:two\s+thousand(?:\s+and)?|twenty)[\s-]+", "", year)
    return 2000 + (parse_number(spoken) or 0)


_THAT_DAY = re.compile(r"\bthat\s+(?:same\s+)?$", re.I)
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+$", re.I)


def _relative(text: str) -> DateMention | None:
    """The first relative date in *text*."""
    found = []
    for pattern, offset in FROM_ANCHOR:
        if match := pattern.search(text):
            found.append(DateMention(None, anchor_offset=offset, start=match.start()))
    for pattern, offset in FROM_CONTEXT:
        if match := pattern.search(text):
            found.append(DateMention(None, context_offset=offset, start=match.start()))
    if match := YEARS_AGO_TODAY.search(text):
        years = parse_number(match.group("n")) or 1
        found.append(DateMention(None, anchor_offset=0, years_before=years, start=match.start()))
    if match := DAYS_LATER.search(text):
        days = parse_number(match.group("n")) or 0
        direction = match.group("dir").lower()
        if direction == "ago":
            found.append(DateMention(None, anchor_offset=-days, start=match.start()))
        else:
            sign = 1 if direction in ("later", "after", "afterwards") else -1
            found.append(DateMention(None, context_offset=sign * days, start=match.start()))
    day = DAY_OF_MONTH.search(text)
    if match := WEEKDAY.search(text):
        weekday = WEEKDAYS.index(match.group("weekday").lower())
        that = _THAT_DAY.search(text, 0, match.start()) is not None  # "That Thursday": the day
        if not (day and 0 < day.start() - match.end() <= 3):  # just told; "Wednesday the 8th":
            found.append(DateMention(None, weekday=weekday, start=match.start(),  # the 8th
                                     of_context=that))
    if day:
        found.append(DateMention(None, day_of_month=int(day.group("day")), start=day.start()))
    if match := VAGUE.search(text):
        found.append(DateMention(None, vague=True, start=match.start()))
    return min(found, key=lambda mention: (mention.vague, mention.start), default=None)


def resolve(
    mention: DateMention, anchor: dtm.date | None, context: dtm.date | None,
    dated: bool = True,
) -> dtm.date | None:
    """The calendar date of *mention*, given the article's date and the date last mentioned
    (not *dated*: the article has no date of its own, and "Dec. 28" after "May 17, 2015" in a
    timeline is later that year)."""
    if mention.date is not None and mention.year_told and context is not None:
        return _in_year(mention.date, context.year)  # "On 7 September that year"
    if mention.date is not None:
        if dated and anchor is not None and not mention.year_given and mention.date > anchor:
            told = _in_years_told(mention.date, context)
            if told is not None:
                return told  # "On July 9" after "On June 21, 2017" in an article of June 2024
        late = dated and anchor is not None and mention.date > anchor + dtm.timedelta(days=31)
        if late and not mention.year_given:
            return _year_before(mention.date)  # "Dec. 30" in an article of Jan. 5
        if not mention.year_given and context is not None and (anchor is None or not dated) \
                and (context - mention.date).days > 300:
            after = _in_year(mention.date, context.year + 1)  # "3 January" told after "31
            if after is not None and 0 <= (after - context).days <= 62:  # December 2019": 2020
                return after
        return mention.date
    if mention.vague:
        return None
    if mention.base is not None:
        context = resolve(mention.base, anchor, context) or context
    if mention.context_offset is not None:
        base = context or anchor
        return base + dtm.timedelta(days=mention.context_offset) if base else None
    if mention.of_context and context is not None:
        return context - dtm.timedelta(days=(context.weekday() - mention.weekday) % 7)
    if anchor is None:
        return None
    if mention.years_before:
        return _years_before(anchor, mention.years_before)
    if mention.anchor_offset is not None:
        return anchor + dtm.timedelta(days=mention.anchor_offset)
    if mention.day_of_month is not None and not dated and context is not None:
        return _day_numbered(context, mention.day_of_month, forward=True)  # a timeline moves on
    if mention.day_of_month is not None:
        return _day_numbered(anchor, mention.day_of_month)
    return anchor - dtm.timedelta(days=(anchor.weekday() - mention.weekday) % 7)


def _in_years_told(date: dtm.date, context: dtm.date | None) -> dtm.date | None:
    """*date* moved into the year of the story being told, when it falls in the weeks after the
    date last spelt out: a day after the article's own can only belong to that earlier story."""
    if context is None or context.year == date.year:
        return None
    try:
        moved = date.replace(year=context.year)
    except ValueError:  # 29 February in a year without one: no such day in that story
        return None
    return moved if dtm.timedelta(0) <= moved - context <= dtm.timedelta(days=62) else None


def _year_before(date: dtm.date) -> dtm.date:
    """The same day a year earlier."""
    return _in_year(date, date.year - 1)


def _years_before(date: dtm.date, years: int) -> dtm.date:
    """The same day *years* earlier."""
    return _in_year(date, date.year - years)


def _in_year(date: dtm.date, year: int) -> dtm.date:
    """The same day in *year* (28 February for 29 February)."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)


def _day_numbered(reference: dtm.date, day: int, *, forward: bool = False) -> dtm.date | None:
    """The last date numbered *day* on or before *reference*, or with *forward* the first on or
    after it ("June 17 - ... On the 26th, ...": June 26); None for "the 31st" that never was."""
    year, month = reference.year, reference.month
    for _ in range(2):
        try:
            date = dtm.date(year, month, day)
        except ValueError:
            date = None
        if date is not None and (date >= reference if forward else date <= reference):
            return date
        month += 1 if forward else -1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return None
