"""Change career by skills: from the occupation a person did and the skills they have, the occupations
they could move to, with what they share, what they would need to learn, the trainings that lead
there and the hiring in the Region. Callable without HTTP (pages and API use it).

The ROME's own career moves come first when asked for (``basis="all"``); the skills-based ranking
(``hent.careers.ranking``) never reads them.
"""

from __future__ import annotations

import gc
import logging
import threading
from dataclasses import dataclass, field

from django import db
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hent.careers.ranking import CORE, RomeData, fold
from hent.careers.ranking import Model as RankingModel
from hent.core import datasets
from hent.core.text import clean_input
from hent.labour import services as labour
from hent.occupations import services as occupations
from hent.search import services as search
from hent.territories import services as territories
from hent.trainings import services as trainings

logger = logging.getLogger(__name__)

BASES = ("skills", "all")
MAX_SKILLS = 300  # more OGR codes than any fiche lists, with room for added skills
MAX_SKILL_RESULTS = 30
TRAININGS_SHOWN = 3

SKILL_GROUPS = [
    ("core", _("L'essentiel du métier")),
    ("emerging", _("Des compétences de plus en plus demandées")),
    ("other", _("Autres compétences")),
]

# -- reading the ROME (the only place this domain reads the occupations' tables) ----------------


def rome_data():
    """The rows the ranking needs, as plain tuples.

    Besides the ROME: the ROME v3 codes every RNCP certification prepares for, and the sectors that hire
    for every ROME v3 code (La Bonne Boîte), read here as plain rows (neither is a list of career moves).
    """
    from hent.labour.models import RomeNaf
    from hent.occupations.models import (
        Item,
        JobTitle,
        OccupationInterest,
        OccupationItem,
        OccupationSector,
        OccupationText,
    )
    from hent.trainings.models import RncpRome

    items = Item.objects.values_list("ogr", "kind", "label", "macro_id", "category")

    return RomeData(
        occupations=list(
            occupations.occupations_queryset()
            .order_by("code")
            .values_list("code", "title", "domaine_id", "parent_code", "executive")
        ),
        items={ogr: (kind, label, macro, category) for ogr, kind, label, macro, category in items},
        links=list(OccupationItem.objects.order_by("id").values_list("occupation_id", "item_id", "core")),
        names=list(JobTitle.objects.order_by("ogr").values_list("occupation_id", "label")),
        definitions=list(
            OccupationText.objects.filter(kind=OccupationText.Kind.DEFINITION)
            .order_by("occupation_id", "position")
            .values_list("occupation_id", "text")
        ),
        sectors=list(OccupationSector.objects.order_by("id").values_list("occupation_id", "sector_id")),
        interests=list(OccupationInterest.objects.order_by("id").values_list("occupation_id", "centre_id")),
        certifications=list(RncpRome.objects.order_by("id").values_list("fiche_id", "rome_code")),
        hiring_sectors=list(RomeNaf.objects.order_by("id").values_list("rome_code", "naf_code", "weight")),
    )


def curated_moves(code):
    """The ROME's career moves from a fiche ("métiers proches et évolutions"), in the source's order."""
    from hent.occupations.models import Mobility

    return list(Mobility.objects.filter(source_id=code).order_by("position").values_list("target_id", flat=True))


# -- the model, once per process and ROME version ------------------------------------------------

_lock = threading.Lock()
_cache = {}


MODEL_DATASETS = ("rome", "rncp-2021", "labonneboite-rome-naf")  # what ``rome_data`` reads


def _dataset_key():
    found = datasets.all_datasets()
    return tuple((d.version, d.imported_at) if (d := found.get(slug)) else None for slug in MODEL_DATASETS)


def model():
    """The ranking model of the ROME in the database (rebuilt when a new version is imported)."""
    key = _dataset_key()
    with _lock:
        if _cache.get("key") != key or "model" not in _cache:
            _cache["model"] = RankingModel(rome_data())
            _cache["key"] = key
        return _cache["model"]


def warm_up():
    """Build the model in a thread, so that the first visitor after the server starts does not wait for it (about
    3 s of work). Called once at start by the ASGI server (``config.asgi``); a request that comes before the
    model is ready waits for it instead of building it a second time.

    Once built, the model's quarter of a million objects are moved out of the cyclic garbage collector's sight
    (``gc.freeze``): they live as long as the process, and every full collection used to walk them all, a pause of
    about 150 ms in whichever request triggered it (a page's p95 was 4 times its median)."""

    def build():
        try:
            model()
            gc.collect()
            gc.freeze()
        except Exception:  # the page will say what is wrong; the server must start anyway
            logger.exception("The careers model could not be built at start")
        finally:
            db.connection.close()

    thread = threading.Thread(target=build, name="careers-warm-up", daemon=True)
    thread.start()
    return thread


def reset():
    """Forget the model (tests that change the ROME tables without importing them)."""
    with _lock:
        _cache.clear()


# -- inputs ------------------------------------------------------------------------------------


class BadSkills(ValueError):
    """Skill codes that are not a list of OGR codes."""


def parse_skill_codes(values, strict=True):
    """OGR codes from query-string values ("123", "123,456"…): a set of ints.

    Strict (the API): anything else raises BadSkills. Lenient (the pages): what is not a code is left out,
    and the number left out is returned too: (codes, ignored).
    """
    values = list(values)
    if len(values) > MAX_SKILLS and strict:
        raise BadSkills(f"more than {MAX_SKILLS}")
    codes, ignored = set(), max(len(values) - MAX_SKILLS, 0)
    for value in values[:MAX_SKILLS]:
        for part in str(value)[:10_000].replace(" ", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if part.isascii() and part.isdigit() and len(part) <= 9:
                codes.add(int(part))
            elif strict:
                raise BadSkills(part[:20])
            else:
                ignored += 1
    if len(codes) > MAX_SKILLS:
        if strict:
            raise BadSkills(f"more than {MAX_SKILLS}")
        ignored += len(codes) - MAX_SKILLS
        codes = set(sorted(codes)[:MAX_SKILLS])
    return codes if strict else (codes, ignored)


def known_skills(codes):
    """(the codes that are savoir-faire or savoirs of the ROME, the others)."""
    m = model()
    known = {c for c in codes if m.is_skill(c)}
    return known, codes - known


def occupation(code):
    """The fiche of a code (any case), or Http404."""
    found = occupations.occupations_queryset().filter(code=str(code).upper()[:5]).first()
    if found is None:
        raise Http404
    return found


# -- step 1: the occupation I do or did -----------------------------------------------------------


def find_occupations(text, limit=20):
    """(the query as read, [search results]) for "the occupation I do or did"."""
    return search.search(clean_input(text), limit=limit)


# -- step 2: the skills I have ----------------------------------------------------------------------


@dataclass
class Skill:
    ogr: int
    label: str
    kind: str
    core: bool = False


@dataclass
class SkillGroup:
    key: str
    legend: str
    skills: list


def skill_groups(code):
    """The fiche's savoir-faire (core, emerging, other) and savoirs (by category), for the checkboxes."""
    m = model()
    links = m.item_links[m.position[code]]
    by_key = {key: [] for key, _label in SKILL_GROUPS}
    knowledge = []
    for ogr, core in links.items():
        kind, label, _macro, _category = m.items[ogr]
        skill = Skill(ogr, label, kind, core == CORE)
        if kind == "savoir_faire":
            by_key["core" if core == CORE else "emerging" if core == "emergente" else "other"].append(skill)
        elif kind == "savoir":
            knowledge.append(skill)
    groups = [SkillGroup(key, legend, sorted(by_key[key], key=_by_label)) for key, legend in SKILL_GROUPS]
    by_category = {}
    for skill in sorted(knowledge, key=lambda s: (not s.core, _by_label(s))):
        by_category.setdefault(m.items[skill.ogr][3], []).append(skill)
    for n, (category, skills) in enumerate(sorted(by_category.items())):
        legend = _("Connaissances : %(category)s") % {"category": category} if category else _("Autres connaissances")
        groups.append(SkillGroup(f"savoirs-{n}", legend, skills))
    return [g for g in groups if g.skills]


def _by_label(skill):
    return fold(skill.label)


def skills(ogrs):
    """[Skill] for OGR codes (unknown ones left out), by label."""
    m = model()
    found = [Skill(ogr, m.items[ogr][1], m.items[ogr][0]) for ogr in ogrs if m.is_skill(ogr)]
    return sorted(found, key=_by_label)


def search_skills(text, exclude=(), limit=MAX_SKILL_RESULTS):
    """Savoir-faire and savoirs of any fiche whose label holds every word typed (or its beginning).

    Skills listed by many fiches first: they are the ones people most often have.
    """
    words = fold(clean_input(text, max_length=100)).split()
    words = [w for w in words if len(w) > 1][:8]
    if not words:
        return []
    m = model()
    found = []
    for ogr, label_words in m.label_words.items():
        if ogr not in exclude and all(any(lw.startswith(w) for lw in label_words) for w in words):
            found.append(ogr)
    found.sort(key=lambda ogr: (-m.popularity[ogr], fold(m.items[ogr][1])))
    return [Skill(ogr, m.items[ogr][1], m.items[ogr][0]) for ogr in found[:limit]]


# -- step 3: where I could go -----------------------------------------------------------------------


@dataclass
class Transition:
    code: str
    title: str
    score: float
    source: str  # "rome" (a career move of the ROME) or "skills" (the skills-based ranking)
    shared: list  # [Skill] the person has and this fiche lists, core first
    missing: list  # [Skill] this fiche asks for that the person lacks, core first
    n_skills: int  # how many skills the person has
    url: str = ""

    @property
    def share(self):
        """The share of the person's skills this fiche uses, in [0, 1]."""
        return len(self.shared) / self.n_skills if self.n_skills else 0.0

    @property
    def percent(self):
        return round(100 * self.share)

    @property
    def shared_core(self):
        return [s for s in self.shared if s.core]

    @property
    def missing_core(self):
        return [s for s in self.missing if s.core]


def person_skills(code, skill_codes=None):
    """The skills the ranking uses for a person: ``skill_codes`` that are skills of the ROME, or by default all
    the savoir-faire and savoirs of their fiche."""
    return model().person(code, skill_codes).skills


def transitions(code, skill_codes=None, basis="skills", limit=10, curated=None):
    """[Transition]: with basis "all", the ROME's career moves first (source order), then the skills-based
    ranking; with basis "skills", the ranking alone, which never reads the ROME's moves. ``skill_codes``: the
    person's skills (default: all the savoir-faire and savoirs of their fiche); codes that are not skills of the
    ROME are ignored. ``curated``: how many of the ROME's moves to show at most (default ``limit``), the ranking
    filling the rest of ``limit``."""
    if basis not in BASES:
        raise ValueError(basis)
    m = model()
    code = occupation(code).code
    person = m.person(code, skill_codes)
    scores = m.scores(person)
    chosen = []
    if basis == "all":
        moves = [c for c in curated_moves(code) if c in m.position and c != code]
        chosen = [(c, "rome") for c in moves[: limit if curated is None else curated]]
    ranked = m.rank(person, limit=max(limit - len(chosen), 0), exclude=[c for c, _ in chosen], scores=scores)
    chosen += [(c, "skills") for c, _score in ranked]
    result = []
    for target, source in chosen:
        shared, missing = m.shared_and_missing(person, target)
        result.append(
            Transition(
                code=target,
                title=m.titles[target],
                score=round(scores[m.position[target]], 3),
                source=source,
                shared=[_skill(m, target, ogr) for ogr in shared],
                missing=[_skill(m, target, ogr) for ogr in missing],
                n_skills=len(person.skills),
                url=reverse("occupations:detail", args=[target]),
            )
        )
    return result


def _skill(m, code, ogr):
    return Skill(ogr, m.items[ogr][1], m.items[ogr][0], m.is_core(code, ogr))


@dataclass
class Hiring:
    projects: int | None
    year: int | None
    source: str  # the BMO survey of that year: publisher, dataset, date


@dataclass
class Suggestion:
    transition: Transition
    trainings: list  # [TrainingSummary], a few, lowest level first
    n_trainings: int
    hiring: Hiring | None


@dataclass
class Explorer:
    occupation: object
    n_skills: int
    rome: list = field(default_factory=list)  # [Suggestion] the ROME's career moves
    skills: list = field(default_factory=list)  # [Suggestion] the skills-based ones
    region: str = ""
    sources: dict = field(default_factory=dict)


def explore(code, skill_codes, limit=10, origin=None):
    """What the results page shows: all the ROME's moves, then at most ``limit`` skills-based suggestions that use
    at least one of the person's skills, each with the trainings that lead there and the hiring in the Region."""
    found = occupation(code)
    n_curated = len(curated_moves(found.code))
    moves = transitions(found.code, skill_codes, basis="all", limit=n_curated + 3 * limit, curated=n_curated)
    # The skills-based suggestions the page shows use at least one of the person's skills.
    others = [t for t in moves if t.source == "skills" and t.shared][:limit]
    moves = [t for t in moves if t.source == "rome"] + others
    markets = labour.markets([t.code for t in moves])
    citations = {}

    def hiring(market):
        if market is None:
            return None
        if market.bmo_year not in citations:
            citations[market.bmo_year] = labour.citation(f"bmo-{market.bmo_year}") if market.bmo_year else ""
        return Hiring(market.projects, market.bmo_year, citations[market.bmo_year])

    leading = trainings.trainings_for_occupations([t.code for t in moves], origin=origin, per_level=TRAININGS_SHOWN)

    def suggestion(t):
        groups = leading[t.code]
        shown = [s for g in groups for s in g.summaries][:TRAININGS_SHOWN]
        return Suggestion(t, shown, sum(g.total for g in groups), hiring(markets.get(t.code)))

    dataset = occupations.rome_dataset()
    suggestions = [suggestion(t) for t in moves]
    return Explorer(
        occupation=found,
        n_skills=len(person_skills(found.code, skill_codes)),
        rome=[s for s in suggestions if s.transition.source == "rome"],
        skills=[s for s in suggestions if s.transition.source == "skills"],
        region=territories.region_name(),
        sources={
            "rome": dataset.citation if dataset else "",
            "bmo": sorted({c for c in citations.values() if c}),
            "demo": bool(dataset and dataset.is_demo),
        },
    )
