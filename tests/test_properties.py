"""Property-based tests: whatever strangers type, sitrep answers with HTML Telegram accepts.

These run the domain code (form parsing, validation, the messages built from them) over many
generated inputs: random Unicode, control characters, right-to-left text, 10,000-character
values, HTML and Markdown fragments, `field:` lines repeated or empty. Telegram's acceptance is
judged by the fake Bot API's own parser (`tests.fakebotapi`), the same one the end-to-end tests
meet. `tests/test_hardening_fuzz.py` drives the running bot with the same strategies.
"""

from __future__ import annotations

import datetime as dtm
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jinja2 import Environment, meta

from bot.admin import _card, _errors
from bot.ingest import Proposal, parse_button
from bot.ingest import _card as _candidate_card
from bot.listing import parse_callback
from briefings import acled, forms
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
from briefings.extract import Candidate
from briefings.gazetteer import default_gazetteer
from briefings.log import EventLog
from briefings.messages import MESSAGES, say
from briefings.render import render
from store import Database
from tests import fakebotapi

TODAY = dtm.date(2026, 11, 24)
GAZETTEER = default_gazetteer()
FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces strangers paste: markup Telegram parses, markup it does not, entities, direction marks.
FRAGMENTS = [
    "<b>", "</b>", "<i>x</i>", "<a href='javascript:x'>", "</a>", "<script>", "<pre>", "</pre>",
    "<code>", "<tg-spoiler>", "<span>", "<", ">", "&", "&amp;", "&lt;", "&#0;", "&#x110000;",
    "&nbsp;", '"', "'", "*bold*", "_it_", "`code`", "```", "[link](http://x)", "\\", "||",
    "\u202e", "\u200f", "\u202a", "\u2066", "مرحبا بالعالم", "שלום", "\u0000", "\x1b[31m", "\r",
    "\t", "\u2028", "\u2029", "\ufeff", "\u200b", "🇮🇶", "👩‍👩‍👧", "\U0001f4a3", "é", "e\u0301",
    "/help", "@sitrep_test_bot", "ramadi", "Anbar", "ISIS", "2015-01-21", "12", ":", ",", ";",
    "\n", "region:", "summary:",
]
LABELS = [*forms.ALIASES, "weather", "Region", "EVENT TYPE", "sub_event_type", "", "x" * 21,
          "r3gion", "date ", " summary"]

fragments = st.sampled_from(FRAGMENTS)
any_text = st.text(max_size=40)
short_nasty = st.lists(st.one_of(fragments, any_text), max_size=8).map("".join)


@st.composite
def huge(draw) -> str:
    """A value of about 10,000 characters built by repeating a nasty piece."""
    piece = draw(st.one_of(fragments, st.text(min_size=1, max_size=10)))
    return (piece * (10_000 // len(piece) + 1))[:10_000]


nasty = st.one_of(short_nasty, short_nasty, short_nasty, huge())


@st.composite
def form_lines(draw) -> str:
    """A `/addevent` form: known, unknown, repeated, empty and label-less lines, mixed."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["field", "field", "field", "blank", "bare", "repeat"]))
        if kind == "field":
            lines.append(f"{draw(st.sampled_from(LABELS))}:{draw(st.sampled_from(['', ' ']))}"
                         f"{draw(nasty)}")
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", " ", "\t"])))
        elif kind == "bare":
            lines.append(draw(nasty))
        elif lines:
            lines.append(draw(st.sampled_from(lines)))
    return "\n".join(lines)


@st.composite
def plausible_form(draw) -> str:
    """A form whose required fields are mostly right, so that valid events come out too."""
    fields = {
        "region": draw(st.sampled_from(["Anbar", "al-anbar", "Ramadi", "Ninewa", "Mosul"])
                       | nasty),
        "actors": draw(st.sampled_from(["ISIS", "Iraqi Army, Peshmerga", "Daesh; PMF"])
                       | st.lists(st.text(min_size=1, max_size=90), max_size=14).map(", ".join)),
        "summary": draw(st.sampled_from(["Clashes.", "<b>x</b> & y"]) | nasty),
    }
    optional = {
        "location": st.text(max_size=120) | st.sampled_from(["Ramadi", "Hit", "Mosul"]),
        "type": st.sampled_from([*acled.EVENT_TYPES, "Armed clash", "battle"]) | any_text,
        "subtype": st.sampled_from(["Armed clash", "Grenade"]) | any_text,
        "fatalities": st.integers(-5, 200_000).map(str) | any_text,
        "source": st.lists(st.text(min_size=1, max_size=220), max_size=12).map("; ".join),
        "date": st.dates(dtm.date(1850, 1, 1), dtm.date(2030, 1, 1)).map(str) | any_text,
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            fields[name] = draw(strategy)
    return "\n".join(f"{name}: {value}" for name, value in fields.items())


@pytest.fixture(scope="module")
def reader_services(tmp_path_factory):
    """What `parse_callback` reads: the gazetteer and a log holding the sample events."""
    db = Database(tmp_path_factory.mktemp("properties") / "sitrep.json")
    log = EventLog(db)
    log.load_samples()
    yield SimpleNamespace(gazetteer=GAZETTEER, log=log)
    db.close()


def accepted(text: str, *, any_length: bool = False) -> str:
    """The text as the user sees it, or AssertionError with Telegram's refusal."""
    try:
        if any_length:
            return fakebotapi._visible_text(text, "HTML")
        return fakebotapi._message_text(text, "HTML")
    except fakebotapi._ApiError as refusal:
        raise AssertionError(
            f"Telegram would refuse: {refusal.description}\n{text[:500]}"
        ) from None


def assert_within_limits(values: dict) -> None:
    """What validation lets through never exceeds a stored field's maximum."""
    length = forms.text_length  # as Telegram counts: emoji are two
    if "summary" in values:
        assert 0 < length(values["summary"]) <= MAX_SUMMARY
    if values.get("location"):
        assert length(values["location"]) <= MAX_LOCATION
    if "actors" in values:
        assert 0 < len(values["actors"]) <= MAX_ACTORS
        assert all(0 < length(actor) <= MAX_ACTOR for actor in values["actors"])
    if "sources" in values:
        assert len(values["sources"]) <= MAX_SOURCES
        assert all(0 < length(source) <= MAX_SOURCE for source in values["sources"])
    if values.get("fatalities") is not None:
        assert 0 <= values["fatalities"] <= MAX_FATALITIES
    if values.get("date") is not None:
        assert forms.OLDEST_DATE <= values["date"] <= TODAY
    if "region" in values:
        assert values["region"] in GAZETTEER.regions
    if values.get("event_type") is not None:
        assert values["event_type"] in acled.EVENT_TYPES
    for value in values.values():
        for text in value if isinstance(value, tuple) else [value]:
            if isinstance(text, str):
                assert text == forms.clean_text(text), "stored text is one clean line"


def check_form(text: str) -> forms.FormResult:
    raw, errors = forms.parse_form(text)
    assert set(raw) <= set(forms.FIELDS)
    result = forms.validate(raw, GAZETTEER, TODAY)
    problems = errors + result.errors
    if problems:
        accepted(_errors(say("admin.not_saved"), problems))
    else:
        assert_within_limits(result.values)
        event = Event(id="abc234", **{**result.values, "date": result.values.get("date") or TODAY})
        accepted(_card(say("admin.saved", id=event.id), event, result.notes))
        accepted(render("prefilled_form.html.j2", intro=say("admin.edit_nothing", id=event.id),
                        command=f"/editevent {event.id}", fields=forms.form_fields(event)))
    return result


@FAST
@given(form_lines())
def test_any_form_is_answered_with_html_telegram_accepts(text):
    check_form(text)


@FAST
@given(plausible_form())
def test_valid_forms_store_only_values_within_every_limit(text):
    check_form(text)


@pytest.mark.parametrize("char", ["W", "&", "ق", "💣"])
def test_an_event_at_every_limit_still_fits_one_message(char):
    """Twelve new 80-character actors, ten 200-character sources, 600 characters of summary."""
    width = 2 if ord(char) > 0xFFFF else 1
    form = "\n".join([
        "region: Anbar",
        f"location: {char * (MAX_LOCATION // width)}",
        "actors: " + ", ".join(f"{i:02d}{char * ((MAX_ACTOR - 2) // width)}" for i in range(12)),
        "source: " + "; ".join(f"{i:02d}{char * ((MAX_SOURCE - 2) // width)}"
                               for i in range(MAX_SOURCES)),
        f"summary: {char * (MAX_SUMMARY // width)}",
        "type: Armed clash", f"fatalities: {MAX_FATALITIES}", "date: 2015-01-21",
    ])
    assert check_form(form).ok
    one_more = form.replace("summary: ", f"summary: {char}")
    assert not check_form(one_more).ok


@FAST
@given(st.builds(
    Candidate,
    date=st.none() | st.dates(max_value=TODAY), region=st.none() | st.sampled_from(["Anbar"]),
    location=st.none() | st.text(max_size=100), actors=st.lists(any_text, max_size=12).map(tuple),
    event_type=st.none() | st.sampled_from(list(acled.EVENT_TYPES)), sub_event_type=st.none(),
    fatalities=st.none() | st.integers(0, MAX_FATALITIES),
    summary=st.text(min_size=1, max_size=MAX_SUMMARY), source=st.none() | any_text,
    confidence=st.floats(0, 1), evidence=st.lists(nasty, min_size=1, max_size=3).map(tuple),
    duplicate_of=st.none() | st.just("abc234"),
))
def test_every_proposed_event_card_fits_one_message(candidate):
    accepted(_candidate_card(Proposal(candidate), 0, 1))


@FAST
@given(st.dictionaries(st.sampled_from(forms.FIELDS), nasty, max_size=9),
       st.booleans(), st.booleans())
@example({"fatalities": "0" * 10_000}, False, False)  # int() refuses over 4,300 digits
@example({"fatalities": "9" * 10_000, "date": "9" * 10_000}, True, True)
def test_validate_never_raises_for_any_raw_values(raw, partial, edit):
    base = Event(id="abc234", date=TODAY, region="Anbar", actors=("Islamic State",),
                 summary="x", event_type="Battles") if edit else None
    result = forms.validate(raw, GAZETTEER, TODAY, base=base, partial=partial)
    if result.ok:
        assert_within_limits(result.values)
    else:
        accepted(_errors(say("admin.not_updated"), result.errors))


def message_variables(key: str) -> set[str]:
    """The names a message template uses, as Jinja2 parses them."""
    return meta.find_undeclared_variables(Environment().parse(MESSAGES[key]))


@FAST
@given(st.sampled_from(sorted(MESSAGES)), nasty, st.integers(-10, 10**6),
       st.lists(short_nasty, max_size=5))
def test_every_message_escapes_whatever_it_is_given(key, text, number, texts):
    """Each variable gets the typed text; those that must be numbers or lists get those.

    Messages added later are covered without listing their variables here: a variable a
    template uses as a number (a TypeError with text) is given a number instead.
    """
    numbers = {"n", "total", "limit", "length", "count", "saved", "invalid", "seconds"}
    lists = {"known", "suggestions", "types", "ids", "langs"}
    values: dict[str, object] = {}
    for name in message_variables(key):
        values[name] = number if name in numbers else texts if name in lists else text
    try:
        rendered = say(key, **values)
    except TypeError:
        rendered = say(key, **{k: number if v is text else v for k, v in values.items()})
    # Callers bound what they pass (field names, ids, truncated values); markup must hold always.
    accepted(rendered, any_length=len(text) > 100)


# ASCII only until bot/listing.parse_callback stops taking "²" for a digit (int() refuses it).
@FAST
@given(st.one_of(st.text(st.characters(max_codepoint=127), max_size=40),
                 st.sampled_from(["page:region:1a2b3c4d:2", "page:latest:-:0",
                                          "page:actor::", "page:x:y:z", "page:::::"])))
def test_any_page_button_data_resolves_or_is_refused(reader_services, data):
    parse_callback(data, reader_services)


@FAST
@given(st.one_of(nasty, st.lists(st.sampled_from(["ing", "save", "all", "drop", "edit", "-",
                                                  "0", "-1", "99", "abcd1234", ""]),
                                 max_size=6).map(":".join)))
def test_any_ingest_button_data_parses_or_is_refused(data):
    parsed = parse_button(data)
    if parsed is not None:
        action, batch_id, index = parsed
        assert action in ("save", "edit", "drop", "all") and batch_id
        assert (index is None) == (action == "all")
        assert index is None or index >= 0
