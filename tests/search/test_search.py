"""Search on the demonstration data (6 occupations): the mechanisms, not the tuning."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hent.search import services
from hent.search.models import SearchMiss

pytestmark = pytest.mark.django_db


def codes(q, limit=10):
    return [r.code for r in services.search(q, limit=limit)[1]]


def first(q):
    _query, results = services.search(q)
    assert results, f"no result for {q!r}"
    return results[0]


@pytest.mark.parametrize(
    ("q", "code", "matched"),
    [
        ("boulanger", "D1102", "Boulanger / Boulangère"),
        ("BOULANGÈRE", "D1102", "Boulanger / Boulangère"),  # case, accents, feminine form
        ("boulang", "D1102", "Boulanger / Boulangère"),  # what is typed so far
        ("boulnager", "D1102", "Boulanger / Boulangère"),  # typo
        ("infirmieres liberales", "J1506", "Infirmier libéral / Infirmière libérale"),  # plural, feminine
        ("chocolatière", "D1104", "Chocolatier / Chocolatière"),  # a synonym title
        ("aide soignante", "J1501", "Aide-soignant / Aide-soignante"),
        ("dev web", "M1805", "Développeur / Développeuse web"),  # curated abbreviation
        ("paysagiste", "A1203", "Paysagiste"),
    ],
)
def test_finds_the_right_occupation_first_and_says_which_title_matched(imported_demo, q, code, matched):
    result = first(q)
    assert (result.code, result.matched_title) == (code, matched)
    assert 0 < result.score <= 1


def test_one_result_per_occupation_best_first(imported_demo):
    _query, results = services.search("infirmier")
    assert [r.code for r in results][:1] == ["J1506"]
    assert len({r.code for r in results}) == len(results)
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


def test_thematic_query_uses_the_rome_structure_and_says_why(imported_demo):
    query, results = services.search("métiers de la santé")
    assert query.thematic
    assert {r.code for r in results[:2]} == {"J1501", "J1506"}
    assert "Santé" in results[0].reason


def test_interest_query(imported_demo):
    assert codes("travailler avec les enfants ou prendre soin des autres")[:2] != []
    assert "J1506" in codes("prendre soin des autres")


def test_nothing_found_is_counted_by_text_only(imported_demo):
    for _ in range(2):
        query, results = services.search("zzqxj wwvk")
        assert results == []
        services.record_miss(query)
    assert SearchMiss.objects.get(query="zzqxj wwvk").count == 2
    for personal in ("marie.dupont@example.org", "appelez le 06 12 34 56 78"):
        services.record_miss(services.parse(personal))
    assert SearchMiss.objects.count() == 1


def test_suggestions_for_a_query_without_result(imported_demo):
    query, results = services.search("mitorn")  # two letters swapped: too far for an automatic correction
    assert results == []
    assert services.suggestions(query) == ["mitron"]


def test_empty_index_or_query_gives_an_empty_list(db):
    assert services.search("boulanger")[1] == []
    assert services.search("")[1] == []


HOSTILE = [
    '"',
    "*",
    "NEAR(",
    "OR",
    "-",
    "a OR b",
    '"unterminated',
    "NOT x",
    "x:y",
    "^",
    "(",
    ")",
    "\\",
    "'",
    "%",
    "_",
    "😀",
    "\x00",
    "\u202e",
]


@pytest.mark.parametrize("q", [*HOSTILE, "a" * 10_000, " ".join(["mot"] * 500)])
def test_hostile_input_is_harmless(imported_demo, q):
    services.search(q)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(HOSTILE))
def test_any_text_gives_a_list_never_an_error(imported_demo, q):
    _query, results = services.search(q)
    assert isinstance(results, list)
