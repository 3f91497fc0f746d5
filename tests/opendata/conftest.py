"""Integration tests on the real open data in ../shared/data (skipped, with the reason, when it is absent)."""

import pytest
from django.core.management import call_command

from tests.conftest import SHARED_DATA
from tests.importing import require

ROME_DIR = SHARED_DATA / "rome-4.0-v460"


@pytest.fixture(scope="package")
def rome_import(django_db_setup, django_db_blocker):
    """Imports the real ROME once for this package; the tables are emptied afterwards for other tests."""
    from hent.occupations.importers.rome import RomeImporter

    require(ROME_DIR)
    with django_db_blocker.unblock():
        report = RomeImporter(ROME_DIR).run()
    yield report
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def rome(rome_import, db):
    return rome_import
