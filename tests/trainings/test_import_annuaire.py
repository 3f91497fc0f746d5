"""import_annuaire on small files in the publisher's format: UTF-8 with BOM, ';', CRLF, one Windows-1252
line, one UAI on two lines, empty flags (unknown, not "no")."""

import datetime
import shutil
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.annuaire import AnnuaireImporter
from hent.trainings.models import AnnuaireEntry, ParcoursupEntry
from tests import importing
from tests.importing import edit, import_fails, run, unchanged

pytestmark = pytest.mark.django_db

ANNUAIRE_FILE = "fr-en-annuaire-education_dept035.csv"
snapshot = partial(importing.snapshot, AnnuaireEntry, ParcoursupEntry, Dataset)


def test_annuaire_counts_one_entry_per_uai(annuaire):
    output = run("import_annuaire", annuaire)
    assert "annuaire entries: 5 in files, 5 created, 0 updated, 0 deleted" in output
    assert "1 UAI(s) on several lines, merged" in output
    assert AnnuaireEntry.objects.count() == 5


def test_annuaire_fields_are_decoded(annuaire):
    run("import_annuaire", annuaire)
    lp = AnnuaireEntry.objects.get(uai="0359101K")
    assert (lp.name, lp.kind, lp.nature_code, lp.nature_label) == (
        "Lycée professionnel Noël Exemple", "Lycée", "320", "LYCEE PROFESSIONNEL",
    )  # fmt: skip
    assert (lp.address, lp.address_locality, lp.postcode) == (
        "12 rue des Exemples, BP 90101",
        "35005 RENNES CEDEX",
        "35005",
    )
    assert (lp.commune_code, lp.commune_name, lp.department_code, lp.region_code) == ("35238", "Rennes", "35", "53")
    assert (lp.sector, lp.phone, lp.email, lp.website) == (
        "public", "02 99 00 12 34", "ce.0359101k@ac-rennes.fr", "https://www.lycee-noel-exemple.fr",
    )  # fmt: skip
    assert (lp.latitude, lp.longitude, lp.position_precision) == (48.1153, -1.6948, "Numéro de rue")
    assert (lp.onisep_id, lp.siret, lp.pupils) == ("ENS.9101", "19359101000017", 640)
    assert (lp.general, lp.technological, lp.vocational, lp.apprenticeship, lp.post_bac) == (
        False,
        False,
        True,
        True,
        True,
    )
    assert (lp.trades_lycee, lp.greta, lp.agricultural) == (True, True, False)
    assert lp.updated_on == datetime.date(2023, 6, 8) and lp.opened_on == datetime.date(1966, 9, 1)
    assert (lp.state, lp.ministry, lp.other_lines) == ("OUVERT", "MINISTERE DE L'EDUCATION NATIONALE", [])


def test_annuaire_empty_flags_are_unknown_not_no(annuaire):
    run("import_annuaire", annuaire)
    school = AnnuaireEntry.objects.get(uai="0359102L")
    assert (school.general, school.vocational, school.apprenticeship, school.post_bac) == (None, None, None, None)
    assert school.address == "4 rue DES LILAS" and school.website == "" and school.position_precision == "Rue"
    office = AnnuaireEntry.objects.get(uai="0359105P")
    assert office.sector == "" and office.pupils is None and office.position_precision == "Ville"


def test_annuaire_windows_1252_line_is_read_and_reported(annuaire):
    output = run("import_annuaire", annuaire)
    assert "1 line(s) not in UTF-8, read as Windows-1252 (first: line 4)" in output
    lp = AnnuaireEntry.objects.get(uai="0359103M")
    assert (lp.name, lp.commune_name, lp.sector, lp.ministry) == (
        "Lycée professionnel Abbé Exemple", "Tinténiac", "privé", "AGRICULTURE",
    )  # fmt: skip
    assert lp.agricultural is True


def test_annuaire_uai_on_two_lines_keeps_the_main_line_and_merges_the_flags(annuaire):
    run("import_annuaire", annuaire)
    entry = AnnuaireEntry.objects.get(uai="0359104N")
    assert entry.name == "Lycée professionnel Institution Notre-Dame Exemple"  # not the "annexe" line
    assert (entry.general, entry.technological, entry.vocational, entry.post_bac) == (True, True, True, True)
    assert entry.apprenticeship is False
    [other] = entry.other_lines
    assert other["name"].endswith("(annexe)") and other["onisep_id"] == "ENS.9105"
    assert (other["vocational"], other["general"], other["opened_on"]) == (False, True, "1980-09-01")


def test_annuaire_dataset_is_recorded_from_the_files_and_provenance(annuaire):
    run("import_annuaire", annuaire)
    dataset = Dataset.objects.get(slug="annuaire-education")
    assert (dataset.name, dataset.publisher) == ("Annuaire de l'éducation", "Ministère de l'Éducation nationale")
    assert (dataset.version, dataset.published_on) == ("2023-06-08", datetime.date(2023, 6, 8))
    assert dataset.licence == "licence non vérifiée"
    assert "département(s) 35" in dataset.description and "github.com/example/annuaire-copy" in dataset.description
    assert dataset.row_counts == {"annuaire entries": 5}


def test_annuaire_without_provenance_is_the_official_distribution(annuaire):
    (annuaire / "PROVENANCE.md").unlink()
    run("import_annuaire", annuaire)
    dataset = Dataset.objects.get(slug="annuaire-education")
    assert dataset.licence.startswith("Licence Ouverte") and "data.education.gouv.fr" in dataset.source_url


def test_annuaire_second_import_changes_nothing(annuaire):
    importing.assert_reimport_changes_nothing(partial(run, "import_annuaire"), annuaire, snapshot)


def test_annuaire_dry_run_writes_nothing(annuaire):
    importing.assert_dry_run_writes_nothing(partial(run, "import_annuaire"), annuaire, snapshot, created=5)


def test_annuaire_reimport_updates_and_deletes(annuaire):
    run("import_annuaire", annuaire)
    file = annuaire / ANNUAIRE_FILE
    edit(file, "12 rue des Exemples", "14 rue des Exemples")
    lines = file.read_bytes().split(b"\r\n")
    file.write_bytes(b"\r\n".join(line for line in lines if not line.startswith(b"0359105P")))
    output = run("import_annuaire", annuaire)
    assert "annuaire entries: 4 in files, 0 created, 1 updated, 1 deleted" in output
    assert AnnuaireEntry.objects.get(uai="0359101K").address.startswith("14 rue")
    assert not AnnuaireEntry.objects.filter(uai="0359105P").exists()


def test_annuaire_reads_a_zip(annuaire, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "fr-en-annuaire-education"), "zip", annuaire)
    assert AnnuaireImporter(archive).run().changes == 5


ANNUAIRE_MALFORMED = {
    "truncated file": (None, None, "line 7: 30 field(s) where the header has 69"),
    "missing column": ("Voie_professionnelle;", "Voie_pro;", "line 1: missing column(s): Voie_professionnelle"),
    "wrong delimiter": (None, None, "line 1: columns are separated by ','"),
    "bad coordinate": (";48.1153;", ";48,11,53;", "line 2: latitude: '48,11,53' is not a number"),
    "bad flag": (";0;0;1;02 99 00", ";0;0;2;02 99 00", "line 2: Voie_professionnelle: '2' is not 0, 1 or empty"),
    "bad date": ("1966-09-01", "1966-13-01", "line 2: date_ouverture: '1966-13-01' is not a date"),
    "unknown region": (";035;14;53;;;0;0;1;02 99 00", ";035;14;99;;;0;0;1;02 99 00", "line 2: Code_region: unknown"),
    "invalid UAI": ("0359101K", "035910", "line 2: invalid UAI '035910'"),
    "duplicate UAI": ("0359102L", "0359101K", "line 3: duplicate row for UAI 0359101K"),
}


@pytest.mark.parametrize("case", ANNUAIRE_MALFORMED, ids=list(ANNUAIRE_MALFORMED))
def test_annuaire_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(annuaire, case):
    run("import_annuaire", annuaire)
    file = annuaire / ANNUAIRE_FILE
    old, new, message = ANNUAIRE_MALFORMED[case]
    with unchanged(snapshot):
        if case == "truncated file":
            data = file.read_bytes()
            file.write_bytes(data[: data.index(b"0359104N;Lyc\xc3\xa9e polyvalent") + 200])
        elif case == "wrong delimiter":
            lines = file.read_bytes().split(b"\r\n", 1)
            file.write_bytes(lines[0].replace(b";", b",") + b"\r\n" + lines[1])
        else:
            edit(file, old, new)
        import_fails(partial(run, "import_annuaire"), annuaire, ANNUAIRE_FILE, message)
