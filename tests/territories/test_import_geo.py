import shutil
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.territories.importers.geo import GeoImporter, main_postcode, region_codes, spelt_as
from hent.territories.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region
from tests import importing
from tests.importing import import_fails, unchanged

pytestmark = pytest.mark.django_db

run = partial(importing.run, "import_geo")
snapshot = partial(importing.snapshot, "territories", Dataset)


def edit(path, name, old, new):
    return importing.edit(path / "france" / name, old, new)


def test_import_loads_the_communes_of_the_region(geo_dir, settings):
    settings.HENT_REGION_CODE = "53"
    output = run(geo_dir)
    assert "communes: 12 in files, 12 created, 0 updated, 0 deleted" in output
    assert "departments: 4 in files, 4 created" in output
    assert "EPCI: 9 in files, 9 created" in output
    assert "zones d'emploi: 8 in files, 8 created" in output
    assert "bassins BMO: 10 in files, 10 created" in output
    assert "total: 44 created, 0 updated, 0 deleted" in output
    assert list(Region.objects.values_list("code", "name")) == [("53", "Bretagne")]
    assert set(Department.objects.values_list("code", flat=True)) == {"22", "29", "35", "56"}
    assert Commune.objects.filter(department__region="53").count() == Commune.objects.count() == 12


def test_rennes_is_complete(geo):
    rennes = Commune.objects.get(insee="35238")
    assert (rennes.name, rennes.department_id) == ("Rennes", "35")
    assert (rennes.epci_id, rennes.epci.nature, rennes.epci.nature_label) == ("243500139", "METRO", "Métropole")
    # Two nomenclatures with look-alike codes, kept apart.
    assert (rennes.employment_zone_id, rennes.employment_zone.name) == ("5315", "Rennes")
    assert (rennes.bmo_basin_id, rennes.bmo_basin.name, rennes.bmo_basin.label) == ("5314", "RENNES", "Rennes")
    assert (rennes.postcode, rennes.postcode_list) == ("35000", ["35000", "35200", "35700"])
    assert (rennes.latitude, rennes.longitude, rennes.coordinates_source) == (48.1117, -1.6819, "geo-points 2025")
    # DGCL 2025 populations are the census millésime 2022 (the COG 2024 file's 2021 figure is not used).
    assert (rennes.population, rennes.population_year) == (227830, 2022)


def test_island_communes_have_no_epci_and_take_the_other_population(geo):
    brehat = Commune.objects.get(insee="22016")
    assert brehat.epci is None and brehat.name == "Île-de-Bréhat"
    assert (brehat.population, brehat.population_year) == (380, 2021)
    assert any("1 commune(s) in no EPCI: 22016 Île-de-Bréhat" in w for w in geo.warnings)


def test_commune_nouvelle_keeps_the_names_of_its_former_communes(geo):
    binic = Commune.objects.get(insee="22055")
    assert binic.postcode == "22680"  # the chef-lieu, Étables-sur-Mer (COMD with the commune's own code)
    assert binic.postcode_list == ["22520", "22680"]
    assert "|binic|" in binic.search_other and "|etables sur mer|" in binic.search_other
    assert "|treboul|" in Commune.objects.get(insee="29046").search_other  # a La Poste locality
    assert Commune.objects.get(insee="29046").postcode == "29100"  # not the CEDEX-like 29177


def test_a_commune_whose_code_changed_inherits_from_its_former_communes(geo_dir):
    GeoImporter(geo_dir, regions="52").run()
    oree = Commune.objects.get(insee="49126")
    assert oree.postcode_list == ["49270", "49530"]  # La Poste still lists it under 49069
    assert oree.employment_zone_id == "5201"  # the INSEE zones too
    assert oree.epci_id == "200060010" and oree.bmo_basin_id == "5201"


def test_arrondissements_are_not_communes(geo_dir):
    GeoImporter(geo_dir, regions="84").run()
    assert list(Commune.objects.values_list("insee", flat=True)) == ["69123"]
    lyon = Commune.objects.get()
    assert "lyon 1er arrondissement" in lyon.search_other
    assert lyon.epci.nature_label == "Métropole de Lyon" and lyon.postcode == "69000"


def test_bmo_basin_labels_are_spelt_as_the_communes(geo):
    labels = dict(BmoBasin.objects.values_list("name", "label"))
    assert labels["SAINT BRIEUC"] == "Saint-Brieuc"
    assert labels["PONT L'ABBE"] == "Pont-l'Abbé"
    assert labels["PLOERMEL"] == "PLOERMEL"  # no commune of that name in the test files: left as published
    assert spelt_as("CARHAIX", "Carhaix-Plouguer") == "Carhaix"
    assert spelt_as("QUIMPER", "Quimperlé") is None


def test_main_postcode_rules():
    def row(postcode, intitule, ligne5="", name="PLUMELIAU BIEUZY"):
        return {"Code_postal": postcode, "Nom_de_la_commune": name, "Intitule": intitule, "Ligne_5": ligne5}

    merged = [row("56310", "PLUMELIAU BIEUZY", "BIEUZY"), row("56930", "PLUMELIAU BIEUZY", "PLUMELIAU")]
    assert main_postcode(merged, "Pluméliau-Bieuzy", "") == "56930"  # the locality that starts the name
    assert main_postcode([row("29246", "POULLAOUEN", name="POULLAOUEN")], "Poullaouen", "") == "29246"


def test_dataset_is_recorded_with_its_sources(geo):
    dataset = Dataset.objects.get(slug="geo")
    assert dataset.name == "Communes et territoires (Bretagne)"
    assert dataset.version == "COG 2026 · EPCI 2025 · zones d'emploi 2020"
    assert dataset.published_on.isoformat() == "2026-01-01"
    assert "INSEE" in dataset.publisher and "France Travail" in dataset.publisher
    assert "Licence Ouverte" in dataset.licence and "non vérifiées" in dataset.description
    assert dataset.row_counts["communes"] == 12 and not dataset.is_demo


def test_second_import_changes_nothing(geo_dir, settings):
    settings.HENT_REGION_CODE = "53"
    importing.assert_reimport_changes_nothing(run, geo_dir, snapshot)


def test_dry_run_counts_but_writes_nothing(geo_dir):
    importing.assert_dry_run_writes_nothing(run, geo_dir, snapshot, created=12, region="53")


def test_region_option_and_setting_choose_the_communes(geo_dir, settings):
    settings.HENT_REGION_CODE = "52"
    run(geo_dir)
    assert set(Commune.objects.values_list("insee", flat=True)) == {"44109", "44176", "49126"}
    output = run(geo_dir, region="53")  # another Region replaces the first
    assert "communes: 12 in files, 12 created, 0 updated, 3 deleted" in output
    assert list(Region.objects.values_list("code", flat=True)) == ["53"]
    run(geo_dir, region="53,52")
    assert Commune.objects.count() == 15 and Region.objects.count() == 2
    assert Dataset.objects.get(slug="geo").name == "Communes et territoires (Pays de la Loire, Bretagne)"


def test_default_region_is_brittany_without_the_setting(settings):
    del settings.HENT_REGION_CODE
    assert region_codes() == ["53"]
    assert region_codes(" 53, 52 ") == ["52", "53"]


@pytest.mark.parametrize("value", ["5", "bretagne", "53;52", "", "5 3"])
def test_bad_region_codes_stop_the_command(geo_dir, value):
    with pytest.raises(CommandError, match="nothing was changed"):
        run(geo_dir, region=value)


def test_unknown_region_is_named(geo_dir):
    with pytest.raises(CommandError, match=r"regions\.csv: unknown region '99'"):
        run(geo_dir, region="99")


def test_reimport_updates_and_deletes_what_the_publisher_changed(geo_dir, settings):
    settings.HENT_REGION_CODE = "53"
    run(geo_dir)
    edit(geo_dir, "insee_cog2026_communes.csv", "Vitré,Vitré,3525", "Vitré,Vitré-sur-Vilaine,3525")
    edit(
        geo_dir,
        "insee_cog2026_communes.csv",
        "COM,56226,53,56,56D,563,0,SAINT MALO DE BEIGNON,",
        "COMD,56226,,,,,0,SAINT MALO DE BEIGNON,",
    )
    output = run(geo_dir)
    assert "communes: 11 in files, 0 created, 1 updated, 1 deleted" in output
    assert "bassins BMO: 9 in files, 0 created, 0 updated, 1 deleted" in output  # PLOERMEL had only that commune
    assert Commune.objects.get(insee="35360").search_name == "vitre sur vilaine"
    assert not Commune.objects.filter(insee="56226").exists()


MALFORMED = {
    "missing column": (
        "dgcl_epcicom2025.csv",
        "nature_juridique,",
        "nature,",
        "dgcl_epcicom2025.csv, line 1: missing column(s): nature_juridique",
    ),
    "wrong delimiter": (
        "laposte_codes_postaux.csv",
        "Code_commune_INSEE,Nom_de_la_commune,Code_postal,Intitule,Ligne_5",
        "Code_commune_INSEE;Nom_de_la_commune;Code_postal;Intitule;Ligne_5",
        "laposte_codes_postaux.csv, line 1: columns are separated by ';'",
    ),
    "unknown department": (
        "insee_cog2026_communes.csv",
        "COM,35238,53,35,",
        "COM,35238,53,36,",
        "insee_cog2026_communes.csv, line 10: unknown department '36'",
    ),
    "department in another region": (
        "insee_cog2026_communes.csv",
        "COM,35238,53,35,",
        "COM,35238,53,44,",
        "line 10: department 44 is in region 52, not '53'",
    ),
    "short row": (
        "francetravail_bassins_bmo_communes.csv",
        "53,35,35238,5314,RENNES",
        "53,35,35238,5314",
        "francetravail_bassins_bmo_communes.csv, line 9: 4 field(s) where the header has 5",
    ),
    "bad coordinates": (
        "communes_geopoint_2025.csv",
        ";48.1117;-1.6819",
        ";48,1117;-1,6819",
        "communes_geopoint_2025.csv, line 8: unreadable coordinates '48,1117', '-1,6819'",
    ),
    "coordinates out of range": (
        "communes_geopoint_2025.csv",
        ";48.1117;-1.6819",
        ";148.1117;-1.6819",
        "line 8: coordinates out of range",
    ),
    "duplicate commune": (
        "insee_cog2026_communes.csv",
        "COM,35288,53,35,35D,352,0,SAINT MALO,",
        "COM,35238,53,35,35D,352,0,SAINT MALO,",
        "line 11: duplicate commune '35238'",
    ),
    "commune in two EPCI": (
        "dgcl_epcicom2025.csv",
        "35,243500782,CA du Pays de Saint Malo Agglomération,CA,FPU,18,88700,86500,35,35288",
        "35,243500782,CA du Pays de Saint Malo Agglomération,CA,FPU,18,88700,86500,35,35238",
        "line 8: commune 35238 is in two EPCI (243500139 and 243500782)",
    ),
    "population not a number": (
        "dgcl_epcicom2025.csv",
        "Rennes,232000,227830",
        "Rennes,232000,227 830",
        "line 7: '227 830' is not a whole number",
    ),
    "invalid postcode": ("laposte_codes_postaux.csv", "35238,RENNES,35000", "35238,RENNES,3500", "invalid postcode"),
    "zone d'emploi code": ("insee_communes_zones_emploi_2020.csv", "5315,Rennes", "R15,Rennes", "'R15'"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(geo_dir, settings, case):
    settings.HENT_REGION_CODE = "53"
    run(geo_dir)
    name, old, new, message = MALFORMED[case]
    with unchanged(snapshot):
        edit(geo_dir, name, old, new)
        import_fails(run, geo_dir, name, message)


def test_truncated_file_stops_the_import(geo_dir, settings):
    settings.HENT_REGION_CODE = "53"
    run(geo_dir)
    with unchanged(snapshot):
        file = geo_dir / "france" / "regions.csv"
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b'"limite Saint-Augustin') + 10])  # cut inside a quoted field
        with pytest.raises(CommandError, match=r"regions\.csv, line 2: malformed CSV"):
            run(geo_dir)


def test_a_missing_table_is_named(geo_dir):
    (geo_dir / "france" / "communes_geopoint_2025.csv").unlink()
    with pytest.raises(CommandError, match=r"no file matching \*geopoint\*\.csv"):
        run(geo_dir, region="53")


def test_the_optional_cog_2024_table_may_be_absent(geo_dir):
    (geo_dir / "france" / "communes_cog2024_latlng_population.csv").unlink()
    report = GeoImporter(geo_dir, regions="53").run()
    assert report.changes == 44
    assert Commune.objects.get(insee="22016").population is None
    assert any("without population: 22016 Île-de-Bréhat" in w for w in report.warnings)


def test_missing_coordinates_come_from_the_cog_2024_table(geo_dir):
    edit(geo_dir, "communes_geopoint_2025.csv", "0;48.8552, -3.0033;2025;22016;48.8552;-3.0033\n", "")
    report = GeoImporter(geo_dir, regions="53").run()
    brehat = Commune.objects.get(insee="22016")
    assert (brehat.latitude, brehat.longitude) == (48.84, -3.0)
    assert brehat.coordinates_source.startswith("COG 2024")
    assert any("placed with the COG 2024 coordinates" in w for w in report.warnings)


def test_importer_reads_a_zip_archive(geo_dir, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "geo"), "zip", geo_dir)
    report = GeoImporter(archive, regions="53").run()
    assert report.changes == 44
    assert EmploymentZone.objects.count() == 8 and Epci.objects.count() == 9
