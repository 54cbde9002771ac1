"""Commands for admins: record, change and delete events.

`/addevent` takes a whole form (one `field: value` per line after the command) or, alone,
starts a guided entry that asks one field at a time. Either way nothing is stored until every
field is valid, and a rejected form is answered with every problem at once.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes, ConversationHandler

from bot.guards import is_anonymous
from bot.services import Services, services
from briefings import forms
from briefings.events import Event
from briefings.messages import say
from briefings.render import TELEGRAM_LIMIT, render, to_plain_text

ASKING = 0
STEPS = ("region", "location", "actors", "type", "fatalities", "source", "date", "summary")
DRAFT_KEY = "event_draft"
# Each listed problem is at most about 200 characters, so 15 keep a reply far below 4096.
MAX_ERRORS_SHOWN = 15


def command_rest(message: Message) -> str:
    """What follows the command word (newlines kept): the form of `/addevent`."""
    text = message.text or ""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return text[text.find(first) + len(first) :] if first else ""


async def admin_or_refuse(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str) -> bool:
    """Admins by numeric id, writing as themselves: anonymous group admins cannot be told apart."""
    message = update.effective_message
    if is_anonymous(message):
        await message.reply_text(say("admin.write_privately", action=action))
        return False
    if services(context).is_admin(update.effective_user and update.effective_user.id):
        return True
    await message.reply_text(say("admin.only", action=action))
    return False


def fits(html: str) -> bool:
    """Whether Telegram takes `html` as one message (it counts visible UTF-16 code units)."""
    return forms.text_length(to_plain_text(html)) <= TELEGRAM_LIMIT


def _card(headline: str, event: Event, notes: list[str]) -> str:
    card = render("event_card.html.j2", headline=headline, e=event, notes=notes)
    if notes and not fits(card):  # a note per new actor can tip an event at every limit over
        card = render("event_card.html.j2", headline=headline, e=event, notes=[])
    return card


def _errors(headline: str, errors: list[forms.FieldError]) -> str:
    """Every problem, or the first few when a pasted wall of text has hundreds (4096 cap)."""
    if len(errors) > MAX_ERRORS_SHOWN:
        hidden = len(errors) - MAX_ERRORS_SHOWN
        errors = [*errors[:MAX_ERRORS_SHOWN],
                  forms.FieldError("…", say("form.more_problems", count=hidden))]
    return render("form_errors.html.j2", headline=headline, errors=errors)


async def _save(update: Update, svc: Services, result: forms.FormResult) -> None:
    event = svc.log.add(result.values, created_by=update.effective_user.id, today=svc.today())
    await update.effective_message.reply_text(
        _card(say("admin.saved", id=event.id), event, result.notes)
    )


async def add_event(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """`/addevent` with a form saves it; alone, it starts the guided entry."""
    if not await admin_or_refuse(update, context, "record events"):
        return ConversationHandler.END
    svc = services(context)
    form = command_rest(update.effective_message)
    if form.strip():
        raw, errors = forms.parse_form(form)
        result = forms.validate(raw, svc.gazetteer, svc.today())
        errors += result.errors
        if errors:
            await update.effective_message.reply_text(_errors(say("admin.not_saved"), errors))
        else:
            await _save(update, svc, result)
        return ConversationHandler.END
    context.user_data[DRAFT_KEY] = {}
    await _ask_next(update, context)
    return ASKING


def _next_step(draft: dict[str, str]) -> str | None:
    return next((step for step in STEPS if step not in draft), None)


async def _ask_next(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Ask for the next missing field, or save when none is left."""
    svc = services(context)
    draft: dict[str, str] = context.user_data[DRAFT_KEY]
    step = _next_step(draft)
    if step is None:
        result = forms.validate(draft, svc.gazetteer, svc.today())
        context.user_data.pop(DRAFT_KEY, None)
        if result.ok:
            await _save(update, svc, result)
        else:
            await update.effective_message.reply_text(
                _errors(say("admin.not_saved"), result.errors)
            )
        return ConversationHandler.END
    await update.effective_message.reply_text(
        say(
            f"admin.step_{step}",
            n=STEPS.index(step) + 1,
            total=len(STEPS),
            today=svc.today().isoformat(),
        )
    )
    return ASKING


async def receive_step(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """An answer to the current question, or `field: value` lines filling any fields."""
    svc = services(context)
    draft: dict[str, str] = context.user_data.setdefault(DRAFT_KEY, {})
    text = update.effective_message.text or ""
    if forms.looks_like_field_line(text.splitlines()[0] if text else ""):
        given, errors = forms.parse_form(text)
    else:
        given, errors = {_next_step(draft) or "summary": text}, []
    result = forms.validate({**draft, **given}, svc.gazetteer, svc.today(), partial=True)
    errors += [e for e in result.errors if e.field in given or e.field not in draft]
    if errors:
        if len(errors) == 1 and len(given) == 1:
            problem = errors[0]
            await update.effective_message.reply_text(
                say("admin.step_invalid", field=problem.field, problem=problem.message)
            )
        else:
            await update.effective_message.reply_text(_errors(say("admin.not_saved"), errors))
        bad = {e.field for e in errors}
        given = {k: v for k, v in given.items() if k not in bad}
    draft.update(given)
    if errors and not given:
        return ASKING
    return await _ask_next(update, context)


async def skip_step(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    draft: dict[str, str] = context.user_data.setdefault(DRAFT_KEY, {})
    step = _next_step(draft)
    if step in forms.REQUIRED:
        await update.effective_message.reply_text(say("admin.cannot_skip", field=step))
        return ASKING
    if step is not None:
        draft[step] = ""
    return await _ask_next(update, context)


async def remind_form(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    """Another way to record or change events while the /addevent form is open: it would leave
    the form waiting for answers the admin has forgotten, so say how to finish it first."""
    message = update.effective_message
    word = (message.text or message.caption or "").split(maxsplit=1)[0]
    await message.reply_text(say("admin.form_open", command=word.lstrip("/").split("@")[0]))
    return ASKING


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    had_draft = context.user_data.pop(DRAFT_KEY, None) is not None
    await update.effective_message.reply_text(
        say("admin.cancelled") if had_draft else say("admin.nothing_to_cancel")
    )
    return ConversationHandler.END


async def edit_event(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/editevent ID` with `field: value` lines changes only those fields."""
    if not await admin_or_refuse(update, context, "edit events"):
        return
    svc = services(context)
    rest = command_rest(update.effective_message).strip()
    if not rest:
        await update.effective_message.reply_text(say("admin.editevent_usage"))
        return
    first_line, _, more_lines = rest.partition("\n")
    event_id, _, same_line = first_line.strip().partition(" ")
    form = f"{same_line}\n{more_lines}".strip()
    event = svc.log.get(event_id)
    if event is None:
        await update.effective_message.reply_text(say("admin.no_such_event", id=event_id))
        return
    if not form:
        await update.effective_message.reply_text(
            render(
                "prefilled_form.html.j2",
                intro=say("admin.edit_nothing", id=event.id),
                command=f"/editevent {event.id}",
                fields=forms.form_fields(event),
            )
        )
        return
    raw, errors = forms.parse_form(form)
    result = forms.validate(raw, svc.gazetteer, svc.today(), base=event)
    errors += result.errors
    if errors:
        await update.effective_message.reply_text(_errors(say("admin.not_updated"), errors))
        return
    changed = svc.log.update(event, result.values)
    await update.effective_message.reply_text(
        _card(say("admin.updated", id=changed.id), changed, result.notes)
    )


async def delete_event(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_or_refuse(update, context, "delete events"):
        return
    svc = services(context)
    if not context.args:
        await update.effective_message.reply_text(say("admin.delevent_usage"))
        return
    event = svc.log.delete(context.args[0])
    if event is None:
        await update.effective_message.reply_text(say("admin.no_such_event", id=context.args[0]))
        return
    await update.effective_message.reply_text(
        say("admin.deleted", id=event.id, date=event.date.isoformat(), place=event.place)
    )
