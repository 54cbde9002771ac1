"""ACLED CSV import and export: name mapping, bad rows, re-imports, round trips, big files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from briefings.acled_csv import (
    ACLED_COLUMNS,
    RowProblem,
    import_acled_file,
    import_events,
    read_acled_csv,
    write_acled_csv,
    write_events_json,
)
from briefings.events import MAX_SUMMARY, Event
from briefings.log import EventLog
from store import Database

SAMPLE = Path(__file__).parent / "data" / "acled" / "sample.csv"
CONTENT = (
    "id", "date", "region", "location", "actors", "event_type", "sub_event_type", "fatalities",
    "summary", "sources", "latitude", "longitude",
)


def content(event: Event) -> tuple:
    return tuple(getattr(event, name) for name in CONTENT)


def by_id(db: Database) -> dict[str, Event]:
    return {event.id: event for event in EventLog(db).all()}


def acled_rows(count: int) -> str:
    """A generated ACLED CSV of `count` good rows."""
    out = io.StringIO()
    writer = csv.DictWriter(out, ACLED_COLUMNS, restval="")
    writer.writeheader()
    for number in range(count):
        writer.writerow({
            "event_id_cnty": f"IRQ{number}",
            "event_date": f"{number % 28 + 1} March 2016",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Iraq (2014-2018)",
            "actor2": "Islamic State (Iraq)",
            "admin1": ("Al Anbar", "Ninewa", "Salah al-Din", "Diyala")[number % 4],
            "location": "Ramadi",
            "latitude": "33.4258",
            "longitude": "43.2992",
            "source": "Al Sumaria; Xinhua",
            "notes": f"Clashes between the army and IS fighters, report number {number}.",
            "fatalities": str(number % 7),
            "timestamp": "1552577467",
        })
    return out.getvalue()


@pytest.fixture
def imported(db, gazetteer):
    """The sample ACLED file imported into a fresh database."""
    report = import_acled_file(SAMPLE, db, gazetteer)
    return report, by_id(db)


def test_good_rows_import_with_gazetteer_regions_and_actors(imported):
    report, events = imported
    assert (report.added, report.updated, report.unchanged, report.rows) == (14, 0, 0, 20)
    assert len(events) == 14
    assert events["IRQ1001"].region == "Nineveh"
    assert events["IRQ1001"].actors == ("Peshmerga", "Islamic State")
    assert events["IRQ1002"].actors == ("US-led coalition", "Islamic State")
    assert events["IRQ1003"].region == "Anbar"
    assert events["IRQ1003"].actors == (
        "Islamic State", "Iraqi Army", "Iraqi Police", "Sunni Tribal Militia (Iraq)"
    )
    assert events["IRQ1004"].region == "Saladin"
    assert events["IRQ1004"].actors[0] == "Shiite militias"
    assert events["IRQ1006"].actors == ("Islamic State", "Civilians")
    assert events["IRQ1007"].actors == ("Peshmerga", "Islamic State", "US-led coalition")
    assert events["IRQ1008"].actors == ("Unidentified armed group", "Civilians")
    assert events["IRQ1009"].actors == ("Rioters", "Sadrist Movement")
    assert events["IRQ1010"].actors[0] == "Iraqi Special Forces"


def test_row_fields_are_kept(imported):
    _, events = imported
    event = events["IRQ1012"]
    assert event.event_type == "Explosions/Remote violence"
    assert event.sub_event_type == "Chemical weapon"
    assert (event.location, event.latitude, event.longitude) == ("Taza", 35.3033, 44.3286)
    assert event.fatalities == 3
    assert event.sources == ("Rudaw", "AFP")
    assert event.summary.startswith("IS fired rockets carrying a chemical agent at Taza")
    assert events["IRQ1007"].fatalities is None


def test_acled_date_formats(imported):
    _, events = imported
    assert str(events["IRQ1001"].date) == "2015-01-21"
    assert str(events["IRQ1002"].date) == "2015-01-21"  # 21 January 2015
    assert str(events["IRQ1003"].date) == "2015-01-22"  # 22-January-2015
    assert str(events["IRQ1011"].date) == "2016-07-03"  # 03-July-2016


def test_notes_become_one_line_summaries_cut_at_a_word(imported):
    _, events = imported
    assert "\n" not in events["IRQ1005"].summary
    long = events["IRQ1011"].summary
    assert len(long) <= MAX_SUMMARY
    assert long.endswith("al-Shaab…")


def test_bad_rows_are_reported_by_line_and_reason(imported):
    report, events = imported
    assert [problem.line for problem in report.problems] == [17, 18, 19, 20, 21, 22]
    reasons = [problem.reason for problem in report.problems]
    assert "event_id_cnty" in reasons[0]
    assert "event_date" in reasons[1] and "31 February 2016" in reasons[1]
    assert "fatalities" in reasons[2] and "several" in reasons[2]
    assert "event_type" in reasons[3] and "Skirmish" in reasons[3]
    assert reasons[4] == "event_id_cnty IRQ1003 already appears on line 4"
    assert "notes" in reasons[5]
    assert events["IRQ1003"].fatalities == 12  # the first of the duplicates is kept
    assert not {"IRQ1016", "IRQ1017", "IRQ1018", "IRQ1020"} & events.keys()


def test_unknown_admin1_is_kept_and_reported(imported):
    report, events = imported
    assert report.new_regions == ["Kurdistan Region"]
    assert events["IRQ1013"].region == "Kurdistan Region"
    assert events["IRQ1013"].actors == ("Turkish Armed Forces", "Kurdistan Workers' Party")


@pytest.mark.parametrize(
    ("written", "actor"),
    [
        ("Military Forces of Iraq (2014-2018)", "Iraqi Army"),
        ("Police Forces of Iraq (2014-2018)", "Iraqi Police"),
        ("Police Forces of Iraq (2014-2018) Prison Guards", "Iraqi Police"),
        ("Islamic State (Iraq)", "Islamic State"),
        ("Peshmerga - Kurdish Regional Government", "Peshmerga"),
        ("Military Forces of Iraq (2014-2018) Peshmerga", "Peshmerga"),
        ("Popular Mobilization Forces", "Shiite militias"),
        ("Civilians (Iraq)", "Civilians"),
        ("Military Forces of the United States (2017-2021)", "US-led coalition"),
        ("Coalition Forces", "US-led coalition"),
        ("Unidentified Armed Group (Iraq)", "Unidentified armed group"),
        ("Sunni Muslim Group (Iraq)", "Sunni Muslim Group (Iraq)"),
    ],
)
def test_acled_actor_names_map_to_gazetteer_actors(gazetteer, written, actor):
    text = f"event_id_cnty,event_date,actor1,admin1,notes\nIRQ1,2016-01-01,{written},Baghdad,x\n"
    events, problems, _ = read_acled_csv(io.StringIO(text), gazetteer)
    assert problems == []
    assert events[0].actors == (actor,)


def test_missing_required_columns_are_one_problem(gazetteer):
    text = "event_id_cnty,event_date,notes\nIRQ1,2016-01-01,x\n"
    events, problems, _ = read_acled_csv(io.StringIO(text), gazetteer)
    assert events == []
    assert problems == [RowProblem(1, "the header lacks the column(s) actor1, admin1")]


def test_reimport_updates_by_id_and_never_duplicates(db, gazetteer, imported, tmp_path):
    again = import_acled_file(SAMPLE, db, gazetteer)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 14)
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8", newline="")))
    next(row for row in rows if row["event_id_cnty"] == "IRQ1012")["fatalities"] = "4"
    changed = tmp_path / "changed.csv"
    with changed.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    report = import_acled_file(changed, db, gazetteer)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 13)
    events = by_id(db)
    assert len(events) == 14
    assert events["IRQ1012"].fatalities == 4
    assert events["IRQ1012"].updated_at is not None
    assert events["IRQ1012"].created_at == imported[1]["IRQ1012"].created_at


def test_new_rows_are_stored_in_one_write(db, gazetteer, monkeypatch):
    batches = []
    insert_events = db.insert_events

    def counting_insert_events(docs):
        batches.append(len(docs))
        insert_events(docs)

    monkeypatch.setattr(db, "insert_events", counting_insert_events)
    monkeypatch.setattr(db, "insert_event", None)  # one at a time would fail
    events, _, _ = read_acled_csv(io.StringIO(acled_rows(300)), gazetteer)
    assert import_events(events, db) == (300, 0, 0)
    assert batches == [300]
    assert len(db.event_ids()) == 300


def test_updates_use_one_batched_replace_when_the_store_has_one(db, gazetteer, monkeypatch):
    events, _, _ = read_acled_csv(io.StringIO(acled_rows(50)), gazetteer)
    import_events(events, db)
    batches = []
    monkeypatch.setattr(db, "replace_events", batches.append, raising=False)
    monkeypatch.setattr(db, "replace_event", None)  # one at a time would fail
    changed = [event.with_changes(fatalities=99) for event in events[:20]]
    assert import_events(changed + events[20:], db) == (0, 20, 30)
    assert [[doc["fatalities"] for doc in batch] for batch in batches] == [[99] * 20]


def test_export_writes_acled_columns(sample_log, gazetteer):
    out = io.StringIO()
    assert write_acled_csv(sample_log.all(), out, gazetteer) == 7
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS
    row = next(row for row in rows if row["event_id_cnty"] == "ramd21")
    assert row["actor1"] == "Islamic State"
    assert row["actor2"] == "Iraqi Army"
    assert row["assoc_actor_1"] == "Iraqi Police; Iraqi Special Forces; Sunni tribes"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("2", "1", "12")
    assert (row["iso"], row["country"], row["region"]) == ("368", "Iraq", "Middle East")
    assert (row["disorder_type"], row["year"], row["admin1"]) == (
        "Political violence", "2015", "Anbar"
    )
    assert row["fatalities"] == ""  # not reported, which is not the same as none
    one_sided = next(row for row in rows if row["event_id_cnty"] == "tikc21")
    assert one_sided["disorder_type"] == "Strategic developments"
    assert one_sided["interaction"] == "20"


def test_export_then_import_gives_the_same_events(sample_log, db, gazetteer, tmp_path):
    import_acled_file(SAMPLE, db, gazetteer)
    originals = sample_log.all()
    assert len(originals) == 21
    exported = tmp_path / "export.csv"
    with exported.open("w", encoding="utf-8", newline="") as stream:
        assert write_acled_csv(originals, stream, gazetteer) == 21
    fresh = Database(tmp_path / "fresh.json")
    try:
        report = import_acled_file(exported, fresh, gazetteer)
        assert (report.added, report.problems) == (21, [])
        copies = EventLog(fresh).all()
    finally:
        fresh.close()
    assert sorted(map(content, copies)) == sorted(map(content, originals))


def test_json_export_is_the_event_documents(sample_log):
    out = io.StringIO()
    assert write_events_json(sample_log.all(), out) == 7
    docs = json.loads(out.getvalue())
    assert [Event.from_doc(doc) for doc in docs] == sample_log.all()


def test_progress_is_reported_every_thousand_rows(db, gazetteer):
    seen = []
    report = import_acled_file(io.StringIO(acled_rows(2500)), db, gazetteer, progress=seen.append)
    assert seen == [1000, 2000, 2500]
    assert report.added == 2500


def test_fifty_thousand_rows_import_quietly(db, gazetteer, capsys):
    report = import_acled_file(io.StringIO(acled_rows(50_000)), db, gazetteer)
    assert (report.added, report.problems, report.rows) == (50_000, [], 50_000)
    assert len(db.event_ids()) == 50_000
    assert capsys.readouterr() == ("", "")


def test_a_file_that_stops_being_csv_keeps_the_rows_before(gazetteer):
    huge = "x" * (csv.field_size_limit() + 1)
    text = (
        "event_id_cnty,event_date,actor1,admin1,notes\n"
        "IRQ1,2016-01-01,Islamic State (Iraq),Ninewa,Clashes near Mosul.\n"
        f'IRQ2,2016-01-02,Islamic State (Iraq),Ninewa,"{huge}"\n'
    )
    events, problems, _ = read_acled_csv(io.StringIO(text), gazetteer)
    assert [event.id for event in events] == ["IRQ1"]
    assert [problem.line for problem in problems] == [3]
    assert "stops being valid CSV" in problems[0].reason
