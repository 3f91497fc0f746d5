from functools import partial

import pytest

from hent.core.models import Dataset
from hent.guidance.models import OpeningHours, Structure
from tests import importing
from tests.guidance.conftest import AGENCIES, ANNUAIRE, DERIVED, write

run = partial(importing.run, "import_structures")
snapshot = partial(importing.snapshot, "guidance", Dataset)


def keys():
    return set(Structure.objects.values_list("source_key", flat=True))


def test_imports_the_regions_agencies_and_the_open_cio(geo, structures_dir):
    output = run(structures_dir)
    assert "structures (france_travail): 5 in files, 5 created" in output
    assert "structures (cio): 3 in files, 3 created" in output
    # No direction site (DDA), no agency of another region, no closed CIO, no collège.
    assert keys() == {
        "safir:35045", "safir:35133", "safir:35007", "safir:22020", "safir:29019",
        "uai:0351839J", "uai:0350065F", "uai:0351904E",
    }  # fmt: skip
    assert "1 closed CIO left out" in output


def test_publisher_quirks_are_read(geo, structures_dir):
    run(structures_dir)
    malo = Structure.objects.get(source_key="safir:35007")
    assert malo.name == "France Travail Saint-Malo"  # "ST MALO" found as the commune's own spelling
    assert (malo.commune, malo.commune_code, malo.department) == ("Saint-Malo", "35288", "35")
    assert malo.latitude == pytest.approx(48.650241)  # decimal comma
    assert malo.address_extra == "Zac de la Madeleine"  # upper case made readable
    assert Structure.objects.get(source_key="safir:35133").name == "France Travail Rennes Est"  # "(APE/DT35)" dropped
    assert Structure.objects.get(source_key="safir:35133").address == "22 Rue du Bignon"
    brieuc = Structure.objects.get(source_key="safir:22020")
    assert brieuc.commune_code == "22278"  # CEDEX postcode 22023: found by name within the department
    vitre = Structure.objects.get(source_key="uai:0351904E")
    assert vitre.email == ""  # "pas un courriel" is not kept
    assert vitre.kind == "cio" and "parents" in vitre.publics and vitre.address_extra == "Maison de l'Emploi"
    assert vitre.data_date.isoformat() == "2023-05-02"
    assert vitre.updated_at.date().isoformat() == "2023-05-02"  # the public date is the data's, not the import's


def test_each_structure_cites_its_dataset(geo, structures_dir):
    run(structures_dir)
    agency = Structure.objects.get(source_key="safir:35045")
    cio = Structure.objects.get(source_key="uai:0351839J")
    assert agency.dataset.slug == "france-travail-agences" and agency.dataset.version == "2019-11"
    assert cio.dataset.slug == "annuaire-education-cio" and cio.dataset.version == "2023-06-08"
    assert "Éducation nationale" in cio.source


def test_reimport_changes_nothing(geo, structures_dir):
    importing.assert_reimport_changes_nothing(run, structures_dir, snapshot)


def test_dry_run_writes_nothing(geo, structures_dir):
    importing.assert_dry_run_writes_nothing(
        run, structures_dir, lambda: {"s": list(Structure.objects.all())}, created=8
    )


def test_staff_edits_survive_a_reimport(geo, structures_dir):
    run(structures_dir)
    cio = Structure.objects.get(source_key="uai:0351839J")
    cio.phone = "02 00 00 00 00"
    cio.publics = ["lyceens"]
    cio.edited_fields = ["phone", "publics"]
    cio.save()
    OpeningHours.objects.create(structure=cio, weekday=0, opens="09:00", closes="12:00")
    # The source changes the phone and the address: the address follows, the phone staff set stays.
    write(
        structures_dir,
        annuaire=ANNUAIRE.replace("02 99 25 18 30", "02 99 99 99 99").replace("1 Quai Dujardin", "3 Quai Dujardin"),
    )
    run(structures_dir)
    cio.refresh_from_db()
    assert cio.phone == "02 00 00 00 00"
    assert cio.publics == ["lyceens"]
    assert cio.address == "3 Quai Dujardin"
    assert cio.opening_hours.count() == 1


def test_vanished_structures_are_deleted_unless_staff_edited_them(geo, structures_dir):
    run(structures_dir)
    edited = Structure.objects.get(source_key="safir:35045")
    edited.edited_fields = ["phone"]
    edited.phone = "02 11 11 11 11"
    edited.save()
    lines = AGENCIES.splitlines()
    kept = [line for line in lines if "RENNES CENTRE" not in line and "BREST EUROPE" not in line]
    write(structures_dir, agencies="\n".join(kept) + "\n")
    output = run(structures_dir)
    assert "safir:29019" not in keys()  # not edited: removed with the source, and counted
    assert "1 deleted" in output
    edited.refresh_from_db()  # edited: kept, marked, and the operator is told
    assert edited.in_source is False
    assert "safir:35045" in output and "kept because staff edited it" in output
    # Back in the source: marked present again.
    write(structures_dir)
    run(structures_dir)
    edited.refresh_from_db()
    assert edited.in_source is True


def test_structures_added_by_staff_are_never_touched(geo, structures_dir):
    own = Structure.objects.create(
        slug="mission-locale-rennes", kind="mission_locale", name="Mission locale", department="35"
    )
    run(structures_dir)
    run(structures_dir)
    assert Structure.objects.filter(pk=own.pk).exists()


def test_a_cio_file_of_one_department_leaves_other_departments_alone(geo, structures_dir):
    run(structures_dir)
    Structure.objects.create(
        slug="cio-brest", kind="cio", name="CIO de Brest", department="29", source_key="uai:0290001A"
    )
    run(structures_dir)
    assert "uai:0290001A" in keys()


def test_derived_file_alone(geo, tmp_path):
    folder = write(tmp_path / "derived", agencies=None, annuaire=None, derived=DERIVED)
    output = run(folder)
    assert "2 created" in output
    cio = Structure.objects.get(source_key="uai:0351839J")
    assert cio.email == "cio.rennes@ac-rennes.fr" and cio.phone == "02 99 25 18 30"
    assert Structure.objects.get(source_key="safir:35045").data_date.isoformat() == "2019-11-01"
    assert importing.NO_CHANGE in run(folder)


def test_without_geography_the_derived_insee_code_is_used(db, tmp_path):
    folder = write(tmp_path / "both", annuaire=None, derived=DERIVED)
    output = run(folder)
    assert Structure.objects.get(source_key="safir:35045").commune_code == "35238"
    assert "commune not found for 4 agency(ies)" in output


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (AGENCIES.replace('"48,650241"', '"north"'), ["pole_emploi_agencies_2019.csv", "line 5", "DN_LATITUDE"]),
        (AGENCIES.replace("35133,ALE", "3513X,ALE"), ["line 3", "CODE_SAFIR"]),
        (AGENCIES.replace(",CODE_POSTAL,", ",CP,"), ["missing column(s): CODE_POSTAL"]),
        (AGENCIES.replace("53,BRETAGNE", "52,BRETAGNE"), ["no local agency"]),
        (AGENCIES.replace(',"-2,747447"', ""), ["line 6", "field(s) where the header has"]),
        (AGENCIES.replace(",", ";"), ["columns are separated by ';'"]),
    ],
)
def test_malformed_files_stop_with_a_precise_message_and_change_nothing(geo, structures_dir, content, fragments):
    run(structures_dir)
    write(structures_dir, agencies=content)
    with importing.unchanged(snapshot):
        importing.import_fails(run, structures_dir, *fragments)


def test_malformed_annuaire_row(geo, structures_dir):
    write(structures_dir, annuaire=ANNUAIRE.replace("0351839J;", "12;"))
    with importing.unchanged(snapshot):
        importing.import_fails(
            run, structures_dir, "fr-en-annuaire-education_dep35_2023-06.csv", "line 2", "invalid UAI"
        )


def test_a_folder_without_structures_is_refused(db, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.txt").write_text("nothing")
    importing.import_fails(run, tmp_path / "empty", "no file of guidance structures")


def test_real_open_data(geo, settings):
    from tests.conftest import SHARED_DATA

    folder = SHARED_DATA / "structures" / "orientation-bretagne"
    if not folder.is_dir():
        pytest.skip(f"open data not found at {folder}")
    output = run(folder)
    assert "structures (france_travail): 37 in files, 37 created" in output
    assert "structures (cio): 5 in files, 5 created" in output
    assert importing.NO_CHANGE in run(folder)
