"""import_onisep_lycees on small files in the format of ONISEP's lists of teachings per lycée GT."""

from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.trainings.importers.onisep_lycees import split_teachings
from hent.trainings.models import LyceeTeaching, OnisepLycee, onisep
from tests import importing
from tests.importing import edit, import_fails, unchanged

pytestmark = pytest.mark.django_db

SPECIALITES = "ideo-enseignements_de_specialite_de_premiere_generale.xml"
OPTIONS = "ideo-enseignements_optionnels_de_seconde_generale_et_technologique.xml"
run = partial(importing.run, "import_onisep_lycees")
snapshot = partial(importing.snapshot, *(getattr(onisep, name) for name in onisep.__all__), Dataset)


def test_import_counts_lycees_and_teachings(lycees):
    output = run(lycees)
    assert OnisepLycee.objects.count() == 4  # one of them is in both files
    assert LyceeTeaching.objects.filter(kind="specialite_premiere").count() == 7
    assert LyceeTeaching.objects.filter(kind="option_seconde").count() == 10
    assert "lycées: 4 in files, 4 created, 0 updated, 0 deleted" in output
    assert "lycée teachings: 17 in files, 17 created, 0 updated, 0 deleted" in output


def test_lycee_fields_are_decoded(lycees):
    run(lycees)
    kerbrest = OnisepLycee.objects.get(id="ENS.9411")
    assert (kerbrest.uai, kerbrest.name) == ("0299001H", "Lycée Exemple - Kerbrest")
    assert (kerbrest.address, kerbrest.po_box, kerbrest.postcode) == ("12 bis rue des Exemples", "BP 90012", "29801")
    assert (kerbrest.commune_name, kerbrest.department_name, kerbrest.department_code) == ("Brest", "Finistère", "29")
    assert (kerbrest.region_name, kerbrest.academy) == ("Bretagne", "Rennes")
    assert kerbrest.url == "https://www.onisep.fr/http/redirection/etablissement/slug/ENS.9411"
    assert OnisepLycee.objects.get(id="ENS.2001").department_code == "2A"
    annexe = OnisepLycee.objects.get(id="ENS.16794")
    assert (annexe.uai, annexe.department_code) == ("", "33")  # annexes have no UAI of their own
    assert not OnisepLycee.objects.get(id="ENS.2001").teachings.exists()  # listed with no teaching


def test_teachings_are_split_and_carry_the_lycee(lycees):
    run(lycees)
    options = LyceeTeaching.objects.filter(action_id="AF.88294").order_by("position")
    assert [(t.position, t.label, t.published_label) for t in options] == [
        (1, "Arts : arts plastiques", "Arts : arts plastiques"),
        (2, "Langues et cultures de l'Antiquité : latin", "Langues et cultures de l'Antiquité : latin"),
        (3, "LV1 : anglais", "LV1 : anglais"),
        (4, "LV2 : espagnol", "LV2 : espagnol, allemand, breton"),
        (5, "LV2 : allemand", "LV2 : espagnol, allemand, breton"),
        (6, "LV2 : breton", "LV2 : espagnol, allemand, breton"),
        (7, "Chinois", "Chinois"),
    ]
    maths = LyceeTeaching.objects.get(action_id="AF.17873", label="mathématiques")
    assert (maths.kind, maths.lycee_id, maths.uai, maths.establishment_name) == (
        "specialite_premiere",
        "ENS.9411",
        "0299001H",
        "Lycée Exemple - Kerbrest",
    )
    assert (maths.address, maths.postcode, maths.commune_name, maths.department_code) == (
        "12 bis rue des Exemples",
        "29801",
        "Brest",
        "29",
    )
    assert (maths.commune_code, maths.latitude, maths.longitude) == ("", None, None)  # not in these files
    assert LyceeTeaching.objects.filter(label="arts : cinéma - audiovisuel").count() == 1


def test_split_teachings():
    assert split_teachings("") == []
    assert split_teachings("maths /  / LV1 : anglais, allemand") == [
        ("maths", "maths"),
        ("LV1 : anglais", "LV1 : anglais, allemand"),
        ("LV1 : allemand", "LV1 : anglais, allemand"),
    ]


def test_dataset_version_comes_from_provenance(lycees):
    run(lycees)
    dataset = Dataset.objects.get(slug="onisep-lycees-gt")
    assert (dataset.publisher, dataset.version, dataset.published_on) == ("ONISEP", "2025-11-16", None)
    assert dataset.licence == "licence non vérifiée"
    assert "16/11/2025" in dataset.description


def test_without_provenance_the_version_is_empty_and_said(lycees):
    (lycees / "PROVENANCE.md").unlink()
    output = run(lycees)
    assert Dataset.objects.get(slug="onisep-lycees-gt").version == ""
    assert "the files carry no date" in output


def test_second_import_changes_nothing_and_dry_run_writes_nothing(lycees):
    importing.assert_dry_run_writes_nothing(run, lycees, snapshot, created=17)
    importing.assert_reimport_changes_nothing(run, lycees, snapshot)


def test_reimport_updates_and_deletes(lycees):
    run(lycees)
    edit(lycees / SPECIALITES, "12 bis rue des Exemples", "14 rue des Exemples")
    edit(lycees / OPTIONS, "12 bis rue des Exemples", "14 rue des Exemples")
    edit(lycees / OPTIONS, " / Chinois", "")
    output = run(lycees)
    assert "lycées: 4 in files, 0 created, 1 updated, 0 deleted" in output
    # The lycée's address is repeated on its 4 + 6 remaining teachings.
    assert "lycée teachings: 16 in files, 0 created, 10 updated, 1 deleted" in output
    assert OnisepLycee.objects.get(id="ENS.9411").address == "14 rue des Exemples"


def test_both_files_are_needed(lycees):
    (lycees / OPTIONS).unlink()
    with pytest.raises(
        CommandError, match=r"no Idéo enseignements optionnels de 2nde GT .* both lycée files are needed"
    ):
        run(lycees)


def test_a_lycee_described_differently_in_the_two_files_is_reported(lycees):
    edit(lycees / OPTIONS, "<commune_lieu_de_cours>Brest<", "<commune_lieu_de_cours>BREST<")
    output = run(lycees)
    assert "ENS.9411 differs (commune_name)" in output and "the first is kept" in output
    assert OnisepLycee.objects.get(id="ENS.9411").commune_name == "Brest"


MALFORMED = {
    "truncated file": (SPECIALITES, "<item><identifiant_action_de_formation>AF.35104", None, "malformed XML"),
    "missing element": (OPTIONS, "<boite_postale_lieu_de_cours/>", "", "<item> 2: missing element <boite_postale"),
    "unknown département": (
        SPECIALITES,
        ">Eure-et-Loir<",
        ">Eure et Cher<",
        "<item> 2: unknown département 'Eure et Cher'",
    ),
    "bad UAI": (OPTIONS, ">0289001J<", ">289001J<", "<item> 2: uai_lieu_de_cours '289001J' is not a UAI"),
    "bad postcode": (SPECIALITES, ">29801<", ">2980<", "<item> 1: code_postal_lieu_de_cours '2980' is not a postcode"),
    "duplicate action": (OPTIONS, "AF.48442", "AF.32885", "<item> 3: duplicate action de formation AF.32885"),
    "establishment without id": (SPECIALITES, "slug/ENS.16794", "slug/", "<item> 3: identifiant_et_fiche_onisep_lieu"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(lycees, case):
    run(lycees)
    name, old, new, message = MALFORMED[case]
    with unchanged(snapshot):
        if new is None:
            data = (lycees / name).read_bytes()
            (lycees / name).write_bytes(data[: data.index(old.encode()) + 30])
        else:
            edit(lycees / name, old, new)
        import_fails(run, lycees, f"{name}, line 1: ", message)  # the publisher writes each file on one line
