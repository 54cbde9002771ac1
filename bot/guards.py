"""Checks that run before the commands: a per-user rate limit, and who is writing.

Strangers can type (or script) far faster than Telegram lets a bot answer (about one message a
second per chat), and every answer costs a send. Each user therefore has a token bucket: a
burst of `COMMAND_BURST` commands, refilled at `COMMAND_RATE` a second. A user who runs dry gets
one notice saying when he will be answered again, then silence until the bucket refills: the
update is dropped in handler group -1, before any command runs (`ApplicationHandlerStop`).

Admins are listed by numeric id and trusted; they paste forms in bursts, and the console, the
benchmarks and the crash test drive the bot as an admin, so they are not limited.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.services import services
from briefings.messages import say

log = logging.getLogger(__name__)

# A user may send COMMAND_BURST commands (or button presses: a settings menu takes a dozen) at
# once, then one a second: about what Telegram lets a bot send into one chat.
COMMAND_BURST = 20
COMMAND_RATE = 1.0
BUCKETS_KEY = "rate_buckets"
# Beyond this many remembered users, those whose bucket has refilled are forgotten.
MAX_BUCKETS = 10_000
# An anonymous group admin writes as this bot user, with `sender_chat` set to the group.
GROUP_ANONYMOUS_BOT_ID = 1087968824
# The clock the buckets use; tests replace it to let time pass.
clock = time.monotonic


@dataclass
class Bucket:
    tokens: float
    stamp: float
    warned: bool = False

    def refill(self, now: float) -> None:
        self.tokens = min(COMMAND_BURST, self.tokens + (now - self.stamp) * COMMAND_RATE)
        self.stamp = now

    def take(self, now: float) -> bool:
        """Spend one token if there is one; a successful take re-arms the notice."""
        self.refill(now)
        if self.tokens < 1:
            return False
        self.tokens -= 1
        self.warned = False
        return True

    def seconds_to_next(self) -> int:
        return max(1, math.ceil((1 - self.tokens) / COMMAND_RATE))


def is_anonymous(message: Message) -> bool:
    """Written as a group or channel rather than as a person, so the writer is unknown."""
    user = message.from_user
    return message.sender_chat is not None or (
        user is not None and user.id == GROUP_ANONYMOUS_BOT_ID
    )


def _answered(update: Update) -> bool:
    """Updates the bot answers: button presses, new commands, anything in a private chat."""
    if update.callback_query is not None:
        return True
    message = update.message  # edits are never answered, so never counted
    if message is None:
        return False
    text = message.text or message.caption or ""
    return message.chat.type == ChatType.PRIVATE or text.startswith("/")


def _sender_key(update: Update) -> int | None:
    """Who pays: the person, or the group/channel an anonymous message was sent as."""
    message = update.message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    return update.effective_user.id if update.effective_user else None


def _bucket(context: ContextTypes.DEFAULT_TYPE, key: int, now: float) -> Bucket:
    buckets: dict[int, Bucket] = context.bot_data.setdefault(BUCKETS_KEY, {})
    bucket = buckets.get(key)
    if bucket is None:
        if len(buckets) >= MAX_BUCKETS:
            for old_key, old in list(buckets.items()):
                old.refill(now)
                if old.tokens >= COMMAND_BURST:
                    del buckets[old_key]
        bucket = buckets[key] = Bucket(COMMAND_BURST, now)
    return bucket


async def limit_rate(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group -1: let the update through, or warn once and drop it while the user floods."""
    if not isinstance(update, Update) or not _answered(update):
        return
    key = _sender_key(update)
    user = update.effective_user
    if key is None or (user is not None and services(context).is_admin(user.id)):
        return
    bucket = _bucket(context, key, clock())
    if bucket.take(clock()):
        return
    if not bucket.warned:
        bucket.warned = True
        notice = say("limit.slow_down", seconds=bucket.seconds_to_next())
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(notice, show_alert=True)
            else:
                await update.effective_message.reply_text(notice)
        except TelegramError as exc:
            log.warning("could not tell %s to slow down: %s", key, exc)
    raise ApplicationHandlerStop
