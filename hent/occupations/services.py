"""The occupation catalogue's logic, callable without HTTP (views and API use it)."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, F, Prefetch, Q, Value
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from hent.core import datasets
from hent.core.models import Dataset
from hent.occupations.importers.rome import split_gender
from hent.occupations.models import (
    CentreInteret,
    Domaine,
    GrandDomaine,
    Item,
    JobTitle,
    Occupation,
    OccupationInterest,
    OccupationItem,
    OccupationSector,
    OccupationText,
    OccupationTheme,
    Sector,
    Theme,
    TransitionEco,
)

# Holland's RIASEC types, in words a 13-year-old understands (written for Hent).
RIASEC = {
    "R": (_("Réaliste"), _("faire des choses concrètes avec ses mains, des outils, des machines, souvent dehors")),
    "I": (_("Investigateur"), _("chercher, observer, comprendre comment les choses marchent")),
    "A": (_("Artiste"), _("créer, imaginer, s'exprimer (dessin, musique, écriture, mode…)")),
    "S": (_("Social"), _("aider, soigner, conseiller ou enseigner aux autres")),
    "E": (_("Entreprenant"), _("convaincre, vendre, organiser un projet, diriger une équipe")),
    "C": (_("Conventionnel"), _("organiser, classer, suivre des règles précises, travailler avec des chiffres")),
}

SKILL_GROUPS = [
    (OccupationItem.Core.MAIN, _("L'essentiel du métier")),
    (OccupationItem.Core.EMERGING, _("Des compétences qui prennent de l'importance")),
    (OccupationItem.Core.NO, _("Autres savoir-faire")),
]


def rome_dataset():
    return datasets.dataset("rome")


def occupations_queryset():
    return Occupation.objects.select_related("domaine__grand_domaine")


def grands_domaines():
    return GrandDomaine.objects.annotate(n_occupations=Count("domaines__occupations"))


def grand_domaine(code):
    gd = GrandDomaine.objects.filter(code=code.upper()).first()
    if gd is None:
        raise Http404
    domaines = gd.domaines.prefetch_related(Prefetch("occupations", queryset=Occupation.objects.order_by("title")))
    return gd, domaines


def domaine(code):
    dp = Domaine.objects.select_related("grand_domaine").filter(code=code.upper()).first()
    if dp is None:
        raise Http404
    return dp, dp.occupations.order_by("title")


def all_domaines():
    """Grands domaines with their domaines professionnels, for the browse index."""
    return GrandDomaine.objects.prefetch_related(
        Prefetch("domaines", queryset=Domaine.objects.annotate(n_occupations=Count("occupations")))
    )


def group_by_domain(occupations):
    """[(Domaine, [occupations])] in domain order, for lists that span domains."""
    ordered = sorted(occupations, key=lambda o: (o.domaine.code, o.title))
    return [(d, list(occs)) for d, occs in groupby(ordered, key=lambda o: o.domaine)]


def interests():
    return CentreInteret.objects.annotate(n_occupations=Count("occupation_links"))


def interest(code):
    centre = CentreInteret.objects.filter(code=code).first()
    if centre is None:
        raise Http404
    occupations = occupations_queryset().filter(interest_links__centre=centre)
    return centre, group_by_domain(occupations)


def themes():
    return Theme.objects.annotate(n_occupations=Count("occupation_links"))


def theme(code):
    item = Theme.objects.filter(code=code).first()
    if item is None:
        raise Http404
    return item, group_by_domain(occupations_queryset().filter(theme_links__theme=item))


def sectors():
    return Sector.objects.annotate(n_occupations=Count("occupation_links__occupation", distinct=True))


def sector(code):
    """The sector and its occupations, grouped by sub-sector (None last: linked to the sector only)."""
    item = Sector.objects.filter(code=code).first()
    if item is None:
        raise Http404
    links = (
        OccupationSector.objects.filter(sector=item)
        .select_related("subsector", "occupation")
        .order_by(F("subsector__label").asc(nulls_last=True), "occupation__title")
    )
    return item, [
        (sub, [link.occupation for link in group]) for sub, group in groupby(links, key=lambda link: link.subsector)
    ]


@dataclass
class Tag:
    label: str
    explanation: str


@dataclass
class OccupationDetail:
    occupation: Occupation
    definition: list[str]
    access: list[str]
    other_titles: list[JobTitle]
    skill_groups: list
    soft_skills: list[Item]
    knowledge_groups: list
    context_groups: list
    mobilities: list[Occupation]
    interests: list
    riasec: list
    themes: list[Theme]
    sectors: list
    naf_sectors: list
    tags: list[Tag] = field(default_factory=list)
    dataset: Dataset | None = None


@dataclass(frozen=True)
class ItemView:
    """A skill, knowledge item or work context as an occupation page lists it (core: "principale" or "")."""

    ogr: int
    label: str
    category: str
    core: str


def occupation_detail(code):
    occupation = occupations_queryset().filter(code=code.upper()).first()
    if occupation is None:
        raise Http404
    texts = OccupationText.objects.filter(occupation=occupation).order_by("position")
    links = (
        OccupationItem.objects.filter(occupation=occupation)
        .order_by("item__category", "item__label")
        .values_list("item__ogr", "item__kind", "item__label", "item__category", "core")
    )
    by_kind = {kind: [] for kind in Item.Kind.values}
    for ogr, kind, label, category, core in links:
        by_kind[kind].append(ItemView(ogr, label, category, core))

    skills = by_kind[Item.Kind.SKILL]
    skill_groups = [(label, [i for i in skills if i.core == core]) for core, label in SKILL_GROUPS]
    knowledge = sorted(by_kind[Item.Kind.KNOWLEDGE], key=lambda i: (i.category, i.core == "", i.label))
    knowledge_groups = [(cat, list(items)) for cat, items in groupby(knowledge, key=lambda i: i.category)]
    contexts = by_kind[Item.Kind.CONTEXT]
    context_groups = [(cat, list(items)) for cat, items in groupby(contexts, key=lambda i: i.category)]

    riasec = [
        (letter, *RIASEC[letter], rank)
        for letter, rank in ((occupation.riasec_major, "major"), (occupation.riasec_minor, "minor"))
        if letter in RIASEC
    ]
    return OccupationDetail(
        occupation=occupation,
        definition=[t.text for t in texts if t.kind == OccupationText.Kind.DEFINITION],
        access=[t.text for t in texts if t.kind == OccupationText.Kind.ACCESS],
        other_titles=list(occupation.job_titles.filter(is_main=False).order_by("rarely_used", "label")),
        skill_groups=[(label, items) for label, items in skill_groups if items],
        soft_skills=by_kind[Item.Kind.SOFT_SKILL],
        knowledge_groups=knowledge_groups,
        context_groups=context_groups,
        mobilities=list(
            Occupation.objects.filter(mobilities_in__source=occupation)
            .select_related("domaine")
            .only("code", "title", "domaine__label")
            .order_by("mobilities_in__position")
        ),
        interests=list(occupation.interest_links.select_related("centre").order_by("-is_principal", "centre__label")),
        riasec=riasec,
        themes=[link.theme for link in occupation.theme_links.select_related("theme").order_by("theme__label")],
        sectors=list(
            occupation.sector_links.select_related("sector", "subsector").order_by("-is_principal", "sector__label")
        ),
        naf_sectors=[link.naf for link in occupation.naf_links.select_related("naf").order_by("naf__label")],
        tags=occupation_tags(occupation),
        dataset=rome_dataset(),
    )


def occupation_tags(occupation):
    tags = []
    if occupation.regulated:
        tags.append(Tag(_("Métier réglementé"), _("Il faut un diplôme ou une autorisation précise pour l'exercer.")))
    if occupation.executive:
        tags.append(Tag(_("Emploi de cadre"), _("Souvent un poste avec des responsabilités et de l'autonomie.")))
    if occupation.transition_eco in (TransitionEco.GREEN, TransitionEco.STRATEGIC):
        tags.append(Tag(_("Transition écologique"), TransitionEco(occupation.transition_eco).label))
    elif occupation.transition_eco == TransitionEco.BROWN:
        tags.append(Tag(_("Métier appelé à se transformer"), TransitionEco.BROWN.label))
    if occupation.transition_num:
        tags.append(Tag(_("Transition numérique"), _("Le numérique change beaucoup ce métier.")))
    if occupation.transition_demo:
        tags.append(
            Tag(_("Transition démographique"), _("Un métier utile dans une société où les gens vivent plus vieux."))
        )
    return tags


def paginated_occupations(filters):
    """Occupations for the API list, filtered by domaine, grand domaine, interest, theme or sector codes."""
    qs = occupations_queryset().order_by("code")
    if filters.get("grand_domaine"):
        qs = qs.filter(domaine__grand_domaine_id=filters["grand_domaine"].upper())
    if filters.get("domaine"):
        qs = qs.filter(domaine_id=filters["domaine"].upper())
    if filters.get("centre_interet"):
        qs = qs.filter(interest_links__centre_id=filters["centre_interet"])
    if filters.get("theme"):
        qs = qs.filter(theme_links__theme_id=filters["theme"])
    if filters.get("secteur"):
        qs = qs.filter(sector_links__sector_id=filters["secteur"]).distinct()
    return qs


def search_titles():
    """Every name of every occupation, for the search index: the title forms of each job title."""
    for t in JobTitle.objects.order_by("ogr").values(
        "occupation_id", "label", "label_short", "label_masculine", "label_feminine", "is_main", "rarely_used"
    ):
        forms = [t["label_masculine"], t["label_feminine"]]
        if t["label_short"] != t["label"]:
            forms += split_gender(t["label_short"])
        rank = "main" if t["is_main"] else "rare" if t["rarely_used"] else "synonym"
        yield {"code": t["occupation_id"], "label": t["label"], "forms": forms, "rank": rank}


def search_facets():
    """The ROME's own structure, for thematic search: each grouping with the occupations it holds.

    A trailing "*" on a code marks a principal link (principal centre d'intérêt or sector, core skill).
    """

    def grouped(rows):
        groups = {}
        for key, label, code, principal in rows:
            groups.setdefault((key, label), []).append(code + ("*" if principal else ""))
        return groups.items()

    facet_sources = {
        "grand_domaine": Occupation.objects.values_list(
            "domaine__grand_domaine_id", "domaine__grand_domaine__label", "code", Value(False)
        ),
        "domaine": Occupation.objects.values_list("domaine_id", "domaine__label", "code", Value(False)),
        "interest": OccupationInterest.objects.values_list(
            "centre_id", "centre__label", "occupation_id", "is_principal"
        ),
        "theme": OccupationTheme.objects.values_list("theme_id", "theme__label", "occupation_id", Value(False)),
        "sector": OccupationSector.objects.values_list("sector_id", "sector__label", "occupation_id", "is_principal"),
        "subsector": OccupationSector.objects.filter(subsector__isnull=False).values_list(
            "subsector_id", "subsector__label", "occupation_id", "is_principal"
        ),
        "skill": OccupationItem.objects.filter(item__kind=Item.Kind.SKILL).values_list(
            "item_id", "item__label", "occupation_id", Q(core=OccupationItem.Core.MAIN)
        ),
    }
    for facet, rows in facet_sources.items():
        for (_key, label), codes in grouped(rows):
            yield {"type": facet, "label": label, "occupations": sorted(set(codes))}


def rome_resolver():
    """A function mapping a ROME v3 code, as older files write it, to ROME 4.0 codes.

    ROME 4.0 split many v3 fiches: each new fiche names its v3 origin in ``code_rome_parent``.
    A v3 code therefore resolves to the fiche that kept its code, if any, and to every fiche
    derived from it; a domain code ("A15") or an unknown code resolves to nothing.
    """
    current = set(Occupation.objects.values_list("code", flat=True))
    children = {}
    for code, parent in Occupation.objects.exclude(parent_code="").values_list("code", "parent_code"):
        children.setdefault(parent, []).append(code)

    def resolve(code):
        code = code.strip().upper()
        return sorted({code} & current | set(children.get(code, [])))

    return resolve
