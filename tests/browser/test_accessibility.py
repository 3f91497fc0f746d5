"""Automated accessibility checks: axe-core (WCAG 2.1 A and AA rules) and reflow at 320 px and 200 % zoom."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
REFLOW_VIEWPORTS = {
    "320px": {"width": 320, "height": 640},
    "zoom-200": {"width": 640, "height": 400},  # a 1280 x 800 screen at 200 % zoom
}


def describe(violations):
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        lines.append(f"- {violation['id']}: {violation['help']} ({len(violation['nodes'])} node(s)) at {targets}")
    return "\n".join(lines)


def test_no_axe_violations(js_page, site_page):
    url, status = site_page
    response = js_page.goto(url)
    assert response.status == status
    violations = Axe().run(js_page, options=AXE_OPTIONS).response["violations"]
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
