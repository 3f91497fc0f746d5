"""import_onisep_formations on small files written in the format of ONISEP's Idéo-Fiches formations."""

import datetime
import shutil
import zipfile
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.importing import ImportFailed
from hent.core.models import Dataset
from hent.trainings.importers.onisep_formations import OnisepFormationsImporter, rncp_from_url
from hent.trainings.models import OnisepFormation, OnisepFormationMetier, OnisepFormationTag, onisep
from tests import importing
from tests.importing import import_fails, unchanged

pytestmark = pytest.mark.django_db

FILE = "Onisep_Ideo_Fiches_Formations_01022025.xml"
run = partial(importing.run, "import_onisep_formations")
snapshot = partial(importing.snapshot, *(getattr(onisep, name) for name in onisep.__all__), Dataset)


def edit(folder, old, new, count=1):
    importing.edit(folder / FILE, old, new, count)


def test_import_counts_every_table(formations):
    output = run(formations)
    assert OnisepFormation.objects.count() == 3
    assert OnisepFormationMetier.objects.count() == 4
    assert OnisepFormationTag.objects.count() == 10
    assert "formations: 3 in files, 3 created, 0 updated, 0 deleted" in output
    assert "formation → métier links: 4 in files, 4 created" in output
    assert "total: 17 created, 0 updated, 0 deleted" in output


def test_fields_are_decoded(formations):
    run(formations)
    master = OnisepFormation.objects.get(id="FOR.1000")
    assert (master.cfd, master.niv_code, master.rncp) == ("16X20003", "16X", "37084")
    assert (master.type_label, master.type_short, master.type_acronym) == (
        "mastère spécialisé",
        "MASTERE SPE",
        "mastère spé.",
    )
    assert (master.certification_level_label, master.level_eu) == ("niveau 7 (bac + 5)", 7)
    assert (master.study_level_id, master.study_level) == ("REF.423", "Bac + 6")
    assert (master.nsf_code, master.nsf_label) == ("200", "Spécialités pluritechnologiques de la production")
    assert (master.nsf_function_code, master.nsf_function_label) == ("R", "Contrôle, prévention, entretien")
    assert master.nature == "Label de la Conférence des grandes écoles | Formation inscrite au RNCP"
    assert master.created_on == datetime.date(2021, 3, 11) and master.modified_on == datetime.date(2024, 5, 23)
    assert master.url == "https://www.francecompetences.fr/recherche/rncp/37084/"

    mc = OnisepFormation.objects.get(id="FOR.10001")
    assert mc.rncp == ""  # an Eduscol page, not an RNCP one
    assert (mc.level_eu, mc.study_level, mc.duration) == (4, "Bac + 1", "1 an")
    assert (mc.first_session_year, mc.last_session_year) == (2016, None)  # empty: unknown, never 0
    assert mc.tutelle == "Ministère chargé de l'Éducation nationale et de la Jeunesse"
    assert mc.further_studies == "<p>Le diplôme vise l'insertion professionnelle.</p>"
    # One poursuite names its id, one is the title of a formation of the file, one is neither.
    assert mc.further_studies_ids == "FOR.2345 FOR.6913"
    assert mc.expectations.startswith("<h5>Attendus nationaux") and "<li><p>Etre titulaire" in mc.expectations

    school = OnisepFormation.objects.get(id="FOR.6913")
    assert school.rncp == "7426"  # URL without the trailing slash
    assert (school.certification_level_label, school.level_eu) == ("non inscrit au RNCP", None)
    assert (school.cfd, school.nsf_code, school.nature, school.description) == ("", "", "", "")


def test_html_is_sanitised_whether_in_cdata_or_escaped(formations):
    run(formations)
    mc = OnisepFormation.objects.get(id="FOR.10001")
    assert mc.description.startswith("<p>Le titulaire de ce diplôme est peintre décorateur.</p>")
    assert "trompe-l'œil…</p>" in mc.description
    assert "script" not in mc.description and "onclick" not in mc.description and "alert" not in mc.description
    assert mc.access == "<p>Après un CAP <strong>peintre applicateur</strong> ou un bac pro.</p>"


def test_metier_links_and_lists(formations):
    run(formations)
    links = dict(OnisepFormationMetier.objects.filter(formation="FOR.1000").values_list("metier_id", "metier_name"))
    assert links == {"MET.774": "conseiller/ère en environnement", "MET.878": "ingénieur/e R&D déchets"}
    link = OnisepFormationMetier.objects.get(formation="FOR.1000", metier_id="MET.774")
    assert (link.metier_name_feminine, link.metier_name_masculine) == (
        "conseillère en environnement",
        "conseiller en environnement",
    )
    tags = list(
        OnisepFormationTag.objects.filter(formation="FOR.10001")
        .order_by("kind", "position")
        .values_list("kind", "position", "code", "label", "detail")
    )
    assert tags == [
        ("element_enseignement", 1, "", "dorure", ""),
        ("element_enseignement", 2, "", "faux bois et faux marbres", ""),
        ("poursuite_etudes", 1, "", "BP peintre applicateur de revêtements", "poursuite d'études conditionnelle"),
        ("poursuite_etudes", 2, "FOR.2345", "BTS aménagement finition (FOR.2345)", "poursuite d'études conditionnelle"),
        (
            "poursuite_etudes",
            3,
            "FOR.6913",
            "chargé d'accompagnement social et professionnel",
            "poursuite d'études conditionnelle",
        ),
        (
            "publication",
            1,
            "9782000000609",
            "Les métiers de la finition (exemple)",
            "Parcours | ONISEP | 2023",
        ),
        ("source_numerique", 1, "", "http://www.batiment-exemple.fr", ""),
        ("sous_domaine_web", 1, "T-IDEO2.4386", "finitions, aménagement", ""),
    ]


def test_rncp_numbers_come_only_from_rncp_pages():
    assert rncp_from_url("https://www.francecompetences.fr/recherche/rncp/37084/") == "37084"
    assert rncp_from_url("https://www.francecompetences.fr/recherche/rncp/38550/#anchor1") == "38550"
    assert rncp_from_url("http://certificationprofessionnelle.fr/recherche/rncp/1234") == "1234"
    assert rncp_from_url("https://www.francecompetences.fr/recherche/rs/5678/") == ""
    assert rncp_from_url("http://eduscol.education.fr/referentiels-professionnels/d030.html") == ""


def test_dataset_is_recorded(formations):
    run(formations)
    dataset = Dataset.objects.get(slug="onisep-fiches-formations")
    assert (dataset.publisher, dataset.version, dataset.published_on) == (
        "ONISEP",
        "2025-02-01",
        datetime.date(2025, 2, 1),
    )
    assert dataset.licence == "licence non vérifiée"
    assert dataset.row_counts["formations"] == 3
    assert "01/02/2025" in dataset.description


def test_second_import_changes_nothing(formations):
    importing.assert_reimport_changes_nothing(run, formations, snapshot)


def test_dry_run_counts_but_writes_nothing(formations):
    importing.assert_dry_run_writes_nothing(run, formations, snapshot, created=3)


def test_reimport_updates_and_deletes_what_the_publisher_changed(formations):
    run(formations)
    edit(formations, "MC (futur CS) peinture décoration</libelle_complet>", "CS peinture décoration</libelle_complet>")
    edit(formations, "<id>MET.878</id>", "<id>MET.879</id>")
    data = (formations / FILE).read_text()
    start = data.index("    <formation>\n        <identifiant>FOR.6913")
    end = data.index("</formation>", start) + len("</formation>\n")
    (formations / FILE).write_text(data[:start] + data[end:])
    output = run(formations)
    assert "formations: 2 in files, 0 created, 1 updated, 1 deleted" in output
    assert "formation → métier links: 3 in files, 1 created, 0 updated, 2 deleted" in output
    assert OnisepFormation.objects.get(id="FOR.10001").title == "CS peinture décoration"
    assert set(OnisepFormation.objects.values_list("id", flat=True)) == {"FOR.1000", "FOR.10001"}


def test_path_may_be_the_file_or_a_zip(formations, tmp_path):
    report = OnisepFormationsImporter(formations / FILE).run()
    assert report.changes == 17
    archive = shutil.make_archive(str(tmp_path / "5fe07a9ecc960"), "zip", formations)
    assert zipfile.is_zipfile(archive)
    assert OnisepFormationsImporter(archive).run().changes == 0


def test_file_is_recognised_by_content_not_name(formations):
    (formations / FILE).rename(formations / "export.xml.xml")
    run(formations)
    assert OnisepFormation.objects.count() == 3


def test_unknown_elements_are_reported(formations):
    edit(formations, "<sigle/>", "<sigle/><code_rncp>37084</code_rncp>")
    output = run(formations)
    assert "element(s) not imported: code_rncp" in output


def test_a_folder_without_the_file_is_a_clear_error(tmp_path):
    (tmp_path / "other.xml").write_text("<root><item><a>1</a></item></root>")
    with pytest.raises(CommandError, match=r"no Idéo-Fiches formations .* file found; files seen: other\.xml"):
        run(tmp_path)


MALFORMED = {
    "truncated file": (None, None, "line 166", "malformed XML"),
    "missing element": ("<attendus/>", "", "line 2", "<formation> 1: missing element <attendus> in <formation>"),
    "bad date": ("16/05/2024", "31/02/2024", "line 166", "<formation> 2: modification_date '31/02/2024' is not a date"),
    "bad level": (
        "niveau 4 (bac ou équivalent)",
        "niveau quatre",
        "line 108",
        "<formation> 2: niveau_certification 'niveau quatre' is not 'niveau 1' to 'niveau 8'",
    ),
    "bad year": (
        "<annee_premiere_session>2016<",
        "<annee_premiere_session>*<",
        "line 114",
        "<formation> 2: annee_premiere_session '*' is not a year",
    ),
    "duplicate formation": ("FOR.6913", "FOR.1000", "line 168", "<formation> 3: duplicate formation FOR.1000"),
    "malformed métier reference": (
        "<id>MET.10</id>",
        "<id>10</id>",
        "line 140",
        "<formation> 2: métier identifier '10' is not an identifier like MET.12",
    ),
    "text too long for its column": (
        "<sigle/>",
        "<sigle>" + "X" * 60 + "</sigle>",
        "line 2",
        "<formation> 1: acronym is 60 characters long, more than 50",
    ),
    "empty title": (
        "<libelle_complet>Chargé d'accompagnement social et professionnel</libelle_complet>",
        "<libelle_complet> </libelle_complet>",
        "line 168",
        "<formation> 3: libelle_complet is empty",
    ),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(formations, case):
    run(formations)
    old, new, where, message = MALFORMED[case]
    with unchanged(snapshot):
        if case == "truncated file":
            data = (formations / FILE).read_bytes()
            (formations / FILE).write_bytes(data[: data.index(b"<modification_date>16/05")])
        elif case == "missing element":
            edit(formations, old, new, count=1)
        else:
            edit(formations, old, new)
        import_fails(run, formations, f"{FILE}, {where}: ", message)


def test_importer_raises_import_failed(formations):
    edit(formations, "16/05/2024", "2024-05-16")
    with pytest.raises(ImportFailed) as err:
        OnisepFormationsImporter(formations).run()
    assert (err.value.file, err.value.line) == (FILE, 166)
