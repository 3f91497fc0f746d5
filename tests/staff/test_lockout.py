"""Lockout after repeated failures, per username and per client, without revealing which usernames exist."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from hent.staff.models import AuditEntry, LoginFailure, LoginLock

from .conftest import PASSWORD, current_code, fresh_code

pytestmark = pytest.mark.django_db

LOCK_TEXT = "Trop de tentatives de connexion"


def fail(client, username, address="192.0.2.10"):
    return client.post("/equipe/connexion/", {"username": username, "password": "mauvais"}, REMOTE_ADDR=address)


def test_username_locked_after_five_failures_even_with_the_right_password(client, adviser_a):
    for _ in range(4):
        assert LOCK_TEXT not in fail(client, "alice").content.decode()
    fifth = fail(client, "alice")
    assert fifth.status_code == 429 and LOCK_TEXT in fifth.content.decode()
    assert "15 minutes" in fifth.content.decode()
    # Now even the right password is refused, from any address.
    response = client.post(
        "/equipe/connexion/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 429 and LOCK_TEXT in response.content.decode()
    assert "staff_pending" not in client.session
    # Other accounts are not affected.
    assert fail(client, "someone-else", address="198.51.100.7").status_code == 200


def test_lock_ends_after_its_duration(client, adviser_a):
    for _ in range(5):
        fail(client, "alice")
    LoginLock.objects.update(until=timezone.now() - timedelta(seconds=1))
    response = client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302


def test_failures_older_than_the_window_do_not_count(client, adviser_a):
    for _ in range(4):
        fail(client, "alice")
    LoginFailure.objects.update(created_at=timezone.now() - timedelta(minutes=16))
    assert fail(client, "alice").status_code == 200  # 1 recent failure, not 5


def test_success_resets_the_username_count(client, adviser_a):
    for _ in range(4):
        fail(client, "alice")
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    client.post("/equipe/connexion/code/", {"code": fresh_code(adviser_a)})
    client.logout()
    for _ in range(4):
        assert fail(client, "alice").status_code == 200


def test_wrong_codes_count_towards_the_lock(client, adviser_a):
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    bad = f"{(int(current_code(adviser_a)) + 1) % 1_000_000:06d}"
    for _ in range(4):
        assert client.post("/equipe/connexion/code/", {"code": bad}).status_code == 400
    response = client.post("/equipe/connexion/code/", {"code": bad}, follow=True)
    assert LOCK_TEXT in response.content.decode()
    # The pending sign-in is dropped, and a good code cannot be tried any more.
    response = client.post("/equipe/connexion/code/", {"code": current_code(adviser_a)})
    assert response["Location"] == "/equipe/connexion/"
    assert client.get("/equipe/").status_code == 302


def page_text(response, username):
    """The page as a person sees it, with the username typed and the per-request CSRF token left out."""
    html = response.content.decode().replace(username, "X")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_lock_message_does_not_reveal_whether_the_username_exists(client, adviser_a):
    existing = [fail(client, "alice", address="192.0.2.1") for _ in range(6)]
    unknown = [fail(client, "nobody-here", address="192.0.2.2") for _ in range(6)]
    for a, b in zip(existing, unknown, strict=True):
        assert a.status_code == b.status_code
        assert page_text(a, "alice") == page_text(b, "nobody-here")


def test_client_locked_after_many_failures_on_different_usernames(client, adviser_a, settings):
    settings.HENT_STAFF_LOCKOUT_CLIENT_FAILURES = 8
    for i in range(7):
        assert fail(client, f"guess{i}", address="203.0.113.9").status_code == 200
    assert fail(client, "guess-last", address="203.0.113.9").status_code == 429
    # Even a real account with its right password is refused from that client...
    response = client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    # ...but not from another one.
    response = client.post(
        "/equipe/connexion/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="203.0.113.10"
    )
    assert response.status_code == 302


def test_no_raw_address_or_unknown_username_is_stored(client, adviser_a):
    for _ in range(6):
        fail(client, "secret-guess", address="203.0.113.77")
    stored = [*LoginFailure.objects.values_list("key", flat=True), *LoginLock.objects.values_list("key", flat=True)]
    assert stored
    for key in stored:
        assert "203.0.113" not in key and "secret-guess" not in key and len(key) == 64
    for entry in AuditEntry.objects.all():
        assert "secret-guess" not in f"{entry.username} {entry.detail} {entry.object_id}"
        assert "203.0.113" not in entry.detail


def test_lockout_threshold_is_configurable(client, adviser_a, settings):
    settings.HENT_STAFF_LOCKOUT_FAILURES = 2
    assert fail(client, "alice").status_code == 200
    assert fail(client, "alice").status_code == 429
