"""`/settings`: one inline-keyboard menu per chat for everything a subscription can be.

Every press edits the menu message itself (a new message per change would bury the chat).
Callback data is `cfg:SCREEN` to open a screen and `cfg:SCREEN:VALUE` to change something;
regions, actors and types are named by their index in the gazetteer or ACLED's list, so every
button stays under Telegram's 64 bytes.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.chatadmin import is_chat_admin, may_manage_chat
from bot.delivery import schedule_for
from bot.services import Services, services
from briefings import acled
from briefings.dates import LANGUAGE_NAMES
from briefings.messages import say
from briefings.preferences import DAY_NAMES, describe_days
from briefings.render import render
from briefings.subscriptions import ALL_DAYS, UNSUBSCRIBED, Filters, Subscription

PREFIX = "cfg"
TIMES = tuple(f"{hour:02d}:00" for hour in range(5, 23))
ZONES = ("UTC", "Asia/Baghdad", "Asia/Dubai", "Asia/Tehran", "Europe/Istanbul",
         "Europe/London", "Europe/Paris", "Europe/Berlin", "America/New_York",
         "America/Los_Angeles")
QUIET_PRESETS = ("off", "22:00-07:00", "23:00-06:00", "00:00-08:00", "21:00-08:00")
EVENT_TYPES = tuple(acled.EVENT_TYPES)


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=f"{PREFIX}:{data}")


def _rows(buttons: list[InlineKeyboardButton], per_row: int) -> list[list[InlineKeyboardButton]]:
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]


def _back() -> list[InlineKeyboardButton]:
    return [_button(say("settings.back"), "main")]


def _ticked(label: str, on: bool) -> str:
    return f"✓ {label}" if on else label


def _main_keyboard(sub: Subscription) -> InlineKeyboardMarkup:
    toggle = say("settings.stop") if sub.active else say("settings.start")
    return InlineKeyboardMarkup([
        [_button(say("settings.time"), "time"), _button(say("settings.zone"), "tz")],
        [_button(say("settings.days"), "days"), _button(say("settings.regions"), "reg")],
        [_button(say("settings.actors"), "act"), _button(say("settings.types"), "typ")],
        [_button(say("settings.quiet"), "quiet"), _button(say("settings.lang"), "lang")],
        [_button(toggle, "sub"), _button(say("settings.done"), "done")],
    ])


def _screen(svc: Services, sub: Subscription, screen: str) -> InlineKeyboardMarkup:
    """The keyboard of one settings screen, showing the current choices ticked."""
    if screen == "time":
        current = sub.time or f"{svc.settings.briefing_time:%H:%M}"
        buttons = [_button(_ticked(t, t == current), f"time:{t}") for t in TIMES]
        return InlineKeyboardMarkup([*_rows(buttons, 6), _back()])
    if screen == "tz":
        current = str(sub.zone(svc.settings.timezone))
        buttons = [_button(_ticked(z, z == current), f"tz:{z}") for z in ZONES]
        return InlineKeyboardMarkup([*_rows(buttons, 2), _back()])
    if screen == "days":
        buttons = [_button(_ticked(name.capitalize(), i in sub.days), f"days:{i}")
                   for i, name in enumerate(DAY_NAMES)]
        return InlineKeyboardMarkup([*_rows(buttons, 4), [
            _button(say("settings.every_day"), "days:all"),
            _button(say("settings.weekdays"), "days:week")], _back()])
    if screen in ("reg", "act", "typ"):
        names, chosen = _choices(svc, sub, screen)
        buttons = [_button(_ticked(name, name in chosen), f"{screen}:{i}")
                   for i, name in enumerate(names)]
        return InlineKeyboardMarkup([*_rows(buttons, 3 if screen != "typ" else 1),
                                     [_button(_ticked(say("settings.all"), not chosen),
                                              f"{screen}:all")], _back()])
    if screen == "quiet":
        current = "-".join(sub.quiet) if sub.quiet else "off"
        buttons = [_button(_ticked(say("settings.off") if q == "off" else q.replace("-", "–"),
                                   q == current), f"quiet:{q}") for q in QUIET_PRESETS]
        return InlineKeyboardMarkup([*_rows(buttons, 3), _back()])
    if screen == "lang":
        buttons = [_button(_ticked(name, code == sub.lang), f"lang:{code}")
                   for code, name in LANGUAGE_NAMES.items()]
        return InlineKeyboardMarkup([buttons, _back()])
    return _main_keyboard(sub)


def _choices(svc: Services, sub: Subscription, screen: str) -> tuple[tuple[str, ...],
                                                                     tuple[str, ...]]:
    if screen == "reg":
        return svc.gazetteer.regions, sub.filters.regions
    if screen == "act":
        return svc.gazetteer.actors, sub.filters.actors
    return EVENT_TYPES, sub.filters.event_types


def _summary(svc: Services, sub: Subscription) -> str:
    return render(
        "settings.html.j2",
        sub=sub,
        time=sub.time or f"{svc.settings.briefing_time:%H:%M}",
        tz=str(sub.zone(svc.settings.timezone)),
        days=describe_days(sub.days),
        lang=LANGUAGE_NAMES.get(sub.lang, sub.lang),
    )


async def open_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await may_manage_chat(update, context):
        return
    svc = services(context)
    sub = svc.subscriptions.preferences(update.effective_chat.id)
    await update.effective_message.reply_text(_summary(svc, sub),
                                              reply_markup=_main_keyboard(sub))


def _toggle(values: tuple, value, *, keep_one: bool = False) -> tuple:
    if value in values:
        rest = tuple(v for v in values if v != value)
        return values if keep_one and not rest else rest
    return (*values, value)


def _apply(svc: Services, sub: Subscription, screen: str, value: str) -> tuple[dict, str]:
    """The changes one press makes, and the screen to show after it."""
    if screen == "time":
        return {"time": value}, "main"
    if screen == "tz":
        return {"tz": value}, "main"
    if screen == "days":
        if value in ("all", "week"):
            return {"days": ALL_DAYS if value == "all" else (0, 1, 2, 3, 4)}, "days"
        days = tuple(sorted(_toggle(sub.days, int(value), keep_one=True)))
        return {"days": days}, "days"
    if screen in ("reg", "act", "typ"):
        names, chosen = _choices(svc, sub, screen)
        picked = () if value == "all" else _toggle(chosen, names[int(value)])
        field = {"reg": "regions", "act": "actors", "typ": "event_types"}[screen]
        current = {"regions": sub.filters.regions, "actors": sub.filters.actors,
                   "event_types": sub.filters.event_types}
        return {"filters": Filters(**{**current, field: picked})}, screen
    if screen == "quiet":
        return {"quiet": None if value == "off" else tuple(value.split("-"))}, "main"
    if screen == "lang":
        return {"lang": value}, "main"
    return {}, "main"


async def press_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any button of the menu: change what it says and redraw the menu in place."""
    query = update.callback_query
    chat = query.message.chat
    if chat.type != chat.PRIVATE and not await is_chat_admin(context, chat.id,
                                                             query.from_user.id):
        await query.answer(say("sub.group_admins_only"), show_alert=True)
        return
    svc = services(context)
    sub = svc.subscriptions.preferences(chat.id)
    _, screen, *rest = (query.data or "").split(":", 2)
    if screen == "done":
        await query.answer()
        await query.edit_message_text(_summary(svc, sub))
        return
    if screen == "sub":
        if sub.active:
            svc.subscriptions.deactivate(chat.id, reason=UNSUBSCRIBED)
        else:
            svc.subscriptions.subscribe(chat.id, sub.time)
        rest, screen = [], "main"
    if rest:
        try:
            changes, screen = _apply(svc, sub, screen, rest[0])
        except (ValueError, IndexError):
            await query.answer(say("reader.page_gone"), show_alert=True)
            return
        svc.subscriptions.update(chat.id, **changes)
    sub = svc.subscriptions.preferences(chat.id)
    if sub.active:
        schedule_for(context.job_queue, svc, sub)
    await query.answer()
    try:
        await query.edit_message_text(_summary(svc, sub), reply_markup=_screen(svc, sub, screen))
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise
