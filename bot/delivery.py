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
    since = period_start(svc, chat_id, now) if chat_id is not None else now - FIRST_WINDOW
    briefing = compose_briefing(svc.log.all(), since, now, svc.settings.timezone)
    return briefing_messages(briefing)


def job_name(time: dtm.time) -> str:
    return f"{JOB_PREFIX}{time:%H:%M}"


def ensure_briefing_job(job_queue: JobQueue, time: dtm.time, catchup_hours: float) -> None:
    """One daily job per distinct briefing time; a naive time is read in `Defaults.tzinfo`."""
    if job_queue.get_jobs_by_name(job_name(time)):
        return
    job_queue.run_daily(
        send_daily_briefings,
        time=time,
        name=job_name(time),
        data=time.strftime("%H:%M"),
        job_kwargs={"misfire_grace_time": int(catchup_hours * 3600) or 1, "coalesce": True},
    )


def schedule_briefings(application: Application) -> None:
    """At start-up: a job for every time an active subscription uses, then the catch-up."""
    svc: Services = application.bot_data["services"]
    default = svc.settings.briefing_time
    for time in {sub.effective_time(default) for sub in svc.subscriptions.active()}:
        ensure_briefing_job(application.job_queue, time, svc.settings.catchup_hours)
    application.job_queue.run_once(catch_up, when=0, name=CATCH_UP_JOB)


def due_slots(svc: Services, now: dtm.datetime) -> dict[dtm.datetime, list[Subscription]]:
    """Chats whose briefing time passed at most CATCHUP_HOURS ago and who lack that briefing."""
    window = dtm.timedelta(hours=svc.settings.catchup_hours)
    tz = svc.settings.timezone
    due: dict[dtm.datetime, list[Subscription]] = {}
    for sub in svc.subscriptions.active():
        time = sub.effective_time(svc.settings.briefing_time)
        for day in (now.date(), now.date() - dtm.timedelta(days=1)):
            slot = dtm.datetime.combine(day, time, tz)
            row = svc.ledger.row(day.isoformat(), sub.chat_id)
            if slot <= now <= slot + window and not (row and row["state"] in FINAL):
                due.setdefault(slot, []).append(sub)
    return due


async def broadcast(application: Application, slot: dtm.datetime,
                    subscriptions: list[Subscription]) -> None:
    lock = application.bot_data.setdefault(LOCK_KEY, asyncio.Lock())
    async with lock:
        await Broadcast(application.bot, application.bot_data["services"], slot,
                        subscriptions).run()


async def send_daily_briefings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The job: today's briefing to every active chat due at this job's time."""
    svc = services(context)
    due = dtm.time.fromisoformat(context.job.data)
    now = svc.now()
    slot = dtm.datetime.combine(now.date(), due, svc.settings.timezone)
    if slot > now:  # a late run (misfire grace) that crossed midnight: yesterday's slot
        slot -= dtm.timedelta(days=1)
    subs = [s for s in svc.subscriptions.active()
            if s.effective_time(svc.settings.briefing_time) == due]
    await broadcast(context.application, slot, subs)


async def catch_up(context: ContextTypes.DEFAULT_TYPE) -> None:
    """At start-up: what was due while the bot was down, or interrupted by a crash."""
    svc = services(context)
    for slot, subs in sorted(due_slots(svc, svc.now()).items()):
        log.info("catching up %d briefing(s) due at %s", len(subs), slot.isoformat())
        await broadcast(context.application, slot, subs)
