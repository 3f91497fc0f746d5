"""Browser tests: a real server (uvicorn, as `make run` starts it) driven by headless Chromium.

The server gets its own var directory and its own database (a SQLite file, or a fresh PostgreSQL
database when DATABASE_URL points at PostgreSQL), filled from the ROME open data when present,
else from the demonstration dataset shipped in the repository.
"""

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.contact.live import free_port, run_manage

# The checks shared by the screen-by-screen tests: their assert messages shown as pytest shows a test's own.
pytest.register_assert_rewrite("tests.browser.screens")

REPO = Path(__file__).resolve().parents[2]
ROME_OPEN_DATA = REPO.parent / "shared/data/rome-4.0-v460"
SERVER_START_TIMEOUT = 30

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class FirstLink:
    """A page found at run time: the first link from the page `listing` to a page under `prefix`
    (by default, below the listing itself)."""

    def __init__(self, listing, prefix=None, suffix=""):
        self.listing = listing
        self.prefix = prefix or listing
        self.suffix = suffix  # appended to the page found, e.g. "carte/"

    def __repr__(self):
        return f"first link of {self.listing}"


# The pages every browser test visits: test id -> (path, expected HTTP status).
PAGES = {
    "home": ("/", 200),
    "metiers": ("/metiers/", 200),
    "metier-D1102": ("/metiers/D1102/", 200),
    "grand-domaine-D": ("/metiers/grands-domaines/D/", 200),
    "domaine-D11": ("/metiers/domaines/D11/", 200),
    "centres-interet": ("/metiers/centres-interet/", 200),
    "centre-interet": (FirstLink("/metiers/centres-interet/"), 200),
    "themes": ("/metiers/themes/", 200),
    "theme": (FirstLink("/metiers/themes/"), 200),
    "secteurs": ("/metiers/secteurs/", 200),
    "secteur": (FirstLink("/metiers/secteurs/"), 200),
    "sources": ("/sources/", 200),
    "accessibilite": ("/accessibilite/", 200),
    "donnees-personnelles": ("/donnees-personnelles/", 200),
    "api": ("/api/", 200),
    "recherche": ("/recherche/?q=boulanger", 200),
    "formations": ("/formations/", 200),
    "formations-recherche": ("/formations/?q=bts+informatique&niveau=5", 200),
    "formation": (FirstLink("/formations/?q=boulanger", "/formations/"), 200),
    "formation-carte": (FirstLink("/formations/?q=bts+informatique&niveau=5", "/formations/", "carte/"), 200),
    "etablissement": (FirstLink("/formations/?q=bts+informatique&niveau=5", "/etablissements/"), 200),
    "lieu": ("/territoires/lieu/?lieu=saint", 200),
    "territoire-region": ("/territoires/", 200),
    "territoire-bassin": (FirstLink("/territoires/", "/territoires/bassin/"), 200),
    "domaine-filtre": ("/metiers/domaines/D11/?mixite=mixte&recrute=on", 200),
    "404": ("/metiers/Z9999/", 404),
}


def pytest_generate_tests(metafunc):
    """A test that asks for `site_page` runs once per entry of PAGES."""
    if "site_page" in metafunc.fixturenames:
        metafunc.parametrize("site_page", list(PAGES.values()), ids=list(PAGES), indirect=True)


def _manage(env, *args):
    result = run_manage(env, *args)
    if result.returncode != 0:
        pytest.fail(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)


def _wait_until_served(server, url, log):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"The server died on start:\n{log.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    pytest.fail(f"The server did not answer within {SERVER_START_TIMEOUT} s:\n{log.read_text()}", pytrace=False)


@pytest.fixture(scope="session")
def server_database():
    """The server's DATABASE_URL: a fresh PostgreSQL database dropped afterwards, or None for SQLite."""
    test_url = os.environ.get("DATABASE_URL", "")
    if not test_url.startswith("postgres"):
        yield None
        return
    import psycopg

    name = f"hent_browser_{secrets.token_hex(6)}"
    admin_url = urlsplit(test_url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlsplit(test_url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def serving(env, var_dir):
    """uvicorn serving the site with ``env`` (log in ``var_dir``), as `make run` starts it: its base URL."""
    port = free_port()
    uvicorn = Path(sys.executable).with_name("uvicorn")
    log = Path(var_dir) / "server.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [uvicorn, "config.asgi:application", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_served(server, url, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.contextmanager
def served_site(server_database, prefix, *setup):
    """A uvicorn server on a var directory and a database of its own, started as a user would start it:
    migrated, static files collected, then each of `setup` (manage.py arguments) run; its base URL."""
    with tempfile.TemporaryDirectory(prefix=prefix) as var_dir:
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings",
            HENT_SECURE="0",
            HENT_DEBUG="0",
            HENT_VAR_DIR=var_dir,
            HENT_ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=server_database or f"sqlite:///{Path(var_dir) / 'hent.sqlite3'}",
        )
        _manage(env, "migrate", "--noinput")
        _manage(env, "collectstatic", "--noinput", "-v0")
        for args in setup:
            _manage(env, *args)

        with serving(env, var_dir) as url:
            yield url


@pytest.fixture(scope="session")
def live_url(server_database):
    """Base URL (no trailing slash) of a uvicorn server started as a user would start it."""
    # as `make run` does: the open data when present, else the demo data
    with served_site(server_database, "hent-browser-", ("import_opendata",)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.skip("chromium not installed: run make test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def resolve_path(live_url):
    """Turn an entry of PAGES into a path, following FirstLink entries on the live site (once each)."""
    found = {}

    def resolve(path):
        if not isinstance(path, FirstLink):
            return path
        key = (path.listing, path.prefix)
        if key not in found:
            with urllib.request.urlopen(live_url + path.listing, timeout=10) as response:
                html = response.read().decode()
            match = re.search(rf'href="({re.escape(path.prefix)}[^"/?]+/)"', html)
            if not match and not ROME_OPEN_DATA.exists():
                pytest.skip(f"no link under {path.prefix} on {path.listing} with the demonstration data")
            assert match, f"no link to a page under {path.prefix} on {path.listing}"
            found[key] = match.group(1)
        return found[key] + path.suffix

    return resolve


@pytest.fixture
def site_page(request, live_url, resolve_path):
    """(absolute URL, expected HTTP status) of the entry of PAGES the test runs for."""
    path, status = request.param
    return live_url + resolve_path(path), status


@pytest.fixture
def js_page(browser):
    """A page in a fresh browser context, JavaScript on."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser):
    """A page in a fresh browser context, JavaScript off: what every page must work with."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
