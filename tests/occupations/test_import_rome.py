from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.occupations.importers.rome import RomeImporter
from hent.occupations.models import Item, JobTitle, Mobility, Occupation, OccupationItem, OccupationNaf, OccupationText
from tests import importing
from tests.importing import import_fails, unchanged

pytestmark = pytest.mark.django_db

run = partial(importing.run, "import_rome")
snapshot = partial(importing.snapshot, "occupations", Dataset)


def edit(path, stem, old, new):
    return importing.edit(next(path.glob(f"unix_{stem}_v*.csv")), old, new)


def test_import_loads_every_table_of_the_demo_files(demo_rome):
    output = run(demo_rome)
    assert Occupation.objects.count() == 6
    assert JobTitle.objects.count() == 16
    assert JobTitle.objects.filter(is_main=True).count() == 6
    assert OccupationItem.objects.count() == 47
    assert "occupations: 6 in files, 6 created, 0 updated, 0 deleted" in output
    assert "total: 167 created, 0 updated, 0 deleted" in output


def test_titles_are_split_into_masculine_and_feminine_forms(imported_demo):
    boulanger = Occupation.objects.get(code="D1102")
    assert (boulanger.title_masculine, boulanger.title_feminine) == ("Boulanger", "Boulangère")
    libéral = JobTitle.objects.get(ogr=9108)
    assert libéral.label_feminine == "Infirmière libérale"


def test_texts_keep_their_order_and_lose_doubled_apostrophes(imported_demo):
    texts = list(OccupationText.objects.filter(occupation="D1102", kind="definition").values_list("text", flat=True))
    assert texts[0].startswith("Fabrique le pain")
    assert texts[1] == "Respecte les règles d'hygiène et de sécurité alimentaire."
    assert not OccupationText.objects.filter(text__contains="''").exists()


def test_windows_1252_rows_are_read_and_reported(demo_rome):
    output = run(demo_rome)
    assert OccupationNaf.objects.filter(occupation="D1102", naf="10").exists()
    assert "1 line(s) not in UTF-8, read as Windows-1252" in output


def test_core_skills_tags_and_riasec(imported_demo):
    core = OccupationItem.objects.filter(occupation="D1102", core="principale").values_list("item__label", flat=True)
    assert "Pétrir une pâte" in core
    assert OccupationItem.objects.get(occupation="D1104", item=7011).core == "emergente"
    infirmier = Occupation.objects.get(code="J1506")
    assert infirmier.regulated is True and infirmier.transition_num is True
    assert (infirmier.riasec_major, infirmier.riasec_minor) == ("S", "I")
    assert Occupation.objects.get(code="M1805").transition_demo is None  # empty in the file: unknown, not "no"
    assert Item.objects.get(ogr=7009).macro_id == 8004


def test_mobility_keeps_source_order(imported_demo):
    assert list(Mobility.objects.filter(source="D1102").values_list("target", "position")) == [("D1104", 1)]


def test_dataset_version_and_date_are_recorded(imported_demo):
    dataset = Dataset.objects.get(slug="rome")
    assert dataset.version == "0-demo" and dataset.is_demo
    assert dataset.published_on.isoformat() == "2025-09-01"
    assert dataset.row_counts["occupations"] == 6


def test_second_import_changes_nothing(demo_rome):
    importing.assert_reimport_changes_nothing(run, demo_rome, snapshot)


def test_dry_run_counts_but_writes_nothing(demo_rome):
    importing.assert_dry_run_writes_nothing(run, demo_rome, snapshot, created=6)


def test_reimport_updates_and_deletes_what_the_publisher_changed(demo_rome):
    run(demo_rome)
    edit(demo_rome, "referentiel_code_rome", "Pâtissier / Pâtissière", "Pâtissier confiseur / Pâtissière confiseuse")
    edit(demo_rome, "rubrique_mobilite", '"D1102","D1104","1"\n', "")
    output = run(demo_rome)
    assert "occupations: 6 in files, 0 created, 1 updated, 0 deleted" in output
    assert "career moves: 4 in files, 0 created, 0 updated, 1 deleted" in output
    assert Occupation.objects.get(code="D1104").title_feminine == "Pâtissière confiseuse"
    assert not Mobility.objects.filter(source="D1102").exists()


MALFORMED = {
    "truncated file": (
        "texte",
        'Décore et présente les pâtisseries."\n',
        "Décore et présente",
        "line 11: malformed CSV",
    ),
    "missing column": (
        "item",
        '"code_ogr","libelle","code_rubrique"',
        '"code_ogr","libelle"',
        "missing column(s): code_rubrique",
    ),
    "unknown code in a link file": (
        "rubrique_mobilite",
        '"J1501","J1506"',
        '"J1501","Z9999"',
        "line 4: unknown target ROME code 'Z9999'",
    ),
    "wrong delimiter": (
        "themes",
        '"code_theme","libelle_theme","definition_theme"',
        '"code_theme";"libelle_theme";"definition_theme"',
        "line 1: columns are separated by ';'",
    ),
    "short row": (
        "coherence_item",
        '"A1203","8001","Principale"',
        '"A1203","8001"',
        "line 2: 2 field(s) where the header has 3",
    ),
    "unknown item in coherence": (
        "coherence_item",
        '"A1203","8001","Principale"',
        '"A1203","7009","Principale"',
        "line 2: item 7009 is not linked to fiche A1203",
    ),
    "duplicate key": ("referentiel_code_rome", '"D1104","3"', '"D1102","3"', "line 4: duplicate row for ('D1102',)"),
    "not a number": ("item", '"7001","Tondre', '"7OO1","Tondre', "'7OO1' is not a number"),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(demo_rome, case):
    run(demo_rome)
    stem, old, new, message = MALFORMED[case]
    with unchanged(snapshot):
        if case == "truncated file":
            file = next(demo_rome.glob(f"unix_{stem}_v*.csv"))
            data = file.read_bytes()
            file.write_bytes(data[: data.index(new.encode()) + len(new.encode())])  # cut inside a quoted field
            name = file.name
        else:
            name = edit(demo_rome, stem, old, new)
        import_fails(run, demo_rome, name, message)


def test_missing_version_file_is_a_clear_error(demo_rome):
    (demo_rome / "version.txt").unlink()
    with pytest.raises(CommandError, match=r"no file matching version\.txt"):
        run(demo_rome)


def test_importer_reads_the_official_zip(demo_rome, tmp_path):
    import shutil

    archive = shutil.make_archive(str(tmp_path / "RefRomeCsv"), "zip", demo_rome)
    report = RomeImporter(archive).run()
    assert report.changes == 167
