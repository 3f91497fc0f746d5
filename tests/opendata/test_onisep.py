"""The real ONISEP (Idéo) files in ../shared/data/onisep: every record accounted for, values as the files say.

Counts are computed here straight from the files (lxml, json), independently of the importers.
"""

import datetime
import json
import re

import pytest
from lxml import etree

from hent.core.models import Dataset
from hent.trainings import models as m
from hent.trainings.importers.onisep_formations import OnisepFormationsImporter
from hent.trainings.importers.onisep_lycees import OnisepLyceesImporter
from hent.trainings.importers.onisep_metiers import OnisepMetiersImporter
from tests.conftest import SHARED_DATA
from tests.importing import assert_no_change, imported_once

ONISEP = SHARED_DATA / "onisep"
FORMATIONS = ONISEP / "fiches-formations"
FICHES_METIERS = ONISEP / "fiches-metiers"
METIERS = ONISEP / "metiers"
LYCEES = ONISEP / "lycees-gt-enseignements"
SLUGS = ["onisep-fiches-formations", "onisep-fiches-metiers", "onisep-metiers", "onisep-lycees-gt"]


SOURCES = {
    "formations": (OnisepFormationsImporter, FORMATIONS),
    "fiches-metiers": (OnisepMetiersImporter, FICHES_METIERS),
    "metiers": (OnisepMetiersImporter, METIERS),
    "lycees": (OnisepLyceesImporter, LYCEES),
}


def importers():
    return [importer(path) for importer, path in SOURCES.values()]


@pytest.fixture(scope="module")
def onisep_import(django_db_setup, django_db_blocker):
    """Imports the real ONISEP files once for this module; only the ONISEP tables are emptied afterwards."""
    models = [getattr(m, name) for name in m.onisep.__all__]
    yield from imported_once(django_db_blocker, SOURCES, models, SLUGS)


@pytest.fixture
def onisep(onisep_import, db):
    return onisep_import


def root(folder, pattern):
    return etree.parse(str(next(folder.glob(pattern)))).getroot()


def test_formations_in_the_database_equal_the_file(onisep):
    formations = root(FORMATIONS, "*.xml")
    assert m.OnisepFormation.objects.count() == len(formations) == 2164
    assert m.OnisepFormationMetier.objects.count() == len(formations.findall("formation/metiers_formation/metier"))
    lists = sum(
        len(formations.findall(f"formation/{path}"))
        for path in (
            "element_enseignement/element_enseignement_libelle",
            "poursuites_etudes/poursuite_etudes/formation_poursuite_Etudes",
            "sous_domaines_web/sous_domaine_web",
            "publications/publication",
            "sources_numeriques/source",
        )
    )
    assert m.OnisepFormationTag.objects.count() == lists
    with_rncp = [f for f in formations if re.search(r"/recherche/rncp/\d+", f.findtext("url") or "")]
    assert m.OnisepFormation.objects.exclude(rncp="").count() == len(with_rncp) == 1233
    not_registered = [f for f in formations if f.findtext("niveau_certification") == "non inscrit au RNCP"]
    assert m.OnisepFormation.objects.filter(level_eu=None).count() == len(not_registered)


def test_a_formation_is_decoded_as_the_file_says(onisep):
    mc = m.OnisepFormation.objects.get(id="FOR.10001")
    assert (mc.cfd, mc.title, mc.duration) == ("46123301", "MC (futur CS) peinture décoration", "1 an")
    assert (mc.type_label, mc.type_short) == ("mention complémentaire (futur CS)", "MC (futur CS)")
    assert (mc.certification_level_label, mc.level_eu, mc.study_level) == ("niveau 4 (bac ou équivalent)", 4, "Bac + 1")
    assert (mc.nsf_code, mc.nsf_label, mc.nsf_function_code) == ("233", "Bâtiment : finitions", "S")
    assert mc.tutelle == "Ministère chargé de l'Éducation nationale et de la Jeunesse"
    assert (mc.created_on, mc.modified_on) == (datetime.date(2024, 4, 18), datetime.date(2024, 5, 15))
    assert mc.description.startswith("<p>Le titulaire de ce diplôme est peintre décorateur.")
    assert mc.expectations.startswith("<h5>Attendus nationaux de la plateforme d'inscription")
    assert list(mc.metier_links.values_list("metier_id", "metier_name")) == [("MET.10", "peintre en bâtiment")]
    master = m.OnisepFormation.objects.get(id="FOR.1000")
    assert (master.rncp, master.level_eu, master.study_level) == ("37084", 7, "Bac + 6")
    assert master.nature == "Label de la Conférence des grandes écoles | Formation inscrite au RNCP"


def test_fiches_metiers_in_the_database_equal_the_file(onisep):
    metiers = root(FICHES_METIERS, "*.xml")
    assert m.OnisepMetier.objects.count() == len(metiers) == 928
    assert m.OnisepMetierSynonym.objects.count() == len(metiers.findall("metier/synonymes/synonyme"))
    assert m.OnisepMetierFormation.objects.count() == len(
        metiers.findall("metier/formations_min_requise/formation_min_requise")
    )
    assert m.OnisepMetierShortText.objects.count() == len(metiers.findall("metier/formats_courts/format_court"))
    lists = sum(
        len(metiers.findall(f"metier/{path}"))
        for path in (
            "statuts/statut",
            "secteurs_activite/secteur_activite",
            "centres_interet/centre_interet",
            "metiers_associes/metier_associe",
            "publications/publication",
            "sources_numeriques/source",
        )
    )
    assert m.OnisepMetierTag.objects.count() == lists
    with_rome = [x for x in metiers if x.find("romesV3/romeV3") is not None]
    assert m.OnisepMetier.objects.exclude(rome_codes="").count() == len(with_rome)


def test_a_metier_is_decoded_as_the_file_says(onisep):
    controller = m.OnisepMetier.objects.get(id="MET.1")
    assert (controller.name, controller.name_feminine, controller.name_masculine) == (
        "contrôleur/euse aérien/ne",
        "contrôleuse aérienne",
        "contrôleur aérien",
    )
    assert controller.rome_codes == "N2202"
    assert controller.skills.startswith("<h5>Calme et réactif</h5>")
    assert controller.summary.startswith("<p>Garant de la sécurité et de la fluidité du trafic aérien")
    assert set(controller.synonyms.values_list("name", flat=True)) == {
        "aiguilleur/euse du ciel",
        "ingénieur/e du contrôle de la navigation aérienne",
    }
    painter = m.OnisepMetier.objects.get(id="MET.10")
    assert (painter.rome_codes, painter.min_level_label) == ("F1606", "CAP ou équivalent")
    assert painter.formation_links.count() == 9
    assert m.OnisepMetier.objects.get(id="MET.323").rome_codes == "A15 D1210 A1503"  # as published


def test_metiers_list_in_the_database_equals_the_newest_file(onisep):
    items = root(METIERS, "*.xml")
    assert m.OnisepMetierPublication.objects.count() == len(items) == 1489
    distinct = {re.search(r"MET\.\d+", i.findtext("lien_site_onisepfr")).group(0) for i in items}
    assert m.OnisepMetierPublication.objects.values("metier_id").distinct().count() == len(distinct) == 1043
    older = json.loads(next(METIERS.glob("*.json")).read_text())
    assert max(r["annee"] or 0 for r in older) == 2024  # the JSON is the older version, reported and not imported
    breeding = m.OnisepMetierPublication.objects.get(metier_id="MET.362", publication="Agriculture et forêt")
    assert breeding.rome_codes == "A1407 A1409 A1410 A1411"
    accessoiriste = m.OnisepMetierPublication.objects.get(metier_id="MET.69", publication="Les études d'art")
    assert (accessoiriste.name, accessoiriste.year, accessoiriste.gencod) == ("accessoiriste", 2023, "9782273016506")
    assert (accessoiriste.rome_codes, accessoiriste.rome_labels) == ("L1503", "Décor et accessoires spectacle")


def split(text):
    """Teachings of one item, counted the simple way: " / " between items, ", " between languages of LV1/LV2."""
    count = 0
    for item in (text or "").split(" / "):
        if item.strip().startswith(("LV1 :", "LV2 :")):
            count += len([lang for lang in item.split(":", 1)[1].split(",") if lang.strip()])
        elif item.strip():
            count += 1
    return count


def test_lycees_in_the_database_equal_the_files(onisep):
    specialites = root(LYCEES, "*specialite*.xml")
    options = root(LYCEES, "*optionnels*.xml")
    assert (len(specialites), len(options)) == (2449, 2678)
    places = {i.findtext("identifiant_et_fiche_onisep_lieu_de_cours") for i in [*specialites, *options]}
    assert m.OnisepLycee.objects.count() == len(places) == 2698
    field_1re = "enseignements_de_specialite_de_classe_de_1ere_generale"
    field_2nde = "enseignements_optionnels_et_langues_de_classe_de_2nde_gt"
    assert m.LyceeTeaching.objects.filter(kind="specialite_premiere").count() == sum(
        split(i.findtext(field_1re)) for i in specialites
    )
    assert m.LyceeTeaching.objects.filter(kind="option_seconde").count() == sum(
        split(i.findtext(field_2nde)) for i in options
    )
    assert not m.OnisepLycee.objects.filter(department_code="").exists()


def test_a_lycee_is_decoded_as_the_file_says(onisep):
    kerichen = m.OnisepLycee.objects.get(uai="0290007A")
    assert (kerichen.id, kerichen.name) == ("ENS.9411", "Lycée La Pérouse - Kerichen")
    assert (kerichen.address, kerichen.po_box, kerichen.postcode, kerichen.commune_name) == (
        "34 bis rue Jules Lesven",
        "BP 90007",
        "29801",
        "Brest",
    )
    assert (kerichen.department_code, kerichen.region_name, kerichen.academy) == ("29", "Bretagne", "Rennes")
    parriat = m.LyceeTeaching.objects.filter(action_id="AF.17873").order_by("position")
    assert [t.label for t in parriat][:3] == [
        "histoire-géographie, géopolitique et sciences politiques",
        "humanités, littérature et philosophie",
        "LLCER anglais",
    ]
    assert {t.uai for t in parriat} == {"0710054Y"} and {t.department_code for t in parriat} == {"71"}


def test_datasets_are_recorded(onisep):
    datasets = {d.slug: d for d in Dataset.objects.filter(slug__in=SLUGS)}
    assert set(datasets) == set(SLUGS)
    assert datasets["onisep-fiches-formations"].published_on == datetime.date(2024, 6, 25)
    assert datasets["onisep-fiches-metiers"].version == "2024-06-25"
    assert datasets["onisep-metiers"].version == "2025"
    assert datasets["onisep-lycees-gt"].version == "2025-11-16"
    assert {d.licence for d in datasets.values()} == {"licence non vérifiée"}
    assert {d.publisher for d in datasets.values()} == {"ONISEP"}


def test_reimport_changes_nothing(onisep):
    for importer in importers():
        assert_no_change(importer.run())
