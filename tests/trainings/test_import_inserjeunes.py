"""The InserJeunes importers on small files in the publishers' formats.

By region (ij_region_data.csv: BOM, ';'), by establishment (the DEPP files, in their four header
layouts: quoted with blank column names, CRLF with trailing spaces, "nd" for masked values) and by
CFA (BOM, CRLF, decimals written "30.0"). Masked values must be None, never 0.
"""

import shutil
from decimal import Decimal
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.inserjeunes import DeppOutcomeImporter
from hent.trainings.models import EstablishmentOutcome, RegionOutcome
from tests import importing
from tests.importing import NO_CHANGE, edit, import_fails, run, unchanged

pytestmark = pytest.mark.django_db

REGION_FILE = "ij_region_data.csv"
CFA_FILE = "fr-en-inserjeunes-cfa.csv"
DEPP_PRO_2018 = "depp-2022-etablissements-2018_2019-pro.csv"
DEPP_APP_2019 = "depp-2022-etablissements-2019_2020-apprentissage.csv"
DEPP_PRO_2022 = "depp-2022-etablissements-2022_2023-pro.csv"
DEPP_APP_2022 = "depp-2022-etablissements-2022_2023-apprentissage.csv"

snapshot = partial(importing.snapshot, RegionOutcome, EstablishmentOutcome, Dataset)


def outcome(source, period, uai, scope=""):
    return EstablishmentOutcome.objects.get(source=source, period=period, uai=uai, scope=scope)


# -- by region and training ------------------------------------------------------------------------


def test_regions_rows_and_fields(inserjeunes):
    output = run("import_inserjeunes_regions", inserjeunes / "region-formation")
    assert "outcomes by region and training: 5 in files, 5 created, 0 updated, 0 deleted" in output
    row = RegionOutcome.objects.get(key="2019_2020_03_scolaire_32221022710")
    assert (row.millesime, row.region_code, row.region_code_ij, row.voie) == ("2019_2020", "53", "03", "scolaire")
    assert (row.cfd, row.mefstat11, row.cohort, row.leavers) == ("", "32221022710", 47, 28)
    assert (row.employed_6, row.employed_12, row.employed_18, row.employed_24, row.further_studies) == (
        16,
        14,
        15,
        16,
        19,
    )
    assert (row.rate_employment_6, row.rate_employment_12, row.rate_employment_24) == (57, 50, 57)
    assert row.rate_further_studies == 40


def test_regions_masked_values_are_none_and_zero_stays_zero(inserjeunes):
    run("import_inserjeunes_regions", inserjeunes / "region-formation")
    small = RegionOutcome.objects.get(key="2019_2020_03_apprentissage_32020008")
    assert small.cfd == "32020008" and small.employed_6 == 7
    assert (small.rate_employment_6, small.rate_further_studies) == (None, None)  # masked: unknown, not 0
    letters = RegionOutcome.objects.get(key="2022_2023_03_apprentissage_36C3120V")
    assert letters.cfd == "36C3120V" and letters.leavers is None and letters.employed_6 is None
    assert letters.further_studies == 0 and letters.rate_further_studies == 0  # published 0: a real zero


def test_regions_dataset_idempotence_and_dry_run(inserjeunes):
    folder = inserjeunes / "region-formation"
    importing.assert_dry_run_writes_nothing(partial(run, "import_inserjeunes_regions"), folder, snapshot)
    run("import_inserjeunes_regions", folder)
    dataset = Dataset.objects.get(slug="inserjeunes-regions")
    assert dataset.version == "millésimes 2019_2020 à 2022_2023" and dataset.licence == "licence non vérifiée"
    assert "tjp-pilotage" in dataset.source_url and " " not in dataset.source_url
    with unchanged(snapshot):
        assert NO_CHANGE in run("import_inserjeunes_regions", folder)


def test_regions_reimport_updates_and_deletes(inserjeunes):
    folder = inserjeunes / "region-formation"
    run("import_inserjeunes_regions", folder)
    edit(folder / REGION_FILE, "2019_2020_03_apprentissage_32020008;2019_2020;03;53;apprentissage;32020008;;12;", "")
    edit(folder / REGION_FILE, "7;7;7;7;4;7;;;;;\n", "")
    edit(folder / REGION_FILE, ";118;69;", ";119;69;")
    output = run("import_inserjeunes_regions", folder)
    assert "4 in files, 0 created, 1 updated, 1 deleted" in output
    assert RegionOutcome.objects.get(key="2021_2022_01_apprentissage_50022137").cohort == 119


REGION_MALFORMED = {
    "truncated file": (None, None, "line 6: 12 field(s) where the header has 19"),
    "missing column": (";nb_sortant;", ";nb_sortants;", "line 1: missing column(s): nb_sortant"),
    "wrong delimiter": ("id;millesime;code_region_ij;", "id,millesime,code_region_ij,", None),
    "bad number": (";47;14;15;", ";47;1e;15;", "line 2: nb_en_emploi_12_mois: '1e' is not a number"),
    "rate out of range": (";50;54;57;57;40", ";50;54;57;157;40", "line 2: taux_emploi_6_mois: '157' is out of range"),
    "unknown region": (";03;53;scolaire;", ";03;99;scolaire;", "line 2: unknown region code '99'"),
    "unknown voie": (";53;scolaire;;", ";53;scolair;;", "line 2: unknown voie 'scolair'"),
    "school row without MEFSTAT": (";;32221022710;", ";;;", "line 2: school row without a valid MEFSTAT11 code"),
    "duplicate id": ("2019_2020_03_apprentissage_32020008;", "2019_2020_03_scolaire_32221022710;", "line 3: duplicate"),
}


@pytest.mark.parametrize("case", REGION_MALFORMED, ids=list(REGION_MALFORMED))
def test_regions_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(inserjeunes, case):
    folder = inserjeunes / "region-formation"
    run("import_inserjeunes_regions", folder)
    old, new, message = REGION_MALFORMED[case]
    file = folder / REGION_FILE
    with unchanged(snapshot):
        if case == "truncated file":
            content = file.read_bytes()
            file.write_bytes(content[: content.index(b";50022137;;118;") + 20])
        elif case == "wrong delimiter":
            header, rest = file.read_bytes().split(b"\n", 1)
            file.write_bytes(header.replace(b";", b",") + b"\n" + rest)
            message = "line 1: columns are separated by ','"
        else:
            edit(file, old, new)
        import_fails(partial(run, "import_inserjeunes_regions"), folder, f"{REGION_FILE}, {message}")


# -- by establishment: DEPP files ----------------------------------------------------------------------


def test_depp_reads_every_file_and_layout(inserjeunes):
    output = run("import_inserjeunes_etablissements", inserjeunes / "etablissements-depp")
    assert "outcomes by establishment (DEPP): 11 in files, 11 created, 0 updated, 0 deleted" in output
    counts = {
        (s, p): EstablishmentOutcome.objects.filter(source=s, period=p).count()
        for s, p in EstablishmentOutcome.objects.values_list("source", "period")
    }
    assert counts == {
        ("depp-pro", "2018_2019"): 4,
        ("depp-apprentissage", "2019_2020"): 2,
        ("depp-pro", "2022_2023"): 2,
        ("depp-apprentissage", "2022_2023"): 3,
    }


def test_depp_blank_column_names_of_early_files_are_identified(inserjeunes):
    run("import_inserjeunes_etablissements", inserjeunes / "etablissements-depp")
    pro = outcome("depp-pro", "2018_2019", "0019001A", "ensemble")
    assert (pro.name, pro.region, pro.region_code, pro.millesime) == (
        "Lycée professionnel Alexandre Exemple", "AUVERGNE-RHONE-ALPES", "84", "2018_2019",
    )  # fmt: skip
    assert (pro.rate_further_studies, pro.rate_employment_6, pro.expected_employment_6, pro.value_added_6) == (
        48, 46, 42, 4,
    )  # fmt: skip
    assert (pro.rate_employment_12, pro.rate_employment_18, pro.rate_employment_24) == (50, 54, 57)
    assert (pro.share_further_studies, pro.share_interrupted) == (None, None)
    scopes = set(
        EstablishmentOutcome.objects.filter(uai="0359101K", period="2018_2019").values_list("scope", flat=True)
    )
    assert scopes == {"ensemble", "dont élèves en voie pro sco", "dont apprentis"}
    empty = outcome("depp-pro", "2018_2019", "0359101K", "dont apprentis")
    assert (empty.rate_employment_6, empty.value_added_6, empty.region_code) == (None, None, "53")
    cfa = outcome("depp-apprentissage", "2019_2020", "0359106Q")
    assert (cfa.share_interrupted, cfa.rate_further_studies, cfa.rate_employment_6) == (None, 42, 68)
    assert (cfa.expected_employment_6, cfa.value_added_6, cfa.rate_employment_12) == (73, -5, 77)
    assert cfa.rate_employment_18 is None


def test_depp_named_headers_with_trailing_spaces_and_nd(inserjeunes):
    run("import_inserjeunes_etablissements", inserjeunes / "etablissements-depp")
    cfa = outcome("depp-apprentissage", "2022_2023", "0359106Q")
    assert (cfa.rate_further_studies, cfa.rate_employment_6, cfa.expected_employment_6, cfa.value_added_6) == (
        39, 81, 78, 3,
    )  # fmt: skip
    assert (cfa.share_further_studies, cfa.share_employed_6, cfa.share_other) == (39, 49, 12)
    masked = outcome("depp-apprentissage", "2022_2023", "9719001C")
    assert masked.region_code == "01"
    assert [getattr(masked, f) for f in ("rate_employment_6", "value_added_6", "share_other")] == [None, None, None]
    assert outcome("depp-pro", "2022_2023", "0359101K", "dont apprentis").rate_further_studies is None
    assert outcome("depp-pro", "2022_2023", "0359101K", "ensemble").share_employed_6 == 26


def test_depp_dataset_idempotence_dry_run_updates_and_deletions(inserjeunes):
    folder = inserjeunes / "etablissements-depp"
    importing.assert_dry_run_writes_nothing(partial(run, "import_inserjeunes_etablissements"), folder, snapshot)
    run("import_inserjeunes_etablissements", folder)
    dataset = Dataset.objects.get(slug="inserjeunes-etablissements-depp")
    assert dataset.version == "millésimes 2018_2019 à 2022_2023" and dataset.licence == "licence non vérifiée"
    with unchanged(snapshot):
        assert NO_CHANGE in run("import_inserjeunes_etablissements", folder)
    (folder / DEPP_APP_2019).unlink()
    edit(folder / DEPP_PRO_2022, "BRETAGNE;ensemble;45;47;44;3;", "BRETAGNE;ensemble;47;47;44;3;")
    output = run("import_inserjeunes_etablissements", folder)
    assert "9 in files, 0 created, 1 updated, 2 deleted" in output
    assert outcome("depp-pro", "2022_2023", "0359101K", "ensemble").rate_further_studies == 47


def test_depp_and_cfa_share_the_table_without_deleting_each_other(inserjeunes):
    run("import_inserjeunes_etablissements", inserjeunes / "etablissements-depp")
    run("import_inserjeunes_cfa", inserjeunes / "cfa")
    assert EstablishmentOutcome.objects.count() == 11 + 5
    assert NO_CHANGE in run("import_inserjeunes_etablissements", inserjeunes / "etablissements-depp")
    assert EstablishmentOutcome.objects.filter(source="cfa").count() == 5


DEPP_MALFORMED = {
    "truncated file": (DEPP_PRO_2022, None, None, "line 3: 6 field(s) where the header has 11"),
    "unknown column": (DEPP_APP_2022, "Taux attendu;", "Taux espéré;", "line 1: unknown column 'Taux espéré'"),
    "unidentifiable blank column": (DEPP_APP_2019, '"Valeur ajoutée";', '"Valeur ajoutée";;;;', None),
    "missing column": (DEPP_PRO_2022, "Valeur ajoutée;", "", "line 1: missing column(s): value_added_6"),
    "wrong delimiter": (DEPP_PRO_2022, None, None, "line 1: columns are separated by ','"),
    "bad value": (
        DEPP_PRO_2018,
        '"ensemble";37;56',
        '"ensemble";37;5S',
        "line 3: rate_employment_6: '5S' is not a number",
    ),
    "unknown region": (DEPP_APP_2019, '"BRETAGNE"', '"BRETONNIE"', "line 3: unknown region 'BRETONNIE'"),
    "empty scope": (DEPP_PRO_2018, '"ensemble";48', '"";48', "line 2: empty 'Dont apprentis en EPLE'"),
    "invalid UAI": (DEPP_APP_2022, "0359106Q", "359106Q", "line 3: invalid UAI '359106Q'"),
}


@pytest.mark.parametrize("case", DEPP_MALFORMED, ids=list(DEPP_MALFORMED))
def test_depp_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(inserjeunes, case):
    folder = inserjeunes / "etablissements-depp"
    run("import_inserjeunes_etablissements", folder)
    name, old, new, message = DEPP_MALFORMED[case]
    file = folder / name
    with unchanged(snapshot):
        if case == "truncated file":
            content = file.read_bytes()
            file.write_bytes(content[: content.index(b"dont apprentis;nd;nd;") + 20])
        elif case == "wrong delimiter":
            header, rest = file.read_bytes().split(b"\r\n", 1)
            file.write_bytes(header.replace(b";", b",") + b"\r\n" + rest)
        else:
            edit(file, old, new)
        import_fails(
            partial(run, "import_inserjeunes_etablissements"),
            folder,
            name,
            message or "line 1: unnamed column 12 cannot be identified",
        )


def test_depp_reads_a_zip(inserjeunes, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "depp"), "zip", inserjeunes / "etablissements-depp")
    assert DeppOutcomeImporter(archive).run().changes == 11


# -- by CFA --------------------------------------------------------------------------------------------


def test_cfa_rows_and_decimal_values(inserjeunes):
    output = run("import_inserjeunes_cfa", inserjeunes / "cfa")
    assert "outcomes by CFA: 5 in files, 5 created, 0 updated, 0 deleted" in output
    row = outcome("cfa", "cumul 2023-2024", "0639001D")
    assert (row.millesime, row.scope, row.region_code, row.name) == (
        "2023_2024", "", "84", "Cours Exemple de Coiffure, Clermont-Ferrand",
    )  # fmt: skip
    assert (row.share_further_studies, row.share_employed_6, row.share_other, row.share_interrupted) == (
        31,
        56,
        13,
        None,
    )
    assert (row.rate_employment_6, row.expected_employment_6, row.value_added_6, row.rate_employment_12) == (
        82,
        74,
        8,
        72,
    )
    assert row.rate_employment_6 == Decimal("82.0") and row.rate_employment_18 is None
    old = outcome("cfa", "cumul 2018-2019", "0019002B")
    assert (old.share_interrupted, old.share_further_studies, old.rate_employment_24) == (39, None, 72)
    masked = outcome("cfa", "cumul 2022-2023", "0359106Q")
    assert masked.rate_employment_6 is None and masked.value_added_6 is None and masked.region_code == "53"


def test_cfa_dataset_idempotence_dry_run_updates_and_deletions(inserjeunes):
    folder = inserjeunes / "cfa"
    importing.assert_dry_run_writes_nothing(partial(run, "import_inserjeunes_cfa"), folder, snapshot)
    run("import_inserjeunes_cfa", folder)
    dataset = Dataset.objects.get(slug="inserjeunes-cfa")
    assert dataset.version == "cumul 2018-2019 à cumul 2023-2024" and dataset.licence == "licence non vérifiée"
    with unchanged(snapshot):
        assert NO_CHANGE in run("import_inserjeunes_cfa", folder)
    edit(
        folder / CFA_FILE,
        "cumul 2023-2024;0299007E;CFA Exemple de l'Iroise;BRETAGNE;43.0;35.0;22.0;;43.0;62.0;66.0;-4.0;72.0;;;"
        "10010.0\r\n",
        "",
    )
    edit(folder / CFA_FILE, ";39.0;75.0;76.0;-1.0;", ";39.0;75.5;76.0;-0.5;")
    output = run("import_inserjeunes_cfa", folder)
    assert "4 in files, 0 created, 1 updated, 1 deleted" in output
    assert outcome("cfa", "cumul 2023-2024", "0359106Q").value_added_6 == Decimal("-0.5")


CFA_MALFORMED = {
    "truncated file": ("-4.0;72.0;;;10010.0\r\n", "-4.0;72", "line 6: 13 field(s) where the header has 16"),
    "missing column": (";VA emploi 6 mois;", ";VA;", "line 1: missing column(s): VA emploi 6 mois"),
    "bad value": (";82.0;74.0;8.0;", ";82.0;74.0;huit;", "line 2: value_added_6: 'huit' is not a number"),
    "bad period": ("cumul 2018-2019", "2018-2019", "line 3: invalid period '2018-2019'"),
    "unknown region": (";BRETAGNE;43.0", ";BZH;43.0", "line 6: unknown region 'BZH'"),
    "too many decimals": (
        ";56.0;13.0;",
        ";56.125;13.0;",
        "line 2: share_employed_6: '56.125' has more than 2 decimals",
    ),
}


@pytest.mark.parametrize("case", CFA_MALFORMED, ids=list(CFA_MALFORMED))
def test_cfa_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(inserjeunes, case):
    folder = inserjeunes / "cfa"
    run("import_inserjeunes_cfa", folder)
    old, new, message = CFA_MALFORMED[case]
    file = folder / CFA_FILE
    with unchanged(snapshot):
        if case == "truncated file":
            content = file.read_bytes()
            file.write_bytes(content[: content.index(old.encode())] + new.encode())
        else:
            edit(file, old, new)
        import_fails(partial(run, "import_inserjeunes_cfa"), folder, f"{CFA_FILE}, {message}")
