"""Broadcast benchmark: the daily briefing to many chats against a fake Bot API enforcing a rate.

Prints the achieved rate as a fraction of the limit, CPU seconds, peak memory, 429 answers,
duplicates and losses. Figures only; nothing here passes or fails. The fake server runs in a
separate process (as Telegram would), so the bot has a core to itself.
"""

from __future__ import annotations

import asyncio
import collections
import json
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from bot.delivery import broadcast
from tests.fakebotapi import FakeBotAPI
from tests.harness import running_bot, services_of

CASES = ((10_000, 1000.0, True), (1_000, 30.0, False))
FIRST_CHAT = 1_000_000


def serve_fake(rate: float, port_queue, stop_event, result_queue) -> None:
    """The fake Bot API in its own process; reports what it received when told to stop."""

    async def main() -> None:
        async with FakeBotAPI() as fake:
            fake.rate_limit = rate
            port_queue.put((fake.url, fake.token))
            while not stop_event.is_set():
                await asyncio.sleep(0.1)
            counts = collections.Counter(
                e["chat_id"] for e in fake.sent if "sitrep daily briefing" in e["text"]
            )
            result_queue.put(json.dumps({"counts": counts, "rate_limited": fake.rate_limited}))

    asyncio.run(main())


async def run_case(subscribers: int, rate: float, paid: bool, url: str, token: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        fake = FakeBotAPI(token=token)
        fake.url = url
        async with running_bot(fake, Path(folder) / "bench.json", broadcast_rate=rate,
                               broadcast_paid=paid) as bot:
            svc = services_of(bot)
            svc.db._subscriptions.insert_multiple(  # bulk set-up, not what is measured
                {"chat_id": FIRST_CHAT + n, "time": None, "active": True}
                for n in range(subscribers)
            )
            slot = svc.now().replace(second=0, microsecond=0)
            cpu = time.process_time()
            began = time.perf_counter()
            await broadcast(bot, slot, svc.subscriptions.active())
            elapsed = time.perf_counter() - began
            cpu = time.process_time() - cpu
            run = svc.ledger.last_run()
            limiter_429 = bot.bot.rate_limiter.retry_after_count
    return {"elapsed": elapsed, "cpu": cpu, "run": run, "limiter_429": limiter_429}


def bench_case(subscribers: int, rate: float, paid: bool) -> None:
    context = multiprocessing.get_context("spawn")
    port_queue, result_queue = context.Queue(), context.Queue()
    stop = context.Event()
    server = context.Process(target=serve_fake, args=(rate, port_queue, stop, result_queue))
    server.start()
    url, token = port_queue.get(timeout=30)
    try:
        outcome = asyncio.run(run_case(subscribers, rate, paid, url, token))
    finally:
        stop.set()
        received = json.loads(result_queue.get(timeout=60))
        server.join(timeout=30)
    counts = {int(chat): n for chat, n in received["counts"].items()}
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    losses = sum(1 for n in range(subscribers) if FIRST_CHAT + n not in counts)
    achieved = outcome["run"]["messages"] / outcome["elapsed"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{subscribers:>6,} chats at {rate:>6.0f}/s{' (paid)' if paid else '       '}: "
          f"{achieved:7.1f} msg/s = {achieved / rate:5.1%} of the limit, "
          f"{outcome['elapsed']:6.1f} s, CPU {outcome['cpu']:5.1f} s, peak RSS {peak:4.0f} MB, "
          f"429s {received['rate_limited']}, duplicates {duplicates}, losses {losses}")


def main() -> None:
    print("-- broadcast (fake Bot API in its own process, enforcing the rate)")
    for subscribers, rate, paid in CASES:
        bench_case(subscribers, rate, paid)


if __name__ == "__main__":
    main()
