"""Commands for subscribers: start, change or stop the daily briefing of a chat or channel."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.chatadmin import channel_to_manage, may_manage_chat
from bot.delivery import schedule_for, slot_of
from bot.services import Services, services
from briefings.dates import short_date
from briefings.messages import say
from briefings.preferences import (
    describe_days,
    merged_filters,
    next_briefing,
    parse_subscription_args,
)
from briefings.render import render
from briefings.subscriptions import UNSUBSCRIBED, Subscription

# A pasted wall of words must not turn the list of problems into a message over 4096.
MAX_PROBLEMS_SHOWN = 10


async def _target_chat(update: Update, context: ContextTypes.DEFAULT_TYPE,
                       channel: str | None) -> int | None:
    """The chat a command changes: this one (admins only in groups) or a named channel."""
    if channel:
        return await channel_to_manage(update, context, channel)
    if await may_manage_chat(update, context):
        return update.effective_chat.id
    return None


def describe(svc: Services, sub: Subscription) -> dict[str, str]:
    """The words that say when and what a subscription sends."""
    time, zone = slot_of(svc, sub)
    now = svc.now().astimezone(zone)
    delivered_today = svc.ledger.row(now.date().isoformat(), sub.chat_id) is not None
    first = next_briefing(now, time, sub.days, delivered_today)
    if first == now.date():
        when = say("sub.today")
    elif (first - now.date()).days == 1:
        when = say("sub.tomorrow")
    else:
        when = short_date(first, sub.lang)
    return {"time": f"{time:%H:%M}", "tz": str(zone), "first": when,
            "days": describe_days(sub.days)}


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/subscribe [HH:MM] [Zone/Name] [region=..] [actor=..] [type=..] [days=..] [@channel]`."""
    svc = services(context)
    parsed = parse_subscription_args(context.args or [], svc.gazetteer)
    if parsed.errors:
        problems = parsed.errors[:MAX_PROBLEMS_SHOWN]
        if len(parsed.errors) > MAX_PROBLEMS_SHOWN:
            problems.append(say("form.more_problems",
                                count=len(parsed.errors) - MAX_PROBLEMS_SHOWN))
        await update.effective_message.reply_text(
            render("problems.html.j2", headline=say("sub.not_changed"), problems=problems)
        )
        return
    chat_id = await _target_chat(update, context, parsed.channel)
    if chat_id is None:
        return
    current = svc.subscriptions.preferences(chat_id)
    changes = dict(parsed.changes)
    time = changes.pop("time", current.time)
    if parsed.filters:
        changes["filters"] = merged_filters(current.filters, parsed.filters)
    sub, previous = svc.subscriptions.subscribe(chat_id, time, **changes)
    schedule_for(context.job_queue, svc, sub)
    values = describe(svc, sub)
    if previous is None:
        headline = say("sub.subscribed", **values)
    elif slot_of(svc, previous) != slot_of(svc, sub):
        old_time, old_zone = slot_of(svc, previous)
        headline = say("sub.moved", old=f"{old_time:%H:%M}", old_tz=str(old_zone), **values)
    elif previous != sub:
        headline = say("sub.updated", **values)
    else:
        headline = say("sub.already", **values)
    await update.effective_message.reply_text(
        render("subscription.html.j2", headline=headline, sub=sub, channel=parsed.channel)
    )


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/unsubscribe [@channel]`: stop the daily briefing; preferences are kept."""
    svc = services(context)
    channel = next((a for a in context.args or [] if a.startswith("@")), None)
    chat_id = await _target_chat(update, context, channel)
    if chat_id is None:
        return
    stopped = svc.subscriptions.deactivate(chat_id, reason=UNSUBSCRIBED)
    await update.effective_message.reply_text(
        say("sub.unsubscribed") if stopped else say("sub.not_subscribed")
    )
