"""Subscriptions that fit each reader: filters, time zones, days, /settings, alerts, groups."""

from __future__ import annotations

import datetime as dtm
from zoneinfo import ZoneInfo

import pytest

from bot.alerts import JOB_NAME
from bot.broadcast import Broadcast
from bot.delivery import due_slots, job_name
from bot.services import Services
from briefings.events import Event
from briefings.subscriptions import Filters
from tests.fakebotapi import FakeBotAPI
from tests.harness import READER, running_bot, services_of, settings_for
from tests.test_e2e_reader import buttons_of, text_of

pytestmark = pytest.mark.e2e
GROUP = -500
MEMBER = 2002
BOT_ID = 123456  # the fake token's prefix


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "db.json") as application:
        yield application


async def press(fake, message, label, user_id=READER):
    mark = len(fake.sent)
    fake.press_button(message["message_id"], dict(buttons_of(message))[label],
                      user_id=user_id, chat_id=message["chat_id"])
    return await fake.wait_for(lambda e: e["method"] == "editMessageText", after=mark)


async def test_subscribe_takes_time_zone_and_filters_in_one_line(fake, bot):
    reply = text_of(await fake.say(
        "/subscribe 06:30 Asia/Baghdad region=Anbar,Nineveh actor=peshmerga days=weekdays",
        user_id=READER))
    assert "at 06:30 (Asia/Baghdad)" in reply
    assert "Only: regions Anbar, Nineveh; actors Peshmerga" in reply
    sub = services_of(bot).subscriptions.get(READER)
    assert (sub.time, sub.tz, sub.days) == ("06:30", "Asia/Baghdad", (0, 1, 2, 3, 4))
    assert sub.filters == Filters(("Anbar", "Nineveh"), ("Peshmerga",), ())
    assert bot.job_queue.get_jobs_by_name(job_name(dtm.time(6, 30), ZoneInfo("Asia/Baghdad")))

    bad = text_of(await fake.say("/subscribe 07:00 Mars/Base region=Atlantis colour=red",
                                 user_id=READER))
    assert bad.startswith("Nothing was changed.")
    assert "Mars/Base" in bad and "Atlantis" in bad and "colour" in bad
    assert services_of(bot).subscriptions.get(READER).time == "06:30"


async def test_briefings_follow_each_chats_filters_and_alike_chats_share_a_rendering(fake, bot):
    svc = services_of(bot)
    for chat in range(10):
        filters = Filters(regions=("Anbar",)) if chat % 2 else Filters(regions=("Babil",))
        svc.subscriptions.subscribe(7000 + chat, None, filters=filters)
    run = Broadcast(bot.bot, svc, svc.now(), svc.subscriptions.active())
    await run.run()
    assert run.renderings == 2
    anbar = text_of(fake.messages_to(7001)[0])
    assert "Anbar — 2 events" in anbar and "Nineveh" not in anbar
    assert "Quiet day." in text_of(fake.messages_to(7000)[0])


async def test_dates_in_the_chosen_language(fake, bot):
    await fake.say("/subscribe lang=fr", user_id=READER)
    briefing = text_of(await fake.say("/briefing", user_id=READER))
    weekdays = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    assert any(f"briefing — {day}" in briefing for day in weekdays)
    assert "janv." in briefing  # the events of 21 January 2015


def test_briefing_time_follows_daylight_saving_in_the_chats_zone(tmp_path):
    svc = Services.open(settings_for(FakeBotAPI(), tmp_path / "db.json"))
    svc.subscriptions.subscribe(1, "07:00", tz="Europe/London")
    # 29 March 2026: the UK moves to BST. 07:00 local is 07:00 UTC before, 06:00 UTC after.
    before = dtm.datetime(2026, 3, 28, 7, 30, tzinfo=dtm.UTC)
    after = dtm.datetime(2026, 3, 29, 6, 30, tzinfo=dtm.UTC)
    [slot_before] = due_slots(svc, before)
    [slot_after] = due_slots(svc, after)
    assert slot_before.astimezone(dtm.UTC).hour == 7
    assert slot_after.astimezone(dtm.UTC).hour == 6
    svc.close()


async def test_the_daily_job_runs_at_local_time_across_the_dst_change(fake, bot):
    svc = services_of(bot)
    svc.subscriptions.subscribe(READER, "07:00", tz="Europe/London")
    await fake.say("/subscribe", user_id=READER)
    [job] = bot.job_queue.get_jobs_by_name(job_name(dtm.time(7), ZoneInfo("Europe/London")))
    trigger = job.job.trigger
    march_28 = trigger.get_next_fire_time(None, dtm.datetime(2026, 3, 28, 0, tzinfo=dtm.UTC))
    march_29 = trigger.get_next_fire_time(None, dtm.datetime(2026, 3, 29, 0, tzinfo=dtm.UTC))
    assert march_28.astimezone(dtm.UTC).hour == 7 and march_29.astimezone(dtm.UTC).hour == 6


async def test_settings_menu_changes_everything_by_editing_one_message(fake, bot):
    menu = await fake.say("/settings", user_id=READER)
    assert "Settings for this chat" in text_of(menu)
    sends_before = len([e for e in fake.sent if e["method"] == "sendMessage"])
    times = await press(fake, menu, "⏰ Time")
    main = await press(fake, times, "06:00")
    assert "at 06:00 (UTC)" in text_of(main)
    regions = await press(fake, main, "📍 Regions")
    regions = await press(fake, regions, "Anbar")
    assert "✓ Anbar" in dict(buttons_of(regions))
    days = await press(fake, await press(fake, regions, "‹ Back"), "📅 Days")
    days = await press(fake, days, "Weekdays")
    zones = await press(fake, await press(fake, days, "‹ Back"), "🌍 Time zone")
    main = await press(fake, zones, "Asia/Baghdad")
    quiet = await press(fake, main, "🌙 Quiet hours")
    main = await press(fake, quiet, "22:00–07:00")
    main = await press(fake, main, "▶ Subscribe")
    done = await press(fake, main, "✔ Done")
    assert buttons_of(done) == []
    sub = services_of(bot).subscriptions.get(READER)
    assert (sub.time, sub.tz, sub.days, sub.quiet, sub.active) == (
        "06:00", "Asia/Baghdad", (0, 1, 2, 3, 4), ("22:00", "07:00"), True)
    assert sub.filters.regions == ("Anbar",)
    assert {e["message_id"] for e in fake.sent if e["method"] == "editMessageText"} == {
        menu["message_id"]}
    assert len([e for e in fake.sent if e["method"] == "sendMessage"]) == sends_before


async def add_events(svc, count, region="Anbar", fatalities=None):
    for n in range(count):
        svc.db.insert_event(Event(id=f"al{n:04d}", date=dtm.date(2026, 11, 20), region=region,
                                  actors=("Islamic State",), fatalities=fatalities,
                                  summary=f"Alert-worthy event {n}.").to_doc())


async def test_alerts_arrive_batched_and_wait_for_the_end_of_quiet_hours(fake, bot):
    svc = services_of(bot)
    added = text_of(await fake.say("/alerts region anbar", user_id=READER))
    assert added.startswith("Alert added: region Anbar.")
    await fake.settle()
    [job] = bot.job_queue.get_jobs_by_name(JOB_NAME)
    now = dtm.datetime.now(dtm.UTC)
    quiet = ((now - dtm.timedelta(hours=1)).strftime("%H:%M"),
             (now + dtm.timedelta(hours=1)).strftime("%H:%M"))
    svc.subscriptions.update(READER, quiet=quiet)
    await add_events(svc, 12)
    mark = len(fake.sent)
    await job.run(bot)
    await fake.settle()
    assert not [e for e in fake.sent[mark:] if e["chat_id"] == READER]  # quiet hours
    svc.subscriptions.update(READER, quiet=None)
    await job.run(bot)
    [alert] = [e for e in fake.sent[mark:] if e["chat_id"] == READER]
    assert "12 new events matching your alerts" in text_of(alert)
    await job.run(bot)  # nothing new: nothing sent
    assert len([e for e in fake.sent[mark:] if e["chat_id"] == READER]) == 1


async def test_alerts_list_and_remove_in_place(fake, bot):
    await fake.replies("/alerts fatalities 10", count=2, user_id=READER)
    _, listing = await fake.replies("/alerts actor daesh", count=2, user_id=READER)
    assert "fatalities ≥ 10" in text_of(listing) and "actor Islamic State" in text_of(listing)
    edited = await press(fake, listing, "Remove: fatalities ≥ 10")
    assert "fatalities" not in text_of(edited).split("New events")[0]
    assert [r.kind for r in services_of(bot).subscriptions.get(READER).alerts] == ["actor"]
    assert "Add an alert" in text_of(await fake.say("/alerts weather sunny", user_id=READER))


async def test_only_group_admins_change_a_groups_subscription(fake, bot):
    fake.chat_admins[GROUP] = {READER}
    refused = await fake.say("/subscribe", user_id=MEMBER, chat_id=GROUP, chat_type="group")
    assert "Only this group's admins" in text_of(refused)
    assert services_of(bot).subscriptions.get(GROUP) is None
    accepted = await fake.say("/subscribe 08:00", user_id=READER, chat_id=GROUP,
                              chat_type="group")
    assert text_of(accepted).startswith("Subscribed.")
    menu = await fake.say("/settings", user_id=READER, chat_id=GROUP, chat_type="group")
    mark = len(fake.sent)
    fake.press_button(menu["message_id"], dict(buttons_of(menu))["⏹ Unsubscribe"],
                      user_id=MEMBER, chat_id=GROUP)
    await fake.settle()
    assert not [e for e in fake.sent[mark:] if e["method"] == "editMessageText"]
    assert services_of(bot).subscriptions.get(GROUP).active


async def test_a_channel_is_subscribed_by_an_admin_of_both(fake, bot):
    fake.add_channel("newsroom", -100777)
    not_admin = text_of(await fake.say("/subscribe @newsroom", user_id=READER))
    assert "I am not an admin of @newsroom" in not_admin
    fake.chat_admins[-100777] = {BOT_ID}
    assert "Only an admin of @newsroom" in text_of(await fake.say("/subscribe @newsroom",
                                                                  user_id=READER))
    fake.chat_admins[-100777] = {BOT_ID, READER}
    assert text_of(await fake.say("/subscribe @newsroom 06:00",
                                  user_id=READER)).startswith("Subscribed.")
    assert services_of(bot).subscriptions.get(-100777).time == "06:00"
    assert "can't find the channel" in text_of(await fake.say("/subscribe @nowhere",
                                                              user_id=READER))
