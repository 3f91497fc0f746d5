"""Occupation search that understands how people name jobs.

A query goes through four steps:

1. **Reading** (``parse``): the text is folded (case, accents, plurals) and cut into
   *groups*, one per thing the person typed. A group has alternatives: the word itself,
   what the curated vocabulary says it means ("kiné" -> "masseur kinésithérapeute"),
   close words of the index when it is misspelt ("osteopate" -> "osteopathe"), and the
   word as the beginning of a longer one ("boulang").
2. **Retrieval**: the database's full-text index returns job-title entries matching every
   group (or, failing that, any group) and thematic entries (domains, interests, themes,
   sectors, skills) matching the query's stems.
3. **Ranking** (``score_title``, ``score_facet``): a title scores by how much of the query it
   covers and how much of the title the query covers; a literal word beats a correction.
   Thematic entries carry their occupations, ranked higher for explicit thematic queries
   ("métiers de la mer", "travailler avec les animaux").
4. **One result per occupation**, best first, saying which title or theme matched.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import F
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from hent.core.text import clean_input
from hent.occupations import services as occupations
from hent.search import index
from hent.search.models import SearchMiss
from hent.search.text import DIPLOMA_WORDS, STOPWORDS, THEMATIC_CUES, stem, words
from hent.search.vocabulary import load_vocabulary

MAX_QUERY_WORDS = 12
CANDIDATES = 400
LITERAL, EXPANSION, PREFIX, VARIANT, TOPIC, CORRECTION = 1.0, 0.96, 0.9, 0.85, 0.85, 0.82

FACET_NAMES = {
    "grand_domaine": "domaine",
    "domaine": "domaine",
    "interest": "envie",
    "theme": "thème",
    "sector": "secteur",
    "subsector": "secteur",
    "skill": "compétence",
}


@dataclass
class Alternative:
    words: tuple[str, ...]
    quality: float
    prefix: bool = False  # the last word may be the beginning of a longer word

    def terms(self):
        return [(w, self.prefix and i == len(self.words) - 1) for i, w in enumerate(self.words)]


@dataclass
class Group:
    typed: str
    alternatives: list[Alternative] = field(default_factory=list)
    topic: tuple[str, ...] = ()  # stems for thematic matching


@dataclass
class Query:
    text: str
    groups: list[Group]
    thematic: bool

    @property
    def empty(self):
        return not self.groups


@dataclass
class Result:
    code: str
    title: str
    matched_title: str
    score: float
    domaine: str = ""
    reason: str = ""
    url: str = ""


# -- reading the query -------------------------------------------------------------


@lru_cache(maxsize=4)
def _vocabulary_index(built_at):
    """Title words with their frequency, for corrections and prefixes (cached per index build)."""
    counts = index.vocabulary()
    ordered = sorted(counts, key=lambda w: (-counts[w], w))
    return counts, ordered, sorted(counts)


def _title_words():
    state = index.state()
    return _vocabulary_index(state.built_at if state else None)


def corrections(word, counts, ordered, limit=3, reach=0):
    """Close words of the index: one edit for short words, two for longer ones (``reach`` more for suggestions)."""
    if len(word) < 4 or word.isdigit():
        return []
    distance = (1 if len(word) < 8 else 2) + reach
    found = process.extract(word, ordered, scorer=Levenshtein.distance, score_cutoff=distance, limit=20)
    found.sort(key=lambda m: (m[1], -counts[m[0]]))
    return [(w, d) for w, d, _ in found[:limit]]


COMPOUND_PREFIXES = (
    "agro",
    "agri",
    "bio",
    "eco",
    "electro",
    "hydro",
    "micro",
    "aero",
    "tele",
    "radio",
    "geo",
    "photo",
    "thermo",
    "petro",
    "auto",
    "cyber",
    "nano",
    "multi",
    "inter",
    "psycho",
    "neuro",
)


def variants(word):
    """Other spellings of a word worth trying: without a final e ("analyste" -> "analyst",
    "agente" -> "agent"), and the second half of a compound ("agroalimentaire" -> "alimentaire")."""
    found = []
    if len(word) > 4 and word.endswith("e"):
        found.append(word[:-1])
    for prefix in COMPOUND_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            found.append(word[len(prefix) :])
    return found


def _is_prefix(word, alphabetical):
    """Is word the beginning of a longer index word ("boulang" -> "boulanger")?"""
    if len(word) < 3:
        return False
    i = bisect.bisect_right(alphabetical, word)
    return i < len(alphabetical) and alphabetical[i].startswith(word)


def parse(raw):
    text = clean_input(raw)
    tokens = words(text)[: MAX_QUERY_WORDS * 2]
    counts, ordered, alphabetical = _title_words()
    vocabulary = load_vocabulary()
    groups, i = [], 0
    thematic = any(t in THEMATIC_CUES for t in tokens)
    content = [t for t in tokens if t not in STOPWORDS]
    if content and content[0] not in counts and re.search(r"(er|ir|re)$", content[0]) and len(content) > 1:
        thematic = True  # "réparer des voitures", "soigner les animaux"
    while i < len(tokens) and len(groups) < MAX_QUERY_WORDS:
        term, meanings = vocabulary.longest_match(tokens, i)
        if term:
            literal = tuple(w for w in term if w not in STOPWORDS)
            group = Group(typed=" ".join(term), topic=tuple(stem(w) for w in literal))
            if literal and all(w in counts for w in literal):
                group.alternatives.append(Alternative(literal, LITERAL))
            for rank_, meaning in enumerate(meanings):
                quality = (TOPIC if meaning.is_topic else EXPANSION) - 0.01 * min(rank_, 3)
                group.alternatives.append(Alternative(meaning.words, quality))
                if meaning.is_topic:
                    group.topic += tuple(stem(w) for w in meaning.words)
            groups.append(group)
            i += len(term)
            continue
        word = tokens[i]
        i += 1
        if word in STOPWORDS or (thematic and word in THEMATIC_CUES):
            continue
        is_last = i == len(tokens)
        group = Group(typed=word, topic=(stem(word),))
        if word in counts:
            group.alternatives.append(Alternative((word,), LITERAL))
        if is_last and _is_prefix(word, alphabetical):
            group.alternatives.append(Alternative((word,), PREFIX, prefix=True))
        for variant in variants(word):
            if variant in counts:
                group.alternatives.append(Alternative((variant,), VARIANT, prefix=is_last))
                group.topic += (stem(variant),)
        if word not in counts:
            for fixed, distance in corrections(word, counts, ordered):
                group.alternatives.append(Alternative((fixed,), CORRECTION - 0.06 * (distance - 1)))
                group.topic += (stem(fixed),)
        groups.append(group)
    return Query(text=text, groups=groups, thematic=thematic)


# -- ranking -----------------------------------------------------------------------


def _covers(alt, entry_words):
    if alt.prefix:
        *head, last = alt.words
        return all(w in entry_words for w in head) and any(e.startswith(last) for e in entry_words)
    return all(w in entry_words for w in alt.words)


def score_title(query, entry):
    """(score, quality per group) of one title entry for the query."""
    entry_words = entry["text"].split()
    entry_set = set(entry_words)
    matched_words = set()
    qualities = []
    for group in query.groups:
        best = 0.0
        for alt in group.alternatives:
            if alt.quality > best and _covers(alt, entry_set):
                best = alt.quality
                matched_words.update(w for w in alt.words if w in entry_set)
                if alt.prefix:
                    matched_words.update(e for e in entry_set if e.startswith(alt.words[-1]))
        qualities.append(best)
    coverage = sum(qualities) / len(query.groups)
    if not coverage:
        return 0.0, qualities
    content = [w for w in entry_words if w not in STOPWORDS and w not in DIPLOMA_WORDS] or entry_words
    precision = sum(1 for w in content if w in matched_words) / len(content)
    score = coverage**2 * (0.55 + 0.45 * precision) * entry["weight"]
    first_group = query.groups[0]
    if any(alt.words and entry_words[0] == alt.words[0] for alt in first_group.alternatives):
        score += 0.02  # "infirmier de bloc" rather than "cadre infirmier" for "infirmier"
    return min(score, 1.0), qualities


class TitleEvidence:
    """What an occupation's titles say about a query, taken together.

    The best single title counts most; an occupation whose titles together cover every
    word typed ("opérateur de production" + "agroalimentaire") and one with many titles
    fitting the query (the 15 "infirmier" titles of J1506) earn a little more.
    """

    def __init__(self, n_groups):
        self.best, self.label, self.best_coverage = 0.0, "", 0.0
        self.union = [0.0] * n_groups
        self.labels = {}

    def add(self, score, qualities, label):
        coverage = sum(qualities) / len(qualities)
        self.union = [max(a, b) for a, b in zip(self.union, qualities, strict=True)]
        self.labels[label] = max(self.labels.get(label, 0.0), coverage)
        if score > self.best:
            self.best, self.label, self.best_coverage = score, label, coverage

    def score(self):
        union_coverage = sum(self.union) / len(self.union)
        similar = sum(1 for c in self.labels.values() if c >= self.best_coverage - 1e-9)
        bonus = 0.25 * max(0.0, union_coverage**2 - self.best_coverage**2) + 0.008 * min(similar - 1, 10)
        return min(self.best + bonus, 1.0)


def score_facet(query, entry):
    stems = set(entry["text"].split())
    matched = [g for g in query.groups if g.topic and any(s in stems for s in g.topic)]
    if not matched:
        return 0.0
    coverage = len(matched) / len(query.groups)
    precision = sum(1 for s in stems if any(s in g.topic for g in matched)) / len(stems)
    return coverage**1.5 * (0.6 + 0.4 * precision) * entry["weight"]


def _clauses(groups):
    return [[alt.terms() for alt in g.alternatives] for g in groups if g.alternatives]


def title_evidence(query, kind, limit):
    """{reference: TitleEvidence} of the named entries of a kind ("title": occupations, "training")."""
    clauses = _clauses(query.groups)
    rows = index.candidates(kind, clauses, CANDIDATES) if clauses else []
    if len(rows) < limit and len(clauses) > 1:
        rows += index.candidates(kind, [[alt for clause in clauses for alt in clause]], CANDIDATES)
    evidence = {}
    for row in rows:
        score, qualities = score_title(query, row)
        if score:
            found = evidence.setdefault(row["occupations"], TitleEvidence(len(query.groups)))
            found.add(score, qualities, row["label"])
    return evidence


def rank(query, limit):
    if query.empty:
        return []
    best = {}  # code -> (score, matched label, reason)

    def offer(code, score, label, reason=""):
        if score > best.get(code, (0,))[0]:
            best[code] = (score, label, reason)

    for code, found in title_evidence(query, "title", limit).items():
        offer(code, found.score(), found.label)

    topic_terms = sorted({s for g in query.groups for s in g.topic if len(s) >= 2})
    if topic_terms:
        facet_rows = index.candidates("facet", [[[(s, False)] for s in topic_terms]], CANDIDATES)
        factor = 1.0 if query.thematic else 0.5
        per_code = {}
        for row in facet_rows:
            score = score_facet(query, row) * factor
            if not score:
                continue
            for code in row["occupations"].split():
                principal = code.endswith("*")
                code = code.rstrip("*")
                value = score * (1.0 if principal or row["facet"] != "skill" else 0.9)
                current = per_code.setdefault(code, [0.0, 0, row])
                if value > current[0]:
                    current[0], current[2] = value, row
                current[1] += 1
        for code, (score, hits, row) in per_code.items():
            score = min(score + 0.01 * min(hits - 1, 3), 1.0)  # several groupings agree
            offer(code, score, None, f"{FACET_NAMES[row['facet']]} : {row['label']}")

    ordered = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return ordered


def search(raw, limit=10):
    """The occupations that best match what was typed, best first, one per occupation."""
    query = parse(raw)
    ranked = rank(query, limit)
    if not ranked:
        return query, []
    found = {o.code: o for o in occupations.occupations_queryset().filter(code__in=[c for c, _ in ranked])}
    results = []
    for code, (score, label, reason) in ranked:
        occupation = found.get(code)
        if occupation is None:
            continue
        results.append(
            Result(
                code=code,
                title=occupation.title,
                matched_title=label or occupation.title,
                score=round(score, 3),
                domaine=occupation.domaine.label,
                reason=reason,
                url=occupation.get_absolute_url(),
            )
        )
    return query, results


def suggestions(query, limit=3):
    """ "Vouliez-vous dire…": the query with its words replaced by farther index words, when that finds something."""
    counts, ordered, _ = _title_words()
    options = []
    for group in query.groups:
        fixes = [w for w, _ in corrections(group.typed, counts, ordered, reach=1)] if " " not in group.typed else []
        options.append(fixes or [group.typed])
    found = []
    for i in range(max((len(o) for o in options), default=0)):
        suggestion = " ".join(o[min(i, len(o) - 1)] for o in options)
        if suggestion != query.text and suggestion not in found and rank(parse(suggestion), 1):
            found.append(suggestion)
    return found[:limit]


_PERSONAL = re.compile(r"@|\d{4,}|(\d[\s.-]?){6,}")


def record_miss(query):
    """Count a search without result, by its text only; texts that look like an e-mail or phone are not kept."""
    text = " ".join(query.text.lower().split())[:200]
    if not text or _PERSONAL.search(text):
        return
    updated = SearchMiss.objects.filter(query=text).update(count=F("count") + 1)
    if not updated:
        SearchMiss.objects.get_or_create(query=text)
