"""Websockets of the chat: thin layers over ``hent.contact.services``.

Protocol (JSON messages):

* the page sends ``{"type": "message", "client_id": "…", "text": "…"}`` (advisers add ``"conversation": id``);
  the server answers ``{"type": "ack", "client_id", "seq"}`` only once the message is committed, then every
  page watching the conversation receives ``{"type": "message", "conversation", "message": {…}}``;
* ``{"type": "sync", "after": n}`` (advisers: ``{"type": "watch", "conversation": id, "after": n}``) asks for the
  messages after sequence number n: a page that reconnects asks for what it missed, and sends again, with the
  same ``client_id``, what was never acknowledged (stored once);
* the server also sends ``{"type": "status", …}`` (waiting, active, closed…), ``{"type": "deleted"}``,
  ``{"type": "error", "client_id", "error"}`` and, to advisers, ``{"type": "queue"}`` when their queue changed.
"""

import time
from types import SimpleNamespace
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from hent.contact import services
from hent.contact.models import Message
from hent.staff.decorators import verified
from hent.staff.roles import role_of

CLOSE_NOT_FOUND = 4404
CLOSE_FORBIDDEN = 4403
RECHECK_SECONDS = 30


def _query(scope):
    return parse_qs(scope.get("query_string", b"").decode("latin-1"))


def _int(value, default=0):
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return default


class ChatConsumer(AsyncJsonWebsocketConsumer):
    """What the visitor's and the adviser's sockets share: posting, acknowledging, catching up."""

    author = None

    async def send_history(self, conversation_id, after):
        messages = await database_sync_to_async(services.messages_after)(conversation_id, after)
        await self.send_json(
            {
                "type": "history",
                "conversation": conversation_id,
                "messages": [services.message_event(m) for m in messages],
            }
        )

    async def post(self, conversation_id, content, adviser=None):
        client_id = services.clean_client_id(content.get("client_id"))
        text = content.get("text")
        if not isinstance(text, str):
            text = ""
        try:
            posted = await database_sync_to_async(services.post_message)(
                conversation_id, self.author, text, client_id, adviser
            )
        except services.ContactError as error:
            await self.send_json(
                {"type": "error", "conversation": conversation_id, "client_id": client_id, "error": str(error)}
            )
            return
        # Committed: acknowledge, then tell the others (a failure there loses nothing).
        await self.send_json({**posted.ack, "conversation": conversation_id})
        if posted.created:
            await services.abroadcast(
                conversation_id, posted.structure_id, posted.events, posted.queue, sender=self.channel_name
            )

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        await self.handle(content)

    async def decode_json(self, text_data):
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None

    # Events from the channel layer.
    async def chat_message(self, event):
        if event.get("sender") == self.channel_name:
            return  # this page has it already, with its ack
        await self.send_json({"type": "message", "conversation": event["conversation"], "message": event["message"]})

    async def chat_status(self, event):
        await self.send_json(
            {
                "type": "status",
                "conversation": event["conversation"],
                "status": event["status"],
                "label": event["label"],
            }
        )

    async def chat_deleted(self, event):
        await self.send_json({"type": "deleted", "conversation": event["conversation"]})

    async def queue_changed(self, event):
        pass


class VisitorConsumer(ChatConsumer):
    """/ws/contact/c/?cle=<token>: one conversation, opened by its private link."""

    author = Message.Author.VISITOR

    async def connect(self):
        token = (_query(self.scope).get("cle") or [""])[0]
        conversation = await database_sync_to_async(services.conversation_by_token)(token)
        if conversation is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.conversation_id = conversation.pk
        self.group = services.conversation_group(conversation.pk)
        # Join first, then read the history: nothing falls between the two (the page drops duplicates by seq).
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "status", "conversation": conversation.pk, **services.status_event(conversation)})
        await self.send_history(conversation.pk, _int((_query(self.scope).get("after") or ["0"])[0]))

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def handle(self, content):
        kind = content.get("type")
        if kind == "message":
            await self.post(self.conversation_id, content)
        elif kind == "sync":
            await self.send_history(self.conversation_id, _int(content.get("after")))

    async def chat_deleted(self, event):
        await super().chat_deleted(event)
        await self.close(code=CLOSE_NOT_FOUND)


class AdviserConsumer(ChatConsumer):
    """/ws/contact/equipe/: an adviser's queue, and the conversations of their structure they open."""

    author = Message.Author.ADVISER

    async def connect(self):
        self.groups_joined = set()
        self.allowed = {}  # conversation id -> when the adviser's right to it was last checked
        user = self.scope.get("user")
        session = self.scope.get("session")
        allowed = await database_sync_to_async(self._allowed)(user, session)
        if not allowed:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.user = user
        for group in self._queue_groups:
            await self._join(group)
        await self.accept()

    def _allowed(self, user, session):
        if user is None or session is None or not verified(SimpleNamespace(user=user, session=session)):
            return False
        role = role_of(user)
        if role is None:
            return False
        if role in ("editor", "admin"):
            self._queue_groups = [services.ALL_QUEUES]
        else:
            from hent.staff.roles import structure_id_of

            structure_id = structure_id_of(user)
            if structure_id is None:
                return False
            self._queue_groups = [services.queue_group(structure_id)]
            services.touch_presence(user)
        return True

    async def _join(self, group):
        if group not in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.add(group)

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", ()):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def handle(self, content):
        kind = content.get("type")
        if kind == "ping":
            await database_sync_to_async(services.touch_presence)(self.user)
            await self.send_json({"type": "pong"})
            return
        if kind not in ("watch", "message"):
            return
        conversation_id = _int(content.get("conversation"), None)
        if kind == "message" and self._recently_allowed(conversation_id):
            await self.post(conversation_id, content, adviser=self.user)
            return
        conversation = await database_sync_to_async(services.visible_conversation)(self.user, conversation_id)
        if conversation is None:
            self.allowed.pop(conversation_id, None)
            await self.send_json(
                {"type": "error", "conversation": conversation_id, "error": "Conversation introuvable."}
            )
            return
        self.allowed[conversation.pk] = time.monotonic()
        if kind == "watch":
            await self._join(services.conversation_group(conversation.pk))
            await self.send_json(
                {"type": "status", "conversation": conversation.pk, **services.status_event(conversation)}
            )
            await self.send_history(conversation.pk, _int(content.get("after")))
        else:
            await self.post(conversation.pk, content, adviser=self.user)

    def _recently_allowed(self, conversation_id):
        """Whether the adviser's right to this conversation was checked less than RECHECK_SECONDS ago (the
        check costs a query; a message is the chat's hot path)."""
        checked = self.allowed.get(conversation_id)
        return checked is not None and time.monotonic() - checked < RECHECK_SECONDS

    async def queue_changed(self, event):
        await self.send_json({"type": "queue"})
