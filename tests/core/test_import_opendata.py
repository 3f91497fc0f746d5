import io
import shutil

import pytest
from django.core.management import call_command

from hent.core import opendata
from hent.core.models import Dataset
from hent.occupations.models import Occupation
from tests.conftest import DEMO_ROME

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("import_opendata", stdout=out)
    return out.getvalue()


def test_without_open_data_the_demo_dataset_is_imported_and_flagged(monkeypatch):
    monkeypatch.setattr(opendata, "roots", lambda: [])
    output = run()
    assert "no open data found, importing demonstration data" in output
    assert Occupation.objects.count() == 6
    assert Dataset.objects.get(slug="rome").is_demo


def test_hent_opendata_comes_first(monkeypatch, tmp_path):
    shutil.copytree(DEMO_ROME, tmp_path / "rome-4.0-v999")
    monkeypatch.setenv("HENT_OPENDATA", str(tmp_path))
    assert opendata.roots()[0] == tmp_path
    assert opendata.locate("rome-4.0-*") == (tmp_path / "rome-4.0-v999", False)
    monkeypatch.setattr(opendata, "roots", lambda: [tmp_path])  # not the other sources of ../shared/data
    output = run()
    assert f"import_rome {tmp_path / 'rome-4.0-v999'}" in output
