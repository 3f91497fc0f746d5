"""import_dares_portraits on small files in the DARES PSM format: ',' and ';' files, quoted text, R-style NA, one
Windows-1252 file, three-level files with labels (a no-break space, a label equal to its code), several spellings of
"all occupations", FAP-87 series overlapping the three-level files, tension scores by France / region / department."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.importers.dares_portraits import DaresPortraitsImporter
from hent.labour.models import DaresIndicator, Fap2009, FapPcs, RomeFap2009

pytestmark = pytest.mark.django_db

MODELS = (Fap2009, FapPcs, RomeFap2009, DaresIndicator, Dataset)


def run(path, **options):
    out = io.StringIO()
    call_command("import_dares_portraits", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in MODELS}


def edit(file, old, new, encoding="utf-8"):
    data = file.read_bytes()
    assert old.encode(encoding) in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(encoding), new.encode(encoding), 1))


def value(fap, indicator, period, scope="France"):
    row = DaresIndicator.objects.get(
        dataset="dares-portraits", fap_code=fap, indicator=indicator, period=period, scope=scope
    )
    return row.value


def test_counts_per_table(psm):
    output = run(psm)
    assert "FAP 2009 codes: 11 in files, 11 created, 0 updated, 0 deleted" in output
    assert "FAP-PCS links (DARES): 2 in files, 2 created" in output
    assert "ROME-FAP links (DARES): 3 in files, 3 created" in output
    # 8 + 4 + 6 + 7 + 3 (3-level files) + 3 + 2 + 1 + 2 (series, new periods only) + 45 + 1 (tensions)
    assert "DARES indicators: 82 in files, 82 created, 0 updated, 0 deleted" in output
    assert DaresIndicator.objects.count() == 82


def test_fap_tree_and_labels(psm):
    output = run(psm)
    a0z40 = Fap2009.objects.get(code="A0Z40")
    assert (a0z40.level, a0z40.label, a0z40.parent_code) == ("fap225", "Agriculteurs salariés", "A0Z")
    assert Fap2009.objects.get(code="A0Z").level == "fap87"
    assert Fap2009.objects.get(code="A0Z").parent_code == "A"
    assert Fap2009.objects.get(code="A").label == "Agriculture, marine, pêche"
    assert Fap2009.objects.get(code="E1Z43").label == "Autres ouvriers qualifiés en verre, céramique, métallurgie"
    assert Fap2009.objects.get(code="E1Z").label == "Ouvriers qualifiés des industries de process"
    # A label equal to its code is a placeholder: the code stands for it, and the operator is told.
    assert Fap2009.objects.get(code="T2Z").label == "T2Z"
    assert "no label published for T2Z" in output
    assert Fap2009.objects.get(code="ENSEMBLE").level == "ensemble"
    assert not Fap2009.objects.filter(code__in=["Ensemble", "ENS", "Y"]).exists()


def test_indicators_are_decoded(psm):
    run(psm)
    assert value("A0Z40", "share_women", "2017-2019") == 19.35
    assert value("A0Z40", "share_women", "2003-2005") == 14.8
    assert value("A0Z40", "median_salary", "2017-2019") == 1400
    assert DaresIndicator.objects.get(fap_code="A0Z40", indicator="median_salary").unit == "€"
    assert value("A0Z40", "share_under_30", "2017-2019") == 41.27
    assert value("A0Z40", "share_over_50", "2017-2019") == 25.22
    assert value("A0Z40", "share_part_time", "2017-2019") == 18.6
    assert value("A0Z40", "share_underemployed", "2017-2019") == 6.85
    assert value("A0Z40", "share_temp_agency", "2017-2019") == 3.95


def test_na_is_unknown_never_zero(psm):
    run(psm)
    assert value("A0Z41", "median_salary", "2017-2019") is None
    assert value("A0Z40", "share_self_employed", "2017-2019") is None
    assert value("A0Z", "share_temp_agency", "2016-2018") is None
    # Empty tension scores are unknown; an employment of 0 is published as such.
    assert value("A0Z41", "tension_category", "2019", "dep:35") is None
    assert value("A0Z41", "average_employment", "2019", "dep:35") == 0


def test_windows_1252_file_is_read(psm):
    run(psm)
    assert value("A0Z40", "share_fixed_term", "2017-2019") == 28.35  # "Contrats à durée déterminée"
    assert DaresIndicator.objects.get(fap_code="A0Z40", indicator="share_fixed_term").source_file == (
        "tab5statut_3niv.csv"
    )


def test_all_occupations_spellings(psm):
    run(psm)
    assert value("ENSEMBLE", "share_women", "2017-2019") == 47.6  # "Ensemble"
    assert value("ENSEMBLE", "share_part_time", "2017-2019") == 17.95  # "ENS"
    assert value("SAL", "share_fixed_term", "2017-2019") == 10.46  # all salaried employees


def test_series_complete_the_three_level_files(psm):
    output = run(psm)
    older = DaresIndicator.objects.get(fap_code="A0Z", indicator="share_under_30", period="1982-1984")
    assert (older.value, older.source_file) == (17.25, "age_agrege_1982_1984_a_2017_2019_restructure.csv")
    latest = DaresIndicator.objects.get(fap_code="A0Z", indicator="share_under_30", period="2017-2019")
    assert latest.source_file == "age_agrege_1982_1984_2017_2019_restructure_3niv.csv"
    # The same figure in two files: the three-level file wins, a difference is reported.
    assert value("A0Z", "share_fixed_term", "2017-2019") == 6.9
    assert value("A0Z", "share_fixed_term", "2016-2018") == 5.88
    assert "part_cdd.csv: 1 value(s) differ by more than 0.05 from tab5statut_3niv.csv" in output
    assert "part_interim.csv: 1 value(s) differ" not in output


def test_tension_scopes(psm):
    run(psm)
    assert value("A0Z40", "tension_category", "2019") == 3
    assert value("A0Z40", "tension_category", "2019", "reg:53") == 5
    assert value("A0Z", "tension", "2019", "reg:53") == 0.5  # niveau_geo "reg " with a trailing space
    assert value("A0Z40", "tension", "2019", "dep:35") == 0.8815
    assert value("A0Z40", "hiring_intensity", "2019", "dep:35") == 5
    assert value("A0Z40", "tension", "2011") == -0.4125  # evol_tensions.csv
    assert DaresIndicator.objects.get(fap_code="A0Z40", indicator="tension", scope="France", period="2019").unit == (
        "index"
    )


def test_crosswalks(psm):
    run(psm)
    links = RomeFap2009.objects.filter(source="dares-psm")
    assert sorted(links.values_list("fap_code", "rome_code")) == [
        ("A0Z40", "A1416"),
        ("A0Z41", "A1403"),
        ("A0Z41", "A1407"),
    ]
    assert links.get(rome_code="A1416").rome_label == "Polyculture, élevage"
    assert FapPcs.objects.get(fap_code="A0Z40").pcs_code == "691e"


def test_dataset_is_recorded(psm):
    run(psm)
    dataset = Dataset.objects.get(slug="dares-portraits")
    assert dataset.version == "2017-2019"
    assert dataset.published_on.isoformat() == "2021-04-27"
    assert dataset.publisher.startswith("DARES")
    assert dataset.licence == "licence non vérifiée"
    assert dataset.row_counts["DARES indicators"] == 82


def test_second_import_changes_nothing(psm):
    run(psm)
    before = snapshot()
    output = run(psm)
    assert "total: 0 created, 0 updated, 0 deleted" in output
    assert snapshot() == before


def test_dry_run_writes_nothing(psm):
    output = run(psm, dry_run=True)
    assert "dry run" in output and "82 created" in output
    assert not DaresIndicator.objects.exists() and not Fap2009.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(psm):
    run(psm)
    edit(psm / "salaire_median_3niv.csv", '"A0Z40","2017-2019",1400', '"A0Z40","2017-2019",1450')
    edit(psm / "fap225_rome.csv", "A0Z41;A1407;Élevage bovin ou équin\n", "")
    output = run(psm)
    assert "DARES indicators: 82 in files, 0 created, 1 updated, 0 deleted" in output
    assert "ROME-FAP links (DARES): 2 in files, 0 created, 0 updated, 1 deleted" in output
    assert value("A0Z40", "median_salary", "2017-2019") == 1450


def test_other_sources_rows_are_left_alone(psm):
    RomeFap2009.objects.create(source="mobiville", rome_code="A1416", fap_code="A0Z40")
    DaresIndicator.objects.create(
        dataset="dares-salaires", fap_code="A0Z40", indicator="median_salary", period="2017-2019", value=1400,
        unit="€", source_file="x.csv",
    )  # fmt: skip
    run(psm)
    assert RomeFap2009.objects.filter(source="mobiville").count() == 1
    assert DaresIndicator.objects.filter(dataset="dares-salaires").count() == 1


def test_importer_reads_a_zip(psm, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "inputs"), "zip", psm)
    report = DaresPortraitsImporter(archive).run()
    assert report.changes == 11 + 2 + 3 + 82


MALFORMED = {
    "truncated file": ("part_femmes_3niv.csv", None, None, "line 6: malformed CSV"),
    "missing column": (
        "part_femmes_3niv.csv", '"Fap3","Annee","Part",', '"Fap3","Annee","Partie",', "missing column(s): Part"
    ),
    "wrong delimiter": ("FAP_PCS.csv", "Fap;PCS;intitule_PCS", "Fap,PCS,intitule_PCS", "line 1: columns are separated"),
    "not a number": (
        "salaire_median_3niv.csv", '"A0Z40","2017-2019",1400', '"A0Z40","2017-2019",1 4OO',
        "line 3: Salaire_median: '1 4OO' is not a number",
    ),
    "invalid code": (
        "salaire_median_3niv.csv", '"A0Z40","2017-2019"', '"A0Z4","2017-2019"', "line 3: invalid FAP 2009 code 'A0Z4'"
    ),
    "code without label": (
        "salaire_median_3niv.csv", '"A0Z41","2017-2019"', '"B0Z41","2017-2019"',
        "line 4: unknown FAP code 'B0Z41': no *_3niv file gives its label",
    ),
    "unknown FAP in a link file": (
        "fap225_rome.csv", "A0Z41;A1403", "Z9Z99;A1403", "line 3: unknown FAP code 'Z9Z99'"
    ),
    "invalid ROME code": ("fap225_rome.csv", "A0Z41;A1403", "A0Z41;A14O3", "line 3: invalid ROME code 'A14O3'"),
    "unknown region": ("tensions/tensions.csv", "fap 225,53.0,", "fap 225,99.0,", "line 3: reg: unknown region code"),
    "unknown category": (
        "tab5statut_3niv.csv", '"Apprentis"', '"Stagiaires"', "line 2: statut: unknown value 'Stagiaires'"
    ),
    "bad period": (
        "part_cdd.csv", '"A0Z","cdd","2016-2018"', '"A0Z","cdd","2016/2018"', "line 2: annee: '2016/2018' is not"
    ),
    "duplicate row": (
        "tab6_temps_travail_3niv.csv", '"dont sous-emploi"', '"Temps partiel"', "line 4: duplicate row for A0Z40"
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(psm, case):
    run(psm)
    before = snapshot()
    name, old, new, message = MALFORMED[case]
    file = psm / name
    if old is None:  # cut inside the quoted label of line 6
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b'"\xc3\x89leveurs') + 5])
    else:
        edit(file, old, new, encoding="cp1252" if name.startswith("tab5") else "utf-8")
    with pytest.raises(CommandError) as err:
        run(psm)
    assert "nothing was changed" in str(err.value)
    assert name.rsplit("/", 1)[-1] in str(err.value) and message in str(err.value)
    assert snapshot() == before
