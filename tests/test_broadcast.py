"""Delivery under faults: every reachable chat gets each day's briefing exactly once.

The fake Bot API enforces a global rate (429 with retry_after), refuses blocked chats (403),
moves migrated groups (400 migrate_to_chat_id), fails calls with 502, and answers some sends
only after the client's timeout. The bot is also killed with SIGKILL mid-broadcast.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dtm
import os
import random
import signal
import sys
import time
from dataclasses import replace

import aiohttp
import pytest

from bot.app import webhook_options
from bot.delivery import broadcast, due_slots
from bot.services import Services, ledger_path
from briefings.log import EventLog
from briefings.subscriptions import Subscriptions
from store import Database
from store.ledger import Ledger
from tests.fakebotapi import FakeBotAPI
from tests.harness import ADMIN, READER, running_bot, services_of, settings_for
from tests.test_e2e_reader import text_of

pytestmark = pytest.mark.e2e
FIRST_CHAT = 100_001


def is_briefing(entry) -> bool:
    return "sitrep daily briefing" in entry["text"]


def briefings_per_chat(fake) -> collections.Counter[int]:
    return collections.Counter(e["chat_id"] for e in fake.sent if is_briefing(e))


def subscribe_many(svc, count: int) -> list[int]:
    chats = list(range(FIRST_CHAT, FIRST_CHAT + count))
    for chat in chats:
        svc.subscriptions.subscribe(chat, None)
    return chats


def now_slot(svc) -> dtm.datetime:
    return svc.now().replace(second=0, microsecond=0)


async def test_300_chats_through_every_fault_get_exactly_one_briefing(fake, tmp_path):
    blocked = set(range(FIRST_CHAT, FIRST_CHAT + 300, 30))  # 10 chats
    migrated = {FIRST_CHAT + 7 + 40 * n: -1_000_000 - n for n in range(5)}
    slow = {FIRST_CHAT + 11, FIRST_CHAT + 12}
    gone = FIRST_CHAT + 299
    fake.fail_next("sendMessage", 400, "Bad Request: chat not found", chat_id=gone)
    fake.blocked_chats |= blocked
    fake.migrated_chats.update(migrated)
    fake.rate_limit = 60  # the bot is told 80/s: it must live with 429s
    fake.fail_next("sendMessage", 502, "Bad Gateway", times=12)
    for chat in slow:
        fake.delay_next("sendMessage", 6.0, chat_id=chat)  # past PTB's 5 s read timeout
    async with running_bot(fake, tmp_path / "db.json", broadcast_rate=80) as bot:
        svc = services_of(bot)
        chats = subscribe_many(svc, 300)
        await broadcast(bot, now_slot(svc), svc.subscriptions.active())
        stats = svc.ledger.last_run()

        counts = briefings_per_chat(fake)
        reachable = [c for c in chats if c not in blocked and c not in migrated and c != gone]
        assert all(counts[c] == 1 for c in reachable), {c: counts[c] for c in reachable
                                                          if counts[c] != 1}
        assert all(counts[new] == 1 for new in migrated.values())
        assert not any(counts[c] for c in blocked | set(migrated) | {gone})
        assert svc.ledger.row(stats["day"], gone)["reason"] == "Chat not found"
        assert fake.rate_limited > 0  # the 429s really happened
        assert {s.chat_id for s in svc.subscriptions.active()} == (
            set(reachable) | set(migrated.values()) | {gone}  # a 400 fails the day, not the chat
        )
        assert not svc.subscriptions.get(min(blocked)).active
        assert stats["inactive"] == 10 and stats["migrated"] == 5
        assert stats["uncertain"] == 2 and stats["sent"] == 300 - 10 - 5 - 2 - 1 + 5
        assert stats["failed"] == 1

        report = text_of(await fake.say("/deliveries", user_id=ADMIN, timeout=10))
        assert "10 inactive" in report and "2 uncertain" in report and "messages/s" in report
        await broadcast(bot, now_slot(svc), svc.subscriptions.active())  # a rerun: nothing new
        assert briefings_per_chat(fake) == counts


async def test_paid_broadcasts_ask_for_allow_paid_broadcast(fake, tmp_path):
    async with running_bot(fake, tmp_path / "db.json", broadcast_paid=True,
                           broadcast_rate=1000) as bot:
        svc = services_of(bot)
        subscribe_many(svc, 3)
        await broadcast(bot, now_slot(svc), svc.subscriptions.active())
    sends = [params for method, params in fake.calls if method == "sendMessage"]
    assert len(sends) == 3 and all(p.get("allow_paid_broadcast") in (True, "true")
                                   for p in sends)


async def test_downtime_across_the_briefing_time_is_caught_up_once_at_start(fake, tmp_path):
    db_path = tmp_path / "db.json"
    now = dtm.datetime.now(dtm.UTC)
    missed = (now - dtm.timedelta(minutes=30)).strftime("%H:%M")
    too_late = (now - dtm.timedelta(hours=7)).strftime("%H:%M")
    subs = Subscriptions(Database(db_path))
    subs.subscribe(READER, missed)
    subs.subscribe(ADMIN, too_late)  # missed by more than CATCHUP_HOURS: not sent late
    subs.db.close()
    async with running_bot(fake, db_path):
        await fake.wait_for(is_briefing, after=0, timeout=10)
        await fake.settle(quiet=0.5)
    async with running_bot(fake, db_path, samples=False):
        await fake.settle(quiet=0.5)
    assert briefings_per_chat(fake) == {READER: 1}


async def test_replies_keep_priority_over_a_running_broadcast(fake, tmp_path):
    async with running_bot(fake, tmp_path / "db.json", broadcast_rate=30) as bot:
        svc = services_of(bot)
        subscribe_many(svc, 150)  # five seconds of broadcast at 30/s
        task = asyncio.create_task(broadcast(bot, now_slot(svc), svc.subscriptions.active()))
        await asyncio.sleep(1.0)
        began = time.monotonic()
        reply = await fake.say("/region Anbar", user_id=READER, timeout=5)
        waited = time.monotonic() - began
        assert "Events in Anbar" in text_of(reply)
        assert waited < 1.0, f"the reply waited {waited:.2f} s behind the broadcast"
        assert not task.done()
        await task


def test_due_slots_follow_the_catch_up_window(tmp_path):
    settings = settings_for(FakeBotAPI(), tmp_path / "db.json", catchup_hours=2)
    svc = Services.open(settings)
    now = dtm.datetime(2026, 11, 24, 8, 30, tzinfo=dtm.UTC)
    svc.subscriptions.subscribe(1, "07:00")  # 1.5 h late: due
    svc.subscriptions.subscribe(2, "06:00")  # 2.5 h late: too late
    svc.subscriptions.subscribe(3, "09:00")  # not yet
    svc.subscriptions.subscribe(4, "23:30")  # yesterday 23:30 is 9 h ago
    due = due_slots(svc, now)
    assert list(due) == [dtm.datetime(2026, 11, 24, 7, 0, tzinfo=dtm.UTC)]
    assert [s.chat_id for s in due[dtm.datetime(2026, 11, 24, 7, 0, tzinfo=dtm.UTC)]] == [1]
    svc.ledger.mark("2026-11-24", 1, "sent")
    assert due_slots(svc, now) == {}
    svc.close()


def test_the_ledger_survives_a_torn_last_line_and_prunes_old_days(tmp_path):
    path = tmp_path / "db.ledger"
    ledger = Ledger(path)
    today = dtm.date.today().isoformat()
    ledger.mark(today, 5, "sending", durable=True, until="2026-11-24T07:00:00+00:00")
    ledger.mark(today, 5, "sent")
    ledger.mark("2000-01-01", 6, "sent")
    ledger.close()
    with path.open("ab") as journal:
        journal.write(b'{"day": "' + today.encode() + b'", "chat": 7, "sta')  # killed mid-write
    reopened = Ledger(path)
    assert reopened.row(today, 5)["state"] == "sent"
    assert reopened.covered_until(5) == dtm.datetime(2026, 11, 24, 7, tzinfo=dtm.UTC)
    assert reopened.row(today, 7) is None and reopened.row("2000-01-01", 6) is None
    reopened.close()


async def test_webhook_mode_refuses_requests_without_the_secret(fake, tmp_path):
    async with running_bot(fake, tmp_path / "db.json") as bot:
        await bot.updater.stop()  # switch from polling to the webhook
        port = 20000 + os.getpid() % 20000
        settings = replace(services_of(bot).settings, webhook_url="https://bot.example/tg",
                           webhook_secret="s3cret_token", webhook_port=port)
        options = webhook_options(settings)
        await bot.updater.start_webhook(**options)
        assert fake.webhook_url == "https://bot.example/tg"
        update = {"update_id": 1, "message": {
            "message_id": 1, "date": int(time.time()), "text": "/start",
            "chat": {"id": READER, "type": "private"},
            "from": {"id": READER, "is_bot": False, "first_name": "T"},
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
        url = f"http://127.0.0.1:{port}/tg"
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=update) as refused:
                assert refused.status == 403
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret_token"}
            async with session.post(url, json=update, headers=headers) as accepted:
                assert accepted.status == 200
        reply = await fake.wait_for(lambda e: e["chat_id"] == READER, after=0)
        assert "Welcome to sitrep" in text_of(reply)
        await bot.updater.stop()
        await bot.updater.start_polling(poll_interval=0, timeout=1)  # for the harness to stop


async def test_kill_9_during_broadcasts_loses_no_briefing_and_repeats_only_uncertain_ones(
    tmp_path,
):
    """SIGKILL at random moments, restart each time: in the end every chat has its briefing,
    and duplicates are at most the sends the kills left uncertain ("sending" rows)."""
    db_path = tmp_path / "db.json"
    db = Database(db_path)
    EventLog(db).load_samples()
    for chat in range(FIRST_CHAT, FIRST_CHAT + 300):
        db.save_subscription({"chat_id": chat, "time": None, "active": True})
    db.close()
    rng = random.Random(7)
    briefing_time = (dtm.datetime.now(dtm.UTC) - dtm.timedelta(minutes=5)).strftime("%H:%M")
    async with FakeBotAPI() as fake:
        # Slow answers keep several sends in flight, so kills do land mid-request.
        fake.delay_next("sendMessage", 0.3, times=100_000)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
               "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_URL": fake.url,
               "SITREP_DB": str(db_path), "BRIEFING_TIME": briefing_time,
               "BROADCAST_RATE": "30"}
        uncertain_by_kills = 0
        kills = 0
        while True:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
            if kills < 6:
                await asyncio.sleep(rng.uniform(1.2, 3.0))
                process.send_signal(signal.SIGKILL)
                await process.wait()
                kills += 1
                ledger = Ledger(ledger_path(db_path))
                day = dtm.datetime.now(dtm.UTC).date().isoformat()
                uncertain_by_kills += sum(r["state"] == "sending" for r in ledger.rows(day))
                ledger.close()
                continue
            deadline = time.monotonic() + 60
            while len(briefings_per_chat(fake)) < 300 and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            await fake.settle(quiet=1.0)
            process.send_signal(signal.SIGTERM)
            await process.wait()
            break
    counts = briefings_per_chat(fake)
    duplicates = sum(n - 1 for n in counts.values())
    print(f"\nkills: {kills}, uncertain sends left by kills: {uncertain_by_kills}, "
          f"duplicates: {duplicates}, chats served: {len(counts)}/300")
    assert len(counts) == 300
    assert duplicates <= uncertain_by_kills
