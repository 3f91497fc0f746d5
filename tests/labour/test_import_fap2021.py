"""import_fap2021 on small files written in DARES' formats (see ``sources.fap2021``)."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hent.core.importing import ImportFailed
from hent.core.models import Dataset
from hent.labour.importers.fap2021 import Fap2021Importer
from hent.labour.models import Fap2021, RomeFap2021

pytestmark = pytest.mark.django_db

TREE = "Dares_Arborescence_FAP2021.xlsx"
PASSAGE = "Dares_Table_passage_ROME_Qualif_to_FAP2021_pour_programme.csv"


def run(path, **options):
    out = io.StringIO()
    call_command("import_fap2021", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    """Every row the import writes, to prove that a failed import changed nothing."""
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (Fap2021, RomeFap2021, Dataset)}


def edit_csv(folder, old, new, count=1):
    """Replace text in the passage table, keeping its Windows-1252 encoding."""
    file = folder / PASSAGE
    data = file.read_bytes()
    assert old.encode("cp1252") in data, f"{old!r} not in {PASSAGE}"
    file.write_bytes(data.replace(old.encode("cp1252"), new.encode("cp1252"), count))
    return PASSAGE


def edit_tree(folder, sheet, cells=None, delete_row=None):
    path = folder / TREE
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for ref, value in (cells or {}).items():
        ws[ref] = value
    if delete_row:
        ws.delete_rows(delete_row)
    book.save(path)
    return TREE


def test_import_loads_the_tree_and_the_passage_table(fap2021):
    output = run(fap2021)
    # 3 domains + 4 families (86) + 6 families (228) + 3 codes only at level 341 (A0X41a, A0X41f: 341 of A0X41).
    assert Fap2021.objects.count() == 3 + 4 + 6 + 2
    assert RomeFap2021.objects.count() == 40
    assert "FAP 2021 codes: 15 in files, 15 created, 0 updated, 0 deleted" in output
    assert "ROME → FAP 2021 links: 40 in files, 40 created, 0 updated, 0 deleted" in output


def test_each_code_is_stored_once_at_its_coarsest_level_with_its_parent(fap2021):
    run(fap2021)
    levels = dict(Fap2021.objects.values_list("code", "level"))
    assert (levels["A"], levels["A0X"], levels["A0X41"], levels["A0X41a"]) == (22, 86, 228, 341)
    assert levels["A0X40"] == 228 and Fap2021.objects.get(code="A0X40").is_fap341  # a 228 family not subdivided
    assert not Fap2021.objects.get(code="A0X41").is_fap341  # subdivided into A0X41a, A0X41f
    assert Fap2021.objects.filter(is_fap341=True).count() == 7
    parents = dict(Fap2021.objects.values_list("code", "parent"))
    assert (parents["A"], parents["A0X"], parents["A0X40"], parents["A0X41a"]) == (None, "A", "A0X", "A0X41")
    assert parents["QAX01"] == "QAX"  # a FAP 86 code with a letter in second position


def test_labels_come_from_the_level_sheets_trimmed_and_typos_are_reported(fap2021):
    report = Fap2021Importer(fap2021).run()
    assert Fap2021.objects.get(code="A1X41").label == "Jardiniers des espaces verts et naturels"  # no-break space
    assert Fap2021.objects.get(code="E3X20").label == "Ouvriers peu qualifiés des industries agro-alimentaires"
    assert any("label of E3X20 differs" in w and "Ouviers" in w for w in report.warnings)


def test_the_passage_table_is_decoded_from_windows_1252(fap2021):
    run(fap2021)
    link = RomeFap2021.objects.get(rome_code="A1407", qualification="3")
    assert (link.rome_label, link.fap_id, link.fap_label) == (
        "Élevage bovin ou équin", "A0X41a", "Eleveurs de bovins ou d'équins",
    )  # fmt: skip
    # The FAP family depends on the qualification.
    assert RomeFap2021.objects.get(rome_code="A1407", qualification="9").fap_id == "A0X40"
    assert set(RomeFap2021.objects.filter(rome_code="A1101").values_list("qualification", flat=True)) == set(
        "0123456789"
    )
    assert not RomeFap2021.objects.filter(rome_label__contains="\r").exists()
    assert not RomeFap2021.objects.filter(fap_label__contains="\ufffd").exists()


def test_a_utf8_re_encoding_of_the_table_gives_the_same_rows(fap2021):
    run(fap2021)
    before = snapshot()
    file = fap2021 / PASSAGE
    text = file.read_bytes().decode("cp1252").replace("\r\n", "\n")
    file.unlink()
    (fap2021 / "Dares_Table_passage_ROME_Qualif_to_FAP2021.csv").write_bytes(b"\xef\xbb\xbf" + text.encode())
    report = Fap2021Importer(fap2021).run()
    assert report.changes == 0 and not any("encoding" in w for w in report.warnings)
    after = snapshot()
    assert after["Fap2021"] == before["Fap2021"] and after["RomeFap2021"] == before["RomeFap2021"]


def test_dataset_is_recorded_with_an_unverified_licence(fap2021):
    run(fap2021)
    dataset = Dataset.objects.get(slug="fap2021")
    assert (dataset.publisher, dataset.version) == ("Dares", "2021")
    assert dataset.published_on == datetime.date(2025, 7, 15)  # the tree workbook's date
    assert dataset.licence == "licence non vérifiée"  # the files state none
    assert "version 3 du ROME" in dataset.description and PASSAGE in dataset.description
    assert dataset.row_counts == {"FAP 2021 codes": 15, "ROME → FAP 2021 links": 40}


def test_a_copy_described_by_provenance_notes_names_its_origin(fap2021):
    (fap2021 / "PROVENANCE.md").write_text(
        "- Repository: `gtm-innovation/emploi-ia` (GitHub)\n"
        "- Both added in commit `7c9f8a802644ea682d6cb149c7603cb84be8c86a` (2026-03-16).\n"
        "- Original publisher: DARES. Licence: French public-sector open data (Licence Ouverte assumed, not "
        "stated in the files).\n",
        encoding="utf-8",
    )
    run(fap2021)
    dataset = Dataset.objects.get(slug="fap2021")
    assert dataset.licence == "licence non vérifiée"
    assert "Copie tirée du dépôt GitHub gtm-innovation/emploi-ia (commit 7c9f8a802644, 2026-03-16)." in (
        dataset.description
    )


def test_second_import_changes_nothing(fap2021):
    run(fap2021)
    before = snapshot()
    output = run(fap2021)
    assert "total: 0 created, 0 updated, 0 deleted" in output
    assert snapshot() == before


def test_dry_run_counts_but_writes_nothing(fap2021):
    output = run(fap2021, dry_run=True)
    assert "dry run" in output and "55 created" in output
    assert not Fap2021.objects.exists() and not RomeFap2021.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes_what_the_publisher_changed(fap2021):
    run(fap2021)
    # A0X41f leaves the tree (level sheet and nested sheet); its ROME goes to A0X41a; a label changes.
    edit_tree(fap2021, "niveau_FAP341", delete_row=4)
    edit_tree(fap2021, "niveaux_emboités", delete_row=4)
    edit_tree(fap2021, "niveau_FAP228", cells={"B3": "Éleveurs"})
    edit_csv(fap2021, "A0X41f;Aides d'éleveurs", "A0X41a;Eleveurs de bovins ou d'équins", count=10)
    edit_csv(fap2021, "H2102;Conduite d'équipement de production alimentaire;9;E3X20;", "H2102;X;9;E3X20;")
    output = run(fap2021)
    assert "FAP 2021 codes: 14 in files, 0 created, 1 updated, 1 deleted" in output
    assert "ROME → FAP 2021 links: 40 in files, 0 created, 11 updated, 0 deleted" in output
    assert Fap2021.objects.get(code="A0X41").label == "Éleveurs"
    assert set(RomeFap2021.objects.filter(rome_code="A1403").values_list("fap", flat=True)) == {"A0X41a"}
    # Rows that leave the table are deleted.
    edit_csv(fap2021, "A1101;Conduite d'engins agricoles et forestiers;0;A0X43;Conducteurs d'engins agricoles ou "
                     "forestiers\r\n", "")  # fmt: skip
    assert "ROME → FAP 2021 links: 39 in files, 0 created, 0 updated, 1 deleted" in run(fap2021)
    # A whole branch leaves the tree (domain, family, 228/341 family): parents and children go together.
    for sheet in ("niveaux_emboités", "niveau_FAP341", "niveau_FAP228", "niveau_FAP86", "niveau_FAP22"):
        book = openpyxl.load_workbook(fap2021 / TREE)
        row = next(r[0].row for r in book[sheet].iter_rows() if r[0].value and r[0].value.startswith("Q"))
        edit_tree(fap2021, sheet, delete_row=row)
    assert "FAP 2021 codes: 11 in files, 0 created, 0 updated, 3 deleted" in run(fap2021)
    assert not Fap2021.objects.filter(code__startswith="Q").exists()


def test_the_official_zip_or_a_folder_inside_it(fap2021, tmp_path):
    archive = tmp_path / "fap2021.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in fap2021.iterdir():
            z.write(file, f"FAP2021/{file.name}")
    assert Fap2021Importer(archive).run().changes == 55


def test_the_curators_csv_conversions_are_ignored(fap2021):
    (fap2021 / "Dares_Arborescence_FAP2021_niveau_FAP22.csv").write_text("Code_FAP22,Intitulé_FAP22\nZ,Faux\n")
    run(fap2021)
    assert not Fap2021.objects.filter(code="Z").exists()


MALFORMED_CSV = {
    "missing column": (
        "ROME;Intitule_ROME;Qualif;FAP341",
        "ROME;Intitule_ROME;Niveau;FAP341",
        "line 1: missing column(s): Qualif",
    ),
    "wrong delimiter": (
        "ROME;Intitule_ROME;Qualif;FAP341;Intitule_FAP341",
        "ROME,Intitule_ROME,Qualif,FAP341,Intitule_FAP341",
        "line 1: columns are separated by ','",
    ),
    "short row": (
        "A1101;Conduite d'engins agricoles et forestiers;3;A0X43;",
        "A1101;Conduite d'engins agricoles et forestiers;3;",
        "line 5: 4 field(s) where the header has 5",
    ),
    "bad qualification": (
        "A1407;Élevage bovin ou équin;2;",
        "A1407;Élevage bovin ou équin;deux;",
        "line 14: bad value 'deux' in column Qualif (expected one digit 0-9)",
    ),
    "bad ROME code": ("A1403;Aide", "A14O3;Aide", "line 22: bad value 'A14O3' in column ROME"),
    "unknown FAP code": (";9;E3X20;", ";9;E3X21;", "line 41: unknown FAP341 code 'E3X21' (not in the FAP 2021 tree)"),
    "FAP code of a subdivided family": (";0;A0X41a;", ";0;A0X41;", "line 12: unknown FAP341 code 'A0X41'"),
    "duplicate row": (
        "A1101;Conduite d'engins agricoles et forestiers;1;",
        "A1101;Conduite d'engins agricoles et forestiers;0;",
        "line 3: duplicate row for ROME A1101, qualification 0 (first at line 2)",
    ),
}


@pytest.mark.parametrize("case", MALFORMED_CSV, ids=list(MALFORMED_CSV))
def test_a_malformed_passage_table_stops_with_file_line_and_problem_and_changes_nothing(fap2021, case):
    run(fap2021)
    before = snapshot()
    old, new, message = MALFORMED_CSV[case]
    edit_csv(fap2021, old, new)
    with pytest.raises(CommandError) as err:
        run(fap2021)
    assert "nothing was changed" in str(err.value)
    assert f"{PASSAGE}, {message}" in str(err.value)
    assert snapshot() == before


def test_a_truncated_passage_table_stops(fap2021):
    run(fap2021)
    before = snapshot()
    file = fap2021 / PASSAGE
    data = file.read_bytes()
    file.write_bytes(data[: data.index(b"A1403;Aide") + 20])  # cut inside a row
    with pytest.raises(CommandError, match=rf"{PASSAGE}, line 22: 2 field\(s\) where the header has 5"):
        run(fap2021)
    assert snapshot() == before


MALFORMED_TREE = {
    "unknown code in the nested sheet": (
        "niveaux_emboités",
        {"C3": "A0X49"},
        "sheet 'niveaux_emboités', line 3: unknown FAP228 code A0X49",
    ),
    "code under the wrong parent": (
        "niveaux_emboités",
        {"E3": "A1X"},
        "sheet 'niveaux_emboités', line 3: FAP228 code A0X41 cannot belong to",
    ),
    "duplicate row in the nested sheet": (
        "niveaux_emboités",
        {"A4": "A0X41a"},
        "sheet 'niveaux_emboités', line 4: duplicate row for A0X41a",
    ),
    "bad code": ("niveau_FAP86", {"A3": "A1"}, "sheet 'niveau_FAP86', line 3: bad value 'A1' in column Code_FAP86"),
    "duplicate code": ("niveau_FAP22", {"A3": "A"}, "sheet 'niveau_FAP22', line 3: duplicate code A (first at line 2)"),
    "empty label": ("niveau_FAP228", {"B4": None}, "sheet 'niveau_FAP228', line 4: empty Intitulé_FAP228 for A0X43"),
    "code missing from the nested sheet": (
        "niveau_FAP341",
        {"A9": "A1X41z", "B9": "Jardiniers"},
        "sheet 'niveau_FAP341', line 9: FAP341 code A1X41z is missing from sheet 'niveaux_emboités'",
    ),
    "missing label column": ("niveau_FAP86", {"B1": "Libellé"}, "unknown layout"),
}


@pytest.mark.parametrize("case", MALFORMED_TREE, ids=list(MALFORMED_TREE))
def test_a_malformed_tree_stops_with_file_sheet_line_and_problem_and_changes_nothing(fap2021, case):
    run(fap2021)
    before = snapshot()
    sheet, cells, message = MALFORMED_TREE[case]
    edit_tree(fap2021, sheet, cells)
    with pytest.raises(CommandError) as err:
        run(fap2021)
    assert "nothing was changed" in str(err.value)
    assert TREE in str(err.value) and message in str(err.value)
    assert snapshot() == before


def test_a_missing_level_sheet_is_an_unknown_layout(fap2021):
    path = fap2021 / TREE
    book = openpyxl.load_workbook(path)
    del book["niveau_FAP86"]
    book.save(path)
    with pytest.raises(ImportFailed, match=r"unknown layout: .*found levels \[22, 228, 341\]"):
        Fap2021Importer(fap2021).run()


def test_a_truncated_workbook_stops(fap2021):
    run(fap2021)
    before = snapshot()
    path = fap2021 / TREE
    path.write_bytes(path.read_bytes()[:3000])
    with pytest.raises(CommandError, match=rf"{TREE}: not a readable xlsx workbook"):
        run(fap2021)
    assert snapshot() == before


def test_missing_files_are_named(fap2021):
    (fap2021 / PASSAGE).unlink()
    with pytest.raises(CommandError, match=r"no file matching Dares_Table_passage_ROME_Qualif_to_FAP2021\*\.csv"):
        run(fap2021)
