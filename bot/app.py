"""Builds the Telegram `Application`: settings, handlers (all registered here), start-up jobs."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot import (
    admin,
    alerts,
    dataio,
    deliveries,
    ingest,
    reader,
    settings_menu,
    subscriber,
)
from bot.alerts import start_alerts
from bot.config import Settings
from bot.delivery import schedule_briefings
from bot.errors import handle_error
from bot.guards import limit_rate
from bot.http import AiohttpRequest
from bot.listing import PAGE_PREFIX
from bot.ratelimit import PriorityRateLimiter
from bot.services import BOT_DATA_KEY, Services

log = logging.getLogger(__name__)

READER_COMMANDS = [
    BotCommand("latest", "Newest events"),
    BotCommand("region", "Events in a governorate or town"),
    BotCommand("actor", "Events involving an actor"),
    BotCommand("regions", "Governorates with event counts"),
    BotCommand("actors", "Actors with event counts"),
    BotCommand("briefing", "The briefing for this chat, now"),
    BotCommand("subscribe", "Daily briefing here (optionally at HH:MM)"),
    BotCommand("unsubscribe", "Stop the daily briefing"),
    BotCommand("settings", "Time, zone, days, filters, quiet hours"),
    BotCommand("alerts", "Instant alerts for a region, actor or toll"),
    BotCommand("help", "Every command"),
]
ADMIN_COMMANDS = [
    BotCommand("addevent", "Record an event"),
    BotCommand("editevent", "Change an event"),
    BotCommand("delevent", "Delete an event"),
    BotCommand("ingest", "Turn a pasted article into proposed events"),
    BotCommand("deliveries", "How the last broadcast went"),
    BotCommand("import", "Import an ACLED CSV file (send it captioned /import)"),
    BotCommand("export", "The log as an ACLED CSV file"),
    BotCommand("cancel", "Leave a step-by-step entry"),
]
# Edited messages must never re-run a command (an admin fixing a typo would record twice).
NEW_MESSAGES = filters.UpdateType.MESSAGE
CONVERSATION_TIMEOUT = 15 * 60
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


def build_application(services: Services, request: BaseRequest | None = None) -> Application:
    """The application for `services.settings`; `request` replaces HTTP (the offline console)."""
    settings = services.settings
    builder = (
        ApplicationBuilder()
        .token(settings.token or "0:offline")
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .defaults(Defaults(tzinfo=settings.timezone, parse_mode=ParseMode.HTML))
        .post_init(set_up)
        .post_shutdown(tear_down)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        builder = (
            builder.request(AiohttpRequest(connection_pool_size=64))
            .get_updates_request(AiohttpRequest(connection_pool_size=1))
            .rate_limiter(PriorityRateLimiter(settings.broadcast_rate))
        )
    application = builder.build()
    application.bot_data[BOT_DATA_KEY] = services
    register_handlers(application)
    return application


def webhook_options(settings: Settings) -> dict[str, object]:
    """Webhook mode: Telegram posts updates to WEBHOOK_URL, which a reverse proxy forwards to
    WEBHOOK_LISTEN:WEBHOOK_PORT. PTB answers 403 to any request without the secret header."""
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url or "").path.lstrip("/"),
        "secret_token": settings.webhook_secret,
        "webhook_url": settings.webhook_url,
        "allowed_updates": ALLOWED_UPDATES,
    }


# Commands that record or change events: while the /addevent form is open they wait for it.
FORM_BLOCKERS = ("addevent", "ingest", "editevent", "delevent", "import")


def register_handlers(application: Application) -> None:
    def command(name: str, callback) -> CommandHandler:
        return CommandHandler(name, callback, filters=NEW_MESSAGES)

    # Group -1: a user flooding commands is warned once and dropped before any command runs.
    application.add_handler(TypeHandler(Update, limit_rate), group=-1)
    # Group 0: the guided entry first, so that its steps win over the catch-alls below.
    application.add_handler(
        ConversationHandler(
            entry_points=[command("addevent", admin.add_event)],
            states={
                admin.ASKING: [
                    command("skip", admin.skip_step),
                    CommandHandler(FORM_BLOCKERS, admin.remind_form, filters=NEW_MESSAGES),
                    MessageHandler(NEW_MESSAGES & filters.Document.ALL & filters.CaptionRegex(
                        r"^/(?:ingest|import)(@\w+)?\b"), admin.remind_form),
                    MessageHandler(NEW_MESSAGES & filters.TEXT & ~filters.COMMAND,
                                   admin.receive_step),
                ]
            },
            fallbacks=[command("cancel", admin.cancel)],
            conversation_timeout=CONVERSATION_TIMEOUT,
            name="addevent",
        )
    )
    application.add_handlers(
        [
            command("start", reader.start),
            command("help", reader.show_help),
            command("region", reader.show_region),
            command("actor", reader.show_actor),
            command("latest", reader.show_latest),
            command("briefing", reader.show_briefing),
            command("regions", reader.list_regions),
            command("actors", reader.list_actors),
            command("subscribe", subscriber.subscribe),
            command("unsubscribe", subscriber.unsubscribe),
            command("editevent", admin.edit_event),
            command("delevent", admin.delete_event),
            command("ingest", ingest.ingest_text),
            command("deliveries", deliveries.show_deliveries),
            command("settings", settings_menu.open_settings),
            command("alerts", alerts.manage_alerts),
            command("import", dataio.import_usage),
            command("export", dataio.export_log),
            # block=False: a big import runs for seconds; other updates go on meanwhile.
            MessageHandler(
                NEW_MESSAGES & filters.Document.ALL & filters.CaptionRegex(r"^/import(@\w+)?\b"),
                dataio.import_document,
                block=False,
            ),
            MessageHandler(
                NEW_MESSAGES & filters.Document.ALL & filters.CaptionRegex(r"^/ingest(@\w+)?\b"),
                ingest.ingest_document,
            ),
            MessageHandler(
                NEW_MESSAGES & filters.FORWARDED & filters.ChatType.PRIVATE
                & filters.User(user_id=application.bot_data[BOT_DATA_KEY].settings.admin_ids),
                ingest.ingest_forwarded,
            ),
            command("cancel", admin.cancel),
            CallbackQueryHandler(reader.turn_page, pattern=f"^{PAGE_PREFIX}:"),
            CallbackQueryHandler(ingest.press_candidate_button, pattern=f"^{ingest.PREFIX}:"),
            CallbackQueryHandler(settings_menu.press_settings,
                                 pattern=f"^{settings_menu.PREFIX}:"),
            CallbackQueryHandler(alerts.remove_alert, pattern=f"^{alerts.PREFIX}:"),
            # Last: anything else gets a pointer to /help rather than silence.
            MessageHandler(NEW_MESSAGES & filters.COMMAND, reader.answer_unknown_command),
            MessageHandler(
                NEW_MESSAGES & filters.TEXT & filters.ChatType.PRIVATE, reader.answer_plain_text
            ),
        ]
    )
    application.add_error_handler(handle_error)


async def set_up(application: Application) -> None:
    """post_init: the command menus (a longer one for admins), briefing and alert jobs."""
    services: Services = application.bot_data[BOT_DATA_KEY]
    await application.bot.set_my_commands(READER_COMMANDS, scope=BotCommandScopeDefault())
    for admin_id in services.settings.admin_ids:
        try:
            await application.bot.set_my_commands(
                READER_COMMANDS + ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id)
            )
        except BadRequest as exc:  # "chat not found": that admin has not started the bot yet
            log.warning("no admin command menu for %s: %s", admin_id, exc.message)
    schedule_briefings(application)
    start_alerts(application)



async def tear_down(application: Application) -> None:
    """post_shutdown: close the store, so its journal is folded into the database file."""
    application.bot_data[BOT_DATA_KEY].close()
