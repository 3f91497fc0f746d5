"""The real DARES and France Travail series keyed by FAP 2009 or ROME v3: every row of the files accounted for.

The expected figures are computed here from the files with the csv and json modules, independently of the importers;
for the Mobiville table, against the long files the data's preparer derived from it.
"""

import csv
import json
import re
from collections import Counter

import pytest

from hent.core.models import Dataset
from hent.labour.importers.dares_portraits import DaresPortraitsImporter
from hent.labour.importers.dares_salaries import DaresSalariesImporter
from hent.labour.importers.metiers_2030 import Metiers2030Importer
from hent.labour.importers.rome_fap2009 import RomeFap2009Importer
from hent.labour.importers.rome_naf import RomeNafImporter
from hent.labour.importers.shortage_list import ShortageListImporter
from hent.labour.importers.tension_bassin import BasinTensionImporter
from hent.labour.models import (
    BasinTension,
    DaresIndicator,
    Fap2009,
    FapPcs,
    LbbTension,
    NafLabel,
    Projection2030,
    RomeFap2009,
    RomeNaf,
    RomeV3Label,
    ShortageListing,
)
from tests.conftest import SHARED_DATA
from tests.opendata.conftest import require

LABOUR = SHARED_DATA / "labour"
PSM = LABOUR / "dares-portraits-statistiques-metiers"
SOURCES = {
    "psm": (DaresPortraitsImporter, PSM),
    "salaries": (DaresSalariesImporter, LABOUR / "salaires"),
    "m2030": (Metiers2030Importer, LABOUR / "dares-metiers-2030-regions"),
    "shortage": (ShortageListImporter, LABOUR / "liste-metiers-en-tension-2024"),
    "mobiville": (RomeFap2009Importer, LABOUR / "rome-fap2009-pcs-crosswalk"),
    "lbb": (RomeNafImporter, LABOUR / "rome-naf-labonneboite"),
    "basin": (BasinTensionImporter, LABOUR / "francetravail-tension-rome-bassin-2019-2020"),
}
MODELS = (
    BasinTension, DaresIndicator, Fap2009, FapPcs, LbbTension, NafLabel, Projection2030, RomeFap2009, RomeNaf,
    RomeV3Label, ShortageListing,
)  # fmt: skip
ALL = {"Ensemble": "ENSEMBLE", "ENSEMBLE": "ENSEMBLE", "ENSEM": "ENSEMBLE", "ENS": "ENSEMBLE"}


def rows(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): v for k, v in r.items()} for r in csv.DictReader(f, delimiter=delimiter) if any(r.values())]


def num(text):
    text = text.strip().replace("\xa0", "")
    return None if text in ("", "NA", "nd", "#N/A") else float(text)


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """Every source imported once for this module; the labour tables it writes are emptied afterwards."""
    for _importer, path in SOURCES.values():
        require(path)
    with django_db_blocker.unblock():
        reports = {key: importer(path).run() for key, (importer, path) in SOURCES.items()}
    yield reports
    with django_db_blocker.unblock():
        for model in MODELS:
            model.objects.all().delete()
        Dataset.objects.filter(slug__in=[importer.dataset_slug for importer, _ in SOURCES.values()]).delete()


@pytest.fixture
def data(imported, db):
    return imported


def indicator(name, dataset="dares-portraits"):
    return DaresIndicator.objects.filter(dataset=dataset, indicator=name)


# -- DARES Portraits statistiques des métiers ---------------------------------------------------------------------


def test_psm_indicators_that_one_file_gives_equal_its_rows(data):
    women = rows(PSM / "part_femmes_3niv.csv")
    assert indicator("share_women").count() == len(women) == 7453
    salaries = rows(PSM / "salaire_median_3niv.csv")
    assert indicator("median_salary").count() == len(salaries)
    assert (
        indicator("median_salary").filter(value__isnull=True).count()
        == Counter(r["Salaire_median"] for r in salaries)["NA"]
    )
    tensions = rows(PSM / "tensions" / "tensions.csv")
    assert indicator("tension_category").count() == len(tensions) == 31034
    empty = sum(1 for r in tensions if not r["Catégorie Tension"])
    assert indicator("tension_category").filter(value__isnull=True).count() == empty


def test_psm_indicators_from_two_files_are_their_union(data):
    """Three-level files first, FAP-87 series for the other periods: the keys are the union of both."""
    status = rows(PSM / "tab5statut_3niv.csv")
    cdd = rows(PSM / "part_cdd.csv")
    keys = {(ALL.get(r["Fap"], r["Fap"]), r["Annee"]) for r in status if r["statut"] == "Contrats à durée déterminée"}
    keys |= {(ALL.get(r["Fap"], r["Fap"]), r["annee"]) for r in cdd}
    assert indicator("share_fixed_term").count() == len(keys)
    age = rows(PSM / "age_agrege_1982_1984_2017_2019_restructure_3niv.csv")
    series = rows(PSM / "age_agrege_1982_1984_a_2017_2019_restructure.csv")
    keys = {(ALL.get(r["Fap"], r["Fap"]), r["Annee"]) for r in age if r["Age"] == "Moins de 30 ans"}
    keys |= {(ALL.get(r["Fap"], r["Fap"]), r["Annee"]) for r in series if r["Age"] == "Moins de 30 ans"}
    assert indicator("share_under_30").count() == len(keys)
    evolution = rows(PSM / "tensions" / "evol_tensions.csv")
    national = {(r["fap"], r["Année"]) for r in rows(PSM / "tensions" / "tensions.csv") if r["niveau_geo"] == "nat"}
    assert indicator("tension").filter(scope="France").count() == len(
        national | {(r["fap"], r["Année"]) for r in evolution}
    )


def test_psm_values_equal_the_files(data):
    women = next(r for r in rows(PSM / "part_femmes_3niv.csv") if r["Fap3"] == "V1Z80" and r["Annee"] == "2017-2019")
    assert indicator("share_women").get(fap_code="V1Z80", period="2017-2019").value == float(women["Part"])
    salary = next(
        r for r in rows(PSM / "salaire_median_3niv.csv") if r["Fap3"] == "A0Z40" and r["Annee"] == "2017-2019"
    )
    assert indicator("median_salary").get(fap_code="A0Z40", period="2017-2019").value == float(salary["Salaire_median"])
    age = next(
        r for r in rows(PSM / "age_agrege_1982_1984_2017_2019_restructure_3niv.csv")
        if r["Fap"] == "V0Z60" and r["Age"] == "50 ans et plus" and r["Annee"] == "2017-2019"
    )  # fmt: skip
    assert indicator("share_over_50").get(fap_code="V0Z60", period="2017-2019").value == float(age["Pourcentage"])
    tension = next(r for r in rows(PSM / "tensions" / "tensions.csv") if r["fap"] == "A0Z40" and r["dep"] == "35")
    row = indicator("tension").get(fap_code="A0Z40", scope="dep:35", period="2019")
    assert row.value == float(tension["Tension"])
    assert indicator("tension_category").get(fap_code="A0Z40", scope="dep:35").value == float(
        tension["Catégorie Tension"]
    )
    regional = next(r for r in rows(PSM / "tensions" / "tensions.csv") if r["fap"] == "T4Z60" and r["reg"] == "53.0")
    assert indicator("labour_shortage").get(fap_code="T4Z60", scope="reg:53").value == num(
        regional["Manque de main-d'œuvre disponible"]
    )


def test_psm_fap_labels_and_crosswalks(data):
    assert Fap2009.objects.get(code="V1Z80").label == "Infirmiers"
    assert Fap2009.objects.get(code="T4Z").level == "fap87"
    assert Fap2009.objects.filter(level="fap225").count() >= 225
    links = [r for r in rows(PSM / "fap225_rome.csv", ";") if r["Rome"] not in ("", "NA")]
    assert RomeFap2009.objects.filter(source="dares-psm").count() == len(links) == 749
    assert set(RomeFap2009.objects.filter(source="dares-psm").values_list("fap_code", "rome_code")) == {
        (r["Fap"], r["Rome"]) for r in links
    }
    assert FapPcs.objects.filter(source="dares-psm").count() == len(rows(PSM / "FAP_PCS.csv", ";")) == 486


# -- DARES median salary (3 levels) -------------------------------------------------------------------------------


def test_salaries_equal_the_file(data):
    file = rows(LABOUR / "salaires" / "dares_salaire_median_fap2009_3niveaux.csv", ";")
    stored = indicator("median_salary", "dares-salaires")
    assert stored.count() == len(file) == 616
    assert stored.filter(value__isnull=True).count() == sum(1 for r in file if r["Salaire médian (en €)"] == "nd")
    t4z = next(r for r in file if r["Code Fap"] == "T4Z60" and r["Année"] == "2017-2019")
    assert stored.get(fap_code="T4Z60", period="2017-2019").value == float(t4z["Salaire médian (en €)"])


# -- Métiers 2030 -----------------------------------------------------------------------------------------------


def test_metiers_2030_equal_the_json(data):
    records = json.loads((LABOUR / "dares-metiers-2030-regions" / "dares_metiers_2030_regions.json").read_text())
    assert Projection2030.objects.count() == len(records) == 1049
    assert Projection2030.objects.filter(region_code="53").count() == sum(r["region"] == "Bretagne" for r in records)
    assert Projection2030.objects.values("region_code").distinct().count() == 13
    t4z = next(r for r in records if r["region"] == "Bretagne" and r["code_fap"] == "T4Z")
    row = Projection2030.objects.get(region_code="53", fap_code="T4Z")
    assert row.positions_to_fill == t4z["postes_a_pourvoir_milliers"]
    assert row.positions_to_fill_rate == t4z["postes_a_pourvoir_pct"]
    assert row.employment_2019 == t4z["effectifs_2019_milliers"]
    assert row.tension_2019 == int(t4z["niveau_tension_2019"])
    out = sum(r["niveau_tension_2019"] == "hors champ" for r in records)
    assert Projection2030.objects.filter(tension_2019__isnull=True).count() == out
    assert Projection2030.objects.filter(fap_code__contains=";").count() == sum(";" in r["code_fap"] for r in records)


# -- List of occupations in shortage ---------------------------------------------------------------------------------


def test_shortage_list_equals_the_file(data):
    file = rows(LABOUR / "liste-metiers-en-tension-2024" / "metiers_en_tension_mars_2024.csv")
    assert ShortageListing.objects.count() == len(file) == 399
    assert ShortageListing.objects.filter(region_code="53").count() == sum(r["Region"] == "Bretagne" for r in file)
    assert ShortageListing.objects.filter(region_code="FR").count() == sum(
        r["Region"] == "France Entière" for r in file
    )
    assert set(ShortageListing.objects.filter(region_code="53").values_list("fap_code", flat=True)) == {
        r["Code FAP"] for r in file if r["Region"] == "Bretagne"
    }
    assert ShortageListing.objects.get(region_code="53", fap_code="A1Z40").label == "Maraîchers, horticulteurs salariés"


# -- Mobiville FAP 2009 - PCS - ROME ----------------------------------------------------------------------------


def test_mobiville_pairs_equal_the_preparers_long_files(data):
    folder = LABOUR / "rome-fap2009-pcs-crosswalk"
    rome = {(r["fap2009"], r["rome"]) for r in rows(folder / "fap2009_rome_long.csv")}
    assert set(RomeFap2009.objects.filter(source="mobiville").values_list("fap_code", "rome_code")) == rome
    # The preparer's PCS file also took the domaine and FAP-87 title lines for pairs: those are not PCS codes.
    pcs = rows(folder / "fap2009_pcs_long.csv")
    pairs = {(r["fap2009"], r["pcs2003"]) for r in pcs if re.fullmatch(r"\d{3}[a-z]", r["pcs2003"])}
    assert set(FapPcs.objects.filter(source="mobiville").values_list("fap_code", "pcs_code")) == pairs


# -- La Bonne Boîte ---------------------------------------------------------------------------------------------


def test_rome_naf_equals_the_files(data):
    folder = LABOUR / "rome-naf-labonneboite"
    curated = rows(folder / "rome_naf_mapping.csv")
    raw = rows(folder / "rome_naf_mapping.raw.csv")
    pairs = {(r["rome_id"], r["naf_id"]) for r in curated} | {(r["rome_id"], r["naf_id"]) for r in raw}
    assert RomeNaf.objects.count() == len(pairs)
    assert RomeNaf.objects.filter(curated=True).count() == len(curated) == 5071
    first = curated[0]
    link = RomeNaf.objects.get(rome_code=first["rome_id"], naf_code=first["naf_id"])
    assert link.weight == int(first["hirings"]) and link.naf_label == first["naf_label"]
    assert RomeV3Label.objects.count() == len(rows(folder / "rome_labels.csv", "|"))
    assert NafLabel.objects.count() == len(rows(folder / "naf_labels.csv", "|"))
    tensions = rows(folder / "metiers_tension.csv")
    assert LbbTension.objects.filter(source_file="metiers_tension.csv").count() == len(tensions)
    first = tensions[0]
    assert LbbTension.objects.get(
        source_file="metiers_tension.csv", fap_code=first["fap_code"], rome_code=first["rome_code"]
    ).tension_pct == float(first["tension_pct"])


# -- France Travail tension by ROME and bassin ----------------------------------------------------------------------


def test_basin_tension_equals_the_files(data):
    folder = LABOUR / "francetravail-tension-rome-bassin-2019-2020"
    file_2020 = rows(folder / "tension_rome_bassin_2020.csv", ";")
    file_2019 = rows(folder / "tension_fap2009_rome_bassin_2019.csv", ";")
    assert BasinTension.objects.filter(year=2020).count() == len(file_2020) == 27053
    assert BasinTension.objects.filter(year=2019).count() == len(file_2019) == 2088
    short = sum(1 for r in file_2020 if len(r["cbassin"]) == 3)
    assert BasinTension.objects.filter(year=2020, basin_code__startswith="0").count() == short
    for r in file_2020[:50] + [r for r in file_2019 if "\xa0" in r["oee"]][:20]:
        row = BasinTension.objects.get(year=int(r["annee"]), rome_code=r["ROME"], basin_code=r["cbassin"].zfill(4))
        assert (row.offers, row.job_seekers, row.tension_class) == (
            num(r["oee"]), num(r["defm_abc"]), num(r["ind_tension_d"]),
        )  # fmt: skip
    assert Counter(BasinTension.objects.filter(year=2020).values_list("tension_class", flat=True)) == Counter(
        int(r["ind_tension_d"]) for r in file_2020
    )


# -- every source ---------------------------------------------------------------------------------------------------


def test_datasets_are_recorded(data):
    for importer, _path in SOURCES.values():
        dataset = Dataset.objects.get(slug=importer.dataset_slug)
        assert dataset.name and dataset.publisher and dataset.licence
    assert Dataset.objects.get(slug="dares-portraits").published_on.isoformat() == "2021-04-27"


@pytest.mark.parametrize("key", list(SOURCES))
def test_second_import_changes_nothing(data, key):
    importer, path = SOURCES[key]
    report = importer(path).run()
    assert report.changes == 0, list(report.lines())
