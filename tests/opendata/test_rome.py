"""The real ROME 4.0 v60 distribution: every row accounted for, every page served."""

import csv

import pytest
from django.core.management import call_command

from hent.occupations import models as m
from hent.occupations.importers.rome import RomeImporter
from tests.importing import NO_CHANGE, assert_no_change
from tests.opendata.conftest import ROME_DIR


def file_rows(stem, **where):
    path = next(ROME_DIR.glob(f"unix_{stem}_v*.csv"))
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return [r for r in csv.DictReader(f) if all(r[k] in v for k, v in where.items())]


def test_counts_in_the_database_equal_the_files(rome):
    assert m.Occupation.objects.count() == len(file_rows("referentiel_code_rome")) == 1584
    assert m.JobTitle.objects.count() == len(file_rows("referentiel_appellation")) == 13120
    assert m.JobTitle.objects.filter(is_main=True).count() == 1584
    assert m.OccupationText.objects.count() == len(file_rows("texte"))
    assert m.Item.objects.count() == len(file_rows("item"))
    assert m.Item.objects.filter(kind="contexte").count() == len(file_rows("referentiel_contexte_travail"))
    assert m.Item.objects.filter(kind="savoir").count() == len(file_rows("referentiel_savoir"))
    assert m.Item.objects.filter(kind__in=["savoir_faire", "savoir_etre"]).count() == len(
        file_rows("referentiel_competence")
    )
    assert m.Item.objects.filter(is_macro=True).exclude(riasec_major="").count() == len(
        [r for r in file_rows("referentiel_macro_competence_riasec") if r["riasec_majeur"]]
    )
    # Links: blocs 5 (skills, knowledge) and 6 (contexts) are occupation items; bloc 2 the job titles; bloc 1 the fiche.
    assert m.OccupationItem.objects.count() == len(file_rows("liens_rome_referentiels", code_compo_bloc={"5", "6"}))
    assert m.OccupationItem.objects.count() == len(file_rows("coherence_item"))
    assert m.OccupationItem.objects.exclude(core="").count() == len(
        [r for r in file_rows("coherence_item") if r["coeur_metier"]]
    )
    assert m.JobTitle.objects.count() == len(file_rows("liens_rome_referentiels", code_compo_bloc={"2"}))
    assert m.Mobility.objects.count() == len(file_rows("rubrique_mobilite"))
    assert m.CentreInteret.objects.count() == len(file_rows("centre_interet"))
    assert m.OccupationInterest.objects.count() == len(file_rows("arborescence_centre_interet"))
    assert m.OccupationInterest.objects.filter(is_principal=True).count() == 1584
    assert m.Theme.objects.count() == len(file_rows("themes"))
    assert m.OccupationTheme.objects.count() == len(file_rows("arborescence_thematique"))
    assert m.Sector.objects.count() == len(file_rows("secteur_activite"))
    assert m.SubSector.objects.count() == len(file_rows("sous_secteur_activite"))
    assert m.OccupationSector.objects.count() == len(file_rows("arborescence_secteur_activite"))
    assert m.NafSector.objects.count() == len(file_rows("secteur_naf"))
    assert m.OccupationNaf.objects.count() == len(file_rows("arborescence_secteur_naf"))
    assert m.GrandDomaine.objects.count() == 14 and m.Domaine.objects.count() == 110


def test_every_occupation_has_riasec_texts_and_a_main_title(rome):
    assert not m.Occupation.objects.filter(riasec_major="").exists()
    assert m.OccupationText.objects.filter(kind="definition").values("occupation").distinct().count() == 1584
    assert not m.OccupationText.objects.filter(text__contains="''").exists()


def test_source_quirks_are_handled(rome):
    # Latin-1 rows of unix_arborescence_secteur_naf are decoded, not mangled.
    assert m.OccupationNaf.objects.filter(occupation="A1208").exists()
    assert not m.NafSector.objects.filter(label__contains="\ufffd").exists()
    assert any("Windows-1252" in w for w in rome.warnings)
    # Multi-line quoted definitions keep their paragraphs.
    assert "\n\n" in m.CentreInteret.objects.get(code=1).definition


def test_version_is_recorded_and_cited(rome, client):
    page = client.get("/metiers/D1102/").content.decode()
    assert "ROME 4.0 — France Travail, version 60, septembre 2025" in page


def test_reimport_changes_nothing(rome):
    assert_no_change(RomeImporter(ROME_DIR).run())


def test_dry_run_on_the_real_files_reports_no_change(rome, capsys):
    call_command("import_rome", str(ROME_DIR), dry_run=True)
    assert NO_CHANGE in capsys.readouterr().out


def test_every_occupation_page_is_served_with_its_definition(rome, client):
    first_sentence = dict(
        m.OccupationText.objects.filter(kind="definition", position=1).values_list("occupation", "text")
    )
    failures = []
    for code in m.Occupation.objects.values_list("code", flat=True):
        response = client.get(f"/metiers/{code}/")
        body = response.content.decode()
        escaped = first_sentence[code].replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;")
        if response.status_code != 200 or escaped.replace("<", "&lt;").replace(">", "&gt;") not in body:
            failures.append(code)
    assert failures == []


def test_every_browse_page_is_served(rome, client):
    urls = ["/metiers/", "/metiers/centres-interet/", "/metiers/themes/", "/metiers/secteurs/"]
    urls += [f"/metiers/grands-domaines/{c}/" for c in m.GrandDomaine.objects.values_list("code", flat=True)]
    urls += [f"/metiers/domaines/{c}/" for c in m.Domaine.objects.values_list("code", flat=True)]
    urls += [f"/metiers/centres-interet/{c}/" for c in m.CentreInteret.objects.values_list("code", flat=True)]
    urls += [f"/metiers/themes/{c}/" for c in m.Theme.objects.values_list("code", flat=True)]
    urls += [f"/metiers/secteurs/{c}/" for c in m.Sector.objects.values_list("code", flat=True)]
    assert [u for u in urls if client.get(u).status_code != 200] == []


def test_api_pages_through_all_occupations(rome, client):
    seen, url = [], "/api/v1/occupations?page_size=200"
    while url:
        data = client.get(url).json()
        seen += [o["code"] for o in data["results"]]
        url = data["next"]
    assert len(seen) == len(set(seen)) == 1584


@pytest.mark.parametrize("code", ["D1102", "J1506", "M1805", "A1101"])
def test_api_detail_matches_the_page(rome, client, code):
    data = client.get(f"/api/v1/occupations/{code}").json()
    assert data["code"] == code and data["definition"] and data["skills"]
    assert data["source"]["version"] == "60"
