"""What the screen-by-screen browser tests share: a page at a given size, JavaScript off or on, and the checks
every screen passes (axe-core clean, no horizontal scrolling, one h1)."""

import contextlib

from playwright.sync_api import expect

from tests.browser.axe import axe_violations, describe


@contextlib.contextmanager
def page_at(browser, viewport, javascript):
    """A page of a new browser context of `viewport` size, JavaScript on or off; the context closed afterwards."""
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    yield context.new_page()
    context.close()


def check_screen(page, what, where):
    """axe-core clean, no horizontal scrolling (`where` names the size in the message) and one h1."""
    violations = axe_violations(page)
    assert not violations, f"{what}: {describe(violations)}"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{what} scrolls horizontally by {overflow} px {where}"
    expect(page.locator("h1")).to_have_count(1)
