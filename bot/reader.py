"""Commands for readers (anyone): what is known, where, by whom, and the briefing on demand."""

from __future__ import annotations

import difflib

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.delivery import briefing_for_chat
from bot.listing import Listing, choices, known_names, parse_callback, render_page
from bot.services import Services, services
from briefings.gazetteer import Match, normalise
from briefings.messages import say
from briefings.render import render


def _time_and_zone(svc: Services) -> dict[str, str]:
    return {
        "time": svc.settings.briefing_time.strftime("%H:%M"),
        "tz": str(svc.settings.timezone),
    }


def _argument(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(
        render("start.html.j2", **_time_and_zone(services(context)))
    )


async def show_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    is_admin = svc.is_admin(update.effective_user and update.effective_user.id)
    await update.effective_message.reply_text(
        render("help.html.j2", is_admin=is_admin, **_time_and_zone(svc))
    )


async def _send_listing(update: Update, context: ContextTypes.DEFAULT_TYPE, listing: Listing):
    svc = services(context)
    show_ids = svc.is_admin(update.effective_user and update.effective_user.id)
    text, keyboard = render_page(listing, 1, svc, show_ids=show_ids)
    await update.effective_message.reply_text(text, reply_markup=keyboard)


async def show_region(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    name = _argument(context)
    if not name:
        await update.effective_message.reply_text(
            say("reader.choose_region"), reply_markup=choices("region", known_names("region", svc))
        )
        return
    match = svc.gazetteer.region(name)
    if match.name is None:
        await update.effective_message.reply_text(
            say("reader.unknown_region", name=name, suggestions=match.suggestions),
            reply_markup=choices("region", list(match.suggestions)) if match.suggestions else None,
        )
        return
    await _send_listing(update, context, Listing("region", match.name, match.town))


def find_actor(name: str, svc: Services) -> Match:
    """The gazetteer's actors first, then actors admins recorded that it does not know."""
    match = svc.gazetteer.actor(name)
    if match.name is not None:
        return match
    recorded = [a for a in svc.log.actor_counts() if a not in svc.gazetteer.actors]
    wanted = normalise(name)
    for actor in recorded:
        if normalise(actor) == wanted:
            return Match(actor, ())
    close = difflib.get_close_matches(wanted, [normalise(a) for a in recorded], n=3, cutoff=0.75)
    extra = tuple(a for a in recorded if normalise(a) in close)
    return Match(None, tuple(dict.fromkeys((*match.suggestions, *extra)))[:5])


async def show_actor(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    name = _argument(context)
    if not name:
        await update.effective_message.reply_text(
            say("reader.choose_actor"),
            reply_markup=choices("actor", known_names("actor", svc), per_row=2),
        )
        return
    match = find_actor(name, svc)
    if match.name is None:
        await update.effective_message.reply_text(
            say("reader.unknown_actor", name=name, suggestions=match.suggestions),
            reply_markup=choices("actor", list(match.suggestions), per_row=2)
            if match.suggestions
            else None,
        )
        return
    await _send_listing(update, context, Listing("actor", match.name))


async def show_latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _send_listing(update, context, Listing("latest"))


async def turn_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Prev/Next and choice buttons: show the named page in place of the pressed message."""
    query = update.callback_query
    svc = services(context)
    parsed = parse_callback(query.data or "", svc)
    if parsed is None:
        await query.answer(say("reader.page_gone"), show_alert=True)
        return
    listing, page = parsed
    text, keyboard = render_page(listing, page, svc, show_ids=svc.is_admin(query.from_user.id))
    await query.answer()
    try:
        await query.edit_message_text(text, reply_markup=keyboard)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise


async def _send_counts(update: Update, counts, quiet: list[str], kind: str) -> None:
    """What the log knows of one kind (regions, actors) with counts, then the quiet ones."""
    await update.effective_message.reply_text(
        render(
            "counts.html.j2",
            title=say(f"reader.{kind}_title"),
            rows=counts.most_common(),
            empty=quiet,
            empty_label=say(f"reader.{kind}_quiet"),
            hint=say(f"reader.{kind}_hint"),
        )
    )


async def list_regions(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    counts = svc.log.region_counts()
    await _send_counts(update, counts, [r for r in svc.gazetteer.regions if r not in counts],
                       "regions")


async def list_actors(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    counts = svc.log.actor_counts()
    await _send_counts(update, counts, [a for a in svc.gazetteer.actors if a not in counts],
                       "actors")


async def show_briefing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    for text in briefing_for_chat(svc, update.effective_chat.id, svc.now()):
        await update.effective_message.reply_text(text)


async def answer_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(say("reader.unknown_command"))


async def answer_plain_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(say("reader.plain_text"))
