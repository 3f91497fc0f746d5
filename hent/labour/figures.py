"""Deriving each occupation's families and headline figures from the labour sources.

The BMO survey counts hiring projects by family of occupations (FAP 2021, level 228) and bassin;
the DARES series describe FAP 2009 families. Both are reached from ROME v3 codes: a ROME 4.0
occupation uses its own code when the correspondence table has it, else the ROME v3 fiche it
was split from (``code_rome_parent``). ``rebuild()`` stores those links (``OccupationFamily``)
and the headline figures in the Region (``OccupationMarket``) used by lists, filters and pages.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Max

from hent.labour import models as m
from hent.occupations.models import Occupation
from hent.search.text import content_words
from hent.territories import services as territories

MIXED = (40.0, 60.0)  # share of women in a "mixed" occupation (each sex at least 40 %)
FEW = 30.0  # below this share, a sex is "peu présent"


def gender_mix(share_women):
    if share_women is None:
        return ""
    if MIXED[0] <= share_women <= MIXED[1]:
        return m.OccupationMarket.GenderMix.MIXED
    if share_women < FEW:
        return m.OccupationMarket.GenderMix.FEW_WOMEN
    if share_women > 100 - FEW:
        return m.OccupationMarket.GenderMix.FEW_MEN
    return m.OccupationMarket.GenderMix.BETWEEN


def fap2021_family(fap):
    """The level-228 family (the BMO's) of a code of the passage table (a level-341 family or itself)."""
    return fap.parent_id if fap.level == 341 and fap.parent_id else fap.code


def _families():
    """{occupation code: [(nomenclature, fap code, rome code used, source)]}"""
    fap2021 = defaultdict(list)
    for link in m.RomeFap2021.objects.select_related("fap").order_by("rome_code", "qualification"):
        family = fap2021_family(link.fap)
        if family not in fap2021[link.rome_code]:
            fap2021[link.rome_code].append(family)
    fap2009 = defaultdict(list)
    for rome, fap, source in m.RomeFap2009.objects.order_by("source", "rome_code", "fap_code").values_list(
        "rome_code", "fap_code", "source"
    ):
        if fap not in [f for f, _ in fap2009[rome]]:
            fap2009[rome].append((fap, source))
    labels = {code: set(content_words(label)) for code, label in m.Fap2021.objects.values_list("code", "label")}
    labels |= {code: set(content_words(label)) for code, label in m.Fap2009.objects.values_list("code", "label")}
    result = {}
    for code, parent, title in Occupation.objects.values_list("code", "parent_code", "title"):
        # The family whose name shares most words with the occupation's comes first ("Boulangers, pâtissiers"
        # before "Apprentis et ouvriers non qualifiés de l'alimentation" for Boulanger / Boulangère).
        words = set(content_words(title))

        def closest(fap, words=words):
            return (-len(words & labels.get(fap, set())), fap)

        links = []
        rome = code if code in fap2021 else parent
        links += [("fap2021", fap, rome, "dares-rome-fap2021") for fap in sorted(fap2021.get(rome, []), key=closest)]
        rome = code if code in fap2009 else parent
        links += [
            ("fap2009", fap, rome, source)
            for fap, source in sorted(fap2009.get(rome, []), key=lambda pair: closest(pair[0]))
        ]
        result[code] = links
    return result


def latest_bmo_year():
    return m.BmoRecord.objects.aggregate(year=Max("year"))["year"]


def _bmo_totals(year, region):
    """{fap code: [projects, difficult, seasonal, projects with difficult known, with seasonal known]} in the Region."""
    totals = defaultdict(lambda: [0, 0, 0, 0, 0])
    rows = m.BmoRecord.objects.filter(year=year, region_code=region).values_list(
        "bmo_code", "projects", "difficult", "seasonal"
    )
    for code, projects, difficult, seasonal in rows:
        t = totals[code]
        if projects is None:
            continue
        t[0] += projects
        if difficult is not None:
            t[1] += difficult
            t[3] += projects
        if seasonal is not None:
            t[2] += seasonal
            t[4] += projects
    return totals


def _latest_indicator(name):
    """{fap code: (value, period)} of a DARES indicator at its latest period (national scope)."""
    rows = m.DaresIndicator.objects.filter(indicator=name, scope="France", value__isnull=False).values_list(
        "fap_code", "period", "value"
    )
    latest = {}
    for code, period, value in rows:
        if code not in latest or period > latest[code][1]:
            latest[code] = (value, period)
    return latest


def _outlooks(region):
    """{FAP-87 code: Projection2030 row of the Region covering it}."""
    outlooks = {}
    for p in m.Projection2030.objects.filter(region_code=region).order_by("id"):
        for code in (p.fap_code, *p.fap_codes):
            outlooks.setdefault(code, p)
    return outlooks


def _sectors(limit=5):
    """{ROME v3 code: [[NAF label, share of its hirings %]]}, the sectors that hire the most first."""
    weights = defaultdict(list)
    rows = m.RomeNaf.objects.filter(curated=True).order_by("rome_code", "-weight", "naf_label")
    for rome, label, weight in rows.values_list("rome_code", "naf_label", "weight"):
        weights[rome].append((label, weight))
    sectors = {}
    for rome, rows in weights.items():
        total = sum(w for _, w in rows) or 1
        sectors[rome] = [[label, round(100 * weight / total)] for label, weight in rows[:limit]]
    return sectors


def indicator_for(values, fap_codes):
    """The value for the first family that has one, at its finest level (FAP-225, then FAP-87, then domain)."""
    for size in (5, 3, 1):
        for code in fap_codes:
            if code[:size] in values:
                return values[code[:size]]
    return None


def rebuild():
    region = territories.region_code()
    families = _families()
    year = latest_bmo_year()
    bmo = _bmo_totals(year, region) if year else {}
    women = _latest_indicator("share_women")
    salaries = _latest_indicator("median_salary")
    shortage_year = m.ShortageListing.objects.filter(region_code=region).aggregate(y=Max("year"))["y"]
    shortage = set(
        m.ShortageListing.objects.filter(region_code=region, year=shortage_year).values_list("fap_code", flat=True)
    )
    outlooks = _outlooks(region)
    sectors = _sectors()
    parents = dict(Occupation.objects.values_list("code", "parent_code"))
    links, markets = [], []
    for code, entries in families.items():
        links += [
            m.OccupationFamily(occupation_id=code, nomenclature=n, fap_code=fap, rome_code=rome, source=source)
            for n, fap, rome, source in entries
        ]
        fap2021 = [fap for n, fap, *_ in entries if n == "fap2021"]
        fap2009 = [fap for n, fap, *_ in entries if n == "fap2009"]
        totals = [bmo[f] for f in fap2021 if f in bmo]
        projects = sum(t[0] for t in totals) if totals else None
        with_difficult, with_seasonal = sum(t[3] for t in totals), sum(t[4] for t in totals)
        share_women, women_period = indicator_for(women, fap2009) or (None, "")
        salary, salary_period = indicator_for(salaries, fap2009) or (None, "")
        rome_v3 = entries[0][2] if entries else parents.get(code) or code
        markets.append(
            m.OccupationMarket(
                occupation_id=code,
                bmo_year=year if totals else None,
                projects=projects,
                difficult_share=sum(t[1] for t in totals) / with_difficult if with_difficult else None,
                seasonal_share=sum(t[2] for t in totals) / with_seasonal if with_seasonal else None,
                share_women=share_women,
                gender_mix=gender_mix(round(share_women) if share_women is not None else None),
                median_salary=round(salary) if salary is not None else None,
                in_shortage_list=any(f in shortage for f in fap2009),
                women_period=women_period,
                salary_period=salary_period,
                outlook=next((outlooks[f[:3]] for f in fap2009 if f[:3] in outlooks), None),
                sectors=sectors.get(rome_v3, []),
            )
        )
    with transaction.atomic():
        m.OccupationFamily.objects.all().delete()
        m.OccupationMarket.objects.all().delete()
        m.OccupationFamily.objects.bulk_create(links, batch_size=2000)
        m.OccupationMarket.objects.bulk_create(markets, batch_size=2000)
    return len(markets)
