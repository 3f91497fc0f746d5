"""Staff sign-in in headless Chromium on a real server: password then TOTP code, first-time enrolment with the
QR code, the admin behind both factors, logout — JavaScript off; and axe-core clean staff pages.

The staff accounts live in a server of this module's own (the shared live server's database is not reachable
from the tests when it is a SQLite file): same start-up as `make run`, without the open data import."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import served_site

pytestmark = pytest.mark.browser

PASSWORD = "une phrase de passe de test 2024"
SECRETS = {
    "ada": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    "ines": "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU",
    "mona": "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U",
}

CREATE_ACCOUNTS = f"""
from django.contrib.auth import get_user_model
from hent.staff.models import StaffProfile
from django.utils import timezone
User = get_user_model()
for name, enrolled in (("ada", True), ("ines", True), ("lea", False), ("noe", False)):
    user = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r}, is_staff=True, is_superuser=True)
    secrets = {SECRETS!r}
    confirmed = timezone.now() if enrolled else None
    StaffProfile.objects.create(user=user, role="admin", totp_secret=secrets.get(name, ""), totp_confirmed_at=confirmed)
from hent.guidance.models import Structure
cio = Structure.objects.create(slug="cio-test", kind="cio", name="CIO de test", department="35")
mona = User.objects.create_user("mona", "mona@example.org", {PASSWORD!r}, is_staff=True)
StaffProfile.objects.create(
    user=mona, role="manager", structure=cio, totp_secret=secrets["mona"], totp_confirmed_at=timezone.now()
)
lou = User.objects.create_user("lou", "lou@example.org", {PASSWORD!r})
StaffProfile.objects.create(user=lou, role="adviser", structure=cio)
"""


def totp_code(secret, offset=0):
    """RFC 6238, written again here so that the test does not trust the code under test."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time() // 30) + offset), hashlib.sha1).digest()
    start = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[start : start + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


@pytest.fixture(scope="module")
def staff_url(server_database):
    with served_site(server_database, "hent-staff-browser-", ("shell", "-c", CREATE_ACCOUNTS)) as url:
        yield url


def sign_in_password(page, url, username):
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Continuer").click()


def test_sign_in_with_totp_without_javascript(no_js_page, staff_url):
    page = no_js_page
    page.goto(staff_url + "/gestion/")
    # The admin hands over to the staff sign-in.
    expect(page).to_have_url(re.compile(r"/equipe/connexion/\?next=%2Fgestion%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion à l'espace équipe")

    page.get_by_label("Identifiant").fill("ada")
    page.get_by_label("Mot de passe", exact=True).fill("pas le bon mot de passe")
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_role("alert")).to_contain_text("Identifiant ou mot de passe incorrect.")

    sign_in_password(page, staff_url, "ada")
    expect(page).to_have_url(re.compile(r"/equipe/connexion/code/$"))
    # Without the code, staff pages stay closed.
    page.goto(staff_url + "/equipe/")
    expect(page).to_have_url(re.compile(r"/equipe/connexion/\?next="))
    page.goto(staff_url + "/gestion/")
    sign_in_password(page, staff_url, "ada")

    wrong = f"{(int(totp_code(SECRETS['ada'])) + 1) % 1_000_000:06d}"
    page.get_by_label("Code à 6 chiffres").fill(wrong)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("#id_code-error")).to_contain_text("pas valable")
    page.get_by_label("Code à 6 chiffres").fill(totp_code(SECRETS["ada"]))
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/gestion/$"))
    expect(page.locator("#site-name")).to_be_visible()  # the admin's header

    page.goto(staff_url + "/equipe/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace équipe")
    expect(page.get_by_role("link", name="Journal des accès")).to_be_visible()
    page.get_by_role("link", name="Journal des accès").click()
    expect(page.locator("table")).to_contain_text("login")

    page.goto(staff_url + "/equipe/")
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(re.compile(r"/equipe/connexion/$"))
    page.goto(staff_url + "/gestion/")
    expect(page).to_have_url(re.compile(r"/equipe/connexion/"))


def test_first_sign_in_enrols_the_second_factor_without_javascript(no_js_page, staff_url):
    page = no_js_page
    page.goto(staff_url + "/equipe/connexion/")
    sign_in_password(page, staff_url, "lea")
    expect(page).to_have_url(re.compile(r"/equipe/connexion/activation/$"))
    expect(page.get_by_role("img", name="QR code à scanner avec votre application d'authentification")).to_be_visible()
    secret = page.locator(".staff-secret").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    page.get_by_label("Code à 6 chiffres").fill(totp_code(secret))
    page.get_by_role("button", name="Activer et se connecter").click()
    expect(page).to_have_url(re.compile(r"/equipe/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace équipe")


def test_staff_pages_are_axe_clean(js_page, staff_url):
    page = js_page
    problems = []

    def check(where):
        violations = axe_violations(page)
        if violations:
            problems.append(f"{where}: {describe(violations)}")

    page.goto(staff_url + "/equipe/connexion/")
    check("login")
    page.get_by_role("button", name="Continuer").click()  # empty: errors shown
    check("login with errors")
    page.goto(staff_url + "/equipe/mot-de-passe/")
    check("password reset")
    page.goto(staff_url + "/equipe/connexion/")
    sign_in_password(page, staff_url, "noe")
    check("enrolment")
    page.goto(staff_url + "/equipe/connexion/")
    sign_in_password(page, staff_url, "ines")
    check("code")
    page.get_by_label("Code à 6 chiffres").fill("12")
    page.get_by_role("button", name="Se connecter").click()
    check("code with error")
    page.get_by_label("Code à 6 chiffres").fill(totp_code(SECRETS["ines"]))
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/equipe/$"))
    check("home")
    page.goto(staff_url + "/equipe/journal/")
    check("journal")
    page.goto(staff_url + "/equipe/mot-de-passe/changer/")
    check("password change")
    page.goto(staff_url + "/equipe/")
    page.get_by_role("button", name="Se déconnecter").click()

    page.goto(staff_url + "/equipe/connexion/")
    sign_in_password(page, staff_url, "mona")
    page.get_by_label("Code à 6 chiffres").fill(totp_code(SECRETS["mona"]))
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Les conseillers de ma structure").click()
    expect(page.locator("table")).to_contain_text("lou")
    check("team")
    page.get_by_role("button", name="Créer le compte").click()  # empty: errors shown
    check("team with errors")
    assert not problems, "\n".join(problems)
