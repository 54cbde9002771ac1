"""Briefing composition and rendering: the shape analysts expect, always valid and small enough."""

from __future__ import annotations

import datetime as dtm

from briefings.compose import compose_briefing
from briefings.events import Event
from briefings.render import TELEGRAM_LIMIT, briefing_messages, event_page, to_plain_text

UTC = dtm.UTC
NOW = dtm.datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def event(n, region="Anbar", recorded=NOW - dtm.timedelta(hours=1), **kw):
    values = dict(
        id=f"ev{n:04d}", date=dtm.date(2026, 11, 23), region=region, location="Ramadi",
        actors=("Islamic State", "Iraqi Army"), summary=f"Event number {n} happened.",
        sources=("Reuters",), created_at=recorded,
    )
    values.update(kw)
    return Event(**values)


def test_briefing_has_title_bottom_line_sections_and_closing():
    events = [event(1, fatalities=3), event(2, fatalities=2), event(3, region="Diyala",
                                                                    location="Baqubah")]
    briefing = compose_briefing(events, NOW - dtm.timedelta(days=1), NOW, UTC)
    [message] = briefing_messages(briefing)
    text = to_plain_text(message)
    assert "sitrep daily briefing — Tuesday 24 November 2026" in text
    assert "3 new events in 2 governorates, 5 fatalities reported" in text
    assert text.index("Anbar — 2 events") < text.index("Diyala — 1 event")
    assert "23 Nov, Ramadi — Islamic State, Iraqi Army: Event number 1 happened. (Reuters)" in text
    assert "/region NAME" in text.splitlines()[-1]


def test_only_events_recorded_in_the_period_are_included():
    old = event(1, recorded=NOW - dtm.timedelta(days=3))
    new = event(2)
    briefing = compose_briefing([old, new], NOW - dtm.timedelta(days=1), NOW, UTC)
    assert [e.id for s in briefing.sections for e in s.events] == ["ev0002"]


def test_a_day_with_nothing_new_is_a_quiet_day_not_silence():
    briefing = compose_briefing([], NOW - dtm.timedelta(days=1), NOW, UTC)
    [message] = briefing_messages(briefing)
    assert "Quiet day" in message


def test_event_text_is_escaped():
    nasty = event(1, summary="<b>bold</b> & <script>alert(1)</script>", location="A<B")
    [message] = briefing_messages(compose_briefing([nasty], NOW - dtm.timedelta(days=1), NOW,
                                                   UTC))
    assert "&lt;script&gt;" in message and "<script>" not in message
    assert "A&lt;B" in message


def test_long_briefings_split_between_events_under_the_limit():
    events = [event(n, summary=("Long summary of what happened. " * 19)[:590] + f" #{n}.",
                     region=["Anbar", "Diyala", "Nineveh"][n % 3]) for n in range(60)]
    messages = briefing_messages(compose_briefing(events, NOW - dtm.timedelta(days=1), NOW, UTC))
    assert len(messages) > 5
    assert all(len(m) <= TELEGRAM_LIMIT for m in messages)
    joined = "\n".join(messages)
    for n in range(60):
        assert joined.count(f" #{n}.") == 1  # every event whole, exactly once
    for m in messages:  # no message ends on a bare section heading
        last = m.rstrip().splitlines()[-1]
        assert last.startswith("•") or last.startswith("<i>More")


def test_event_pages_hold_whole_events_and_number_pages():
    events = [event(n) for n in range(12)]
    pages = [event_page("Events in Anbar", events, n, show_ids=True) for n in (1, 2, 3)]
    assert "page 1 of 3" in pages[0].text and "page 3 of 3" in pages[2].text
    assert [p.has_next for p in pages] == [True, True, False]
    assert sum(p.text.count("id <code>ev") for p in pages) == 12
    assert "<code>ev" not in event_page("x", events, 1, show_ids=False).text


def test_a_page_past_the_end_shows_the_last_one():
    events = [event(n) for n in range(7)]
    page = event_page("Events", events, 9, show_ids=False)
    assert page.number == 2 and not page.has_next and "page 2 of 2" in page.text


def test_very_long_lists_render_only_what_is_shown_and_still_page_on():
    events = [event(n) for n in range(1000)]
    first = event_page("Latest events", events, 1, show_ids=False)
    assert "1,000 events, page 1" in first.text and " of " not in first.text.splitlines()[0]
    assert first.has_next and first.text.count("Event number") == 5
    last = event_page("Latest events", events, 200, show_ids=False)
    assert last.number == 200 and not last.has_next
