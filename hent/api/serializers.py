"""Plain-dict representations of domain objects for the JSON API."""


def number(value):
    """A published figure (often a Decimal) as a JSON number: 55, 12.5, or None when unknown."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def dataset(d):
    if d is None:
        return None
    return {
        "name": d.name,
        "publisher": d.publisher,
        "version": d.version,
        "published_on": d.published_on.isoformat() if d.published_on else None,
        "licence": d.licence,
        "licence_url": d.licence_url,
        "is_demo": d.is_demo,
        "citation": d.citation,
    }


def occupation_summary(o, request):
    return {
        "code": o.code,
        "title": o.title,
        "domaine": {"code": o.domaine.code, "label": o.domaine.label},
        "url": request.build_absolute_uri(o.get_absolute_url()),
    }


def occupation_detail(d, request):
    o = d.occupation
    item = lambda i: {"ogr": i.ogr, "label": i.label, "core": i.core or None}  # noqa: E731
    return {
        "code": o.code,
        "title": o.title,
        "title_masculine": o.title_masculine,
        "title_feminine": o.title_feminine,
        "parent_code": o.parent_code or None,
        "domaine": {"code": o.domaine.code, "label": o.domaine.label},
        "grand_domaine": {"code": o.domaine.grand_domaine.code, "label": o.domaine.grand_domaine.label},
        "tags": {
            "regulated": o.regulated,
            "executive": o.executive,
            "transition_eco": o.transition_eco or None,
            "transition_num": o.transition_num,
            "transition_demo": o.transition_demo,
        },
        "riasec": {"major": o.riasec_major or None, "minor": o.riasec_minor or None},
        "definition": d.definition,
        "access": d.access,
        "other_titles": [
            {"ogr": t.ogr, "label": t.label, "is_main": t.is_main, "rarely_used": t.rarely_used} for t in d.other_titles
        ],
        "skills": [dict(item(i), group=str(label)) for label, items in d.skill_groups for i in items],
        "soft_skills": [item(i) for i in d.soft_skills],
        "knowledge": [dict(item(i), category=cat) for cat, items in d.knowledge_groups for i in items],
        "work_contexts": [
            {"ogr": i.ogr, "label": i.label, "type": cat} for cat, items in d.context_groups for i in items
        ],
        "mobilities": [{"code": t.code, "title": t.title} for t in d.mobilities],
        "centres_interet": [
            {"code": link.centre.code, "label": link.centre.label, "principal": link.is_principal}
            for link in d.interests
        ],
        "themes": [{"code": t.code, "label": t.label} for t in d.themes],
        "sectors": [
            {
                "code": link.sector.code,
                "label": link.sector.label,
                "subsector": link.subsector.label if link.subsector else None,
                "principal": link.is_principal,
            }
            for link in d.sectors
        ],
        "naf_sectors": [{"code": n.code, "label": n.label} for n in d.naf_sectors],
        "url": request.build_absolute_uri(o.get_absolute_url()),
        "source": dataset(d.dataset),
    }


def search_result(r, request):
    return {
        "code": r.code,
        "title": r.title,
        "matched_title": r.matched_title,
        "score": r.score,
        "reason": r.reason or None,
        "domaine": r.domaine,
        "url": request.build_absolute_uri(r.url),
    }


def training_summary(s, request):
    t = s.training
    return {
        "id": t.slug,
        "title": t.title,
        "level": t.level,
        "type": t.type_label or None,
        "modes": [str(m) for m in s.modes],
        "taught_in_region": t.taught_in_region,
        "places": [establishment_place(p, km, request) for p, km in s.places],
        "url": request.build_absolute_uri(t.get_absolute_url()),
    }


def establishment_place(place, km, request):
    e = place.establishment
    return {
        "establishment": e.code,
        "name": e.name,
        "commune": e.commune_name or None,
        "distance_km": round(km, 1) if km is not None else None,
        "mode": place.mode or None,
        "source": place.source,
        "url": request.build_absolute_uri(e.get_absolute_url()),
    }


def outcome(o):
    return {
        "scope": o.scope,
        "year": o.year,
        "cohort": o.cohort,
        "employment_rate_6_months": number(o.employment_6),
        "employment_rate_12_months": number(o.employment_12),
        "employment_rate_18_months": number(o.employment_18),
        "employment_rate_24_months": number(o.employment_24),
        "further_studies_rate": number(o.further_studies),
        "source": o.citation,
    }


def training_detail(d, request):
    t = d.training
    return {
        "id": t.slug,
        "title": t.title,
        "level": t.level,
        "level_label": str(d.level),
        "type": t.type_label or None,
        "duration": t.duration or None,
        "modes": [str(m) for m in d.modes],
        "certifier": t.certifier or None,
        "rncp": t.rncp or None,
        "cfd": t.cfd or None,
        "active": t.active,
        "description_html": t.description or None,
        "occupations": [
            {"code": o.code, "title": o.title, "sources": [str(s) for s in sources]} for o, sources in d.occupations
        ],
        "places": [establishment_place(p, km, request) for p, km in d.places],
        "outcomes": [outcome(o) for o in d.outcomes],
        "sources": [dataset(ds) for ds in d.datasets],
        "url": request.build_absolute_uri(t.get_absolute_url()),
    }


def establishment_detail(d, request):
    e = d.establishment
    return {
        "id": e.code,
        "uai": e.uai or None,
        "name": e.name,
        "kind": e.kind or None,
        "sector": e.sector or None,
        "address": e.address or None,
        "postcode": e.postcode or None,
        "commune": {"code": e.commune_code or None, "name": e.commune_name or None},
        "latitude": e.latitude,
        "longitude": e.longitude,
        "position": e.position or None,
        "trainings": [
            {"id": p.training.slug, "title": p.training.title, "mode": p.mode or None}
            for _, ps in d.trainings
            for p in ps
        ],
        "outcomes": [establishment_outcome(o) for _citation, rows in d.outcomes for o in rows],
        "url": request.build_absolute_uri(e.get_absolute_url()),
    }


def establishment_outcome(o):
    return {
        "period": o.period,
        "scope": o.scope,
        "employment_rate_6_months": number(o.employment_6),
        "expected_rate_6_months": number(o.expected_6),
        "further_studies_rate": number(o.further_studies),
        "source": o.citation,
    }


def counts(c):
    if c is None:
        return None
    return {
        "projects": c.projects,
        "difficult_share": c.difficult_share,
        "seasonal_share": c.seasonal_share,
        "masked_values": c.masked,
    }


def occupation_market(v):
    return {
        "occupation": v.occupation.code,
        "region": v.region,
        "bmo_families": [
            {
                "nomenclature": "FAP 2021",
                "code": f.code,
                "label": f.label,
                "by_year": {str(year): counts(c) for year, c in sorted(f.by_year.items())},
                "change_percent": f.change,
                "in_visitor_basin": counts(f.basin),
            }
            for f in v.families
        ],
        "visitor_basin": v.basin.code if v.basin else None,
        "fap2009_families": [{"code": code, "label": label} for code, label in v.fap2009],
        "in_regional_shortage_list": v.shortage,
        "median_monthly_net_salary": {"euros": v.salary[0], "period": v.salary[1], "scope": "France"}
        if v.salary
        else None,
        "share_women": {"percent": v.share_women[0], "period": v.share_women[1], "scope": "France"}
        if v.share_women
        else None,
        "gender_mix": v.gender_mix or None,
        "outlook_2030": {
            "family": v.outlook.label,
            "positions_to_fill_thousands": v.outlook.positions_to_fill,
            "employment_2019_thousands": v.outlook.employment_2019,
        }
        if v.outlook
        else None,
        "hiring_sectors": [{"naf": label, "share_of_hirings_percent": share} for label, share in v.sectors],
        "sources": v.sources,
    }


def territory(t):
    def rows(chart):
        return [{"label": b.label, "value": b.value} for b in chart]

    return {
        "kind": t.kind,
        "code": t.code,
        "name": t.name,
        "year": t.year,
        "total": counts(t.total),
        "top_families": rows(t.top),
        "hardest_to_fill_percent": rows(t.hardest),
        "seasonal_percent": rows(t.seasonal),
        "sectors": rows(t.sectors),
        "note": t.note or None,
        "source": t.source,
    }
