"""What the browser sees of privacy and security: no third-party request, a strict Content-Security-Policy."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/metiers/D1102/"])
def test_no_third_party_requests(js_page, live_url, path):
    requested = []
    js_page.on("request", lambda request: requested.append(request.url))
    js_page.goto(live_url + path, wait_until="networkidle")
    origin = urlsplit(live_url)
    elsewhere = [url for url in requested if urlsplit(url)[:2] != origin[:2]]
    assert requested
    assert not elsewhere, f"requests outside {live_url}: {elsewhere}"


def test_content_security_policy(js_page, live_url):
    response = js_page.goto(live_url + "/metiers/D1102/")
    policy = response.headers.get("content-security-policy")
    assert policy, "no Content-Security-Policy header"
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    script_src = directives.get("script-src", directives.get("default-src"))
    assert script_src, f"no script-src nor default-src in {policy!r}"
    assert "'unsafe-inline'" not in script_src
