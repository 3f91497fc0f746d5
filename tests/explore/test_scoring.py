"""Scoring on known answer patterns."""

from hypothesis import given
from hypothesis import strategies as st

from hent.explore import questionnaire as qn
from hent.explore import scoring
from tests.explore.conftest import answers_for

Q = qn.load()


def profile(**by_type):
    return scoring.profile(Q, answers_for(**by_type))


def score_of(result, letter):
    return next(s.score for s in result.scores if s.letter == letter)


def test_all_like_a_lot_on_social_items_puts_social_first():
    result = profile(S="3")
    assert result.status == scoring.OK
    assert result.letters == ["S"] and result.ranked[0].letter == "S"
    assert score_of(result, "S") == 100 and score_of(result, "R") == 0
    assert [item.type for item in result.ranked[0].loved] == ["S"] * 5


def test_two_or_three_strongest_types_in_order():
    answers = list(answers_for(S="3", I="2", E="2", C="1"))
    # One E item lower than the rest: E falls just behind I.
    first_e = next(item for item in Q.items if item.type == "E")
    answers[first_e.position] = "1"
    result = scoring.profile(Q, "".join(answers))
    assert result.status == scoring.OK and result.letters == ["S", "I", "E"] and not result.ties
    assert result.weights == {"S": 3, "I": 2, "E": 1}


def test_tied_types_are_kept_together_and_said_to_be_tied():
    result = profile(S="3", C="3", I="2")
    assert result.groups == [["S", "C"], ["I"]] and result.ties == [["S", "C"]]
    assert result.weights == {"S": 3, "C": 3, "I": 2}


def test_a_tie_at_the_cut_is_kept_when_it_makes_four_types_and_left_out_beyond():
    assert profile(S="3", I="2", A="2", E="2").letters == ["S", "I", "A", "E"]
    result = profile(S="3", I="2", A="2", E="2", C="2")
    assert result.letters == ["S"] and result.left_out == ["I", "A", "E", "C"]


def test_four_types_equally_strongest_is_a_flat_profile():
    assert profile(R="3", I="3", A="3", S="3").status == scoring.FLAT


def test_flat_and_low_profiles_say_so_and_keep_no_type():
    assert profile(rest="2").status == scoring.FLAT  # everything "Un peu"
    assert profile(rest="3").status == scoring.FLAT  # everything "J'aime beaucoup"
    assert profile(rest="0").status == scoring.LOW  # nothing liked
    assert profile(S="1", rest="0").status == scoring.LOW  # "Pas trop" is not liking
    for result in (profile(rest="2"), profile(rest="0")):
        assert result.groups == [] and result.letters == []


def test_a_small_difference_is_flat_a_clear_one_is_not():
    answers = list(answers_for(rest="2"))
    s_items = [item for item in Q.items if item.type == "S"]
    for item in s_items[:2]:
        answers[item.position] = "3"  # S = 80 against 67 for the others: less than FLAT_SPREAD
    assert scoring.profile(Q, "".join(answers)).status == scoring.FLAT
    answers[s_items[2].position] = "3"  # S = 87: 20 points ahead
    result = scoring.profile(Q, "".join(answers))
    assert result.status == scoring.OK and result.letters == ["S"]
    assert result.left_out == ["R", "I", "A", "E", "C"]  # five types tied just behind: too many to keep


def test_skipped_items_do_not_count():
    answers = list(answers_for(S="3"))
    s_items = [item for item in Q.items if item.type == "S"]
    answers[s_items[0].position] = qn.DONT_KNOW
    answers[s_items[1].position] = qn.UNANSWERED
    result = scoring.profile(Q, "".join(answers))
    s = next(x for x in result.scores if x.letter == "S")
    assert (s.answered, s.skipped, s.score) == (3, 2, 100)
    assert result.letters == ["S"] and result.skipped == 1 and result.unanswered == 1


def test_a_type_with_fewer_than_two_answers_has_no_score_but_the_others_do():
    answers = list(answers_for(S="3", A="x"))
    a_item = next(item for item in Q.items if item.type == "A")
    answers[a_item.position] = "3"
    result = scoring.profile(Q, "".join(answers))
    assert score_of(result, "A") is None and result.unscored == ["A"]
    assert result.status == scoring.OK and result.letters == ["S"]


def test_too_many_skipped_items_give_no_profile():
    assert profile(rest="x").status == scoring.INCOMPLETE
    assert scoring.profile(Q, Q.empty()).status == scoring.INCOMPLETE
    assert profile(S="3", I="3", A="x", E="x", C="x", R="x").status == scoring.INCOMPLETE


def test_a_profile_given_as_letters():
    p = scoring.profile_from_letters("sia")
    assert p.code == "SIA" and p.weights == {"S": 3, "I": 2, "A": 1} and not p.from_answers
    for bad in ("", "SS", "SIAE", "XYZ", "S-I", None, "ＳＩ"):
        assert scoring.profile_from_letters(bad) is None


@given(st.text(alphabet="3210x-", min_size=30, max_size=30))
def test_any_answers_give_a_consistent_profile(answers):
    result = scoring.profile(Q, answers)
    assert result.status in (scoring.OK, scoring.FLAT, scoring.LOW, scoring.INCOMPLETE)
    scores = {s.letter: s.score for s in result.scores}
    if result.status != scoring.OK:
        assert result.groups == []
        return
    assert 1 <= len(result.letters) <= scoring.MAX_WITH_TIES
    # The profile holds the strongest types, each liked, and nothing left outside it beats anything inside it.
    inside = [scores[letter] for letter in result.letters]
    outside = [v for letter, v in scores.items() if letter not in result.letters and v is not None]
    assert min(inside) >= scoring.LIKED
    assert not outside or max(outside) <= min(inside)
    # Within a group the scores are equal, and groups go from strongest to weakest.
    group_scores = [{scores[letter] for letter in group} for group in result.groups]
    assert all(len(g) == 1 for g in group_scores)
    values = [g.pop() for g in group_scores]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
