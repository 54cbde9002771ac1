"""The error handler: log what broke with the update that caused it, tell the user and admins."""

from __future__ import annotations

import html
import logging
import time

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.logs import redact, token_secrets
from bot.services import services
from briefings.forms import clip_text
from briefings.messages import say

log = logging.getLogger(__name__)

# At most one admin notification per this many seconds: an error storm must not become a
# message storm.
NOTIFY_INTERVAL = 60.0
LAST_NOTICE_KEY = "last_error_notice"
# The error text and the update each get this many UTF-16 code units (what Telegram counts), so
# the notice stays under 4096 whatever they hold, emoji included.
DETAIL_LIMIT = 1500


async def handle_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling %r", update, exc_info=context.error)
    svc = services(context)
    secrets = token_secrets(svc.settings.token)
    if isinstance(update, Update) and update.effective_message:
        try:
            await update.effective_message.reply_text(say("error.user"))
        except TelegramError:
            log.warning("could not tell the user about the error")
    now = time.monotonic()
    if now - context.bot_data.get(LAST_NOTICE_KEY, float("-inf")) < NOTIFY_INTERVAL:
        return
    context.bot_data[LAST_NOTICE_KEY] = now
    summary = redact(
        html.unescape(str(update.to_dict() if isinstance(update, Update) else update)), secrets
    )
    text = say(
        "error.admin",
        kind=clip_text(type(context.error).__name__, 100),
        detail=clip_text(redact(str(context.error), secrets), DETAIL_LIMIT),
        update=clip_text(summary, DETAIL_LIMIT),
    )
    for admin_id in svc.settings.admin_ids:
        try:
            await context.bot.send_message(admin_id, text)
        except TelegramError:
            log.warning("could not notify admin %s of the error", admin_id)
