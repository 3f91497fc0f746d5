"""import_rome_fap2009 on a small file in the format of France Travail's Mobiville copy of the FAP 2009 - PCS - ROME
table: no header, ';', CRLF, no final line break, FAP filled down in blocks, title lines, quoted footnotes with
doubled quotes and their continuation lines."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import FapPcs, RomeFap2009

pytestmark = pytest.mark.django_db

FILE = "mobiville_table_correspondance_fap2009_pcs_rome_raw.csv"


def run(path, **options):
    out = io.StringIO()
    call_command("import_rome_fap2009", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (RomeFap2009, FapPcs, Dataset)}


def edit(file, old, new):
    data = file.read_bytes()
    assert old.encode() in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(), new.encode(), 1))


def test_counts(crosswalk):
    output = run(crosswalk)
    assert "ROME-FAP links (Mobiville): 7 in files, 7 created, 0 updated, 0 deleted" in output
    assert "FAP-PCS links (Mobiville): 7 in files, 7 created, 0 updated, 0 deleted" in output


def test_blocks_are_filled_down_and_titles_and_footnotes_skipped(crosswalk):
    run(crosswalk)
    links = RomeFap2009.objects.filter(source="mobiville")
    assert sorted(links.values_list("fap_code", "rome_code")) == [
        ("A0Z40", "A1416"), ("A0Z41", "A1403"), ("A0Z41", "A1407"), ("C1Z40", "H1504"), ("C1Z40", "H2601"),
        ("C1Z40", "H2603"), ("D0Z20", "H2901"),
    ]  # fmt: skip
    pcs = FapPcs.objects.filter(source="mobiville")
    assert sorted(pcs.filter(fap_code="C1Z40").values_list("pcs_code", flat=True)) == ["622a", "622b", "622g"]
    assert sorted(pcs.filter(fap_code="D0Z20").values_list("pcs_code", flat=True)) == ["441b", "673a"]
    assert not pcs.exclude(fap_code__regex=r"^[A-Z]\d[A-Z]\d\d$").exists()  # no title line taken for a pair


def test_dataset_is_recorded(crosswalk):
    run(crosswalk)
    dataset = Dataset.objects.get(slug="rome-fap2009-mobiville")
    assert dataset.licence == "licence non vérifiée" and "Mobiville" in dataset.name


def test_second_import_changes_nothing(crosswalk):
    run(crosswalk)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(crosswalk)
    assert snapshot() == before


def test_dry_run_writes_nothing(crosswalk):
    output = run(crosswalk, dry_run=True)
    assert "dry run" in output and "7 created" in output
    assert not RomeFap2009.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes_and_leaves_the_dares_rows(crosswalk):
    RomeFap2009.objects.create(source="dares-psm", rome_code="A1416", fap_code="A0Z40", rome_label="Polyculture")
    run(crosswalk)
    edit(crosswalk / FILE, ";;A1407\r\n", "")
    edit(crosswalk / FILE, ";622g;\r\n", ";622h;\r\n")
    output = run(crosswalk)
    assert "ROME-FAP links (Mobiville): 6 in files, 0 created, 0 updated, 1 deleted" in output
    assert "FAP-PCS links (Mobiville): 7 in files, 1 created, 0 updated, 1 deleted" in output
    assert RomeFap2009.objects.filter(source="dares-psm").count() == 1


MALFORMED = {
    "truncated file": (None, None, "line 14: malformed CSV"),
    "wrong delimiter": (";", ",", "line 1: columns are not separated by ';'"),
    "short row": ("A0Z40;691e;A1416", "A0Z40;691e", "line 1: 2 field(s) where 3 are expected"),
    "invalid PCS code": (";622a;H2601", ";62Za;H2601", "line 10: invalid PCS code '62Za'"),
    "invalid ROME code": (";;A1407", ";;A14O7", "line 4: invalid ROME code 'A14O7'"),
    "continuation without FAP": ("A0Z41;691b;A1403", ";691b;A1403",
                                 "line 3: a continuation line with no FAP code above it"),
    "unrecognised line": ("A0Z41;691b;A1403", "A0Z4;691b;A1403", "line 3: unrecognised line (FAP 'A0Z4'"),
    "duplicate link": (";;A1407", ";;A1403", "line 4: ROME A1403 listed twice for A0Z41"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(crosswalk, case):
    run(crosswalk)
    before = snapshot()
    old, new, message = MALFORMED[case]
    file = crosswalk / FILE
    if old is None:  # cut inside the quoted footnote of line 14
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b'""c\xc3\xa2bleurs')])
    elif case == "wrong delimiter":
        file.write_bytes(file.read_bytes().replace(b";", b","))
    else:
        edit(file, old, new)
    with pytest.raises(CommandError) as err:
        run(crosswalk)
    assert "nothing was changed" in str(err.value)
    assert FILE in str(err.value) and message in str(err.value)
    assert snapshot() == before
