"""Staff pages and the Django admin refuse access without the second factor; roles see what they may."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from hent.staff.decorators import staff_required
from hent.staff.models import AuditEntry, Role

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/equipe/", "/equipe/journal/", "/equipe/mot-de-passe/changer/"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_pages_send_anonymous_visitors_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/equipe/connexion/?next=")


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_pages_refuse_a_password_only_session(client, make_staff, path):
    admin = make_staff("ada", Role.ADMIN)
    client.force_login(admin)  # logged in, but no second factor in this session
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/equipe/connexion/")
    # After the password step of the real form too.
    client.logout()
    client.post("/equipe/connexion/", {"username": "ada", "password": PASSWORD})
    assert client.get(path).status_code == 302


def test_admin_refuses_access_without_the_second_factor(client, make_staff):
    admin = make_staff("ada", Role.ADMIN)
    client.force_login(admin)
    response = client.get("/gestion/")
    assert response.status_code == 302 and response["Location"].startswith("/gestion/login/")
    # The admin's own login page hands over to the staff sign-in, keeping where to go back to.
    response = client.get("/gestion/login/?next=/gestion/")
    assert response.status_code == 302 and response["Location"] == "/equipe/connexion/?next=%2Fgestion%2F"
    # Posting a password to the admin's login does not get around the second factor.
    client.logout()
    client.post("/gestion/login/?next=/gestion/", {"username": "ada", "password": PASSWORD})
    assert client.get("/gestion/").status_code == 302
    assert client.get("/gestion/staff/auditentry/").status_code == 302


def test_admin_opens_after_both_factors(client, make_staff):
    admin = make_staff("ada", Role.ADMIN)
    response = sign_in(client, admin, next_url="/gestion/")
    assert response["Location"] == "/gestion/"
    assert client.get("/gestion/").status_code == 200
    assert client.get("/gestion/staff/auditentry/").status_code == 200
    assert client.get("/gestion/staff/staffprofile/").status_code == 200


def test_adviser_has_no_admin_and_no_redirect_loop(client, adviser_a):
    sign_in(client, adviser_a)
    response = client.get("/gestion/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2


def test_editor_reaches_the_directory_but_not_accounts_or_journal(client, make_staff):
    editor = make_staff("emma", Role.EDITOR)
    sign_in(client, editor)
    assert client.get("/gestion/").status_code == 200
    assert client.get("/gestion/staff/staffprofile/").status_code == 403
    assert client.get("/gestion/staff/auditentry/").status_code == 403
    assert client.get("/equipe/journal/").status_code == 403
    home = client.get("/equipe/").content.decode()
    assert "/equipe/journal/" not in home and "Gestion (back-office)" in home


def test_adviser_home_lists_queue_not_admin_or_journal(client, adviser_a):
    sign_in(client, adviser_a)
    home = client.get("/equipe/").content.decode()
    assert "/contact/equipe/" in home
    assert "/gestion/" not in home and "/equipe/journal/" not in home
    assert client.get("/equipe/journal/").status_code == 403


def test_account_without_role_is_refused_even_when_verified(rf_session, django_user_model):
    user = django_user_model.objects.create_user(username="nobody", password=PASSWORD)
    request = rf_session(user, verified=True)

    @staff_required
    def view(request):
        return HttpResponse("secret")

    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        view(request)


def test_deactivated_account_loses_access_at_once(client, adviser_a):
    sign_in(client, adviser_a)
    adviser_a.is_active = False
    adviser_a.save()
    assert client.get("/equipe/").status_code == 302


def test_verified_flag_is_bound_to_the_user(client, adviser_a, adviser_b):
    sign_in(client, adviser_a)
    session_key = client.session.session_key
    # Another user logged into the same session (without the second factor) does not inherit the flag.
    client.force_login(adviser_b)
    assert client.get("/equipe/").status_code == 302
    assert client.session.session_key != session_key


@pytest.fixture
def rf_session(db):
    from django.contrib.sessions.backends.db import SessionStore

    from hent.staff.decorators import mark_verified

    def make(user, verified):
        request = RequestFactory().get("/equipe/")
        request.session = SessionStore()
        request.user = user
        if verified:
            mark_verified(request)
        return request

    return make


def test_journal_filters_by_user_and_date(client, make_staff, adviser_a):
    admin = make_staff("ada", Role.ADMIN)
    AuditEntry.objects.create(
        user=adviser_a,
        username="alice",
        action="conversation_opened",
        object_type="contact.conversation",
        object_id="12",
    )
    old = AuditEntry.objects.create(user=adviser_a, username="alice", action="request_opened")
    AuditEntry.objects.filter(pk=old.pk).update(created_at="2020-03-01T10:00:00Z")
    sign_in(client, admin)
    html = client.get("/equipe/journal/?user=alice").content.decode()
    assert "conversation_opened" in html and "contact.conversation 12" in html and "request_opened" in html
    html = client.get("/equipe/journal/?user=alice&start=2021-01-01").content.decode()
    assert "request_opened</td>" not in html and "conversation_opened</td>" in html
    html = client.get("/equipe/journal/?user=alice&end=2020-12-31").content.decode()
    assert "request_opened</td>" in html and "conversation_opened</td>" not in html
    html = client.get("/equipe/journal/?user=ada").content.decode()
    assert "conversation_opened</td>" not in html and "login</td>" in html


@pytest.mark.parametrize(
    "query", ["start=pas-une-date", "start=2024-05-01&end=2024-01-01", "page=9999", "page=abc", "user=%00%01"]
)
def test_journal_bad_filters_give_a_page_not_an_error(client, make_staff, query):
    admin = make_staff("ada", Role.ADMIN)
    sign_in(client, admin)
    response = client.get(f"/equipe/journal/?{query}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    if "end=" in query:
        assert "La date de début est après la date de fin." in response.content.decode()
