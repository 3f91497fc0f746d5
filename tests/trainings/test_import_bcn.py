"""import_bcn on small files in the BCN's format: unquoted ';', Windows-1252 and UTF-8 (with and without BOM)."""

import datetime
import shutil
from functools import partial

import pytest

from hent.core.models import Dataset
from hent.trainings.importers.bcn import BcnImporter
from hent.trainings.models import BcnDiploma, BcnLevel, BcnMef
from tests import importing
from tests.importing import import_fails, unchanged

pytestmark = pytest.mark.django_db

MODELS = (BcnLevel, BcnDiploma, BcnMef, Dataset)
ENCODING = {"nFormationDiplome_.csv": "cp1252"}  # the others are UTF-8
run = partial(importing.run, "import_bcn")
snapshot = partial(importing.snapshot, *MODELS)


def edit(folder, name, old, new):
    importing.edit(folder / name, old, new, encoding=ENCODING.get(name, "utf-8"))


def test_import_loads_levels_diplomas_of_both_files_and_mefs(bcn):
    output = run(bcn)
    assert "BCN diploma levels: 6 in files, 6 created" in output
    assert "BCN diplomas: 7 in files, 7 created" in output
    assert "BCN MEF: 5 in files, 5 created" in output
    assert "have 4 codes in common, read from nFormationDiplome_.csv (1 differ in vFormationDiplome_.csv)" in output


def test_levels_are_decoded(bcn):
    run(bcn)
    cap = BcnLevel.objects.get(code="500")
    assert (cap.label_short, cap.label, cap.interministerial_level) == (
        "CAP",
        "CERTIFICAT D'APTITUDE PROFESSIONNELLE",
        "5",
    )
    assert (cap.rncp_level, cap.rncp_level_code, cap.former_level) == (3, "03", "51")
    assert cap.opened_on == datetime.date(1996, 8, 1) and cap.closed_on is None
    assert (BcnLevel.objects.get(code="010").rncp_level, BcnLevel.objects.get(code="010").rncp_level_code) == (
        None,
        "XX",
    )
    bafd = BcnLevel.objects.get(code="967")
    assert (bafd.rncp_level, bafd.rncp_level_code) == (None, "00")  # "no level": unknown, never 0
    assert bafd.comment == "Création à la demande du bureau des examens"


def test_a_diploma_in_both_files_is_read_from_nformationdiplome(bcn):
    run(bcn)
    cap = BcnDiploma.objects.get(cfd="50022425")
    assert (cap.source, cap.in_view) == ("n", True)
    assert cap.updated_on == datetime.date(2025, 7, 22)  # vFormationDiplome_ has an older 15/03/2025
    assert (cap.level_id, cap.level_code, cap.rncp_level) == ("500", "500", 3)
    assert (cap.label_short, cap.label) == ("CAP", "ARTS ET TECHNIQUES DU VERRE OPTION VITRAILLISTE (CAP)")
    assert (cap.opened_on, cap.closed_on, cap.first_session, cap.last_session) == (
        datetime.date(2019, 9, 1), None, 2021, None,
    )  # fmt: skip
    assert (cap.specialty_group, cap.specialty_letter, cap.nature, cap.cite_domain) == ("224", "S", "1", "214")
    assert cap.old_cfds == "50022410 5002241"  # as published, the mistyped code included
    mc = BcnDiploma.objects.get(cfd="01022001")
    assert mc.comment == "CRÉATION EX NIHILO."  # Windows-1252
    assert (mc.new_cfds, mc.closed_on, mc.last_session, mc.rncp_level) == (
        "46122001",
        datetime.date(2024, 8, 31),
        2024,
        4,
    )
    assert BcnDiploma.objects.get(cfd="46033206").in_view is False  # only in nFormationDiplome_


def test_diplomas_only_in_the_view_are_kept(bcn):
    run(bcn)
    lp = BcnDiploma.objects.get(cfd="25031088")
    assert (lp.source, lp.in_view, lp.manager, lp.rncp_level) == ("v", True, "DEPPA1", 6)
    assert (lp.old_cfds, lp.new_cfds) == ("", "")
    titre = BcnDiploma.objects.get(cfd="26X31245")
    assert titre.comment == '"Titre RNCP" enregistré sur demande'  # a leading quote is a character, not quoting
    assert (titre.level_id, titre.level_code) == (None, "26X")  # level absent from nNiveauFormationDiplome_


def test_mefs_are_decoded(bcn):
    output = run(bcn)
    first = BcnMef.objects.get(mef="2502242521")
    assert (first.cfd, first.device, first.mefstat11, first.mefstat9) == ("50022425", "250", "24720022425", "247200224")
    assert (first.duration_years, first.year_of_course, first.status) == (2, 1, "3")
    assert (first.label_short, first.label) == ("1CAP2 22425", "1CAP2  ARTS TECHNIQ VERRE VITRAILLISTE")
    assert first.opened_on == datetime.date(2019, 9, 1) and first.closed_on is None
    apprenticeship = BcnMef.objects.get(mef="2772121899")
    assert (apprenticeship.duration_years, apprenticeship.year_of_course) == (None, None)  # 9: variable
    assert BcnMef.objects.get(mef="2543340421").closed_on == datetime.date(2024, 8, 31)
    assert "1 diploma(s) with a level absent from nNiveauFormationDiplome (26X)" in output


def test_dataset_is_recorded(bcn):
    run(bcn)
    dataset = Dataset.objects.get(slug="bcn")
    assert (dataset.version, dataset.published_on) == ("2025-08-29", datetime.date(2025, 8, 29))  # latest change
    assert dataset.licence == "licence non vérifiée"
    assert dataset.row_counts == {"BCN diploma levels": 6, "BCN diplomas": 7, "BCN MEF": 5}


def test_importer_reads_a_zip(bcn, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "bcn"), "zip", bcn)
    assert BcnImporter(archive).run().changes == 18


def test_second_import_changes_nothing(bcn):
    importing.assert_reimport_changes_nothing(run, bcn, snapshot)


def test_dry_run_counts_but_writes_nothing(bcn):
    importing.assert_dry_run_writes_nothing(run, bcn, snapshot, created=18)


def test_reimport_updates_and_deletes(bcn):
    run(bcn)
    edit(bcn, "nFormationDiplome_.csv", "APICULTURE (CSA)", "APICULTURE ET PRODUITS DE LA RUCHE (CSA)")
    for name in ("nMef.csv", "vFormationDiplome_.csv"):
        file = bcn / name
        lines = file.read_bytes().splitlines(True)
        file.write_bytes(b"".join(line for line in lines if b"25031088" not in line and b"2543340421" not in line))
    output = run(bcn)
    assert "BCN diplomas: 6 in files, 0 created, 1 updated, 1 deleted" in output
    assert "BCN MEF: 4 in files, 0 created, 0 updated, 1 deleted" in output
    assert BcnDiploma.objects.get(cfd="46321218").label == "APICULTURE ET PRODUITS DE LA RUCHE (CSA)"


MALFORMED = {
    # case: (file, old, new, expected message)
    "missing column": ("nMef.csv", ";MEF_STAT_11;", ";MEF_STAT11;", "line 1: missing column(s): MEF_STAT_11"),
    "wrong delimiter": ("nNiveauFormationDiplome_.csv", "NIVEAU_FORMATION_DIPLOME;NIVEAU_INTERMINISTERIEL;",
                        "NIVEAU_FORMATION_DIPLOME,NIVEAU_INTERMINISTERIEL,", "line 1: columns are separated by ','"),
    "unknown diploma": ("nMef.csv", "3113121321;311;32031213;", "3113121321;311;32031299;",
                        "line 4: unknown diploma (FORMATION_DIPLOME) '32031299': in neither diploma file"),
    "bad date": ("nFormationDiplome_.csv", ";01/09/2017;", ";01/13/2017;",
                 "line 4: column DATE_OUVERTURE: '01/13/2017' is not a date (dd/mm/yyyy)"),
    "bad number": ("nMef.csv", "2502242521;250;50022425;2;1;", "2502242521;250;50022425;deux;1;",
                   "line 2: column DUREE_DISPOSITIF: 'deux' is not a number"),
    "bad level code": ("nNiveauFormationDiplome_.csv", "463;4;CSA NIV4", "46;4;CSA NIV4",
                       "line 5: column NIVEAU_FORMATION_DIPLOME: '46' is not a level code (3 characters)"),
    "bad year": ("vFormationDiplome_.csv", "01/09/2019;;;2021;", "01/09/2019;;;21;",
                 "line 2: column DATE_PREMIERE_SESSION: '21' is not a year"),
    "short row": ("vFormationDiplome_.csv", ";DEPPA1;10/12/2020;;345;06", ";DEPPA1;10/12/2020;345;06",
                  "line 6: 31 field(s) where the header has 32"),
}  # fmt: skip


@pytest.mark.parametrize("case", [*MALFORMED, "truncated file", "duplicate diploma"])
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(bcn, case):
    run(bcn)
    with unchanged(snapshot):
        if case == "truncated file":
            name = "nFormationDiplome_.csv"
            data = (bcn / name).read_bytes()
            (bcn / name).write_bytes(data[: data.index(b"CONDUITE D'UN ELEVAGE")])
            message = "line 6: 8 field(s) where the header has 52"
        elif case == "duplicate diploma":
            name = "vFormationDiplome_.csv"
            lines = (bcn / name).read_bytes().splitlines(True)
            (bcn / name).write_bytes(b"".join([*lines, lines[2]]))
            message = "line 8: duplicate diploma '32031213'"
        else:
            name, old, new, message = MALFORMED[case]
            edit(bcn, name, old, new)
        import_fails(run, bcn, name, message)
