"""The daily push: one JobQueue job per briefing time, sending each due chat its briefing.

A chat's briefing covers what was recorded since its previous one (the first: the last 24
hours). Deliveries are recorded per chat and day in the store, so a second run on the same day
(a restart, a re-subscribe) sends nothing twice. A chat that blocked the bot is marked inactive
and the broadcast goes on.
"""

from __future__ import annotations

import datetime as dtm
import logging

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes, JobQueue

from bot.services import Services, services
from briefings.compose import compose_briefing
from briefings.render import briefing_messages

log = logging.getLogger(__name__)

JOB_PREFIX = "briefing@"
FIRST_WINDOW = dtm.timedelta(hours=24)
# APScheduler skips a run more than 1 s late by default; a busy loop must not drop a briefing.
MISFIRE_GRACE_SECONDS = 3600


def briefing_for_chat(svc: Services, chat_id: int | None, now: dtm.datetime) -> list[str]:
    """The messages of a chat's briefing as of `now` (no chat: the last 24 hours)."""
    sub = svc.subscriptions.get(chat_id) if chat_id is not None else None
    since = sub.last_briefing_at if sub and sub.last_briefing_at else now - FIRST_WINDOW
    briefing = compose_briefing(svc.log.all(), since, now, svc.settings.timezone)
    return briefing_messages(briefing)


def job_name(time: dtm.time) -> str:
    return f"{JOB_PREFIX}{time:%H:%M}"


def ensure_briefing_job(job_queue: JobQueue, time: dtm.time) -> None:
    """One daily job per distinct briefing time; a naive time is read in `Defaults.tzinfo`."""
    if job_queue.get_jobs_by_name(job_name(time)):
        return
    job_queue.run_daily(
        send_daily_briefings,
        time=time,
        name=job_name(time),
        data=time.strftime("%H:%M"),
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE_SECONDS, "coalesce": True},
    )


def schedule_briefings(application: Application) -> None:
    """At start-up: a job for every time an active subscription uses."""
    svc: Services = application.bot_data["services"]
    default = svc.settings.briefing_time
    for time in {sub.effective_time(default) for sub in svc.subscriptions.active()}:
        ensure_briefing_job(application.job_queue, time)


async def send_daily_briefings(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send today's briefing to every active chat due at this job's time."""
    svc = services(context)
    due = dtm.time.fromisoformat(context.job.data)
    now = svc.now()
    day = now.date()
    for sub in svc.subscriptions.active():
        if sub.effective_time(svc.settings.briefing_time) != due:
            continue
        if svc.subscriptions.was_delivered(sub.chat_id, day):
            continue
        try:
            for text in briefing_for_chat(svc, sub.chat_id, now):
                await context.bot.send_message(sub.chat_id, text)
        except Forbidden as exc:
            log.info("chat %s is unreachable (%s): subscription marked inactive", sub.chat_id, exc)
            svc.subscriptions.deactivate(sub.chat_id, reason=exc.message)
            continue
        except TelegramError as exc:
            log.warning("briefing to chat %s failed: %s", sub.chat_id, exc)
            continue
        svc.subscriptions.record_delivery(sub, day, now)
