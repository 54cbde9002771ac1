"""Dates as readers of each supported language write them (the "language of dates" setting).

Month and weekday names come from these tables rather than the process locale, which a server
rarely has installed and which would change every chat's briefing at once. Iraqi Arabic uses the
Levantine month names (كانون الثاني for January).
"""

from __future__ import annotations

import datetime as dtm

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "ar": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
           "تشرين الأول", "تشرين الثاني", "كانون الأول"),
}
SHORT_MONTHS = {
    "en": tuple(name[:3] for name in MONTHS["en"]),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "ar": MONTHS["ar"],
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}


def _lang(lang: str) -> str:
    return lang if lang in MONTHS else "en"


def long_date(day: dtm.date, lang: str = "en") -> str:
    """21 Jan 2015."""
    return f"{day.day} {SHORT_MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def short_date(day: dtm.date, lang: str = "en") -> str:
    """21 Jan."""
    return f"{day.day} {SHORT_MONTHS[_lang(lang)][day.month - 1]}"


def weekday_date(day: dtm.date, lang: str = "en") -> str:
    """Tuesday 24 November 2026."""
    code = _lang(lang)
    return f"{WEEKDAYS[code][day.weekday()]} {day.day} {MONTHS[code][day.month - 1]} {day.year}"


def stamp(moment: dtm.datetime, lang: str = "en") -> str:
    """23 Nov 07:00."""
    return f"{short_date(moment.date(), lang)} {moment:%H:%M}"
