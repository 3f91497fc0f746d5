"""Suggestions from a profile and from chosen centres d'intérêt, on the demonstration ROME."""

import re

import pytest

from hent.explore import scoring, services
from hent.explore.services import Filters
from hent.occupations.models import Occupation
from hent.trainings import services as trainings
from tests.explore.conftest import CARE, COOKING, DIGITAL, OUTDOORS

pytestmark = pytest.mark.django_db


def suggested(profile_letters, **filters):
    return services.suggestions(scoring.profile_from_letters(profile_letters), Filters(**filters))


def cards(result):
    return [card for group in result.groups for card in group.cards]


def codes(result):
    return [card.occupation.code for card in cards(result)]


def reason_letters(reason):
    """The RIASEC letters a reason quotes, in order: "(S)" … "(I)"."""
    return re.findall(r"\(([RIASEC])\)", reason)


def assert_reasons_match_the_data(result, profile):
    for card in cards(result):
        o = Occupation.objects.get(code=card.occupation.code)
        quoted = reason_letters(card.reason)
        expected = [o.riasec_major] + ([o.riasec_minor] if o.riasec_minor else [])
        assert quoted == expected, (o.code, card.reason)
        shared = [x for x in expected if x in profile]
        assert reason_letters(card.reason.split("— comme vous")[0]) == shared, card.reason
        assert o.riasec_major in profile


def test_each_suggestion_says_why_with_its_own_codes(explore_world):
    for letters in ("S", "SI", "RIA", "C", "EC", "ISR"):
        result = suggested(letters)
        assert_reasons_match_the_data(result, letters)


def test_the_nurse_fits_a_social_and_investigative_profile_best(explore_world):
    result = suggested("SI")
    # J1506 (S/I) shares both codes, J1501 (S/R) its major, M1805 (I/C) its major with the second type.
    assert codes(result) == ["J1506", "J1501", "M1805"]
    nurse = cards(result)[0]
    assert nurse.reason == (
        "Ce métier plaît souvent aux personnes qui aiment aider les autres (S) et chercher et comprendre comment "
        "marchent les choses (I) — comme vous."
    )
    developer = cards(result)[2]
    assert developer.reason.endswith("Il demande aussi d'aimer organiser avec méthode (C).")


def test_only_occupations_whose_major_code_is_in_the_profile(explore_world):
    assert sorted(codes(suggested("R"))) == ["A1203", "D1102", "D1104"]
    assert codes(suggested("A")) == []  # the pastry cook is R/A: A is only its minor code
    assert suggested("A").total == 0


def test_suggestions_are_grouped_by_grand_domaine_a_handful_each(explore_world):
    result = services.suggestions(scoring.profile_from_letters("RS"), per_group=1)
    groups = {g.grand_domaine.code: g for g in result.groups}
    assert set(groups) == {"A", "D", "J"}
    assert [c.occupation.code for c in groups["J"].first] == ["J1501"]  # S/R: both codes shared
    assert [c.occupation.code for c in groups["J"].others] == ["J1506"]
    # One family asked for: all its suggestions, under their reasons; a family without any: every family.
    alone = services.suggestions(scoring.profile_from_letters("RS"), per_group=1, grand_domaine="J")
    assert alone.grand_domaine.code == "J" and [g.grand_domaine.code for g in alone.groups] == ["J"]
    assert [c.occupation.code for c in alone.groups[0].first] == ["J1501", "J1506"]
    assert [why for why, _cards in alone.groups[0].first_by_reason] == [c.reason for c in alone.groups[0].first]
    for missing in ("M", "Z", "<script>"):
        everything = services.suggestions(scoring.profile_from_letters("RS"), per_group=1, grand_domaine=missing)
        assert everything.grand_domaine is None and len(everything.groups) == 3
    # Families in the order of their best fit: the gardener (R/S: 2 x 3 + 2), the care assistant (S/R: 2 x 2 + 3),
    # then the baker and the pastry cook (R and a code outside the profile: 2 x 3).
    assert [(g.grand_domaine.code, g.cards[0].fit) for g in result.groups] == [("A", 8), ("J", 7), ("D", 6)]


def test_level_filter_uses_the_shortest_active_training(explore_world):
    levels = trainings.lowest_levels()
    assert levels["D1102"] == 3 and levels["J1501"] == 4
    assert levels["J1506"] == 6  # the inactive CAP does not count
    assert levels["M1805"] == 5  # a direct link wins over one inherited from a ROME v3 parent fiche
    assert levels["A1203"] == 4  # with no direct link, the inherited one counts
    assert "J1501" in codes(suggested("S", level=4)) and "J1506" not in codes(suggested("S", level=4))
    assert codes(suggested("S", level=6)) == ["J1501", "J1506"]  # equal fit: by title
    result = suggested("R", level=3)
    assert sorted(codes(result)) == ["D1102", "D1104"] and result.total == 3 and result.shown == 2
    assert cards(result)[0].level_label.startswith("CAP")


def test_hiring_and_gender_mix_filters(explore_world):
    assert sorted(codes(suggested("R", hiring=True))) == ["A1203", "D1102"]  # 450 and 120 projects; not 40
    assert sorted(codes(suggested("R", mix="mixte"))) == ["A1203", "D1104"]
    assert codes(suggested("R", mix="mixte", hiring=True)) == ["A1203"]
    card = cards(suggested("S"))[0]
    assert card.market.projects in (900, 300)


def test_no_profile_no_suggestion(explore_world):
    flat = scoring.Profile(scoring.FLAT, [], [])
    assert services.suggestions(flat).groups == []


def test_occupations_of_several_centres_those_matching_more_first(explore_world):
    result = services.by_interests([OUTDOORS, CARE])
    assert [c.code for c in result.centres] == [OUTDOORS, CARE]
    assert [n for n, _domains in result.sections] == [2, 1]
    (_two, domains_two), (_one, domains_one) = result.sections
    both = [card.occupation.code for _d, cs in domains_two for card in cs]
    assert sorted(both) == ["A1203", "J1501"]  # gardener and care assistant: outdoors and taking care
    single = [card.occupation.code for _d, cs in domains_one for card in cs]
    assert sorted(single) == ["D1102", "J1506"]
    gardener = next(card for _d, cs in domains_two for card in cs if card.occupation.code == "A1203")
    assert [c.code for c in gardener.centres] == [OUTDOORS, CARE]
    assert result.total == result.shown == 4 and result.several == 2
    # Each section is split by domaine professionnel, in code order.
    assert [d.code for d, _cs in domains_two] == ["A12", "J15"]


def test_only_those_matching_every_centre(explore_world):
    result = services.by_interests([OUTDOORS, CARE], only_all=True)
    assert [n for n, _d in result.sections] == [2] and result.shown == 2 and result.total == 4


def test_centres_filters_and_unknown_codes(explore_world):
    result = services.by_interests([COOKING, 999, COOKING], Filters(mix="mixte"))
    assert [c.code for c in result.centres] == [COOKING]  # unknown and repeated codes ignored
    assert [card.occupation.code for _n, ds in result.sections for _d, cs in ds for card in cs] == ["D1104"]
    assert result.total == 2 and result.shown == 1
    assert services.by_interests([DIGITAL], Filters(level=4)).shown == 0  # developer: BTS (5); nurse: 6
    assert services.by_interests([]).sections == []


def test_sources_name_the_datasets_behind_the_page(explore_world):
    assert [d.slug for d in services.sources()][:1] == ["rome"]
