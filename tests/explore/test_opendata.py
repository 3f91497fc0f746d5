"""Suggestions on the real ROME 4.0 (../shared/data; skipped with the reason when absent): every stated reason
matches the occupation's RIASEC codes in the data, and every centre d'intérêt link is found."""

import itertools
import re

import pytest
from django.core.management import call_command

from hent.explore import scoring, services
from hent.occupations.models import Occupation, OccupationInterest
from tests.conftest import SHARED_DATA
from tests.importing import require

ROME_DIR = SHARED_DATA / "rome-4.0-v460"
PROFILES = ["R", "I", "A", "S", "E", "C", "SC", "IR", "AE", "SIA", "RCE", "ECS"]


@pytest.fixture(scope="module")
def real_rome(django_db_setup, django_db_blocker):
    """The real ROME, imported once for this module; the tables are emptied afterwards for other tests."""
    from hent.occupations.importers.rome import RomeImporter

    require(ROME_DIR)
    with django_db_blocker.unblock():
        RomeImporter(ROME_DIR).run()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def rome(real_rome, db):
    return Occupation.objects.count()


@pytest.mark.parametrize("letters", PROFILES)
def test_every_reason_matches_the_occupations_codes(rome, letters):
    profile = scoring.profile_from_letters(letters)
    result = services.suggestions(profile)
    codes = dict(Occupation.objects.values_list("code", "domaine__grand_domaine_id"))
    riasec = {o.code: (o.riasec_major, o.riasec_minor) for o in Occupation.objects.all()}
    seen = []
    for group in result.groups:
        for card in group.cards:
            code = card.occupation.code
            major, minor = riasec[code]
            seen.append(code)
            assert codes[code] == group.grand_domaine.code
            assert major in letters
            quoted = re.findall(r"\(([RIASEC])\)", card.reason)
            assert quoted == [major] + ([minor] if minor else []), (code, card.reason)
            shared = re.findall(r"\(([RIASEC])\)", card.reason.split("— comme vous")[0])
            assert shared == [x for x in (major, minor) if x and x in letters], (code, card.reason)
        assert [c.fit for c in group.cards] == sorted((c.fit for c in group.cards), reverse=True)
    expected = Occupation.objects.filter(riasec_major__in=list(letters)).count()
    assert len(seen) == len(set(seen)) == result.total == expected > 0


def test_every_riasec_profile_of_up_to_three_letters_suggests_something(rome):
    for size in (1, 2, 3):
        for letters in itertools.permutations("RIASEC", size):
            assert services.suggestions(scoring.profile_from_letters("".join(letters))).total > 0


def test_several_centres_find_every_linked_occupation(rome):
    chosen = [14, 22, 9]  # travail manuel, prendre soin des autres, contact de la nature
    result = services.by_interests(chosen)
    links = {}
    for code, centre in OccupationInterest.objects.filter(centre_id__in=chosen).values_list("occupation", "centre"):
        links.setdefault(code, set()).add(centre)
    assert result.total == result.shown == len(links)
    for n, domains in result.sections:
        for _domaine, cards in domains:
            for card in cards:
                assert {c.code for c in card.centres} == links[card.occupation.code] and len(card.centres) == n
    assert [n for n, _d in result.sections] == sorted({len(v) for v in links.values()}, reverse=True)


def test_pages_on_the_real_data(client, rome):
    html = client.get("/decouvrir/questionnaire/resultats/", {"profil": "SC"}).content.decode()
    assert html.count('<section class="discoveries__section"') >= 10
    assert "autres métiers du domaine" in html
    html = client.get("/decouvrir/envies/", {"envie": ["14", "22"]}).content.decode()
    assert "Les métiers qui correspondent à toutes vos envies" in html
