"""import_tension_bassin on small files in the format of France Travail's Mobiville files: ';', a Windows-1252 file
with CRLF and thousands written with a no-break space, bassin codes that lost their leading zero, a trailing space in
a bassin name, a regional extract that is not read."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import BasinTension

pytestmark = pytest.mark.django_db

FILE_2020 = "tension_rome_bassin_2020.csv"
FILE_2019 = "tension_fap2009_rome_bassin_2019.csv"


def run(path, **options):
    out = io.StringIO()
    call_command("import_tension_bassin", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (BasinTension, Dataset)}


def edit(file, old, new, encoding="utf-8"):
    data = file.read_bytes()
    assert old.encode(encoding) in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(encoding), new.encode(encoding), 1))


def test_counts(tension):
    output = run(tension)
    assert "basin tensions: 8 in files, 8 created, 0 updated, 0 deleted" in output
    assert BasinTension.objects.filter(year=2020).count() == 5  # the regional extract is not read


def test_2020_rows_are_decoded(tension):
    run(tension)
    row = BasinTension.objects.get(year=2020, rome_code="A1203", basin_code="5309")
    assert (row.basin_name, row.rome_label, row.offers, row.job_seekers, row.tension_class) == (
        "AURAY", "Entretien des espaces verts", 7, 26, 4,
    )  # fmt: skip
    assert (row.fap_code, row.source_file) == ("", FILE_2020)
    assert BasinTension.objects.get(rome_code="G1602", basin_code="7532").basin_name == "BORDEAUX"
    assert BasinTension.objects.get(year=2020, rome_code="K2204").offers == 0  # a published zero stays 0


def test_leading_zero_of_overseas_bassins_is_restored(tension):
    run(tension)
    assert BasinTension.objects.get(year=2020, rome_code="G1602", basin_code="0101").basin_name == "BASSIN BASSE-TERRE"


def test_2019_rows_with_fap_and_thousands_separators(tension):
    run(tension)
    row = BasinTension.objects.get(year=2019, rome_code="G1602", basin_code="5314")
    assert (row.offers, row.job_seekers, row.tension_class) == (1186, 1342, 4)
    assert (row.fap_code, row.fap_label, row.source_file) == ("S1Z40", "Cuisiniers", FILE_2019)
    assert BasinTension.objects.get(year=2019, basin_code="5308").fap_label == "Jardiniers salariés"  # Windows-1252


def test_dataset_is_recorded(tension):
    run(tension)
    dataset = Dataset.objects.get(slug="francetravail-tension-bassin")
    assert dataset.version == "2019, 2020" and dataset.licence == "licence non vérifiée"


def test_second_import_changes_nothing(tension):
    run(tension)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(tension)
    assert snapshot() == before


def test_dry_run_writes_nothing(tension):
    output = run(tension, dry_run=True)
    assert "dry run" in output and "8 created" in output
    assert not BasinTension.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(tension):
    run(tension)
    edit(tension / FILE_2020, "AURAY;7;26;4", "AURAY;7;26;5")
    edit(tension / FILE_2020, "2020;K2204;Nettoyage de locaux;5314;RENNES;0;17;2\n", "")
    output = run(tension)
    assert "basin tensions: 7 in files, 0 created, 1 updated, 1 deleted" in output
    assert BasinTension.objects.get(year=2020, rome_code="A1203").tension_class == 5


MALFORMED = {
    "truncated file": (FILE_2020, None, None, "line 6: 5 field(s) where the header has 8"),
    "missing column": (FILE_2020, ";ind_tension_d", ";tension", "line 1: missing column(s): ind_tension_d"),
    "wrong delimiter": (FILE_2020, "annee;ROME;rome_label;cbassin", "annee,ROME,rome_label,cbassin",
                        "line 1: columns are separated by ','"),
    "not a number": (FILE_2019, "371;205", "371;2O5", "line 2: defm_abc: '2O5' is not a number"),
    "class out of range": (FILE_2020, "AURAY;8;2;5", "AURAY;8;2;6", "line 3: ind_tension_d: '6' is not a class"),
    "unknown bassin": (FILE_2020, ";5314;RENNES", ";9914;RENNES", "line 6: cbassin: unknown bassin code '9914'"),
    "invalid ROME code": (FILE_2020, "2020;D1102;", "2020;D11O2;", "line 3: invalid ROME code 'D11O2'"),
    "wrong year": (FILE_2020, "2020;D1102;", "2021;D1102;", "line 3: annee '2021' is not the year of the file"),
    "libfap does not match fap": (FILE_2019, "S1Z40 : Cuisiniers", "S1Z41 : Cuisiniers",
                                  "line 4: libfap 'S1Z41 : Cuisiniers' does not start with the FAP code S1Z40"),
    "duplicate row": (FILE_2020, "2020;D1102;Boulangerie", "2020;A1203;Boulangerie",
                      "line 3: duplicate row for A1203 in bassin 5309 (2020)"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(tension, case):
    run(tension)
    before = snapshot()
    name, old, new, message = MALFORMED[case]
    file = tension / name
    if old is None:  # the last row cut short
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b";0;17;2")])
    else:
        edit(file, old, new, encoding="cp1252" if name == FILE_2019 else "utf-8")
    with pytest.raises(CommandError) as err:
        run(tension)
    assert "nothing was changed" in str(err.value)
    assert name in str(err.value) and message in str(err.value)
    assert snapshot() == before
