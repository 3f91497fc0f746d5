"""Sign-in with a password then a TOTP code; enrolment; logout; session flags."""

import re

import pytest

from hent.staff import totp
from hent.staff.decorators import VERIFIED_AT_KEY
from hent.staff.models import AuditEntry, Role, StaffProfile

from .conftest import PASSWORD, current_code, next_code, secret_of, sign_in

pytestmark = pytest.mark.django_db


def test_rfc6238_reference_codes():
    # RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (8-digit codes; we use the last 6).
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp.code_at(secret, 59 // 30, digits=8) == "94287082"
    assert totp.code_at(secret, 1111111109 // 30, digits=8) == "07081804"
    assert totp.code_at(secret, 1234567890 // 30) == "005924"


def test_code_accepted_one_step_either_side_only():
    secret = totp.generate_secret()
    now = 1_700_000_000
    step = totp.current_step(now)
    for offset in (-1, 0, 1):
        assert totp.matching_step(secret, totp.code_at(secret, step + offset), now=now) == step + offset
    for offset in (-3, -2, 2, 3):
        assert totp.matching_step(secret, totp.code_at(secret, step + offset), now=now) is None
    assert totp.matching_step(secret, "12a456", now=now) is None
    spaced = totp.code_at(secret, step)
    assert totp.matching_step(secret, f"{spaced[:3]} {spaced[3:]}", now=now) == step


def test_login_with_password_then_code(client, adviser_a):
    response = client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/equipe/connexion/code/"
    # After the password alone, the staff pages are still closed.
    assert client.get("/equipe/").status_code == 302
    response = client.post("/equipe/connexion/code/", {"code": current_code(adviser_a)})
    assert response.status_code == 302 and response["Location"] == "/equipe/"
    home = client.get("/equipe/")
    assert home.status_code == 200
    assert "Conversations et demandes de rappel" in home.content.decode()
    assert 'href="/contact/equipe/"' in home.content.decode()
    assert "no-store" in home["Cache-Control"]
    assert AuditEntry.objects.filter(action="login", user=adviser_a).count() == 1


def test_login_redirects_to_a_safe_next_only(client, adviser_a):
    response = sign_in(client, adviser_a, next_url="/contact/equipe/")
    assert response["Location"] == "/contact/equipe/"
    client.logout()
    response = sign_in(client, adviser_a, next_url="https://evil.example/")
    assert response["Location"] == "/equipe/"


def test_wrong_password_is_refused_without_saying_which_part(client, adviser_a):
    wrong = client.post("/equipe/connexion/", {"username": "alice", "password": "pas le bon"})
    unknown = client.post("/equipe/connexion/", {"username": "nobody", "password": "pas le bon"})
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "Identifiant ou mot de passe incorrect." in response.content.decode()
    assert "staff_pending" not in client.session


def test_wrong_code_is_refused(client, adviser_a):
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    good = current_code(adviser_a)
    bad = f"{(int(good) + 1) % 1_000_000:06d}"
    response = client.post("/equipe/connexion/code/", {"code": bad})
    assert response.status_code == 400
    assert "pas valable" in response.content.decode()
    assert client.get("/equipe/").status_code == 302
    response = client.post("/equipe/connexion/code/", {"code": "abcdef"})
    assert response.status_code == 400
    assert "6 chiffres" in response.content.decode()
    assert AuditEntry.objects.filter(action="login_code_failed", user=adviser_a).count() == 2


def test_code_page_without_password_step_sends_back_to_login(client, adviser_a):
    response = client.post("/equipe/connexion/code/", {"code": current_code(adviser_a)})
    assert response.status_code == 302 and response["Location"] == "/equipe/connexion/"
    assert client.get("/equipe/").status_code == 302


def test_replayed_code_is_refused(client, adviser_a, django_user_model):
    code = current_code(adviser_a)
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert client.post("/equipe/connexion/code/", {"code": code}).status_code == 302
    client.logout()
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    response = client.post("/equipe/connexion/code/", {"code": code})
    assert response.status_code == 400
    assert "déjà servi" in response.content.decode()
    # The next code still works.
    assert client.post("/equipe/connexion/code/", {"code": next_code(adviser_a)}).status_code == 302


def test_first_login_enrols_the_second_factor(client, make_staff, structures):
    user = make_staff("claire", Role.MANAGER, structures[0], enrolled=False)
    response = client.post("/equipe/connexion/", {"username": "claire", "password": PASSWORD})
    assert response["Location"] == "/equipe/connexion/activation/"
    page = client.get("/equipe/connexion/activation/")
    html = page.content.decode()
    assert page.status_code == 200
    secret = secret_of(user)
    assert secret and re.sub(r"\s", "", re.search(r'class="staff-secret"[^>]*>([^<]+)<', html).group(1)) == secret
    assert '<svg role="img"' in html and "<title>" in html  # the QR code, drawn on the server
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")
    # The same secret on reload, until confirmed.
    client.get("/equipe/connexion/activation/")
    assert secret_of(user) == secret
    # The code page does not work before enrolment.
    assert client.get("/equipe/connexion/code/")["Location"] == "/equipe/connexion/activation/"
    response = client.post("/equipe/connexion/activation/", {"code": current_code(user)})
    assert response.status_code == 302 and response["Location"] == "/equipe/"
    assert StaffProfile.objects.get(user=user).totp_enrolled
    assert client.get("/equipe/").status_code == 200
    assert AuditEntry.objects.filter(action="second_factor_enrolled", user=user).exists()
    # Once enrolled, the activation page is no longer offered.
    client.logout()
    client.post("/equipe/connexion/", {"username": "claire", "password": PASSWORD})
    assert client.get("/equipe/connexion/activation/")["Location"] == "/equipe/connexion/code/"


def test_account_without_staff_role_cannot_sign_in(client, django_user_model):
    django_user_model.objects.create_user(username="public", password=PASSWORD)
    response = client.post("/equipe/connexion/", {"username": "public", "password": PASSWORD})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect." in response.content.decode()


def test_inactive_account_cannot_sign_in(client, adviser_a):
    adviser_a.is_active = False
    adviser_a.save()
    response = client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert "Identifiant ou mot de passe incorrect." in response.content.decode()


def test_superuser_without_profile_signs_in_as_administrator(client, django_user_model):
    django_user_model.objects.create_superuser(username="root", password=PASSWORD, email="root@example.org")
    response = client.post("/equipe/connexion/", {"username": "root", "password": PASSWORD})
    assert response["Location"] == "/equipe/connexion/activation/"
    assert StaffProfile.objects.get(user__username="root").role == Role.ADMIN


def test_logout_ends_the_staff_session(client, adviser_a):
    sign_in(client, adviser_a)
    assert client.get("/equipe/").status_code == 200
    response = client.post("/equipe/deconnexion/")
    assert response.status_code == 302
    assert client.get("/equipe/").status_code == 302
    assert AuditEntry.objects.filter(action="logout", user=adviser_a).exists()


def test_staff_session_ends_with_the_browser_and_after_its_lifetime(client, adviser_a, settings):
    sign_in(client, adviser_a)
    assert client.session.get_expire_at_browser_close()
    session = client.session
    session[VERIFIED_AT_KEY] -= settings.HENT_STAFF_SESSION_SECONDS + 1
    session.save()
    assert client.get("/equipe/").status_code == 302


def test_login_requires_csrf_token(adviser_a):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403


def test_hostile_input_gets_a_clear_page(client, adviser_a):
    response = client.post("/equipe/connexion/", {"username": "a\x00" * 500, "password": "x" * 5000})
    assert response.status_code == 200
    response = client.post("/equipe/connexion/", {"username": "", "password": ""})
    assert response.status_code == 200
    assert "obligatoire" in response.content.decode()
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    assert client.post("/equipe/connexion/code/", {"code": "1" * 5000}).status_code == 400
