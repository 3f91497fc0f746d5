"""Every page works without JavaScript: status, language, title, one h1, skip link, header search."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_page_structure(no_js_page, site_page):
    url, status = site_page
    response = no_js_page.goto(url)
    assert response.status == status
    assert no_js_page.locator("html").get_attribute("lang") == "fr"
    page_title = no_js_page.title().split(" — ")[0].strip()
    assert page_title, f"empty page title: {no_js_page.title()!r}"
    expect(no_js_page.locator("h1")).to_have_count(1)


def test_skip_link_is_first_focusable_and_leads_to_content(no_js_page, site_page):
    url, _ = site_page
    no_js_page.goto(url)
    no_js_page.keyboard.press("Tab")
    focused = no_js_page.locator(":focus")
    expect(focused).to_have_attribute("href", re.compile(r"#contenu$"))
    no_js_page.keyboard.press("Enter")
    expect(no_js_page).to_have_url(re.compile(r"#contenu$"))
    expect(no_js_page.locator("#contenu")).to_be_focused()


def test_header_search_submits_without_javascript(no_js_page, site_page, live_url):
    url, _ = site_page
    no_js_page.goto(url)
    search = no_js_page.get_by_role("search").get_by_label("Rechercher un métier")
    search.fill("boulanger")
    search.press("Enter")
    expect(no_js_page).to_have_url(f"{live_url}/recherche/?q=boulanger")
    expect(no_js_page.locator('main a[href="/metiers/D1102/"]')).to_be_visible()
