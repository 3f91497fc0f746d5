"""The audit log: who did what to which object, never the personal data itself."""

import pytest
from django.test import RequestFactory

from hent.staff import audit
from hent.staff.models import AuditEntry, Role

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_and_object_reference_only(structures, adviser_a):
    request = RequestFactory().get("/contact/equipe/conversations/1/")
    request.user = adviser_a
    entry = audit.record(request, "conversation_opened", obj=structures[0], detail="transcript")
    entry.refresh_from_db()
    assert entry.user == adviser_a and entry.username == "alice"
    assert entry.action == "conversation_opened"
    assert entry.object_type == "guidance.structure" and entry.object_id == str(structures[0].pk)
    assert entry.detail == "transcript"
    assert entry.created_at is not None


def test_record_bounds_its_fields(adviser_a):
    request = RequestFactory().get("/")
    request.user = adviser_a
    entry = audit.record(request, "x" * 500, detail="y" * 5000)
    entry.refresh_from_db()
    assert len(entry.action) == 64 and len(entry.detail) == 255


def test_sign_in_events_are_logged_without_passwords_or_codes(client, adviser_a):
    client.post("/equipe/connexion/", {"username": "alice", "password": "mauvais mot de passe"})
    client.post("/equipe/connexion/", {"username": "inconnu", "password": "autre essai"})
    client.post("/equipe/connexion/", {"username": "alice", "password": PASSWORD})
    client.post("/equipe/connexion/code/", {"code": "000000"})
    client.logout()
    sign_in(client, adviser_a)
    client.post("/equipe/deconnexion/")
    actions = list(AuditEntry.objects.order_by("id").values_list("action", "username"))
    assert actions[:3] == [("login_failed", "alice"), ("login_failed", ""), ("login_code_failed", "alice")]
    assert ("login", "alice") in actions and ("logout", "alice") in actions
    dump = " ".join(
        f"{e.username} {e.action} {e.object_type} {e.object_id} {e.detail}" for e in AuditEntry.objects.all()
    )
    for secret in ("mauvais", "autre essai", PASSWORD, "000000", "inconnu"):
        assert secret not in dump


def test_audit_entries_are_read_only_in_the_admin(client, make_staff):
    admin = make_staff("ada", Role.ADMIN)
    sign_in(client, admin)
    entry = AuditEntry.objects.first()
    assert client.get(f"/gestion/staff/auditentry/{entry.pk}/change/").status_code == 200
    assert client.post(f"/gestion/staff/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    assert client.get("/gestion/staff/auditentry/add/").status_code == 403
