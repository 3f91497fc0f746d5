import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEMO_ROME = REPO / "demo" / "rome-4.0-demo"
SHARED_DATA = Path(os.environ.get("HENT_TEST_OPENDATA", REPO.parent / "shared" / "data"))


def pytest_configure(config):
    from django.conf import settings

    # Templates render without collectstatic, and the test client speaks plain HTTP;
    # every other production default (secure cookies, HSTS, CSP) stays on.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    # WhiteNoise warns on every request when the folder collectstatic fills is missing (a fresh clone).
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    # Importer tests import one source at a time; the tests of the catalogue rebuild it when they mean to.
    settings.HENT_REBUILD_CATALOGUE_AFTER_IMPORT = False
    # Tests clear the cache: never a Redis that REDIS_URL may name (it would flush the chat's channels too).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def demo_rome(tmp_path):
    """A private copy of the demonstration ROME files, which a test may alter."""
    target = tmp_path / "rome"
    shutil.copytree(DEMO_ROME, target)
    return target


@pytest.fixture
def imported_demo(db):
    from hent.occupations.importers.rome import RomeImporter

    return RomeImporter(DEMO_ROME).run()


@pytest.fixture
def pass_second_factor():
    """pass_second_factor(client, user): the client's session passed the second factor, as after /equipe/connexion/."""
    import time

    from hent.staff.decorators import VERIFIED_AT_KEY, VERIFIED_USER_KEY

    def verify(client, user):
        session = client.session
        session[VERIFIED_USER_KEY] = user.pk
        session[VERIFIED_AT_KEY] = int(time.time())
        session.save()
        return client

    return verify
