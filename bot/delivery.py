"""When briefings go out: one JobQueue job per briefing time, and a catch-up at start-up.

APScheduler skips a run more than `misfire_grace_time` late (1 s by default) and forgets runs
missed while the process was down, so both are covered here: jobs accept a run up to
`CATCHUP_HOURS` late, and at start-up every chat whose briefing time passed at most
`CATCHUP_HOURS` ago without a delivery in the ledger gets it then (an interrupted broadcast
resumes the same way). Broadcasts run one at a time, so two runs never race for one chat.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
from zoneinfo import ZoneInfo

from telegram.ext import Application, ContextTypes, JobQueue

from bot.broadcast import FIRST_WINDOW, Broadcast, period_start
from bot.services import Services, services
from briefings.compose import compose_briefing
from briefings.render import briefing_messages
from briefings.subscriptions import Subscription
from store.ledger import FINAL

log = logging.getLogger(__name__)

JOB_PREFIX = "briefing@"
CATCH_UP_JOB = "briefing-catch-up"
LOCK_KEY = "broadcast_lock"


def briefing_for_chat(svc: Services, chat_id: int | None, now: dtm.datetime) -> list[str]:
    """The messages of a chat's briefing as of `now` (no chat: the last 24 hours)."""
    if chat_id is None:
        prefs = None
        since = now - FIRST_WINDOW
    else:
        prefs = svc.subscriptions.preferences(chat_id)
        since = period_start(svc, chat_id, now)
    briefing = compose_briefing(
        svc.log.recorded_between(since, now), since, now,
        prefs.zone(svc.settings.timezone) if prefs else svc.settings.timezone,
        admits=prefs.filters.admits if prefs else None,
        lang=prefs.lang if prefs else "en",
    )
    return briefing_messages(briefing)


def job_name(time: dtm.time, zone: ZoneInfo) -> str:
    return f"{JOB_PREFIX}{time:%H:%M}@{zone}"


def ensure_briefing_job(
    job_queue: JobQueue, time: dtm.time, zone: ZoneInfo, catchup_hours: float
) -> None:
    """One daily job per distinct (time, time zone); the zone's DST is followed."""
    if job_queue.get_jobs_by_name(job_name(time, zone)):
        return
    job_queue.run_daily(
        send_daily_briefings,
        time=time.replace(tzinfo=zone),
        name=job_name(time, zone),
        data={"time": time.strftime("%H:%M"), "tz": str(zone)},
        job_kwargs={"misfire_grace_time": int(catchup_hours * 3600) or 1, "coalesce": True},
    )


def schedule_for(job_queue: JobQueue, svc: Services, sub: Subscription) -> None:
    """Make sure the job that serves `sub` exists."""
    ensure_briefing_job(job_queue, *slot_of(svc, sub), svc.settings.catchup_hours)


def slot_of(svc: Services, sub: Subscription) -> tuple[dtm.time, ZoneInfo]:
    return sub.effective_time(svc.settings.briefing_time), sub.zone(svc.settings.timezone)


def schedule_briefings(application: Application) -> None:
    """At start-up: a job for every (time, zone) an active subscription uses, then catch-up."""
    svc: Services = application.bot_data["services"]
    for time, zone in {slot_of(svc, sub) for sub in svc.subscriptions.one_active_per_slot()}:
        ensure_briefing_job(application.job_queue, time, zone, svc.settings.catchup_hours)
    application.job_queue.run_once(catch_up, when=0, name=CATCH_UP_JOB)


def due_slots(svc: Services, now: dtm.datetime) -> dict[dtm.datetime, list[Subscription]]:
    """Chats whose briefing time passed at most CATCHUP_HOURS ago and who lack that briefing."""
    window = dtm.timedelta(hours=svc.settings.catchup_hours)
    due: dict[dtm.datetime, list[Subscription]] = {}
    for sub in svc.subscriptions.active():
        time, zone = slot_of(svc, sub)
        today = now.astimezone(zone).date()
        for day in (today, today - dtm.timedelta(days=1)):
            slot = dtm.datetime.combine(day, time, zone)
            row = svc.ledger.row(day.isoformat(), sub.chat_id)
            if (sub.sends_on(day) and slot <= now <= slot + window
                    and not (row and row["state"] in FINAL)):
                due.setdefault(slot, []).append(sub)
    return due


async def broadcast(application: Application, slot: dtm.datetime,
                    subscriptions: list[Subscription]) -> None:
    lock = application.bot_data.setdefault(LOCK_KEY, asyncio.Lock())
    async with lock:
        await Broadcast(application.bot, application.bot_data["services"], slot,
                        subscriptions).run()


async def send_daily_briefings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The job: today's briefing to every active chat due at this job's time and zone."""
    svc = services(context)
    due = (dtm.time.fromisoformat(context.job.data["time"]), ZoneInfo(context.job.data["tz"]))
    now = dtm.datetime.now(due[1])
    slot = dtm.datetime.combine(now.date(), due[0], due[1])
    if slot > now:  # a late run (misfire grace) that crossed midnight: yesterday's slot
        slot -= dtm.timedelta(days=1)
    subs = [s for s in svc.subscriptions.active()
            if slot_of(svc, s) == due and s.sends_on(slot.date())]
    await broadcast(context.application, slot, subs)


async def catch_up(context: ContextTypes.DEFAULT_TYPE) -> None:
    """At start-up: what was due while the bot was down, or interrupted by a crash."""
    svc = services(context)
    for slot, subs in sorted(due_slots(svc, svc.now()).items()):
        log.info("catching up %d briefing(s) due at %s", len(subs), slot.isoformat())
        await broadcast(context.application, slot, subs)
