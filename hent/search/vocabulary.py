"""The curated vocabulary: what people type (acronyms, short and everyday words, English titles)
and what it means in the words of the ROME. The data lives in ``data/vocabulary.tsv``, reviewable
by editors and checked by tests; no entry lives in code."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hent.search.text import STOPWORDS, words

VOCABULARY_FILE = Path(__file__).parent / "data" / "vocabulary.tsv"
KINDS = {"acronym", "abbreviation", "colloquial", "english", "old_name", "topic"}


@dataclass(frozen=True)
class Meaning:
    words: tuple[str, ...]
    is_topic: bool  # a field of work ("voiture" -> "automobile"), not another name of a job


@dataclass(frozen=True)
class Entry:
    term: str
    means: tuple[str, ...]
    kind: str
    line: int


def read_entries(path=VOCABULARY_FILE):
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name} line {number}: expected term<TAB>means<TAB>kind")
        term, means, kind = (p.strip() for p in parts)
        if kind not in KINDS:
            raise ValueError(f"{path.name} line {number}: unknown kind {kind!r}")
        entries.append(Entry(term, tuple(m.strip() for m in means.split("|") if m.strip()), kind, number))
    return entries


class Vocabulary:
    def __init__(self, entries):
        self.terms = {}
        for entry in entries:
            key = tuple(words(entry.term))
            meanings = [tuple(w for w in words(m) if w not in STOPWORDS) for m in entry.means]
            self.terms.setdefault(key, []).extend(Meaning(m, entry.kind == "topic") for m in meanings if m)
        self.longest = max((len(k) for k in self.terms), default=0)

    def longest_match(self, tokens, start):
        """The longest curated term starting at tokens[start], with its meanings, else (None, [])."""
        for size in range(min(self.longest, len(tokens) - start), 0, -1):
            key = tuple(tokens[start : start + size])
            if key in self.terms:
                return key, self.terms[key]
        return None, []


@lru_cache(maxsize=1)
def load_vocabulary():
    return Vocabulary(read_entries())
