"""Admins turn an article into events on Telegram: cards, Save / Edit / Discard, Save all."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import ADMIN, READER, running_bot, services_of
from tests.test_e2e_reader import buttons_of, text_of

pytestmark = pytest.mark.e2e

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed-article.txt"
ARTICLE = """BAGHDAD, March 3, 2015 —
Islamic State militants attacked the town of Haditha in Anbar province with three car bombs on
Tuesday, killing 12 soldiers of the Iraqi army. The same day, Kurdish peshmerga forces retook
two villages near Kirkuk from Islamic State.
Source: Reuters"""


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json", samples=False) as application:
        yield application


async def propose(fake, text: str) -> list[dict]:
    """Send `/ingest` + text; return the cards and the closing Save all message."""
    mark = len(fake.sent)
    fake.user_message(f"/ingest\n{text}", user_id=ADMIN)
    closing = await fake.wait_for(lambda e: "Nothing is stored until you save" in e["text"],
                                  after=mark, timeout=10)
    return [e for e in fake.sent[mark:] if e["chat_id"] == ADMIN and e is not closing] + [closing]


async def press(fake, message, label):
    """Press a button; return the bot's answer: the card edited, or the form Edit sends."""
    mark = len(fake.sent)
    fake.press_button(message["message_id"], dict(buttons_of(message))[label], user_id=ADMIN)
    if label == "Edit":
        return await fake.wait_for(lambda e: "/addevent" in e["text"], after=mark)
    return await fake.wait_for(lambda e: e["chat_id"] == ADMIN, after=mark)


async def press_save_all(fake, closing):
    """Press Save all; return the closing message as the bot edits it."""
    mark = len(fake.sent)
    fake.press_button(closing["message_id"], dict(buttons_of(closing))["Save all"],
                      user_id=ADMIN)
    return await fake.wait_for(lambda e: e["message_id"] == closing["message_id"], after=mark)


async def test_cards_show_every_field_and_nothing_is_stored_until_saved(fake, bot):
    *cards, closing = await propose(fake, ARTICLE)
    assert len(cards) == 2
    first = text_of(cards[0])
    for label in ("Date:", "Region:", "Location:", "Actors:", "Type:", "Fatalities:", "Source:",
                  "Summary:", "Evidence:"):
        assert label in first
    assert [label for label, _ in buttons_of(cards[0])] == ["Save", "Edit", "Discard"]
    assert [label for label, _ in buttons_of(closing)] == ["Save all"]
    assert services_of(bot).log.all() == []

    saved = await press(fake, cards[0], "Save")
    assert "Saved as event" in text_of(saved)
    [event] = services_of(bot).log.all()
    assert event.sources == ("Reuters",)
    discarded = await press(fake, cards[1], "Discard")
    assert "Discarded" in text_of(discarded)
    assert len(services_of(bot).log.all()) == 1


async def test_edit_opens_a_prefilled_addevent_form_that_saves(fake, bot):
    *cards, _ = await propose(fake, ARTICLE)
    form = await press(fake, cards[0], "Edit")
    text = text_of(form)
    assert text.splitlines()[1] == "/addevent"
    assert "region: Anbar" in text
    form_text = text[text.index("/addevent"):]
    reply = text_of(await fake.say(form_text.replace("fatalities: 12", "fatalities: 13"),
                                   user_id=ADMIN))
    assert reply.startswith("Saved event")
    assert services_of(bot).log.all()[0].fatalities == 13


async def test_a_proposal_opened_in_the_form_is_not_saved_again_by_save_all(fake, bot):
    *cards, closing = await propose(fake, ARTICLE)
    mark = len(fake.sent)
    await press(fake, cards[0], "Edit")
    [edited] = [e for e in fake.sent[mark:] if e["message_id"] == cards[0]["message_id"]]
    assert text_of(edited).endswith("Opened in the form below; sending the form saves it.")
    assert buttons_of(edited) == []
    done = await press_save_all(fake, closing)
    [event] = services_of(bot).log.all()  # the second proposal only
    assert text_of(done) == f"Saved 1 event: {event.id}."


async def test_save_all_saves_every_pending_proposal_once(fake, bot):
    *cards, closing = await propose(fake, ARTICLE)
    await press(fake, cards[0], "Discard")
    done = await press_save_all(fake, closing)
    assert text_of(done) == f"Saved 1 event: {services_of(bot).log.all()[0].id}."
    assert len(services_of(bot).log.all()) == 1


async def test_save_all_still_saves_and_reports_when_the_admin_deleted_a_card(fake, bot):
    *cards, closing = await propose(fake, ARTICLE)
    fake.user_deletes(cards[0]["message_id"], chat_id=ADMIN)
    done = await press_save_all(fake, closing)
    events = services_of(bot).log.all()
    assert len(events) == 2
    assert text_of(done) == f"Saved 2 events: {events[0].id}, {events[1].id}."
    [other] = [e for e in fake.sent if e["message_id"] == cards[1]["message_id"]][-1:]
    assert "Saved as event" in text_of(other)


@pytest.mark.skipif(not SEED.exists(), reason="shared/seed-article.txt not beside the repo")
async def test_the_seed_article_proposes_its_events(fake, bot):
    *cards, closing = await propose(fake, SEED.read_text())
    regions = {line.split("Region: ")[1] for c in cards for line in text_of(c).splitlines()
               if line.startswith("Region: ")}
    assert {"Nineveh", "Anbar", "Diyala", "Saladin"} == regions
    assert len(cards) == 7 and "I found 7 proposed events" in text_of(closing)
    assert all(len(c["text"]) <= 4096 for c in cards)


async def test_a_txt_document_captioned_ingest_and_a_forwarded_article(fake, bot):
    mark = len(fake.sent)
    fake.user_document(file_name="article.txt", content=ARTICLE.encode(), caption="/ingest",
                       user_id=ADMIN)
    await fake.wait_for(lambda e: "Nothing is stored until you save" in e["text"], after=mark)
    mark = len(fake.sent)
    fake.user_message(ARTICLE.split("\n", 1)[1], user_id=ADMIN,
                      forwarded_from_date=1425384000)  # 2015-03-03: "on Tuesday" resolves
    await fake.wait_for(lambda e: "Nothing is stored until you save" in e["text"], after=mark)
    assert services_of(bot).log.all() == []


async def test_nothing_to_extract_and_non_admins(fake, bot):
    reply = text_of(await fake.say("/ingest\nThe weather was pleasant.", user_id=ADMIN))
    assert reply.startswith("I found no events in that text")
    assert "Paste the article" in text_of(await fake.say("/ingest", user_id=ADMIN))
    refused = text_of(await fake.say(f"/ingest\n{ARTICLE}", user_id=READER))
    assert refused.startswith("Sorry, only sitrep admins")
    assert services_of(bot).log.all() == []


# ------------------------------------------------------------------ across a restart


def expired_alerts(fake, mark_calls: int) -> list[str]:
    return [str(p.get("text")) for m, p in fake.calls[mark_calls:]
            if m == "answerCallbackQuery" and p.get("text")]


async def test_cards_proposed_before_a_restart_still_save_each_event_once(fake, tmp_path):
    db_path = tmp_path / "sitrep.json"
    async with running_bot(fake, db_path, samples=False):
        *cards, closing = await propose(fake, ARTICLE)
    async with running_bot(fake, db_path, samples=False) as restarted:
        saved = await press(fake, cards[0], "Save")
        [event] = services_of(restarted).log.all()
        assert saved["message_id"] == cards[0]["message_id"]
        assert text_of(saved) == f"{text_of(cards[0])}\n\nSaved as event {event.id}."
        assert buttons_of(saved) == []
    async with running_bot(fake, db_path, samples=False) as again:
        mark = len(fake.sent)
        done = await press_save_all(fake, closing)
        events = services_of(again).log.all()
        assert len(events) == 2 and event.id in {e.id for e in events}  # the first, once
        [second] = [e for e in events if e.id != event.id]
        assert text_of(done) == f"Saved 1 event: {second.id}."
        [card] = [e for e in fake.sent[mark:] if e["message_id"] == cards[1]["message_id"]]
        assert text_of(card) == f"{text_of(cards[1])}\n\nSaved as event {second.id}."
        assert services_of(again).db.pending_batches() == []


async def test_a_restart_resurrects_no_discarded_or_saved_proposal(fake, tmp_path):
    db_path = tmp_path / "sitrep.json"
    async with running_bot(fake, db_path, samples=False):
        *cards, closing = await propose(fake, ARTICLE)
        await press(fake, cards[1], "Discard")
    async with running_bot(fake, db_path, samples=False) as restarted:
        mark = len(fake.sent)
        done = await press_save_all(fake, closing)
        [event] = services_of(restarted).log.all()  # the discarded one stays discarded
        assert text_of(done) == f"Saved 1 event: {event.id}."
        assert all(e["message_id"] != cards[1]["message_id"] for e in fake.sent[mark:])

    async with running_bot(fake, db_path, samples=False):
        *cards, closing = await propose(fake, ARTICLE.replace("Haditha", "Hit"))
        await press(fake, cards[0], "Save")
        await press(fake, cards[1], "Discard")
    async with running_bot(fake, db_path, samples=False) as restarted:
        calls = len(fake.calls)
        fake.press_button(closing["message_id"], dict(buttons_of(closing))["Save all"],
                          user_id=ADMIN)
        await fake.settle(quiet=0.2)
        assert expired_alerts(fake, calls) == [
            "This proposal is no longer pending. Send the article again with /ingest."
        ]
        assert len(services_of(restarted).log.all()) == 2  # one per article, none twice
