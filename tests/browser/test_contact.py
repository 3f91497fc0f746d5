"""The adviser chat in Chromium: one browser context is the visitor, another the adviser (signed in with
password and TOTP code). Messages go both ways in real time over websockets; then the same conversation
is held with JavaScript off on the visitor's side (forms and "Actualiser"), the adviser still live.

The server is uvicorn on a database of its own, seeded with a structure open all week and an adviser.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.contact.live import Database, Server, free_port, manage, server_env

pytestmark = pytest.mark.browser

PASSWORD = "une phrase de passe solide 42"
SEED = f"""
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from hent.guidance.models import OpeningHours, Structure
from hent.staff import totp
from hent.staff.models import StaffProfile
s = Structure.objects.create(slug="cio-rennes", kind="cio", name="CIO de Rennes", department="35", publics=["tous"])
for day in range(7):
    OpeningHours.objects.create(structure=s, weekday=day, opens=datetime.time(0), closes=datetime.time(23, 59, 59))
user = get_user_model().objects.create_user(username="conseil", password={PASSWORD!r}, email="c@example.org")
secret = totp.generate_secret()
StaffProfile.objects.create(
    user=user, role="adviser", structure=s, totp_secret=secret, totp_confirmed_at=timezone.now()
)
print(secret)
"""


@pytest.fixture(scope="module")
def chat_site(tmp_path_factory):
    """(base URL, the adviser's TOTP secret)."""
    var_dir = tmp_path_factory.mktemp("contact-browser")
    database = Database(var_dir)
    env = server_env(var_dir, database.url)
    server = Server(env, free_port(), var_dir / "server.log")
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v0")
        secret = manage(env, "shell", "-c", SEED).strip().splitlines()[-1]
        server.start()
        yield server.url, secret
    finally:
        server.stop()
        database.drop()


USED_STEPS = set()  # a code is accepted once: each sign-in of this run uses a step of its own


def totp_code(secret):
    from hent.staff import totp

    step = totp.current_step()
    while step in USED_STEPS:
        step += 1
    USED_STEPS.add(step)
    return totp.code_at(secret, step)


def sign_in_adviser(browser, url, secret):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "/equipe/connexion/?next=/contact/equipe/")
    page.get_by_label("Identifiant").fill("conseil")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Continuer").click()
    page.get_by_label("Code à 6 chiffres").fill(totp_code(secret))
    page.get_by_role("button", name="Se connecter").click()
    page.goto(url + "/contact/equipe/")  # the adviser is there: live chat is offered
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversations et demandes")
    return context, page


def start_conversation(page, url):
    page.goto(url + "/contact/")
    page.get_by_label("Vous êtes…").select_option("lyceens")
    page.get_by_label("Votre département").fill("35")
    page.get_by_label("Votre question porte sur…").select_option("metier")
    page.get_by_role("button", name="Commencer la conversation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre conversation")
    expect(page.locator("#chat-status-label")).to_have_text("En attente d'un conseiller")
    link = page.locator("#conversation-link").get_attribute("href")
    assert re.search(r"/contact/c/\?cle=[A-Za-z0-9_-]{43}$", link), link


def adviser_opens_newest(adviser):
    """The queue shows the new conversation without a reload (websocket, then the queue is fetched again)."""
    newest = adviser.locator("#q-waiting + ul a").last
    expect(newest).to_be_visible()
    newest.click()
    adviser.get_by_role("button", name="Prendre la conversation").click()
    expect(adviser.locator("#chat-status-label")).to_have_text("En cours")


def test_visitor_and_adviser_chat_in_real_time(browser, chat_site):
    url, secret = chat_site
    adviser_context, adviser = sign_in_adviser(browser, url, secret)
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    problems = []
    try:
        start_conversation(visitor, url)
        for where, page in (("visitor conversation", visitor),):
            violations = axe_violations(page)
            if violations:
                problems.append(f"{where}: {describe(violations)}")
        adviser_opens_newest(adviser)
        expect(visitor.locator("#chat-status-label")).to_have_text("En cours")  # told live

        # Neither page reloads from now on: markers set in each page must survive.
        visitor.evaluate("window.hentMarker = 1")
        adviser.evaluate("window.hentMarker = 1")

        visitor.get_by_label("Votre message").fill("Bonjour, je suis en seconde et j'aime le dessin.")
        visitor.get_by_role("button", name="Envoyer").click()
        expect(adviser.locator("#chat-messages")).to_contain_text("Bonjour, je suis en seconde et j'aime le dessin.")

        adviser.get_by_label("Votre réponse").fill("Bonjour ! Regardez le métier de graphiste : /metiers/E1205/")
        adviser.get_by_label("Votre réponse").press("Enter")
        answer = visitor.locator("#chat-messages li").last
        expect(answer).to_contain_text("Regardez le métier de graphiste")
        expect(answer.get_by_role("link", name="/metiers/E1205/")).to_have_attribute("href", "/metiers/E1205/")

        visitor.get_by_label("Votre message").fill("Merci !")
        visitor.get_by_label("Votre message").press("Enter")
        expect(adviser.locator("#chat-messages li").last).to_contain_text("Merci !")
        assert visitor.evaluate("window.hentMarker") == 1 and adviser.evaluate("window.hentMarker") == 1
        # Each message shows once on each side.
        expect(visitor.locator("#chat-messages li", has_text="Merci !")).to_have_count(1)
        expect(adviser.locator("#chat-messages li", has_text="Bonjour, je suis en seconde")).to_have_count(1)

        violations = axe_violations(adviser)
        if violations:
            problems.append(f"adviser conversation: {describe(violations)}")
    finally:
        visitor_context.close()
        adviser_context.close()
    assert not problems, "\n".join(problems)


def test_visitor_without_javascript_completes_the_conversation(browser, chat_site):
    url, secret = chat_site
    adviser_context, adviser = sign_in_adviser(browser, url, secret)
    visitor_context = browser.new_context(java_script_enabled=False)
    visitor = visitor_context.new_page()
    try:
        start_conversation(visitor, url)
        adviser_opens_newest(adviser)

        visitor.get_by_label("Votre message").fill("Sans JavaScript, ça marche ?")
        visitor.get_by_role("button", name="Envoyer").click()  # POST, redirect, GET
        expect(visitor.locator("#chat-messages")).to_contain_text("Sans JavaScript, ça marche ?")
        expect(adviser.locator("#chat-messages")).to_contain_text("Sans JavaScript, ça marche ?")  # live

        adviser.get_by_label("Votre réponse").fill("Oui : actualisez la page pour voir mes réponses.")
        adviser.get_by_role("button", name="Envoyer").click()
        # Stored (numbered, no longer "envoi…") before the visitor refreshes.
        expect(adviser.locator("#chat-messages li[data-seq]").last).to_contain_text("actualisez la page")
        visitor.get_by_role("link", name="Actualiser").click()
        expect(visitor.locator("#chat-messages")).to_contain_text("Oui : actualisez la page pour voir mes réponses.")

        with visitor.expect_download() as download:
            visitor.get_by_role("link", name="Télécharger la conversation (fichier texte)").click()
        with open(download.value.path(), encoding="utf-8") as transcript:
            text = transcript.read()
        assert "Sans JavaScript, ça marche ?" in text and "actualisez la page" in text

        visitor.get_by_role("button", name="Terminer la conversation").click()
        expect(visitor.get_by_text("Cette conversation est terminée.")).to_be_visible()
        expect(adviser.locator("#chat-status-label")).to_have_text("Terminée")  # live on the adviser's side

        visitor.get_by_role("link", name="Effacer la conversation maintenant").click()
        visitor.get_by_role("button", name="Oui, tout effacer").click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("C'est effacé")
    finally:
        visitor_context.close()
        adviser_context.close()
