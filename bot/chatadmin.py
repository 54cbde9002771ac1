"""Who may change a chat's subscription: anyone in a private chat, only admins in a group,
and for a channel only someone who administers it (with the bot an admin there too)."""

from __future__ import annotations

from telegram import Chat, ChatMember, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from briefings.messages import say

ADMIN_STATUSES = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def is_chat_admin(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except (BadRequest, Forbidden):
        return False
    return member.status in ADMIN_STATUSES


async def may_manage_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """True in private chats and for group admins (checked with getChatMember); else says no."""
    chat = update.effective_chat
    if chat.type == Chat.PRIVATE:
        return True
    message = update.effective_message
    if message and message.sender_chat and message.sender_chat.id == chat.id:
        return True  # an anonymous admin of this very group
    user = update.effective_user
    if user and await is_chat_admin(context, chat.id, user.id):
        return True
    await update.effective_message.reply_text(say("sub.group_admins_only"))
    return False


async def channel_to_manage(
    update: Update, context: ContextTypes.DEFAULT_TYPE, username: str
) -> int | None:
    """The id of `@username` when the bot may post there and the sender administers it."""
    reply = update.effective_message.reply_text
    try:
        channel = await context.bot.get_chat(username)
    except (BadRequest, Forbidden):
        await reply(say("sub.channel_unknown", channel=username))
        return None
    if channel.type != Chat.CHANNEL:
        await reply(say("sub.not_a_channel", channel=username))
        return None
    if not await is_chat_admin(context, channel.id, context.bot.id):
        await reply(say("sub.bot_not_channel_admin", channel=username))
        return None
    user = update.effective_user
    if user is None or not await is_chat_admin(context, channel.id, user.id):
        await reply(say("sub.not_channel_admin", channel=username))
        return None
    return channel.id
