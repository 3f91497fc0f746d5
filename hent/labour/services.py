"""The labour market of the Region: an occupation's figures, a territory's figures. Callable without HTTP.

Every figure comes with what it describes (a family of occupations, FAP 2021 or FAP 2009, not
the occupation itself), its scope (the Region, a bassin, France) and its source and year.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Sum
from django.utils.translation import gettext as _

from hent.core import datasets
from hent.labour import models as m
from hent.labour.charts import bars
from hent.occupations.models import Occupation
from hent.territories import services as territories

MIN_PROJECTS_FOR_SHARES = 30
# The datasets cited in an occupation's "L'emploi" section, by the kind of figure.
SOURCE_DATASETS = {
    "fap2021": "fap2021",
    "dares": "dares-portraits",
    "salaries": "dares-salaires",
    "shortage": "metiers-en-tension",
    "outlook": "dares-metiers-2030",
    "sectors": "labonneboite-rome-naf",
    "tension": "francetravail-tension-bassin",
}  # "hardest to fill" and "seasonal" rankings ignore very small counts


citation = datasets.citation


def bmo_years():
    """The years of the BMO surveys imported (each is the dataset "bmo-<year>"): read from the datasets, which a
    page reads anyway, rather than from the distinct years of a hundred thousand rows."""
    slugs = datasets.all_datasets()
    return sorted(int(slug[4:]) for slug in slugs if slug.startswith("bmo-") and slug[4:].isdigit())


@dataclass
class Counts:
    """Hiring projects of a scope: totals of the values published (masked values are left out, and counted)."""

    projects: int | None = None
    difficult: int = 0
    seasonal: int = 0
    with_difficult: int = 0  # projects whose "difficult" count is known
    with_seasonal: int = 0
    masked: int = 0  # rows whose number of projects is masked

    def add(self, projects, difficult, seasonal):
        if projects is None:
            self.masked += 1
            return
        self.projects = (self.projects or 0) + projects
        if difficult is not None:
            self.difficult += difficult
            self.with_difficult += projects
        if seasonal is not None:
            self.seasonal += seasonal
            self.with_seasonal += projects

    @property
    def difficult_share(self):
        return round(100 * self.difficult / self.with_difficult) if self.with_difficult else None

    @property
    def seasonal_share(self):
        return round(100 * self.seasonal / self.with_seasonal) if self.with_seasonal else None


def counts(rows):
    c = Counts()
    for projects, difficult, seasonal in rows:
        c.add(projects, difficult, seasonal)
    return c


@dataclass
class FamilyFigures:
    code: str
    label: str
    by_year: dict  # year -> Counts in the Region
    basin: Counts | None  # in the visitor's bassin, latest year
    basins_chart: list  # bars: the Region's bassins, latest year
    change: int | None  # % change between the last two years

    @property
    def latest(self):
        return self.by_year[max(self.by_year)] if self.by_year else None


@dataclass
class OccupationMarketView:
    occupation: Occupation
    region: str
    year: int | None
    families: list  # [FamilyFigures] (FAP 2021)
    fap2009: list  # [(code, label)]
    basin: object  # the visitor's BmoBasin, or None
    shortage: bool
    basin_tension: object  # BasinTension in the visitor's bassin, or None
    salary: tuple | None  # (euros, period)
    share_women: tuple | None  # (percent, period)
    gender_mix: str
    outlook: object  # Projection2030 or None
    sectors: list  # [(naf label, share %)]
    sources: dict = field(default_factory=dict)  # kind -> citation

    @property
    def share_men(self):
        return 100 - self.share_women[0] if self.share_women else None

    @property
    def has_figures(self):
        return bool(self.families or self.salary or self.share_women or self.outlook)


def occupation_market(code, place=None):
    """The "L'emploi" section of an occupation page: its families' hiring in the Region (and the visitor's
    bassin), and the headline figures ``figures.rebuild()`` worked out at import time."""
    headline = m.OccupationMarket.objects.select_related("occupation", "outlook").filter(occupation=code).first()
    occupation = headline.occupation if headline else Occupation.objects.filter(code=code).first()
    region = territories.region_code()
    links = list(m.OccupationFamily.objects.filter(occupation=code).order_by("id"))
    fap2021 = [link.fap_code for link in links if link.nomenclature == "fap2021"]
    fap2009 = [link.fap_code for link in links if link.nomenclature == "fap2009"]
    basin = place.bmo_basin if place is not None else None
    labels = dict(m.Fap2021.objects.filter(code__in=fap2021).values_list("code", "label")) if fap2021 else {}
    labels_2009 = dict(m.Fap2009.objects.filter(code__in=fap2009).values_list("code", "label")) if fap2009 else {}
    rows = defaultdict(list)  # family -> BMO rows in the Region, all years
    for row in m.BmoRecord.objects.filter(bmo_code__in=fap2021, region_code=region).values_list(
        "bmo_code", "year", "basin_code", "basin_name", "projects", "difficult", "seasonal"
    ):
        rows[row[0]].append(row[1:])
    families = [_family_figures(fap, labels.get(fap, fap), rows[fap], basin) for fap in fap2021 if rows[fap]]
    basin_tension = None
    if basin is not None and occupation is not None:
        rome_v3 = next((link.rome_code for link in links), occupation.parent_code or occupation.code)
        basin_tension = (
            m.BasinTension.objects.filter(rome_code=rome_v3, basin_code__in=[basin.code, basin.code.zfill(4)])
            .order_by("-year")
            .first()
        )
    years = sorted({year for family in families for year in family.by_year})
    share_women = headline.share_women if headline else None
    return OccupationMarketView(
        occupation=occupation,
        region=territories.region_name(),
        year=years[-1] if years else None,
        families=families,
        fap2009=[(code, labels_2009.get(code, code)) for code in fap2009],
        basin=basin,
        shortage=bool(headline and headline.in_shortage_list),
        basin_tension=basin_tension,
        salary=(headline.median_salary, headline.salary_period) if headline and headline.median_salary else None,
        share_women=(round(share_women), headline.women_period) if share_women is not None else None,
        gender_mix=headline.gender_mix if headline else "",
        outlook=headline.outlook if headline else None,
        sectors=[tuple(s) for s in headline.sectors] if headline else [],
        sources={
            "bmo": ", ".join(citation(f"bmo-{y}", f"BMO {y}") for y in years),
            **{kind: citation(slug) for kind, slug in SOURCE_DATASETS.items()},
        },
    )


def _family_figures(code, label, rows, basin):
    """A family's figures from its BMO rows in the Region: (year, basin, basin name, projects, difficult, seasonal)."""
    by_year = defaultdict(Counts)
    for year, _basin, _name, projects, difficult, seasonal in rows:
        by_year[year].add(projects, difficult, seasonal)
    latest = max(by_year)
    change = None
    if len(by_year) >= 2:
        previous = by_year[sorted(by_year)[-2]].projects
        if previous and by_year[latest].projects is not None:
            change = round(100 * (by_year[latest].projects - previous) / previous)
    per_basin, names = defaultdict(Counts), {}
    for year, basin_code, name, projects, difficult, seasonal in rows:
        if year == latest:
            per_basin[basin_code].add(projects, difficult, seasonal)
            names[basin_code] = name.title()
    chart = bars(
        (names[b], c.projects, f"/territoires/bassin/{b}/", _("(dont des valeurs masquées)") if c.masked else "")
        for b, c in sorted(per_basin.items(), key=lambda kv: -(kv[1].projects or 0))
    )
    in_basin = per_basin.get(basin.code, Counts()) if basin is not None else None
    return FamilyFigures(code, label, dict(by_year), in_basin, chart, change)


# -- territories ---------------------------------------------------------------------


@dataclass
class TerritoryView:
    kind: str  # region, department, basin, epci
    code: str
    name: str
    year: int | None
    total: Counts
    top: list  # bars: families with the most projects
    hardest: list  # bars: families hardest to fill (share)
    seasonal: list  # bars: the most seasonal (share)
    sectors: list  # bars: BMO families of trades (A agriculture, I industry…)
    note: str = ""  # e.g. which bassins an EPCI's figures come from
    children: list = field(default_factory=list)  # [(label, url)] sub-territories
    communes: list = field(default_factory=list)  # INSEE codes, for trainings taught there
    source: str = ""


def _family_bars(rows, limit=10):
    per_family = defaultdict(Counts)
    labels = {}
    families = defaultdict(Counts)
    family_labels = {}
    for code, label, family, family_label, p, d, s in rows:
        per_family[code].add(p, d, s)
        labels[code] = label
        families[family].add(p, d, s)
        family_labels[family] = family_label
    occupation_urls = _occupations_of_families(per_family)
    ranked = sorted(per_family.items(), key=lambda kv: -(kv[1].projects or 0))
    top = bars((labels[c], n.projects, occupation_urls.get(c, ""), "") for c, n in ranked[:limit])
    big = [(c, n) for c, n in per_family.items() if (n.projects or 0) >= MIN_PROJECTS_FOR_SHARES]
    hardest = bars(
        ((labels[c], n.difficult_share, occupation_urls.get(c, ""), f"({n.projects} projets)")
         for c, n in sorted(big, key=lambda kv: (-(kv[1].difficult_share or 0), -kv[1].projects))[:limit]),
        fmt="{:.0f}\u00a0%", maximum=100,
    )  # fmt: skip
    seasonal = bars(
        ((labels[c], n.seasonal_share, occupation_urls.get(c, ""), f"({n.projects} projets)")
         for c, n in sorted(big, key=lambda kv: (-(kv[1].seasonal_share or 0), -kv[1].projects))[:limit]
         if (n.seasonal_share or 0) > 0),
        fmt="{:.0f}\u00a0%", maximum=100,
    )  # fmt: skip
    sectors = bars(
        (family_labels[f], n.projects, "", "")
        for f, n in sorted(families.items(), key=lambda kv: -(kv[1].projects or 0))
    )
    total = Counts()
    for n in per_family.values():
        total.projects = (total.projects or 0) + (n.projects or 0)
        total.difficult += n.difficult
        total.with_difficult += n.with_difficult
        total.seasonal += n.seasonal
        total.with_seasonal += n.with_seasonal
        total.masked += n.masked
    return total, top, hardest, seasonal, sectors


def _occupations_of_families(codes):
    """A link for each family: its single occupation's page, or the search of its occupations."""
    found = defaultdict(list)
    for fap, code in m.OccupationFamily.objects.filter(nomenclature="fap2021", fap_code__in=list(codes)).values_list(
        "fap_code", "occupation_id"
    ):
        found[fap].append(code)
    return {
        fap: f"/metiers/{codes[0]}/" if len(codes) == 1 else f"/territoires/famille/{fap}/"
        for fap, codes in found.items()
    }


def territory(kind, code=None):
    region = territories.region_code()
    year = max(bmo_years(), default=None)
    rows = m.BmoRecord.objects.filter(year=year, region_code=region)
    note, children, communes = "", [], territories.communes()
    if kind == "region":
        place = territories.region()
        name = place.name if place else territories.region_name()
        code = region
        children = [(d.name, f"/territoires/departement/{d.code}/") for d in territories.departments()]
        children += [
            (b.label or b.name, f"/territoires/bassin/{b.code}/") for b in territories.bmo_basins().order_by("name")
        ]
    elif kind == "department":
        place = territories.departments().filter(code=code).first()
        if place is None:
            return None
        name, rows, communes = place.name, rows.filter(department_code=code), communes.filter(department=code)
        children = [
            (e.name, f"/territoires/epci/{e.siren}/")
            for e in territories.epcis().filter(communes__department=code).distinct().order_by("name")
        ]
    elif kind == "basin":
        place = territories.bmo_basins().filter(code=code).first()
        if place is None:
            return None
        name, rows, communes = place.label or place.name, rows.filter(basin_code=code), communes.filter(bmo_basin=code)
        note = _("Un bassin d'emploi est le territoire de l'enquête BMO de France Travail.")
    elif kind == "epci":
        place = territories.epcis().filter(siren=code).first()
        if place is None:
            return None
        communes = communes.filter(epci=code)
        basins = sorted(set(communes.exclude(bmo_basin=None).values_list("bmo_basin", "bmo_basin__name")))
        name, rows = place.name, rows.filter(basin_code__in=[b for b, _ in basins])
        note = _(
            "L'enquête BMO ne descend pas jusqu'aux intercommunalités : les chiffres ci-dessous sont ceux "
            "du ou des bassins d'emploi qui la couvrent : %(basins)s."
        ) % {"basins": ", ".join(n.title() for _, n in basins)}
    else:
        return None
    total, top, hardest, seasonal, sectors = _family_bars(
        rows.values_list("bmo_code", "bmo_label", "family_code", "family_label", "projects", "difficult", "seasonal")
    )
    return TerritoryView(
        kind, code, name, year, total, top, hardest, seasonal, sectors, note, children,
        list(communes.values_list("insee", flat=True)), citation(f"bmo-{year}") if year else "",
    )  # fmt: skip


def region_total(year):
    """Sum of the Region's published (non-masked) hiring projects for a year."""
    return m.BmoRecord.objects.filter(year=year, region_code=territories.region_code()).aggregate(
        total=Sum("projects")
    )["total"]


def family(code):
    """A FAP 2021 family: its label and the occupations that belong to it."""
    fap = m.Fap2021.objects.filter(code=code).first()
    if fap is None:
        return None, []
    codes = m.OccupationFamily.objects.filter(nomenclature="fap2021", fap_code=code).values_list(
        "occupation_id", flat=True
    )
    return fap, list(Occupation.objects.filter(code__in=codes).order_by("title"))


def latest_year():
    return m.BmoRecord.objects.aggregate(year=Max("year"))["year"]


# -- filters on occupation lists ------------------------------------------------------

HIRING_THRESHOLD = 100  # "recrute en région": at least this many hiring projects in the occupation's families

MIX_CHOICES = [
    ("", _("Peu importe")),
    ("mixte", _("Métiers mixtes")),
    ("peu_de_femmes", _("Métiers où les femmes sont peu présentes")),
    ("peu_d_hommes", _("Métiers où les hommes sont peu présents")),
]


def filter_codes(codes, mix="", hiring=False):
    """The occupation codes that match the gender-mix and hiring filters (all of them when no filter is set)."""
    if not mix and not hiring:
        return list(codes)
    qs = m.OccupationMarket.objects.filter(occupation__in=list(codes))
    if mix:
        qs = qs.filter(gender_mix=mix)
    if hiring:
        qs = qs.filter(projects__gte=HIRING_THRESHOLD)
    allowed = set(qs.values_list("occupation_id", flat=True))
    return [c for c in codes if c in allowed]


def markets(codes):
    """{code: OccupationMarket} for badges in lists."""
    return {x.occupation_id: x for x in m.OccupationMarket.objects.filter(occupation__in=list(codes))}
