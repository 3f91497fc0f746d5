"""import_kit_apprentissage on a small file in the Kit apprentissage's format (multi-line header, "NR", NFD accents)."""

import datetime
import shutil
import unicodedata
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.kit_apprentissage import KitApprentissageImporter
from hent.trainings.models import KitApprentissage
from tests import importing
from tests.importing import NO_CHANGE, import_fails, unchanged

pytestmark = pytest.mark.django_db

FILE = "Kit_apprentissage_20240101.csv"
run = partial(importing.run, "import_kit_apprentissage")
snapshot = partial(importing.snapshot, KitApprentissage, Dataset)


def edit(folder, old, new):
    importing.edit(folder / FILE, old, new)


def test_import_counts_rows(kit):
    output = run(kit)
    assert KitApprentissage.objects.count() == 7
    assert "Kit apprentissage rows: 7 in files, 7 created, 0 updated, 0 deleted" in output
    assert "1 CFD code(s) with no RNCP fiche ('NR')" in output


def test_fields_are_decoded(kit):
    run(kit)
    bp = KitApprentissage.objects.get(cfd="45033104")
    assert (bp.rncp, bp.title, bp.rncp_title) == (
        "37390",
        "PREPARATEUR EN PHARMACIE (BP)",
        "BP - Préparateur en pharmacie",
    )
    assert (bp.level_eu, bp.type_abbreviation, bp.kit_version) == (4, "BP", "v2.9")
    assert bp.apprenticeship_access is True and bp.active is True
    assert bp.end_of_validity == datetime.date(2027, 8, 31)
    assert (bp.new_rncp, bp.old_rncp) == ("", "1090")
    # The dates under the multi-line headers are read.
    cap = KitApprentissage.objects.get(cfd="50022425")
    assert (cap.published_on, cap.paths_start_on) == (datetime.date(2021, 9, 24), datetime.date(2021, 9, 1))
    assert cap.old_rncp == "525 521"  # "RNCP525|RNCP521|"
    titre = KitApprentissage.objects.get(cfd="16X31245")
    assert (titre.decided_on, titre.registration_type) == (datetime.date(2023, 9, 15), "Enregistrement sur demande")
    assert titre.type_abbreviation == ""
    closed = KitApprentissage.objects.get(cfd="36X20001")
    assert closed.apprenticeship_access is False and closed.active is False
    assert (closed.issue_deadline, closed.new_rncp) == (datetime.date(2024, 4, 30), "38542 38543")


def test_nr_means_not_stated(kit):
    run(kit)
    row = KitApprentissage.objects.get(cfd="26X99999")
    assert (row.rncp, row.rncp_title, row.registration_type, row.new_rncp, row.old_rncp) == ("", "", "", "", "")
    assert row.level_eu is None and row.apprenticeship_access is None and row.active is None
    assert row.end_of_validity is None and row.issue_deadline is None
    assert row.kit_version == "CI-09112023"


def test_decomposed_accents_are_normalised(kit):
    run(kit)
    title = KitApprentissage.objects.get(cfd="1703210A").rncp_title
    assert title == "Titre ingénieur - Ingénieur diplômé du Conservatoire national des arts et métiers"
    assert unicodedata.is_normalized("NFC", title)


def test_a_windows_1252_copy_of_the_file_reads_the_same(kit):
    run(kit)
    with unchanged(snapshot):
        file = kit / FILE
        file.write_bytes(unicodedata.normalize("NFC", file.read_text(encoding="utf-8")).encode("cp1252"))
        assert NO_CHANGE in run(kit)


def test_dataset_version_and_date_come_from_the_file_name(kit):
    run(kit)
    dataset = Dataset.objects.get(slug="kit-apprentissage")
    assert (dataset.version, dataset.published_on) == ("20240101", datetime.date(2024, 1, 1))
    assert dataset.licence == "licence non vérifiée"


@pytest.mark.parametrize("kind", ["file", "folder", "zip"])
def test_path_may_be_the_file_its_folder_or_a_zip(kit, tmp_path, kind):
    if kind == "zip":
        path = shutil.make_archive(str(tmp_path / "kit"), "zip", kit)
    else:
        path = kit / FILE if kind == "file" else kit
    assert KitApprentissageImporter(path).run().changes == 7


def test_second_import_changes_nothing(kit):
    importing.assert_reimport_changes_nothing(run, kit, snapshot)


def test_dry_run_counts_but_writes_nothing(kit):
    importing.assert_dry_run_writes_nothing(run, kit, snapshot, created=7)


def test_reimport_updates_and_deletes(kit):
    run(kit)
    edit(kit, "v2.9;oui;31/08/2027", "v3.0;non;31/08/2027")
    file = kit / FILE
    file.write_bytes(b"".join(line for line in file.read_bytes().splitlines(True) if not line.startswith(b"26X99999;")))
    output = run(kit)
    assert "Kit apprentissage rows: 6 in files, 0 created, 1 updated, 1 deleted" in output
    assert KitApprentissage.objects.get(cfd="45033104").apprenticeship_access is False


MALFORMED = {
    "missing column": ("Date limite de la délivrance;", "Date limite;",
                       "line 1: missing column(s): Date limite de la délivrance"),
    "missing multi-line column": ("\"Date de décision\n (enregistrement sur demande)\"", "Date de décision",
                                  "line 1: missing column(s): Date de décision (enregistrement sur demande)"),
    "wrong delimiter": ("Code Diplôme;Intitulé diplôme (DEPP);", "Code Diplôme,Intitulé diplôme (DEPP),",
                        "line 1: columns are separated by ','"),
    "bad date": ("v2.9;oui;31/08/2027", "v2.9;oui;2027-08-31",
                 "line 7: column Date d'échéance de la fiche RNCP: '2027-08-31' is not a date (dd/mm/yyyy)"),
    "bad yes/no": ("v2.9;oui;31/08/2027", "v2.9;peut-être;31/08/2027",
                   "line 7: column Accès à l'apprentissage de la fiche RNCP (oui/non): 'peut-être' is not one of"),
    "bad level": ("Niveau 4;", "Niveau IV;", "line 7: column Niveau fiche RNCP: 'Niveau IV' is not a level"),
    "bad RNCP list": ("RNCP525|RNCP521|", "RNCP525|RNCP-521|",
                      "line 9: column Ancienne Certification (RNCP): 'RNCP525|RNCP-521|' is not a list of RNCP"),
    "bad CFD": ("16X31245;", "16X3124;", "line 8: column Code Diplôme: '16X3124' is not a CFD"),
    "short row": (";Enregistrement de droit;;;;;;RNCP1090", ";Enregistrement de droit;;;;;RNCP1090",
                  "line 7: 16 field(s) where the header has 17"),
}  # fmt: skip


@pytest.mark.parametrize("case", [*MALFORMED, "truncated file", "duplicate row"])
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(kit, case):
    run(kit)
    file = kit / FILE
    with unchanged(snapshot):
        if case == "truncated file":
            data = file.read_bytes()
            file.write_bytes(data[: data.index(b"Conservatoire")])
            message = "line 12: 10 field(s) where the header has 17"
        elif case == "duplicate row":
            lines = file.read_bytes().splitlines(True)
            file.write_bytes(b"".join([*lines, lines[6]]))  # line 7 again, as line 13
            message = "line 13: CFD 45033104 -> RNCP37390 already on line 7"
        else:
            old, new, message = MALFORMED[case]
            edit(kit, old, new)
        import_fails(run, kit, FILE, message)
