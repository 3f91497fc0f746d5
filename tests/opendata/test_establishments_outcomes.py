"""The real establishment and InserJeunes files in ../shared/data: every row accounted for, decoded as published.

Expected counts and values are computed here from the files with the csv module, independently of
the importers. (No real LHÉO file is available: see tests/trainings/test_import_lheo.py.)
"""

import csv
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.annuaire import AnnuaireImporter
from hent.trainings.importers.inserjeunes import CfaOutcomeImporter, DeppOutcomeImporter, RegionOutcomeImporter
from hent.trainings.importers.parcoursup import ParcoursupImporter
from hent.trainings.models import AnnuaireEntry, EstablishmentOutcome, ParcoursupEntry, RegionOutcome
from tests.conftest import SHARED_DATA
from tests.importing import assert_no_change, imported_once

SOURCES = {
    "annuaire": (AnnuaireImporter, SHARED_DATA / "establishments" / "annuaire-education-35"),
    "parcoursup": (ParcoursupImporter, SHARED_DATA / "establishments" / "parcoursup-derived-unofficial"),
    "regions": (RegionOutcomeImporter, SHARED_DATA / "inserjeunes" / "region-formation"),
    "depp": (DeppOutcomeImporter, SHARED_DATA / "inserjeunes" / "etablissements-depp"),
    "cfa": (CfaOutcomeImporter, SHARED_DATA / "inserjeunes" / "cfa"),
}
MODELS = [AnnuaireEntry, ParcoursupEntry, RegionOutcome, EstablishmentOutcome]
SLUGS = [importer.dataset_slug for importer, _ in SOURCES.values()]


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """Imports the five sources once for this module; their tables are emptied afterwards (only theirs)."""
    yield from imported_once(django_db_blocker, SOURCES, MODELS, SLUGS)


@pytest.fixture
def reports(imported, db):
    return imported


def rows(path, delimiter=";", encoding="utf-8-sig"):
    """The file's records as lists of strings (header excluded), read with the csv module alone."""
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))[1:]


def records(path, delimiter=";"):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def only(folder, pattern):
    [path] = Path(folder).glob(pattern)
    return path


# -- establishments ----------------------------------------------------------------------------------


def test_annuaire_every_line_is_an_entry_or_one_of_its_other_lines(reports):
    file = records(only(SOURCES["annuaire"][1], "fr-en-annuaire-education*.csv"))
    assert len(file) == 996
    uais = Counter(r["Identifiant_de_l_etablissement"] for r in file)
    assert AnnuaireEntry.objects.count() == len(uais) == 993
    assert sum(len(lines) for lines in AnnuaireEntry.objects.values_list("other_lines", flat=True)) == 996 - 993
    assert AnnuaireEntry.objects.filter(kind="Lycée").count() == len(
        {r["Identifiant_de_l_etablissement"] for r in file if r["Type_etablissement"] == "Lycée"}
    )
    assert AnnuaireEntry.objects.filter(latitude__isnull=False).count() == 993  # all geocoded
    assert not AnnuaireEntry.objects.exclude(department_code="35").exists()


def test_annuaire_record_is_decoded_as_published(reports):
    file = {r["Identifiant_de_l_etablissement"]: r for r in records(only(SOURCES["annuaire"][1], "*.csv"))}
    published = file["0350122T"]
    entry = AnnuaireEntry.objects.get(uai="0350122T")
    assert entry.name == published["Nom_etablissement"] == "Ecole primaire publique les Lucioles"
    assert (entry.commune_code, entry.postcode, entry.commune_name) == (
        published["Code_commune"], published["Code postal"], published["Nom_commune"],
    )  # fmt: skip
    assert (entry.latitude, entry.longitude) == (float(published["latitude"]), float(published["longitude"]))
    assert entry.position_precision == published["precision_localisation"] == "Rue"
    assert (entry.general, entry.vocational, entry.sector) == (None, None, "public")  # empty flags: unknown
    lp = AnnuaireEntry.objects.get(uai="0351962T")
    assert (lp.vocational, lp.apprenticeship, lp.agricultural, lp.sector) == (True, True, True, "privé")
    nulls = Counter(r["Voie_professionnelle"] == "" for r in file.values())
    assert AnnuaireEntry.objects.filter(vocational__isnull=True).count() == nulls[True]


def test_parcoursup_pairs_and_rows(reports):
    file = rows(only(SOURCES["parcoursup"][1], "fr-esr-parcoursup*.csv"), delimiter=",", encoding="utf-8")
    assert len(file) == 14252
    pairs = {(r[1], r[4]) for r in file}
    assert ParcoursupEntry.objects.count() == len(pairs)
    assert sum(ParcoursupEntry.objects.values_list("occurrences", flat=True)) == len(file)
    assert ParcoursupEntry.objects.filter(region="Bretagne").count() == len(
        {(r[1], r[4]) for r in file if r[3] == "Bretagne"}
    )
    without = {(r[1], r[4]) for r in file if not r[5]} - {(r[1], r[4]) for r in file if r[5]}
    assert ParcoursupEntry.objects.filter(latitude__isnull=True).count() == len(without)
    entry = ParcoursupEntry.objects.get(uai="0492433D", programme="ARS Annee de Remise à Niveau Scientifique")
    assert (entry.establishment_name, entry.status, entry.sector) == (
        "Facultes libres de l Ouest   UCO ANGERS", "Prive enseignement superieur", "privé",
    )  # fmt: skip
    assert (entry.latitude, entry.longitude) == (47.4629, -0.54627)
    assert "non officielle" in Dataset.objects.get(slug="parcoursup-copie-non-officielle").description


# -- InserJeunes -------------------------------------------------------------------------------------


def test_regions_counts_and_masked_values(reports):
    file = records(only(SOURCES["regions"][1], "ij_region_data*.csv"))
    assert RegionOutcome.objects.count() == len(file) == 40322
    assert RegionOutcome.objects.filter(region_code="53").count() == sum(r["code_region"] == "53" for r in file) == 2392
    assert RegionOutcome.objects.filter(voie="apprentissage").count() == sum(r["voie"] == "apprentissage" for r in file)
    for field, column in (("rate_employment_6", "taux_emploi_6_mois"), ("leavers", "nb_sortant")):
        assert RegionOutcome.objects.filter(**{f"{field}__isnull": True}).count() == sum(r[column] == "" for r in file)
        assert RegionOutcome.objects.filter(**{field: 0}).count() == sum(r[column] == "0" for r in file)


def test_regions_record_is_decoded_as_published(reports):
    published = next(r for r in records(only(SOURCES["regions"][1], "*.csv")) if r["code_region"] == "53")
    row = RegionOutcome.objects.get(key=published["id"])
    assert (row.millesime, row.region_code_ij, row.voie) == (published["millesime"], "03", published["voie"])
    assert row.cohort == int(published["nb_annee_term"]) and row.employed_6 == int(published["nb_en_emploi_6_mois"])
    assert row.rate_employment_6 == Decimal(published["taux_emploi_6_mois"])
    assert row.rate_further_studies == Decimal(published["taux_poursuite_etudes"])


def test_depp_every_file_row_is_in_the_database(reports):
    folder = SOURCES["depp"][1]
    expected = Counter()
    for path in folder.glob("depp-*-etablissements-*.csv"):
        period, kind = path.stem.split("-")[-2:]
        expected[("depp-pro" if kind == "pro" else "depp-apprentissage", period)] = len(rows(path))
    assert len(expected) == 10 and sum(expected.values()) == 33619
    found = Counter(
        EstablishmentOutcome.objects.exclude(source="cfa").values_list("source", "period").order_by()
    )  # one row per (source, period) pair listed
    assert found == expected


def test_depp_unnamed_columns_are_decoded(reports):
    # "0010001W";"Lycée professionnel Alexandre Bérard …";"AUVERGNE-RHONE-ALPES";"ensemble";49;47;41;6;51;55;56
    path = only(SOURCES["depp"][1], "*2018_2019-pro.csv")
    published = next(r for r in rows(path) if r[0] == "0010001W" and r[3] == "ensemble")
    row = EstablishmentOutcome.objects.get(source="depp-pro", period="2018_2019", uai="0010001W", scope="ensemble")
    values = [row.rate_further_studies, row.rate_employment_6, row.expected_employment_6, row.value_added_6,
              row.rate_employment_12, row.rate_employment_18, row.rate_employment_24]  # fmt: skip
    assert values == [Decimal(v) for v in published[4:11]]
    assert (row.name, row.region_code) == (published[1], "84")
    # The same CFA and millésime in the DEPP and the per-CFA files: same figures.
    depp = EstablishmentOutcome.objects.get(source="depp-apprentissage", period="2018_2019", uai="0010826T")
    cfa = EstablishmentOutcome.objects.get(source="cfa", period="cumul 2018-2019", uai="0010826T")
    for field in ("share_interrupted", "rate_further_studies", "rate_employment_6", "rate_employment_24"):
        assert getattr(depp, field) == getattr(cfa, field) is not None


def test_depp_nd_is_none(reports):
    path = only(SOURCES["depp"][1], "*2022_2023-apprentissage.csv")
    nd = sum(1 for r in rows(path) if r[4] == "nd")
    assert nd > 0
    assert EstablishmentOutcome.objects.filter(
        source="depp-apprentissage", period="2022_2023", rate_employment_6__isnull=True
    ).count() == nd + sum(1 for r in rows(path) if r[4] == "")


def test_cfa_counts_and_record(reports):
    file = records(only(SOURCES["cfa"][1], "fr-en-inserjeunes-cfa*.csv"))
    assert EstablishmentOutcome.objects.filter(source="cfa").count() == len(file) == 11314
    assert EstablishmentOutcome.objects.filter(source="cfa", region_code="53").count() == sum(
        r["Région"] == "BRETAGNE" for r in file
    ) == 576  # fmt: skip
    published = next(r for r in file if r["UAI"] == "0630003L" and r["Année"] == "cumul 2023-2024")
    row = EstablishmentOutcome.objects.get(source="cfa", period="cumul 2023-2024", uai="0630003L")
    assert row.share_further_studies == Decimal(published["DEVENIR Part poursuite études"]) == Decimal("30")
    assert row.value_added_6 == Decimal(published["VA emploi 6 mois"])
    assert row.share_interrupted is None and row.rate_employment_18 is None  # empty: unknown
    assert row.millesime == "2023_2024"
    assert EstablishmentOutcome.objects.filter(source="cfa", rate_employment_6__isnull=True).count() == sum(
        r["Taux emploi 6 mois"] == "" for r in file
    )


def test_datasets_are_recorded(reports):
    datasets = {d.slug: d for d in Dataset.objects.filter(slug__in=SLUGS)}
    assert set(datasets) == set(SLUGS)
    assert all(d.licence == "licence non vérifiée" for d in datasets.values())
    assert datasets["annuaire-education"].version == "2023-06-08"
    assert datasets["inserjeunes-etablissements-depp"].version == "millésimes 2018_2019 à 2022_2023"
    assert datasets["inserjeunes-cfa"].version == "cumul 2018-2019 à cumul 2023-2024"


@pytest.mark.parametrize("name", list(SOURCES))
def test_reimport_changes_nothing(reports, name):
    importer, path = SOURCES[name]
    assert_no_change(importer(path).run())
