"""Password reset by e-mail, password change, and the e-mail settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail

from hent.staff.models import AuditEntry, LoginLock

from .conftest import PASSWORD, fresh_code

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un tout nouveau mot de passe 2024"


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/equipe/mot-de-passe/[^\s]+/)", message.body).group(1)


def test_reset_email_is_sent_in_french_and_the_link_works_once(client, adviser_a):
    response = client.post("/equipe/mot-de-passe/", {"email": "ALICE@example.org"})
    assert response.status_code == 302 and response["Location"] == "/equipe/mot-de-passe/envoye/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "nouveau mot de passe" in message.subject and "Bonjour" in message.body
    link = reset_link(message)

    page = client.get(link, follow=True)
    assert page.status_code == 200 and "Choisir un mot de passe" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/equipe/mot-de-passe/termine/"
    assert AuditEntry.objects.filter(action="password_reset", user=adviser_a).exists()

    # The new password works (then the second factor is still asked), the old one does not.
    assert client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD}).status_code == 200
    response = client.post("/equipe/connexion/", {"username": "alice", "password": NEW_PASSWORD})
    assert response["Location"] == "/equipe/connexion/code/"

    # The link does not work a second time.
    client.logout()
    page = client.get(link, follow=True)
    assert "plus valable" in page.content.decode()


def test_reset_for_unknown_or_non_staff_address_sends_nothing_and_says_the_same(client, django_user_model, adviser_a):
    django_user_model.objects.create_user(username="public", password=PASSWORD, email="public@example.org")
    known = client.post("/equipe/mot-de-passe/", {"email": "alice@example.org"})
    for email in ("nobody@example.org", "public@example.org"):
        response = client.post("/equipe/mot-de-passe/", {"email": email})
        assert response["Location"] == known["Location"]
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]


def test_reset_lifts_the_lockout(client, adviser_a):
    for _ in range(5):
        client.post("/equipe/connexion/", {"username": "alice", "password": "faux"})
    assert LoginLock.objects.exists()
    client.post("/equipe/mot-de-passe/", {"email": "alice@example.org"})
    page = client.get(reset_link(mail.outbox[0]), follow=True)
    client.post(page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    response = client.post("/equipe/connexion/", {"username": "alice", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_reset_rejects_weak_passwords_with_a_message(client, adviser_a):
    client.post("/equipe/mot-de-passe/", {"email": "alice@example.org"})
    page = client.get(reset_link(mail.outbox[0]), follow=True)
    response = client.post(page.redirect_chain[-1][0], {"new_password1": "court", "new_password2": "court"})
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()


def test_bad_reset_input_gets_a_message(client):
    response = client.post("/equipe/mot-de-passe/", {"email": "pas-une-adresse"})
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    assert client.get("/equipe/mot-de-passe/xx/yy-zz/", follow=True).status_code == 200


def test_password_change_keeps_the_staff_session(client, adviser_a):
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    client.post("/equipe/connexion/code/", {"code": fresh_code(adviser_a)})
    response = client.post(
        "/equipe/mot-de-passe/changer/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/equipe/").status_code == 200
    assert AuditEntry.objects.filter(action="password_changed", user=adviser_a).exists()


REPO = Path(__file__).resolve().parents[2]


def email_backend(**env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "HENT_EMAIL"))}
    result = subprocess.run(
        [sys.executable, "-c", "from config import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_FILE_PATH)"],
        cwd=REPO,
        env={**environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_email_never_goes_to_the_console_by_default(tmp_path):
    backend, path = email_backend(HENT_VAR_DIR=str(tmp_path), HENT_SECRET_KEY="x")
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert path == str(tmp_path / "mail")
    backend, _ = email_backend(HENT_VAR_DIR=str(tmp_path), HENT_SECRET_KEY="x", EMAIL_HOST="smtp.example.org")
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
