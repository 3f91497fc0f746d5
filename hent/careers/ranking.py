"""Which occupations are close to a person's skills: a similarity between occupations from the ROME 4.0 alone.

The ROME publishes, for every fiche, its skills ("items", each with an OGR code): savoir-faire
(competences and the macro-competences that group them), savoirs (knowledge), savoir-être and
work contexts, each marked "cœur de métier" (core) or not. It also publishes, separately, the
career moves its editors chose for each fiche (``Mobility``). This module never reads those moves:
they are the yardstick the ranking is measured against (``bench/transitions.py``).

A person is described by the skills they have: by default every savoir-faire and savoir of the
occupation they do or did, or the ones they ticked, plus those they added from other fiches. The
work contexts and savoir-être of that occupation complete the picture (they are not ticked).

Every other fiche gets a score between 0 and 1, the weighted mean of these features (each in [0, 1]):

``skills``
    Cosine similarity of skill vectors. A fiche is the set of its items, each weighted by its IDF
    (``log(N / number of fiches that list it)``: a skill few fiches share says more than "Travailler
    en équipe"), times 1.5 when it is core. A competence also counts for the macro-competence it
    belongs to (its parent in the ROME's competence tree), so "Pétrir une pâte" and "Cuire des
    pains" meet in "Préparer des produits de boulangerie".
``wording``
    Cosine similarity of the words of those same skills (TF-IDF of stemmed words, accents and
    case folded). Two fiches can ask for "Conduire un engin agricole" and "Conduire un engin de
    chantier": different items, close skills.
``used``
    The share of the person's skills (savoir-faire and savoirs) the fiche also lists, weighted by
    IDF: what is shown to the person as "uses 7 of your 10 skills", counted without weights.
``core``
    The share of the fiche's own core skills the person has (IDF-weighted): the gap to close.
``names``
    Cosine similarity of the words of the two fiches' job titles (all their appellations): "Secrétaire
    comptable" and "Secrétaire" are named alike.
``definition``
    Cosine similarity of the words of the two fiches' definitions.
``generic``
    1 when the fiche kept its ROME v3 code (``code_rome_parent`` is its own code): such fiches are the
    broad trades other fiches were split from, so they are open to more people.
``no_step_down``
    0 when the person's fiche is an executive job and this one is not: the ranking does not put a
    step back first. 1 otherwise.
``sectors``, ``interests``
    Cosine similarity of the activity sectors and of the centres d'intérêt of the two fiches.
``domaine``
    1 when both fiches are in the same domaine professionnel.
``certifications``
    Cosine similarity of the certifications that lead to the two fiches' families. The RNCP (France
    compétences) lists, for every certification, the ROME v3 codes it prepares for; a fiche belongs to the
    family of its ROME v3 code (``code_rome_parent``). A family is the set of certifications that list it,
    each weighted by its IDF (a certification listed for two families says more than one listed for
    twenty). Two families reached by the same diplomas are close: "Comptable" and "Contrôleur de gestion"
    (0.16), not "Comptable" and "Boulanger" (0). Fiches of the same family get 1, when the RNCP lists it.
``hiring_sectors``
    Cosine similarity of the economic sectors (NAF sub-classes) that hire for the two fiches' families, from
    La Bonne Boîte's ROME–NAF table, each sector weighted by ``log(1 + hires)`` times its IDF.

The last two come from other publishers' tables, keyed by ROME v3 codes; neither is a list of career moves.
When they are not imported, both are 0 for every fiche.

The weights (``WEIGHTS``) are global: one number per feature, the same for every fiche, fitted
by ``bench/transitions.py --fit`` (coordinate ascent on the recall of the ROME's curated moves,
with a two-fold cross-validation over source fiches printed next to it, so that the gain is not an
artefact of the fit). No fiche has a rule of its own.

What the person is shown stays the skills: the ones they have that the fiche uses, and the ones it
asks for that they lack, core skills first. The other features only order the list.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

SKILL_KINDS = ("savoir_faire", "savoir")  # what a person ticks
CONTEXT_KINDS = ("savoir_etre", "contexte")  # what comes with the occupation they did
CORE = "principale"
CORE_WEIGHT = 1.5

WEIGHTS = {
    "skills": 2.25,
    "wording": 4.5,
    "used": 1.4,
    "core": 2.2,
    "names": 2.75,
    "definition": 2.75,
    "generic": 1.25,
    "no_step_down": 1.55,
    "sectors": 0.125,
    "interests": 0.2,
    "domaine": 0.3,
    "certifications": 1.0,
    "hiring_sectors": 1.0,
}
FEATURES = tuple(WEIGHTS)

# -- words ---------------------------------------------------------------------------

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette d dans de des du e en et etc l la le les leur leurs ou par pour qu que qui s sa se
    ses son sur un une y est sont peut selon ainsi tout toute tous toutes autre autres afin lors elle il ils elles
    """.split()
)


def fold(text):
    """Lower case, no accents, no punctuation: "Pétrir une pâte" -> "petrir une pate"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES).lower())
    return _NON_WORD.sub(" ", _COMBINING.sub("", text)).strip()


STEM_LENGTH = 7


def stems(text):
    """The meaningful words of a text, cut to their first letters (a crude, fast stemming that does as well
    here as a real French stemmer): "Cuire des pains" -> ["cuire", "pains"], "Préparer" -> "prepare"."""
    return folded_stems(fold(text))


def folded_stems(folded):
    """``stems`` of a text already folded."""
    return [w[:STEM_LENGTH] for w in folded.split() if len(w) > 1 and w not in _STOPWORDS]


# -- sparse vectors ------------------------------------------------------------------


def _normalised(vector):
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


def _tfidf(counts, idf):
    return _normalised({k: (1 + math.log(n)) * idf[k] for k, n in counts.items() if idf.get(k)})


class SparseIndex:
    """Normalised TF-IDF vectors of the fiches, with an inverted index for cosine similarities."""

    def __init__(self, n, documents):
        """``documents``: for each fiche (by position), a {term: weight} of raw term weights."""
        df = defaultdict(int)
        for doc in documents:
            for term in doc:
                df[term] += 1
        self.n = n
        self.idf = {term: math.log(n / d) for term, d in df.items() if d < n}
        self.vectors = [_normalised({t: w * self.idf[t] for t, w in doc.items() if t in self.idf}) for doc in documents]
        self.postings = defaultdict(list)
        for i, vector in enumerate(self.vectors):
            for term, w in vector.items():
                self.postings[term].append((i, w))

    def query(self, raw):
        """A query vector made the way the fiches' were (raw weights times IDF, normalised)."""
        return _normalised({t: w * self.idf[t] for t, w in raw.items() if t in self.idf})

    def cosines(self, vector):
        """[cosine with every fiche], for a normalised vector."""
        scores = [0.0] * self.n
        for term, qw in vector.items():
            for i, w in self.postings.get(term, ()):
                scores[i] += qw * w
        return scores


class FamilyIndex:
    """Cosine similarities between ROME v3 families described by {family: {term: raw weight}} (IDF-weighted)."""

    def __init__(self, documents):
        self.families = sorted(documents)
        self.index = SparseIndex(len(self.families), [documents[f] for f in self.families])
        self.position = {family: i for i, family in enumerate(self.families)}

    def cosines(self, family):
        """{family: cosine} with a family (empty when the family is not in the table)."""
        i = self.position.get(family)
        if i is None:
            return {}
        scores = self.index.cosines(self.index.vectors[i])
        return {f: score for f, score in zip(self.families, scores, strict=True) if score}


# -- the model -----------------------------------------------------------------------


@dataclass
class RomeData:
    """What the ranking reads from the ROME, as plain rows (see ``hent.careers.services.rome_data``)."""

    occupations: list  # [(code, title, domaine code, parent code, executive)]
    items: dict  # {ogr: (kind, label, macro ogr or None, category)}
    links: list  # [(code, ogr, core)]
    names: list = field(default_factory=list)  # [(code, job title)]
    definitions: list = field(default_factory=list)  # [(code, text)]
    sectors: list = field(default_factory=list)  # [(code, sector code)]
    interests: list = field(default_factory=list)  # [(code, centre d'intérêt code)]
    certifications: list = field(default_factory=list)  # [(certification id, ROME v3 code)] (RNCP)
    hiring_sectors: list = field(default_factory=list)  # [(ROME v3 code, NAF code, hires or None)] (La Bonne Boîte)


@dataclass
class Person:
    """Whom the ranking is for: the occupation they did and the skills they have."""

    source: str
    skills: frozenset  # OGR codes of savoir-faire and savoirs


class Model:
    """Everything the ranking needs, computed once per process and ROME version (``services.model()``)."""

    def __init__(self, data: RomeData):
        self.codes = [o[0] for o in data.occupations]
        self.position = {code: i for i, code in enumerate(self.codes)}
        n = len(self.codes)
        self.titles = {o[0]: o[1] for o in data.occupations}
        self.items = data.items
        self.item_links = [{} for _ in range(n)]  # position -> {ogr: core}
        for code, ogr, core in data.links:
            i = self.position.get(code)
            if i is not None and ogr in data.items:
                self.item_links[i][ogr] = core or ""
        # How many fiches list each item: the order of the skill search and the IDF of ``used``/``core``.
        self.popularity = defaultdict(int)
        for links in self.item_links:
            for ogr in links:
                self.popularity[ogr] += 1
        self.skill_idf = {ogr: math.log((n + 1) / d) for ogr, d in self.popularity.items()}

        self.skills_index = SparseIndex(n, [self._skill_terms(links) for links in self.item_links])
        # Labels folded (the order of skills in lists, the words of ``wording``).
        self.folded = {ogr: fold(item[1]) for ogr, item in data.items.items() if ogr in self.popularity}
        self.label_stems = {ogr: folded_stems(text) for ogr, text in self.folded.items()}
        # The folded words of the skills' labels, for the skill search.
        self.label_words = {ogr: text.split() for ogr, text in self.folded.items() if self.is_skill(ogr)}
        self.wording_index = SparseIndex(n, [self._word_counts(links) for links in self.item_links])

        # ``used`` and ``core``: the fiches that list each skill, and the core skills of each fiche.
        self.skill_postings = defaultdict(list)
        self.core_postings = defaultdict(list)
        self.core_totals = [0.0] * n
        for i, links in enumerate(self.item_links):
            skills = {ogr: core for ogr, core in links.items() if self.is_skill(ogr)}
            core = [ogr for ogr, c in skills.items() if c == CORE] or list(skills)
            for ogr in skills:
                self.skill_postings[ogr].append(i)
            for ogr in core:
                self.core_postings[ogr].append(i)
                self.core_totals[i] += self.skill_idf[ogr]

        names = [defaultdict(int) for _ in range(n)]
        for code, label in data.names:
            if code in self.position:
                for stem in stems(label):
                    names[self.position[code]][stem] += 1
        self.names_index = SparseIndex(n, [self._log_counts(c) for c in names])
        definitions = [defaultdict(int) for _ in range(n)]
        for code, text in data.definitions:
            if code in self.position:
                for stem in stems(text):
                    definitions[self.position[code]][stem] += 1
        self.definition_index = SparseIndex(n, [self._log_counts(c) for c in definitions])

        self.generic = [bool(o[3]) and o[3] == o[0] for o in data.occupations]
        self.executive = [bool(o[4]) for o in data.occupations]
        self.domaine = [o[2] for o in data.occupations]
        self.sectors = self._sets(data.sectors, n)
        self.interests = self._sets(data.interests, n)
        # The ROME v3 family of every fiche, for the tables keyed by ROME v3 codes.
        self.family = [o[3] or o[0] for o in data.occupations]
        certifications = defaultdict(dict)
        for certification, family in data.certifications:
            certifications[family][certification] = 1.0
        self.certifications = FamilyIndex(certifications)
        sectors = defaultdict(dict)
        for family, naf, hires in data.hiring_sectors:
            sectors[family][naf] = math.log1p(hires or 0)
        self.hiring_sectors = FamilyIndex(sectors)

    # -- building blocks

    def is_skill(self, ogr):
        item = self.items.get(ogr)
        return item is not None and item[0] in SKILL_KINDS

    def _skill_terms(self, links):
        """Raw weights of a fiche's items: 1, or CORE_WEIGHT when core; a competence also counts for its macro."""
        terms = {}
        for ogr, core in links.items():
            weight = CORE_WEIGHT if core == CORE else 1.0
            terms[ogr] = max(terms.get(ogr, 0.0), weight)
            macro = self.items[ogr][2]
            if macro:
                terms[macro] = max(terms.get(macro, 0.0), weight)
        return terms

    def _word_counts(self, ogrs):
        counts = defaultdict(int)
        for ogr in ogrs:
            for stem in self.label_stems.get(ogr, ()):
                counts[stem] += 1
        return self._log_counts(counts)

    @staticmethod
    def _log_counts(counts):
        return {term: 1 + math.log(c) for term, c in counts.items()}

    def _sets(self, rows, n):
        sets = [set() for _ in range(n)]
        for code, value in rows:
            if code in self.position:
                sets[self.position[code]].add(value)
        return sets

    # -- the person

    def skills_of(self, code):
        """The savoir-faire and savoirs of a fiche (OGR codes): what a person who did it has by default."""
        i = self.position.get(code)
        return frozenset(ogr for ogr in self.item_links[i] if self.is_skill(ogr)) if i is not None else frozenset()

    def person(self, code, skills=None):
        return Person(
            code, self.skills_of(code) if skills is None else frozenset(s for s in skills if self.is_skill(s))
        )

    def _person_links(self, person):
        """The person's items as a fiche's would be: their skills (core as in their fiche), their fiche's contexts."""
        own = self.item_links[self.position[person.source]]
        links = {ogr: core for ogr, core in own.items() if self.items[ogr][0] in CONTEXT_KINDS}
        links.update({ogr: own.get(ogr, "") for ogr in person.skills if ogr in self.items})
        return links

    # -- features and ranking

    def features(self, person):
        """{feature: [value for every fiche]} for this person."""
        n = len(self.codes)
        s = self.position[person.source]
        links = self._person_links(person)
        result = {
            "skills": self.skills_index.cosines(self.skills_index.query(self._skill_terms(links))),
            "wording": self.wording_index.cosines(self.wording_index.query(self._word_counts(links))),
            "names": self.names_index.cosines(self.names_index.vectors[s]),
            "definition": self.definition_index.cosines(self.definition_index.vectors[s]),
        }
        used = [0.0] * n
        core = [0.0] * n
        total = 0.0
        for ogr in person.skills:
            idf = self.skill_idf.get(ogr)
            if idf is None:
                continue
            total += idf
            for i in self.skill_postings.get(ogr, ()):
                used[i] += idf
            for i in self.core_postings.get(ogr, ()):
                core[i] += idf
        result["used"] = [u / total for u in used] if total else used
        result["core"] = [c / t if t else 0.0 for c, t in zip(core, self.core_totals, strict=True)]
        result["generic"] = [1.0 if g else 0.0 for g in self.generic]
        step_down = self.executive[s]
        result["no_step_down"] = [0.0 if step_down and not e else 1.0 for e in self.executive]
        result["sectors"] = [_set_cosine(self.sectors[s], other) for other in self.sectors]
        result["interests"] = [_set_cosine(self.interests[s], other) for other in self.interests]
        result["domaine"] = [1.0 if d == self.domaine[s] else 0.0 for d in self.domaine]
        for name, index in (("certifications", self.certifications), ("hiring_sectors", self.hiring_sectors)):
            close = index.cosines(self.family[s])
            result[name] = [close.get(family, 0.0) for family in self.family]
        return result

    def scores(self, person, weights=None):
        """[score in [0, 1] for every fiche] (the person's own fiche included)."""
        weights = weights or WEIGHTS
        features = self.features(person)
        total = sum(weights.values())
        columns = [(w / total, features[name]) for name, w in weights.items() if w]
        scores = [0.0] * len(self.codes)
        for w, column in columns:
            for i, value in enumerate(column):
                if value:
                    scores[i] += w * value
        return scores

    def rank(self, person, limit=10, exclude=(), weights=None, scores=None):
        """[(code, score)] best first, the person's own fiche and ``exclude`` left out; ties by code.
        ``scores``: the person's scores when already computed."""
        scores = scores if scores is not None else self.scores(person, weights)
        skip = set(exclude) | {person.source}
        ranked = sorted(
            ((code, scores[i]) for i, code in enumerate(self.codes) if code not in skip),
            key=lambda cs: (-cs[1], cs[0]),
        )
        return ranked[:limit] if limit is not None else ranked

    # -- explanation

    def shared_and_missing(self, person, code):
        """(skills of the person this fiche lists, skills it asks for that the person lacks), each core first."""
        links = self.item_links[self.position[code]]

        def order(ogr):
            return (links[ogr] != CORE, self.items[ogr][0] != "savoir_faire", self.folded[ogr])

        skills = [ogr for ogr in links if self.is_skill(ogr)]
        shared = sorted((ogr for ogr in skills if ogr in person.skills), key=order)
        missing = sorted((ogr for ogr in skills if ogr not in person.skills), key=order)
        return shared, missing

    def is_core(self, code, ogr):
        return self.item_links[self.position[code]].get(ogr) == CORE


def _set_cosine(a, b):
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / math.sqrt(len(a) * len(b)) if common else 0.0
