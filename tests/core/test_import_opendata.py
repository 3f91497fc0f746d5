import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from hent.core import opendata
from hent.core.models import Dataset
from hent.occupations.models import Occupation
from tests.conftest import DEMO_ROME

pytestmark = pytest.mark.django_db


def run_with(*args):
    out = io.StringIO()
    call_command("import_opendata", *args, stdout=out)
    return out.getvalue()


def run():
    return run_with()


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


@pytest.fixture
def rome_only(monkeypatch, tmp_path):
    """One source, the demonstration ROME copied into an open-data folder of its own: its folder."""
    rome = tmp_path / "rome-4.0-v999"
    shutil.copytree(DEMO_ROME, rome)
    monkeypatch.setattr(opendata, "roots", lambda: [tmp_path])
    monkeypatch.setattr(opendata, "SOURCES", [("import_rome", "rome-4.0-*")])
    return rome


def test_a_second_run_with_nothing_changed_imports_nothing(rome_only):
    assert f"import_rome {rome_only}" in run()
    Occupation.objects.filter(code="D1102").update(title="Changed by hand")
    output = run()
    assert "Nothing to import" in output and "--force" in output
    assert "import_rome" not in output
    assert Occupation.objects.get(code="D1102").title == "Changed by hand"  # not read again


def test_a_changed_file_or_force_imports_again(rome_only):
    run()
    assert "import_rome" in run_with("--force")
    texts = rome_only / "unix_texte_v0demo_utf8.csv"
    texts.write_text(texts.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert f"import_rome {rome_only}" in run()
    assert "Nothing to import" in run()


def test_changed_code_imports_again(rome_only, monkeypatch, tmp_path):
    code = tmp_path / "code"
    code.mkdir()
    (code / "importer.py").write_text("VERSION = 1\n")
    monkeypatch.setattr(opendata, "CODE_DIR", code)
    run()
    (code / "importer.py").write_text("VERSION = 2\n")
    assert "import_rome" in run()


def test_a_failed_import_is_not_taken_for_a_complete_one(rome_only):
    run()
    bad = rome_only / "unix_referentiel_code_rome_v0demo_utf8.csv"
    good = bad.read_bytes()
    bad.write_bytes(b"not,the,columns\n1,2,3\n")
    with pytest.raises(CommandError):
        run()
    assert Occupation.objects.count() == 6  # nothing stored was lost
    bad.write_bytes(good)  # the files are as at the last complete import again, but that import was undone
    assert "import_rome" in run()


def test_a_dry_run_never_counts_as_an_import(rome_only):
    run_with("--dry-run")
    assert "import_rome" in run()
    assert "import_rome" in run_with("--dry-run")


def test_the_same_files_elsewhere_have_the_same_fingerprint(tmp_path):
    here, there = tmp_path / "a" / "rome-4.0-v999", tmp_path / "b" / "rome-4.0-v999"
    shutil.copytree(DEMO_ROME, here)
    shutil.copytree(DEMO_ROME, there)
    assert opendata.fingerprint([("import_rome", here)]) == opendata.fingerprint([("import_rome", there)])
    (there / "unix_texte_v0demo_utf8.csv").write_text("changed", encoding="utf-8")
    assert opendata.fingerprint([("import_rome", here)]) != opendata.fingerprint([("import_rome", there)])
