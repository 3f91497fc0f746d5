"""Automated accessibility checks: axe-core (WCAG 2.1 A and AA rules) and reflow at 320 px and 200 % zoom."""

import pytest

from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.browser

REFLOW_VIEWPORTS = {
    "320px": {"width": 320, "height": 640},
    "zoom-200": {"width": 640, "height": 400},  # a 1280 x 800 screen at 200 % zoom
}


def test_no_axe_violations(js_page, site_page):
    url, status = site_page
    response = js_page.goto(url)
    assert response.status == status
    violations = axe_violations(js_page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", REFLOW_VIEWPORTS.values(), ids=REFLOW_VIEWPORTS.keys())
@pytest.mark.parametrize("path", ["/", "/metiers/D1102/"])
def test_no_horizontal_scrolling(browser, live_url, path, viewport):
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(live_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls horizontally by {overflow} px at {viewport['width']} px wide"
    finally:
        context.close()
