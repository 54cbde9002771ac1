"""Telegram's send limits, with replies to readers ahead of the daily broadcast.

PTB's `AIORateLimiter` knows the overall and per-group limits but not priorities: a `/region`
asked during a 10,000-chat broadcast would queue behind the whole broadcast. This limiter keeps
one sliding one-second window for every call that carries a chat (GUIDE §1: about 30/s, up to
1,000/s for paid broadcasts), lets replies take a free slot before any broadcast message, spaces
broadcast messages to one chat a second apart, keeps groups under 20 messages a minute, and on a
429 pauses every send for `retry_after` seconds before trying again.

Broadcast calls pass `rate_limit_args={"bulk": True}`. A broadcast that must record "sending"
at the last moment first takes its slot with `reserve()` and then passes `"reserved": True`.
"""

from __future__ import annotations

import asyncio
import collections
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

GROUP_WINDOW = 60.0
GROUP_LIMIT = 20
PER_CHAT_SPACING = 1.0
TICK = 0.001
SAFETY = 0.98
EVEN_SPACING_UP_TO = 100


class PriorityRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Sliding-window limits shared by replies and broadcasts; replies go first."""

    def __init__(self, rate: float, *, retries: int = 5) -> None:
        self.rate = rate
        self.retries = retries
        self.retry_after_count = 0
        self._sent: collections.deque[float] = collections.deque()
        self._group_sent: dict[int, collections.deque[float]] = {}
        self._chat_next: dict[int, float] = {}
        self._priority_waiting = 0
        self._paused_until = 0.0
        self._next_bulk = 0.0
        # Network jitter can bunch messages sent exactly at the limit into too many per second
        # on Telegram's side: keep a margin, and at low rates also space broadcast messages
        # evenly (at high rates a ~1 ms timer cannot space them without costing throughput).
        self._capacity = max(1, int(rate * SAFETY))
        self._spacing = 1.0 / (rate * SAFETY) if rate <= EVEN_SPACING_UP_TO else 0.0
        self._bulk_gate = asyncio.Lock()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = data.get("chat_id")
        args_given = rate_limit_args or {}
        bulk = bool(args_given.get("bulk"))
        attempt = 0
        while True:
            reserved = attempt == 0 and args_given.get("reserved")
            if isinstance(chat_id, int) and not reserved:
                await (self._take_bulk(chat_id) if bulk else self._take_priority(chat_id))
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                self.retry_after_count += 1
                delay = _seconds(exc.retry_after)
                loop = asyncio.get_running_loop()
                self._paused_until = max(self._paused_until, loop.time() + delay)
                attempt += 1
                if attempt > self.retries:
                    raise
                log.info("429 from Telegram: pausing sends for %.1f s", delay)

    async def reserve(self, chat_id: int) -> None:
        """Take a broadcast slot now, for a send that follows at once with `reserved`."""
        await self._take_bulk(chat_id)

    async def _take_priority(self, chat_id: int) -> None:
        self._priority_waiting += 1
        try:
            await self._take(chat_id, bulk=False)
        finally:
            self._priority_waiting -= 1

    async def _take_bulk(self, chat_id: int) -> None:
        """Broadcast sends pass one at a time, spaced per chat, and yield to any reply."""
        loop = asyncio.get_running_loop()
        wait = self._chat_next.get(chat_id, 0.0) - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        async with self._bulk_gate:
            await self._take(chat_id, bulk=True)
        self._chat_next[chat_id] = loop.time() + PER_CHAT_SPACING

    async def _take(self, chat_id: int, *, bulk: bool) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            delay = self._delay(chat_id, now)
            if bulk and self._spacing:
                delay = max(delay, self._next_bulk - now)
            if delay <= 0 and not (bulk and self._priority_waiting):
                self._sent.append(now)
                if bulk:
                    self._next_bulk = now + self._spacing
                if chat_id < 0:
                    self._group_sent.setdefault(chat_id, collections.deque()).append(now)
                return
            await asyncio.sleep(max(delay, TICK))

    def _delay(self, chat_id: int, now: float) -> float:
        """Seconds until a message to `chat_id` fits every limit (<= 0: now)."""
        while self._sent and now - self._sent[0] >= 1.0:
            self._sent.popleft()
        delay = self._paused_until - now
        if len(self._sent) >= self._capacity:
            delay = max(delay, self._sent[0] + 1.0 - now)
        group = self._group_sent.get(chat_id)
        if group is not None:
            while group and now - group[0] >= GROUP_WINDOW:
                group.popleft()
            if len(group) >= GROUP_LIMIT:
                delay = max(delay, group[0] + GROUP_WINDOW - now)
        return delay


def _seconds(value: Any) -> float:
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)
