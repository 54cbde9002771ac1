"""The offline console: chat with sitrep in a terminal, through the very same handlers.

The real `Application` runs with a `ConsoleRequest` in place of HTTP: lines typed (or piped) on
stdin become Telegram updates, and what the bot sends comes back as plain text on stdout. The
console user is an admin, so every command can be tried. Buttons are listed under a message
with numbers; typing the number presses the button.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.app import build_application
from bot.services import Services
from briefings.forms import looks_like_form_line
from briefings.messages import say
from briefings.render import to_plain_text

CONSOLE_USER = {"id": 1, "is_bot": False, "first_name": "Console"}
CONSOLE_CHAT = {"id": 1, "type": "private", "first_name": "Console"}
BOT_USER = {"id": 2, "is_bot": True, "first_name": "sitrep", "username": "sitrep_console_bot"}
# Commands whose form continues on the following `field: value` lines.
FORM_COMMANDS = ("/addevent", "/editevent")


class ConsoleRequest(BaseRequest):
    """Answers Bot API calls locally and prints what the bot says."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.message_ids = itertools.count(1)
        self.buttons: list[tuple[int, str]] = []  # (message id, callback data) of last keyboard

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1].lower()
        params = request_data.parameters if request_data else {}
        if api_method == "senddocument" and request_data is not None:
            return 200, json.dumps({"ok": True, "result": self._save_document(
                request_data.multipart_data, params)}).encode()
        result = self._answer(api_method, params)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _answer(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getme":
            return BOT_USER
        if api_method in ("sendmessage", "editmessagetext"):
            message_id = params.get("message_id") or next(self.message_ids)
            self._show(params["text"], params.get("reply_markup"), message_id)
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": CONSOLE_CHAT,
                "from": BOT_USER,
                "text": params["text"],
            }
        if api_method == "answercallbackquery" and params.get("text"):
            self.write(str(params["text"]))
        if api_method == "getupdates":
            return []
        return True

    def _save_document(self, files: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        """A document the bot sends (an /export) is saved in the current folder."""
        file_name, content, _ = next(iter(files.values()))
        content = content if isinstance(content, bytes) else content.read()
        target = Path.cwd() / Path(file_name or "document").name
        counter = 1
        while target.exists():
            target = target.with_name(f"{target.stem}-{counter}{target.suffix}")
            counter += 1
        target.write_bytes(content)
        caption = to_plain_text(str(params.get("caption") or ""))
        self.write(say("console.document_saved", caption=caption, path=str(target),
                       size=len(content)).striptags())
        return {"message_id": next(self.message_ids), "date": int(time.time()),
                "chat": CONSOLE_CHAT, "from": BOT_USER,
                "document": {"file_id": "console", "file_unique_id": "console",
                             "file_name": target.name}}

    def _show(self, text: str, markup: Any, message_id: int) -> None:
        self.write(to_plain_text(text))
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = (markup or {}).get("inline_keyboard") or []
        buttons = [button for row in rows for button in row if "callback_data" in button]
        if buttons:
            self.buttons = [(message_id, b["callback_data"]) for b in buttons]
            labels = "  ".join(f"[{n}] {b['text']}" for n, b in enumerate(buttons, start=1))
            self.write(labels)

    def write(self, text: str) -> None:
        self.out.write(text.rstrip() + "\n\n")
        self.out.flush()


class LineReader:
    """stdin one line at a time without blocking the event loop, with one line of look-ahead."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending: str | None = None

    async def next(self) -> str | None:
        if self.pending is not None:
            line, self.pending = self.pending, None
            return line
        line = await asyncio.to_thread(self.stream.readline)
        return line.rstrip("\r\n") if line else None

    async def form_lines(self) -> list[str]:
        """Following `field: value` lines (piped input only: a terminal would block)."""
        lines: list[str] = []
        while True:
            line = await self.next()
            if line is None:
                return lines
            if not looks_like_form_line(line):
                self.pending = line
                return lines
            lines.append(line)


class Console:
    """Turns console input into updates for the application."""

    def __init__(self, application: Any, request: ConsoleRequest) -> None:
        self.application = application
        self.request = request
        self.update_ids = itertools.count(1)
        self.message_ids = itertools.count(1)

    def _message(self, text: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self.message_ids),
            "date": int(time.time()),
            "chat": CONSOLE_CHAT,
            "from": CONSOLE_USER,
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return message

    def _press(self, number: int) -> dict[str, Any] | None:
        if not 1 <= number <= len(self.request.buttons):
            return None
        message_id, data = self.request.buttons[number - 1]
        return {
            "id": str(next(self.update_ids)),
            "from": CONSOLE_USER,
            "chat_instance": "console",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": CONSOLE_CHAT,
                "from": BOT_USER,
                "text": "",
            },
        }

    async def handle(self, text: str) -> None:
        if text.isdigit():
            query = self._press(int(text))
            if query is None:
                self.request.write(to_plain_text(say("console.no_buttons", number=text)))
                return
            payload = {"update_id": next(self.update_ids), "callback_query": query}
        else:
            payload = {"update_id": next(self.update_ids), "message": self._message(text)}
        await self.application.process_update(Update.de_json(payload, self.application.bot))


async def run_console(
    services: Services,
    *,
    demo: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Chat until EOF or /quit; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    settings = services.settings
    services = replace(
        services,
        settings=replace(settings, admin_ids=settings.admin_ids | {CONSOLE_USER["id"]}),
    )
    request = ConsoleRequest(stdout)
    application = build_application(services, request=request)
    interactive = stdin.isatty()
    reader = LineReader(stdin)
    async with application:
        await application.post_init(application)
        await application.start()
        console = Console(application, request)
        request.write(to_plain_text(say("console.banner", demo=demo)))
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await reader.next()
            if line is None or line.strip() in ("/quit", "/exit"):
                break
            text = line.strip()
            if not text:
                continue
            if not interactive and text.split(maxsplit=1)[0] in FORM_COMMANDS:
                text = "\n".join([text, *await reader.form_lines()])
            await console.handle(text)
        await application.stop()
    return 0
