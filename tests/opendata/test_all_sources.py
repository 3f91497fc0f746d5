"""Everything `make run` imports, from the real files: the training catalogue and the labour figures
(coverage, figures equal to the files, pages served)."""

import csv
import random

import pytest
from django.apps import apps
from django.core.management import call_command

from hent.core.models import Dataset
from hent.labour import figures, services
from hent.labour import models as labour
from hent.occupations.models import Occupation
from hent.trainings import catalogue
from hent.trainings import models as m
from tests.conftest import SHARED_DATA
from tests.opendata.conftest import require

REGION = "53"


@pytest.fixture(scope="module")
def built(rome_import, django_db_blocker, tmp_path_factory):
    """Every source imported as `make run` does (import_opendata), then the catalogue; only the training and
    territory tables are emptied afterwards (the ROME stays for the other modules)."""
    require(SHARED_DATA / "certifications")
    with django_db_blocker.unblock():
        call_command("import_opendata", stdout=open("/dev/null", "w"))  # noqa: SIM115
        catalogue.rebuild()
        figures.rebuild()
    yield
    with django_db_blocker.unblock():
        for label in ("labour", "trainings", "territories"):
            for model in reversed(list(apps.get_app_config(label).get_models())):
                model.objects.all().delete()
        Dataset.objects.exclude(slug="rome").delete()


@pytest.fixture
def world(built, db):
    return built


def test_most_occupations_have_a_training(world):
    occupations = Occupation.objects.count()
    with_training = m.TrainingOccupation.objects.filter(training__active=True).values("occupation").distinct().count()
    assert with_training / occupations >= 0.85


def test_an_inserjeunes_rate_on_a_training_page_equals_the_file(world, client):
    path = require(SHARED_DATA / "inserjeunes" / "region-formation" / "ij_region_data.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [
            r for r in csv.DictReader(f, delimiter=";")
            if r["code_region"] == REGION and r["voie"] == "apprentissage" and r["taux_emploi_6_mois"] not in ("", "nd")
        ]  # fmt: skip
    checked = 0
    for row in rows:
        training = m.Training.objects.filter(cfd=row["cfd"], active=True).first()
        if training is None:
            continue
        html = client.get(training.get_absolute_url()).content.decode()
        years = row["millesime"].replace("_", "-")
        assert f"Bretagne, apprentissage, sortants {years}" in html
        assert f"{round(float(row['taux_emploi_6_mois']))} %" in html, (training.slug, row["id"])
        checked += 1
        if checked == 20:
            break
    assert checked == 20


def test_a_training_page_lists_the_occupations_its_sources_link_it_to(world, client):
    path = SHARED_DATA / "certifications" / "certifinfo" / "certif_info.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["Etat"] == "0" and r["Code_Rome_1"]]
    current = set(Occupation.objects.values_list("code", flat=True))
    for row in random.Random(4).sample(rows, 30):
        html = client.get(f"/formations/ci-{row['Code_Diplome']}/").content.decode()
        for i in range(1, 6):
            code = row[f"Code_Rome_{i}"]
            if code in current:
                assert f'href="/metiers/{code}/"' in html, (row["Code_Diplome"], code)


def test_a_sample_of_training_and_establishment_pages_is_served(world, client):
    slugs = sorted(m.Training.objects.values_list("slug", flat=True))
    codes = sorted(m.Establishment.objects.values_list("code", flat=True))
    urls = [f"/formations/{s}/" for s in random.Random(1).sample(slugs, 150)]
    urls += [f"/etablissements/{c}/" for c in random.Random(2).sample(codes, 50)]
    assert [u for u in urls if client.get(u).status_code != 200] == []


def test_establishments_of_the_region_are_placed(world):
    total = m.Establishment.objects.count()
    placed = m.Establishment.objects.exclude(position="").count()
    assert total > 1000 and placed / total > 0.9


def test_occupation_pages_show_their_trainings(world, client):
    section = client.get("/metiers/D1102/").content.decode().split('id="formations"')[1].split("</section>")[0]
    cap = m.Training.objects.get(title="CAP boulanger", active=True)
    assert f'href="{cap.get_absolute_url()}"' in section and "CAP, BEP (niveau 3)" in section


BMO = {2024: SHARED_DATA / "labour" / "bmo-2024" / "Base_open_data_BMO_2024.xlsx",
       2025: SHARED_DATA / "labour" / "bmo-2025" / "Base_open_data_BMO_2025.xlsx"}  # fmt: skip


def bmo_rows(year):
    """The data sheet of the official workbook, read here with openpyxl alone: a list of dicts."""
    from openpyxl import load_workbook

    book = load_workbook(require(BMO[year]), read_only=True, data_only=True)
    sheet = next(s for s in book.worksheets if "open_data" in s.title)
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() for h in next(rows)]
    return [dict(zip(header, r, strict=False)) for r in rows if any(v is not None for v in r)]


def known(value):
    return None if value in (None, "*", "") else int(float(value))


@pytest.mark.parametrize("year", [2024, 2025])
def test_region_page_total_equals_the_official_workbook(world, client, year):
    expected = sum(known(r["met"]) or 0 for r in bmo_rows(year) if str(r["REG"]) == REGION)
    assert services.region_total(year) == expected
    if year == max(BMO):
        page = client.get("/territoires/").content.decode()
        assert f'<span class="figure__value">{expected}</span>' in page


def test_a_bassins_top_occupations_match_a_direct_computation(world, client):
    year = max(BMO)
    basin_column = f"BE{str(year)[2:]}"
    totals = {}
    for r in bmo_rows(year):
        if str(r[basin_column]) == "5314" and known(r["met"]) is not None:
            totals[r["Nom métier BMO"].strip()] = totals.get(r["Nom métier BMO"].strip(), 0) + known(r["met"])
    expected = sorted(totals.items(), key=lambda kv: -kv[1])[:5]
    view = services.territory("basin", "5314")
    assert [(b.label, b.value) for b in view.top[:5]] == expected


def test_most_occupations_have_regional_figures(world):
    markets = labour.OccupationMarket.objects
    total = Occupation.objects.count()
    assert markets.exclude(projects=None).count() / total >= 0.9
    assert markets.exclude(median_salary=None).count() / total >= 0.9
    assert markets.exclude(share_women=None).count() / total >= 0.9


def test_territory_pages_are_served(world, client):
    from hent.territories import services as territories

    urls = ["/territoires/"]
    urls += [f"/territoires/departement/{d.code}/" for d in territories.departments()]
    urls += [f"/territoires/bassin/{b.code}/" for b in territories.bmo_basins()]
    urls += [f"/territoires/epci/{e.siren}/" for e in territories.epcis()]
    assert [u for u in urls if client.get(u).status_code != 200] == []
