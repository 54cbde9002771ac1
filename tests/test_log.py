"""The event log and subscriptions on top of the store."""

from __future__ import annotations

import datetime as dtm
import json
from pathlib import Path

from briefings import queries
from briefings.log import sample_documents

TODAY = dtm.date(2026, 11, 24)


def test_sample_events_cover_the_seed_article(sample_log):
    events = {e.id: e for e in sample_log.all()}
    assert len(events) == 7
    by_place = {(e.region, e.location) for e in events.values()}
    assert ("Nineveh", "Mosul Dam") in by_place
    assert ("Anbar", "Ramadi") in by_place
    assert ("Diyala", "Muqdadiya") in by_place
    assert all(e.date == dtm.date(2015, 1, 21) for e in events.values())
    assert events["ramd21"].event_type == "Explosions/Remote violence"
    assert events["mair21"].fatalities == 30


def test_sample_events_use_canonical_gazetteer_names(gazetteer):
    for doc in sample_documents():
        assert doc["region"] in gazetteer.regions
        assert gazetteer.town(doc["location"])[1] == doc["region"]
        assert all(actor in gazetteer.actors for actor in doc["actors"])


def test_loading_samples_twice_adds_nothing(sample_log):
    assert sample_log.load_samples() == 0
    assert len(sample_log.all()) == 7


def test_add_assigns_a_fresh_short_id_and_defaults_the_date(event_log):
    values = {"region": "Anbar", "actors": ("Islamic State",), "summary": "x", "date": None}
    first = event_log.add(values, created_by=42, today=TODAY)
    second = event_log.add(values, created_by=42, today=TODAY)
    assert first.id != second.id and len(first.id) == 6
    assert first.date == TODAY and first.created_by == 42
    assert event_log.get(first.id.upper()) == first


def test_update_keeps_the_id_and_stamps_the_change(sample_log):
    event = sample_log.get("ramd21")
    changed = sample_log.update(event, {"fatalities": 12})
    assert sample_log.get("ramd21").fatalities == 12
    assert changed.updated_at is not None and changed.created_at == event.created_at


def test_delete_removes_and_returns_the_event(sample_log):
    assert sample_log.delete("ramd21").id == "ramd21"
    assert sample_log.get("ramd21") is None
    assert sample_log.delete("ramd21") is None


def test_newest_pages_through_the_log_as_a_full_sort_would(sample_log):
    everything = queries.newest_first(sample_log.all())
    assert sample_log.newest() == everything
    for limit in (None, 0, 1, 3, len(everything), len(everything) + 5):
        for offset in (0, 1, 4, len(everything) - 1, len(everything), len(everything) + 2):
            stop = None if limit is None else offset + limit
            assert sample_log.newest(limit, offset) == everything[offset:stop]


def test_subscriptions_reactivate_after_being_stopped(subscriptions):
    sub, previous = subscriptions.subscribe(7, "06:30")
    assert previous is None and sub.active
    assert subscriptions.deactivate(7, "blocked")
    assert not subscriptions.deactivate(7, "blocked")
    assert subscriptions.active() == []
    sub, previous = subscriptions.subscribe(7, None)
    assert previous is None and subscriptions.get(7).active and subscriptions.get(7).time is None


def test_a_migrated_group_keeps_its_subscription_under_the_new_id(subscriptions):
    subscriptions.subscribe(-100, "06:30")
    moved = subscriptions.migrate(-100, -100200)
    assert moved.chat_id == -100200 and moved.time == "06:30" and moved.active
    assert not subscriptions.get(-100).active
    assert [s.chat_id for s in subscriptions.active()] == [-100200]


def test_one_active_subscription_stands_for_each_briefing_slot(subscriptions):
    subscriptions.subscribe(1, "06:30")
    subscriptions.subscribe(2, "06:30")
    subscriptions.subscribe(3, "06:30", tz="Asia/Baghdad")
    subscriptions.subscribe(4, None)
    subscriptions.subscribe(5, "09:00")
    subscriptions.deactivate(5, "blocked")
    slots = {(s.time, s.tz) for s in subscriptions.one_active_per_slot()}
    assert slots == {(s.time, s.tz) for s in subscriptions.active()}
    assert len(subscriptions.one_active_per_slot()) == len(slots) == 3


def test_sample_file_is_valid_json():
    text = (Path(__file__).resolve().parents[1] / "briefings" / "sample_events.json").read_text()
    assert isinstance(json.loads(text), list)
