"""The explorer on the real ROME 4.0 (../shared/data; skipped with the reason when absent), checked against the
publisher's own files: the curated moves come first in the file's order with basis "all", every shared and missing
skill is where the file says, and the ranking with basis "skills" finds most of a clear-cut fiche's moves."""

import csv
from collections import defaultdict

import pytest
from django.core.management import call_command

from hent.careers import services
from tests.conftest import SHARED_DATA
from tests.importing import require

ROME_DIR = SHARED_DATA / "rome-4.0-v460"
SAMPLE = ["H2911", "D1102", "J1501", "M1805", "K2410", "G1223", "A1203", "N4101"]


def read(name):
    with (ROME_DIR / f"unix_{name}_v460_utf8.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def real_rome(django_db_setup, django_db_blocker):
    """The real ROME, imported once for this module; the tables are emptied afterwards for other tests."""
    from hent.occupations.importers.rome import RomeImporter

    require(ROME_DIR)
    with django_db_blocker.unblock():
        RomeImporter(ROME_DIR).run()
    services.reset()
    yield
    services.reset()
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def rome(real_rome, db, files):
    return files


@pytest.fixture(scope="module")
def files():
    """What the publisher's files say: (moves in order, {fiche: {OGR: core}}, {OGR: kind}), read once."""
    require(ROME_DIR)
    moves = defaultdict(list)
    for row in sorted(read("rubrique_mobilite"), key=lambda r: int(r["numero_ordre"])):
        moves[row["code_rome"]].append(row["code_rome_cible"])
    fiches = defaultdict(dict)
    for row in read("coherence_item"):
        fiches[row["code_rome"]][int(row["code_ogr"])] = row["coeur_metier"].strip().lower() == "principale"
    kinds = {int(r["code_ogr"]): r["code_rubrique"] for r in read("item")}
    return moves, fiches, kinds


@pytest.mark.parametrize("code", SAMPLE)
def test_basis_all_gives_the_files_moves_first_in_order(rome, code):
    moves, _fiches, _kinds = rome
    result = services.transitions(code, basis="all", limit=len(moves[code]) + 5)
    assert [t.code for t in result[: len(moves[code])]] == moves[code]
    assert {t.source for t in result[len(moves[code]) :]} == {"skills"}


@pytest.mark.parametrize("code", SAMPLE)
def test_shared_and_missing_skills_are_where_the_file_says(rome, code):
    _moves, fiches, kinds = rome
    mine = sorted(fiches[code])[::2]  # every other item of the fiche, contexts and savoir-être included
    ticked = services.person_skills(code, mine)
    assert ticked and ticked <= set(mine)
    for t in services.transitions(code, mine, basis="all", limit=15):
        target = fiches[t.code]
        for skill in t.shared:
            assert skill.ogr in target and skill.ogr in ticked and skill.core == target[skill.ogr]
        for skill in t.missing:
            assert skill.ogr in target and skill.ogr not in ticked and skill.core == target[skill.ogr]
        skills = {ogr for ogr in target if kinds[ogr] in ("1", "3")}  # savoir-faire and savoirs (the item file)
        assert {s.ogr for s in t.shared + t.missing} == skills
        assert t.n_skills == len(ticked)


def test_basis_skills_finds_most_moves_of_a_clear_cut_fiche(rome):
    moves, _fiches, _kinds = rome
    top = [t.code for t in services.transitions("H2911", basis="skills", limit=10)]  # métallier
    assert len(set(top) & set(moves["H2911"])) >= 7, top


def test_results_page_of_a_real_fiche(rome, client):
    moves, fiches, kinds = rome
    ticked = [ogr for ogr in fiches["D1102"] if kinds[ogr] == "1"][:8]
    response = client.get("/changer-de-metier/D1102/metiers/", {"c": ticked})
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'id="metier-{code}"') for code in moves["D1102"]]
    assert positions == sorted(positions) and positions[-1] < html.index('id="skills-title"')
    assert "ROME 4.0 — France Travail, version 60" in html
