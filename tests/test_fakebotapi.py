"""The fake Bot API must behave like Telegram as python-telegram-bot sees it.

Most checks go through ``telegram.Bot`` or a real ``Application`` so that the wire format
(multipart/urlencoded bodies, envelopes, status codes) is exercised exactly as in production.
"""

import asyncio
import time

import aiohttp
import pytest
import pytest_asyncio
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, RetryAfter
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.fakebotapi import FakeBotAPI

pytestmark = pytest.mark.asyncio

CHAT = 1001


@pytest_asyncio.fixture
async def api():
    async with FakeBotAPI() as server:
        yield server


@pytest_asyncio.fixture
async def bot(api):
    async with Bot(
        api.token, base_url=f"{api.url}/bot", base_file_url=f"{api.url}/file/bot"
    ) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in data]])


# --------------------------------------------------------------------------- sending


async def test_send_message_is_recorded_and_returned(api, bot):
    first = await bot.send_message(CHAT, "<b>hello</b> &amp; bye", parse_mode="HTML")
    second = await bot.send_message(CHAT, "again", reply_markup=keyboard("a", "b"))

    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "hello & bye"
    assert [e["text"] for e in api.messages_to(CHAT)] == ["<b>hello</b> &amp; bye", "again"]
    entry = api.sent[1]
    assert entry["method"] == "sendMessage"
    assert entry["chat_id"] == CHAT
    assert entry["parse_mode"] is None
    assert entry["reply_markup"]["inline_keyboard"][0][1]["callback_data"] == "b"
    assert api.calls[-1][0] == "sendMessage"
    assert api.calls[-1][1]["chat_id"] == CHAT


async def test_get_me_reports_the_bot(bot):
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "sitrep_test_bot", True)


@pytest.mark.parametrize(
    "text",
    [
        "<b>unclosed",
        "a < b",
        "fish & chips",
        "&nbsp;",
        "&#0;",
        "<i>crossed</b>",
        "stray </b>",
        "<div>no</div>",
        "<span>plain span</span>",
        '<a href="x>broken',
        "<b>nested <i>badly</b></i>",
        "<br/>",
    ],
)
async def test_malformed_html_is_refused(bot, text):
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(CHAT, text, parse_mode="HTML")


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins>", "bsieun"),
        ("<s>s</s><strike>t</strike><del>d</del><tg-spoiler>x</tg-spoiler>", "stdx"),
        ('<span class="tg-spoiler">hidden</span>', "hidden"),
        ("&lt;&gt;&amp;&quot; &#65;&#x42;", '<>&" AB'),
        ("a > b", "a > b"),
        ('<a href="https://e.com/?a=1&amp;b=2">link</a>', "link"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ("<code>c</code> <blockquote expandable>q</blockquote>", "c q"),
        ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍"),
        ("<B>upper</B>", "upper"),
    ],
)
async def test_valid_html_is_accepted(bot, text, visible):
    message = await bot.send_message(CHAT, text, parse_mode="HTML")
    assert message.text == visible


async def test_empty_text_is_refused(bot):
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(CHAT, "<b> </b>", parse_mode="HTML")


async def test_length_limit_counts_visible_utf16_units(bot):
    await bot.send_message(CHAT, "x" * 4096)
    await bot.send_message(CHAT, "<b>" + "x" * 4000 + "</b>" + "&amp;" * 96, parse_mode="HTML")
    await bot.send_message(CHAT, "😀" * 2048)
    for too_long in ("x" * 4097, "😀" * 2049):
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(CHAT, too_long)


async def test_markdown_is_only_measured(bot):
    await bot.send_message(CHAT, "*bold* _it_ [x", parse_mode="MarkdownV2")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(CHAT, "x" * 4097, parse_mode="MarkdownV2")


async def test_callback_data_is_limited_to_64_bytes(bot):
    await bot.send_message(CHAT, "ok", reply_markup=keyboard("x" * 64))
    for data in ("x" * 65, "é" * 33):
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(CHAT, "no", reply_markup=keyboard(data))


async def test_button_without_action_is_refused(bot):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("lonely")]])
    with pytest.raises(BadRequest, match="Text buttons are unallowed"):
        await bot.send_message(CHAT, "no", reply_markup=markup)


async def test_blocked_chat_is_forbidden(api, bot):
    api.blocked_chats.add(CHAT)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(CHAT, "hello?")
    assert api.sent == []
    assert api.calls[-1][0] == "sendMessage"


# --------------------------------------------------------------------------- injected faults


@pytest.mark.filterwarnings("ignore:.*retry_after.*:telegram.warnings.PTBDeprecationWarning")
async def test_fail_next_flood_control(api, bot):
    api.fail_next("sendmessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CHAT, "first")
    assert caught.value.retry_after == 7
    await bot.send_message(CHAT, "second")
    assert [e["text"] for e in api.sent] == ["second"]


async def test_fail_next_migration_times_and_chat_filter(api, bot):
    api.fail_next(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-100123,
        chat_id=-5,
        times=2,
    )
    await bot.send_message(CHAT, "other chats are unaffected")
    for _ in range(2):
        with pytest.raises(ChatMigrated) as caught:
            await bot.send_message(-5, "hi group")
        assert caught.value.new_chat_id == -100123
    await bot.send_message(-5, "third time works")


# --------------------------------------------------------------------------- edits & buttons


async def test_edit_message_text(api, bot):
    sent = await bot.send_message(CHAT, "v1", reply_markup=keyboard("a"))
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("v2", chat_id=CHAT, message_id=99)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "v1", chat_id=CHAT, message_id=sent.message_id, reply_markup=keyboard("a")
        )

    edited = await bot.edit_message_text(
        "v2", chat_id=CHAT, message_id=sent.message_id, reply_markup=keyboard("b")
    )

    assert edited.text == "v2"
    assert api.sent[-1]["method"] == "editMessageText"
    assert api.sent[-1]["message_id"] == sent.message_id
    api.press_button(sent.message_id, "b")
    with pytest.raises(ValueError, match="no button 'a'"):
        api.press_button(sent.message_id, "a")


async def test_edit_reply_markup_and_delete(api, bot):
    sent = await bot.send_message(CHAT, "pick", reply_markup=keyboard("a"))
    await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=keyboard("z"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=keyboard("z"))
    api.press_button(sent.message_id, "z")

    assert await bot.delete_message(CHAT, sent.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(CHAT, sent.message_id)
    with pytest.raises(ValueError, match="no message"):
        api.press_button(sent.message_id, "z")


async def test_callback_query_can_be_answered_once(api, bot):
    sent = await bot.send_message(CHAT, "pick", reply_markup=keyboard("a"))
    api.press_button(sent.message_id, "a")
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert (query.data, query.message.message_id, query.from_user.id) == ("a", 1, CHAT)

    assert await bot.answer_callback_query(query.id, text="done")
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query.id)


# --------------------------------------------------------------------------- updates


async def test_long_poll_returns_as_soon_as_an_update_is_queued(api, bot):
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.1)
    assert not poll.done()
    started = time.monotonic()
    update_id = api.user_message("/region@sitrep_test_bot north", chat_id=-42, chat_type="group")

    (update,) = await asyncio.wait_for(poll, 2)

    assert time.monotonic() - started < 1
    assert update.update_id == update_id
    message = update.message
    assert (message.chat.id, message.chat.type, message.from_user.id) == (-42, "group", CHAT)
    assert message.entities[0].type == "bot_command"
    assert message.entities[0].length == len("/region@sitrep_test_bot")


async def test_offset_confirms_updates(api, bot):
    first = api.user_message("one")
    second = api.user_message("two", edited=True)
    assert [u.update_id for u in await bot.get_updates()] == [first, second]
    assert api.pending_updates() == 2

    (update,) = await bot.get_updates(offset=second)
    assert update.edited_message.text == "two"
    assert update.edited_message.message_id == 1  # an edit of the earlier message
    assert api.pending_updates() == 1

    assert await bot.get_updates(offset=second + 1) == ()
    assert api.pending_updates() == 0


async def test_limit_and_negative_offset(api, bot):
    ids = [api.user_message(str(n)) for n in range(5)]
    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(offset=-2)] == ids[-2:]
    assert api.pending_updates() == 2


async def test_second_poller_terminates_the_first(api, bot):
    async with aiohttp.ClientSession() as session:
        url = f"{api.url}/bot{api.token}/getUpdates"
        first = asyncio.create_task(session.post(url, data={"timeout": "10"}))
        await asyncio.sleep(0.1)
        assert await bot.get_updates(timeout=0) == ()
        async with await asyncio.wait_for(first, 2) as response:
            assert response.status == 409
            assert (
                "terminated by other getUpdates request" in (await response.json())["description"]
            )


async def test_webhook_blocks_polling_until_deleted(api, bot):
    api.user_message("old")
    await bot.set_webhook("https://example.com/hook")
    assert (await bot.get_webhook_info()).url == "https://example.com/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook(drop_pending_updates=True)
    assert api.pending_updates() == 0
    assert await bot.get_updates() == ()


async def test_stop_releases_a_pending_long_poll():
    api = FakeBotAPI()
    await api.start()
    async with aiohttp.ClientSession() as session:
        poll = asyncio.create_task(
            session.post(f"{api.url}/bot{api.token}/getUpdates", json={"timeout": 30})
        )
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await api.stop()
        async with await poll as response:
            assert await response.json() == {"ok": True, "result": []}
    assert time.monotonic() - started < 1


# --------------------------------------------------------------------------- files & chats


async def test_user_document_can_be_downloaded(api, bot):
    api.user_document(file_name="events.csv", content=b"a,b\n", caption="/import now")
    (update,) = await bot.get_updates()
    message = update.message
    assert message.document.file_name == "events.csv"
    assert message.caption_entities[0].length == len("/import")

    file = await message.document.get_file()
    assert await file.download_as_bytearray() == b"a,b\n"
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")


async def test_send_document_keeps_bytes_and_name(api, bot):
    await bot.send_document(
        CHAT, b"# Briefing", filename="brief.md", caption="<i>today</i>", parse_mode="HTML"
    )
    entry = api.sent[-1]
    assert entry["method"] == "sendDocument"
    assert (entry["document"], entry["file_name"]) == (b"# Briefing", "brief.md")
    assert (entry["text"], entry["parse_mode"]) == ("<i>today</i>", "HTML")


async def test_chat_member_status_and_chat_info(api, bot):
    api.chat_admins[-42] = {7}
    assert (await bot.get_chat_member(-42, 7)).status == "administrator"
    assert (await bot.get_chat_member(-42, 8)).status == "member"
    assert (await bot.get_chat(-42)).type == "group"
    assert await bot.send_chat_action(CHAT, "typing")
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(CHAT, "dancing")


async def test_commands_are_validated_and_stored_per_scope(bot):
    await bot.set_my_commands([BotCommand("region", "Pick a region")])
    await bot.set_my_commands([BotCommand("admin", "Admin")], scope=BotCommandScopeAllGroupChats())
    assert [c.command for c in await bot.get_my_commands()] == ["region"]
    groups = await bot.get_my_commands(scope=BotCommandScopeAllGroupChats())
    assert [c.command for c in groups] == ["admin"]
    for bad in (BotCommand("Region", "x"), BotCommand("a" * 33, "x"), BotCommand("ok", " ")):
        with pytest.raises(BadRequest):
            await bot.set_my_commands([bad])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


# --------------------------------------------------------------------------- raw HTTP


async def test_raw_http_envelopes(api):
    base = f"{api.url}/bot{api.token}"
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{api.url}/bot1:WRONG/getMe") as response:
            assert response.status == 401
            assert (await response.json())["description"] == "Unauthorized"
        async with session.post(f"{base}/noSuchMethod") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        payload = {"chat_id": CHAT, "text": "json body"}
        async with session.post(f"{base}/SENDMESSAGE", json=payload) as response:
            body = await response.json()
            assert (response.status, body["ok"], body["result"]["text"]) == (200, True, "json body")
        async with session.get(f"{base}/sendMessage", params={"chat_id": CHAT}) as response:
            assert response.status == 400
            assert (await response.json())["description"] == "Bad Request: message text is empty"
    assert [call[0] for call in api.calls] == [
        "getMe",
        "noSuchMethod",
        "sendMessage",
        "sendMessage",
    ]


# --------------------------------------------------------------------------- a real Application


async def ping(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text("pong", reply_markup=keyboard("again"))


async def again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.callback_query.answer()
    await update.callback_query.edit_message_text("pong again")


async def test_application_round_trip(api):
    app = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(f"{api.url}/bot")
        .base_file_url(f"{api.url}/file/bot")
        .build()
    )
    app.add_handler(CommandHandler("ping", ping))
    app.add_handler(CallbackQueryHandler(again))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1)

        reply = await api.say("/ping")
        assert (reply["text"], reply["chat_id"]) == ("pong", CHAT)
        (group_reply,) = await api.replies(
            "/ping@sitrep_test_bot", count=1, chat_id=-7, chat_type="group"
        )
        assert group_reply["chat_id"] == -7

        mark = len(api.sent)
        api.press_button(reply["message_id"], "again")
        edit = await api.next_message(CHAT, after=mark)
        assert (edit["method"], edit["text"]) == ("editMessageText", "pong again")

        await api.settle(quiet=0.2)
        with pytest.raises(TimeoutError, match="pong again"):
            await api.wait_for(lambda e: e["text"] == "never", timeout=0.2, after=0)

        await app.updater.stop()
        await app.stop()
    assert api.pending_updates() == 0
    assert "answerCallbackQuery" in [name for name, _ in api.calls]
