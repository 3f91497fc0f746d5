"""import_rncp on small files written in the format of the RNCP 2021 extracts (Windows-1252, ';', CR inside quotes)."""

import datetime
import shutil
from functools import partial

import pytest
from django.core.management import CommandError

from hent.core.models import Dataset
from hent.trainings.importers.rncp import RncpImporter
from hent.trainings.models import RncpCertifier, RncpDiploma, RncpFiche, RncpNsf, RncpRome
from tests import importing
from tests.importing import import_fails, unchanged

pytestmark = pytest.mark.django_db

MODELS = (RncpFiche, RncpRome, RncpNsf, RncpCertifier, RncpDiploma, Dataset)
run = partial(importing.run, "import_rncp")
snapshot = partial(importing.snapshot, *MODELS)


def edit(folder, stem, old, new):
    """Replace the first ``old`` by ``new`` in a file, in the file's own encoding (Windows-1252)."""
    return importing.edit(folder / f"{stem}.v1.4.csv", old, new, encoding="cp1252")


def drop_lines(folder, stem, prefix):
    file = folder / f"{stem}.v1.4.csv"
    lines = file.read_bytes().split(b"\n")
    file.write_bytes(b"\n".join(line for line in lines if not line.startswith(prefix.encode("cp1252"))))


def test_import_loads_every_file(rncp):
    output = run(rncp)
    assert "RNCP fiches: 6 in files, 6 created, 0 updated, 0 deleted" in output
    assert "RNCP → ROME links: 5 in files, 5 created" in output
    assert "RNCP → NSF links: 6 in files, 6 created" in output
    assert "RNCP certifiers: 7 in files, 7 created" in output
    assert "CFD → RNCP (codes_diplomes): 6 in files, 6 created" in output
    assert "total: 30 created, 0 updated, 0 deleted" in output


def test_fiches_are_decoded_and_repeated_rows_merged(rncp):
    output = run(rncp)
    pierre = RncpFiche.objects.get(number="1000")
    assert (pierre.title, pierre.state) == ("Métiers de la pierre", "Publiée")  # Windows-1252 accents
    assert (pierre.level_eu, pierre.type_code, pierre.type_label) == (4, "BP", "Brevet professionnel")
    assert pierre.active is False and pierre.end_of_validity == datetime.date(2016, 8, 31)  # m/d/yy
    assert (pierre.old_number, pierre.new_number) == ("", "32230")
    assert pierre.registration_type == "Enregistrement de droit"
    assert RncpFiche.objects.get(number="10000").title.endswith("Spécialité JAPONAIS EXEMPLE")  # CR dropped
    assert RncpFiche.objects.get(number="10000").end_of_validity is None
    textile = RncpFiche.objects.get(number="20675")
    assert textile.title == "Innovation textile - Option A : structures ou Option B : traitements"
    assert textile.old_number == "1092 1094" and textile.end_of_validity == datetime.date(2024, 6, 30)
    assert RncpFiche.objects.get(number="28688").new_number == "34734 34581"
    assert "8 rows for 6 fiches; 2 row(s) repeat a fiche" in output


def test_links_are_decoded(rncp):
    output = run(rncp)
    assert list(RncpRome.objects.filter(fiche="34001").order_by("rome_code").values_list("rome_code", "label")) == [
        ("A1101", "Conduite d'engins agricoles et forestiers"),  # doubled apostrophes undone
        ("N2201", "Personnel d'escale aéroportuaire"),
    ]
    assert RncpRome.objects.get(fiche="10000").rome_code == "K21"  # a domain code, kept as published
    assert list(RncpNsf.objects.filter(fiche="10000").values_list("code", flat=True)) == ["136"]
    assert "rncp_nsf.v1.4.csv: 2 row(s) repeated identically, counted once" in output
    assert RncpNsf.objects.get(fiche="20675").code == "224t"
    school = RncpCertifier.objects.get(fiche="28688")
    assert (school.name, school.siret) == ('I P L "ECOLE EXEMPLE PARIS LILLE"', "49300000000017")
    assert RncpCertifier.objects.get(fiche="20675").name == "Ministère de l’Éducation nationale"
    assert RncpCertifier.objects.get(fiche="34001").name == ""  # blank in the file, kept


def test_cfd_to_rncp_table_is_decoded(rncp):
    output = run(rncp)
    mc = RncpDiploma.objects.get(cfd="01022103")  # written 1022103: leading zero restored
    assert (mc.rncp, mc.level_eu, mc.type, mc.active, mc.kit_version) == ("958", 3, "MC5", True, "v1.0")
    assert RncpDiploma.objects.get(cfd="16531217").kit_version == "v1.3"  # the latest of two versions
    bees = RncpDiploma.objects.get(cfd="46J3350A")
    assert (bees.rncp, bees.active) == ("", None)  # "NR": not stated
    assert (
        RncpDiploma.objects.get(cfd="32022405").title
        == "INNOVATION TEXTILE OPTION A : STRUCTURES OPTION B : TRAITEMENTS (BTS)"
    )
    assert RncpDiploma.objects.get(cfd="32031213").title == "MANAGEMENT COMMERCIAL OPÉRATIONNEL (BTS)"
    assert "1 CFD code(s) of 7 digits given back their leading zero (first: line 2)" in output
    assert "1 (CFD, RNCP) pair(s) listed again for another kit version" in output
    assert "1 row(s) point to 1 RNCP number(s) absent from rncp_info (958); kept" in output


def test_dataset_is_recorded(rncp):
    run(rncp)
    dataset = Dataset.objects.get(slug="rncp-2021")
    assert (dataset.version, dataset.published_on) == ("v1.4", datetime.date(2021, 1, 6))
    assert dataset.publisher == "France compétences" and dataset.licence == "licence non vérifiée"
    assert dataset.row_counts["RNCP fiches"] == 6


def test_importer_reads_a_zip(rncp, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "rncp-2021"), "zip", rncp)
    assert RncpImporter(archive).run().changes == 30


def test_second_import_changes_nothing(rncp):
    importing.assert_reimport_changes_nothing(run, rncp, snapshot)


def test_dry_run_counts_but_writes_nothing(rncp):
    importing.assert_dry_run_writes_nothing(run, rncp, snapshot, created=30)


def test_reimport_updates_and_deletes_fiches_with_their_links(rncp):
    run(rncp)
    edit(rncp, "rncp_info", 'Métiers de la pierre";8/31/16', 'Métiers de la pierre et du marbre";8/31/16')
    for stem in ("rncp_info", "rncp_rome", "rncp_nsf", "rncp_certificateurs"):
        drop_lines(rncp, stem, "RNCP34001;")
    output = run(rncp)
    assert "RNCP fiches: 5 in files, 0 created, 1 updated, 1 deleted" in output
    assert "RNCP → ROME links: 3 in files, 0 created, 0 updated, 2 deleted" in output
    assert "RNCP → NSF links: 5 in files, 0 created, 0 updated, 1 deleted" in output
    assert "RNCP certifiers: 6 in files, 0 created, 0 updated, 1 deleted" in output
    assert RncpFiche.objects.get(number="1000").title == "Métiers de la pierre et du marbre"
    assert not RncpFiche.objects.filter(number="34001").exists()
    assert RncpDiploma.objects.filter(rncp="34001").exists()  # no foreign key: reported, kept
    assert "2 row(s) point to 2 RNCP number(s) absent from rncp_info (958, 34001)" in output


MALFORMED = {
    # case: (file stem, old, new, expected message)
    "missing column": ("rncp_nsf", "CodeRNCP;code;Libelle;;", "CodeRNCP;code;;;", "line 1: missing column(s): Libelle"),
    "wrong delimiter": ("rncp_rome", "CodeRNCP;EtatFiche;Rome;libelle;;", "CodeRNCP,EtatFiche,Rome,libelle,,",
                        "line 1: columns are separated by ','"),
    "unknown fiche": ("rncp_rome", "RNCP34001;;A1101", "RNCP99999;;A1101",
                      "line 2: unknown RNCP fiche RNCP99999 (not in rncp_info)"),
    "bad date": ("rncp_info", ";8/31/16;", ";31/8/16;",
                 "line 2: column date_fin_validite_enregistrement: '31/8/16' is not a date (mm/dd/yy)"),
    "bad level": ("rncp_info", "niveau4;BP;Brevet professionnel;;RNCP32230",
                  "niveau9;BP;Brevet professionnel;;RNCP32230",
                  "line 2: column NiveauEurope: 'niveau9' is not a level (niveau 1 to 8)"),
    "bad active flag": ("codes_diplomes", "v1.4;ACTIVE", "v1.4;ACTIF",
                        "line 9: column Fiche RNCP active/inactive: 'ACTIF' is not one of"),
    "bad RNCP number": ("codes_diplomes", ";RNCP32230;", ";RNCP-32230;",
                        "line 3: column CodeRNCP: 'RNCP-32230' is not an RNCP number"),
    "bad CFD": ("codes_diplomes", "45023306;", "450233-6;", "line 3: column CodeDiplome: '450233-6' is not a CFD"),
    "bad SIRET": ("rncp_certificateurs", ";11000000000013;", ";1100000000001;",
                  "line 5: column siret_organisme: '1100000000001' is not a SIRET (14 digits)"),
    "repeated fiche with other values": ("rncp_info", "RNCP34581;Enregistrement sur demande",
                                         "RNCP34581;Enregistrement de droit",
                                         "line 9: fiche RNCP28688 repeats line 8 with other values (registration"),
    "repeated link with other values": ("rncp_nsf", "RNCP10000;136;Langues vivantes,", "RNCP10000;136;Langues mortes,",
                                        "line 4: 136 of RNCP10000 repeats line 3 with other values"),
}  # fmt: skip


@pytest.mark.parametrize("case", [*MALFORMED, "truncated file", "two versions"])
def test_malformed_input_stops_with_file_line_and_problem_and_changes_nothing(rncp, case):
    run(rncp)
    with unchanged(snapshot):
        if case == "truncated file":
            file = rncp / "rncp_info.v1.4.csv"
            data = file.read_bytes()
            file.write_bytes(data[: data.index(b"ou Option B")])  # inside a quoted, multi-line title
            name, message = file.name, "line 4: malformed CSV"
        elif case == "two versions":
            (rncp / "rncp_nsf.v1.4.csv").rename(rncp / "rncp_nsf.v1.5.csv")
            name, message = "rncp_info.v1.4.csv", "files of several versions (v1.4, v1.5)"
        else:
            stem, old, new, message = MALFORMED[case]
            name = edit(rncp, stem, old, new)
        import_fails(run, rncp, name, message)


def test_a_missing_file_is_a_clear_error(rncp):
    (rncp / "rncp_certificateurs.v1.4.csv").unlink()
    with pytest.raises(CommandError, match=r"no file matching rncp_certificateurs\.v\*\.csv"):
        run(rncp)
