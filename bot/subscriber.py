"""Commands for subscribers: start, move or stop the daily briefing of this chat."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.config import parse_time
from bot.delivery import ensure_briefing_job
from bot.services import services
from briefings.messages import say


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    raw = " ".join(context.args or []).strip()
    chosen = parse_time(raw) if raw else None
    if raw and chosen is None:
        await update.effective_message.reply_text(say("sub.bad_time", value=raw))
        return
    chat_id = update.effective_chat.id
    default = svc.settings.briefing_time
    current = svc.subscriptions.get(chat_id)
    if chosen:
        wanted = chosen.strftime("%H:%M")
    else:  # a plain /subscribe keeps the time an active subscription already has
        wanted = current.time if current and current.active else None
    sub, previous = svc.subscriptions.subscribe(chat_id, wanted)
    time = sub.effective_time(default)
    ensure_briefing_job(context.job_queue, time, svc.settings.catchup_hours)
    now = svc.now()
    delivered_today = svc.ledger.row(now.date().isoformat(), chat_id) is not None
    first = say("sub.today") if time > now.time() and not delivered_today else say("sub.tomorrow")
    values = {"time": f"{time:%H:%M}", "tz": str(svc.settings.timezone), "first": first}
    if previous is None:
        text = say("sub.subscribed", **values)
    else:
        old = previous.effective_time(default)
        text = (
            say("sub.already", **values)
            if old == time
            else say("sub.moved", old=f"{old:%H:%M}", **values)
        )
    await update.effective_message.reply_text(text)


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    stopped = svc.subscriptions.deactivate(update.effective_chat.id, reason="unsubscribed")
    await update.effective_message.reply_text(
        say("sub.unsubscribed") if stopped else say("sub.not_subscribed")
    )
