"""Load of the adviser chat: N visitors talking at once with advisers, over real websockets.

Starts the ASGI application with uvicorn on a fresh database (SQLite in a temporary folder unless
--database-url is given; the Redis channel layer when REDIS_URL is set), creates structures, advisers (logged
in with their second factor) and N conversations, then every visitor sends messages and the adviser in
charge answers each one. Prints the delivery latency (from the sender's send to the other side's receipt),
the acknowledgement latency (send → "stored" ack), errors, and messages lost (sent and acknowledged but not
received, or not in the database at the end).

    .venv/bin/python bench/chat_load.py                      # 200 conversations, 5 messages each way
    .venv/bin/python bench/chat_load.py -n 50 --messages 10
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/chat_load.py --workers 2
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_database(args, var_dir):
    """Migrate and seed the database in this process; returns (advisers' session keys, conversations)."""
    os.environ["HENT_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{var_dir / 'hent.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["HENT_SECURE"] = "0"
    import django

    django.setup()
    import datetime

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from hent.contact import services
    from hent.guidance.models import OpeningHours, Structure
    from hent.staff.decorators import VERIFIED_AT_KEY, VERIFIED_USER_KEY
    from hent.staff.models import StaffProfile

    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}  # seeding only
    call_command("migrate", "--noinput", verbosity=0)
    advisers = []  # (session key, [(conversation id, token)])
    structures = []
    for s in range(args.structures):
        structure = Structure.objects.create(
            slug=f"cio-bench-{s}", kind="cio", name=f"CIO banc d'essai {s}", department="35", publics=["tous"]
        )
        for day in range(7):
            OpeningHours.objects.create(
                structure=structure, weekday=day, opens=datetime.time(0), closes=datetime.time(23, 59, 59)
            )
        staff = []
        for a in range(args.advisers_per_structure):
            user = get_user_model().objects.create_user(username=f"conseil-{s}-{a}", password=secrets.token_urlsafe(16))
            StaffProfile.objects.create(user=user, role="adviser", structure=structure)
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session[VERIFIED_USER_KEY] = user.pk
            session[VERIFIED_AT_KEY] = int(time.time())
            session.create()
            staff.append((session.session_key, []))
        structures.append((structure, staff))
        advisers.extend(staff)
    conversations = []
    for i in range(args.conversations):
        structure, staff = structures[i % len(structures)]
        conversation, token, _routing = services.create_conversation(
            topic="metier", situation="lyceens", department="35"
        )
        # Routing spreads conversations by load; keep the structure it chose, answered by one of its advisers.
        structure_staff = next(st for s, st in structures if s.pk == conversation.structure_id)
        structure_staff[(i // len(structures)) % len(structure_staff)][1].append((conversation.pk, token))
        conversations.append((conversation.pk, token))
    from django.db import connections

    connections.close_all()
    return advisers, conversations


def start_server(args, var_dir, port):
    env = dict(os.environ, HENT_ALLOWED_HOSTS="127.0.0.1,localhost", HENT_DEBUG="0", HENT_LOG_LEVEL="WARNING")
    uvicorn = Path(sys.executable).with_name("uvicorn")
    command = [str(uvicorn), "config.asgi:application", "--host", "127.0.0.1", "--port", str(port)]
    if args.profile_server:  # one worker under cProfile, statistics written on exit
        code = (
            "import cProfile, signal, sys, uvicorn\n"
            "signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))  # uvicorn raises it again after shutdown\n"
            "profile = cProfile.Profile()\n"
            "try:\n"
            f"    profile.runcall(uvicorn.run, 'config.asgi:application', host='127.0.0.1', port={port}, "
            "access_log=False, log_level='warning')\n"
            "finally:\n"
            f"    profile.dump_stats({args.profile_server!r})\n"
        )
        command = [sys.executable, "-c", code]
    if not args.profile_server:
        command += [
            "--no-access-log",
            "--log-level",
            "warning",
            "--workers",
            str(args.workers),
            "--ws-per-message-deflate",
            "false",
        ]  # as `make run`
    log = (var_dir / "server.log").open("w")
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server died on start:\n{(var_dir / 'server.log').read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2):
                break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.2)
    return server


class Stats:
    def __init__(self):
        self.delivery = []
        self.ack = []
        self.errors = []
        self.sent = 0
        self.received = 0


async def run_load(args, port, advisers, conversations):
    from websockets.asyncio.client import connect

    origin = f"http://127.0.0.1:{port}"
    stats = Stats()
    # Per conversation: client_id -> send time, for both directions.
    pending = {}
    done = asyncio.Event()
    remaining = [len(conversations)]

    ready = asyncio.Semaphore(0)

    async def adviser(session_key, mine):
        headers = {"Cookie": f"sessionid={session_key}"}
        try:
            ws = await connect(f"ws://127.0.0.1:{port}/ws/contact/equipe/", origin=origin, additional_headers=headers)
        except Exception as error:
            stats.errors.append(f"adviser connect: {error!r}")
            return
        for conversation_id, _token in mine:
            await ws.send(json.dumps({"type": "watch", "conversation": conversation_id, "after": 0}))
        answered = set()
        reader_done = asyncio.Event()
        watched = [0]

        async def reader():
            try:
                async for raw in ws:
                    data = json.loads(raw)
                    kind = data["type"]
                    if kind == "history":  # a question sent before the adviser watched the conversation
                        watched[0] += 1
                        if watched[0] == len(mine):
                            ready.release()
                        incoming = [m for m in data["messages"] if m["author"] == "visitor"]
                    elif kind == "message" and data["message"]["author"] == "visitor":
                        incoming = [data["message"]]
                    else:
                        incoming = []
                    for m in incoming:
                        key = (data["conversation"], m["client_id"])
                        if key in answered:
                            continue
                        answered.add(key)
                        sent_at = pending.pop(key, None)
                        if sent_at is not None:
                            stats.delivery.append(time.perf_counter() - sent_at)
                            stats.received += 1
                        reply_id = "a" + m["client_id"][1:]
                        pending[(data["conversation"], reply_id)] = time.perf_counter()
                        pending[("ack", data["conversation"], reply_id)] = time.perf_counter()
                        stats.sent += 1
                        reply = {
                            "type": "message",
                            "conversation": data["conversation"],
                            "client_id": reply_id,
                            "text": f"Réponse à : {m['text']}",
                        }
                        await ws.send(json.dumps(reply))
                    if kind == "ack":
                        started = pending.pop(("ack", data["conversation"], data["client_id"]), None)
                        if started is not None:
                            stats.ack.append(time.perf_counter() - started)
                    elif kind == "error":
                        stats.errors.append(f"adviser: {data.get('error')}")
            except Exception as error:
                if not done.is_set():
                    stats.errors.append(f"adviser socket: {error!r}")
            finally:
                reader_done.set()

        task = asyncio.create_task(reader())
        await done.wait()
        await ws.close()
        await reader_done.wait()
        task.cancel()

    async def visitor(conversation_id, token):
        await asyncio.sleep(random.uniform(0, args.ramp))  # arrivals spread over the ramp
        try:
            ws = await connect(f"ws://127.0.0.1:{port}/ws/contact/c/?cle={token}&after=0", origin=origin)
        except Exception as error:
            stats.errors.append(f"visitor connect: {error!r}")
            return
        got_reply = asyncio.Event()
        expected = {}

        async def reader():
            try:
                async for raw in ws:
                    data = json.loads(raw)
                    if data["type"] == "ack":
                        started = expected.pop(data["client_id"], None)
                        if started is not None:
                            stats.ack.append(time.perf_counter() - started)
                    elif data["type"] == "message" and data["message"]["author"] == "adviser":
                        key = (conversation_id, data["message"]["client_id"])
                        sent_at = pending.pop(key, None)
                        if sent_at is not None:
                            stats.delivery.append(time.perf_counter() - sent_at)
                            stats.received += 1
                            got_reply.set()
                    elif data["type"] == "error":
                        stats.errors.append(f"visitor: {data.get('error')}")
            except Exception as error:
                stats.errors.append(f"visitor socket: {error!r}")

        task = asyncio.create_task(reader())
        try:
            for i in range(args.messages):
                client_id = f"v{i:03d}{secrets.token_hex(4)}"
                got_reply.clear()
                now = time.perf_counter()
                pending[(conversation_id, client_id)] = now
                expected[client_id] = now
                stats.sent += 1
                await ws.send(json.dumps({"type": "message", "client_id": client_id, "text": f"Question {i}"}))
                try:
                    await asyncio.wait_for(got_reply.wait(), args.timeout)
                except TimeoutError:
                    stats.errors.append(f"conversation {conversation_id}: no answer within {args.timeout} s")
                await asyncio.sleep(args.interval * random.uniform(0.5, 1.5))
        finally:
            await ws.close()
            task.cancel()
            remaining[0] -= 1
            if remaining[0] == 0:
                done.set()

    started = time.perf_counter()
    adviser_tasks = [asyncio.create_task(adviser(key, mine)) for key, mine in advisers]
    for _ in [a for a in advisers if a[1]]:  # advisers at their desks, watching their conversations
        await asyncio.wait_for(ready.acquire(), 60)
    started = time.perf_counter()
    await asyncio.gather(*(visitor(cid, token) for cid, token in conversations))
    done.set()
    await asyncio.gather(*adviser_tasks, return_exceptions=True)
    return stats, time.perf_counter() - started


def stored_counts(conversations):
    from django.db.models import Count

    from hent.contact.models import Message

    rows = (
        Message.objects.filter(conversation_id__in=[c for c, _ in conversations])
        .exclude(author="system")
        .values("author")
        .annotate(n=Count("id"))
    )
    return {r["author"]: r["n"] for r in rows}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--conversations", type=int, default=200)
    parser.add_argument("--messages", type=int, default=5, help="messages the visitor sends (each one answered)")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between a reply and the next question")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which the visitors arrive")
    parser.add_argument("--structures", type=int, default=10)
    parser.add_argument("--advisers-per-structure", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers (more than 1 needs REDIS_URL)")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--profile-server", default="", help="write the server's cProfile statistics here")
    parser.add_argument("--database-url", default="", help="an empty PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    if args.workers > 1 and not os.environ.get("REDIS_URL"):
        sys.exit("several workers share conversations only through Redis: set REDIS_URL")

    with tempfile.TemporaryDirectory(prefix="hent-chat-bench-") as tmp:
        var_dir = Path(tmp)
        if os.environ.get("REDIS_URL"):
            os.environ["HENT_CHANNELS_PREFIX"] = f"hent-bench-{secrets.token_hex(4)}"
        advisers, conversations = setup_database(args, var_dir)
        port = free_port()
        server = start_server(args, var_dir, port)
        try:
            stats, elapsed = asyncio.run(run_load(args, port, advisers, conversations))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
        stored = stored_counts(conversations)

    expected = args.conversations * args.messages
    lost = 2 * expected - stats.received
    missing_in_db = 2 * expected - stored.get("visitor", 0) - stored.get("adviser", 0)
    layer = "Redis" if os.environ.get("REDIS_URL") else "in-memory"
    database = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
    ms = [d * 1000 for d in stats.delivery]
    acks = [d * 1000 for d in stats.ack]
    print(
        f"{args.conversations} concurrent conversations, {args.messages} messages each way, "
        f"{args.structures} structures x {args.advisers_per_structure} advisers; {database}, {layer} channel layer, "
        f"{args.workers} uvicorn worker(s)"
    )
    print(f"messages sent {stats.sent}, delivered {stats.received}, in {elapsed:.1f} s ({stats.sent / elapsed:.0f}/s)")
    if ms:
        print(
            f"delivery latency: median {statistics.median(ms):.1f} ms, p95 {percentile(ms, 0.95):.1f} ms, "
            f"max {max(ms):.1f} ms"
        )
    if acks:
        print(f"ack latency:      median {statistics.median(acks):.1f} ms, p95 {percentile(acks, 0.95):.1f} ms")
    print(f"errors: {len(stats.errors)}; lost (not delivered): {lost}; missing in the database: {missing_in_db}")
    for error in stats.errors[:10]:
        print("  ", error)
    ok = not stats.errors and lost == 0 and missing_in_db == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
