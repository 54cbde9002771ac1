"""Alerts: new events that match a chat's rules are pushed at once, batched, outside quiet hours.

A job looks at what was recorded since its previous look every `CHECK_SECONDS`, so twenty events
saved together (an article's Save all, an import) reach a chat as one message, not twenty. A chat
in its quiet hours gets its batch when they end. Events imported with their original ACLED
timestamp are history, not news, and raise no alert.

`/alerts` lists the rules with a Remove button each; `/alerts region Anbar`, `/alerts actor
peshmerga` or `/alerts fatalities 10` adds one.
"""

from __future__ import annotations

import datetime as dtm
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.chatadmin import is_chat_admin, may_manage_chat
from bot.reader import find_actor
from bot.services import Services, services
from briefings import queries
from briefings.events import Event, utc_now
from briefings.messages import say
from briefings.render import alert_messages, render
from briefings.subscriptions import AlertRule, Subscription

log = logging.getLogger(__name__)

CHECK_SECONDS = 15
MAX_RULES = 20
PREFIX = "alrt"
CHECKED_KEY = "alerts_checked_until"
PENDING_KEY = "alerts_pending"
JOB_NAME = "alerts"


def start_alerts(application: Application) -> None:
    """From start-up on: only what is recorded from now raises alerts."""
    application.bot_data[CHECKED_KEY] = utc_now()
    application.job_queue.run_repeating(push_alerts, interval=CHECK_SECONDS, first=CHECK_SECONDS,
                                        name=JOB_NAME)


def matching(sub: Subscription, events: list[Event]) -> list[Event]:
    return [e for e in events if any(rule.matches(e) for rule in sub.alerts)]


async def push_alerts(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The job: batch what is new per chat, send to chats outside their quiet hours."""
    svc = services(context)
    since = context.bot_data.get(CHECKED_KEY) or utc_now()
    until = utc_now()
    context.bot_data[CHECKED_KEY] = until
    new = svc.log.recorded_between(since, until)
    pending: dict[int, list[Event]] = context.bot_data.setdefault(PENDING_KEY, {})
    subs = {sub.chat_id: sub for sub in svc.subscriptions.with_alerts()}
    for chat_id, sub in subs.items():
        found = [e for e in matching(sub, new) if e not in pending.get(chat_id, [])]
        if found:
            pending.setdefault(chat_id, []).extend(found)
    for chat_id in list(pending):
        sub = subs.get(chat_id)
        if sub is None:
            pending.pop(chat_id)
            continue
        local = dtm.datetime.now(sub.zone(svc.settings.timezone))
        if sub.quiet_until(local) is None:
            await _send(context, svc, sub, pending.pop(chat_id))


async def _send(context: ContextTypes.DEFAULT_TYPE, svc: Services, sub: Subscription,
                events: list[Event]) -> None:
    try:
        for text in alert_messages(queries.newest_first(events), sub.lang):
            await context.bot.send_message(sub.chat_id, text)
    except Forbidden as exc:
        svc.subscriptions.deactivate(sub.chat_id, reason=exc.message)
    except TelegramError as exc:
        log.warning("alert to chat %s failed: %s", sub.chat_id, exc)


def _rule_from_args(args: list[str], svc: Services) -> AlertRule | str:
    """An alert rule from `/alerts KIND VALUE`, or the problem as a message."""
    kind, value = args[0].lower(), " ".join(args[1:]).strip()
    if kind in ("region", "regions") and value:
        match = svc.gazetteer.region(value)
        return AlertRule("region", match.name) if match.name else say(
            "alerts.unknown", kind="region", value=value, suggestions=match.suggestions)
    if kind in ("actor", "actors") and value:
        match = find_actor(value, svc)
        return AlertRule("actor", match.name) if match.name else say(
            "alerts.unknown", kind="actor", value=value, suggestions=match.suggestions)
    if kind == "fatalities" and value.isdigit() and 0 < int(value) <= 100_000:
        return AlertRule("fatalities", str(int(value)))
    return say("alerts.usage")


def _listing(sub: Subscription) -> tuple[str, InlineKeyboardMarkup | None]:
    text = render("alerts.html.j2", rules=sub.alerts)
    if not sub.alerts:
        return text, None
    buttons = [[InlineKeyboardButton(say("alerts.remove_button", rule=rule),
                                     callback_data=f"{PREFIX}:rm:{i}")]
               for i, rule in enumerate(sub.alerts)]
    return text, InlineKeyboardMarkup(buttons)


async def manage_alerts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/alerts` lists the rules; `/alerts KIND VALUE` adds one."""
    svc = services(context)
    args = context.args or []
    if args:
        if not await may_manage_chat(update, context):
            return
        rule = _rule_from_args(args, svc)
        if isinstance(rule, str):
            await update.effective_message.reply_text(rule)
            return
        sub = svc.subscriptions.preferences(update.effective_chat.id)
        if rule not in sub.alerts:
            if len(sub.alerts) >= MAX_RULES:
                await update.effective_message.reply_text(say("alerts.too_many", limit=MAX_RULES))
                return
            sub = svc.subscriptions.update(sub.chat_id, alerts=(*sub.alerts, rule))
        await update.effective_message.reply_text(say("alerts.added", rule=rule))
    sub = svc.subscriptions.preferences(update.effective_chat.id)
    text, keyboard = _listing(sub)
    await update.effective_message.reply_text(text, reply_markup=keyboard)


async def remove_alert(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The Remove button under `/alerts`: the list is edited in place."""
    query = update.callback_query
    svc = services(context)
    chat = query.message.chat
    if chat.type != chat.PRIVATE and not await is_chat_admin(context, chat.id,
                                                             query.from_user.id):
        await query.answer(say("sub.group_admins_only"), show_alert=True)
        return
    sub = svc.subscriptions.preferences(chat.id)
    index = int((query.data or "").rsplit(":", 1)[-1])
    if index < len(sub.alerts):
        sub = svc.subscriptions.update(
            chat.id, alerts=tuple(r for i, r in enumerate(sub.alerts) if i != index)
        )
    await query.answer()
    text, keyboard = _listing(sub)
    await query.edit_message_text(text, reply_markup=keyboard)
