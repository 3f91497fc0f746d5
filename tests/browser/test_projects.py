"""My project in Chromium, on the real site: save, note, plan, print, PDF, read by code, delete;
with JavaScript off (everything works) and on (small enhancements), and no axe-core violation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe
from tests.browser.test_accessibility import REFLOW_VIEWPORTS

pytestmark = pytest.mark.browser

TOKEN_LINK = re.compile(r"/projet/ouvrir/\?cle=[A-Za-z0-9_-]{43}$")


def axe_check(page, where, found):
    violations = axe_violations(page)
    if violations:
        found.append(f"{where}: {describe(violations)}")


def save_from_confirmation(page, live_url, kind, ref):
    """What the "Ajouter à mon projet" button of an occupation or training page does (the same include)."""
    page.goto(f"{live_url}/projet/ajouter/?kind={kind}&ref={ref}")
    page.get_by_role("button", name="Ajouter à mon projet").click()
    expect(page).to_have_url(re.compile(r"/projet/#elements$"))


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_project_from_saving_to_deleting(request, browser, live_url, javascript):
    page = request.getfixturevalue("js_page" if javascript else "no_js_page")
    if javascript:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    problems = []

    def accessible(on_page, where):
        if javascript:  # axe-core runs in the page; the HTML is the same without JavaScript
            axe_check(on_page, where, problems)

    # Nothing yet: the page explains, and offers a code form for advisers.
    page.goto(live_url + "/projet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon projet")
    expect(page.get_by_role("button", name="Commencer mon projet")).to_be_visible()
    accessible(page, "/projet/ (empty)")

    # The occupation page exists; its button posts what the confirmation page posts.
    response = page.goto(live_url + "/metiers/D1102/")
    assert response.status == 200
    training = page.locator("main a[href^='/formations/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href')).filter(h => /^\\/formations\\/[\\w.-]+\\/$/.test(h))"
    )[0]
    page.goto(f"{live_url}/projet/ajouter/?kind=occupation&ref=D1102")
    accessible(page, "/projet/ajouter/")
    page.get_by_role("button", name="Ajouter à mon projet").click()
    expect(page).to_have_url(re.compile(r"/projet/#elements$"))
    expect(page.locator(".project-messages")).to_contain_text("Ajouté à votre projet : Boulanger / Boulangère.")
    expect(page.get_by_role("heading", name="Gardez ce lien : c'est la clé de votre projet")).to_be_visible()
    link = page.locator("#key-link").get_attribute("href")
    assert TOKEN_LINK.search(link), link
    code = page.locator(".project-code__value").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    copy = page.get_by_role("button", name="Copier le lien")
    if javascript:
        copy.click()
        expect(page.locator(".project-key__copied")).to_have_text("Le lien est copié.")
        assert page.evaluate("navigator.clipboard.readText()") == link
    else:
        expect(copy).to_be_hidden()
    accessible(page, "/projet/ (with the link shown)")

    save_from_confirmation(page, live_url, "training", training.strip("/").split("/")[-1])
    page.get_by_label("Une commune ou un code postal").fill("Rennes")
    page.get_by_role("button", name="Chercher", exact=True).click()
    page.get_by_role("button", name="Ajouter à mon projet : Rennes").first.click()
    expect(page.locator("#elements")).to_contain_text("Rennes")
    expect(page.locator("#group-occupations")).to_have_text("Métiers (1)")
    expect(page.locator("#group-trainings")).to_have_text("Formations (1)")
    expect(page.locator("#group-places")).to_have_text("Lieux (1)")
    expect(page.get_by_text("Gardez ce lien")).to_have_count(0)  # shown once

    # A note, and a step of the plan.
    page.get_by_label("Nouvelle note").fill("Demander un mini-stage au lycée.\nPortes ouvertes en mars.")
    page.get_by_role("button", name="Ajouter la note").click()
    expect(page.locator(".project-messages")).to_contain_text("Votre note est enregistrée.")
    step = page.get_by_role("group", name="Me renseigner")
    step.get_by_label("Fait", exact=True).check()
    step.get_by_label("Date (facultatif)").fill("2026-03-14")
    page.get_by_role("button", name="Enregistrer mon plan").click()
    expect(page.locator(".project-messages")).to_contain_text("Votre plan est enregistré.")
    expect(page.locator(".project-summary")).to_contain_text("1 étape faite sur 5")
    expect(page.get_by_role("group", name="Me renseigner").get_by_label("Fait", exact=True)).to_be_checked()
    accessible(page, "/projet/ (filled in)")

    # The printable page, and how it prints.
    page.get_by_role("link", name="Version à imprimer").click()
    expect(page.locator("main")).to_contain_text("Boulanger / Boulangère")
    expect(page.locator("main")).to_contain_text("Portes ouvertes en mars.")
    expect(page.locator("main")).to_contain_text(live_url + "/metiers/D1102/")
    print_button = page.get_by_role("button", name="Imprimer", exact=True)
    if javascript:
        expect(print_button).to_be_visible()
    else:
        expect(print_button).to_be_hidden()
    accessible(page, "/projet/imprimer/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("main table")).to_be_visible()
    page.emulate_media(media="screen")

    # The PDF, downloaded with this browser's session.
    page.goto(live_url + "/projet/")
    pdf_href = page.get_by_role("link", name="Télécharger en PDF").get_attribute("href")
    pdf = page.request.get(live_url + pdf_href)
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF-")

    # An adviser reads it with the code, and cannot change it.
    adviser = browser.new_context(java_script_enabled=javascript).new_page()
    adviser.goto(live_url + "/projet/")
    adviser.get_by_label("Code du projet").fill(code.lower())
    adviser.get_by_role("button", name="Lire le projet").click()
    expect(adviser.get_by_role("heading", level=1)).to_have_text(f"Projet {code}")
    expect(adviser.locator("main")).to_contain_text("Demander un mini-stage au lycée.")
    expect(adviser.get_by_role("button", name=re.compile("Retirer|Enregistrer|Supprimer"))).to_have_count(0)
    accessible(adviser, "/projet/consulter/")
    adviser.goto(live_url + "/projet/consulter/?code=ZZZZ-ZZZZ")
    expect(adviser.get_by_role("heading", level=1)).to_have_text("Projet introuvable")
    accessible(adviser, "/projet/consulter/ (not found)")
    adviser.goto(live_url + "/projet/consulter/?code=12")
    expect(adviser.get_by_text("Ce code n'a pas la bonne forme")).to_be_visible()
    accessible(adviser, "/projet/consulter/ (format error)")
    adviser.context.close()

    # The private link opens it, editable, in another browser.
    other = browser.new_context(java_script_enabled=javascript).new_page()
    other.goto(link)
    expect(other.get_by_role("button", name="Retirer : Boulanger / Boulangère")).to_be_visible()
    other.context.close()

    # Deleting asks first, then deletes at once.
    page.get_by_role("link", name="Supprimer mon projet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Supprimer mon projet ?")
    accessible(page, "/projet/supprimer/")
    page.get_by_role("button", name="Oui, supprimer mon projet").click()
    expect(page.locator(".project-messages")).to_contain_text("Votre projet est supprimé")
    assert page.goto(link).status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Projet introuvable")

    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("viewport", REFLOW_VIEWPORTS.values(), ids=REFLOW_VIEWPORTS.keys())
def test_project_page_reflows_without_horizontal_scrolling(browser, live_url, viewport):
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        save_from_confirmation(page, live_url, "occupation", "D1102")  # the page showing the private link
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the private link scrolls horizontally by {overflow} px at {viewport['width']} px wide"
        page.get_by_label("Nouvelle note").fill("x" * 300)
        page.get_by_role("button", name="Ajouter la note").click()
        for path in ("/projet/", "/projet/imprimer/"):
            page.goto(live_url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{path} scrolls horizontally by {overflow} px at {viewport['width']} px wide"
    finally:
        context.close()
