"""Who may read what: advisers see only their structure, visitors only their own conversation, tokens
cannot be guessed, staff pages need the second factor."""

import hashlib
import math
from collections import Counter

import pytest
from django.test import Client

from hent.contact import services
from hent.contact.models import CallbackRequest, Conversation
from tests.contact.conftest import verified_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_conversations(structures, adviser_a, adviser_b):
    in_a, token_a, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    in_b, token_b, _ = services.create_conversation(topic="emploi", situation="jeunes_16_25", department="29")
    services.post_message(in_b.pk, "visitor", "secret de B", "m1")
    assert in_a.structure == structures[0] and in_b.structure == structures[1]
    return in_a, token_a, in_b, token_b


def test_an_adviser_of_a_cannot_read_or_act_on_b(two_conversations, adviser_a):
    in_a, _ta, in_b, _tb = two_conversations
    callback_b, _t, _ = services.create_callback(
        name="Bob", phone="0600000000", availability="x", topic="emploi", situation="jeunes_16_25", department="29"
    )
    client = verified_client(adviser_a)
    queue = client.get("/contact/equipe/").content.decode()
    assert f"/contact/equipe/c/{in_a.pk}/" in queue and f"/contact/equipe/c/{in_b.pk}/" not in queue
    assert f"/contact/equipe/rappels/{callback_b.pk}/" not in queue
    for url in (f"/contact/equipe/c/{in_b.pk}/", f"/contact/equipe/rappels/{callback_b.pk}/"):
        assert client.get(url).status_code == 404
    for action in ("repondre", "prendre", "terminer", "orienter"):
        assert (
            client.post(f"/contact/equipe/c/{in_b.pk}/{action}/", {"text": "intrus", "structure": 1}).status_code == 404
        )
    assert client.post(f"/contact/equipe/rappels/{callback_b.pk}/", {"status": "done"}).status_code == 404
    in_b.refresh_from_db()
    assert in_b.status != Conversation.Status.CLOSED and not in_b.messages.filter(text="intrus").exists()
    assert CallbackRequest.objects.get(pk=callback_b.pk).status == "new"


def test_the_region_editor_sees_every_structure(two_conversations, editor):
    _a, _ta, in_b, _tb = two_conversations
    assert "secret de B" in verified_client(editor).get(f"/contact/equipe/c/{in_b.pk}/").content.decode()


def test_staff_pages_refuse_without_the_second_factor(two_conversations, adviser_a):
    in_a, *_ = two_conversations
    password_only = Client()
    password_only.force_login(adviser_a)  # first factor only
    for url in ("/contact/equipe/", f"/contact/equipe/c/{in_a.pk}/", "/contact/equipe/activite/"):
        response = password_only.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/equipe/connexion/")
    assert Client().get("/contact/equipe/").status_code == 302


def test_a_visitor_reads_only_their_own_conversation(two_conversations):
    _a, token_a, in_b, _token_b = two_conversations
    page = Client().get(f"/contact/c/?cle={token_a}").content.decode()
    assert "secret de B" not in page
    # A visitor cannot post into another conversation by changing anything but the token.
    Client().post("/contact/c/envoyer/", {"cle": token_a, "text": "à A", "client_id": "m1", "conversation": in_b.pk})
    assert in_b.messages.filter(text="à A").count() == 0


def test_tokens_cannot_be_guessed(two_conversations):
    _a, _token_a, in_b, token_b = two_conversations
    # 32 random bytes: 43 URL-safe characters, different each time, with no visible structure.
    tokens = [services.new_token() for _ in range(200)]
    assert len(set(tokens)) == 200 and all(len(t) == 43 for t in tokens)
    counts = Counter("".join(tokens))
    entropy = -sum(n / sum(counts.values()) * math.log2(n / sum(counts.values())) for n in counts.values())
    assert entropy > 5.8  # near log2(64) = 6 bits per character
    # Only the hash is stored: the database does not hold the link.
    assert in_b.token_hash == hashlib.sha256(token_b.encode()).hexdigest()
    assert not Conversation.objects.filter(token_hash=token_b).exists()
    # Wrong, truncated, altered, or hash-as-token: the same neutral 404.
    for wrong in (token_b[:-1], token_b[:-1] + ("A" if token_b[-1] != "A" else "B"), in_b.token_hash, "", "x" * 43):
        assert Client().get("/contact/c/", {"cle": wrong}).status_code == 404
        assert services.conversation_by_token(wrong) is None


def test_new_conversations_and_requests_are_limited_per_visitor_address(structures, settings, monkeypatch):
    """Conversations and call-back requests count together per address and hour; another visitor is not affected,
    even behind the same reverse proxy of ours (HENT_TRUSTED_PROXIES: the address the proxy saw counts)."""
    from hent.contact import views

    monkeypatch.setattr(views, "CREATION_LIMIT_PER_HOUR", 3)
    form = {"situation": "lyceens", "department": "35", "topic": "metier"}
    callback = {**form, "name": "A", "phone": "0600000000", "availability": "lundi"}
    visitor = Client(REMOTE_ADDR="203.0.113.5")
    assert [visitor.post("/contact/", form).status_code for _ in range(2)] == [302, 302]
    assert visitor.post("/contact/rappel/", callback).status_code == 302
    refused = visitor.post("/contact/", form)
    assert refused.status_code == 429 and Conversation.objects.count() == 2
    assert Client(REMOTE_ADDR="198.51.100.8").post("/contact/", form).status_code == 302

    settings.HENT_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    first = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.10")
    # A forged left-hand entry does not make a new visitor: the entry our proxy added counts.
    forged = [Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 192.0.2.10") for i in range(3)]
    assert [c.post("/contact/", form).status_code for c in [first, *forged]] == [302, 302, 302, 429]
    assert Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.11").post("/contact/", form).status_code == 302
