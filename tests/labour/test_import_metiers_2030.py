"""import_metiers_2030 on a small JSON array in the format of the copy of the DARES sheet: region names (accents,
"Nouvelle Aquitaine" without hyphen), a merged group of families (Corse), a study-specific code (XK_), "hors champ"
tension, a null value."""

import io

import pytest
from django.core.management import CommandError, call_command

from hent.core.models import Dataset
from hent.labour.models import Projection2030

pytestmark = pytest.mark.django_db

FILE = "dares_metiers_2030_regions.json"


def run(path, **options):
    out = io.StringIO()
    call_command("import_metiers_2030", str(path), stdout=out, **options)
    return out.getvalue()


def snapshot():
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in (Projection2030, Dataset)}


def edit(file, old, new):
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file.name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_counts(m2030):
    output = run(m2030)
    assert "projections 2030: 5 in files, 5 created, 0 updated, 0 deleted" in output


def test_fields_are_decoded(m2030):
    run(m2030)
    row = Projection2030.objects.get(region_code="53", fap_code="J5Z")
    assert row.region_name == "Bretagne" and row.fap_codes == ["J5Z"]
    assert row.label == "Agents administratifs et commerciaux des transports et du tourisme"
    assert row.employment_2019 == 5.62
    assert row.positions_to_fill == 1.62 and row.positions_to_fill_rate == 0.285
    assert row.net_creation == 0.12 and row.retirements == 1.48
    assert row.young_entrants == -1.37  # negative as published
    assert row.specificity_index == 0.64
    assert row.tension_2019 == 1
    assert Projection2030.objects.get(fap_code="J5Z", region_name="Auvergne-Rhône-Alpes").region_code == "84"


def test_region_names_merged_groups_and_unknowns(m2030):
    run(m2030)
    corse = Projection2030.objects.get(region_code="94")
    assert corse.fap_code == "A0Z;A1Z;A2Z;A3Z" and corse.fap_codes == ["A0Z", "A1Z", "A2Z", "A3Z"]
    aquitaine = Projection2030.objects.get(region_code="75")  # "Nouvelle Aquitaine"
    assert aquitaine.tension_2019 is None  # "hors champ"
    assert aquitaine.interregional_mobility is None  # null: unknown, never 0
    assert Projection2030.objects.get(fap_code="XK_").label == "Artisans, Politique et Clérgé"


def test_dataset_is_recorded(m2030):
    run(m2030)
    dataset = Dataset.objects.get(slug="dares-metiers-2030")
    assert dataset.version == "2019-2030" and "non vérifiée" in dataset.licence
    assert dataset.publisher == "DARES et France Stratégie"


def test_second_import_changes_nothing(m2030):
    run(m2030)
    before = snapshot()
    assert "total: 0 created, 0 updated, 0 deleted" in run(m2030)
    assert snapshot() == before


def test_dry_run_writes_nothing(m2030):
    output = run(m2030, dry_run=True)
    assert "dry run" in output and "5 created" in output
    assert not Projection2030.objects.exists() and not Dataset.objects.exists()


def test_reimport_updates_and_deletes(m2030):
    run(m2030)
    edit(m2030 / FILE, '"postes_a_pourvoir_milliers": 1.62', '"postes_a_pourvoir_milliers": 1.7')
    text = (m2030 / FILE).read_text(encoding="utf-8")
    start = text.index('  {\n    "code_fap": "XK_"')
    (m2030 / FILE).write_text(text[:start] + text[text.index("  {", start + 1) :], encoding="utf-8")
    output = run(m2030)
    assert "projections 2030: 4 in files, 0 created, 1 updated, 1 deleted" in output
    assert Projection2030.objects.get(region_code="53", fap_code="J5Z").positions_to_fill == 1.7


MALFORMED = {
    "truncated file": (None, None, "line 60: malformed JSON (Unterminated string"),
    "not an array": ("[\n  {", "{\n  {", "line 1: expected a JSON array of records"),
    "missing field": ('    "indice_specificite": 0.64,\n', "",
                      "line 23: missing field(s): indice_specificite"),
    "not a number": ('"effectifs_2019_milliers": 70.1', '"effectifs_2019_milliers": "beaucoup"',
                     "line 44: effectifs_2019_milliers: 'beaucoup' is not a number"),
    "unknown region": ('"region": "Bretagne"', '"region": "Armorique"', "line 23: unknown region 'Armorique'"),
    "bad tension level": ('"niveau_tension_2019": "1"', '"niveau_tension_2019": "6"',
                          "line 23: niveau_tension_2019: '6' is neither 1-5 nor 'hors champ'"),
    "invalid code": ('"code_fap": "T4Z"', '"code_fap": "T4"', "line 44: invalid FAP-87 code 'T4'"),
    "duplicate row": ('"region": "Auvergne-Rhône-Alpes"', '"region": "Bretagne"', "line 23: duplicate row for J5Z"),
}  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(m2030, case):
    run(m2030)
    before = snapshot()
    old, new, message = MALFORMED[case]
    file = m2030 / FILE
    if old is None:  # cut inside a key on line 60, in the record of line 44
        text = file.read_text(encoding="utf-8")
        file.write_text(text[: text.index('"desequilibre_pct": 0.232') + 10], encoding="utf-8")
    else:
        edit(file, old, new)
    with pytest.raises(CommandError) as err:
        run(m2030)
    assert "nothing was changed" in str(err.value)
    assert FILE in str(err.value) and message in str(err.value)
    assert snapshot() == before
