"""Admins bring ACLED CSV files in with `/import` and take the log out with `/export`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from briefings.acled_csv import ACLED_COLUMNS
from briefings.events import Event
from tests.harness import ADMIN, READER, running_bot, services_of
from tests.test_acled_csv import acled_rows
from tests.test_e2e_reader import text_of

pytestmark = pytest.mark.e2e

SAMPLE = Path(__file__).parent / "data" / "acled" / "sample.csv"
CONTENT = (
    "id", "date", "region", "location", "actors", "event_type", "sub_event_type", "fatalities",
    "summary", "sources", "latitude", "longitude",
)
FILE_NAME = re.compile(r"sitrep-events-(?:[a-z0-9-]+-)?\d{4}-\d{2}-\d{2}\.(csv|json)")


def content(event: Event) -> tuple:
    return tuple(getattr(event, name) for name in CONTENT)


def is_summary(entry: dict) -> bool:
    return entry["method"] == "editMessageText" and "refused." in (entry["text"] or "")


async def send_import(fake, content: bytes, *, file_name: str = "sample.csv",
                      user_id: int = ADMIN, timeout: float = 10) -> tuple[dict, list[dict]]:
    """Send `content` captioned /import; the summary and everything sent before it."""
    mark = len(fake.sent)
    fake.user_document(file_name=file_name, content=content, caption="/import", user_id=user_id,
                       mime_type="text/csv")
    summary = await fake.wait_for(is_summary, after=mark, timeout=timeout)
    return summary, fake.sent[mark:fake.sent.index(summary)]


async def export(fake, args: str = "") -> dict:
    """`/export ARGS` as the admin: the document (or message) the bot answers with."""
    return await fake.say(f"/export {args}".strip(), user_id=ADMIN, timeout=10)


def csv_rows(entry: dict) -> list[dict[str, str]]:
    assert entry["method"] == "sendDocument", entry["text"]
    return list(csv.DictReader(io.StringIO(entry["document"].decode("utf-8"))))


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json", samples=False) as application:
        yield application


@pytest.fixture
async def sample_bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json") as application:
        yield application


async def test_import_reports_rows_problems_by_line_and_new_regions(fake, bot):
    summary, before = await send_import(fake, SAMPLE.read_bytes())
    assert before[0]["method"] == "sendMessage" and "Importing sample.csv" in before[0]["text"]
    assert summary["message_id"] == before[0]["message_id"]  # edited in place
    text = text_of(summary)
    assert "sample.csv: 20 rows; 14 added, 0 updated, 0 unchanged, 6 refused." in text
    problem_lines = [line for line in text.splitlines() if line.startswith("line ")]
    assert [int(line.split()[1].rstrip(":")) for line in problem_lines] == [17, 18, 19, 20, 21, 22]
    assert "31 February 2016" in problem_lines[1]
    assert problem_lines[4] == "line 21: event_id_cnty IRQ1003 already appears on line 4"
    assert "New regions kept as written: Kurdistan Region." in text
    log = services_of(bot).log
    assert len(log.all()) == 14
    assert log.get("IRQ1013").region == "Kurdistan Region"

    again, _ = await send_import(fake, SAMPLE.read_bytes())
    assert "20 rows; 0 added, 0 updated, 14 unchanged, 6 refused." in text_of(again)
    assert len(log.all()) == 14


async def test_non_admins_are_refused_and_nothing_is_stored(fake, bot):
    mark = len(fake.sent)
    fake.user_document(file_name="sample.csv", content=SAMPLE.read_bytes(), caption="/import",
                       user_id=READER, mime_type="text/csv")
    refused = await fake.next_message(READER, after=mark)
    assert text_of(refused).startswith("Sorry, only sitrep admins can import events")
    assert text_of(await fake.say("/export", user_id=READER)).startswith(
        "Sorry, only sitrep admins can export the log")
    await fake.settle()
    assert services_of(bot).log.all() == []
    assert not any(name == "getFile" for name, _ in fake.calls)


async def test_wrong_files_and_the_bare_command_get_a_pointer(fake, bot):
    assert "with the caption /import" in text_of(await fake.say("/import", user_id=ADMIN))
    mark = len(fake.sent)
    fake.user_document(file_name="notes.txt", content=b"hello", caption="/import", user_id=ADMIN)
    assert "as a .csv file" in text_of(await fake.next_message(ADMIN, after=mark))
    mark = len(fake.sent)
    latin1 = "event_id_cnty,admin1\nIRQ1,Salah al-Dín\n".encode("latin-1")
    fake.user_document(file_name="latin1.csv", content=latin1, caption="/import", user_id=ADMIN)
    assert "not UTF-8" in text_of(await fake.next_message(ADMIN, after=mark))
    assert services_of(bot).log.all() == []


async def test_a_big_file_shows_progress_edits_then_the_summary(fake, bot):
    mark = len(fake.sent)
    fake.user_document(file_name="big.csv", content=acled_rows(20_000).encode(),
                       caption="/import", user_id=ADMIN, mime_type="text/csv")
    await fake.wait_for(lambda e: "rows read" in (e["text"] or ""), after=mark, timeout=10)
    # While it runs, others are answered and a second import is turned away.
    help_reply = await fake.say("/help", user_id=READER)
    fake.user_document(file_name="again.csv", content=SAMPLE.read_bytes(), caption="/import",
                       user_id=ADMIN, mime_type="text/csv")
    busy = await fake.wait_for(lambda e: "Another import is still running" in (e["text"] or ""),
                               after=mark)
    summary = await fake.wait_for(is_summary, after=mark, timeout=20)
    assert fake.sent.index(help_reply) < fake.sent.index(summary)
    assert fake.sent.index(busy) < fake.sent.index(summary)
    before = [e for e in fake.sent[mark:fake.sent.index(summary)] if e["chat_id"] == ADMIN
              and e is not busy]
    status = before[0]["message_id"]
    progress = [e for e in before if e["method"] == "editMessageText"]
    assert progress and all(e["message_id"] == status for e in progress)
    assert re.search(r"Importing big\.csv… \d{1,2},000 rows read", progress[0]["text"])
    assert summary["message_id"] == status
    assert "big.csv: 20,000 rows; 20,000 added, 0 updated, 0 unchanged, 0 refused." in text_of(
        summary)
    assert len(services_of(bot).log.all()) == 20_000


async def test_export_csv_and_json_with_filters(fake, sample_bot):
    log = services_of(sample_bot).log
    everything = await export(fake)
    assert FILE_NAME.fullmatch(everything["file_name"])
    assert everything["file_name"].startswith("sitrep-events-2")
    rows = csv_rows(everything)
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == len(log.all()) == 7
    assert text_of(everything).startswith("7 events, in ACLED columns.")

    anbar = await export(fake, "region=Ramadi")  # a town means its governorate, as /region
    assert anbar["file_name"].startswith("sitrep-events-anbar-")
    rows = csv_rows(anbar)
    assert {row["admin1"] for row in rows} == {"Anbar"}
    assert len(rows) == len(log.in_region("Anbar"))

    islamic_state = await export(fake, "actor=isis format=json")
    assert FILE_NAME.fullmatch(islamic_state["file_name"])
    assert islamic_state["file_name"].startswith("sitrep-events-islamic-state-")
    docs = json.loads(islamic_state["document"])
    assert [doc["id"] for doc in docs] == [e.id for e in log.involving("Islamic State")]
    assert all("Islamic State" in doc["actors"] for doc in docs)

    both = await export(fake, "region=Anbar actor=Islamic State")
    expected = [e.id for e in log.in_region("Anbar") if e.involves("Islamic State")]
    assert [row["event_id_cnty"] for row in csv_rows(both)] == expected
    assert text_of(both).startswith(f"{len(expected)} event")


async def test_export_errors_name_the_problem(fake, sample_bot):
    log = services_of(sample_bot).log
    unknown = text_of(await export(fake, "region=Atlantis"))
    assert unknown.startswith("I don't know a governorate or town called “Atlantis”")
    near = text_of(await export(fake, "region=Kurdistan"))
    assert "Did you mean Erbil?" in near
    assert text_of(await export(fake, "actor=Nobody Atall")).startswith(
        "I don't know an actor called")
    quiet = next(r for r in services_of(sample_bot).gazetteer.regions
                 if r not in log.region_counts())
    nothing = await export(fake, f"region={quiet}")
    assert nothing["method"] == "sendMessage"
    assert text_of(nothing) == f"No events in {quiet} in the log: nothing to export."
    for bad in ("colour=red", "format=xml", "Anbar"):
        assert text_of(await export(fake, bad)).startswith("Use /export")


async def test_an_export_imported_into_another_bot_gives_the_same_events(fake, tmp_path):
    async with running_bot(fake, tmp_path / "first.json") as first:
        await send_import(fake, SAMPLE.read_bytes())
        originals = services_of(first).log.all()
        assert len(originals) == 21
        exported = await export(fake)
        kurdistan = await export(fake, "region=kurdistan region")  # a region only the log knows
        assert [row["event_id_cnty"] for row in csv_rows(kurdistan)] == ["IRQ1013"]
    async with running_bot(fake, tmp_path / "second.json", samples=False) as second:
        summary, _ = await send_import(fake, exported["document"],
                                       file_name=exported["file_name"])
        assert "21 rows; 21 added, 0 updated, 0 unchanged, 0 refused." in text_of(summary)
        copies = services_of(second).log.all()
    assert sorted(map(content, copies)) == sorted(map(content, originals))


async def test_a_summary_of_many_long_problems_fits_one_message(fake, bot):
    rows = io.StringIO()
    writer = csv.DictWriter(rows, ACLED_COLUMNS, restval="")
    writer.writeheader()
    for number in range(300):
        writer.writerow({"event_id_cnty": f"BAD{number}", "event_date": "soon " * 1000,
                         "actor1": "Islamic State", "admin1": "Anbar", "notes": "Clashes."})
    for number in range(30):
        writer.writerow({"event_id_cnty": f"NEW{number}", "event_date": "2016-01-01",
                         "actor1": "Islamic State", "admin1": f"Province {number} " * 20,
                         "notes": "Clashes."})
    summary, _ = await send_import(fake, rows.getvalue().encode(), file_name="messy.csv")
    text = text_of(summary)
    assert len(text) <= 4096
    assert "messy.csv: 330 rows; 30 added, 0 updated, 0 unchanged, 300 refused." in text
    assert text.splitlines()[2].startswith("line 2: event_date")
    assert re.search(r"…and 2\d\d more\.", text)
    assert "New regions kept as written: Province 0" in text and "and 10 more." in text
