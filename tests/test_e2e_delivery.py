"""Subscribers on Telegram: subscribing, the scheduled push, blocked chats, and restarts."""

from __future__ import annotations

import datetime as dtm

import pytest

from bot.delivery import ensure_briefing_job, job_name
from tests.harness import READER, running_bot, services_of
from tests.test_e2e_reader import text_of

pytestmark = pytest.mark.e2e
OTHER = 2002
BLOCKER = 3003


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "sitrep.json"


async def run_job(application, time: str) -> None:
    [job] = application.job_queue.get_jobs_by_name(f"briefing@{time}@UTC")
    await job.run(application)


def briefings_to(fake, chat_id):
    return [m for m in fake.messages_to(chat_id) if "sitrep daily briefing" in m["text"]]


async def test_subscribe_says_when_and_schedules_the_daily_job(fake, db_path):
    async with running_bot(fake, db_path) as bot:
        reply = text_of(await fake.say("/subscribe", user_id=READER))
        assert "every day at 07:00 (UTC)" in reply and "/unsubscribe" in reply
        [job] = bot.job_queue.get_jobs_by_name(job_name(dtm.time(7, 0), dtm.UTC))
        assert job.next_t.astimezone(dtm.UTC).time() == dtm.time(7, 0)
        again = text_of(await fake.say("/subscribe", user_id=READER))
        assert "already gets the daily briefing at 07:00" in again
        moved = text_of(await fake.say("/subscribe 18:45", user_id=READER))
        assert "moves from 07:00 (UTC) to 18:45 (UTC)" in moved
        assert bot.job_queue.get_jobs_by_name("briefing@18:45@UTC")
        kept = text_of(await fake.say("/subscribe", user_id=READER))
        assert "already gets the daily briefing at 18:45" in kept
        bad = text_of(await fake.say("/subscribe 25:99", user_id=READER))
        assert "is not a time" in bad
        assert services_of(bot).subscriptions.get(READER).time == "18:45"


async def test_unsubscribe_stops_and_says_so(fake, db_path):
    async with running_bot(fake, db_path) as bot:
        assert "not subscribed" in text_of(await fake.say("/unsubscribe", user_id=READER))
        await fake.say("/subscribe", user_id=READER)
        reply = text_of(await fake.say("/unsubscribe", user_id=READER))
        assert reply.startswith("Unsubscribed. No more daily briefings")
        await run_job(bot, "07:00")
        assert briefings_to(fake, READER) == []


async def test_the_scheduled_push_reaches_subscribers_and_skips_blocked_chats(fake, db_path):
    fake.blocked_chats.add(BLOCKER)
    async with running_bot(fake, db_path) as bot:
        for chat in (READER, OTHER, BLOCKER):
            fake.user_message("/subscribe", user_id=chat)
        await fake.settle()
        fake.blocked_chats.add(BLOCKER)
        await run_job(bot, "07:00")
        [briefing] = briefings_to(fake, READER)
        assert "7 new events in 4 governorates" in text_of(briefing)
        assert len(briefings_to(fake, OTHER)) == 1
        subs = services_of(bot).subscriptions
        assert not subs.get(BLOCKER).active and "blocked" in subs.get(BLOCKER).inactive_reason
        await run_job(bot, "07:00")  # a second run the same day sends nothing
        assert len(briefings_to(fake, READER)) == 1
    async with running_bot(fake, db_path, samples=False) as restarted:
        assert restarted.job_queue.get_jobs_by_name("briefing@07:00@UTC")  # rescheduled at start
        await run_job(restarted, "07:00")
        assert len(briefings_to(fake, READER)) == 1  # no second push after a restart


async def test_resubscribing_after_blocking_reactivates(fake, db_path):
    fake.blocked_chats.add(READER)
    async with running_bot(fake, db_path) as bot:
        services_of(bot).subscriptions.subscribe(READER, None)
        ensure_briefing_job(bot.job_queue, dtm.time(7, 0), dtm.UTC, catchup_hours=6)
        await run_job(bot, "07:00")
        assert not services_of(bot).subscriptions.get(READER).active
        fake.blocked_chats.discard(READER)
        reply = text_of(await fake.say("/subscribe", user_id=READER))
        assert reply.startswith("Subscribed.")
        assert services_of(bot).subscriptions.get(READER).active


async def test_the_next_briefing_covers_only_what_was_recorded_since(fake, db_path):
    async with running_bot(fake, db_path) as bot:
        await fake.say("/subscribe", user_id=READER)
        svc = services_of(bot)
        earlier = dtm.datetime.now(dtm.UTC) - dtm.timedelta(days=2)  # an earlier day's briefing
        svc.ledger.mark(earlier.date().isoformat(), READER, "sent",
                        until=dtm.datetime.now(dtm.UTC).isoformat())
        await run_job(bot, "07:00")
        [briefing] = briefings_to(fake, READER)
        assert "Quiet day." in text_of(briefing)


async def test_the_job_fires_on_its_own_at_the_subscribed_time(fake, db_path):
    async with running_bot(fake, db_path) as bot:
        due = (dtm.datetime.now(dtm.UTC) + dtm.timedelta(minutes=1)).replace(second=0,
                                                                               microsecond=0)
        await fake.say(f"/subscribe {due:%H:%M}", user_id=READER)
        [job] = bot.job_queue.get_jobs_by_name(f"briefing@{due:%H:%M}@UTC")
        assert job.next_t == due
        # Bring the run forward instead of sleeping a minute: APScheduler fires it for real.
        job.job.modify(next_run_time=dtm.datetime.now(dtm.UTC) + dtm.timedelta(seconds=0.2))
        briefing = await fake.wait_for(lambda e: "sitrep daily briefing" in e["text"], after=0)
        assert briefing["chat_id"] == READER
