"""Plain-dict representations of domain objects for the JSON API."""


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
