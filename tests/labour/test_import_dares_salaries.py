"""import_dares_salaries on a small file in the DARES format: Windows-1252 (the € of the header), ';', every field
quoted, CRLF, blank lines at the end, `nd` unquoted for a value or a label the DARES does not publish."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import DaresIndicator

pytestmark = pytest.mark.django_db

FILE = "dares_salaire_median_fap2009_3niveaux.csv"


def run(path, **options):
    out = io.StringIO()
    call_command("import_dares_salaries", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (DaresIndicator, Dataset)}


def edit(file, old, new):
    data = file.read_bytes()
    assert old.encode("cp1252") in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode("cp1252"), new.encode("cp1252"), 1))


def salary(code, period):
    return DaresIndicator.objects.get(dataset="dares-salaires", fap_code=code, indicator="median_salary", period=period)


def test_counts(salaries):
    output = run(salaries)
    assert "DARES indicators: 7 in files, 7 created, 0 updated, 0 deleted" in output
    assert DaresIndicator.objects.filter(dataset="dares-salaires").count() == 7


def test_values_are_decoded(salaries):
    run(salaries)
    row = salary("A0Z40", "2017-2019")
    assert (row.value, row.unit, row.scope, row.source_file) == (1420, "€", "France", FILE)
    assert salary("A", "2003-2005").value == 1095
    assert salary("ENSEMBLE", "2017-2019").value == 1835  # "Ensemble", label "nd"
    assert salary("ZZZZZ", "2017-2019").value == 1862


def test_nd_is_unknown_never_zero(salaries):
    run(salaries)
    assert salary("Z", "2003-2005").value is None


def test_dataset_is_recorded(salaries):
    run(salaries)
    dataset = Dataset.objects.get(slug="dares-salaires")
    assert dataset.version == "2017-2019" and dataset.licence == "licence non vérifiée"
    assert dataset.publisher.startswith("DARES")


def test_second_import_changes_nothing(salaries):
    run(salaries)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(salaries)
    assert snapshot() == before


def test_dry_run_writes_nothing(salaries):
    output = run(salaries, dry_run=True)
    assert "dry run" in output and "7 created" in output
    assert not DaresIndicator.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(salaries):
    run(salaries)
    edit(
        salaries / FILE,
        '"A0Z40";"Agriculteurs salariés";"2017-2019";"1420"',
        '"A0Z40";"Agriculteurs";"2017-2019";"1410"',
    )
    edit(salaries / FILE, '"A";"Agriculture, marine, pêche";"2003-2005";"1095"\r\n', "")
    output = run(salaries)
    assert "DARES indicators: 6 in files, 0 created, 1 updated, 1 deleted" in output
    assert salary("A0Z40", "2017-2019").value == 1410


def test_portraits_rows_are_left_alone(salaries):
    DaresIndicator.objects.create(
        dataset="dares-portraits", fap_code="A0Z40", indicator="median_salary", period="2017-2019", value=1400,
        unit="€", source_file="salaire_median_3niv.csv",
    )  # fmt: skip
    run(salaries)
    assert DaresIndicator.objects.filter(dataset="dares-portraits").count() == 1


MALFORMED = {
    "truncated file": (None, None, "line 4: malformed CSV"),
    "missing column": ('"Année";', '"Annee";', "line 1: missing column(s): Année"),
    "wrong delimiter": (
        '"Code Fap";"Libellé de la famille professionnelle";"Année";',
        '"Code Fap","Libellé de la famille professionnelle","Année",',
        "line 1: columns are separated by ','",
    ),
    "not a number": ('"2017-2019";"1420"', '"2017-2019";"1420 €"', "line 5: Salaire médian (en €): '1420 €' is not"),
    "invalid code": ('"A0Z40";', '"A0Z4";', "line 5: invalid FAP 2009 code 'A0Z4'"),
    "duplicate row": ('"A";"Agriculture, marine, pêche";"2017-2019"', '"A";"Agriculture, marine, pêche";"2003-2005"',
                      "line 3: duplicate row for A 2003-2005"),
    "short row": ('"A0Z40";"Agriculteurs salariés";', '"A0Z40";', "line 5: 3 field(s) where the header has 4"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(salaries, case):
    run(salaries)
    before = snapshot()
    old, new, message = MALFORMED[case]
    file = salaries / FILE
    if old is None:  # cut inside the quoted label of line 4
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b'"Agriculteurs, ') + 6])
    else:
        edit(file, old, new)
    with pytest.raises(CommandError) as err:
        run(salaries)
    assert "nothing was changed" in str(err.value)
    assert FILE in str(err.value) and message in str(err.value)
    assert snapshot() == before
