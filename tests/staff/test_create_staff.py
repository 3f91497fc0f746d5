"""The create_staff command: an account with no password, a one-time link to choose one."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hent.staff.models import StaffProfile

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("create_staff", *args, stdout=out)
    return out.getvalue()


def test_creates_an_adviser_with_a_set_password_link(client, structures, django_user_model, caplog):
    output = run("lea", "--role", "adviser", "--structure", "cio-rennes", "--email", "lea@example.org",
                 "--base-url", "https://hent.example.org")  # fmt: skip
    user = django_user_model.objects.get(username="lea")
    profile = StaffProfile.objects.get(user=user)
    assert profile.role == "adviser" and profile.structure == structures[0]
    assert not user.has_usable_password() and not user.is_staff and not user.is_superuser
    link = next(line for line in output.splitlines() if line.startswith("https://hent.example.org/equipe/"))
    assert "password" not in caplog.text.lower()

    # The link lets the person choose a password, then sign in and enrol the second factor.
    page = client.get(link.removeprefix("https://hent.example.org"), follow=True)
    assert "Choisir un mot de passe" in page.content.decode()
    new = "ma phrase secrète de conseillère"
    client.post(page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    response = client.post("/equipe/connexion/", {"username": "lea", "password": new})
    assert response["Location"] == "/equipe/connexion/activation/"
    # The link is single-use.
    client.logout()
    page = client.get(link.removeprefix("https://hent.example.org"), follow=True)
    assert "plus valable" in page.content.decode()


def test_roles_get_the_right_back_office_access(structures, django_user_model):
    run("marc", "--role", "manager", "--structure", "cio-rennes", "--email", "marc@example.org")
    run("emma", "--role", "editor", "--email", "emma@example.org")
    run("ada", "--role", "admin", "--email", "ada@example.org")
    marc, emma, ada = (django_user_model.objects.get(username=u) for u in ("marc", "emma", "ada"))
    assert marc.is_staff and marc.has_perm("guidance.change_structure") and not marc.has_perm("guidance.add_structure")
    assert emma.is_staff and emma.has_perm("guidance.add_structure") and not emma.is_superuser
    assert ada.is_superuser


def test_send_email_sends_the_link_instead_of_printing_it(structures, mailoutbox):
    output = run("lea", "--role", "adviser", "--structure", "cio-rennes", "--email", "lea@example.org", "--send-email")
    assert "/equipe/mot-de-passe/" not in output
    assert len(mailoutbox) == 1 and "/equipe/mot-de-passe/" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--role", "adviser", "--email", "x@example.org"], "needs a structure"),
        (["x", "--role", "adviser", "--structure", "nope", "--email", "x@example.org"], "no structure"),
        (["x", "--role", "editor", "--structure", "cio-rennes", "--email", "x@example.org"], "not attached"),
        (["x", "--role", "editor", "--email", "not-an-email"], "invalid e-mail"),
        (["bad name!", "--role", "editor", "--email", "x@example.org"], "username"),
    ],
)
def test_bad_arguments_give_a_clear_error_and_create_nothing(structures, django_user_model, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not django_user_model.objects.exists()


def test_existing_username_is_refused(structures, django_user_model):
    run("emma", "--role", "editor", "--email", "emma@example.org")
    with pytest.raises(CommandError, match="already exists"):
        run("EMMA", "--role", "editor", "--email", "other@example.org")
    assert django_user_model.objects.count() == 1
