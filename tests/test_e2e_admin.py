"""Admins on Telegram: recording, changing and deleting events; everyone else is refused."""

from __future__ import annotations

import pytest

from tests.harness import ADMIN, READER, running_bot, services_of
from tests.test_e2e_reader import text_of

pytestmark = pytest.mark.e2e

RAMADI_FORM = """/addevent
date: 2015-01-21
region: Al-Anbar
location: Ramadi
actors: ISIS, Iraqi Army, Sunni tribes
type: Explosions/Remote violence
fatalities: 0
source: Yahoo
summary: Islamic State attacked Ramadi with seven car bombs; the attack was repelled."""


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json", samples=False) as application:
        yield application


def stored(bot):
    return services_of(bot).log.all()


def saved_id(reply_text: str) -> str:
    return reply_text.split("Saved event ", 1)[1].split(".", 1)[0]


async def test_addevent_form_saves_and_is_found_under_other_spellings(fake, bot):
    reply = text_of(await fake.say(RAMADI_FORM, user_id=ADMIN))
    assert reply.startswith("Saved event ")
    [event] = stored(bot)
    assert event.id == saved_id(reply)
    assert (event.region, event.location, event.fatalities) == ("Anbar", "Ramadi", 0)
    assert event.actors == ("Islamic State", "Iraqi Army", "Sunni tribes")
    assert event.created_by == ADMIN
    assert "Ramadi, Anbar" in reply and "Actors: Islamic State, Iraqi Army, Sunni tribes" in reply
    assert "Ramadi" in text_of(await fake.say("/region anbar", user_id=READER))
    assert "Ramadi" in text_of(await fake.say("/actor daesh", user_id=READER))


async def test_a_bad_form_lists_every_problem_and_stores_nothing(fake, bot):
    form = ("/addevent\ndate: 2015-02-30\nregion: Anbr-istan\nactors: ISIS\n"
            "fatalities: dozens\nweather: sunny\nsummary: x")
    reply = text_of(await fake.say(form, user_id=ADMIN))
    assert reply.startswith("Nothing was saved. Please fix:")
    for field in ("date", "region", "fatalities", "weather"):
        assert f"• {field} " in reply
    assert stored(bot) == []


async def test_missing_required_fields_are_named(fake, bot):
    reply = text_of(await fake.say("/addevent\ndate: 2015-01-21", user_id=ADMIN))
    for field in ("region", "actors", "summary"):
        assert f"• {field} is required." in reply
    assert stored(bot) == []


async def test_html_in_event_text_is_escaped_and_accepted_by_telegram(fake, bot):
    form = ("/addevent\nregion: Anbar\nactors: ISIS\n"
            "summary: <b>Bold</b> claim & <a href='x'>link</a> <script>")
    reply = await fake.say(form, user_id=ADMIN)
    assert "&lt;script&gt;" in reply["text"]
    assert "<b>Bold</b> claim & <a href='x'>link</a> <script>" in text_of(reply)
    assert "<script>" in text_of(await fake.say("/latest", user_id=READER))


async def test_guided_entry_asks_each_field_and_saves_at_the_end(fake, bot):
    answers = ["/addevent", "Muqdadiya", "/skip", "Shia militia, Daesh", "Armed clash", "many",
               "12", "/skip", "2015-01-21", "/skip"]
    replies = [text_of(await fake.say(a, user_id=ADMIN)) for a in answers]
    assert replies[0].startswith("Step 1/8. Region?")
    assert "fatalities “many” is not a whole number" in replies[5]
    assert replies[9] == "summary is required and cannot be skipped."
    final = text_of(await fake.say("Militia pushed IS fighters into farmland.", user_id=ADMIN))
    assert final.startswith("Saved event ")
    [event] = stored(bot)
    assert (event.region, event.location) == ("Diyala", "Muqdadiya")
    assert event.actors == ("Shiite militias", "Islamic State")
    assert event.sub_event_type == "Armed clash" and event.fatalities == 12
    assert event.sources == ()


async def test_guided_entry_accepts_field_lines_and_cancel_stores_nothing(fake, bot):
    await fake.say("/addevent", user_id=ADMIN)
    reply = text_of(await fake.say("region: Kirkuk\nactors: peshmerga", user_id=ADMIN))
    assert reply.startswith("Step 2/8. Location?")
    assert text_of(await fake.say("/cancel", user_id=ADMIN)) == "Cancelled. Nothing was saved."
    assert stored(bot) == []
    assert text_of(await fake.say("/cancel", user_id=ADMIN)) == "There is nothing to cancel."


async def test_ingest_during_the_form_waits_for_it_while_reading_goes_on(fake, bot):
    await fake.say("/addevent", user_id=ADMIN)
    article = "/ingest Gunmen shot dead a shepherd near Daquq, south of Kirkuk, on Monday."
    reply = text_of(await fake.say(article, user_id=ADMIN))
    assert reply.startswith("The /addevent form is still open, so /ingest did nothing.")
    assert "/latest" not in reply and "Step" not in reply
    assert "no events recorded" in text_of(await fake.say("/latest", user_id=ADMIN))  # reads
    answer = text_of(await fake.say("Kirkuk", user_id=ADMIN))  # the form still takes answers
    assert answer.startswith("Step 2/8. Location?")
    assert text_of(await fake.say("/cancel", user_id=ADMIN)) == "Cancelled. Nothing was saved."
    card = text_of(await fake.say(article, user_id=ADMIN))
    assert "Daquq" in card and "still open" not in card
    assert stored(bot) == []


async def test_editevent_changes_only_the_given_fields(fake, bot):
    event_id = saved_id(text_of(await fake.say(RAMADI_FORM, user_id=ADMIN)))
    reply = text_of(await fake.say(f"/editevent {event_id}\nfatalities: 12\nsource: Reuters",
                                   user_id=ADMIN))
    assert reply.startswith(f"Updated event {event_id}.")
    [event] = stored(bot)
    assert (event.fatalities, event.sources, event.region) == (12, ("Reuters",), "Anbar")
    assert event.updated_at is not None
    refused = text_of(await fake.say(f"/editevent {event_id}\nfatalities: lots", user_id=ADMIN))
    assert refused.startswith("Nothing was changed.") and stored(bot)[0].fatalities == 12
    form = text_of(await fake.say(f"/editevent {event_id}", user_id=ADMIN))
    assert f"/editevent {event_id}\ndate: 2015-01-21\nregion: Anbar" in form
    missing = text_of(await fake.say("/editevent zzzzzz\nfatalities: 1", user_id=ADMIN))
    assert "There is no event with id zzzzzz" in missing


async def test_delevent_deletes_and_says_what(fake, bot):
    event_id = saved_id(text_of(await fake.say(RAMADI_FORM, user_id=ADMIN)))
    reply = text_of(await fake.say(f"/delevent {event_id}", user_id=ADMIN))
    assert reply == f"Deleted event {event_id} (2015-01-21, Ramadi, Anbar)."
    assert stored(bot) == []
    assert "There is no event" in text_of(await fake.say(f"/delevent {event_id}", user_id=ADMIN))
    assert "/delevent ID" in text_of(await fake.say("/delevent", user_id=ADMIN))


@pytest.mark.parametrize(
    "command", [RAMADI_FORM, "/addevent", "/editevent mdam21\nfatalities: 1", "/delevent mdam21"]
)
async def test_non_admins_are_refused_politely_and_nothing_changes(fake, tmp_path, command):
    async with running_bot(fake, tmp_path / "other.json") as bot:
        before = stored(bot)
        reply = text_of(await fake.say(command, user_id=READER))
        assert reply.startswith("Sorry, only sitrep admins can")
        assert stored(bot) == before
        # and the refused /addevent did not start a guided entry
        assert "/help" in text_of(await fake.say("Anbar", user_id=READER))


async def test_an_edited_message_never_reruns_a_command(fake, bot):
    await fake.say(RAMADI_FORM, user_id=ADMIN)
    fake.user_message(RAMADI_FORM, user_id=ADMIN, edited=True)
    await fake.settle()
    assert len(stored(bot)) == 1


async def test_an_unexpected_error_is_logged_the_user_told_and_admins_notified(
    fake, bot, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("bot.reader.render_page", broken)
    reply = text_of(await fake.say("/latest", user_id=READER))
    assert reply.startswith("Sorry, something went wrong")
    notice = await fake.next_message(ADMIN, after=0)
    assert "RuntimeError: disk on fire" in text_of(notice)
    assert fake.token not in notice["text"]
    assert "disk on fire" in caplog.text
    monkeypatch.undo()
    assert "The log is empty" in text_of(await fake.say("/latest", user_id=READER))
