"""Discovering occupations from what one likes: by the ROME's centres d'intérêt, and by a RIASEC profile.
Callable without HTTP. Other domains are reached through their services only."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hent.core import datasets
from hent.labour import services as labour
from hent.labour.charts import bars
from hent.occupations import services as occupations
from hent.trainings import services as trainings

PER_GROUP = 5  # suggestions shown per family before "see the others"

# What people of each RIASEC type like doing, to explain a suggestion: "… aux personnes qui aiment <this>".
# The types' names and descriptions are the occupation page's (hent.occupations.services.RIASEC).
LIKES = {
    "R": gettext_lazy("faire des choses concrètes (fabriquer, réparer, cultiver)"),
    "I": gettext_lazy("chercher et comprendre comment marchent les choses"),
    "A": gettext_lazy("créer et imaginer"),
    "S": gettext_lazy("aider les autres"),
    "E": gettext_lazy("convaincre et mener des projets"),
    "C": gettext_lazy("organiser avec méthode"),
}


@dataclass
class TypeInfo:
    letter: str
    name: str
    description: str
    likes: str


def type_info(letter):
    name, description = occupations.RIASEC[letter]
    return TypeInfo(letter, name, description, LIKES[letter])


def types():
    return [type_info(letter) for letter in "RIASEC"]


def join_words(words):
    """Words joined the French way: "a", "a et b", "a, b et c"."""
    words = [str(w) for w in words]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s et %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def reason(matched, other="", n=1):
    """Why an occupation (or ``n`` occupations with the same codes) is suggested: the types it shares with the
    profile, and the other type it asks for."""
    likes = join_words(f"{LIKES[letter]} ({letter})" for letter in matched)
    text = ngettext(
        "Ce métier plaît souvent aux personnes qui aiment %(likes)s — comme vous.",
        "Ces métiers plaisent souvent aux personnes qui aiment %(likes)s — comme vous.",
        n,
    ) % {"likes": likes}
    if other:
        text += " " + ngettext(
            "Il demande aussi d'aimer %(likes)s (%(letter)s).",
            "Ils demandent aussi d'aimer %(likes)s (%(letter)s).",
            n,
        ) % {"likes": LIKES[other], "letter": other}
    return text


def profile_types(profile):
    """[(TypeInfo, TypeScore or None)]: the profile's types, strongest first (None: profile given as letters)."""
    scores = {s.letter: s for s in profile.scores}
    return [(type_info(letter), scores.get(letter)) for letter in profile.letters]


def score_chart(profile):
    """Bars of the profile's scores (0-100), in RIASEC order, for hent/labour's bar-chart table."""
    rows = []
    for s in profile.scores:
        info = type_info(s.letter)
        note = _("(pas assez de réponses)") if s.score is None else ""
        rows.append((f"{info.letter} — {info.name}", s.score, "", note))
    return bars(rows, fmt="{:.0f}", maximum=100)


# -- filters shared by both ways of discovering --------------------------------------------------------


@dataclass
class Filters:
    mix: str = ""
    hiring: bool = False
    level: int | None = None  # keep occupations reachable with a training of this level or below

    @property
    def active(self):
        return bool(self.mix or self.hiring or self.level)


def _filtered(codes, filters, levels):
    """The codes that pass the filters, in the given order."""
    allowed = labour.filter_codes(codes, filters.mix, filters.hiring)
    if filters.level:
        allowed = [c for c in allowed if levels.get(c) is not None and levels[c] <= filters.level]
    return allowed


GENDER_MIX = {
    "mixte": gettext_lazy("Métier mixte"),
    "peu_de_femmes": gettext_lazy("Peu de femmes aujourd'hui"),
    "peu_d_hommes": gettext_lazy("Peu d'hommes aujourd'hui"),
}


@dataclass
class Card:
    """An occupation in a list of discoveries, with what the page says about it."""

    occupation: object
    level: int | None = None
    market: object = None  # hent.labour OccupationMarket, or None
    centres: list = field(default_factory=list)  # the chosen centres d'intérêt it matches
    matched: list = field(default_factory=list)  # its RIASEC codes that are in the profile, major first
    other: str = ""  # its other RIASEC code, not in the profile
    fit: int = 0

    @property
    def level_label(self):
        return trainings.level_label(self.level) if self.level else ""

    @property
    def reason(self):
        return reason(self.matched, self.other) if self.matched else ""

    @cached_property
    def facts(self):
        """What the card says in a few words: the shortest training, the gender mix, the hiring in the Region (the
        pages list hundreds of cards: phrased here once rather than by template logic)."""
        facts = []
        if self.level:
            facts.append(_("Formation la plus courte : %(level)s") % {"level": self.level_label})
        if self.market:
            if self.market.gender_mix in GENDER_MIX:
                facts.append(str(GENDER_MIX[self.market.gender_mix]))
            if self.market.projects:
                facts.append(
                    ngettext(
                        "%(n)s projet de recrutement dans la région (famille de métiers)",
                        "%(n)s projets de recrutement dans la région (famille de métiers)",
                        self.market.projects,
                    )
                    % {"n": self.market.projects}
                )
        return facts


def _set_levels(cards, levels):
    for card in cards:
        card.level = levels.get(card.occupation.code)


def _describe(cards):
    """The labour-market facts of the cards a page lists, in one query: a page may match hundreds of occupations
    and list a few dozen of them."""
    markets = labour.markets([c.occupation.code for c in cards])
    for card in cards:
        card.market = markets.get(card.occupation.code)


def sources():
    """The datasets behind these pages, for the "Source" line: ROME, trainings, labour."""
    slugs = ["rome", *sorted(set(trainings.SOURCE_DATASETS.values()))]
    year = labour.latest_year()
    if year:
        slugs.append(f"bmo-{year}")
    slugs.append("dares-portraits")
    found = datasets.all_datasets()
    return [found[slug] for slug in slugs if slug in found]


# -- by the ROME's centres d'intérêt ------------------------------------------------------------------


@dataclass
class InterestResults:
    centres: list  # the chosen CentreInteret
    sections: list  # [(number of chosen centres matched, [(Domaine, [Card])])], most matched first
    total: int  # occupations matching at least one chosen centre, before filters
    shown: int
    several: int  # shown occupations matching two chosen centres or more

    @property
    def listed(self):
        """The sections the page lists card by card: every one but the single-envie one when it is left apart."""
        return [(n, domains) for n, domains in self.sections if n > 1 or not self.singles_apart]

    @property
    def singles_apart(self):
        """Whether the occupations matching only one of several chosen centres are left to each centre's own list
        (when some match more than one: those are what choosing several centres is for)."""
        return len(self.centres) > 1 and self.several > 0

    @property
    def singles(self):
        """[(CentreInteret, number of shown occupations that match it and no other chosen centre)]."""
        counts = defaultdict(int)
        for n, domains in self.sections:
            if n == 1:
                for _domaine, cards in domains:
                    for card in cards:
                        counts[card.centres[0].code] += 1
        return [(c, counts[c.code]) for c in self.centres if counts[c.code]]


def centres():
    """The ROME's centres d'intérêt, each with its number of occupations."""
    return list(occupations.interests())


def by_interests(codes, filters=None, only_all=False):
    """Occupations matching one or several chosen centres d'intérêt, those matching the most first, each group
    split by domaine professionnel. ``only_all`` keeps those that match every chosen centre."""
    filters = filters or Filters()
    known = {c.code: c for c in centres()}
    chosen = [known[code] for code in dict.fromkeys(codes) if code in known]
    matches = {}
    for centre in chosen:
        _centre, groups = occupations.interest(centre.code)
        for _domaine, occs in groups:
            for o in occs:
                matches.setdefault(o.code, Card(o)).centres.append(centre)
    levels = trainings.lowest_levels(matches)
    allowed = set(_filtered(list(matches), filters, levels))
    cards = [c for code, c in matches.items() if code in allowed]
    if only_all:
        cards = [c for c in cards if len(c.centres) == len(chosen)]
    _set_levels(cards, levels)
    by_count = defaultdict(lambda: defaultdict(list))
    for card in cards:
        by_count[len(card.centres)][card.occupation.domaine].append(card)
    sections = []
    for n in sorted(by_count, reverse=True):
        domains = sorted(by_count[n].items(), key=lambda kv: kv[0].code)
        sections.append((n, [(d, sorted(cs, key=lambda c: c.occupation.title)) for d, cs in domains]))
    results = InterestResults(
        centres=chosen,
        sections=sections,
        total=len(matches),
        shown=len(cards),
        several=sum(len(c.centres) > 1 for c in cards),
    )
    _describe([card for _n, domains in results.listed for _domaine, cs in domains for card in cs])
    return results


# -- by a RIASEC profile -----------------------------------------------------------------------------


@dataclass
class SuggestionGroup:
    grand_domaine: object
    cards: list  # all the group's suggestions, best fit first
    per_group: int = PER_GROUP

    @property
    def first(self):
        return self.cards[: self.per_group]  # all of them when per_group is None

    @property
    def others(self):
        return self.cards[self.per_group :]

    @property
    def first_by_reason(self):
        return by_reason(self.first)


def by_reason(cards):
    """[(reason, [Card])]: cards under the reason they share, said once (it depends only on the RIASEC codes: a
    page of suggestions would otherwise repeat the same sentence on every card)."""
    grouped = defaultdict(list)
    for card in cards:
        grouped[(tuple(card.matched), card.other)].append(card)
    return [(reason(*key, n=len(group)), group) for key, group in grouped.items()]


@dataclass
class Suggestions:
    groups: list  # [SuggestionGroup], the families with the best fits first
    total: int  # occupations that fit the profile, before filters
    shown: int
    grand_domaine: object = None  # the one family listed in full, when one was asked for and has suggestions


def suggestions(profile, filters=None, per_group=PER_GROUP, grand_domaine=""):
    """Occupations whose ROME RIASEC codes fit a profile, grouped by grand domaine, a handful each; or, with
    ``grand_domaine`` (a code), every suggestion of that family alone (every family when it has none).

    An occupation fits when its major code is one of the profile's types. Fit = 2 x the weight of its major
    code + the weight of its minor code (weights: 3 for the profile's strongest type(s), then 2, then 1; 0 for a
    code outside the profile), so that an occupation sharing both its codes with the profile comes first.
    """
    filters = filters or Filters()
    weights = profile.weights
    if not weights:
        return Suggestions([], 0, 0)
    candidates = occupations.occupations_queryset().filter(riasec_major__in=list(weights))
    cards = []
    for o in candidates:
        major, minor = o.riasec_major, o.riasec_minor
        matched = [major] + ([minor] if minor in weights and minor != major else [])
        other = minor if minor and minor not in weights else ""
        cards.append(Card(o, matched=matched, other=other, fit=2 * weights[major] + weights.get(minor, 0)))
    levels = trainings.lowest_levels([c.occupation.code for c in cards])
    allowed = set(_filtered([c.occupation.code for c in cards], filters, levels))
    shown = [c for c in cards if c.occupation.code in allowed]
    _set_levels(shown, levels)
    by_family = defaultdict(list)
    for card in shown:
        by_family[card.occupation.domaine.grand_domaine].append(card)
    groups = []
    for gd, family in by_family.items():
        family.sort(key=lambda c: (-c.fit, c.occupation.title))
        groups.append(SuggestionGroup(gd, family, per_group))
    groups.sort(key=lambda g: (-g.cards[0].fit, -sum(c.fit == g.cards[0].fit for c in g.cards), g.grand_domaine.code))
    alone = next((g for g in groups if g.grand_domaine.code == grand_domaine), None)
    if alone:
        alone.per_group = None
    result = Suggestions([alone] if alone else groups, len(cards), len(shown), alone and alone.grand_domaine)
    _describe([card for group in result.groups for card in group.first])
    return result
