"""`/ingest`: admins turn a news article into proposed events, then save, edit or discard each.

The article arrives as text after the command, as a forwarded message, or as a `.txt` document
captioned `/ingest`. Each proposal is shown as a card with Save / Edit / Discard buttons, and a
last message offers Save all. No event is stored until saved: proposals wait in the database's
own table (`briefings.proposals`), keyed by a short batch id carried in the buttons' callback
data, so the buttons of a card still work after the bot restarts. A saved proposal is checked
with the same form validation as `/addevent`, and stored once even if the bot crashes midway.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.admin import admin_or_refuse, command_rest, fits
from bot.services import Services, services
from briefings import forms
from briefings.extract import extract_events
from briefings.messages import say
from briefings.proposals import Batch, Proposal
from briefings.render import render

PREFIX = "ing"
MAX_CANDIDATES = 25
MAX_DOCUMENT_BYTES = 512 * 1024
# Extraction runs on the event loop: 100,000 characters (a long report) take well under a
# second; a 500 KB wall of event sentences would hold every other user up for seconds.
MAX_ARTICLE_CHARS = 100_000
MAX_PENDING_BATCHES = 50  # a new article beyond these makes the oldest unanswered one forgotten
BUTTON_INDEX = re.compile(r"[0-9]{1,3}")
EVIDENCE_FALLBACK = 500

log = logging.getLogger(__name__)


def _buttons(batch_id: str, index: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(say("button.save"), callback_data=f"{PREFIX}:save:{batch_id}:{index}"),
        InlineKeyboardButton(say("button.edit"), callback_data=f"{PREFIX}:edit:{batch_id}:{index}"),
        InlineKeyboardButton(
            say("button.discard"), callback_data=f"{PREFIX}:drop:{batch_id}:{index}"
        ),
    ]])


def _card(proposal: Proposal, index: int, total: int) -> str:
    candidate = proposal.candidate
    card = render("candidate_card.html.j2", c=candidate, number=index + 1, total=total)
    if not fits(card):  # evidence is cut at 1500 characters, but emoji count two for Telegram
        shorter = (forms.clip_text(" … ".join(candidate.evidence), EVIDENCE_FALLBACK),)
        card = render("candidate_card.html.j2", c=replace(candidate, evidence=shorter),
                      number=index + 1, total=total)
    return card


async def _propose(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                   article_date=None) -> None:
    """Extract, then send one card per proposal and a closing Save all message."""
    svc = services(context)
    if len(text) > MAX_ARTICLE_CHARS:
        await update.effective_message.reply_text(
            say("ingest.too_long", length=len(text), limit=MAX_ARTICLE_CHARS)
        )
        return
    candidates = extract_events(
        text, article_date=article_date, today=svc.today(), gazetteer=svc.gazetteer,
        existing=svc.log.all(),
    )
    message = update.effective_message
    if not candidates:
        await message.reply_text(say("ingest.nothing"))
        return
    shown = candidates[:MAX_CANDIDATES]
    batch = svc.proposals.open(message.chat_id, shown, keep=MAX_PENDING_BATCHES)
    for index, proposal in enumerate(batch.proposals):
        sent = await message.reply_text(
            _card(proposal, index, len(shown)), reply_markup=_buttons(batch.id, index)
        )
        proposal.message_id = sent.message_id
    svc.proposals.record_cards(batch)  # before Save all, the one button that needs them
    await message.reply_text(
        say("ingest.found", count=len(shown), capped=len(candidates) > len(shown)),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(
            say("button.save_all"), callback_data=f"{PREFIX}:all:{batch.id}:-")]]),
    )


async def ingest_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/ingest` followed by the article in the same message."""
    if not await admin_or_refuse(update, context, "turn articles into events"):
        return
    text = command_rest(update.effective_message).strip()
    if not text:
        await update.effective_message.reply_text(say("ingest.usage"))
        return
    await _propose(update, context, text)


async def ingest_forwarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A message an admin forwarded: its original date anchors "the same day", "yesterday"."""
    message = update.effective_message
    origin = message.forward_origin
    article_date = origin.date.astimezone(services(context).settings.timezone).date() if origin \
        else None
    await _propose(update, context, message.text or message.caption or "", article_date)


async def ingest_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A `.txt` document captioned `/ingest`."""
    if not await admin_or_refuse(update, context, "turn articles into events"):
        return
    document = update.effective_message.document
    if (document.file_size or 0) > MAX_DOCUMENT_BYTES or not _is_text(document.file_name,
                                                                      document.mime_type):
        await update.effective_message.reply_text(
            say("ingest.bad_document", limit=MAX_DOCUMENT_BYTES // 1024)
        )
        return
    telegram_file = await document.get_file()
    data = bytes(await telegram_file.download_as_bytearray())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        await update.effective_message.reply_text(
            say("ingest.bad_document", limit=MAX_DOCUMENT_BYTES // 1024)
        )
        return
    await _propose(update, context, text)


def _is_text(file_name: str | None, mime_type: str | None) -> bool:
    return (file_name or "").lower().endswith(".txt") or (mime_type or "") == "text/plain"


def parse_button(data: str) -> tuple[str, str, int | None] | None:
    """Action, batch id and card index (None for Save all) of a button, or None if malformed.

    Only our own buttons should ever arrive, but a button from an older version or a crafted
    client must be refused, not crash the handler.
    """
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[2]:
        return None
    _, action, batch_id, raw_index = parts
    if action == "all":
        return (action, batch_id, None) if raw_index == "-" else None
    if action not in ("save", "edit", "drop") or not BUTTON_INDEX.fullmatch(raw_index):
        return None
    return action, batch_id, int(raw_index)


def _save(svc: Services, batch: Batch, indexes: list[int],
          user_id: int) -> dict[int, forms.FormResult]:
    return svc.proposals.save(batch, indexes, log=svc.log, gazetteer=svc.gazetteer,
                              created_by=user_id, today=svc.today())


async def press_candidate_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Save / Edit / Discard on a card, or Save all; the presser must be an admin."""
    query = update.callback_query
    svc = services(context)
    if not svc.is_admin(query.from_user.id):
        await query.answer(say("admin.only", action="save proposed events"), show_alert=True)
        return
    parsed = parse_button(query.data or "")
    batch = svc.proposals.get(parsed[1]) if parsed else None
    if batch is None or (parsed[2] is not None and parsed[2] >= len(batch.proposals)):
        await query.answer(say("ingest.expired"), show_alert=True)
        return
    action, _, index = parsed
    if action == "all":
        await query.answer()
        await _save_all(query.message, batch, svc, query.from_user.id)
        return
    proposal = batch.proposals[index]
    if proposal.done:
        await query.answer(say("ingest.expired"), show_alert=True)
        return
    await query.answer()
    card = _card(proposal, index, len(batch.proposals))
    if action == "edit":  # the form takes over: Save all must not store the proposal a second time
        svc.proposals.discard(batch, index)
        await query.edit_message_text(f"{card}\n\n{say('ingest.editing')}")
        await query.message.reply_text(render(
            "prefilled_form.html.j2", intro=say("ingest.edit_intro"), command="/addevent",
            fields=forms.form_fields(proposal.candidate),
        ))
        return
    if action == "drop":
        svc.proposals.discard(batch, index)
        await query.edit_message_text(f"{card}\n\n{say('ingest.discarded')}")
        return
    result = _save(svc, batch, [index], query.from_user.id)[index]
    if result.ok:
        await query.edit_message_text(f"{card}\n\n{say('ingest.saved', id=result.values['id'])}")
    else:
        await query.message.reply_text(
            render("form_errors.html.j2", headline=say("ingest.not_valid"), errors=result.errors)
        )


async def _save_all(message: Message, batch: Batch, svc: Services, user_id: int) -> None:
    pending = [index for index, proposal in enumerate(batch.proposals) if not proposal.done]
    results = _save(svc, batch, pending, user_id)  # every event stored before any card changes
    ids: list[str] = []
    invalid = 0
    for index, result in results.items():
        if not result.ok:
            invalid += 1
            continue
        ids.append(result.values["id"])
        card = _card(batch.proposals[index], index, len(batch.proposals))
        try:
            await message.get_bot().edit_message_text(
                f"{card}\n\n{say('ingest.saved', id=result.values['id'])}",
                chat_id=batch.chat_id, message_id=batch.proposals[index].message_id,
            )
        except BadRequest as error:  # the admin deleted the card: the event is saved all the same
            log.info("card %s of batch %s not marked saved: %s", index, batch.id, error)
    await message.edit_text(say("ingest.all_saved", saved=len(ids), ids=ids, invalid=invalid))
