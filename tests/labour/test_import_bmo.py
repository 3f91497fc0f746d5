"""import_bmo on small workbooks written in France Travail's BMO layout (see tests/labour/bmo_workbooks.py)."""

import datetime
import io
import shutil
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hent.core.importing import ImportFailed
from hent.core.models import Dataset
from hent.labour.importers.bmo import BmoImporter
from hent.labour.models import BmoRecord
from tests.labour import bmo_workbooks

pytestmark = pytest.mark.django_db

DATA_2024 = "BMO_2024_open_data"


@pytest.fixture
def bmo(tmp_path):
    """The 2024 and 2025 folders, written for the test, which it may alter: {year: folder}."""
    folders = {year: tmp_path / f"bmo-{year}" for year in (2024, 2025)}
    for year, folder in folders.items():
        bmo_workbooks.write(folder, year)
    return folders


def workbook(folder):
    return next(folder.glob("Base_open_data_BMO_*.xlsx"))


def run(path, **options):
    out = io.StringIO()
    call_command("import_bmo", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    """Every row the import writes, to prove that a failed import changed nothing."""
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (BmoRecord, Dataset)}


def edit(folder, sheet, cells=None, delete_row=None, rename=None):
    """Change a copy of the workbook as a publisher could have: cell values, a removed row, a renamed sheet."""
    path = workbook(folder)
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for ref, value in (cells or {}).items():
        ws[ref] = value
    if delete_row:
        ws.delete_rows(delete_row)
    if rename:
        ws.title = rename
    book.save(path)
    return path.name


def record(year=2024, code="A0X40", basin="5301", department="29"):
    return BmoRecord.objects.get(year=year, bmo_code=code, basin_code=basin, department_code=department)


def test_import_keeps_every_row_of_the_year(bmo):
    output = run(bmo[2024])
    assert BmoRecord.objects.filter(year=2024).count() == BmoRecord.objects.count() == 9
    assert "Enquête Besoins en main-d'œuvre (BMO) 2024" in output
    assert "BMO records 2024: 9 in files, 9 created, 0 updated, 0 deleted" in output
    # Every region is kept (the Region filter applies at display): Pays de la Loire, Guadeloupe, Île-de-France.
    assert set(BmoRecord.objects.values_list("region_code", flat=True)) == {"01", "11", "52", "53"}


def test_fields_are_decoded(bmo):
    run(bmo[2024])
    brest = record()
    assert (brest.bmo_code, brest.bmo_label, brest.family_code, brest.family_label) == (
        "A0X40", "Agriculteurs", "Z", "Autres métiers",
    )  # fmt: skip
    assert (brest.region_code, brest.region_name, brest.department_code, brest.department_name) == (
        "53", "Bretagne", "29", "Finistère",
    )  # fmt: skip
    assert (brest.basin_code, brest.basin_name) == ("5301", "BREST")  # a number in the sheet, text here
    assert (brest.projects, brest.difficult, brest.seasonal) == (838, 325, 723)  # counts stored as text


def test_masked_and_empty_values_are_unknown_never_zero(bmo):
    run(bmo[2024])
    assert (record(basin="5304", department="22").difficult, record(basin="5304", department="22").seasonal) == (
        None, 66,
    )  # fmt: skip
    redon = record(basin="5313", department="44")
    assert (redon.projects, redon.difficult, redon.seasonal) == (None, None, None)
    empty = record(code="S1X20", basin="5301")  # empty cells
    assert (empty.projects, empty.difficult, empty.seasonal) == (None, None, 12)
    assert not BmoRecord.objects.filter(projects=0).exists()


def test_numbers_stored_as_numbers_floats_or_text_with_separators(bmo):
    run(bmo[2024])
    rennes = record(code="S1X20", basin="5314", department="35")
    assert (rennes.projects, rennes.difficult, rennes.seasonal) == (1412, 201, 1005)


def test_codes_keep_their_published_form(bmo):
    run(bmo[2024])
    overseas = BmoRecord.objects.get(basin_code="104")
    assert (overseas.region_code, overseas.department_code, overseas.basin_name) == ("01", "978", "BASSIN ILES DU NORD")
    # A bassin straddling departments has one row per department; Redon keeps its Loire-Atlantique row in region 53.
    assert BmoRecord.objects.filter(bmo_code="A0X40", basin_code="5304").count() == 2
    assert record(basin="5313", department="44").region_code == "53"
    assert BmoRecord.objects.get(bmo_code="QAX01").family_code == "C"


def test_dataset_is_recorded_per_year(bmo):
    run(bmo[2024])
    dataset = Dataset.objects.get(slug="bmo-2024")
    assert (dataset.name, dataset.publisher, dataset.version) == (
        "Enquête Besoins en main-d'œuvre (BMO)", "France Travail", "2024",
    )  # fmt: skip
    assert dataset.published_on == datetime.date(2024, 4, 25)  # the workbook's creation date
    assert dataset.licence.startswith("Licence Ouverte")
    assert "https://statistiques.francetravail.org/bmo/static/methode_2024" in dataset.description
    assert "BE24" in dataset.description
    assert dataset.row_counts == {"BMO records 2024": 9}


PROVENANCE = """# BMO 2024 (copy)
## Source
- Repository: `someone/some-repo` (GitHub)
- Commit that added them: `c81ad2623f6d4f730a892f07eb4158b2797a7490` (2025-04-23); repository HEAD `{head}`
## Publisher / licence
- Licence: {licence}
"""


@pytest.mark.parametrize(
    ("stated", "licence"),
    [
        ("published under Licence Ouverte / Etalab (per data.gouv.fr)", "Licence Ouverte / Open Licence 2.0 (Etalab)"),
        ("Licence Ouverte assumed, not stated in the files", "licence non vérifiée"),
        ("not verified", "licence non vérifiée"),
    ],
)
def test_a_copy_described_by_provenance_notes_gets_their_licence_and_origin(bmo, stated, licence):
    (bmo[2024] / "PROVENANCE.md").write_text(PROVENANCE.format(head="0" * 40, licence=stated), encoding="utf-8")
    BmoImporter(workbook(bmo[2024])).run()  # given as the xlsx itself: the notes of its folder
    dataset = Dataset.objects.get(slug="bmo-2024")
    assert dataset.licence == licence
    origin = "Copie tirée du dépôt GitHub someone/some-repo (commit c81ad2623f6d, 2025-04-23)."
    assert dataset.description.endswith(origin)


def test_a_workbook_re_saved_by_someone_else_is_reported(bmo):
    path = workbook(bmo[2024])
    book = openpyxl.load_workbook(path)
    book.properties.creator, book.properties.lastModifiedBy = "France Travail", "Quelqu'un d'autre"
    book.save(path)
    report = BmoImporter(bmo[2024]).run()
    assert any("last saved by Quelqu'un d'autre" in w for w in report.warnings)


def test_a_label_longer_than_its_column_stops(bmo):
    edit(bmo[2024], DATA_2024, cells={"E2": "x" * 201})
    with pytest.raises(ImportFailed, match="line 2: family_label: 201 characters, more than the 200 it holds"):
        BmoImporter(bmo[2024]).run()


def test_each_year_is_its_own_scope(bmo):
    run(bmo[2024])
    before_2024 = sorted(BmoRecord.objects.filter(year=2024).values_list())
    output = run(bmo[2025])
    assert "BMO records 2025: 4 in files, 4 created, 0 updated, 0 deleted" in output
    assert sorted(BmoRecord.objects.filter(year=2024).values_list()) == before_2024
    assert set(Dataset.objects.values_list("slug", flat=True)) == {"bmo-2024", "bmo-2025"}
    # 2025's layout: sheet Description_des_variables, columns BE25/NOMBE25.
    assert record(2025, basin="5304", department="22").difficult == 23
    assert "BE25" in Dataset.objects.get(slug="bmo-2025").description
    # Re-importing 2025 with a row less deletes only in 2025.
    edit(bmo[2025], "BMO_2025_open_data", delete_row=5)
    output = run(bmo[2025])
    assert "BMO records 2025: 3 in files, 0 created, 0 updated, 1 deleted" in output
    assert BmoRecord.objects.filter(year=2024).count() == 9


def test_second_import_changes_nothing(bmo):
    run(bmo[2024])
    before = snapshot()
    output = run(bmo[2024])
    assert "total: 0 created, 0 updated, 0 deleted" in output
    assert snapshot() == before


def test_dry_run_counts_but_writes_nothing(bmo):
    output = run(bmo[2024], dry_run=True)
    assert "dry run" in output and "9 created" in output
    assert not BmoRecord.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes_what_the_publisher_changed(bmo):
    run(bmo[2024])
    edit(bmo[2024], DATA_2024, cells={"L2": "840", "M3": "12"}, delete_row=10)  # Paris row is the last one
    output = run(bmo[2024])
    assert "BMO records 2024: 8 in files, 0 created, 2 updated, 1 deleted" in output
    assert record().projects == 840
    assert record(basin="5304", department="22").difficult == 12
    assert not BmoRecord.objects.filter(bmo_code="QAX01").exists()


def test_the_workbook_itself_or_a_zip_can_be_given(bmo, tmp_path):
    report = BmoImporter(workbook(bmo[2024])).run()
    assert report.changes == 9
    archive = tmp_path / "bmo-2025.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(workbook(bmo[2025]), f"BMO 2025/{workbook(bmo[2025]).name}")
    assert BmoImporter(archive).run().changes == 4
    assert BmoRecord.objects.count() == 13


def test_the_curators_csv_is_not_the_publishers_format(bmo):
    workbook(bmo[2024]).unlink()
    (bmo[2024] / "bmo_2024_france.csv").write_text("annee,Code métier BMO\n2024,A0X40\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"no file matching Base_open_data_BMO_\*\.xlsx"):
        run(bmo[2024])


def test_several_years_in_one_folder_is_refused(bmo):
    shutil.copy(workbook(bmo[2025]), bmo[2024])
    with pytest.raises(CommandError, match="several files match"):
        run(bmo[2024])


def test_an_unusual_difficult_count_is_reported_not_refused(bmo):
    edit(bmo[2024], DATA_2024, cells={"M2": "900"})
    report = BmoImporter(bmo[2024]).run()
    assert any("line 2: difficult (900) exceeds projects (838)" in w for w in report.warnings)


MALFORMED = {
    "bad value in a count column": ({"L3": "6a"}, "line 3: bad value '6a' in column met (expected a whole number"),
    "negative count": ({"N4": -3}, "line 4: bad value -3 in column smet (negative)"),
    "fractional count": ({"M4": 12.5}, "line 4: bad value 12.5 in column xmet"),
    "bad year": ({"A5": "deux mille"}, "line 5: bad value 'deux mille' in column annee"),
    "two years in one file": ({"A6": 2023}, "line 6: year 2023 in a file of year 2024"),
    "unknown region": ({"F7": "99"}, "line 7: unknown region code '99' in column REG"),
    "bassin of another region": ({"J2": 5212}, "line 2: unknown bassin 5212 for region 53"),
    "bad métier code": ({"B8": "A0X4"}, "line 8: bad value 'A0X4' in column Code métier BMO"),
    "bad department": ({"H9": "2C"}, "line 9: bad value '2C' in column Dept"),
    "two labels for one métier": ({"C3": "Agricultrices"}, "line 3: métier BMO A0X40 is named 'Agricultrices' here"),
    "two names for one bassin": ({"K4": "CARHAIX-PLOUGUER"}, "line 4: bassin 5304 is named 'CARHAIX-PLOUGUER' here"),
    "duplicate row": ({"H4": "22"}, "line 4: duplicate row for métier A0X40, bassin 5304, department 22"),
    "empty bassin name": ({"K2": None}, "line 2: empty basin name"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_a_bad_cell_stops_with_file_sheet_line_and_problem_and_changes_nothing(bmo, case):
    run(bmo[2024])
    before = snapshot()
    cells, message = MALFORMED[case]
    name = edit(bmo[2024], DATA_2024, cells=cells)
    with pytest.raises(CommandError) as err:
        run(bmo[2024])
    assert "nothing was changed" in str(err.value)
    assert f"{name}, sheet '{DATA_2024}'" in str(err.value) and message in str(err.value)
    assert snapshot() == before


def expect_failure(path, *messages):
    before = snapshot()
    with pytest.raises(ImportFailed) as err:
        BmoImporter(path).run()
    for message in messages:
        assert message in str(err.value)
    assert snapshot() == before
    return err.value


def test_missing_column_is_an_unknown_layout(bmo):
    run(bmo[2024])
    edit(bmo[2024], DATA_2024, cells={"N1": "saisonniers"})
    expect_failure(
        bmo[2024], f"sheet '{DATA_2024}', line 1: unknown layout: no sheet with the BMO columns; this header lacks smet"
    )


def test_a_renamed_bassin_column_is_read_by_meaning_but_an_unknown_one_is_refused(bmo):
    edit(bmo[2024], DATA_2024, cells={"J1": "BE26", "K1": "NOMBE26"})
    report = BmoImporter(bmo[2024]).run()
    assert report.changes == 9 and any("bassin column BE26 in a file of year 2024" in w for w in report.warnings)
    edit(bmo[2024], DATA_2024, cells={"J1": "Code bassin"})
    expect_failure(bmo[2024], "unknown layout")


def test_sheet_names_do_not_matter_but_a_second_data_sheet_does(bmo):
    edit(bmo[2024], DATA_2024, rename="Données")
    assert BmoImporter(bmo[2024]).run().changes == 9
    path = workbook(bmo[2024])
    book = openpyxl.load_workbook(path)
    book.copy_worksheet(book["Données"])
    book.save(path)
    expect_failure(bmo[2024], "unknown layout: several sheets with the BMO columns")


def test_the_variables_sheet_must_agree_on_the_year(bmo):
    run(bmo[2024])
    edit(bmo[2024], "Description des variables", cells={"C8": 2023})
    expect_failure(bmo[2024], "sheet 'Description des variables', line 8: the variables sheet says year 2023")


def test_a_data_sheet_without_rows_is_refused(bmo):
    path = workbook(bmo[2024])
    book = openpyxl.load_workbook(path)
    book[DATA_2024].delete_rows(2, 20)
    book.save(path)
    expect_failure(bmo[2024], f"sheet '{DATA_2024}', line 2: the sheet has no data row")


@pytest.mark.parametrize("given", ["folder", "file", "zip"])
def test_a_truncated_workbook_stops_and_changes_nothing(bmo, tmp_path, given):
    run(bmo[2024])
    path = workbook(bmo[2024])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    if given == "zip":
        target = tmp_path / "bmo.zip"
        with zipfile.ZipFile(target, "w") as z:
            z.write(path, path.name)
    else:
        target = path if given == "file" else bmo[2024]
    error = expect_failure(target, "Base_open_data_BMO_2024.xlsx", "not a readable xlsx workbook", "truncated")
    assert error.file.startswith("Base_open_data_BMO_2024.xlsx")


def test_a_damaged_sheet_stops_with_its_name(bmo):
    run(bmo[2024])
    path = workbook(bmo[2024])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet2.xml"]
    parts["xl/worksheets/sheet2.xml"] = sheet[: len(sheet) // 2]  # XML cut inside the data sheet
    with zipfile.ZipFile(path, "w") as z:
        for n, content in parts.items():
            z.writestr(n, content)
    expect_failure(bmo[2024], "Base_open_data_BMO_2024.xlsx", "is the file truncated?")
