"""The store at 100,000 events and 10,000 subscriptions, beside stock TinyDB (issue 6, "Speed").

`python -m tests.bench_store` generates a realistic store (every governorate, 35 actors, ten
years of dates, each event recorded within days of its date; 10,000 subscriptions), writes it as
one TinyDB JSON file, and measures two sides, each in a fresh process (so start-up and memory are
their own):

- sitrep: the real `Services.open` (journaled TinyDB storage, in-memory indexes) and handlers;
- stock: TinyDB's `JSONStorage` with sitrep's data access as it was before the indexes (every
  question reads the file, converts every document and scans; writes rewrite the file).

The stock side runs the very same handlers through the very same Application: only the store
and event log objects differ. Answer time is `Application.process_update` with the console's
in-process request, i.e. from handler start to the reply handed to the Bot API. Start-up is
opening the store and building Services, the Application, `initialize` and `post_init` (menus,
briefing jobs): what happens before the first getUpdates; on the stock side it also includes
the first read of the file, which stock TinyDB defers to the first question. Figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dtm
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

EVENTS = 100_000
SUBSCRIPTIONS = 10_000
FILTER_SETS = 50
RUNS = {"sitrep": 100, "stock": 5}
ADDS = {"sitrep": 100, "stock": 5}
YEARS = 10
NOW = dtm.datetime(2026, 11, 24, 6, 0, tzinfo=dtm.UTC)
EXTRA_ACTORS = (
    "Kataib Hezbollah", "Asaib Ahl al-Haq", "Saraya al-Salam", "Badr Organisation",
    "Kataib Sayyid al-Shuhada", "Harakat al-Nujaba", "Tribal Mobilisation Forces",
    "Unidentified armed group", "Unidentified gunmen", "Turkish Armed Forces",
    "Iranian Revolutionary Guard", "Sinjar Resistance Units", "Protesters", "Rioters",
    "Civilians", "Federal Police", "Counter-Terrorism Service", "Kurdistan Workers' Party",
    "Zeravani", "Asayish",
)
EVENT_TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
)
SOURCES = ("Reuters", "AFP", "Shafaq News", "Rudaw", "Kurdistan 24", "Iraqi News Agency", "AP")
COMMANDS = ("/region Anbar", "/actor daesh", "/latest")
ADD = "/addevent\nregion: Anbar\nlocation: Ramadi\nactors: ISIS, Iraqi Army\nsummary: Bench {n}."


# -- the data ------------------------------------------------------------------------------------


def event_documents(count: int = EVENTS, seed: int = 6) -> list[dict[str, Any]]:
    """`count` events over ten years up to `NOW`, each recorded 0-72 hours after its date."""
    from briefings.events import ID_ALPHABET, Event
    from briefings.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    rng = random.Random(seed)
    regions = gazetteer.regions
    towns = {region: gazetteer.towns(region) or (None,) for region in regions}
    actors = (*gazetteer.actors, *EXTRA_ACTORS)
    first = NOW.date() - dtm.timedelta(days=365 * YEARS)
    ids: set[str] = set()
    docs = []
    for n in range(count):
        event_id = "".join(rng.choice(ID_ALPHABET) for _ in range(6))
        while event_id in ids:
            event_id = "".join(rng.choice(ID_ALPHABET) for _ in range(6))
        ids.add(event_id)
        date = first + dtm.timedelta(days=rng.randrange(365 * YEARS))
        recorded = dtm.datetime.combine(date, dtm.time(), dtm.UTC) + dtm.timedelta(
            seconds=rng.randrange(72 * 3600)
        )
        region = rng.choice(regions)
        town = rng.choice(towns[region])
        kind, sub = rng.choice(EVENT_TYPES)
        involved = tuple(rng.sample(actors, rng.choice((1, 2, 2, 3))))
        docs.append(Event(
            id=event_id, date=date, region=region, location=town, actors=involved,
            event_type=kind, sub_event_type=sub, fatalities=rng.choice((None, 0, 0, 1, 2, 5, 12)),
            summary=f"{' and '.join(involved)}: {sub.lower()} near {town or region}, report "
                    f"{n} ({rng.randrange(10**6)}); details as given by the sources.",
            sources=tuple(rng.sample(SOURCES, rng.choice((1, 1, 2)))),
            created_at=min(recorded, NOW - dtm.timedelta(seconds=1)),
            created_by=rng.choice((None, 1001, 1002)),
        ).to_doc())
    return docs


def subscription_documents(count: int = SUBSCRIPTIONS) -> list[dict[str, Any]]:
    rng = random.Random(count)
    times = (None, None, None, "06:00", "07:30", "18:00")
    return [
        {"chat_id": 10_000_000 + n, "time": rng.choice(times), "active": rng.random() > 0.05,
         "inactive_reason": None, "created_at": (NOW - dtm.timedelta(days=n % 700)).isoformat()}
        for n in range(count)
    ]


def filter_sets(count: int = FILTER_SETS) -> list[tuple[frozenset[str] | None, ...]]:
    """Distinct (regions, actors) filters a subscriber might choose; None means any."""
    from briefings.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    rng = random.Random(count)
    actors = (*gazetteer.actors, *EXTRA_ACTORS)
    sets: list[tuple[frozenset[str] | None, ...]] = [(None, None)]
    while len(sets) < count:
        regions = frozenset(rng.sample(gazetteer.regions, rng.randrange(1, 5)))
        chosen = frozenset(rng.sample(actors, rng.randrange(1, 4)))
        candidate = rng.choice(((regions, None), (None, chosen), (regions, chosen)))
        if candidate not in sets:
            sets.append(candidate)
    return sets


def write_store(path: Path) -> float:
    """Both sides read the same file: TinyDB's JSON format is the snapshot format too."""
    tables = {
        "events": {str(i): doc for i, doc in enumerate(event_documents(), start=1)},
        "subscriptions": {str(i): doc for i, doc in enumerate(subscription_documents(), start=1)},
    }
    payload = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(payload)
    return len(payload) / 1e6


# -- stock TinyDB, with sitrep's data access as it was -------------------------------------------


def stock_classes():
    from tinydb import Query, TinyDB

    from briefings import queries
    from briefings.events import Event
    from briefings.log import EventLog
    from store import Database

    q = Query()

    class StockDatabase(Database):
        """Stock `TinyDB(path)` (JSONStorage, no cache): each read parses the file."""

        def __init__(self, path: Path) -> None:
            self.path = path
            self.lock = self._lock = threading.RLock()
            self._db = TinyDB(path)
            self._events = self._db.table("events")
            self._subscriptions = self._db.table("subscriptions")

        def all_events(self):
            return [dict(doc) for doc in self._events.all()]

        def get_event(self, event_id):
            doc = self._events.get(q.id == event_id)
            return dict(doc) if doc else None

        def event_ids(self):
            return {doc["id"] for doc in self._events.all()}

        def insert_event(self, doc):
            if self._events.contains(q.id == doc["id"]):
                raise KeyError(doc["id"])
            self._events.insert(doc)

        def get_subscription(self, chat_id):
            doc = self._subscriptions.get(q.chat_id == chat_id)
            return dict(doc) if doc else None

        def all_subscriptions(self):
            return [dict(doc) for doc in self._subscriptions.all()]

        def save_subscription(self, doc):
            self._subscriptions.upsert(doc, q.chat_id == doc["chat_id"])

        def close(self):
            self._db.close()

    class StockEventLog(EventLog):
        """Every question converts every stored document, then filters and sorts."""

        def __init__(self, db) -> None:
            self.db = db

        @property
        def _by_id(self):  # what `add` and `load_samples` check new ids against
            return self.db.event_ids()

        def all(self):
            return [Event.from_doc(doc) for doc in self.db.all_events()]

        def get(self, event_id):
            doc = self.db.get_event(event_id.strip())
            return Event.from_doc(doc) if doc else None

        def newest(self, limit=None, offset=0):
            events = queries.newest_first(self.all())
            return events[offset:None if limit is None else offset + limit]

        def in_region(self, region):
            return queries.in_region(self.all(), region)

        def involving(self, actor):
            return queries.involving(self.all(), actor)

        def recorded_between(self, start, end):
            return queries.recorded_between(self.all(), start, end)

        def region_counts(self):
            return queries.region_counts(self.all())

        def actor_counts(self):
            return queries.actor_counts(self.all())

    return StockDatabase, StockEventLog


# -- one side, in its own process ----------------------------------------------------------------


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def update_for(text: str, update_id: int) -> dict:
    from bot.console import CONSOLE_CHAT, CONSOLE_USER

    entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "chat": CONSOLE_CHAT,
        "from": CONSOLE_USER, "text": text, "entities": entities}}


async def measure(side: str, db_path: Path, scratch: Path) -> dict[str, Any]:
    from telegram import Update

    from bot.app import build_application
    from bot.broadcast import Broadcast
    from bot.config import load_settings
    from bot.console import CONSOLE_USER, ConsoleRequest
    from bot.services import Services
    from briefings.subscriptions import Filters, Subscriptions

    settings = replace(load_settings({}, dotenv_path=None), db_path=db_path,
                       admin_ids=frozenset({CONSOLE_USER["id"]}))
    began = time.perf_counter()
    if side == "sitrep":
        services = Services.open(settings)
    else:
        stock_db_class, stock_log_class = stock_classes()
        base = Services.open(replace(settings, db_path=scratch / "unused.json"))
        db = stock_db_class(db_path)
        services = replace(base, db=db, log=stock_log_class(db), subscriptions=Subscriptions(db))
        len(db._events)  # stock TinyDB reads nothing until asked
    application = build_application(services, request=ConsoleRequest(io.StringIO()))
    await application.initialize()
    if application.post_init:
        await application.post_init(application)
    result: dict[str, Any] = {"startup": time.perf_counter() - began}

    update_id = 0
    for command in (*COMMANDS, ADD):
        samples = []
        runs = ADDS[side] if command == ADD else RUNS[side]
        for n in range(runs + 1):
            update_id += 1
            update = Update.de_json(update_for(command.format(n=n), update_id), application.bot)
            start = time.perf_counter()
            await application.process_update(update)
            if n:  # the first run warms caches (templates, the gazetteer's fuzzy index)
                samples.append(time.perf_counter() - start)
        result[command.split()[0]] = samples
    result["events"] = len(services.log.all())
    result["rss"], result["peak"] = memory_mb()

    # The real broadcast's rendering (bot.broadcast), each chat with one of 50 filter sets.
    sets = [Filters(regions=tuple(sorted(r or ())), actors=tuple(sorted(a or ())))
            for r, a in filter_sets()]
    start = time.perf_counter()
    subscribers = [replace(sub, filters=sets[n % FILTER_SETS])
                   for n, sub in enumerate(services.subscriptions.active())]
    run = Broadcast(application.bot, services, NOW, subscribers)
    run.until = NOW
    outbox = {sub.chat_id: run.messages_for(sub) for sub in subscribers}
    result["briefing"] = time.perf_counter() - start
    events = len(services.log.recorded_between(NOW - dtm.timedelta(days=1), NOW))
    result["briefing_detail"] = (len(outbox), events, run.renderings)
    await application.shutdown()
    return result


def run_side(side: str, db_path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench_store", "--side", side, str(db_path)],
        capture_output=True, text=True, timeout=900,
    )
    if done.returncode:
        raise RuntimeError(f"{side} side failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the report ----------------------------------------------------------------------------------


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.2f} ms"


def _ratio(ours: float, stock: float) -> str:
    return f"{stock / ours:8.0f}x" if ours > 0 else "       -"


def report(ours: dict[str, Any], stock: dict[str, Any]) -> None:
    print(f"{'':<22}{'sitrep':>12}{'stock TinyDB':>15}{'faster':>10}   goal")
    for command, goal in (("/region", 5), ("/actor", 5), ("/latest", 5)):
        for label, pick, limit in (("median", statistics.median, goal), ("p95", _p95, 20)):
            a, b = pick(ours[command]), pick(stock[command])
            print(f"{command + ' ' + label:<22}{_ms(a):>12}{_ms(b):>15}{_ratio(a, b):>10}"
                  f"   < {limit} ms")
    a, b = statistics.median(ours["/addevent"]), statistics.median(stock["/addevent"])
    print(f"{'/addevent median':<22}{_ms(a):>12}{_ms(b):>15}{_ratio(a, b):>10}   < 10 ms")
    a = _p95(ours["/addevent"])
    print(f"{'/addevent p95':<22}{_ms(a):>12}{_ms(_p95(stock['/addevent'])):>15}")
    a, b = ours["startup"], stock["startup"]
    print(f"{'start-up':<22}{a:10.2f} s {b:13.2f} s {_ratio(a, b):>10}   < 2 s")
    print(f"{'resident memory':<22}{ours['rss']:9.0f} MB{stock['rss']:12.0f} MB"
          f"{'':>10}   < 300 MB (peak {ours['peak']:.0f} / {stock['peak']:.0f} MB)")
    a, b = ours["briefing"], stock["briefing"]
    chats, events, renderings = ours["briefing_detail"]
    print(f"{'daily briefing':<22}{_ms(a):>12}{_ms(b):>15}{_ratio(a, b):>10}   < 2 s "
          f"({chats:,} active chats, {FILTER_SETS} filter sets, {renderings} renderings, "
          f"{events} events that day)")
    print(f"\nruns: sitrep {RUNS['sitrep']} per command and {ADDS['sitrep']} /addevent; "
          f"stock {RUNS['stock']} and {ADDS['stock']} (each stock run takes seconds). "
          "Answer time: process_update with the console's in-process request.")


def main() -> None:
    print(f"-- store at {EVENTS:,} events and {SUBSCRIPTIONS:,} subscriptions "
          "(sitrep: journaled storage + indexes; stock: TinyDB JSONStorage, full scans)")
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-store-") as folder:
        began = time.perf_counter()
        ours_path = Path(folder) / "ours" / "sitrep.json"
        stock_path = Path(folder) / "stock" / "sitrep.json"
        ours_path.parent.mkdir()
        stock_path.parent.mkdir()
        size = write_store(ours_path)
        stock_path.write_bytes(ours_path.read_bytes())
        # A first start copies the snapshot to sitrep.json.bak; measure the usual restart.
        from store import Database

        Database(ours_path).close()
        print(f"generated {size:.1f} MB in {time.perf_counter() - began:.1f} s; measuring...")
        ours = run_side("sitrep", ours_path)
        stock = run_side("stock", stock_path)
    report(ours, stock)


def child(side: str, db_path: Path) -> None:
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-scratch-") as scratch:
        result = asyncio.run(measure(side, db_path, Path(scratch)))
    print(json.dumps(result))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--side", choices=("sitrep", "stock"))
    parser.add_argument("db", nargs="?", type=Path)
    args = parser.parse_args()
    if args.side:
        child(args.side, args.db)
    else:
        main()
