"""`/deliveries` (admins): how the last broadcast went, from the delivery ledger."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.admin import admin_or_refuse
from bot.services import services
from briefings.messages import say
from briefings.render import render


async def show_deliveries(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_or_refuse(update, context, "see deliveries"):
        return
    svc = services(context)
    run = svc.ledger.last_run()
    if run is None:
        await update.effective_message.reply_text(say("deliveries.none"))
        return
    limiter = context.bot.rate_limiter
    await update.effective_message.reply_text(
        render(
            "deliveries.html.j2",
            run=run,
            tz=str(svc.settings.timezone),
            retry_after_count=getattr(limiter, "retry_after_count", None),
        )
    )
