"""Reading preferences as typed on a /subscribe line, without Telegram."""

from __future__ import annotations

import datetime as dtm

import pytest

from briefings.preferences import (
    describe_days,
    next_briefing,
    parse_days,
    parse_quiet,
    parse_subscription_args,
    parse_zone,
)
from briefings.subscriptions import AlertRule, Subscription


@pytest.mark.parametrize(
    ("text", "days"),
    [("weekdays", (0, 1, 2, 3, 4)), ("mon-fri", (0, 1, 2, 3, 4)), ("mon,wed,fri", (0, 2, 4)),
     ("Friday", (4,)), ("fri-mon", (0, 4, 5, 6)), ("daily", tuple(range(7))),
     ("someday", None), ("mon-xyz", None)],
)
def test_days_are_read_as_people_write_them(text, days):
    assert parse_days(text) == days


def test_days_are_described_in_words():
    assert describe_days((0, 1, 2, 3, 4)) == "on weekdays"
    assert describe_days((5, 6)) == "at weekends"
    assert describe_days((0, 2)) == "on Mon, Wed"
    assert describe_days(tuple(range(7))) == "every day"


def test_zones_quiet_hours_and_words_that_are_not_zones():
    assert parse_zone("Asia/Baghdad") == "Asia/Baghdad"
    assert parse_zone("../../etc/passwd") is None and parse_zone("x" * 300) is None
    assert parse_quiet("22:00-07:00") == ("22:00", "07:00")
    assert parse_quiet("off") is None and parse_quiet("22-07") == "bad"


def test_a_whole_line_is_read_and_every_problem_reported(gazetteer):
    parsed = parse_subscription_args(
        ["6:30", "Asia/Baghdad", "weekdays", "region=Al-Anbar,Ninawa", "actor=ISIS",
         "type=Battles", "quiet=23:00-06:00", "lang=fr", "@newsroom"], gazetteer)
    assert parsed.errors == []
    assert parsed.changes == {"time": "06:30", "tz": "Asia/Baghdad", "days": (0, 1, 2, 3, 4),
                              "quiet": ("23:00", "06:00"), "lang": "fr"}
    assert parsed.filters == {"regions": ("Anbar", "Nineveh"), "actors": ("Islamic State",),
                              "event_types": ("Battles",)}
    assert parsed.channel == "@newsroom"
    bad = parse_subscription_args(["25:00", "region=Atlantis", "lang=de", "colour=red"],
                                  gazetteer)
    assert len(bad.errors) == 4 and not bad.changes


@pytest.mark.parametrize("token", ["@ab", "@" + "x" * 40, "@news-room", "@9lives"])
def test_a_channel_name_telegram_could_not_have_is_an_error_not_a_lookup(gazetteer, token):
    parsed = parse_subscription_args([token], gazetteer)
    assert parsed.channel is None
    assert len(parsed.errors) == 1 and "is not a channel name" in parsed.errors[0]
    assert len(parsed.errors[0]) < 200


def test_next_briefing_skips_days_off_and_todays_passed_time():
    friday_evening = dtm.datetime(2026, 11, 27, 20, 0)
    assert next_briefing(friday_evening, dtm.time(7), (0, 1, 2, 3, 4), False) == dtm.date(
        2026, 11, 30)  # Monday
    assert next_briefing(friday_evening, dtm.time(21), (4,), False) == dtm.date(2026, 11, 27)
    assert next_briefing(friday_evening, dtm.time(21), (4,), True) == dtm.date(2026, 12, 4)


def test_quiet_hours_across_midnight_and_alert_rules():
    sub = Subscription(chat_id=1, time=None, quiet=("22:00", "07:00"),
                       alerts=(AlertRule("fatalities", "10"),))
    late = dtm.datetime(2026, 11, 24, 23, 30)
    assert sub.quiet_until(late) == dtm.datetime(2026, 11, 25, 7, 0)
    assert sub.quiet_until(dtm.datetime(2026, 11, 24, 12, 0)) is None
