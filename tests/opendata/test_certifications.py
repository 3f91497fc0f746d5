"""The real certification files in ../shared/data/certifications: every row accounted for, decoded as published.

Expected counts are computed here from the files with the csv module, independently of the importers.
"""

import csv
import datetime
import io
from collections import Counter

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.bcn import BcnImporter
from hent.trainings.importers.certifinfo import CertifInfoImporter
from hent.trainings.importers.kit_apprentissage import KitApprentissageImporter
from hent.trainings.importers.rncp import RncpImporter
from hent.trainings.models import (
    BcnDiploma,
    BcnLevel,
    BcnMef,
    CertifInfo,
    KitApprentissage,
    RncpCertifier,
    RncpDiploma,
    RncpFiche,
    RncpNsf,
    RncpRome,
)
from tests.conftest import SHARED_DATA
from tests.importing import assert_no_change, imported_once

DATA = SHARED_DATA / "certifications"
SOURCES = {
    "certifinfo": (CertifInfoImporter, DATA / "certifinfo"),
    "rncp": (RncpImporter, DATA / "rncp-2021"),
    "kit": (KitApprentissageImporter, DATA / "kit-apprentissage-cfd-rncp"),
    "bcn": (BcnImporter, DATA / "bcn-nomenclatures"),
}
# Children before parents, for the clean-up.
MODELS = [RncpRome, RncpNsf, RncpCertifier, RncpDiploma, RncpFiche, KitApprentissage, CertifInfo, BcnMef, BcnDiploma,
          BcnLevel]  # fmt: skip
SLUGS = ["certifinfo", "rncp-2021", "kit-apprentissage", "bcn"]


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """Imports the four sources once for this module; their tables are emptied afterwards (only theirs)."""
    yield from imported_once(django_db_blocker, SOURCES, MODELS, SLUGS)


@pytest.fixture
def reports(imported, db):
    return imported


def rows(path, encoding, quoting=csv.QUOTE_MINIMAL):
    """(line-independent) records of a ';' file, as dicts, read with the csv module."""
    data = path.read_bytes()
    text = data.decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";", quoting=quoting))


def certifinfo_rows():
    return rows(DATA / "certifinfo" / "certif_info.csv", "utf-8")


def rncp_rows(stem):
    return rows(DATA / "rncp-2021" / f"{stem}.v1.4.csv", "cp1252")


def kit_rows():
    return rows(DATA / "kit-apprentissage-cfd-rncp" / "Kit_apprentissage_20240426.csv", "utf-8")


def bcn_rows(name, encoding="utf-8-sig"):
    return rows(DATA / "bcn-nomenclatures" / name, encoding, quoting=csv.QUOTE_NONE)


def digits(code):
    return code.removeprefix("RNCP").lstrip("0") if code not in ("", "NR") else ""


def cfd(code):
    return code.zfill(8) if code.isdigit() else code


# -- Certif Info ------------------------------------------------------------------------------------------------


def test_certifinfo_counts_equal_the_file(reports):
    records = certifinfo_rows()
    assert len(records) == 10067
    assert CertifInfo.objects.count() == len({r["Code_Diplome"] for r in records}) == 9923
    pairs = {(r["Code_Diplome"], r["codeIdeo2"]) for r in records if r["codeIdeo2"]}
    assert sum(len(ids.split()) for ids in CertifInfo.objects.values_list("onisep_ids", flat=True)) == len(pairs)
    rs = {(r["Code_Diplome"], r["Code_RS"]) for r in records if r["Code_RS"]}
    assert sum(len(codes.split()) for codes in CertifInfo.objects.values_list("rs_codes", flat=True)) == len(rs)
    by_code = {r["Code_Diplome"]: r for r in records}
    for field, column in [("access_initial", "accessibilite_fi"), ("access_apprenticeship", "accessibilite_ca"),
                          ("access_vae", "accessibilite_vae")]:  # fmt: skip
        for value, meaning in (("1", True), ("0", False), ("2", None)):
            expected = sum(1 for r in by_code.values() if r[column] == value)
            assert CertifInfo.objects.filter(**{field: meaning}).count() == expected, (field, value)
    assert CertifInfo.objects.filter(level_eu__isnull=True).count() == sum(
        1 for r in by_code.values() if not r["Code_Niveau_Europeen"]
    )


def test_certifinfo_records_are_decoded_as_published(reports):
    record = next(r for r in certifinfo_rows() if r["Code_Diplome"] == "1880")
    magistere = CertifInfo.objects.get(code=1880)
    assert magistere.title == record["Libelle_Diplome"] == "Magistère aménagement et urbanisme"
    assert magistere.updated_on == datetime.date(2024, 4, 16) and magistere.onisep_id == "FOR.846"
    assert magistere.access_initial is None  # accessibilite_fi 2: not stated
    iep = CertifInfo.objects.get(code=109653)
    assert len(iep.onisep_ids.split()) == 11 and iep.onisep_id == "FOR.1084"
    assert (iep.rncp, iep.cfd, iep.level_eu) == ("39136", "15512803", 7)
    assert "certif_info.csv: 10067 rows for 9923 certifications" in " ".join(reports["certifinfo"].warnings)


# -- RNCP 2021 --------------------------------------------------------------------------------------------------


def test_rncp_counts_equal_the_files(reports):
    info = rncp_rows("rncp_info")
    assert len(info) == 17470
    assert RncpFiche.objects.count() == len({r["CodeRNCP"] for r in info}) == 17369
    assert RncpFiche.objects.filter(active=True).count() == len(
        {r["CodeRNCP"] for r in info if r["ActiveInactive"] == "ACTIVE"}
    )
    assert RncpRome.objects.count() == len(rncp_rows("rncp_rome")) == 45165
    nsf = rncp_rows("rncp_nsf")
    assert RncpNsf.objects.count() == len({(r["CodeRNCP"], r["code"]) for r in nsf}) == 25411  # half are repeats
    assert RncpCertifier.objects.count() == len(rncp_rows("rncp_certificateurs")) == 36279
    codes = rncp_rows("codes_diplomes")
    assert RncpDiploma.objects.count() == len({(cfd(r["CodeDiplome"]), digits(r["CodeRNCP"])) for r in codes}) == 4894
    fiches = {digits(r["CodeRNCP"]) for r in info}
    absent = {digits(r["CodeRNCP"]) for r in codes if r["CodeRNCP"] != "NR"} - fiches
    assert len(absent) == 11
    assert RncpDiploma.objects.exclude(rncp="").exclude(rncp__in=fiches).count() == 11


def test_rncp_records_are_decoded_as_published(reports):
    pierre = RncpFiche.objects.get(number="1000")
    assert (pierre.title, pierre.level_eu, pierre.active) == ("Métiers de la pierre", 4, False)
    assert (pierre.end_of_validity, pierre.new_number) == (datetime.date(2016, 8, 31), "32230")
    assert RncpFiche.objects.get(number="34664").old_number == "13829 25596 24485 25591 25623 25595"
    assert RncpRome.objects.get(fiche="34001", rome_code="A1101").label == "Conduite d'engins agricoles et forestiers"
    assert not RncpRome.objects.filter(label__contains="''").exists()
    assert not RncpFiche.objects.filter(title__contains="\r").exists()
    assert not RncpFiche.objects.filter(title__contains="\ufffd").exists()
    assert RncpDiploma.objects.get(cfd="01022103").rncp == "958"  # 1022103 in the file
    assert not RncpDiploma.objects.exclude(cfd__regex=r"^[0-9A-Z]{8}$").exists()


# -- Kit apprentissage ------------------------------------------------------------------------------------------


def test_kit_counts_equal_the_file(reports):
    records = kit_rows()
    assert KitApprentissage.objects.count() == len(records) == 5942
    assert KitApprentissage.objects.filter(apprenticeship_access=True).count() == sum(
        1 for r in records if r["Accès à l'apprentissage de la fiche RNCP (oui/non)"] == "oui"
    )
    assert KitApprentissage.objects.filter(rncp="").count() == sum(1 for r in records if r["FicheRNCP"] == "NR") == 34


def test_kit_records_are_decoded_as_published(reports):
    bp = KitApprentissage.objects.get(cfd="45033104")
    assert (bp.rncp, bp.level_eu, bp.apprenticeship_access, bp.active) == ("37312", 4, True, True)
    assert (bp.end_of_validity, bp.old_rncp, bp.rncp_title) == (
        datetime.date(2024, 12, 31), "1008", "BP - Préparateur en pharmacie",
    )  # fmt: skip
    dataset = Dataset.objects.get(slug="kit-apprentissage")
    assert (dataset.version, dataset.published_on) == ("20240426", datetime.date(2024, 4, 26))


# -- BCN --------------------------------------------------------------------------------------------------------


def test_bcn_counts_equal_the_files(reports):
    levels = bcn_rows("nNiveauFormationDiplome_.csv", "utf-8")
    n = bcn_rows("nFormationDiplome_.csv", "cp1252")
    v = bcn_rows("vFormationDiplome_.csv")
    mefs = bcn_rows("nMef.csv")
    assert BcnLevel.objects.count() == len(levels) == 212
    n_codes, v_codes = {r["FORMATION_DIPLOME"] for r in n}, {r["FORMATION_DIPLOME"] for r in v}
    assert BcnDiploma.objects.count() == len(n_codes | v_codes) == 11270
    assert BcnDiploma.objects.filter(source="n").count() == len(n_codes) == 4023
    assert BcnDiploma.objects.filter(in_view=True).count() == len(v_codes) == 11261
    assert BcnMef.objects.count() == len(mefs) == 10067
    assert BcnMef.objects.filter(duration_years__isnull=True).count() == sum(
        1 for r in mefs if r["DUREE_DISPOSITIF"] == "9"
    )


def test_bcn_records_are_decoded_as_published(reports):
    csa = BcnDiploma.objects.get(cfd="46321218")
    assert (csa.label, csa.level_id, csa.rncp_level, csa.first_session) == ("APICULTURE (CSA)", "463", 4, 2018)
    assert (csa.opened_on, csa.source, csa.in_view) == (datetime.date(2017, 9, 1), "n", True)
    # A comment that starts with a quote, in an unquoted file.
    record = next(r for r in bcn_rows("vFormationDiplome_.csv") if r["COMMENTAIRE"].startswith('"Diplome d'))
    assert BcnDiploma.objects.get(cfd=record["FORMATION_DIPLOME"]).comment.startswith('"Diplome d\'etat" en 4 ans')
    mef = BcnMef.objects.get(mef="2543340421")
    assert (mef.cfd, mef.duration_years, mef.year_of_course, mef.closed_on) == (
        "45033404", 2, 1, datetime.date(2025, 8, 31),
    )  # fmt: skip
    assert not BcnDiploma.objects.filter(label__contains="\ufffd").exists()


# -- all --------------------------------------------------------------------------------------------------------


def test_datasets_are_recorded(reports):
    datasets = {d.slug: d for d in Dataset.objects.filter(slug__in=SLUGS)}
    assert set(datasets) == set(SLUGS)
    assert all(d.licence == "licence non vérifiée" for d in datasets.values())
    assert datasets["certifinfo"].version == "2024-06-28"
    assert datasets["rncp-2021"].version == "v1.4"
    assert Counter(datasets["rncp-2021"].row_counts) == Counter(
        {"RNCP fiches": 17369, "RNCP → ROME links": 45165, "RNCP → NSF links": 25411, "RNCP certifiers": 36279,
         "CFD → RNCP (codes_diplomes)": 4894}
    )  # fmt: skip


@pytest.mark.parametrize("name", list(SOURCES))
def test_reimport_changes_nothing(reports, name):
    importer, path = SOURCES[name]
    assert_no_change(importer(path).run())
