"""A fake Telegram Bot API server for end-to-end tests.

Why it exists: mocking ``telegram.Bot`` methods tests our assumptions about Telegram, not
Telegram. This module instead runs a small HTTP server (aiohttp) on 127.0.0.1 that speaks the
real Bot API wire format, so the unmodified python-telegram-bot ``Application`` can long-poll it
and send to it exactly as it would in production::

    async with FakeBotAPI() as api:
        app = (
            ApplicationBuilder()
            .token(api.token)
            .base_url(f"{api.url}/bot")
            .base_file_url(f"{api.url}/file/bot")
            .build()
        )
        ...
        reply = await api.say("/ping")

It refuses what Telegram refuses -- empty or over-long texts, malformed HTML, oversized
``callback_data``, edits that change nothing, messages to users who blocked the bot -- with
Telegram's status codes and wording, so the bot's error handling meets the real failure modes.
Further faults (flood control, chat migration, ...) can be injected with :meth:`fail_next`.

On purpose it is stricter than Telegram in one respect: in HTML texts every ``&`` must start
one of the entities Telegram documents (``&lt; &gt; &amp; &quot; &#NNN; &#xHH;``, with the
``;``). Telegram silently keeps a stray ``&``, which hides missing ``html.escape`` calls.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import mimetypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, NoReturn

from aiohttp import web

JSONDict = dict[str, Any]

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64

# Form-encoded parameters arrive as strings; these are decoded to what Telegram would see.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "allowed_updates",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
    }
)
_INT_PARAMS = frozenset(
    {
        "chat_id",
        "message_id",
        "user_id",
        "offset",
        "limit",
        "timeout",
        "message_thread_id",
        "reply_to_message_id",
        "cache_time",
        "max_connections",
    }
)
_INT_RE = re.compile(r"-?\d+")

_BUTTON_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "login_url",
        "web_app",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_CHAT_ACTIONS = re.compile(
    r"typing|choose_sticker|find_location"
    r"|upload_(?:photo|video|voice|document|video_note)|record_(?:video|voice|video_note)"
)
_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_pin_messages",
)
_COMMAND_NAME_RE = re.compile(r"[a-z0-9_]{1,32}")
_COMMAND_ENTITY_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")

_QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class _ApiError(Exception):
    """A refusal, answered with Telegram's error envelope and the matching HTTP status."""

    def __init__(self, code: int, description: str, parameters: JSONDict | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def response(self) -> web.Response:
        body: JSONDict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.code)


def _bad_request(detail: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {detail}")


# --------------------------------------------------------------------------- HTML parse mode

_HTML_TAGS = re.compile(
    r"b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji"
)
_HTML_SPECIAL = re.compile(r"[&<]")
_HTML_ENTITY = re.compile(
    r"&(?:(?P<name>lt|gt|amp|quot)|#(?P<dec>[0-9]{1,7})|#x(?P<hex>[0-9a-fA-F]{1,6}));"
)
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[^\s>]*")
_ATTRIBUTE_NAME = re.compile(r"[^\s=>]*")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9.-]*")


class _HtmlParser:
    """Telegram's HTML parse mode, modelled on tdlib's ``parse_html``.

    ``parse()`` returns the text as the user sees it (tags removed, entities decoded) or raises
    the 400 "can't parse entities" error Telegram would answer with.
    """

    def __init__(self, source: str):
        self.source = source
        self.pos = 0
        self.output: list[str] = []
        self.open_tags: list[str] = []

    def parse(self) -> str:
        while (found := _HTML_SPECIAL.search(self.source, self.pos)) is not None:
            self.output.append(self.source[self.pos : found.start()])
            self.pos = found.start()
            if self.source[self.pos] == "&":
                self.output.append(self._entity())
            else:
                self._tag()
        self.output.append(self.source[self.pos :])
        if self.open_tags:
            self._fail(f'Can\'t find end tag corresponding to start tag "{self.open_tags[-1]}"')
        return "".join(self.output)

    def _fail(self, reason: str) -> NoReturn:
        raise _bad_request(f"can't parse entities: {reason}")

    def _offset(self, pos: int) -> str:
        return f"byte offset {len(self.source[:pos].encode('utf-8', 'surrogatepass'))}"

    def _char(self, pos: int) -> str:
        return self.source[pos] if pos < len(self.source) else ""

    def _skip_spaces(self) -> None:
        while self._char(self.pos).isspace():
            self.pos += 1

    def _consume(self, pattern: re.Pattern[str]) -> str:
        """Advance over ``pattern`` (which may match nothing) and return what it matched."""
        match = pattern.match(self.source, self.pos)
        self.pos = match.end() if match else self.pos
        return match.group() if match else ""

    def _entity(self) -> str:
        match = _HTML_ENTITY.match(self.source, self.pos)
        if match is None:
            self._fail(f'character "&" at {self._offset(self.pos)} must be escaped as "&amp;"')
        if match["name"]:
            char = _NAMED_ENTITIES[match["name"]]
        else:
            code_point = int(match["dec"]) if match["dec"] else int(match["hex"], 16)
            if not 0 < code_point < 0x10FFFF or 0xD800 <= code_point <= 0xDFFF:
                self._fail(f"invalid character reference at {self._offset(self.pos)}")
            char = chr(code_point)
        self.pos = match.end()
        return char

    def _tag(self) -> None:
        begin = self.pos
        self.pos += 1
        if self._char(self.pos) == "/":
            self._end_tag(begin)
        else:
            self._start_tag(begin)

    def _start_tag(self, begin: int) -> None:
        name = self._consume(_TAG_NAME).lower()
        if not self._char(self.pos):
            self._fail(f"Unclosed start tag at {self._offset(begin)}")
        if not _HTML_TAGS.fullmatch(name):
            self._fail(f'Unsupported start tag "{name}" at {self._offset(begin)}')
        attributes = self._attributes(name, begin)
        self.pos += 1  # the closing '>'
        if name == "span" and attributes.get("class") != "tg-spoiler":
            self._fail(f'Tag "span" must have class "tg-spoiler" at {self._offset(begin)}')
        if name == "tg-emoji" and not attributes.get("emoji-id", "").isdigit():
            self._fail("Invalid custom emoji identifier specified")
        self.open_tags.append(name)

    def _attributes(self, tag: str, begin: int) -> dict[str, str]:
        attributes: dict[str, str] = {}
        while True:
            self._skip_spaces()
            if not self._char(self.pos):
                self._fail(f"Unclosed start tag at {self._offset(begin)}")
            if self._char(self.pos) == ">":
                return attributes
            name = self._consume(_ATTRIBUTE_NAME)
            if not name:
                self._fail(f'Empty attribute name in the tag "{tag}" at {self._offset(begin)}')
            self._skip_spaces()
            if tag == "blockquote" and name == "expandable" and self._char(self.pos) != "=":
                attributes[name] = ""
                continue
            if self._char(self.pos) != "=":
                self._fail(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at {self._offset(begin)}"
                )
            self.pos += 1
            self._skip_spaces()
            attributes[name] = self._attribute_value(begin)

    def _attribute_value(self, begin: int) -> str:
        quote = self._char(self.pos)
        if quote not in ("'", '"'):
            start = self.pos
            token = self._consume(_NAME_TOKEN)
            if self._char(self.pos) != ">" and not self._char(self.pos).isspace():
                self._fail(f"Unexpected end of name token at {self._offset(start)}")
            return token.lower()
        self.pos += 1
        value: list[str] = []
        while self._char(self.pos) != quote:
            if not self._char(self.pos):
                self._fail(f"Unclosed start tag at {self._offset(begin)}")
            if self._char(self.pos) == "&":
                value.append(self._entity())
            else:
                value.append(self._char(self.pos))
                self.pos += 1
        self.pos += 1
        return "".join(value)

    def _end_tag(self, begin: int) -> None:
        self.pos += 1  # the '/'
        if not self.open_tags:
            self._fail(f"Unexpected end tag at {self._offset(begin)}")
        name = self._consume(_TAG_NAME).lower()
        self._skip_spaces()
        if self._char(self.pos) != ">":
            self._fail(f"Unclosed end tag at {self._offset(begin)}")
        self.pos += 1
        expected = self.open_tags.pop()
        if name and name != expected:
            self._fail(
                f'Unmatched end tag at {self._offset(begin)}, expected "</{expected}>", '
                f'found "</{name}>"'
            )


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _visible_text(text: str, parse_mode: str | None) -> str:
    """The text as the user sees it. Markdown modes are not validated, only measured raw."""
    if not parse_mode:
        return text
    mode = parse_mode.lower()
    if mode == "html":
        return _HtmlParser(text).parse()
    if mode in ("markdown", "markdownv2"):
        return text
    raise _bad_request("unsupported parse_mode")


def _message_text(text: str, parse_mode: str | None) -> str:
    """The visible text of a sendMessage/editMessageText, or Telegram's refusal."""
    visible = _visible_text(text, parse_mode).strip()
    if not visible:
        raise _bad_request("message text is empty")
    if _utf16_length(visible) > MAX_TEXT_LENGTH:
        raise _bad_request("message is too long")
    return visible


def _check_reply_markup(markup: Any) -> JSONDict | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            _check_inline_button(button)
    return markup


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise _bad_request("can't parse inline keyboard button: text must be a string")
    if not button["text"]:
        raise _bad_request("BUTTON_TEXT_EMPTY")
    actions = _BUTTON_ACTIONS & button.keys()
    if not actions:
        raise _bad_request("text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _bad_request("can't parse inline keyboard button: only one action field is allowed")
    if "callback_data" in actions:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise _bad_request("BUTTON_DATA_INVALID")
    if "url" in actions and not re.match(r"(https?|tg)://", str(button["url"])):
        raise _bad_request("BUTTON_URL_INVALID")


def _callback_data(markup: JSONDict | None) -> list[str]:
    rows = (markup or {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


def _command_entities(text: str | None) -> list[JSONDict]:
    match = _COMMAND_ENTITY_RE.match(text or "")
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": _utf16_length(match.group())}]


def _now() -> int:
    return int(time.time())


def _is_true(value: Any) -> bool:
    return str(value).lower() in ("true", "1")


def _decode_form_value(name: str, value: str) -> Any:
    if name in _JSON_PARAMS:
        try:
            return json.loads(value)
        except ValueError:
            raise _bad_request(f"can't parse {name} JSON object") from None
    if name in _INT_PARAMS and _INT_RE.fullmatch(value):
        return int(value)
    return value


async def _read_params(request: web.Request) -> JSONDict:
    """Query string plus JSON, urlencoded or multipart body; uploads become (filename, bytes)."""
    params: JSONDict = {k: _decode_form_value(k, v) for k, v in request.query.items()}
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise _bad_request("can't parse JSON object")
        params.update(body)
        return params
    for name, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            params[name] = (value.filename, value.file.read())
        else:
            params[name] = _decode_form_value(name, value)
    return params


def _chat_id(params: JSONDict) -> int:
    value = params.get("chat_id")
    if value in (None, ""):
        raise _bad_request("chat_id is empty")
    if isinstance(value, int) or (isinstance(value, str) and _INT_RE.fullmatch(value)):
        return int(value)
    raise _bad_request("chat not found")


def _message_id(params: JSONDict) -> int:
    value = params.get("message_id")
    if value in (None, ""):
        raise _bad_request("message identifier is not specified")
    return int(value)


_SEND_METHODS = frozenset({"sendMessage", "sendDocument"})


@dataclass
class _Fault:
    method: str  # lowercased
    code: int
    description: str
    parameters: JSONDict
    times: int
    chat_id: int | None


@dataclass
class _StoredMessage:
    message: JSONDict  # the Message object as Telegram returned it
    source: tuple[str | None, str | None, JSONDict | None]  # text, parse_mode, reply_markup


@dataclass
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    mime_type: str
    content: bytes

    def as_document(self) -> JSONDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }


class FakeBotAPI:
    """The fake server; see the module docstring. One instance serves one bot token."""

    def __init__(self, token: str = "123456:TEST-TOKEN", bot_username: str = "sitrep_test_bot"):
        self.token = token
        self.bot_username = bot_username
        self.url = ""
        # What the bot did.
        self.sent: list[JSONDict] = []
        self.calls: list[tuple[str, JSONDict]] = []
        # State the bot can set and tests can inspect or preset.
        self.blocked_chats: set[int] = set()
        self.chat_admins: dict[int, set[int]] = {}
        self.channels: dict[str, int] = {}  # username (lower case, no @) -> chat id
        self.commands: dict[str, list[JSONDict]] = {}  # key: see _commands_key
        self.webhook_url = ""
        self.allowed_updates: list[str] | None = None

        self._updates: list[JSONDict] = []
        self._update_ids = itertools.count(1)
        self._callback_ids = itertools.count(7_000_000_001)
        self._file_numbers = itertools.count(1)
        self._last_message_id: dict[int, int] = {}
        self._last_user_message_id: dict[int, int] = {}
        self._chats: dict[int, JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._bot_messages: dict[tuple[int, int], _StoredMessage] = {}
        self._files: dict[str, _StoredFile] = {}
        self._open_callback_queries: set[str] = set()
        self._faults: list[_Fault] = []
        # Broadcast faults: a global send rate (429 beyond it), migrated groups, slow answers.
        self.rate_limit: float | None = None
        self.rate_limited = 0
        self.migrated_chats: dict[int, int] = {}
        self._recent_sends: collections.deque[float] = collections.deque()
        self._delays: list[_Fault] = []
        self._activity = 0  # counts requests other than getUpdates, for settle()
        self._poll_generation = 0
        self._closing = False
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._handlers = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "deleteWebhook": self._delete_webhook,
                "setWebhook": self._set_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "sendChatAction": self._send_chat_action,
                "sendDocument": self._send_document,
                "getFile": self._get_file,
                "getChat": self._get_chat,
                "getChatMember": self._get_chat_member,
                "close": self._true,
                "logOut": self._true,
            }.items()
        }

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        self._closing = False
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        """Release pending long polls (they answer with no updates), then close the server."""
        self._closing = True
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ------------------------------------------------------------------ simulating users

    def user_message(
        self,
        text: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "Test",
        edited: bool = False,
        reply_to_bot: bool = False,
        forwarded_from_date: int | None = None,
    ) -> int:
        """Queue a text message (or its edit) from a user; returns the update_id.

        With ``forwarded_from_date`` (Unix time) the message is a forward of a channel post
        written then, as when an admin forwards a news item.
        """
        chat_id = user_id if chat_id is None else chat_id
        if chat_type == "private":
            self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": first_name}
        else:
            self._chats[chat_id] = {"id": chat_id, "type": chat_type, "title": f"Test {chat_type}"}
        message = self._incoming_message(self._user(user_id, first_name), chat_id, edited)
        message["text"] = text
        if entities := _command_entities(text):
            message["entities"] = entities
        if reply_to_bot:
            message["reply_to_message"] = self._latest_bot_message(chat_id)
        if forwarded_from_date is not None:
            message["forward_origin"] = {
                "type": "channel",
                "date": forwarded_from_date,
                "chat": {"id": -1009999, "type": "channel", "title": "News"},
                "message_id": 1,
            }
        return self._queue_update("edited_message" if edited else "message", message)

    def user_document(
        self,
        *,
        file_name: str,
        content: bytes,
        caption: str | None,
        user_id: int = 1001,
        chat_id: int | None = None,
        mime_type: str = "text/plain",
    ) -> int:
        """Queue a message carrying a document (downloadable via getFile); returns update_id."""
        chat_id = user_id if chat_id is None else chat_id
        message = self._incoming_message(self._user(user_id), chat_id, edited=False)
        message["document"] = self._store_file(file_name, content, mime_type).as_document()
        if caption is not None:
            message["caption"] = caption
            if entities := _command_entities(caption):
                message["caption_entities"] = entities
        return self._queue_update("message", message)

    def press_button(
        self, message_id: int, data: str, *, user_id: int = 1001, chat_id: int | None = None
    ) -> int:
        """Queue a callback_query for a button on a message the bot sent; returns update_id."""
        chat_id = user_id if chat_id is None else chat_id
        stored = self._bot_messages.get((chat_id, message_id))
        if stored is None:
            raise ValueError(f"the bot has no message {message_id} in chat {chat_id}")
        buttons = _callback_data(stored.message.get("reply_markup"))
        if data not in buttons:
            raise ValueError(f"message {message_id} has no button {data!r}; it has {buttons!r}")
        query_id = str(next(self._callback_ids))
        self._open_callback_queries.add(query_id)
        return self._queue_update(
            "callback_query",
            {
                "id": query_id,
                "from": self._user(user_id),
                "message": stored.message,
                "chat_instance": f"instance-{chat_id}",
                "data": data,
            },
        )

    def user_deletes(self, message_id: int, *, chat_id: int = 1001) -> None:
        """The user deletes a message the bot sent in a private chat: editing it now fails."""
        if self._bot_messages.pop((chat_id, message_id), None) is None:
            raise ValueError(f"the bot has no message {message_id} in chat {chat_id}")

    # ------------------------------------------------------------------ what the bot did

    def messages_to(self, chat_id: int) -> list[JSONDict]:
        return [entry for entry in self.sent if entry["chat_id"] == chat_id]

    def pending_updates(self) -> int:
        """Updates queued but not yet confirmed by a getUpdates offset."""
        return len(self._updates)

    async def wait_for(
        self,
        predicate: Callable[[JSONDict], bool],
        timeout: float = 5.0,
        *,
        after: int | None = None,
    ) -> JSONDict:
        """First ``sent`` entry at index >= ``after`` (default: now) matching ``predicate``."""
        start = len(self.sent) if after is None else after

        def matches() -> list[JSONDict]:
            return [entry for entry in self.sent[start:] if predicate(entry)]

        if await self._wait_until(lambda: bool(matches()), timeout):
            return matches()[0]
        raise TimeoutError(
            f"nothing matching was sent within {timeout}s; sent since #{start}: "
            f"{self._describe_sent(start)}"
        )

    async def next_message(
        self, chat_id: int, timeout: float = 5.0, *, after: int | None = None
    ) -> JSONDict:
        """First ``sent`` entry for ``chat_id`` at index >= ``after`` (default: now)."""
        return await self.wait_for(lambda e: e["chat_id"] == chat_id, timeout, after=after)

    async def say(
        self,
        text: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        timeout: float = 5.0,
        **kw: Any,
    ) -> JSONDict:
        """Send ``text`` as a user and return the bot's first message to that chat."""
        (reply,) = await self.replies(
            text, count=1, user_id=user_id, chat_id=chat_id, timeout=timeout, **kw
        )
        return reply

    async def replies(
        self,
        text: str,
        *,
        count: int,
        user_id: int = 1001,
        chat_id: int | None = None,
        timeout: float = 5.0,
        **kw: Any,
    ) -> list[JSONDict]:
        """Send ``text`` as a user and return the bot's next ``count`` messages to that chat."""
        chat_id = user_id if chat_id is None else chat_id
        mark = len(self.sent)
        self.user_message(text, user_id=user_id, chat_id=chat_id, **kw)

        def answers() -> list[JSONDict]:
            return [e for e in self.sent[mark:] if e["chat_id"] == chat_id][:count]

        if await self._wait_until(lambda: len(answers()) == count, timeout):
            return answers()
        raise TimeoutError(
            f"expected {count} message(s) to chat {chat_id} after {text!r} within {timeout}s; "
            f"sent since: {self._describe_sent(mark)}"
        )

    async def settle(self, quiet: float = 0.3, timeout: float = 5.0) -> None:
        """Wait until the bot made no request except polling for ``quiet`` s (max ``timeout``)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (remaining := deadline - loop.time()) > 0:
            seen = self._activity
            await asyncio.sleep(min(quiet, remaining))
            if self._activity == seen:
                return

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        method: str,
        error_code: int,
        description: str,
        *,
        times: int = 1,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id`` if given) with an error."""
        parameters = {
            key: value
            for key, value in (
                ("retry_after", retry_after),
                ("migrate_to_chat_id", migrate_to_chat_id),
            )
            if value is not None
        }
        self._faults.append(
            _Fault(method.lower(), error_code, description, parameters, times, chat_id)
        )

    def delay_next(
        self, method: str, seconds: float, *, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Carry out the next ``times`` calls of ``method`` but answer only after ``seconds``
        (past the client's timeout, the bot cannot know the message was delivered)."""
        self._delays.append(_Fault(method.lower(), 200, "", {"seconds": seconds}, times, chat_id))

    # ------------------------------------------------------------------ plumbing

    def _notify(self) -> None:
        """Wake every waiter; each re-checks its own condition."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), remaining)
        return True

    def _describe_sent(self, start: int) -> str:
        lines = [
            f"\n  #{i} {e['method']} chat={e['chat_id']} id={e['message_id']}: {e['text']!r}"
            for i, e in enumerate(self.sent[start:], start)
        ]
        return "".join(lines) or "nothing"

    async def _handle_api(self, request: web.Request) -> web.Response:
        requested = request.match_info["method"]
        name, handler = self._handlers.get(requested.lower(), (requested, None))
        try:
            params = await _read_params(request)
        except _ApiError as error:
            self.calls.append((name, {}))
            return error.response()
        self.calls.append((name, params))
        if name != "getUpdates":
            self._activity += 1
        try:
            if request.match_info["token"] != self.token:
                raise _ApiError(401, "Unauthorized")
            if handler is None:
                raise _ApiError(404, "Not Found: method not found")
            self._raise_injected_fault(name, params)
            if name in _SEND_METHODS:
                self._check_broadcast_limits(params)
            result = await handler(params)
        except _ApiError as error:
            return error.response()
        await self._delay_answer(name, params)
        return web.json_response({"ok": True, "result": result})

    def _check_broadcast_limits(self, params: JSONDict) -> None:
        """Migrated groups answer with their new id; sends past `rate_limit`/s answer 429."""
        chat_id = params.get("chat_id")
        if chat_id in self.migrated_chats:
            raise _ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated_chats[chat_id]},
            )
        if self.rate_limit is None:
            return
        now = time.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if len(self._recent_sends) >= self.rate_limit:
            self.rate_limited += 1
            raise _ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self._recent_sends.append(now)

    async def _delay_answer(self, name: str, params: JSONDict) -> None:
        """A delay injected by `delay_next`: the call took effect, its answer comes late."""
        for delay in self._delays:
            if delay.method == name.lower() and delay.chat_id in (None, params.get("chat_id")):
                delay.times -= 1
                if delay.times <= 0:
                    self._delays.remove(delay)
                await asyncio.sleep(delay.parameters["seconds"])
                return

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["file_path"]
        stored = next((f for f in self._files.values() if f.file_path == path), None)
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.content, content_type="application/octet-stream")

    def _raise_injected_fault(self, name: str, params: JSONDict) -> None:
        chat_id = params.get("chat_id")
        for fault in self._faults:
            if fault.method == name.lower() and fault.chat_id in (None, chat_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                raise _ApiError(fault.code, fault.description, fault.parameters)

    def _queue_update(self, kind: str, payload: JSONDict) -> int:
        update_id = next(self._update_ids)
        self._updates.append({"update_id": update_id, kind: payload})
        self._notify()
        return update_id

    def _next_message_id(self, chat_id: int) -> int:
        self._last_message_id[chat_id] = self._last_message_id.get(chat_id, 0) + 1
        return self._last_message_id[chat_id]

    def _me(self) -> JSONDict:
        return {
            "id": int(self.token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": "Sitrep Test",
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _user(self, user_id: int, first_name: str | None = None) -> JSONDict:
        if first_name is not None or user_id not in self._users:
            self._users[user_id] = {
                "id": user_id,
                "is_bot": False,
                "first_name": first_name or "Test",
            }
        return self._users[user_id]

    def _chat(self, chat_id: int) -> JSONDict:
        if chat_id not in self._chats:
            if chat_id > 0:
                self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": "Test"}
            else:
                self._chats[chat_id] = {"id": chat_id, "type": "group", "title": "Test group"}
        return self._chats[chat_id]

    def _incoming_message(self, user: JSONDict, chat_id: int, edited: bool) -> JSONDict:
        """A user's message; an edit reuses the id of that chat's latest user message."""
        if edited and chat_id in self._last_user_message_id:
            message_id = self._last_user_message_id[chat_id]
        else:
            message_id = self._next_message_id(chat_id)
        self._last_user_message_id[chat_id] = message_id
        message = {
            "message_id": message_id,
            "from": user,
            "chat": self._chat(chat_id),
            "date": _now(),
        }
        if edited:
            message["edit_date"] = _now()
        return message

    def _latest_bot_message(self, chat_id: int) -> JSONDict:
        ids = [message_id for chat, message_id in self._bot_messages if chat == chat_id]
        if not ids:
            raise ValueError(f"the bot has sent nothing to chat {chat_id} to reply to")
        return self._bot_messages[(chat_id, max(ids))].message

    def _store_file(self, file_name: str, content: bytes, mime_type: str) -> _StoredFile:
        number = next(self._file_numbers)
        stored = _StoredFile(
            file_id=f"BQACAgIAAxkBAAI{number:06d}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=f"documents/file_{number}{PurePosixPath(file_name).suffix}",
            file_name=file_name,
            mime_type=mime_type,
            content=content,
        )
        self._files[stored.file_id] = stored
        return stored

    def _outgoing_chat(self, params: JSONDict) -> int:
        chat_id = _chat_id(params)
        if chat_id in self.blocked_chats:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        return chat_id

    def _stored_message(self, params: JSONDict, missing: str) -> tuple[int, _StoredMessage]:
        chat_id = self._outgoing_chat(params)
        stored = self._bot_messages.get((chat_id, _message_id(params)))
        if stored is None:
            raise _bad_request(missing)
        return chat_id, stored

    def _record(
        self,
        method: str,
        message: JSONDict,
        *,
        text: str | None,
        parse_mode: str | None,
        document: bytes | None = None,
        file_name: str | None = None,
    ) -> None:
        self.sent.append(
            {
                "method": method,
                "chat_id": message["chat"]["id"],
                "message_id": message["message_id"],
                "text": text,
                "parse_mode": parse_mode,
                "reply_markup": message.get("reply_markup"),
                "document": document,
                "file_name": file_name,
            }
        )
        self._notify()

    # ------------------------------------------------------------------ methods: bot & updates

    async def _true(self, params: JSONDict) -> bool:
        return True

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return self._me()

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook_url:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._confirm(params.get("offset"))
        if "allowed_updates" in params:
            self.allowed_updates = params["allowed_updates"]
        limit = min(max(int(params.get("limit", 100)), 1), 100)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # terminates an older long poll, as Telegram does
        await self._wait_until(
            lambda: bool(self._updates) or self._closing or generation != self._poll_generation,
            max(float(params.get("timeout", 0)), 0.0),
        )
        if generation != self._poll_generation:
            raise _ApiError(
                409,
                "Conflict: terminated by other getUpdates request; "
                "make sure that only one bot instance is running",
            )
        return self._updates[:limit]

    def _confirm(self, offset: int | None) -> None:
        if offset is None:
            return
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    async def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook_url = ""
        if _is_true(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def _set_webhook(self, params: JSONDict) -> bool:
        self.webhook_url = str(params.get("url", ""))
        if _is_true(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    @staticmethod
    def _commands_key(params: JSONDict) -> str:
        scope = params.get("scope") or {"type": "default"}
        return f"{json.dumps(scope, sort_keys=True)}|{params.get('language_code', '')}"

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands", [])
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand")
            if not _COMMAND_NAME_RE.fullmatch(str(command.get("command", ""))):
                raise _bad_request("BOT_COMMAND_INVALID")
            description = str(command.get("description", "")).strip()
            if not description:
                raise _bad_request("command description must be non-empty")
            if len(description) > 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = commands
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return self.commands.get(self._commands_key(params), [])

    async def _delete_my_commands(self, params: JSONDict) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    # ------------------------------------------------------------------ methods: messages

    async def _send_message(self, params: JSONDict) -> JSONDict:
        chat_id = self._outgoing_chat(params)
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = _message_text(text, parse_mode)
        message = self._new_bot_message(chat_id, params, text=visible)
        self._bot_messages[(chat_id, message["message_id"])] = _StoredMessage(
            message, (text, parse_mode, message.get("reply_markup"))
        )
        self._record("sendMessage", message, text=text, parse_mode=parse_mode)
        return message

    def _new_bot_message(self, chat_id: int, params: JSONDict, **content: Any) -> JSONDict:
        markup = _check_reply_markup(params.get("reply_markup"))
        message = {
            "message_id": self._next_message_id(chat_id),
            "from": self._me(),
            "chat": self._chat(chat_id),
            "date": _now(),
            **content,
        }
        if markup is not None:
            message["reply_markup"] = markup
        return message

    async def _edit_message_text(self, params: JSONDict) -> JSONDict:
        chat_id, stored = self._stored_message(params, "message to edit not found")
        if "text" not in stored.message:
            raise _bad_request("there is no text in the message to edit")
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = _message_text(text, parse_mode)
        markup = _check_reply_markup(params.get("reply_markup"))
        if (text, parse_mode, markup) == stored.source:
            raise _bad_request(_NOT_MODIFIED)
        message = self._edited(stored.message, text=visible, reply_markup=markup)
        self._bot_messages[(chat_id, message["message_id"])] = _StoredMessage(
            message, (text, parse_mode, markup)
        )
        self._record("editMessageText", message, text=text, parse_mode=parse_mode)
        return message

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        chat_id, stored = self._stored_message(params, "message to edit not found")
        markup = _check_reply_markup(params.get("reply_markup"))
        if markup == stored.message.get("reply_markup"):
            raise _bad_request(_NOT_MODIFIED)
        message = self._edited(stored.message, reply_markup=markup)
        text, parse_mode, _ = stored.source
        self._bot_messages[(chat_id, message["message_id"])] = _StoredMessage(
            message, (text, parse_mode, markup)
        )
        return message

    @staticmethod
    def _edited(message: JSONDict, **changes: Any) -> JSONDict:
        edited = {**message, **changes, "edit_date": _now()}
        if edited.get("reply_markup") is None:
            edited.pop("reply_markup", None)
        return edited

    async def _delete_message(self, params: JSONDict) -> bool:
        chat_id = self._outgoing_chat(params)
        if self._bot_messages.pop((chat_id, _message_id(params)), None) is None:
            raise _bad_request("message to delete not found")
        return True

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self._open_callback_queries:
            raise _bad_request(_QUERY_TOO_OLD)
        self._open_callback_queries.remove(query_id)
        return True

    async def _send_chat_action(self, params: JSONDict) -> bool:
        self._outgoing_chat(params)
        if not _CHAT_ACTIONS.fullmatch(str(params.get("action", ""))):
            raise _bad_request("wrong parameter action in request")
        return True

    # ------------------------------------------------------------------ methods: files & chats

    async def _send_document(self, params: JSONDict) -> JSONDict:
        chat_id = self._outgoing_chat(params)
        stored_file = self._uploaded_document(params.get("document"))
        caption = params.get("caption")
        parse_mode = params.get("parse_mode")
        content: JSONDict = {"document": stored_file.as_document()}
        if caption:
            visible = _visible_text(str(caption), parse_mode).strip()
            if _utf16_length(visible) > MAX_CAPTION_LENGTH:
                raise _bad_request("message caption is too long")
            content["caption"] = visible
        message = self._new_bot_message(chat_id, params, **content)
        self._bot_messages[(chat_id, message["message_id"])] = _StoredMessage(
            message, (None, parse_mode, message.get("reply_markup"))
        )
        self._record(
            "sendDocument",
            message,
            text=caption,
            parse_mode=parse_mode,
            document=stored_file.content,
            file_name=stored_file.file_name,
        )
        return message

    def _uploaded_document(self, document: Any) -> _StoredFile:
        if document is None:
            raise _bad_request("there is no document in the request")
        if isinstance(document, tuple):
            file_name, content = document
            if not content:
                raise _bad_request("file must be non-empty")
            file_name = file_name or "document"
            mime_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
            return self._store_file(file_name, content, mime_type)
        if document in self._files:
            return self._files[document]
        raise _bad_request("wrong file identifier/HTTP URL specified")

    async def _get_file(self, params: JSONDict) -> JSONDict:
        stored = self._files.get(str(params.get("file_id", "")))
        if stored is None:
            raise _bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }

    def add_channel(self, username: str, chat_id: int) -> None:
        """A public channel, reachable as ``@username`` in getChat and getChatMember."""
        self.channels[username.lstrip("@").lower()] = chat_id
        self._chats[chat_id] = {"id": chat_id, "type": "channel", "title": f"@{username}",
                                "username": username.lstrip("@")}

    def _resolve_chat(self, params: JSONDict) -> int:
        value = params.get("chat_id")
        if isinstance(value, str) and value.startswith("@"):
            found = self.channels.get(value[1:].lower())
            if found is None:
                raise _bad_request("chat not found")
            return found
        return _chat_id(params)

    async def _get_chat(self, params: JSONDict) -> JSONDict:
        return {
            **self._chat(self._resolve_chat(params)),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_chat_member(self, params: JSONDict) -> JSONDict:
        chat_id = self._resolve_chat(params)
        user_id = int(params.get("user_id", 0))
        user = self._user(user_id)
        if user_id not in self.chat_admins.get(chat_id, set()):
            return {"status": "member", "user": user}
        return {
            "status": "administrator",
            "user": user,
            "can_be_edited": False,
            "is_anonymous": False,
            **dict.fromkeys(_ADMIN_RIGHTS, True),
        }
