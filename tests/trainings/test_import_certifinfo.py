"""import_certifinfo on small files written in Certif Info's format (tests/trainings/certifinfo_file.py)."""

import datetime
import shutil
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.trainings.importers.certifinfo import CertifInfoImporter
from hent.trainings.models import CertifInfo
from tests import importing
from tests.importing import import_fails, unchanged
from tests.trainings import certifinfo_file

pytestmark = pytest.mark.django_db

FILE = certifinfo_file.FILE
run = partial(importing.run, "import_certifinfo")
snapshot = partial(importing.snapshot, CertifInfo, Dataset)


@pytest.fixture
def folder(tmp_path):
    """The test file in a folder of the test's own, which the test may alter."""
    return certifinfo_file.write(tmp_path / "certifinfo")


def edit(folder, old, new, count=1):
    importing.edit(folder / FILE, old, new, count)


def test_import_counts_rows_and_merges_repeated_certifications(folder):
    output = run(folder)
    assert CertifInfo.objects.count() == 6
    assert "Certif Info certifications: 6 in files, 6 created, 0 updated, 0 deleted" in output
    assert "9 rows for 6 certifications; 3 row(s) repeat a certification" in output


def test_fields_are_decoded(folder):
    run(folder)
    bts = CertifInfo.objects.get(code=36270)
    assert bts.title == "Brevet de technicien supérieur management commercial opérationnel"
    assert (bts.type_label, bts.type_code, bts.level_eu) == ("Brevet de technicien supérieur", "108", 5)
    assert bts.updated_on == datetime.date(2024, 3, 12)
    assert (bts.formacode, bts.formacode_label, bts.nsf) == ("34566", "Management commercial", "312")
    assert bts.rome_codes == "D1503 D1401 M1704"  # in the publisher's order
    assert (bts.rncp, bts.rs, bts.cfd, bts.onisep_id) == ("38362", "", "32031213", "FOR.5678")
    assert (bts.first_session, bts.last_session) == (2020, None)
    assert (bts.state_code, bts.state_label) == ("0", "Publié")
    assert (bts.old_code, bts.old_rncp, bts.old_cfd, bts.old_state_label) == (84120, "34031", "32031208", "archivée")
    assert bts.certifier == "ministère de l'enseignement supérieur et de la recherche"
    tp = CertifInfo.objects.get(code=83148)
    assert tp.title.endswith('de matériels "travaux publics et manutention"')  # quotes inside an unquoted field
    assert tp.last_session == 2025


def test_access_codes_1_0_2_read_as_true_false_and_unknown(folder):
    run(folder)
    fields = ["access_initial", "access_apprenticeship", "access_continuing", "access_professionalisation",
              "access_vae", "access_individual"]  # fmt: skip
    assert list(CertifInfo.objects.filter(code=36270).values_list(*fields).get()) == [True] * 6
    assert list(CertifInfo.objects.filter(code=83148).values_list(*fields).get()) == [
        False, True, True, True, True, False,
    ]  # fmt: skip
    assert list(CertifInfo.objects.filter(code=1880).values_list(*fields).get()) == [None] * 6  # 2: not stated
    assert CertifInfo.objects.get(code=1880).level_eu is None  # empty level: unknown, not zero


def test_rows_repeated_for_onisep_ids_or_rs_codes_are_merged_in_order(folder):
    run(folder)
    iep = CertifInfo.objects.get(code=109653)
    assert (iep.onisep_id, iep.onisep_ids) == ("FOR.1084", "FOR.1084 FOR.1925 FOR.1946")
    pisteur = CertifInfo.objects.get(code=48047)
    assert (pisteur.rs, pisteur.rs_codes) == ("2754", "2754 6316")


def test_dataset_is_recorded_with_its_provenance(folder):
    run(folder)
    dataset = Dataset.objects.get(slug="certifinfo")
    assert (dataset.name, dataset.publisher) == ("Certif Info", "Réseau des Carif-Oref")
    assert dataset.version == "2024-06-28" and dataset.published_on == datetime.date(2024, 6, 28)  # latest Date_MaJ
    assert dataset.licence == "licence non vérifiée"
    assert dataset.row_counts == {"Certif Info certifications": 6}


@pytest.mark.parametrize("kind", ["file", "folder", "zip"])
def test_path_may_be_the_file_its_folder_or_a_zip(folder, tmp_path, kind):
    path = {
        "file": folder / FILE,
        "folder": folder,
        "zip": lambda: shutil.make_archive(str(tmp_path / "certifinfo"), "zip", folder),
    }[kind]
    report = CertifInfoImporter(path() if callable(path) else path).run()
    assert report.changes == 6


def test_second_import_changes_nothing(folder):
    importing.assert_reimport_changes_nothing(run, folder, snapshot)


def test_dry_run_counts_but_writes_nothing(folder):
    importing.assert_dry_run_writes_nothing(run, folder, snapshot, created=6)


def test_reimport_updates_and_deletes_what_the_publisher_changed(folder):
    run(folder)
    edit(folder, "Magistère aménagement et urbanisme", "Magistère aménagement, urbanisme et territoires")
    file = folder / FILE
    file.write_bytes(b"".join(line for line in file.read_bytes().splitlines(True) if not line.startswith(b"85199;")))
    edit(folder, ";FOR.1946\n", ";FOR.2030\n")
    output = run(folder)
    assert "Certif Info certifications: 5 in files, 0 created, 2 updated, 1 deleted" in output
    assert CertifInfo.objects.get(code=1880).title == "Magistère aménagement, urbanisme et territoires"
    assert CertifInfo.objects.get(code=109653).onisep_ids == "FOR.1084 FOR.1925 FOR.2030"
    assert not CertifInfo.objects.filter(code=85199).exists()


MALFORMED = {
    # case: (old, new, expected message)
    "missing column": (";code_type_diplome;", ";code_type;", "line 1: missing column(s): code_type_diplome"),
    "wrong delimiter": ("Code_Diplome;Libelle_Diplome;", "Code_Diplome,Libelle_Diplome,",
                        "line 1: columns are separated by ','"),
    "short row": (";110;FOR.846\n", ";110\n", "line 2: 36 field(s) where the header has 37"),
    "bad level": ("supérieur;5;", "supérieur;9;", "line 3: column Code_Niveau_Europeen: '9' is not between 1 and 8"),
    "bad date": (";16/04/2024;", ";31/04/2024;", "line 2: column Date_MaJ: '31/04/2024' is not a date (dd/mm/yyyy)"),
    "bad access code": (";2;2;2;2;2;2;110;", ";2;2;3;2;2;2;110;", "line 2: column accessibilite_fc: '3' is not one of"),
    "bad ROME code": (";D1503;", ";D15O3;", "line 3: column Code_Rome_1: 'D15O3' is not a ROME code"),
    "not a number": ("\n36270;", "\n3627O;", "line 3: column Code_Diplome: '3627O' is not a number"),
    "repeat with other values": (
        ";39136;;15512803;Institut d'études politiques (Sciences Po) de Rennes;;;;;;;;  ;0;Publié;;inconnu;1;1;1;1;1;0;"
        "199;FOR.1925",
        ";39137;;15512803;Institut d'études politiques (Sciences Po) de Rennes;;;;;;;;  ;0;Publié;;inconnu;1;1;1;1;1;0;"
        "199;FOR.1925",
        "line 5: certification 109653 repeats line 4 with other values (rncp)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", [*MALFORMED, "truncated file"])
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(folder, case):
    run(folder)
    with unchanged(snapshot):
        if case == "truncated file":
            file = folder / FILE
            data = file.read_bytes()
            file.write_bytes(data[: data.index(b"Test Bright")])  # cut in the middle of the last row
            message = "line 10: 2 field(s) where the header has 37"
        else:
            old, new, message = MALFORMED[case]
            edit(folder, old, new)
        import_fails(run, folder, FILE, message)


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"no file matching certif_info\*\.csv"):
        run(tmp_path)
