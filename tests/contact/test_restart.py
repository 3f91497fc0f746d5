"""A message acknowledged by the server is never lost: the server is killed in the middle of a conversation
(messages in flight), restarted, and the page that reconnects finds every acknowledged message, once; what
it sends again (never acknowledged) is stored once."""

import asyncio
import concurrent.futures
import json

import pytest
from websockets.asyncio.client import connect

from tests.contact.live import Database, Server, free_port, manage, server_env

SEED = """
import datetime
from hent.contact import services
from hent.guidance.models import OpeningHours, Structure
s = Structure.objects.create(slug="cio-test", kind="cio", name="CIO test", department="35", publics=["tous"])
for day in range(7):
    OpeningHours.objects.create(structure=s, weekday=day, opens=datetime.time(0), closes=datetime.time(23, 59))
conversation, token, routing = services.create_conversation(topic="metier", situation="lyceens", department="35")
print(token)
"""


@pytest.fixture
def chat_server(tmp_path):
    database = Database(tmp_path)
    env = server_env(tmp_path, database.url)
    try:
        manage(env, "migrate", "--noinput")
        token = manage(env, "shell", "-c", SEED).strip().splitlines()[-1]
        server = Server(env, free_port(), tmp_path / "server.log")
        yield server, token
        server.stop()
    finally:
        database.drop()


async def _open(server, token, after=0):
    uri = f"ws://127.0.0.1:{server.port}/ws/contact/c/?cle={token}&after={after}"
    return await connect(uri, origin=server.url, open_timeout=10)


async def _exchange(server, token):
    """Send 30 messages without waiting, kill the server after 10 acks, restart, reconnect, resend."""
    sent = {f"m{i:02d}": f"message {i}" for i in range(30)}
    acked = {}
    socket = await _open(server, token)
    for client_id, text in sent.items():
        await socket.send(json.dumps({"type": "message", "client_id": client_id, "text": text}))
    try:
        while len(acked) < 10:
            data = json.loads(await asyncio.wait_for(socket.recv(), 10))
            if data["type"] == "ack":
                acked[data["client_id"]] = data["seq"]
    finally:
        server.kill()
    await asyncio.sleep(0.1)

    server.start()
    again = await _open(server, token)
    history = {}
    while True:
        data = json.loads(await asyncio.wait_for(again.recv(), 10))
        if data["type"] == "history":
            history = {m["seq"]: m for m in data["messages"]}
            break
    stored = {m["client_id"]: seq for seq, m in history.items() if m["client_id"]}
    # Every acknowledged message is there, with the sequence number it was acknowledged with.
    assert all(stored.get(cid) == seq for cid, seq in acked.items()), (acked, stored)
    # The page sends again everything it holds as not acknowledged: each is stored once.
    unacked = [cid for cid in sent if cid not in acked]
    for cid in unacked:
        await again.send(json.dumps({"type": "message", "client_id": cid, "text": sent[cid]}))
    resent = {}
    while len(resent) < len(unacked):
        data = json.loads(await asyncio.wait_for(again.recv(), 10))
        if data["type"] == "ack":
            resent[data["client_id"]] = data["seq"]
    await again.close()
    final = await _open(server, token)
    while True:
        data = json.loads(await asyncio.wait_for(final.recv(), 10))
        if data["type"] == "history":
            texts = [m["text"] for m in data["messages"] if m["author"] == "visitor"]
            break
    await final.close()
    return acked, texts, sent


def test_a_restart_loses_nothing_acknowledged(chat_server):
    server, token = chat_server
    server.start()
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        acked, texts, sent = pool.submit(asyncio.run, _exchange(server, token)).result()
    assert len(acked) >= 10
    assert sorted(texts) == sorted(sent.values())  # all 30, none twice
