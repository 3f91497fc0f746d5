"""import_onisep_metiers on small files in the formats of ONISEP's Idéo-Fiches métiers (XML) and Idéo-Métiers
Onisep list (XML and JSON)."""

import datetime
import json
import shutil
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.trainings.importers.onisep_metiers import OnisepMetiersImporter
from hent.trainings.models import (
    OnisepMetier,
    OnisepMetierFormation,
    OnisepMetierPublication,
    OnisepMetierShortText,
    OnisepMetierSynonym,
    OnisepMetierTag,
    onisep,
)
from tests import importing
from tests.importing import NO_CHANGE, edit, import_fails, unchanged

pytestmark = pytest.mark.django_db

FICHES = "Onisep_Ideo_Fiches_metiers_01022025.xml"
LIST_XML = "ideo-metiers_onisep_2025-11.xml"
LIST_JSON = "ideo-metiers_onisep_5fa5949243f97.json"

run = partial(importing.run, "import_onisep_metiers")
snapshot = partial(importing.snapshot, *(getattr(onisep, name) for name in onisep.__all__), Dataset)


# -- Idéo-Fiches métiers -------------------------------------------------------------------------------------------


def test_fiches_counts_every_table(fiches):
    output = run(fiches)
    assert OnisepMetier.objects.count() == 3
    assert OnisepMetierSynonym.objects.count() == 2
    assert OnisepMetierFormation.objects.count() == 3
    assert OnisepMetierShortText.objects.count() == 2
    assert OnisepMetierTag.objects.count() == 10
    assert "métiers: 3 in files, 3 created, 0 updated, 0 deleted" in output
    assert "total: 20 created, 0 updated, 0 deleted" in output


def test_fiche_fields_are_decoded(fiches):
    output = run(fiches)
    controller = OnisepMetier.objects.get(id="MET.1")
    assert (controller.name, controller.name_feminine, controller.name_masculine) == (
        "contrôleur/euse aérien/ne",
        "contrôleuse aérienne",
        "contrôleur aérien",
    )
    assert controller.rome_codes == "N2202"
    assert controller.summary.startswith("<p>Garant de la sécurité")
    assert controller.skills.startswith("<h5>Calme et réactif</h5>")
    assert controller.nature_of_work == (
        "<h5>Un suivi en temps réel</h5><p>Le contrôleur aérien règle la circulation des avions.</p>"
    )
    assert controller.career.startswith("<h3>Salaire</h3>")
    assert "32 heures" in controller.working_conditions
    # Links keep only http(s) targets.
    assert "javascript" not in controller.access
    assert (
        '<a href="https://www.aviation-exemple.fr" rel="nofollow noopener noreferrer">École exemple</a>'
        in controller.access
    )
    assert (controller.min_level_id, controller.min_level_label) == ("REF.411", "Bac + 2")
    assert controller.is_cross_sector is None  # empty: unknown
    # Several ROME codes, one of them truncated as published: kept, with a warning.
    agronomist = OnisepMetier.objects.get(id="MET.323")
    assert agronomist.rome_codes == "A15 D1210 A1503"
    assert agronomist.is_cross_sector is True
    assert "1 ROME code(s) not of the form A1234, kept as published: A15 (MET.323, line 154)" in output


def test_fiche_children(fiches):
    run(fiches)
    assert set(OnisepMetierSynonym.objects.filter(metier="MET.1").values_list("name", "name_feminine")) == {
        ("aiguilleur/euse du ciel", "aiguilleuse du ciel"),
        ("ingénieur/e du contrôle de la navigation aérienne", "ingénieure du contrôle de la navigation aérienne"),
    }
    assert dict(OnisepMetierFormation.objects.filter(metier="MET.10").values_list("formation_id", "label")) == {
        "FOR.10001": "MC (futur CS) peinture décoration",
        "FOR.494": "CAP peintre applicateur de revêtements",
    }
    dico = OnisepMetierShortText.objects.get(metier="MET.1", kind="Dico des métiers")
    assert dico.title == "contrôleur aérien / contrôleuse aérienne"
    assert dico.text == "<p>Le contrôleur aérien supervise le trafic.</p><h5>Durée des études</h5>"
    tags = list(
        OnisepMetierTag.objects.filter(metier="MET.1")
        .order_by("kind", "position")
        .values_list("kind", "code", "label", "detail")
    )
    assert tags == [
        ("centre_interet", "T-IDEO2.4810", "j'aime prendre des décisions", ""),
        ("metier_associe", "MET.2", "pilote de ligne", ""),  # not in this file: kept as a reference
        ("publication", "9782000000708", "Les métiers de l'aérien (exemple)", "Parcours | ONISEP | 2022"),
        ("secteur_activite", "T-IDEO2.4864", "Transport et logistique", ""),
        ("source_numerique", "", "http://www.aviation-exemple.fr", "Site d'une école exemple de l'aviation civile."),
        ("statut", "T-ITM.1", "fonctionnaire", ""),
    ]
    assert list(OnisepMetierTag.objects.filter(metier="MET.10", kind="statut").values_list("position", "label")) == [
        (1, "artisan"),
        (2, "salarié"),
    ]


def test_fiches_dataset_is_recorded(fiches):
    run(fiches)
    dataset = Dataset.objects.get(slug="onisep-fiches-metiers")
    assert (dataset.name, dataset.publisher) == ("ONISEP Idéo — fiches métiers", "ONISEP")
    assert (dataset.version, dataset.published_on) == ("2025-02-01", datetime.date(2025, 2, 1))
    assert dataset.licence == "licence non vérifiée"
    assert "ROME en version 3" in dataset.description


def test_fiches_second_import_changes_nothing_and_dry_run_writes_nothing(fiches):
    importing.assert_dry_run_writes_nothing(run, fiches, snapshot, created=20)
    importing.assert_reimport_changes_nothing(run, fiches, snapshot)


def test_fiches_reimport_updates_and_deletes(fiches):
    run(fiches)
    edit(fiches / FICHES, "<romeV3>F1606</romeV3>", "<romeV3>F1606</romeV3><romeV3>F1607</romeV3>")
    edit(fiches / FICHES, "<id>FOR.494</id>", "<id>FOR.495</id>")
    edit(
        fiches / FICHES,
        "<statut>\n                <id>T-ITM.2</id>\n                <libelle>artisan</libelle>\n            </statut>",
        "",
    )
    output = run(fiches)
    assert "métiers: 3 in files, 0 created, 1 updated, 0 deleted" in output
    assert "métier → formation links: 3 in files, 1 created, 0 updated, 1 deleted" in output
    # The remaining statut moves up to position 1; position 2 disappears.
    assert "métier lists: 9 in files, 0 created, 1 updated, 1 deleted" in output
    assert OnisepMetier.objects.get(id="MET.10").rome_codes == "F1606 F1607"
    assert list(OnisepMetierTag.objects.filter(metier="MET.10", kind="statut").values_list("label", flat=True)) == [
        "salarié"
    ]


def test_fiche_declared_in_windows_1252_reads_the_same(fiches):
    run(fiches)
    with unchanged(snapshot):
        file = fiches / FICHES
        text = file.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="windows-1252"')
        file.write_bytes(text.encode("cp1252"))
        assert NO_CHANGE in run(fiches)


FICHE_MALFORMED = {
    "truncated file": ("<identifiant>MET.323</identifiant>", "<identifiant>MET.3", "line 148", "malformed XML"),
    "missing element": ("<centres_interet/>", "", "line 95", "<metier> 2: missing element <centres_interet>"),
    "bad boolean": (
        "<metier_transverse>oui<",
        "<metier_transverse>peut-être<",
        "line 175",
        "<metier> 3: metier_transverse 'peut-être' is not 'oui', 'non' or empty",
    ),
    "malformed formation reference": (
        "<id>FOR.494</id>",
        "<id>FOR-494</id>",
        "line 132",
        "<metier> 2: formation identifier 'FOR-494' is not an identifier like FOR.1234",
    ),
    "duplicate métier": ("<identifiant>MET.323<", "<identifiant>MET.10<", "line 147", "duplicate métier MET.10"),
    "duplicate short text": (
        "<type>Fiche metier (Documentation)</type>",
        "<type>Dico des métiers</type>",
        "line 38",
        "two format_court of type 'Dico des métiers' in MET.1",
    ),
    "empty identifier": ("<identifiant>MET.1</identifiant>", "<identifiant/>", "line 2", "métier identifier is empty"),
}


@pytest.mark.parametrize("case", FICHE_MALFORMED, ids=list(FICHE_MALFORMED))
def test_malformed_fiches_stop_with_file_line_and_problem_and_change_nothing(fiches, case):
    run(fiches)
    old, new, where, message = FICHE_MALFORMED[case]
    file = fiches / FICHES
    with unchanged(snapshot):
        if case == "truncated file":
            data = file.read_bytes()
            file.write_bytes(data[: data.index(old.encode())] + new.encode())
        else:
            edit(file, old, new)
        import_fails(run, fiches, f"{FICHES}, {where}: ", message)


# -- Idéo-Métiers Onisep (métier × publication) --------------------------------------------------------------------


def test_list_folder_imports_the_most_recent_version(listing):
    output = run(listing)
    assert OnisepMetierPublication.objects.count() == 5
    assert "métier publications: 5 in files, 5 created, 0 updated, 0 deleted" in output
    assert (
        f"imported {LIST_XML} (publications up to 2025); older version(s) ignored: {LIST_JSON} (up to 2024)" in output
    )
    buyer = list(OnisepMetierPublication.objects.filter(metier_id="MET.571").values_list("publication", "year"))
    assert sorted(buyer) == [("Les métiers du commerce (exemple)", 2020), ("Écoles de gestion (exemple)", 2025)]
    breeding = OnisepMetierPublication.objects.get(metier_id="MET.362")
    assert breeding.rome_codes == "A1407 A1409"
    assert breeding.rome_labels == "Élevage bovin ou équin | Élevage de lapins et volailles"
    assert breeding.rome_urls.count("https://") == 2
    assert (breeding.gencod, breeding.gfe, breeding.collection) == ("9782000000401", "GFE A : agriculture", "Parcours")
    assert breeding.url == "https://www.onisep.fr/http/redirection/metier/slug/MET.362"
    # No publication: empty values are unknown (None), never 0.
    unpublished = OnisepMetierPublication.objects.get(metier_id="MET.8099")
    assert (unpublished.publication, unpublished.year, unpublished.gencod, unpublished.rome_codes) == ("", None, "", "")
    assert unpublished.collection == "pas de publication Onisep spécifique"


def test_list_is_its_own_dataset_and_leaves_the_fiches_alone(fiches, listing):
    run(fiches)
    fiche_rows = snapshot()["OnisepMetier"]
    run(listing)
    assert snapshot()["OnisepMetier"] == fiche_rows
    assert set(Dataset.objects.values_list("slug", flat=True)) == {"onisep-fiches-metiers", "onisep-metiers"}
    dataset = Dataset.objects.get(slug="onisep-metiers")
    assert (dataset.version, dataset.published_on, dataset.licence) == ("2025", None, "licence non vérifiée")


def test_list_json_variant(listing):
    output = run(listing / LIST_JSON)
    assert "métier publications: 4 in files, 4 created" in output
    coach = OnisepMetierPublication.objects.get(metier_id="MET.569")
    assert coach.name == "éducateur sportif / éducatrice sportive des activités aquatiques et de la natation"
    assert (coach.year, coach.gencod) == (2021, "9782000000500")  # JSON numbers, kept as text for the EAN
    assert coach.url == "https://www.onisep.fr/http/redirection/metier/slug/MET.569"  # escaped slashes
    sailor = OnisepMetierPublication.objects.get(metier_id="MET.674")
    assert (sailor.publication, sailor.year, sailor.gencod) == ("", None, "")  # JSON null: unknown
    assert Dataset.objects.get(slug="onisep-metiers").version == "2024"
    # The same rows from the newer XML: updates, creations and deletions.
    output = run(listing / LIST_XML)
    assert "métier publications: 5 in files, 3 created, 2 updated, 2 deleted" in output


def test_list_json_with_a_bom_reads_the_same(listing):
    run(listing / LIST_JSON)
    with unchanged(snapshot):
        file = listing / LIST_JSON
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
        assert NO_CHANGE in run(file)


def test_list_second_import_changes_nothing(listing):
    importing.assert_reimport_changes_nothing(run, listing, snapshot)


def test_fiches_and_list_together_are_refused(fiches, listing):
    shutil.copy(listing / LIST_XML, fiches)
    with pytest.raises(CommandError, match="they are two datasets, import them one at a time"):
        run(fiches)


def test_two_list_versions_of_the_same_year_are_refused(listing):
    file = listing / LIST_JSON
    file.write_text(file.read_text().replace('"annee":2024', '"annee":2025'))
    with pytest.raises(CommandError, match="same most recent year"):
        run(listing)


def json_records(listing):
    return json.loads((listing / LIST_JSON).read_text())


def write_json(listing, records, pretty=False):
    (listing / LIST_JSON).write_text(json.dumps(records, ensure_ascii=True, indent=1 if pretty else None))


LIST_MALFORMED = {
    "truncated JSON": "malformed JSON",
    "missing field": "record 2: missing field 'gfe'",
    "bad year": "record 2: annee 'deux mille vingt' is not a year",
    "unknown métier reference": "record 2: lien_site_onisepfr 'https://www.onisep.fr/metiers' names no métier",
    "bad EAN": "record 2: gencod '978-2' is not a number",
    "not an object": "record 2 is not a JSON object",
}


@pytest.mark.parametrize("case", LIST_MALFORMED, ids=list(LIST_MALFORMED))
def test_malformed_list_stops_with_file_line_and_problem_and_changes_nothing(listing, case):
    target = listing / LIST_JSON
    run(target)
    records = json_records(listing)
    with unchanged(snapshot):
        if case == "truncated JSON":
            data = json.dumps(records, indent=1)
            cut = data.index("MET.674")
            target.write_text(data[:cut])
            line = data[:cut].count("\n") + 1
        else:
            if case == "missing field":
                del records[1]["gfe"]
            elif case == "bad year":
                records[1]["annee"] = "deux mille vingt"
            elif case == "unknown métier reference":
                records[1]["lien_site_onisepfr"] = "https://www.onisep.fr/metiers"
            elif case == "bad EAN":
                records[1]["gencod"] = "978-2"
            elif case == "not an object":
                records[1] = ["MET.571"]
            write_json(listing, records, pretty=True)
            line = 15  # "[", then 13 lines for the first record: the second starts on line 15
        import_fails(run, target, f"{LIST_JSON}, line {line}: ", LIST_MALFORMED[case])


def test_malformed_list_xml_names_the_item(listing):
    run(listing)
    with unchanged(snapshot):
        edit(listing / LIST_XML, "<annee>2020</annee>", "<annee>20</annee>")
        with pytest.raises(CommandError, match=rf"{LIST_XML}, line 1: <item> 2: annee '20' is not a year"):
            run(listing)


def test_an_unrecognised_file_is_named(tmp_path):
    (tmp_path / "metiers.json").write_text('[{"nom": "x"}]')
    with pytest.raises(CommandError, match=r"no Idéo-Fiches métiers .* file found; files seen: metiers\.json"):
        run(tmp_path)


def test_importer_can_be_used_directly(fiches):
    report = OnisepMetiersImporter(fiches / FICHES).run()
    assert report.changes == 20 and report.dataset == "ONISEP Idéo — fiches métiers"
