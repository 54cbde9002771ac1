"""Intruders on Telegram: floods, anonymous admins, edits, stray button presses, the token, and
errors, each met through the running bot and the fake Bot API."""

from __future__ import annotations

import io
import logging
import math

import pytest

from bot import guards, ingest, reader
from bot.logs import REDACTED, configure_logging
from tests.fakebotapi import MAX_TEXT_LENGTH, _utf16_length
from tests.harness import ADMIN, READER, running_bot, services_of
from tests.test_e2e_admin import RAMADI_FORM, saved_id
from tests.test_e2e_ingest import ARTICLE
from tests.test_e2e_reader import buttons_of, text_of

pytestmark = pytest.mark.e2e

GROUP = -100_123
SLOW_DOWN = "You are sending commands faster than I can answer"
CHANNEL_BOT_ID = 136817688  # what a message sent "as a channel" has in `from`


@pytest.fixture
async def bot(fake, tmp_path):
    async with running_bot(fake, tmp_path / "sitrep.json", samples=False) as application:
        yield application


def stored(bot):
    return services_of(bot).log.all()


async def flood(fake, user_id: int, count: int, text: str = "/start") -> list[str]:
    """`count` commands at once from `user_id`; everything the bot said to him in return."""
    mark = len(fake.sent)
    for _ in range(count):
        fake.user_message(text, user_id=user_id)
    await fake.say("/help", user_id=READER + 99)  # handled after the flood: it is all answered
    return [text_of(e) for e in fake.sent[mark:] if e["chat_id"] == user_id]


def anonymous(fake, text: str, *, chat_id: int, as_channel: bool = False) -> None:
    """Queue `text` written as the group (an anonymous admin) or as a channel.

    The fake writes every message as a user; `sender_chat` is added to the queued update, as
    Telegram sends it, before the bot can poll it.
    """
    sender = CHANNEL_BOT_ID if as_channel else guards.GROUP_ANONYMOUS_BOT_ID
    fake.user_message(text, user_id=sender, chat_id=chat_id, chat_type="supergroup")
    message = fake._updates[-1]["message"]
    message["sender_chat"] = (
        {"id": -100_999, "type": "channel", "title": "A channel"} if as_channel
        else dict(message["chat"])
    )


# ------------------------------------------------------------------ rate limit


class FrozenClock:
    """The rate limit's clock, standing still unless a test moves it: no refill mid-flood."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = FrozenClock()
    monkeypatch.setattr(guards, "clock", frozen)
    return frozen


async def test_a_flooding_user_is_answered_up_to_the_burst_then_warned_once(fake, bot, clock):
    replies = await flood(fake, READER, guards.COMMAND_BURST + 30)
    welcomes = [r for r in replies if r.startswith("Welcome to sitrep")]
    notices = [r for r in replies if r.startswith(SLOW_DOWN)]
    assert len(welcomes) == guards.COMMAND_BURST
    assert len(notices) == 1 and len(replies) == guards.COMMAND_BURST + 1
    assert f"again in {math.ceil(1 / guards.COMMAND_RATE)} s" in notices[0]


async def test_the_limit_lifts_as_time_passes_and_warns_again_only_after(fake, bot, clock):
    await flood(fake, READER, guards.COMMAND_BURST + 5)
    clock.now += 1 / guards.COMMAND_RATE
    assert text_of(await fake.say("/start", user_id=READER)).startswith("Welcome to sitrep")
    again = await flood(fake, READER, 3)
    assert [r[:20] for r in again] == [SLOW_DOWN[:20]]


async def test_other_users_and_admins_are_not_slowed_by_a_flood(fake, bot, clock):
    await flood(fake, READER, guards.COMMAND_BURST + 10)
    assert text_of(await fake.say("/start", user_id=READER + 1)).startswith("Welcome")
    replies = await flood(fake, ADMIN, guards.COMMAND_BURST + 10)
    assert len(replies) == guards.COMMAND_BURST + 10
    assert not [r for r in replies if r.startswith(SLOW_DOWN)]


async def test_pressing_buttons_counts_too_and_the_notice_is_an_alert(fake, tmp_path, clock):
    async with running_bot(fake, tmp_path / "s.json") as application:
        listing = await fake.say("/latest", user_id=READER)
        [(_, data)] = [b for b in buttons_of(listing) if b[0].startswith("Next")]
        for _ in range(guards.COMMAND_BURST + 5):
            fake.press_button(listing["message_id"], data, user_id=READER)
        await fake.say("/help", user_id=READER + 99)
        answers = [params for method, params in fake.calls if method == "answerCallbackQuery"]
        alerts = [a for a in answers if SLOW_DOWN in str(a.get("text", ""))]
        # /latest took one token; the presses the rest, then one alert and silence
        assert len(alerts) == 1 and len(answers) - 1 == guards.COMMAND_BURST - 1
        assert services_of(application).settings.is_admin(READER) is False


# ------------------------------------------------------------------ who is an admin


@pytest.mark.parametrize("as_channel", [False, True])
@pytest.mark.parametrize(
    "command", [RAMADI_FORM, "/addevent", "/editevent abc234\nfatalities: 1", "/delevent abc234",
                f"/ingest {ARTICLE}"],
)
async def test_an_anonymous_group_admin_is_asked_to_write_privately(
    fake, tmp_path, command, as_channel
):
    # Even with the anonymous-admin bot listed by mistake, nobody is taken for an admin.
    async with running_bot(fake, tmp_path / "s.json",
                           admin_ids=frozenset({ADMIN, guards.GROUP_ANONYMOUS_BOT_ID})) as bot:
        before = stored(bot)
        mark = len(fake.sent)
        anonymous(fake, command, chat_id=GROUP, as_channel=as_channel)
        reply = await fake.next_message(GROUP, after=mark)
        assert "send the command to me in a private chat" in text_of(reply)
        assert stored(bot) == before
        # and no guided entry was started: the next message is not taken as its answer
        mark = len(fake.sent)
        anonymous(fake, "Anbar", chat_id=GROUP, as_channel=as_channel)
        await fake.settle(quiet=0.2)
        assert fake.messages_to(GROUP)[mark:] == [] or fake.sent[mark:] == []
        assert stored(bot) == before


async def test_a_listed_admin_writing_as_himself_in_a_group_records_events(fake, bot):
    reply = await fake.say(RAMADI_FORM, user_id=ADMIN, chat_id=GROUP, chat_type="supergroup")
    assert text_of(reply).startswith("Saved event ")
    refused = await fake.say(RAMADI_FORM, user_id=READER, chat_id=GROUP, chat_type="supergroup")
    assert text_of(refused).startswith("Sorry, only sitrep admins can")
    assert len(stored(bot)) == 1


async def test_an_edited_delevent_never_deletes(fake, bot):
    event_id = saved_id(text_of(await fake.say(RAMADI_FORM, user_id=ADMIN)))
    await fake.say("/delevent zzzzzz", user_id=ADMIN)
    fake.user_message(f"/delevent {event_id}", user_id=ADMIN, edited=True)
    await fake.settle(quiet=0.2)
    assert [e.id for e in stored(bot)] == [event_id]


async def test_an_edited_editevent_never_changes_the_event_again(fake, bot):
    event_id = saved_id(text_of(await fake.say(RAMADI_FORM, user_id=ADMIN)))
    await fake.say(f"/editevent {event_id}\nfatalities: 1", user_id=ADMIN)
    mark = len(fake.sent)
    fake.user_message(f"/editevent {event_id}\nfatalities: 99", user_id=ADMIN, edited=True)
    await fake.settle(quiet=0.2)
    assert stored(bot)[0].fatalities == 1
    assert fake.messages_to(ADMIN)[mark:] == []


async def test_ingest_buttons_in_a_group_refuse_whoever_is_not_an_admin(fake, bot):
    mark = len(fake.sent)
    fake.user_message(f"/ingest\n{ARTICLE}", user_id=ADMIN, chat_id=GROUP, chat_type="group")
    closing = await fake.wait_for(lambda e: "Nothing is stored until you save" in e["text"],
                                  after=mark, timeout=10)
    card = next(e for e in fake.sent[mark:] if e["chat_id"] == GROUP and e is not closing)
    for message, label in ((card, "Save"), (closing, "Save all")):
        fake.press_button(message["message_id"], dict(buttons_of(message))[label],
                          user_id=READER, chat_id=GROUP)
    await fake.settle(quiet=0.2)
    alerts = [p for m, p in fake.calls if m == "answerCallbackQuery"]
    assert len(alerts) == 2
    assert all(str(a["text"]).startswith("Sorry, only sitrep admins can") for a in alerts)
    assert stored(bot) == []
    saved_mark = len(fake.sent)
    fake.press_button(card["message_id"], dict(buttons_of(card))["Save"], user_id=ADMIN,
                      chat_id=GROUP)
    await fake.wait_for(lambda e: "Saved as event" in e["text"], after=saved_mark)
    assert len(stored(bot)) == 1


# ------------------------------------------------------------------ limits of /ingest


async def test_an_ingest_shows_at_most_max_candidates_and_says_so(fake, bot, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CANDIDATES", 1)
    mark = len(fake.sent)
    fake.user_message(f"/ingest\n{ARTICLE}", user_id=ADMIN)  # two events in it
    closing = await fake.wait_for(lambda e: "Nothing is stored until you save" in e["text"],
                                  after=mark, timeout=10)
    cards = [e for e in fake.sent[mark:] if "Proposed event" in e["text"]]
    assert len(cards) == 1 and "Only the first 1 are shown." in text_of(closing)


async def test_an_article_over_the_size_cap_is_refused_before_extraction(fake, bot):
    article = (ARTICLE + "\n") * (ingest.MAX_ARTICLE_CHARS // len(ARTICLE) + 1)
    fake.user_document(file_name="long.txt", content=article.encode(), caption="/ingest",
                       user_id=ADMIN)
    reply = await fake.next_message(ADMIN)
    assert f"I read at most {ingest.MAX_ARTICLE_CHARS} at a time" in text_of(reply)
    assert stored(bot) == [] and services_of(bot).db.pending_batches() == []


# ------------------------------------------------------------------ the token and errors


@pytest.fixture
def debug_log():
    """Everything the root handler writes, at DEBUG, httpx included, as `run` sets it up."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    noisy = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "apscheduler")}
    stream = io.StringIO()
    yield stream, saved
    root.handlers[:], level = saved
    root.setLevel(level)
    for name, old in noisy.items():
        logging.getLogger(name).setLevel(old)


async def test_the_token_appears_nowhere_even_at_debug_level(
    fake, tmp_path, debug_log, monkeypatch
):
    stream, _ = debug_log
    configure_logging(fake.token, logging.DEBUG)
    logging.getLogger().handlers[0].setStream(stream)
    for name in ("httpx", "httpcore"):  # their URLs hold the token: redaction must still hold
        logging.getLogger(name).setLevel(logging.DEBUG)
    secret = fake.token.split(":", 1)[1]
    async with running_bot(fake, tmp_path / "s.json") as bot:
        await fake.say("/start", user_id=READER)
        await fake.say(f"/region {fake.token}", user_id=READER)  # a user pasting it back

        def leak(*args, **kwargs):
            raise RuntimeError(f"request to https://api.telegram.org/bot{fake.token}/x failed "
                               f"({bot.bot!r})")

        monkeypatch.setattr(reader, "render_page", leak)
        apology = await fake.say("/latest", user_id=READER)
        notice = await fake.next_message(ADMIN, after=0)
    logged = stream.getvalue()
    assert "getUpdates" in logged and "Processing update" in logged  # DEBUG really was on
    assert "error while handling" in logged and REDACTED in logged
    for text in (logged, apology["text"], notice["text"]):
        assert fake.token not in text and secret not in text


async def test_a_huge_error_about_a_huge_update_reaches_admins_within_4096(
    fake, bot, monkeypatch, caplog
):
    def explode(*args, **kwargs):
        raise RuntimeError("<b>&" + "💣" * 5_000)  # two UTF-16 code units each

    monkeypatch.setattr(reader, "render_page", explode)
    mark = len(fake.sent)
    argument = "ق" * 3_000 + "🇮🇶" * 1_000
    reply = await fake.say(f"/latest {argument}", user_id=READER)
    assert text_of(reply).startswith("Sorry, something went wrong")
    notice = await fake.next_message(ADMIN, after=mark)
    seen = text_of(notice)
    assert seen.startswith("⚠️ sitrep error RuntimeError: <b>&💣💣")
    assert _utf16_length(seen) <= MAX_TEXT_LENGTH
    assert "While handling: " in seen and "ققق" in seen
    assert "error while handling" in caplog.text and argument[:100] in caplog.text


async def test_an_error_storm_notifies_admins_once_and_the_bot_keeps_serving(
    fake, bot, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(reader, "render_page", broken)
    for user in range(READER, READER + 5):
        assert text_of(await fake.say("/latest", user_id=user)).startswith("Sorry, something")
    await fake.settle(quiet=0.2)
    assert len([e for e in fake.messages_to(ADMIN) if "sitrep error" in e["text"]]) == 1
    monkeypatch.undo()
    assert "The log is empty" in text_of(await fake.say("/latest", user_id=READER))
