import pytest

from hent.search.text import words
from hent.search.vocabulary import VOCABULARY_FILE, Vocabulary, read_entries


def test_curated_file_parses_and_has_each_kind():
    entries = read_entries()
    kinds = {e.kind for e in entries}
    assert {"acronym", "abbreviation", "colloquial", "english", "topic"} <= kinds
    assert len(entries) > 500


def test_curated_terms_are_unique_once_normalised():
    seen = {}
    for entry in read_entries():
        key = tuple(words(entry.term))
        assert key not in seen, f"line {entry.line}: {entry.term!r} repeats line {seen[key]}"
        seen[key] = entry.line


def test_every_entry_has_a_meaning():
    assert all(entry.means for entry in read_entries())


def test_malformed_lines_are_reported_with_their_number(tmp_path):
    bad = tmp_path / "vocabulary.tsv"
    bad.write_text("# comment\nkiné\tmasseur kinésithérapeute\n")
    with pytest.raises(ValueError, match="line 2: expected term<TAB>means<TAB>kind"):
        read_entries(bad)
    bad.write_text("kiné\tmasseur\tslang\n")
    with pytest.raises(ValueError, match="line 1: unknown kind 'slang'"):
        read_entries(bad)


def test_longest_term_wins(tmp_path):
    path = tmp_path / "v.tsv"
    path.write_text("prof\tprofesseur\tabbreviation\nprof de maths\tprofesseur mathématiques\tabbreviation\n")
    vocabulary = Vocabulary(read_entries(path))
    term, meanings = vocabulary.longest_match(words("prof de maths au collège"), 0)
    assert term == ("prof", "de", "math") and meanings[0].words == ("professeur", "mathematique")
    assert VOCABULARY_FILE.exists()
