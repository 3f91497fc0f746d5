"""import_parcoursup on small files in the unofficial copy's format: ',', "lat, lon" text, repeated
(UAI, filière) pairs, empty positions."""

import shutil
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.parcoursup import ParcoursupImporter
from hent.trainings.models import AnnuaireEntry, ParcoursupEntry
from tests import importing
from tests.importing import edit, import_fails, run, unchanged

pytestmark = pytest.mark.django_db

PARCOURSUP_FILE = "fr-esr-parcoursup .csv"
snapshot = partial(importing.snapshot, AnnuaireEntry, ParcoursupEntry, Dataset)


def test_parcoursup_one_entry_per_uai_and_programme(parcoursup):
    output = run("import_parcoursup", parcoursup)
    assert "Parcoursup programmes: 6 in files, 6 created, 0 updated, 0 deleted" in output
    assert "2 row(s) repeat a (UAI, filière) pair already seen" in output
    assert sum(ParcoursupEntry.objects.values_list("occurrences", flat=True)) == 8  # rows in the file


def test_parcoursup_fields_are_decoded(parcoursup):
    run("import_parcoursup", parcoursup)
    bts = ParcoursupEntry.objects.get(uai="0359107R")
    assert (bts.establishment_name, bts.status, bts.sector, bts.region) == (
        "Lycee Exemple Rennes", "Public", "public", "Bretagne",
    )  # fmt: skip
    assert (bts.programme, bts.latitude, bts.longitude) == (
        "BTS   Services   Comptabilite et gestion",
        48.12045,
        -1.70312,
    )
    no_position = ParcoursupEntry.objects.get(uai="0359108S")
    assert (no_position.latitude, no_position.longitude, no_position.sector) == (None, None, "privé")
    abroad = ParcoursupEntry.objects.get(uai="T179001U")
    assert abroad.region == "" and abroad.programme.endswith("Bacs generaux, specialite Maths")


def test_parcoursup_repeated_pairs_are_merged_without_losing_positions(parcoursup):
    run("import_parcoursup", parcoursup)
    exact = ParcoursupEntry.objects.get(uai="0499001F", programme="Licence   Portail Lettres")
    assert (exact.occurrences, exact.other_positions) == (2, [])
    sites = ParcoursupEntry.objects.get(uai="0499002G")
    assert (sites.occurrences, sites.latitude, sites.other_positions) == (2, 47.47911, [[47.4793, -0.60285]])


def test_parcoursup_dataset_says_it_is_unofficial(parcoursup):
    run("import_parcoursup", parcoursup)
    dataset = Dataset.objects.get(slug="parcoursup-copie-non-officielle")
    assert "non officielle" in dataset.name and "non officielle" in dataset.description
    assert dataset.licence == "licence non vérifiée" and dataset.version == "session inconnue"
    (parcoursup / "PROVENANCE.md").unlink()
    run("import_parcoursup", parcoursup)
    assert Dataset.objects.get(slug="parcoursup-copie-non-officielle").licence == "licence non vérifiée"


def test_parcoursup_second_import_and_dry_run_change_nothing(parcoursup):
    importing.assert_dry_run_writes_nothing(partial(run, "import_parcoursup"), parcoursup, snapshot)
    importing.assert_reimport_changes_nothing(partial(run, "import_parcoursup"), parcoursup, snapshot)


def test_parcoursup_reimport_updates_and_deletes(parcoursup):
    run("import_parcoursup", parcoursup)
    file = parcoursup / PARCOURSUP_FILE
    edit(file, "Lycee Exemple Rennes", "Lycee Exemple Rennes (centre)")
    edit(
        file,
        "Public,0499002G,Universite Exemple Angers,Pays de la Loire,Licence   Portail Psychologie,"
        '"47.47911, -0.60288"\n',
        "",
    )
    output = run("import_parcoursup", parcoursup)
    assert "Parcoursup programmes: 6 in files, 0 created, 2 updated, 0 deleted" in output
    assert ParcoursupEntry.objects.get(uai="0499002G").other_positions == []
    edit(
        file,
        "Public,0499002G,Universite Exemple Angers,Pays de la Loire,Licence   Portail Psychologie,"
        '"47.4793, -0.60285"\n',
        "",
    )
    assert "0 created, 0 updated, 1 deleted" in run("import_parcoursup", parcoursup)


PARCOURSUP_MALFORMED = {
    "truncated file": ('"33.5601, -7.6288"\n', '"33.5601, -7', "line 9: malformed CSV"),
    "missing column": ("Filiere de formation,", "Filiere,", "line 1: missing column(s): Filiere de formation"),
    "wrong delimiter": (
        "Code UAI de l etablissement,etablissement,",
        "Code UAI de l etablissement;etablissement;",
        None,
    ),
    "bad position": ('"48.12045, -1.70312"', '"48.12045 -1.70312"', "line 7: Coordonnées GPS de la formation"),
    "unknown status": ("Public,0359107R", "Consulaire,0359107R", "line 7: unknown status 'Consulaire'"),
    "invalid UAI": ("0359107R", "35-907R", "line 7: invalid UAI '35-907R'"),
}


@pytest.mark.parametrize("case", PARCOURSUP_MALFORMED, ids=list(PARCOURSUP_MALFORMED))
def test_parcoursup_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(parcoursup, case):
    run("import_parcoursup", parcoursup)
    file = parcoursup / PARCOURSUP_FILE
    old, new, message = PARCOURSUP_MALFORMED[case]
    with unchanged(snapshot):
        if case == "truncated file":
            data = file.read_bytes()
            file.write_bytes(data[: data.index(old.encode())] + new.encode())
        elif case == "wrong delimiter":
            header, rest = file.read_text().split("\n", 1)
            file.write_text(header.replace(",", ";").replace("(public; prive…)", "(public, prive…)") + "\n" + rest)
        else:
            edit(file, old, new)
        import_fails(
            partial(run, "import_parcoursup"),
            parcoursup,
            PARCOURSUP_FILE,
            message or "line 1: columns are separated by ';'",
        )


def test_parcoursup_reads_a_zip(parcoursup, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "parcoursup"), "zip", parcoursup)
    assert ParcoursupImporter(archive).run().changes == 6
