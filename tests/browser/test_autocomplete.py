"""The header search box's autocomplete: an accessible combobox, usable with the keyboard alone."""

import re

import pytest

from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser


def open_suggestions(page, live_url, text):
    page.goto(live_url + "/")
    box = page.get_by_role("combobox", name="Rechercher un métier")
    box.fill(text)
    page.get_by_role("listbox").wait_for(state="visible")
    return box


def test_suggestions_are_announced_and_chosen_with_the_keyboard(js_page, live_url):
    box = open_suggestions(js_page, live_url, "boulang")
    assert box.get_attribute("aria-expanded") == "true"
    options = js_page.get_by_role("option")
    assert "Boulanger / Boulangère" in options.all_inner_texts()
    status = js_page.locator(".search-box [role=status]")
    assert re.search(r"\d+ métiers? proposés?", status.inner_text())
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and js_page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    target = js_page.locator(f"#{active}").get_attribute("data-url")
    box.press("Enter")
    js_page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert js_page.locator("h1").inner_text()


def test_escape_closes_and_enter_without_choice_submits_the_form(js_page, live_url):
    box = open_suggestions(js_page, live_url, "infirm")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")
    js_page.wait_for_url(re.compile(r"/recherche/\?q=infirm$"))
    assert "Métiers pour « infirm »" in js_page.locator("h1").inner_text()


def test_open_suggestions_have_no_axe_violation(js_page, live_url):
    open_suggestions(js_page, live_url, "infirm")
    violations = axe_violations(js_page)
    assert not violations, describe(violations)
