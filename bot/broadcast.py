"""One day's briefing to many chats: each chat gets it once, whatever Telegram or the host does.

Every chat's progress is in the ledger (`store.ledger`). The rules, in the order they apply:

- A chat whose row for the day is final (sent, failed, uncertain, inactive) is skipped: a rerun
  after a restart continues where the last one stopped.
- A row still "sending" from a process that died mid-send is sent once more: the kill may have
  come before the request left. Those resends are the only possible duplicates; each run counts
  them (`resent`).
- A send that times out may have been delivered (the Bot API has no idempotency key). It is
  recorded as uncertain and **not** resent: one possibly-missing briefing is better than a bot
  that spams on every slow answer.
- 429: the rate limiter waits `retry_after` and tries again. 5xx and network errors: up to
  `ATTEMPTS` tries with doubling pauses, then failed. 403: the subscription is made inactive
  (kept; `/subscribe` reactivates it). 400 with `migrate_to_chat_id`: the subscription moves
  to the new id and the briefing goes there. Any other 400: failed, with Telegram's reason.

Chats whose briefings are alike (same period, filters, time zone and language of dates) share
one rendering.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import time
from dataclasses import asdict, dataclass, field

from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    TelegramError,
    TimedOut,
)

from bot.services import Services
from briefings.compose import compose_briefing
from briefings.render import briefing_messages
from briefings.subscriptions import Subscription
from store.ledger import FAILED, FINAL, INACTIVE, SENDING, SENT, UNCERTAIN

log = logging.getLogger(__name__)

ATTEMPTS = 4
FIRST_BACKOFF = 0.5
WORKERS = 8
FIRST_WINDOW = dtm.timedelta(hours=24)


@dataclass
class RunStats:
    """What a broadcast did, for `/deliveries` and the benchmarks."""

    day: str
    slot: str
    chats: int = 0
    sent: int = 0
    messages: int = 0
    failed: int = 0
    inactive: int = 0
    uncertain: int = 0
    migrated: int = 0
    resent: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.time)
    duration: float = 0.0

    @property
    def rate(self) -> float:
        return self.messages / self.duration if self.duration else 0.0


def period_start(svc: Services, chat_id: int, until: dtm.datetime) -> dtm.datetime:
    """A briefing covers what was recorded since the chat's previous one ended (else 24 h)."""
    previous = svc.ledger.covered_until(chat_id)
    if previous is None or previous >= until:
        return until - FIRST_WINDOW
    return previous


class Broadcast:
    """Sends the briefing due at `slot` to the given subscriptions.

    It covers what was recorded up to the moment the run starts (a late run leaves nothing
    for a gap), and the ledger remembers that moment as where the next one begins.
    """

    def __init__(self, bot: Bot, svc: Services, slot: dtm.datetime,
                 subscriptions: list[Subscription]) -> None:
        self.bot = bot
        self.svc = svc
        self.slot = slot
        self.day = slot.date().isoformat()
        self.until = svc.now()
        self.queue: asyncio.Queue[Subscription] = asyncio.Queue()
        for sub in subscriptions:
            self.queue.put_nowait(sub)
        self.stats = RunStats(day=self.day, slot=slot.isoformat(), chats=len(subscriptions))
        self._renders: dict[tuple, list[str]] = {}
        self._reserve = getattr(bot.rate_limiter, "reserve", None)

    async def run(self) -> RunStats:
        began = time.perf_counter()
        workers = [asyncio.create_task(self._work()) for _ in range(WORKERS)]
        try:
            await self.queue.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        self.stats.duration = time.perf_counter() - began
        self.svc.ledger.record_run(asdict(self.stats) | {"rate": round(self.stats.rate, 2)})
        log.info("broadcast %s: %s", self.slot.isoformat(), asdict(self.stats))
        return self.stats

    async def _work(self) -> None:
        while True:
            sub = await self.queue.get()
            try:
                await self._deliver(sub)
            except Exception:  # one chat's surprise must not stop the others
                log.exception("briefing to chat %s failed unexpectedly", sub.chat_id)
                self.svc.ledger.mark(self.day, sub.chat_id, FAILED, reason="internal error")
                self.stats.failed += 1
            finally:
                self.queue.task_done()

    def messages_for(self, sub: Subscription) -> list[str]:
        """The chat's briefing, rendered once per alike group of chats."""
        since = period_start(self.svc, sub.chat_id, self.until)
        zone = sub.zone(self.svc.settings.timezone)
        key = (since, sub.filters, zone, sub.lang)
        if key not in self._renders:
            recorded = self.svc.log.recorded_between(since, self.until)
            briefing = compose_briefing(recorded, since, self.until, zone,
                                        admits=sub.filters.admits, lang=sub.lang)
            self._renders[key] = briefing_messages(briefing)
        return self._renders[key]

    @property
    def renderings(self) -> int:
        """How many distinct briefings this run rendered (shared by alike chats)."""
        return len(self._renders)

    async def _deliver(self, sub: Subscription) -> None:
        chat_id = sub.chat_id
        ledger = self.svc.ledger
        row = ledger.row(self.day, chat_id)
        if row and row["state"] in FINAL:
            self.stats.skipped += 1
            return
        messages = self.messages_for(sub)
        done = 0
        if row and row["state"] == SENDING:
            self.stats.resent += 1
            done = row.get("parts_done", 0)
        for index in range(done, len(messages)):
            if self._reserve is not None:  # "sending" is written only once the send may leave
                await self._reserve(chat_id)
            ledger.mark(self.day, chat_id, SENDING, durable=True, until=self.until.isoformat(),
                        parts_done=index, parts=len(messages))
            outcome = await self._send(chat_id, messages[index])
            if outcome is not None:
                return
        ledger.mark(self.day, chat_id, SENT, parts_done=len(messages))
        self.stats.sent += 1

    async def _send(self, chat_id: int, text: str) -> str | None:
        """Send one message with the retry rules; None when sent, else the final state."""
        ledger = self.svc.ledger
        for attempt in range(ATTEMPTS):
            try:
                reserved = attempt == 0 and self._reserve is not None
                await self.bot.send_message(
                    chat_id, text, rate_limit_args={"bulk": True, "reserved": reserved},
                    allow_paid_broadcast=self.svc.settings.broadcast_paid or None,
                )
                self.stats.messages += 1
                return None
            except TimedOut as exc:
                if "not sent" in exc.message.lower():  # pool timeout: certainly unsent
                    await asyncio.sleep(FIRST_BACKOFF)
                    continue
                ledger.mark(self.day, chat_id, UNCERTAIN,
                            reason="timed out; may have been delivered, not resent")
                self.stats.uncertain += 1
                return UNCERTAIN
            except Forbidden as exc:
                self.svc.subscriptions.deactivate(chat_id, reason=exc.message)
                ledger.mark(self.day, chat_id, INACTIVE, reason=exc.message)
                self.stats.inactive += 1
                return INACTIVE
            except ChatMigrated as exc:
                new_id = exc.new_chat_id
                moved = self.svc.subscriptions.migrate(chat_id, new_id)
                ledger.mark(self.day, chat_id, FAILED, reason=f"moved to {new_id}")
                self.stats.migrated += 1
                if moved is not None:
                    self.queue.put_nowait(moved)
                return FAILED
            except BadRequest as exc:
                ledger.mark(self.day, chat_id, FAILED, reason=exc.message)
                self.stats.failed += 1
                return FAILED
            except NetworkError as exc:  # 5xx and connection trouble: worth a bounded retry
                log.warning("briefing to %s, try %d: %s", chat_id, attempt + 1, exc)
                await asyncio.sleep(FIRST_BACKOFF * 2**attempt)
            except TelegramError as exc:
                ledger.mark(self.day, chat_id, FAILED, reason=str(exc))
                self.stats.failed += 1
                return FAILED
        ledger.mark(self.day, chat_id, FAILED, reason="network errors, gave up")
        self.stats.failed += 1
        return FAILED
