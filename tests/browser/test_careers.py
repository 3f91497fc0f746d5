"""Change career by skills in headless Chromium, at 320 px wide: the whole explorer (find one's occupation, tick
skills, add one found elsewhere, see the occupations one could move to) with JavaScript off and on; axe-core on
every screen and no horizontal scrolling."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.screens import check_screen, page_at

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}


@pytest.fixture(params=[False, True], ids=["no-js", "js"])
def narrow(request, browser):
    with page_at(browser, NARROW, request.param) as page:
        yield page


def check_page(page, what):
    check_screen(page, what, "at 320 px wide")


def test_the_whole_explorer_at_320_px(narrow, live_url):
    page = narrow
    page.goto(live_url + "/changer-de-metier/")
    check_page(page, "step 1")

    # Step 1: the occupation I do or did.
    page.get_by_label("Le métier que vous faites ou avez fait").fill("boulanger")
    page.get_by_role("button", name="Chercher", exact=True).click()
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("trouvé")
    check_page(page, "step 1 with results")
    page.get_by_role("link", name="Boulanger / Boulangère", exact=True).click()

    # Step 2: nothing ticked, then the results asked for: a message tied to the checkboxes.
    expect(page.locator("h1")).to_have_text("Vos compétences de Boulanger / Boulangère")
    check_page(page, "step 2")
    page.get_by_role("button", name="Voir les métiers possibles").click()
    expect(page.get_by_role("alert")).to_contain_text("Cochez au moins une compétence")
    expect(page.locator("fieldset.skill-group").first).to_have_attribute("aria-describedby", "skills-error")
    check_page(page, "step 2 with the error")

    # Tick three of the fiche's skills, then add one learnt elsewhere: the ticks stay.
    boxes = page.locator('input[name="c"]')
    for n in range(3):
        boxes.nth(n).check()
    page.get_by_label("Une compétence ou une connaissance (quelques mots)").fill("premiers secours")
    page.get_by_role("button", name="Chercher une compétence").click()
    expect(page.locator("#autre-competence-resultats [role=status]")).to_contain_text("trouvée")
    expect(page.locator('input[name="c"]:checked')).to_have_count(3)
    check_page(page, "step 2 with a skill search")
    page.locator('#autre-competence-resultats input[name="c"]').first.check()
    page.get_by_role("button", name="Voir les métiers possibles").click()

    # Step 3: the occupations I could move to, each with why, what to learn, trainings and hiring.
    expect(page.locator("h1")).to_contain_text("les métiers possibles")
    expect(page).to_have_url(re.compile(r"/changer-de-metier/D1102/metiers/\?"))
    assert len(parse_qs(urlsplit(page.url).query)["c"]) == 4  # the ticks are in the address: a bookmark keeps them
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("Vous avez coché 4 compétences")
    first = page.locator(".suggestion").first
    expect(first.locator(".suggestion__share")).to_contain_text(re.compile(r"Utilise \d+ de vos 4 compétences"))
    expect(first.locator(".suggestion__why")).to_contain_text("Pourquoi ce métier ?")
    expect(first.get_by_role("heading", name="Formations qui y mènent")).to_be_visible()
    expect(first.locator(".suggestion__hiring h4")).to_contain_text("Recrutements en")
    expect(page.get_by_text("Ce sont des pistes, pas des conseils.")).to_be_visible()
    expect(page.get_by_role("heading", name="En parler avec un conseiller")).to_be_visible()
    missing = first.locator("details").last
    missing.locator("summary").click()
    expect(missing.locator("li").first).to_be_visible()
    check_page(page, "step 3")

    # Back to step 2 with the ticks, the added skill among them.
    page.get_by_role("link", name="Modifier mes compétences").click()
    expect(page.locator('input[name="c"]:checked')).to_have_count(4)
    expect(page.get_by_text("Compétences que vous avez ajoutées")).to_be_visible()
    check_page(page, "step 2 again")
