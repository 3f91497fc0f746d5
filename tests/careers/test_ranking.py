"""The skills-based similarity on small ROMEs written for the test: what counts, what does not, and the
explanation (shared and missing skills) a person is shown."""

import dataclasses

import pytest

from hent.careers.ranking import Model, Person, RomeData, fold, stems

SF, SAVOIR, CONTEXT, ETRE = "savoir_faire", "savoir", "contexte", "savoir_etre"


def rome(links, items=None, occupations=None, **extra):
    """A RomeData from {code: {ogr: core}}; every item a savoir-faire labelled "skill <ogr>" unless given."""
    codes = sorted(links)
    ogrs = {ogr for fiche in links.values() for ogr in fiche}
    items = {ogr: (SF, f"skill {ogr}", None, "") for ogr in ogrs} | (items or {})
    occupations = occupations or [(code, f"Métier {code}", code[:3], "", False) for code in codes]
    rows = [(code, ogr, core) for code, fiche in links.items() for ogr, core in fiche.items()]
    return RomeData(occupations=occupations, items=items, links=rows, **extra)


def test_a_rare_shared_skill_counts_more_than_a_common_one():
    # 1 is shared by every fiche but one; 2 only by the source and A; B shares 1 and 3 (3 is also common).
    filler = {f"Z{n:04d}": {1: "", 3: ""} for n in range(8)}
    model = Model(rome({"S0001": {1: "", 2: ""}, "A0001": {2: "", 9: ""}, "B0001": {1: "", 9: ""}, **filler}))
    ranked = [code for code, _score in model.rank(model.person("S0001"), limit=2)]
    assert ranked[0] == "A0001"


def test_skills_under_the_same_macro_competence_meet():
    items = {
        10: (SF, "Préparer des produits de boulangerie", None, ""),
        11: (SF, "Pétrir une pâte", 10, ""),
        12: (SF, "Cuire des pains", 10, ""),
        20: (SF, "Conduire un véhicule", None, ""),
        21: (SF, "Faire le plein", 20, ""),
    }
    data = rome({"S0001": {11: ""}, "A0001": {12: ""}, "B0001": {21: ""}, "C0001": {20: ""}}, items=items)
    model = Model(data)
    scores = dict(model.rank(model.person("S0001"), limit=None))
    assert scores["A0001"] > scores["B0001"]  # no skill in common, but the same macro-competence


def test_a_person_is_their_savoir_faire_and_savoirs_never_contexts_nor_savoir_etre():
    items = {1: (SF, "Accueillir", None, ""), 2: (SAVOIR, "Hygiène", None, "Normes"), 3: (CONTEXT, "De nuit", None, ""),
             4: (ETRE, "Rigueur", None, "")}  # fmt: skip
    model = Model(rome({"S0001": {1: "principale", 2: "", 3: "", 4: ""}, "A0001": {1: ""}}, items=items))
    assert model.person("S0001").skills == {1, 2}
    assert model.person("S0001", [1, 3, 4, 99]).skills == {1}  # what is not a skill of the ROME is left out
    assert model.skills_of("A0001") == {1} and model.skills_of("X9999") == frozenset()


def test_ranking_leaves_out_the_source_and_excluded_fiches_and_breaks_ties_by_code():
    model = Model(rome({"S0001": {1: ""}, "C0001": {1: ""}, "A0001": {1: ""}, "B0001": {1: ""}}))
    ranked = model.rank(model.person("S0001"), limit=None)
    assert [code for code, _ in ranked] == ["A0001", "B0001", "C0001"]
    assert all(0.0 <= score <= 1.0 for _code, score in ranked)
    assert [c for c, _ in model.rank(model.person("S0001"), limit=None, exclude=["A0001"])] == ["B0001", "C0001"]
    assert model.rank(model.person("S0001"), limit=0) == []


def test_ticking_fewer_skills_changes_the_ranking():
    model = Model(rome({"S0001": {1: "", 2: ""}, "A0001": {1: ""}, "B0001": {2: ""}}))
    assert model.rank(model.person("S0001", [1]), limit=1)[0][0] == "A0001"
    assert model.rank(model.person("S0001", [2]), limit=1)[0][0] == "B0001"


def test_shared_and_missing_skills_core_first_and_contexts_never_listed():
    items = {n: (SF, label, None, "") for n, label in [(1, "b commun"), (2, "a essentiel"), (3, "c à apprendre"),
                                                       (4, "d essentiel à apprendre")]}  # fmt: skip
    items |= {5: (SAVOIR, "e savoir", None, ""), 6: (CONTEXT, "f contexte", None, "")}
    target = {1: "", 2: "principale", 3: "", 4: "principale", 5: "", 6: ""}
    data = rome({"S0001": {1: "", 2: "", 6: ""}, "A0001": target}, items=items)
    model = Model(data)
    person = Person("S0001", frozenset({1, 2}))
    shared, missing = model.shared_and_missing(person, "A0001")
    assert shared == [2, 1]  # the target's core skill first
    assert missing == [4, 3, 5]  # core first, then savoir-faire before savoirs; the work context is not a skill
    assert model.is_core("A0001", 2) and not model.is_core("A0001", 1) and not model.is_core("S0001", 2)


def _families(*extra_codes):
    """Fiches with the same skills: S0001 in the family X0001, A0001 in X0002, B0001 in Y0001, C0001 its own."""
    links = {code: {1: "", 2: ""} for code in ("S0001", "A0001", "B0001", "C0001", *extra_codes)}
    occupations = [
        ("S0001", "Métier S", "S00", "X0001", False),
        ("A0001", "Métier A", "A00", "X0002", False),
        ("B0001", "Métier B", "B00", "Y0001", False),
        ("C0001", "Métier C", "C00", "", False),
    ] + [(code, f"Métier {code}", code[:3], "", False) for code in extra_codes]
    return links, occupations


def test_families_reached_by_the_same_certifications_are_close():
    links, occupations = _families()
    # RNCP 1 prepares for X0001 and X0002; RNCP 2 for X0001 and Y0001 too, but also for C0001: it says less.
    certifications = [(1, "X0001"), (1, "X0002"), (2, "X0001"), (2, "Y0001"), (2, "C0001"), (3, "Y0001"), (4, "C0001")]
    model = Model(rome(links, occupations=occupations, certifications=certifications))
    close = model.features(model.person("S0001"))["certifications"]
    by_code = dict(zip(model.codes, close, strict=True))
    assert by_code["A0001"] > by_code["B0001"] > 0
    assert [code for code, _ in model.rank(model.person("S0001"), limit=1)] == ["A0001"]


def test_families_hiring_in_the_same_sectors_are_close():
    links, occupations = _families()
    sectors = [("X0001", "1071C", 100), ("X0002", "1071C", 50), ("Y0001", "4711D", 100), ("C0001", "4711D", None)]
    model = Model(rome(links, occupations=occupations, hiring_sectors=sectors))
    by_code = dict(zip(model.codes, model.features(model.person("S0001"))["hiring_sectors"], strict=True))
    assert by_code["A0001"] > 0 and by_code["B0001"] == 0 and by_code["C0001"] == 0


def test_without_certifications_nor_sectors_both_features_are_zero():
    links, occupations = _families("D0001")  # D0001 is its own family, absent from the tables
    model = Model(rome(links, occupations=occupations, certifications=[(1, "X0001"), (1, "X0002")]))
    features = model.features(model.person("D0001"))
    assert set(features["certifications"]) == {0.0} and set(features["hiring_sectors"]) == {0.0}


def test_the_model_is_built_from_the_rome_without_its_career_moves():
    # The yardstick of the benchmark stays out of the ranking: nothing in its input carries the curated moves.
    assert not [f.name for f in dataclasses.fields(RomeData) if "mob" in f.name or "move" in f.name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Pétrir une pâte", "petrir une pate"), ("Cœur de MÉTIER", "coeur de metier"), ("", ""), (None, "")],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_stems_leave_out_short_and_common_words():
    assert stems("Cuire des pains et des viennoiseries") == ["cuire", "pains", "viennoi"]
