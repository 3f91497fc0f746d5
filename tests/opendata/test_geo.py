"""The real national geography tables: Brittany's communes and territories, cross-checked with the curated file."""

import csv
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.territories import services
from hent.territories.importers.geo import GeoImporter
from hent.territories.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region
from tests.conftest import SHARED_DATA
from tests.importing import assert_no_change, imported_once

GEO_DIR = SHARED_DATA / "geo" / "communes-bretagne"
ENRICHED = GEO_DIR / "communes_bretagne_cog2026_enrichies.csv"


@pytest.fixture(scope="module")
def geo_import(django_db_setup, django_db_blocker):
    """Imports Brittany once for this module; its tables are emptied afterwards for other tests."""
    sources = {"geo": (partial(GeoImporter, regions="53"), GEO_DIR)}
    models = (Commune, BmoBasin, EmploymentZone, Epci, Department, Region)
    yield from imported_once(django_db_blocker, sources, models, ["geo"])


@pytest.fixture
def geo(geo_import, db, settings):
    settings.HENT_REGION_CODE = "53"
    return geo_import


def test_brittany_counts(geo):
    assert Commune.objects.count() == 1202
    by_department = {d.code: d.communes.count() for d in Department.objects.all()}
    assert by_department == {"22": 344, "29": 277, "35": 332, "56": 249}
    assert list(Region.objects.values_list("code", "name")) == [("53", "Bretagne")]
    assert EmploymentZone.objects.count() == 20
    assert BmoBasin.objects.count() == 26
    assert Epci.objects.count() == 61
    assert Dataset.objects.get(slug="geo").row_counts["communes"] == 1202


def test_rennes_and_brest(geo):
    rennes = Commune.objects.get(insee="35238")
    assert rennes.epci_id == "243500139" and rennes.epci.name == "Rennes Métropole"
    assert rennes.employment_zone_id == "5315" and rennes.bmo_basin_id == "5314"  # two nomenclatures
    assert rennes.postcode == "35000" and rennes.postcode_list == ["35000", "35200", "35700"]
    brest = Commune.objects.get(insee="29019")
    assert (brest.employment_zone_id, brest.bmo_basin_id, brest.postcode) == ("5302", "5301", "29200")


def test_every_commune_is_placed_and_counted(geo):
    assert not Commune.objects.filter(latitude__isnull=True).exists()
    assert not Commune.objects.filter(longitude__isnull=True).exists()
    assert not Commune.objects.filter(population__isnull=True).exists()
    assert not Commune.objects.filter(postcode="").exists()
    assert not Commune.objects.filter(employment_zone__isnull=True).exists()
    assert not Commune.objects.filter(bmo_basin__isnull=True).exists()
    islands = set(Commune.objects.filter(epci__isnull=True).values_list("insee", flat=True))
    assert islands == {"22016", "29083", "29155"}


def test_the_curated_brittany_file_agrees(geo):
    """The data curator joined the same national tables: every field but the main postcode must agree."""
    with open(ENRICHED, encoding="utf-8", newline="") as f:
        curated = {r["code_insee"]: r for r in csv.DictReader(f)}
    assert set(curated) == set(Commune.objects.values_list("insee", flat=True))
    for c in Commune.objects.all():
        r = curated[c.insee]
        assert (c.name, c.department_id) == (r["nom"], r["dep"]), c.insee
        assert (c.epci_id or "", c.employment_zone_id, c.bmo_basin_id) == (
            r["epci_siren"],
            r["ze2020_code"],
            r["bassin_bmo_code"],
        ), c.insee
        assert (c.latitude, c.longitude) == (float(r["latitude"]), float(r["longitude"])), c.insee
        assert r["code_postal"] in c.postcode_list, c.insee


def test_second_import_changes_nothing(geo):
    assert_no_change(GeoImporter(GEO_DIR, regions="53").run())


def test_another_region_loads_the_same_way(geo):
    report = GeoImporter(GEO_DIR, regions="52").run(dry_run=True)
    communes = next(t for t in report.tables if t.label == "communes")
    assert communes.in_files == 1228 and communes.deleted == 1202
    assert Commune.objects.count() == 1202  # a dry run


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("saint malo", "Saint-Malo"),
        ("St-Malo", "Saint-Malo"),
        ("st brieuc", "Saint-Brieuc"),
        ("35000", "Rennes"),
        ("quimper", "Quimper"),
        ("brehat", "Île-de-Bréhat"),
        ("Ouessant", "Ouessant"),
        ("Bieuzy", "Pluméliau-Bieuzy"),
        ("Pont-Réan", "Bruz"),
    ],
)
def test_find_places_on_the_real_communes(geo, typed, first):
    assert services.find_places(typed)[0].name == first


def test_the_nearest_communes_to_rennes(geo):
    rennes = services.commune("35238")
    nearest = [c.name for c, _ in services.by_distance(Commune.objects.all(), rennes)[:3]]
    assert nearest[0] == "Rennes" and "Saint-Jacques-de-la-Lande" in nearest
