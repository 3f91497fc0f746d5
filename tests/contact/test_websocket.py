"""The chat over websockets, on the in-memory channel layer and on Redis: messages both ways, acks only
after storage, catching up after a reconnection, resends stored once, and who may connect to what."""

import secrets

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings as django_settings

from config.asgi import application
from hent.contact import services
from hent.contact.models import Conversation, Message
from tests.contact.communicator import WebsocketCommunicator
from tests.contact.conftest import verified_client

# database_sync_to_async closes connections found inside a transaction: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://127.0.0.1")
TIMEOUT = 5


def redis_url():
    url = django_settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as error:
        return None, f"no Redis server answers at {url}: {error}"
    return url, ""


@pytest.fixture(params=["memory", "redis"])
def layer(request, settings):
    if request.param == "redis":
        url, reason = redis_url()
        if url is None:
            pytest.skip(reason)
        # A prefix of its own: test runs side by side (SQLite, PostgreSQL) share one Redis.
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [url], "prefix": f"hent-test-{secrets.token_hex(4)}"},
            }
        }
    return request.param


def visitor_socket(token, after=0, origin=ORIGIN):
    path = f"/ws/contact/c/?cle={token}&after={after}"
    return WebsocketCommunicator(application, path, headers=[origin, (b"host", b"127.0.0.1")])


def adviser_socket(client):
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    return WebsocketCommunicator(
        application, "/ws/contact/equipe/", headers=[ORIGIN, (b"cookie", cookie), (b"host", b"127.0.0.1")]
    )


async def receive_until(socket, kind, author=None):
    """The next event of this kind (and, for messages, by this author), skipping others."""
    while True:
        data = await socket.receive_json_from(timeout=TIMEOUT)
        if data["type"] == kind and (author is None or data["message"]["author"] == author):
            return data


@pytest.fixture
def conversation(structures, adviser_a):
    services.touch_presence(adviser_a)
    conversation, token, routing = services.create_conversation(topic="metier", situation="lyceens", department="35")
    assert routing.live and conversation.status == Conversation.Status.WAITING
    return conversation, token


def test_visitor_and_adviser_exchange_messages_both_ways(layer, conversation, adviser_a):
    conv, token = conversation
    adviser_client = verified_client(adviser_a)

    async def scenario():
        visitor = visitor_socket(token)
        connected, _ = await visitor.connect()
        assert connected
        assert (await receive_until(visitor, "status"))["status"] == "waiting"
        history = await receive_until(visitor, "history")
        assert history["messages"][0]["author"] == "system"  # who answers and why

        adviser = adviser_socket(adviser_client)
        connected, _ = await adviser.connect()
        assert connected
        await adviser.send_json_to({"type": "watch", "conversation": conv.pk, "after": 0})
        await receive_until(adviser, "history")

        await visitor.send_json_to({"type": "message", "client_id": "v1", "text": "Bonjour, je suis en seconde"})
        ack = await receive_until(visitor, "ack")
        assert ack["client_id"] == "v1"
        got = await receive_until(adviser, "message")
        assert got["message"]["text"] == "Bonjour, je suis en seconde" and got["message"]["seq"] == ack["seq"]

        await adviser.send_json_to({"type": "message", "conversation": conv.pk, "client_id": "a1", "text": "Bonjour !"})
        assert (await receive_until(adviser, "ack"))["client_id"] == "a1"
        got = await receive_until(visitor, "message", author="adviser")
        assert got["message"]["text"] == "Bonjour !" and got["message"]["author"] == "adviser"
        assert (await receive_until(visitor, "status"))["status"] == "active"
        await visitor.disconnect()
        await adviser.disconnect()

    async_to_sync(scenario)()
    assert list(Message.objects.filter(conversation=conv).exclude(author="system").values_list("text", flat=True)) == [
        "Bonjour, je suis en seconde",
        "Bonjour !",
    ]


def test_reconnecting_page_catches_up_and_a_resend_is_stored_once(layer, conversation, adviser_a):
    conv, token = conversation

    async def scenario():
        visitor = visitor_socket(token)
        await visitor.connect()
        await receive_until(visitor, "history")
        await visitor.send_json_to({"type": "message", "client_id": "v1", "text": "premier"})
        seq = (await receive_until(visitor, "ack"))["seq"]
        await visitor.disconnect()

        # While the visitor is away, the adviser answers (through the pages, say).
        await services_post(conv.pk, "adviser", "réponse pendant l'absence", "a1", adviser_a)

        # The page comes back: asks for what came after the last message it saw, and sends again
        # the message it never got an ack for (the ack was lost with the connection).
        again = visitor_socket(token, after=seq)
        await again.connect()
        history = await receive_until(again, "history")
        assert [m["text"] for m in history["messages"]] == ["réponse pendant l'absence"]
        await again.send_json_to({"type": "message", "client_id": "v1", "text": "premier"})
        assert (await receive_until(again, "ack"))["seq"] == seq
        await again.disconnect()

    async_to_sync(scenario)()
    assert Message.objects.filter(conversation=conv, text="premier").count() == 1


async def services_post(*args):
    from channels.db import database_sync_to_async

    posted = await database_sync_to_async(services.post_message)(*args)
    await services.abroadcast(args[0], posted.structure_id, posted.events, posted.queue)


def test_wrong_token_wrong_origin_and_other_structures_are_refused(layer, structures, adviser_a, adviser_b):
    in_b, token_b, _ = services.create_conversation(topic="emploi", situation="jeunes_16_25", department="29")
    services.post_message(in_b.pk, "visitor", "secret de B", "m1")
    client_a = verified_client(adviser_a)

    async def scenario():
        for token in ("", token_b[:-1] + ("A" if token_b[-1] != "A" else "B"), in_b.token_hash):
            connected, _ = await visitor_socket(token).connect()
            assert not connected
        connected, _ = await visitor_socket(token_b, origin=(b"origin", b"https://evil.example")).connect()
        assert not connected

        adviser = adviser_socket(client_a)
        assert (await adviser.connect())[0]
        await adviser.send_json_to({"type": "watch", "conversation": in_b.pk, "after": 0})
        assert (await adviser.receive_json_from(timeout=TIMEOUT))["type"] == "error"
        await adviser.send_json_to({"type": "message", "conversation": in_b.pk, "client_id": "x", "text": "intrus"})
        assert (await adviser.receive_json_from(timeout=TIMEOUT))["type"] == "error"
        # Messages of B never reach A's socket.
        visitor_b = visitor_socket(token_b)
        await visitor_b.connect()
        await visitor_b.send_json_to({"type": "message", "client_id": "m2", "text": "encore un secret"})
        await receive_until(visitor_b, "ack")
        assert await adviser.receive_nothing(timeout=0.3)
        await adviser.send_json_to({"type": "nonsense"})
        await adviser.send_to(text_data="{not json")
        assert await adviser.receive_nothing(timeout=0.2)
        await visitor_b.disconnect()
        await adviser.disconnect()

    async_to_sync(scenario)()
    assert not in_b.messages.filter(text="intrus").exists()


def test_adviser_socket_needs_login_and_second_factor(layer, structures, adviser_a):
    from django.test import Client

    password_only = Client()
    password_only.force_login(adviser_a)

    async def scenario():
        assert not (await WebsocketCommunicator(application, "/ws/contact/equipe/", headers=[ORIGIN]).connect())[0]
        assert not (await adviser_socket(password_only).connect())[0]

    async_to_sync(scenario)()


def test_adviser_queue_is_told_of_new_conversations(layer, structures, adviser_a, adviser_b):
    client_a = verified_client(adviser_a)

    async def scenario():
        from channels.db import database_sync_to_async

        adviser = adviser_socket(client_a)
        assert (await adviser.connect())[0]
        await database_sync_to_async(services.create_conversation)(topic="metier", situation="lyceens", department="35")
        assert (await adviser.receive_json_from(timeout=TIMEOUT))["type"] == "queue"
        # Another structure's new conversation is not announced to A.
        await database_sync_to_async(services.create_conversation)(
            topic="emploi", situation="jeunes_16_25", department="29"
        )
        assert await adviser.receive_nothing(timeout=0.3)
        await adviser.disconnect()

    async_to_sync(scenario)()
