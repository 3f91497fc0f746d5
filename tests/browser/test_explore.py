"""Discover by interests in headless Chromium at a phone's size: the whole questionnaire with JavaScript off and on,
axe-core on every screen and on the results, no horizontal scrolling; the centres d'intérêt page."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.screens import check_screen, page_at

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ANSWERS = {"S": "J'aime beaucoup", "I": "Un peu"}  # every other type: "Pas du tout"


@pytest.fixture(params=[False, True], ids=["no-js", "js"])
def phone(request, browser):
    with page_at(browser, PHONE, request.param) as page:
        yield page


def check_page(page, what):
    check_screen(page, what, "on a phone")


def answer_screen(page, skip=None):
    """Answer every activity of the screen but `skip` (a legend), by the type written in the questionnaire file."""
    from hent.explore import questionnaire as qn

    types = {item.text: item.type for item in qn.load().items}
    for fieldset in page.locator("fieldset.item").all():
        legend = fieldset.locator("legend").inner_text().strip()
        if legend != skip:
            fieldset.get_by_label(ANSWERS.get(types[legend], "Pas du tout"), exact=True).check()


def test_the_whole_questionnaire_on_a_phone(phone, live_url):
    page = phone
    page.goto(live_url + "/decouvrir/questionnaire/")
    check_page(page, "intro")
    page.get_by_role("link", name="Commencer le questionnaire").click()

    # Screen 1: one activity left out, then the message, tied to its group, then answered.
    expect(page.locator("h1")).to_have_text("Étape 1 sur 6")
    check_page(page, "step 1")
    skipped = page.locator("fieldset.item legend").nth(2).inner_text().strip()
    answer_screen(page, skip=skipped)
    page.get_by_role("button", name="Suivant").click()
    expect(page.locator(".error-summary")).to_contain_text("Il manque une réponse")
    expect(page.get_by_role("group", name=skipped)).to_have_attribute("aria-describedby", re.compile("-erreur$"))
    check_page(page, "step 1 with an error")
    answer_screen(page)
    page.get_by_role("button", name="Suivant").click()

    # Screen 2, then back to screen 1: the answers are still there.
    expect(page.locator("h1")).to_have_text("Étape 2 sur 6")
    answer_screen(page)
    page.get_by_role("button", name="Précédent").click()
    expect(page.locator("h1")).to_have_text("Étape 1 sur 6")
    expect(page.locator("fieldset.item input:checked")).to_have_count(5)
    page.get_by_role("button", name="Suivant").click()
    expect(page.locator("fieldset.item input:checked")).to_have_count(5)  # screen 2 remembered too

    for step in range(2, 7):
        expect(page.locator("h1")).to_have_text(f"Étape {step} sur 6")
        check_page(page, f"step {step}")
        answer_screen(page)
        page.get_by_role("button", name="Voir mes résultats" if step == 6 else "Suivant").click()

    expect(page.locator("h1")).to_have_text("Vos résultats")
    expect(page.locator(".profile li").first).to_contain_text("S — Social")
    expect(page.get_by_text("pas un verdict", exact=False)).to_be_visible()
    expect(page.locator(".discovery__reason").first).to_contain_text("— comme vous")
    expect(page.locator("main").get_by_role("status")).to_contain_text("correspond")
    check_page(page, "results")
    answers = parse_qs(urlsplit(page.url).query)["reponses"][0]
    assert len(answers) == 30 and "-" not in answers

    # The results are in the address: a bookmark shows them again; a filter keeps them.
    bookmark = page.url
    page.goto(bookmark)
    expect(page.locator(".profile li").first).to_contain_text("S — Social")
    page.get_by_label("Études pour commencer").select_option("4")
    page.get_by_role("button", name="Filtrer").click()
    assert parse_qs(urlsplit(page.url).query)["reponses"][0] == answers
    expect(page.get_by_label("Études pour commencer")).to_have_value("4")
    check_page(page, "filtered results")

    # A family's other occupations are on a page of their own, with the answers and the filter; and back.
    page.locator(".discovery__more a").first.click()
    expect(page.locator(".discoveries__section")).to_have_count(1)
    query = parse_qs(urlsplit(page.url).query)
    assert query["reponses"][0] == answers and query["niveau"] == ["4"] and query["domaine"]
    check_page(page, "one family's results")
    page.get_by_role("link", name="Revenir à tous les domaines").click()
    expect(page.locator(".discovery__more a").first).to_be_visible()


@pytest.mark.parametrize("width", [320, 390])
def test_choosing_several_interests(browser, live_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_url + "/decouvrir/envies/")
        check_page(page, "interests")
        boxes = page.locator('input[name="envie"]')
        boxes.nth(0).check()
        boxes.nth(1).check()
        page.get_by_role("button", name="Voir les métiers").click()
        expect(page.locator("main").get_by_role("status")).to_contain_text("correspond")
        expect(page.locator('input[name="envie"]:checked')).to_have_count(2)
        check_page(page, "interests results")
    finally:
        context.close()
