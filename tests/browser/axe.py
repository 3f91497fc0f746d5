"""axe-core on a page as the person sees it, whether its browser context runs JavaScript or not.

axe-core runs in the page's JavaScript; in a context opened with JavaScript disabled its promise never
settles. So the page's current DOM is copied into a page of a JavaScript-enabled context, at the same
address (same origin: the same stylesheets apply) and with the site's own scripts blocked (they
already ran, or did not run, in the original), and axe-core checks that copy.
"""

from axe_playwright_python.sync_playwright import Axe

HTML = "text/html; charset=utf-8"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page):
    # A click that submits a form returns once the new page starts; copying its DOM before the whole
    # document has arrived would check a truncated page (a last link without its text, say).
    page.wait_for_load_state("load")
    html, url = page.content(), page.url
    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        twin = context.new_page()
        twin.route("**/*.js", lambda route: route.abort())
        twin.route(lambda address: address == url, lambda route: route.fulfill(body=html, content_type=HTML))
        twin.goto(url)
        return Axe().run(twin, options=AXE_OPTIONS).response["violations"]
    finally:
        context.close()


def describe(violations):
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        lines.append(f"- {violation['id']}: {violation['help']} ({len(violation['nodes'])} node(s)) at {targets}")
    return "\n".join(lines)
