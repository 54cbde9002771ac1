"""Readers on Telegram: every reading command through polling, HTML and inline buttons."""

from __future__ import annotations

import datetime as dtm

import pytest

from briefings.events import Event
from briefings.render import to_plain_text
from tests.harness import ADMIN, READER, running_bot, services_of

pytestmark = pytest.mark.e2e


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json") as application:
        yield application


def text_of(message) -> str:
    return to_plain_text(message["text"])


def buttons_of(message) -> list[tuple[str, str]]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def press(fake, message, label, user_id=READER):
    """Press the button labelled `label` and return the edited message."""
    data = dict(buttons_of(message))[label]
    mark = len(fake.sent)
    fake.press_button(message["message_id"], data, user_id=user_id, chat_id=message["chat_id"])
    return await fake.wait_for(lambda e: e["method"] == "editMessageText", after=mark)


async def test_start_explains_and_help_lists_every_command(fake, bot):
    start = text_of(await fake.say("/start", user_id=READER))
    assert "Welcome to sitrep" in start and "/region" in start and "/subscribe" in start
    help_text = text_of(await fake.say("/help", user_id=READER))
    for command in ("/latest", "/region", "/actor", "/regions", "/actors", "/briefing",
                    "/subscribe", "/unsubscribe"):
        assert command in help_text
    assert "/addevent" not in help_text
    admin_help = text_of(await fake.say("/help", user_id=ADMIN))
    for command in ("/addevent", "/editevent", "/delevent", "/cancel"):
        assert command in admin_help


async def test_commands_menus_are_set_for_everyone_and_longer_for_admins(fake, bot):
    menus = {key: [c["command"] for c in cmds] for key, cmds in fake.commands.items()}
    default = next(cmds for key, cmds in menus.items() if "default" in key)
    admin = next(cmds for key, cmds in menus.items() if str(ADMIN) in key)
    assert "region" in default and "addevent" not in default
    assert "addevent" in admin


async def test_region_lists_its_events_newest_first_whatever_the_spelling(fake, bot):
    for spelling in ("Anbar", "al-anbar", "AL ANBAR PROVINCE", "Anbr"):
        reply = text_of(await fake.say(f"/region {spelling}", user_id=READER))
        assert reply.startswith("Events in Anbar — 2 events")
        assert "Ramadi" in reply and "Fallujah" in reply


async def test_region_by_town_leads_to_its_governorate(fake, bot):
    reply = text_of(await fake.say("/region al-Ramadi", user_id=READER))
    assert reply.startswith("Events in Anbar, the governorate of Ramadi — 2 events")


async def test_known_region_without_events_says_so(fake, bot):
    assert text_of(await fake.say("/region Babil", user_id=READER)) == (
        "No events recorded in Babil yet."
    )


async def test_unknown_region_is_answered_with_suggestions_as_buttons(fake, bot):
    reply = await fake.say("/region Diyalla Bagh", user_id=READER)
    assert "I don't know a governorate or town called" in text_of(reply)
    unknown = await fake.say("/region Atlantis", user_id=READER)
    assert "/regions lists them all" in text_of(unknown)
    assert buttons_of(unknown) == []


async def test_a_made_up_name_is_not_taken_for_a_town_that_shares_its_letters(fake, bot):
    reply = await fake.say("/region Narnia", user_id=READER)
    assert "I don't know a governorate or town called" in text_of(reply)
    assert "Dhi Qar —" not in text_of(reply)


async def test_region_without_argument_offers_every_governorate_as_buttons(fake, bot):
    reply = await fake.say("/region", user_id=READER)
    labels = [label for label, _ in buttons_of(reply)]
    assert len(labels) == 19 and "Nineveh" in labels and "Anbar" in labels
    edited = await press(fake, reply, "Nineveh")
    assert text_of(edited).startswith("Events in Nineveh — 3 events")
    assert edited["message_id"] == reply["message_id"]


async def test_actor_under_any_name_pages_with_prev_and_next(fake, bot):
    first = await fake.say("/actor daesh", user_id=READER)
    assert text_of(first).startswith("Events involving Islamic State — 7 events, page 1 of 2")
    assert [label for label, _ in buttons_of(first)] == ["Next ›"]
    second = await press(fake, first, "Next ›")
    assert "page 2 of 2" in text_of(second)
    assert [label for label, _ in buttons_of(second)] == ["‹ Prev"]
    back = await press(fake, second, "‹ Prev")
    assert "page 1 of 2" in text_of(back)
    assert all(len(data.encode()) <= 64 for _, data in buttons_of(first))


async def test_actor_descriptive_names_and_unknown_actor(fake, bot):
    reply = text_of(await fake.say("/actor Kurdish peshmerga fighters", user_id=READER))
    assert reply.startswith("Events involving Peshmerga — 1 event")
    unknown = text_of(await fake.say("/actor Martians", user_id=READER))
    assert "I don't know an actor called “Martians”" in unknown
    offer = await fake.say("/actor", user_id=READER)
    assert "Islamic State" in [label for label, _ in buttons_of(offer)]


async def test_latest_shows_newest_first_and_ids_only_to_admins(fake, bot):
    services_of(bot).log.db.insert_event(
        Event(id="new234", date=dtm.date(2015, 2, 1), region="Kirkuk", actors=("Peshmerga",),
              summary="Newest one.").to_doc()
    )
    reader_view = await fake.say("/latest", user_id=READER)
    assert text_of(reader_view).splitlines()[2].startswith("1 Feb 2015 · Kirkuk")
    assert "new234" not in text_of(reader_view)
    assert "id new234" in text_of(await fake.say("/latest", user_id=ADMIN))


async def test_regions_and_actors_list_what_is_known_with_counts(fake, bot):
    regions = text_of(await fake.say("/regions", user_id=READER))
    assert "• Nineveh — 3 events" in regions and "• Saladin — 1 event" in regions
    assert "No events yet:" in regions and "Basra" in regions
    actors = text_of(await fake.say("/actors", user_id=READER))
    assert "• Islamic State — 7 events" in actors and "• Peshmerga — 1 event" in actors


async def test_briefing_on_demand_covers_the_last_day(fake, bot):
    reply = text_of(await fake.say("/briefing", user_id=READER))
    assert "sitrep daily briefing" in reply
    assert "7 new events in 4 governorates, 230 fatalities reported" in reply
    assert reply.index("Nineveh — 3 events") < reply.index("Anbar — 2 events")


async def test_long_lists_are_pages_under_the_limit_never_cutting_an_event(fake, bot):
    log = services_of(bot).log
    for n in range(23):
        log.db.insert_event(Event(
            id=f"long{n:02d}", date=dtm.date(2015, 3, 1) + dtm.timedelta(days=n),
            region="Kirkuk", actors=("Peshmerga", "Islamic State"),
            summary=("Fighting & shelling <near> Hawija. " * 20)[:590] + f" End {n:02d}.",
        ).to_doc())
    message = await fake.say("/region Kirkuk", user_id=READER)
    seen = []
    while True:
        assert len(message["text"]) <= 4096
        seen += [line for line in text_of(message).splitlines() if "End " in line]
        if "Next ›" not in dict(buttons_of(message)):
            break
        message = await press(fake, message, "Next ›")
    assert len(seen) == 23 and len(set(seen)) == 23


async def test_unknown_commands_and_chatter_get_a_pointer_to_help(fake, bot):
    assert "/help" in text_of(await fake.say("/frobnicate", user_id=READER))
    assert "/help" in text_of(await fake.say("hello bot", user_id=READER))


async def test_a_rate_limited_reply_is_retried_not_lost(fake, bot):
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    reply = await fake.say("/regions", user_id=READER, timeout=10)
    assert "Governorates in the log" in text_of(reply)
