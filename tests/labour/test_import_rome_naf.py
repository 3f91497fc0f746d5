"""import_rome_naf on small files in La Bonne Boîte's format: ',' mapping files (filtered and raw), '|' label lists
without quotes, commas of ROME labels turned into ';', a control character in a NAF label, `#N/A` cells."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import LbbTension, NafLabel, RomeNaf, RomeV3Label

pytestmark = pytest.mark.django_db

MODELS = (RomeNaf, RomeV3Label, NafLabel, LbbTension, Dataset)


def run(path, **options):
    out = io.StringIO()
    call_command("import_rome_naf", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in MODELS}


def edit(file, old, new):
    data = file.read_bytes()
    assert old.encode() in data, f"{old!r} not in {file.name}"
    file.write_bytes(data.replace(old.encode(), new.encode(), 1))


def test_counts(lbb):
    output = run(lbb)
    assert "ROME v3 labels: 4 in files, 4 created" in output
    assert "NAF labels: 4 in files, 4 created" in output
    assert "ROME-NAF links: 5 in files, 5 created, 0 updated, 0 deleted" in output
    assert "FAP-ROME tension shares: 3 in files, 3 created" in output


def test_mapping_is_decoded(lbb):
    run(lbb)
    link = RomeNaf.objects.get(rome_code="A1101", naf_code="0111Z")
    assert (link.weight, link.curated) == (148, True)
    assert link.naf_label.startswith("Culture de céréales (à l'exception du riz), de")
    assert RomeNaf.objects.get(rome_code="A1416").rome_label == "Polyculture, élevage"  # ';' was a comma
    assert RomeNaf.objects.get(rome_code="K2204").weight is None  # #N/A: unknown, never 0
    raw_only = RomeNaf.objects.get(rome_code="A1101", naf_code="1511Z")
    assert (raw_only.weight, raw_only.curated) == (9, False)
    assert RomeNaf.objects.filter(curated=True).count() == 3


def test_labels(lbb):
    output = run(lbb)
    assert RomeV3Label.objects.get(rome_code="A1416").label == "Polyculture, élevage"
    assert NafLabel.objects.get(naf_code="1511Z").label == (
        "Apprêt et tannage des cuirs ; préparation et teinture des fourrures"
    )  # a genuine ';' of the NAF
    assert "\x19" not in NafLabel.objects.get(naf_code="8899A").label
    assert "naf_labels.csv line 5: control character(s) removed" in output


def test_tension_shares(lbb):
    run(lbb)
    current = LbbTension.objects.get(source_file="metiers_tension.csv", fap_code="A0Z43")
    assert (current.rome_code, current.tension_pct) == ("A1101", 58.4)
    assert current.rome_label == "CONDUITE D'ENGINS AGRICOLES ET FORESTIERS"
    assert LbbTension.objects.get(source_file="metiers_tension_2019.csv").tension_pct == 44.7
    unknown = LbbTension.objects.get(fap_code="A0Z40")
    assert unknown.tension_pct is None and unknown.fap_label == "Agriculteurs salariés, éleveurs"


def test_optional_files(lbb):
    for name in ("rome_naf_mapping.raw.csv", "metiers_tension.csv", "metiers_tension_2019.csv"):
        (lbb / name).unlink()
    output = run(lbb)
    assert "ROME-NAF links: 3 in files, 3 created" in output
    assert not LbbTension.objects.exists()


def test_dataset_is_recorded(lbb):
    run(lbb)
    dataset = Dataset.objects.get(slug="labonneboite-rome-naf")
    assert dataset.licence == "licence non vérifiée" and "La Bonne Boîte" in dataset.publisher


def test_second_import_changes_nothing(lbb):
    run(lbb)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(lbb)
    assert snapshot() == before


def test_dry_run_writes_nothing(lbb):
    output = run(lbb, dry_run=True)
    assert "dry run" in output and "5 created" in output
    assert not RomeNaf.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(lbb):
    run(lbb)
    edit(lbb / "rome_naf_mapping.csv", ",148\n", ",170\n")
    edit(lbb / "rome_naf_mapping.raw.csv", ",148\n", ",170\n")
    edit(lbb / "rome_naf_mapping.raw.csv", 'M1805,"Études et développement informatique",8129B,"Autres activités de '
         'nettoyage n.c.a.",4\n', "")  # fmt: skip
    output = run(lbb)
    assert "ROME-NAF links: 4 in files, 0 created, 1 updated, 1 deleted" in output
    assert RomeNaf.objects.get(rome_code="A1101", naf_code="0111Z").weight == 170


MALFORMED = {
    "truncated file": ("rome_naf_mapping.csv", None, None, "line 3: malformed CSV"),
    "missing column": ("rome_naf_mapping.csv", ",hirings\n", ",embauches\n", "line 1: missing column(s): hirings"),
    "wrong delimiter": ("rome_labels.csv", "rome_id|rome_label", "rome_id;rome_label", "line 1: columns are separated"),
    "not a number": ("rome_naf_mapping.csv", ",92\n", ",9Z\n", "line 3: hirings: '9Z' is not a number"),
    "unknown ROME code": ("rome_naf_mapping.raw.csv", "M1805,", "M1806,",
                          "line 6: unknown ROME code 'M1806' (not in rome_labels.csv)"),
    "unknown NAF code": ("rome_naf_mapping.csv", "8129B,Autres", "8129C,Autres",
                         "line 4: unknown NAF code '8129C' (not in naf_labels.csv)"),
    "not a percentage": ("metiers_tension.csv", ",58.4,", ",584,", "line 2: tension_pct: '584' is not a percentage"),
    "invalid FAP code": ("metiers_tension.csv", "A0Z43,", "A0Z4,", "line 2: invalid FAP 2009 code 'A0Z4'"),
    "duplicate label": ("rome_labels.csv", "K2204|", "A1101|", "line 4: duplicate row for A1101"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(lbb, case):
    run(lbb)
    before = snapshot()
    name, old, new, message = MALFORMED[case]
    file = lbb / name
    if old is None:  # cut inside the quoted NAF label of line 3
        data = file.read_bytes()
        file.write_bytes(data[: data.index(b'"Culture', data.index(b"A1416")) + 12])
    else:
        edit(file, old, new)
    with pytest.raises(CommandError) as err:
        run(lbb)
    assert "nothing was changed" in str(err.value)
    assert name in str(err.value) and message in str(err.value)
    assert snapshot() == before
