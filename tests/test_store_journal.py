"""The journaled store: replay, torn lines, compaction, snapshots, recovery, and kill -9."""

from __future__ import annotations

import datetime as dtm
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tinydb import Query

from briefings import queries
from briefings.acled_csv import import_events
from briefings.events import Event
from briefings.log import EventLog
from store import Database, RecoveryError, StoreCorruptError, recover
from store.journal import read_journal

# Every write goes to the journal (no whole-file rewrites of small databases).
JOURNAL = {"small_bytes": 0}


def event(n: int, **kw) -> Event:
    values = dict(
        id=f"ev{n:04d}", date=dtm.date(2020, 1, 1) + dtm.timedelta(days=n % 40),
        region=("Anbar", "Nineveh", "Kirkuk")[n % 3],
        actors=(("Islamic State",), ("PKK", "ISF"))[n % 2],
        summary=f"Event {n}.",
        created_at=dtm.datetime(2026, 1, 1, tzinfo=dtm.UTC) + dtm.timedelta(minutes=n),
    )
    values.update(kw)
    return Event(**values)


def doc(n: int, **kw) -> dict:
    return event(n, **kw).to_doc()


def ids(db: Database) -> set[str]:
    return {d["id"] for d in db.all_events()}


def test_writes_go_to_the_journal_and_are_replayed_on_reopening(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, **JOURNAL)
    for n in range(5):
        db.insert_event(doc(n))
    db.replace_event(doc(1, summary="Changed."))
    db.delete_event("ev0002")
    db.save_subscription({"chat_id": 7, "time": None, "active": True})
    assert not path.exists()  # nothing but the journal so far
    generation, records, good, size = read_journal(path.with_name("sitrep.json.journal"))
    assert generation == 0 and len(records) == 8 and good == size

    reopened = Database(path, **JOURNAL)
    assert ids(reopened) == {"ev0000", "ev0001", "ev0003", "ev0004"}
    assert reopened.get_event("ev0001")["summary"] == "Changed."
    assert reopened.get_subscription(7)["active"] is True
    reopened.close()  # folds the journal into the snapshot
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitrep.json", "sitrep.json.bak"]
    assert ids(Database(path)) == {"ev0000", "ev0001", "ev0003", "ev0004"}


def test_a_torn_last_line_is_ignored_and_cut_off(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, **JOURNAL)
    db.insert_event(doc(1))
    db.insert_event(doc(2))
    journal = path.with_name("sitrep.json.journal")
    whole = journal.read_bytes()
    last = whole[: whole.rstrip(b"\n").rfind(b"\n") + 1]
    journal.write_bytes(whole + whole[len(last) : len(last) + 40])  # a third write, cut short

    reopened = Database(path, **JOURNAL)
    assert ids(reopened) == {"ev0001", "ev0002"}
    assert journal.read_bytes() == whole
    reopened.insert_event(doc(3))  # appends after the cut, on a line of its own
    assert ids(Database(path, **JOURNAL)) == {"ev0001", "ev0002", "ev0003"}


def test_a_damaged_line_followed_by_good_ones_is_refused(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, **JOURNAL)
    for n in range(3):
        db.insert_event(doc(n))
    journal = path.with_name("sitrep.json.journal")
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"Event", b"Evint")
    journal.write_bytes(b"\n".join(lines))
    before = journal.read_bytes()
    with pytest.raises(StoreCorruptError, match="damaged at line 3"):
        Database(path, **JOURNAL)
    assert journal.read_bytes() == before


def test_compaction_keeps_everything_and_a_stale_journal_is_not_replayed(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, small_bytes=0, journal_min_bytes=2_000)
    journal = path.with_name("sitrep.json.journal")
    kept = None
    for n in range(40):
        db.insert_event(doc(n))
        if journal.exists() and journal.stat().st_size > 1_500:
            kept = journal.read_bytes()  # as a crash would leave it between snapshot and unlink
    assert path.exists() and path.with_name("sitrep.json.bak").exists()
    db.delete_event("ev0000")
    db.close()
    assert json.loads(path.read_text())["_store"]["1"]["generation"] >= 2
    assert kept is not None
    journal.write_bytes(kept)  # older generation than the snapshot: already folded in
    reopened = Database(path)
    assert ids(reopened) == {f"ev{n:04d}" for n in range(1, 40)}
    assert not journal.exists()


def test_a_failed_append_changes_nothing_and_the_next_write_works(tmp_path, monkeypatch):
    import store.journal

    path = tmp_path / "sitrep.json"
    db = Database(path, **JOURNAL)
    log = EventLog(db)
    db.insert_event(doc(1))
    journal = path.with_name("sitrep.json.journal")
    size = journal.stat().st_size

    def full_disk(fd):
        raise OSError("disk full")

    monkeypatch.setattr(store.journal, "_sync_data", full_disk)
    with pytest.raises(OSError):
        db.insert_event(doc(2))
    monkeypatch.undo()
    assert ids(db) == {"ev0001"} and [e.id for e in log.all()] == ["ev0001"]
    assert journal.stat().st_size == size
    db.insert_event(doc(3))
    assert ids(Database(path, **JOURNAL)) == {"ev0001", "ev0003"}


def test_tinydb_query_paths_still_work_on_journaled_tables(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, **JOURNAL)
    table = db._db.table("scratch")
    q = Query()
    table.insert_multiple([{"k": n, "tags": ["a"]} for n in range(6)])
    assert table.update({"even": True}, q.k.test(lambda k: k % 2 == 0)) == [1, 3, 5]
    table.update(lambda d: d["tags"].append("b"), doc_ids=[2])
    assert table.remove(q.k > 3) == [5, 6]
    assert table.upsert({"k": 9}, q.k == 9) == [7]
    assert table.get(doc_ids=[2, 99, 1]) == [{"k": 1, "tags": ["a", "b"]},
                                             {"k": 0, "tags": ["a"], "even": True}]
    expected = [dict(d) for d in table.all()]
    reopened = Database(path, **JOURNAL)._db.table("scratch")
    assert [dict(d) for d in reopened.all()] == expected
    reopened.truncate()
    assert len(Database(path, **JOURNAL)._db.table("scratch")) == 0


def test_a_corrupt_snapshot_is_refused_with_advice_and_recovered_from_the_backup(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path, small_bytes=0, journal_min_bytes=1_000)
    for n in range(30):
        db.insert_event(doc(n))  # compacts: a snapshot and its backup exist
    db.insert_event(doc(99))  # and the journal continues them (left open: as if killed)
    damaged = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(damaged)

    with pytest.raises(StoreCorruptError) as refused:
        Database(path)
    message = str(refused.value)
    assert "not valid JSON" in message and "sitrep.json.bak" in message
    assert "sitrep recover" in message
    assert path.read_bytes() == damaged

    aside = recover(path)
    assert aside.read_bytes() == damaged and aside.name.startswith("sitrep.json.corrupt-")
    assert ids(Database(path)) == {f"ev{n:04d}" for n in (*range(30), 99)}
    with pytest.raises(RecoveryError, match="nothing to recover"):
        recover(path)


def test_an_emptied_file_with_a_backup_is_refused(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path)
    db.insert_event(doc(1))
    db.close()
    Database(path).close()  # a start with a good file keeps a copy
    path.write_bytes(b"")
    with pytest.raises(StoreCorruptError, match="empty"):
        Database(path)
    recover(path)
    assert ids(Database(path)) == {"ev0001"}


def test_no_backup_means_plain_advice_and_nothing_to_recover_from(tmp_path):
    path = tmp_path / "sitrep.json"
    path.write_text('{"events": {')
    with pytest.raises(StoreCorruptError, match="Restore it from a backup"):
        Database(path)
    with pytest.raises(RecoveryError, match="no snapshot"):
        recover(path)
    assert path.read_text() == '{"events": {'


def answers(log: EventLog) -> dict:
    """What the log's indexes say, next to the same questions asked of every event."""
    everything = [Event.from_doc(d) for d in log.db.all_events()]
    start = dtm.datetime(2026, 1, 1, 2, tzinfo=dtm.UTC)
    end = dtm.datetime(2026, 1, 1, 9, tzinfo=dtm.UTC)
    indexed = {
        "all": sorted(log.all(), key=lambda e: e.id),
        "newest": log.newest(),
        "page": log.newest(limit=5, offset=3),
        "recorded": log.recorded_between(start, end),
        "regions": dict(log.region_counts()),
        "actors": dict(log.actor_counts()),
        **{f"region {r}": log.in_region(r) for r in ("Anbar", "Nineveh", "Kirkuk", "Basra")},
        **{f"actor {a}": log.involving(a) for a in ("Islamic State", "PKK", "ISF", "Nobody")},
    }
    scanned = {
        "all": sorted(everything, key=lambda e: e.id),
        "newest": queries.newest_first(everything),
        "page": queries.newest_first(everything)[3:8],
        "recorded": queries.recorded_between(everything, start, end),
        "regions": dict(queries.region_counts(everything)),
        "actors": dict(queries.actor_counts(everything)),
        **{f"region {r}": queries.in_region(everything, r)
           for r in ("Anbar", "Nineveh", "Kirkuk", "Basra")},
        **{f"actor {a}": queries.involving(everything, a)
           for a in ("Islamic State", "PKK", "ISF", "Nobody")},
    }
    return {"indexed": indexed, "scanned": scanned}


@pytest.mark.parametrize("options", [{}, JOURNAL])
def test_indexes_stay_in_step_with_every_kind_of_write(tmp_path, options):
    rng = random.Random(6)
    path = tmp_path / "sitrep.json"
    db = Database(path, **options)
    log = EventLog(db)
    other = EventLog(db)  # a second watcher sees the same
    db.insert_events([doc(n) for n in range(500)])
    for step in range(300):
        n = rng.randrange(700)
        kind = rng.choice(("add", "replace", "delete", "replace_many", "import"))
        if kind == "add":
            if not db.has_event(f"ev{n:04d}"):
                db.insert_event(doc(n))
        elif kind == "replace":
            db.replace_event(doc(n, region="Basra", actors=("Nobody",), summary=f"v{step}",
                                 updated_at=dtm.datetime(2026, 1, 1, 5, tzinfo=dtm.UTC)))
        elif kind == "delete":
            db.delete_event(f"ev{n:04d}")
        elif kind == "replace_many":
            db.replace_events([doc(m, date=dtm.date(2021, 5, 5)) for m in range(n, n + 5)])
        else:
            import_events([event(m, summary=f"import {step}") for m in range(n, n + 4)], db)
    result = answers(log)
    assert result["indexed"] == result["scanned"]
    assert answers(other)["indexed"] == result["scanned"]
    db.close()
    assert answers(EventLog(Database(path, **options)))["indexed"] == result["scanned"]


def test_a_large_import_rebuilds_and_a_small_one_updates_in_place(tmp_path):
    db = Database(tmp_path / "sitrep.json")
    log = EventLog(db)
    db.insert_events([doc(n) for n in range(2_000)])
    db.replace_events([doc(n, region="Basra") for n in range(1_500)])  # rebuild
    db.replace_events([doc(n, region="Kirkuk") for n in range(0, 10)])  # in place
    result = answers(log)
    assert result["indexed"] == result["scanned"]
    assert [e.id for e in log.all()][:3] == ["ev0000", "ev0001", "ev0002"]  # places kept


def test_rebuilt_indexes_break_ties_of_timestamps_by_id(tmp_path):
    """Imports share timestamps; whatever order the store holds them in, ties go by id."""
    rng = random.Random(6)
    stamp = dtm.datetime(2026, 1, 1, 3, tzinfo=dtm.UTC)
    numbers = list(range(1_500))
    rng.shuffle(numbers)
    docs = [doc(n, created_at=stamp + dtm.timedelta(hours=n % 3),
                updated_at=stamp + dtm.timedelta(hours=n % 5) if n % 4 == 0 else None)
            for n in numbers]
    db = Database(tmp_path / "sitrep.json")
    db.insert_events(docs)
    log = EventLog(db)  # a load this size builds the indexes in one go
    result = answers(log)
    assert result["indexed"] == result["scanned"]
    assert log._by_recorded == sorted(log.all(), key=lambda e: (e.recorded_at, e.id))
    db.replace_events([dict(d, updated_at=None) for d in docs])  # no event changed any more
    fresh = EventLog(db)
    assert answers(fresh)["indexed"] == answers(fresh)["scanned"]
    assert fresh._by_recorded == sorted(fresh.all(), key=lambda e: (e.created_at, e.id))


def test_insert_events_refuses_ids_already_stored_or_repeated(db):
    db.insert_event(doc(1))
    with pytest.raises(KeyError):
        db.insert_events([doc(2), doc(1)])
    with pytest.raises(KeyError):
        db.insert_events([doc(3), doc(3)])
    assert ids(db) == {"ev0001"}


# -- kill -9 at 100,000 events -------------------------------------------------------------------

WRITER = """
import sys
from store import Database
from briefings.log import EventLog
from briefings.events import Event
import datetime as dtm
db = Database(sys.argv[1], journal_min_bytes=100_000, journal_ratio=0)
log = EventLog(db)
print("ready", len(log), flush=True)
n = 0
while True:
    event = log.add({"region": "Anbar", "actors": ["ISIS"], "summary": f"Stream {n}."},
                    created_by=1, today=dtm.date(2026, 11, 24))
    print(event.id, flush=True)
    n += 1
"""


def test_kill_9_during_a_stream_of_writes_at_100000_events_loses_nothing_acknowledged(tmp_path):
    from tests.bench_store import event_documents

    path = tmp_path / "sitrep.json"
    db = Database(path)
    db.insert_events(event_documents(100_000))
    db.close()
    # The journal is folded in every ~220 writes (most of the time goes to those compactions),
    # and the kill comes after a random number of writes: it may land anywhere.
    (tmp_path / "writer.py").write_text(WRITER)
    process = subprocess.Popen(
        [sys.executable, str(tmp_path / "writer.py"), str(path)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    acknowledged = []
    assert process.stdout.readline().split() == ["ready", "100000"]
    target = random.randrange(300, 1_500)
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline and len(acknowledged) < target:
        acknowledged.append(process.stdout.readline().strip())
    process.send_signal(signal.SIGKILL)
    acknowledged.extend(line.strip() for line in process.stdout)  # printed before the kill
    process.wait()
    acknowledged = [a for a in acknowledged if a]
    print(f"killed after {len(acknowledged)} acknowledged writes")
    assert len(acknowledged) >= 100
    reopened = Database(path)
    stored = reopened.event_ids()
    assert set(acknowledged) <= stored
    assert reopened._db.storage._generation >= 2  # compactions ran during the stream
    assert len(stored) >= 100_000 + len(acknowledged)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
