"""The questionnaire's data file, and the answers carried from screen to screen."""

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hent.explore import questionnaire as qn

Q = qn.load()


def test_thirty_activities_five_per_type_on_six_screens_of_five():
    assert len(Q.items) == 30 and Q.steps == 6
    assert Counter(item.type for item in Q.items) == dict.fromkeys("RIASEC", 5)
    assert [len(Q.step_items(step)) for step in range(1, 7)] == [5] * 6


def test_types_are_mixed_on_every_screen():
    for step in range(1, Q.steps + 1):
        types = [item.type for item in Q.step_items(step)]
        assert len(set(types)) == len(types), f"screen {step} asks twice about one type: {types}"
    sequence = [item.type for item in Q.items]
    assert all(a != b for a, b in pairwise(sequence)), "two items of a type follow each other"
    # Each type is left out of exactly one screen: no screen leans towards a type.
    missing = [set("RIASEC") - {item.type for item in Q.step_items(step)} for step in range(1, Q.steps + 1)]
    assert sorted(letter for m in missing for letter in m) == sorted("RIASEC")


def test_items_are_short_activities_in_plain_words():
    ids = [item.id for item in Q.items]
    assert len(set(ids)) == len(ids)
    for item in Q.items:
        assert len(item.text) <= qn.MAX_TEXT_LENGTH
        assert len(item.text.split()) <= 9, f"{item.id}: too long to read quickly"
        assert item.text[0].isupper() and not item.text.endswith((".", "?", "!")), item.id
        assert not re.search(r"\bmétiers?\b|\bprofession", item.text, re.I), f"{item.id} names a job, not an activity"
        assert "·" not in item.text, f"{item.id}: write both forms in full rather than a median dot"
    # The one person noun that varies with gender is written in both forms.
    assert "Être délégué ou déléguée de classe" in [item.text for item in Q.items]


def test_the_brief_examples_are_there():
    texts = {item.text for item in Q.items}
    assert {"Faire une expérience de sciences", "Dessiner ou inventer une histoire", "Ranger et classer des documents",
            "Aider un camarade qui a du mal en classe"} <= texts  # fmt: skip


def write(tmp_path, text):
    path = tmp_path / "q.toml"
    path.write_text(text, encoding="utf-8")
    return path


def items_toml(rows):
    return "version = 1\n" + "".join(f'[[items]]\nid = "{i}"\ntype = "{t}"\ntext = "{x}"\n' for i, t, x in rows)


VALID = [(f"{'abcdef'[n // 5]}{'vwxyz'[n % 5]}", "RIASEC"[n // 5], f"Activité {n}") for n in range(30)]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([*VALID[:29], ("zz", "Z", "Voler")], "'type' must be one of"),
        ([*VALID[:29], (VALID[0][0], "C", "Encore")], "used twice"),
        ([*VALID[:29], ("zz", "R", "Réparer")], "type R has 6 items"),
        ([*VALID[:29], ("zz", "C", "x" * 71)], r"'text' must be 1 to 70 characters"),
        ([*VALID[:29], ("Z-1", "C", "Compter")], "'id' must be lower-case letters"),
    ],
)
def test_a_faulty_file_says_which_item_and_why(tmp_path, rows, message):
    with pytest.raises(qn.QuestionnaireError, match=message):
        qn.read(write(tmp_path, items_toml(rows)))


def test_a_faulty_file_structure_is_reported(tmp_path):
    assert qn.read(write(tmp_path, items_toml(VALID))).version == "1"
    with pytest.raises(qn.QuestionnaireError, match="version"):
        qn.read(write(tmp_path, items_toml(VALID).replace("version = 1", "version = 0")))
    with pytest.raises(qn.QuestionnaireError, match="unknown field"):
        qn.read(write(tmp_path, items_toml(VALID).replace('text = "Activité 0"', 'text = "A"\ncolour = "red"')))
    with pytest.raises(qn.QuestionnaireError, match=r"q\.toml"):
        qn.read(write(tmp_path, "version = [unclosed"))


def test_answers_in_the_url_are_checked():
    full = "3210x-" * 5
    assert qn.parse_answers(Q, full, "1") == full
    assert qn.parse_answers(Q, full, None) == full  # no version: the current one
    assert qn.parse_answers(Q, "", None) == "-" * 30 == qn.parse_answers(Q, None, "1")
    for bad in ("3" * 29, "3" * 31, "3" * 29 + "9", "3" * 29 + "<", "3" * 1000):
        with pytest.raises(qn.BadAnswers) as exc:
            qn.parse_answers(Q, bad, "1")
        assert exc.value.reason == "format"
    with pytest.raises(qn.BadAnswers) as exc:
        qn.parse_answers(Q, full, "2")
    assert exc.value.reason == "version"


@given(text=st.text(max_size=80), version=st.one_of(st.none(), st.text(max_size=5)))
def test_any_answers_text_is_read_or_refused_never_crashes(text, version):
    try:
        answers = qn.parse_answers(Q, text, version)
    except qn.BadAnswers as exc:
        assert exc.reason in ("format", "version")
    else:
        assert len(answers) == 30 and set(answers) <= qn.CODES


def test_a_screen_merges_its_answers_and_reports_what_is_missing():
    items = Q.step_items(2)
    answers, errors = qn.apply_step(Q, Q.empty(), 2, {items[0].id: "3", items[1].id: "x"})
    assert answers[items[0].position] == "3" and answers[items[1].position] == "x"
    assert errors == {item.id: qn.MISSING for item in items[2:]}
    assert answers.count("-") == 28  # other screens untouched
    # An answer given before stays when the form leaves it out; a new one replaces it.
    again, errors = qn.apply_step(Q, answers, 2, {items[0].id: "0", **{i.id: "1" for i in items[2:]}})
    assert again[items[0].position] == "0" and again[items[1].position] == "x" and not errors


def test_an_unknown_value_is_refused_and_changes_nothing():
    item = Q.step_items(1)[0]
    before = "3" + "-" * 29
    answers, errors = qn.apply_step(Q, before, 1, {item.id: "<script>"})
    assert answers == before and errors[item.id] == qn.INVALID


@given(data=st.dictionaries(st.sampled_from([i.id for i in Q.items] + ["v", "x"]), st.text(max_size=5)))
def test_any_form_keeps_answers_well_formed(data):
    answers, errors = qn.apply_step(Q, Q.empty(), 3, data)
    assert len(answers) == 30 and set(answers) <= qn.CODES
    changed = {n for n, (a, b) in enumerate(zip(answers, Q.empty(), strict=True)) if a != b}
    assert changed <= {item.position for item in Q.step_items(3)}
    assert set(errors) <= {item.id for item in Q.step_items(3)}
