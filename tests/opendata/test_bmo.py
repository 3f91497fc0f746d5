"""The real BMO 2024 and 2025 workbooks and the DARES FAP 2021 files: every row accounted for.

The expected figures are computed here from the files by a reader independent of the importers (the xlsx
read as zipped XML, the passage table with the csv module).
"""

import csv
import re
import zipfile
from collections import Counter, defaultdict
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from hent.core.models import Dataset
from hent.labour.importers.bmo import BmoImporter
from hent.labour.importers.fap2021 import Fap2021Importer
from hent.labour.models import BmoRecord, Fap2021, RomeFap2021
from tests.conftest import SHARED_DATA
from tests.opendata.conftest import require

LABOUR = SHARED_DATA / "labour"
BMO_DIRS = {2024: LABOUR / "bmo-2024", 2025: LABOUR / "bmo-2025"}
FAP_DIR = LABOUR / "fap2021-nomenclature-rome-passage"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def xlsx_rows(path, sheet_name):
    """Rows of a sheet as lists of text (None for empty cells), straight from the workbook's XML."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in root.findall(f"{MAIN}si")]
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rid = next(s.get(f"{RELS}id") for s in book.iter(f"{MAIN}sheet") if s.get("name") == sheet_name)
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = next(r.get("Target") for r in rels if r.get("Id") == rid).lstrip("/")
        target = target if target.startswith("xl/") else f"xl/{target}"
        with z.open(target) as stream:
            for _, row in ElementTree.iterparse(stream):
                if row.tag != f"{MAIN}row":
                    continue
                cells = {}
                for c in row.findall(f"{MAIN}c"):
                    column = re.match(r"[A-Z]+", c.get("r")).group(0)
                    index = sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(column))) - 1
                    value = c.find(f"{MAIN}v")
                    if c.get("t") == "s":
                        cells[index] = strings[int(value.text)]
                    elif c.get("t") == "inlineStr":
                        cells[index] = "".join(t.text or "" for t in c.iter(f"{MAIN}t"))
                    else:
                        cells[index] = value.text if value is not None else None
                row.clear()
                yield [cells.get(i) for i in range(max(cells, default=-1) + 1)]


def bmo_file_rows(year):
    path = require(BMO_DIRS[year] / f"Base_open_data_BMO_{year}.xlsx")
    rows = xlsx_rows(path, f"BMO_{year}_open_data")
    header = next(rows)
    return [dict(zip(header, r, strict=False)) for r in rows if any(r)]


def count(value):
    return None if value in (None, "*") else int(float(value))


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """Both BMO years and the FAP 2021 files imported once for this module; their tables emptied afterwards."""
    for path in (*BMO_DIRS.values(), FAP_DIR):
        require(path)
    with django_db_blocker.unblock():
        reports = {year: BmoImporter(path).run() for year, path in BMO_DIRS.items()}
        reports["fap"] = Fap2021Importer(FAP_DIR).run()
    yield reports
    with django_db_blocker.unblock():
        for model in (BmoRecord, RomeFap2021, Fap2021):
            model.objects.all().delete()
        Dataset.objects.filter(slug__in=["bmo-2024", "bmo-2025", "fap2021"]).delete()


@pytest.fixture
def data(imported, db):
    return imported


@pytest.fixture(scope="module")
def files():
    return {year: bmo_file_rows(year) for year in BMO_DIRS}


@pytest.mark.parametrize("year", [2024, 2025])
def test_every_row_of_the_workbook_is_in_the_database(data, files, year):
    rows = files[year]
    assert BmoRecord.objects.filter(year=year).count() == len(rows) == {2024: 53443, 2025: 50076}[year]
    assert data[year].tables[0].in_files == len(rows)
    masked = Counter(r["met"] == "*" for r in rows)[True]
    assert BmoRecord.objects.filter(year=year, projects__isnull=True).count() == masked
    zero = Counter(count(r["met"]) == 0 for r in rows)[True]
    assert BmoRecord.objects.filter(year=year, projects=0).count() == zero


@pytest.mark.parametrize("year", [2024, 2025])
def test_sums_per_region_equal_the_workbook(data, files, year):
    expected = defaultdict(lambda: [0, 0, 0])
    for r in files[year]:
        for i, column in enumerate(("met", "xmet", "smet")):
            expected[r["REG"]][i] += count(r[column]) or 0
    stored = BmoRecord.objects.filter(year=year).values("region_code")
    stored = stored.annotate(p=Sum("projects"), d=Sum("difficult"), s=Sum("seasonal"))
    assert {s["region_code"]: [s["p"] or 0, s["d"] or 0, s["s"] or 0] for s in stored} == dict(expected)


def test_brittany_totals_of_non_masked_projects(data, files):
    for year, total in ((2024, 150_753), (2025, 129_773)):
        from_file = sum(count(r["met"]) or 0 for r in files[year] if r["REG"] == "53")
        in_db = BmoRecord.objects.filter(year=year, region_code="53").aggregate(t=Sum("projects"))["t"]
        assert from_file == in_db == total


def test_specific_records_equal_the_file(data, files):
    for year, code, basin, dept in ((2024, "A0X40", "5301", "29"), (2024, "A0X40", "5304", "22"),
                                    (2025, "A0X40", "5304", "22"), (2025, "T4X60", "5314", "35")):  # fmt: skip
        column = f"BE{str(year)[2:]}"
        (row,) = [r for r in files[year]
                  if (r["Code métier BMO"], r[column], r["Dept"]) == (code, basin, dept)]  # fmt: skip
        record = BmoRecord.objects.get(year=year, bmo_code=code, basin_code=basin, department_code=dept)
        assert (record.bmo_label, record.basin_name, record.region_code) == (
            row["Nom métier BMO"], row[f"NOMBE{str(year)[2:]}"], row["REG"],
        )  # fmt: skip
        assert (record.projects, record.difficult, record.seasonal) == tuple(
            count(row[c]) for c in ("met", "xmet", "smet")
        )
    # The PROVENANCE samples: Carhaix 2024 has a masked xmet.
    carhaix = BmoRecord.objects.get(year=2024, bmo_code="A0X40", basin_code="5304", department_code="22")
    assert (carhaix.projects, carhaix.difficult, carhaix.seasonal) == (66, None, 66)


def test_every_bmo_code_is_a_fap2021_level_228_code(data):
    codes = set(BmoRecord.objects.values_list("bmo_code", flat=True))
    assert len(codes) == 217
    assert codes <= set(Fap2021.objects.filter(level=228).values_list("code", flat=True))


def test_the_fap_tree_equals_the_workbook(data):
    path = FAP_DIR / "Dares_Arborescence_FAP2021.xlsx"
    sheets = {level: [r for r in xlsx_rows(path, f"niveau_FAP{level}") if any(r)][1:] for level in (22, 86, 228, 341)}
    assert {level: len(rows) for level, rows in sheets.items()} == {22: 22, 86: 86, 228: 228, 341: 341}
    all_codes = {r[0] for rows in sheets.values() for r in rows}
    assert Fap2021.objects.count() == len(all_codes) == 515
    assert set(Fap2021.objects.filter(is_fap341=True).values_list("code", flat=True)) == {r[0] for r in sheets[341]}
    assert dict(Fap2021.objects.values_list("level").annotate(n=Count("code"))) == {
        22: 22, 86: 86, 228: 228, 341: len({r[0] for r in sheets[341]} - {r[0] for r in sheets[228]})
    }  # fmt: skip
    nested = [r for r in xlsx_rows(path, "niveaux_emboités") if any(r)][1:]
    parents = dict(Fap2021.objects.values_list("code", "parent"))
    for c341, _, c228, _, c86, _, c22, _ in nested:
        assert (parents[c86], parents[c228]) == (c22, c86)
        assert c341 == c228 or parents[c341] == c228
    label = dict(Fap2021.objects.values_list("code", "label"))
    assert label["E3X20"] == "Ouvriers peu qualifiés des industries agro-alimentaires"  # not the nested typo
    assert label["B6X73"] == "Techniciens et agents de maîtrise de chantiers du BTP"  # no trailing no-break space


def test_the_passage_table_equals_the_file(data):
    path = next(FAP_DIR.glob("Dares_Table_passage_ROME_Qualif_to_FAP2021*.csv"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    assert RomeFap2021.objects.count() == len(rows) == 5320
    assert RomeFap2021.objects.values("rome_code").distinct().count() == len({r["ROME"] for r in rows}) == 532
    stored = {(r.rome_code, r.qualification): r.fap_id for r in RomeFap2021.objects.all()}
    assert stored == {(r["ROME"], r["Qualif"]): r["FAP341"] for r in rows}
    link = RomeFap2021.objects.get(rome_code="A1204", qualification="9")
    assert (link.rome_label, link.fap_id) == ("Protection du patrimoine naturel", "H1X91")
    assert RomeFap2021.objects.get(rome_code="A1204", qualification="0").fap_id == "G1X70"


def test_datasets_are_recorded(data):
    bmo_2024, bmo_2025, fap = (Dataset.objects.get(slug=s) for s in ("bmo-2024", "bmo-2025", "fap2021"))
    assert (bmo_2024.version, str(bmo_2024.published_on)) == ("2024", "2024-04-25")
    assert (bmo_2025.version, str(bmo_2025.published_on)) == ("2025", "2025-04-08")
    assert "methode_2025" in bmo_2025.description and "BE25" in bmo_2025.description
    assert fap.publisher == "Dares" and "licence non vérifiée" in fap.licence


def test_reimport_changes_nothing(data):
    for year, path in BMO_DIRS.items():
        report = BmoImporter(path / f"Base_open_data_BMO_{year}.xlsx").run()  # the workbook itself this time
        assert (report.changes, report.tables[0].in_files) == (0, data[year].tables[0].in_files)
    assert Fap2021Importer(FAP_DIR).run().changes == 0


def test_dry_run_on_the_real_files_reports_no_change(data, capsys):
    call_command("import_bmo", str(BMO_DIRS[2025]), dry_run=True)
    call_command("import_fap2021", str(FAP_DIR), dry_run=True)
    out = capsys.readouterr().out
    assert out.count("total: 0 created, 0 updated, 0 deleted") == 2
