"""A structure manager manages the advisers of their own structure, and no one else's."""

import re

import pytest
from django.core import mail

from hent.staff.models import AuditEntry, Role, StaffProfile

from .conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager_a(make_staff, structures):
    return make_staff("marc", Role.MANAGER, structures[0])


def test_manager_adds_an_adviser_who_gets_a_set_password_link(client, manager_a, structures, django_user_model):
    sign_in(client, manager_a)
    assert "/equipe/conseillers/" in client.get("/equipe/").content.decode()
    response = client.post(
        "/equipe/conseillers/", {"username": "nina", "email": "nina@example.org", "first_name": "Nina"}
    )
    assert response.status_code == 302
    profile = StaffProfile.objects.get(user__username="nina")
    assert profile.role == "adviser" and profile.structure == structures[0]
    assert not profile.user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@example.org"]
    link = re.search(r"http://testserver(/equipe/mot-de-passe/\S+/)", mail.outbox[0].body).group(1)
    assert AuditEntry.objects.filter(action="adviser_created", object_id=str(profile.pk)).exists()
    client.logout()
    assert "Choisir un mot de passe" in client.get(link, follow=True).content.decode()


def test_manager_form_errors_are_clear(client, manager_a, adviser_a):
    sign_in(client, manager_a)
    response = client.post("/equipe/conseillers/", {"username": "ALICE", "email": "pas-une-adresse"})
    html = response.content.decode()
    assert response.status_code == 200 and "déjà pris" in html and 'aria-invalid="true"' in html
    response = client.post("/equipe/conseillers/", {"username": "a b/c", "email": "x@example.org"})
    assert "Lettres, chiffres" in response.content.decode()


def test_manager_sees_and_acts_only_on_their_own_advisers(client, manager_a, adviser_a, adviser_b):
    sign_in(client, manager_a)
    html = client.get("/equipe/conseillers/").content.decode()
    assert "alice" in html and "bruno" not in html
    # Deactivating an adviser of another structure is refused, and changes nothing.
    client.post("/equipe/conseillers/", {"action": "deactivate", "profile": adviser_b.staff_profile.pk})
    adviser_b.refresh_from_db()
    assert adviser_b.is_active
    # Their own adviser: deactivated, then the second factor reset, then reactivated.
    client.post("/equipe/conseillers/", {"action": "deactivate", "profile": adviser_a.staff_profile.pk})
    adviser_a.refresh_from_db()
    assert not adviser_a.is_active
    client.post("/equipe/conseillers/", {"action": "reset_second_factor", "profile": adviser_a.staff_profile.pk})
    assert not StaffProfile.objects.get(user=adviser_a).totp_enrolled
    client.post("/equipe/conseillers/", {"action": "activate", "profile": adviser_a.staff_profile.pk})
    adviser_a.refresh_from_db()
    assert adviser_a.is_active
    assert AuditEntry.objects.filter(action="adviser_deactivate").count() == 1


@pytest.mark.parametrize("profile", ["", "abc", "999999", "-1"])
def test_bad_team_actions_give_a_message(client, manager_a, profile):
    sign_in(client, manager_a)
    response = client.post("/equipe/conseillers/", {"action": "deactivate", "profile": profile}, follow=True)
    assert response.status_code == 200
    assert "ne fait pas partie" in response.content.decode()


@pytest.mark.parametrize("role", [Role.ADVISER, Role.EDITOR, Role.ADMIN])
def test_other_roles_have_no_team_page(client, make_staff, structures, role):
    user = make_staff("someone", role, structures[0] if role == Role.ADVISER else None)
    sign_in(client, user)
    assert client.get("/equipe/conseillers/").status_code == 403
