import pytest

from hent.search.text import fold, singular, words


def test_fold_removes_case_accents_ligatures_and_punctuation():
    assert fold("Maître-Chien / Œnologue (H/F)") == "maitre chien oenologue h f"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("chevaux", "cheval"), ("infirmieres", "infirmiere"), ("bijoux", "bijou"), ("bus", "bus"), ("commis", "commis")],
)
def test_singular(word, expected):
    assert singular(word) == expected


def test_words_keep_stop_words_unreduced():
    assert words("Travailler dans les espaces verts") == ["travailler", "dans", "les", "espace", "vert"]
