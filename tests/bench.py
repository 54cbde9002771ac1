"""`make bench`: how fast sitrep answers and records, printed as figures (never asserted).

Runs the real handlers through the console's in-process request (no network), on a generated
log, and prints medians and 95th percentiles. Issue-specific benchmarks follow when present.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import io
import random
import resource
import statistics
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

from telegram import Update

from bot.app import build_application
from bot.config import load_settings
from bot.console import CONSOLE_CHAT, CONSOLE_USER, ConsoleRequest
from bot.services import Services
from briefings.compose import compose_briefing
from briefings.events import Event, new_event_id
from briefings.render import briefing_messages
from tests import bench_broadcast, bench_extract, bench_store

SIZES = (1_000, 10_000)
RUNS = 50
# One briefing run is too few: on a shared 2-core VM the same commit measured 160 to 350 ms for
# 10k events from one process to the next, and a plain loop with no sitrep code swung as much.
# The minimum is the figure least coloured by the machine; compare commits run side by side.
BRIEFING_RUNS = 7


def generate_events(services: Services, count: int) -> None:
    rng = random.Random(count)
    regions = services.gazetteer.regions
    actors = services.gazetteer.actors
    start = dtm.date(2016, 1, 1)
    ids: set[str] = set()
    docs = []
    for _ in range(count):
        event_id = new_event_id(ids)
        ids.add(event_id)
        docs.append(Event(
            id=event_id, date=start + dtm.timedelta(days=rng.randrange(3650)),
            region=rng.choice(regions), actors=tuple(rng.sample(actors, 2)),
            fatalities=rng.choice([None, 0, 1, 3, 12]), sources=("Reuters",),
            summary="Clashes were reported between the two sides near the town; " * 2,
        ).to_doc())
    services.db.insert_events(docs)


def update_for(text: str, update_id: int) -> dict:
    entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "chat": CONSOLE_CHAT,
        "from": CONSOLE_USER, "text": text, "entities": entities}}


def quantiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


async def time_commands(services: Services, commands: list[str]) -> dict[str, list[float]]:
    settings = replace(services.settings, admin_ids=frozenset({CONSOLE_USER["id"]}))
    application = build_application(replace(services, settings=settings),
                                    request=ConsoleRequest(io.StringIO()))
    timings: dict[str, list[float]] = {c.split()[0]: [] for c in commands}
    async with application:
        for n in range(RUNS):
            for command in commands:
                update = Update.de_json(update_for(command.format(n=n), n), application.bot)
                began = time.perf_counter()
                await application.process_update(update)
                timings[command.split()[0]].append(time.perf_counter() - began)
    return timings


def bench_size(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = replace(load_settings({}, dotenv_path=None), db_path=Path(folder) / "b.json")
        services = Services.open(settings)
        generate_events(services, count)
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
        print(f"\n-- {count:,} events ({size:.1f} MB on disk)")
        timings = asyncio.run(time_commands(services, [
            "/region Anbar", "/actor daesh", "/latest",
            "/addevent\nregion: Anbar\nactors: ISIS\nsummary: Bench event {n}.",
        ]))
        for command, samples in timings.items():
            print(f"{command:<12} {quantiles(samples)}")
        now = dtm.datetime.now(dtm.UTC)
        took = []
        for _ in range(BRIEFING_RUNS):
            began = time.perf_counter()
            briefing = compose_briefing(services.log.all(), now - dtm.timedelta(days=1), now,
                                        dtm.UTC)
            messages = briefing_messages(briefing)
            took.append(time.perf_counter() - began)
        print(f"{'briefing':<12} median {statistics.median(took) * 1000:7.2f} ms   "
              f"min {min(took) * 1000:7.2f} ms over {BRIEFING_RUNS} runs to compose and "
              f"render {briefing.event_count:,} events into {len(messages)} messages")


def main() -> None:
    # The timed application is not started, so its JobQueue (conversation timeouts) is idle.
    warnings.filterwarnings("ignore", message=".*conversation_timeout.*")
    print("sitrep benchmarks (figures only; nothing here passes or fails)")
    for count in SIZES:
        bench_size(count)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory: {peak:.0f} MB")
    print("\n-- extraction")
    bench_extract.main()
    print()
    bench_broadcast.main()
    print()
    bench_store.main()


if __name__ == "__main__":
    main()
