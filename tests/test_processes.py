"""The `sitrep` command as a process: console with piped stdin, briefing, and crash safety."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store import Database
from tests.fakebotapi import FakeBotAPI
from tests.harness import ADMIN

TOKEN = "987654:CrashTestTokenDoNotLogThisAnywhere12"


def clean_env(tmp_path, **extra) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "SITREP_DB": str(tmp_path / "sitrep.json")}
    env.update(extra)
    return env


def sitrep(tmp_path, *args, stdin="", **env):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, cwd=tmp_path,
        env=clean_env(tmp_path, **env), capture_output=True, text=True, timeout=120,
    )


def test_console_answers_piped_commands_as_plain_text_and_saves_admin_entries(tmp_path):
    script = "\n".join([
        "/help",
        "/addevent",
        "date: 2015-01-21",
        "region: Al-Anbar",
        "location: Ramadi",
        "actors: ISIS, Iraqi Army",
        "summary: Seven car bombs <hit> Ramadi & were repelled.",
        "/region anbar",
        "/actor daesh",
        "/quit",
        "/latest",
    ])
    done = sitrep(tmp_path, "console", stdin=script)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "/addevent" in out  # the console user is an admin
    assert "Saved event" in out
    assert "Events in Anbar — 1 event" in out and "Events involving Islamic State" in out
    assert "<hit> Ramadi & were repelled" in out and "&lt;" not in out and "<b>" not in out
    assert "Latest events" not in out  # stopped at /quit
    assert len(Database(tmp_path / "sitrep.json").all_events()) == 1


def test_console_pages_with_numbered_buttons_and_guides_step_by_step(tmp_path):
    done = sitrep(tmp_path, "demo", stdin="/latest\n1\n/addevent\nKirkuk\n/cancel\n")
    assert done.returncode == 0, done.stderr
    assert "page 1 of 2" in done.stdout and "[1] Next ›" in done.stdout
    assert "page 2 of 2" in done.stdout
    assert "Step 2/8. Location?" in done.stdout and "Cancelled. Nothing was saved." in done.stdout


def test_demo_starts_with_the_sample_events_and_leaves_no_database_behind(tmp_path):
    done = sitrep(tmp_path, "demo", stdin="/regions\n")
    assert "• Nineveh — 3 events" in done.stdout
    assert not (tmp_path / "sitrep.json").exists()


def test_briefing_prints_todays_briefing(tmp_path):
    sitrep(tmp_path, "console", stdin="/addevent\nregion: Kirkuk\nactors: PKK\nsummary: Raid.\n")
    done = sitrep(tmp_path, "briefing")
    assert done.returncode == 0
    assert "sitrep daily briefing" in done.stdout and "Kirkuk — 1 event" in done.stdout


def test_a_corrupt_database_stops_start_up_with_advice_and_is_left_alone(tmp_path):
    (tmp_path / "sitrep.json").write_text('{"events": {')
    done = sitrep(tmp_path, "console", stdin="/latest\n")
    assert done.returncode == 1 and "not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "sitrep.json").read_text() == '{"events": {'


@pytest.mark.e2e
async def test_kill_9_during_a_stream_of_addevents_loses_nothing_acknowledged(tmp_path):
    db_path = tmp_path / "sitrep.json"
    async with FakeBotAPI(token=TOKEN) as fake:
        env = clean_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=fake.url,
                        ADMIN_IDS=str(ADMIN), SITREP_DB=str(db_path))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        try:
            for n in range(200):
                fake.user_message(
                    f"/addevent\nregion: Anbar\nactors: ISIS\nsummary: Event {n}.", user_id=ADMIN
                )

            def saved() -> list[str]:
                return [m["text"] for m in fake.messages_to(ADMIN) if "Saved event" in m["text"]]

            for _ in range(600):
                if len(saved()) >= 25:
                    break
                await asyncio.sleep(0.02)
            process.send_signal(signal.SIGKILL)
            _, stderr = await process.communicate()
        finally:
            if process.returncode is None:
                process.kill()
    acknowledged = {text.split("<code>")[1].split("</code>")[0] for text in saved()}
    assert len(acknowledged) >= 25
    stored = {doc["id"] for doc in Database(db_path).all_events()}  # loads after kill -9
    assert acknowledged <= stored
    assert len(stored) < 200  # it really was killed mid-stream
    assert TOKEN not in stderr.decode()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # leftovers cleared


ACLED_SAMPLE = Path(__file__).resolve().parent / "data" / "acled" / "sample.csv"


def test_import_reports_bad_rows_and_export_round_trips(tmp_path):
    done = sitrep(tmp_path, "import", str(ACLED_SAMPLE))
    assert done.returncode == 0, done.stderr
    assert "14 added" in done.stdout and "6 refused" in done.stdout
    assert "[##############################] 100%  20 / 20 rows" in done.stderr
    assert "line 17:" in done.stdout and "Kurdistan Region" in done.stdout
    again = sitrep(tmp_path, "import", str(ACLED_SAMPLE))
    assert "0 added, 0 updated, 14 unchanged" in again.stdout

    out = tmp_path / "out.csv"
    exported = sitrep(tmp_path, "export", "--format", "csv", "--output", str(out))
    assert exported.returncode == 0 and "14 events written" in exported.stderr
    assert out.read_text().splitlines()[0].startswith("event_id_cnty,event_date,year")
    other = tmp_path / "other"
    other.mkdir()
    reimported = sitrep(other, "import", str(out))
    assert "14 added" in reimported.stdout and "0 refused" in reimported.stdout

    anbar = json.loads(sitrep(tmp_path, "export", "--format", "json", "--region", "anbar").stdout)
    assert anbar and all(doc["region"] == "Anbar" for doc in anbar)
    assert "no such file" in sitrep(tmp_path, "import", "missing.csv").stderr


def test_a_damaged_database_is_recovered_from_its_last_good_snapshot(tmp_path):
    sitrep(tmp_path, "console", stdin="/addevent\nregion: Kirkuk\nactors: PKK\nsummary: Raid.\n")
    sitrep(tmp_path, "console", stdin="/latest\n")  # a later start-up refreshes the snapshot
    (tmp_path / "sitrep.json").write_text("garbage")
    refused = sitrep(tmp_path, "console", stdin="/latest\n")
    assert refused.returncode == 1 and "sitrep recover" in refused.stderr
    done = sitrep(tmp_path, "recover")
    assert done.returncode == 0 and "Recovered" in done.stdout
    assert [p.name for p in tmp_path.glob("sitrep.json.corrupt-*")]
    assert "Kirkuk" in sitrep(tmp_path, "console", stdin="/latest\n").stdout
    assert sitrep(tmp_path, "recover").returncode == 1  # nothing left to recover


def test_console_saves_an_exported_document_in_the_current_folder(tmp_path):
    done = sitrep(tmp_path, "demo", stdin="/export region=anbar\n")
    [saved] = tmp_path.glob("sitrep-events-anbar-*.csv")
    assert f"document saved as {saved}" in done.stdout
    assert saved.read_text().count("\n") == 3  # header and the two Anbar events
