"""import_shortage_list on a small file in the format of the CSV copy of the March 2024 list: CRLF, no final line
break, commas of the labels turned into ';', doubled spaces, region names without accents, "France Entière" rows."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import ShortageListing

pytestmark = pytest.mark.django_db

FILE = "metiers_en_tension_mars_2024.csv"


def run(path, **options):
    out = io.StringIO()
    call_command("import_shortage_list", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (ShortageListing, Dataset)}


def edit(file, old, new):
    data = file.read_bytes()
    assert old.encode() in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(), new.encode(), 1))


def test_counts(shortage):
    output = run(shortage)
    assert "shortage listings: 7 in files, 7 created, 0 updated, 0 deleted" in output
    assert ShortageListing.objects.filter(region_code="53").count() == 3


def test_fields_are_decoded(shortage):
    run(shortage)
    row = ShortageListing.objects.get(region_code="53", fap_code="A1Z40")
    assert (row.year, row.region_name, row.label) == (2024, "Bretagne", "Maraîchers, pépiniéristes exemple")
    engineers = ShortageListing.objects.get(fap_code="B7Z91")
    assert engineers.label == "Ingénieurs du bâtiment exemple, chefs de chantier (cadres)"
    assert ShortageListing.objects.get(fap_code="M2Z90").region_code == "11"  # "Ile-de-France"
    assert ShortageListing.objects.get(fap_code="V3Z70").region_code == "93"
    national = ShortageListing.objects.filter(region_code="FR")
    assert sorted(national.values_list("fap_code", flat=True)) == ["A0Z40", "A1Z40"]
    assert national.first().region_name == "France Entière"


def test_dataset_is_recorded(shortage):
    run(shortage)
    dataset = Dataset.objects.get(slug="metiers-en-tension")
    assert dataset.version == "mars 2024" and dataset.licence == "licence non vérifiée"


def test_second_import_changes_nothing(shortage):
    run(shortage)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(shortage)
    assert snapshot() == before


def test_dry_run_writes_nothing(shortage):
    output = run(shortage, dry_run=True)
    assert "dry run" in output and "7 created" in output
    assert not ShortageListing.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(shortage):
    run(shortage)
    edit(shortage / FILE, "Bretagne,Éleveurs exemple,A0Z41", "Bretagne,Éleveurs exemple (bovins),A0Z41")
    edit(shortage / FILE, "France Entière,Agriculteurs exemple,A0Z40\r\n", "")
    output = run(shortage)
    assert "shortage listings: 6 in files, 0 created, 1 updated, 1 deleted" in output
    assert ShortageListing.objects.get(fap_code="A0Z41").label == "Éleveurs exemple (bovins)"


MALFORMED = {
    "truncated file": (None, None, "line 8: 2 field(s) where the header has 3"),
    "missing column": ("Code FAP\r\n", "FAP\r\n", "line 1: missing column(s): Code FAP"),
    "wrong delimiter": ("Region,Famille Professionnelle,Code FAP", "Region;Famille Professionnelle;Code FAP",
                        "line 1: columns are separated by ';'"),
    "invalid code": ("Bretagne,Éleveurs exemple,A0Z41", "Bretagne,Éleveurs exemple,A0Z4",
                     "line 4: invalid FAP 2009 code 'A0Z4' (5 characters expected)"),
    "unknown region": ("Bretagne,Éleveurs exemple", "Armorique,Éleveurs exemple",
                       "line 4: unknown region 'Armorique'"),
    "duplicate row": ("Bretagne,Éleveurs exemple,A0Z41", "Bretagne,Éleveurs exemple,A1Z40",
                      "line 5: duplicate row for A1Z40 in Bretagne"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(shortage, case):
    run(shortage)
    before = snapshot()
    old, new, message = MALFORMED[case]
    file = shortage / FILE
    if old is None:  # cut inside the last row
        data = file.read_bytes()
        file.write_bytes(data[: data.rindex(b",")])
    else:
        edit(file, old, new)
    with pytest.raises(CommandError) as err:
        run(shortage)
    assert "nothing was changed" in str(err.value)
    assert FILE in str(err.value) and message in str(err.value)
    assert snapshot() == before


def test_the_year_comes_from_the_file_name(shortage):
    (shortage / FILE).rename(shortage / "metiers_en_tension.csv")
    with pytest.raises(CommandError, match="the year of the list is not in the file name"):
        run(shortage)
