"""The store: durable, atomic, and honest about a file it cannot read."""

from __future__ import annotations

import datetime as dtm
import json

import pytest

from briefings.events import Event
from store import Database, StoreCorruptError


def make_event(event_id="abc234", **kw):
    values = dict(id=event_id, date=dtm.date(2015, 1, 21), region="Anbar",
                  actors=("Islamic State",), summary="Car bombs at Ramadi.")
    values.update(kw)
    return Event(**values)


def test_events_survive_reopening(tmp_path):
    path = tmp_path / "data" / "sitrep.json"
    db = Database(path)
    db.insert_event(make_event().to_doc())
    db.close()
    reopened = Database(path)
    assert Event.from_doc(reopened.get_event("abc234")) == make_event(
        created_at=Event.from_doc(reopened.get_event("abc234")).created_at
    )
    assert path.parent.is_dir()


def test_every_field_of_an_event_survives_its_document():
    stamp = dtm.datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=dtm.UTC)
    event = make_event(location="Ramadi", actors=("Islamic State", "Iraqi Army"),
                       event_type="Battles", sub_event_type="Armed clash", fatalities=7,
                       sources=("Reuters", "AFP"), latitude=33.4, longitude=43.3,
                       created_at=stamp, created_by=1001,
                       updated_at=stamp + dtm.timedelta(hours=1))
    assert Event.from_doc(event.to_doc()) == event
    assert Event.from_doc(json.loads(json.dumps(event.to_doc()))) == event


def test_every_write_leaves_a_complete_json_file_and_no_temporary_files(tmp_path):
    path = tmp_path / "sitrep.json"
    db = Database(path)
    for n in range(5):
        db.insert_event(make_event(f"id{n}xx").to_doc())
        json.loads(path.read_text())  # complete after each write
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sitrep.json"]


def test_duplicate_ids_are_refused(db):
    db.insert_event(make_event().to_doc())
    with pytest.raises(KeyError):
        db.insert_event(make_event().to_doc())


def test_a_failed_write_leaves_memory_as_on_disk(tmp_path, monkeypatch):
    db = Database(tmp_path / "sitrep.json")
    db.insert_event(make_event("first1").to_doc())
    storage = db._db.storage

    def broken(payload):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "_replace_file", broken)
    with pytest.raises(OSError):
        db.insert_event(make_event("second").to_doc())
    assert db.event_ids() == {"first1"}


def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "sitrep.json"
    path.write_text('{"events": {"1": {"id": "x"')
    with pytest.raises(StoreCorruptError, match="not valid JSON"):
        Database(path)
    assert path.read_text() == '{"events": {"1": {"id": "x"'


# ------------------------------------------------------------------ pending /ingest proposals


def proposal_doc(n: int, **kw) -> dict:
    return {"chat_id": 500, "candidate": {"summary": f"Proposal {n}.", "actors": ["PKK"]},
            "message_id": None, "done": False, **kw}


@pytest.mark.parametrize("options", [{}, {"small_bytes": 0}], ids=["snapshot", "journal"])
def test_pending_proposals_survive_reopening_in_their_own_table(tmp_path, options):
    path = tmp_path / "sitrep.json"
    db = Database(path, **options)
    assert db.add_proposals("b1", [proposal_doc(0), proposal_doc(1)], keep=50) == []
    db.add_proposals("b2", [proposal_doc(2)], keep=50)
    db.update_proposals("b1", {0: {"message_id": 41}, 1: {"done": True}, 7: {"done": True}})
    # Reopened without closing, as after kill -9: the journal (or the snapshot) has it all.
    reopened = Database(path, **options)
    assert reopened.pending_batches() == ["b1", "b2"]
    first, second = reopened.get_proposals("b1")
    assert first == {**proposal_doc(0, message_id=41), "batch": "b1", "index": 0}
    assert second == {**proposal_doc(1, done=True), "batch": "b1", "index": 1}
    assert reopened.get_proposals("nope") == []
    assert reopened.all_events() == []  # nothing is an event until saved
    db.close()
    assert len(json.loads(path.read_text())["proposals"]) == 3


def test_the_oldest_batches_beyond_the_cap_are_forgotten_and_answered_ones_dropped(db):
    for n in range(4):
        db.add_proposals(f"b{n}", [proposal_doc(n)], keep=3)
    assert db.pending_batches() == ["b1", "b2", "b3"]
    assert db.add_proposals("b4", [proposal_doc(4)], keep=3) == ["b1"]
    assert db.delete_proposals("b3") is True and db.delete_proposals("b3") is False
    assert db.pending_batches() == ["b2", "b4"]
    assert db.get_proposals("b1") == db.get_proposals("b3") == []
    with pytest.raises(KeyError):
        db.add_proposals("b2", [proposal_doc(9)], keep=3)


def test_proposals_read_are_copies_and_a_failed_write_changes_nothing(tmp_path, monkeypatch):
    db = Database(tmp_path / "sitrep.json")
    db.add_proposals("b1", [proposal_doc(0)], keep=50)
    db.get_proposals("b1")[0]["candidate"]["actors"].append("ISF")
    assert db.get_proposals("b1")[0]["candidate"]["actors"] == ["PKK"]

    def broken(payload):
        raise OSError("disk full")

    monkeypatch.setattr(db._db.storage, "_replace_file", broken)
    for write in (lambda: db.add_proposals("b2", [proposal_doc(1)], keep=1),
                  lambda: db.update_proposals("b1", {0: {"done": True}}),
                  lambda: db.delete_proposals("b1")):
        with pytest.raises(OSError):
            write()
    assert db.pending_batches() == ["b1"]
    assert db.get_proposals("b1")[0]["done"] is False
