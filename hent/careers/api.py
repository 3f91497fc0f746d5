"""JSON endpoints of this domain, mounted under /api/v1/ (see hent/api/urls.py)."""

from django.urls import re_path

from hent.api import serializers
from hent.api.views import BadRequest, api_response, api_view, int_param
from hent.careers import services
from hent.occupations import services as occupations

MAX_LIMIT = 50


def _skill(skill):
    return {"ogr": skill.ogr, "label": skill.label, "kind": skill.kind, "core": skill.core}


@api_view
def transitions(request, code):
    found = services.occupation(code)  # 404 for an unknown code
    basis = request.GET.get("basis", "all")
    if basis not in services.BASES:
        raise BadRequest("'basis' must be 'skills' or 'all'")
    limit = int_param(request, "limit", 10, 1, MAX_LIMIT)
    skills = None
    raw = request.GET.getlist("skills")
    if any(value.strip() for value in raw):
        try:
            skills = services.parse_skill_codes(raw)
        except services.BadSkills:
            raise BadRequest(
                f"'skills' must be OGR codes separated by commas (at most {services.MAX_SKILLS})"
            ) from None
        _known, unknown = services.known_skills(skills)
        if unknown:
            listed = ", ".join(str(c) for c in sorted(unknown)[:10])
            raise BadRequest(f"'skills': not savoir-faire or savoirs of the ROME: {listed}")
    results = services.transitions(found.code, skills, basis=basis, limit=limit)
    return api_response(
        {
            "occupation": {"code": found.code, "title": found.title},
            "basis": basis,
            "skills": sorted(services.person_skills(found.code, skills)),
            "results": [
                {
                    "code": t.code,
                    "title": t.title,
                    "score": t.score,
                    "source": t.source,
                    "skills_used": {"count": len(t.shared), "of": t.n_skills},
                    "shared_skills": [_skill(s) for s in t.shared],
                    "missing_skills": [_skill(s) for s in t.missing],
                    "url": request.build_absolute_uri(t.url),
                }
                for t in results
            ],
            "source": serializers.dataset(occupations.rome_dataset()),
        }
    )


urlpatterns = [
    re_path(r"^occupations/(?P<code>[A-Za-z]\d{4})/transitions/?$", transitions, name="careers_transitions"),
]

_SKILL = {
    "type": "object",
    "properties": {
        "ogr": {"type": "integer", "description": "OGR code of the ROME item"},
        "label": {"type": "string"},
        "kind": {"type": "string", "enum": ["savoir_faire", "savoir"]},
        "core": {"type": "boolean", "description": "a core skill (cœur de métier) of the target occupation"},
    },
}

# OpenAPI "paths" entries for these endpoints, merged into /api/v1/openapi.json by hent/api/openapi.py.
OPENAPI_PATHS = {
    "/occupations/{code}/transitions": {
        "get": {
            "summary": "Occupations to move to, by skills",
            "description": (
                "The occupations a person who does or did this one could move to. With basis=all, the ROME's own "
                "career moves (« métiers proches et évolutions », source order) come first, then the skills-based "
                "ranking; with basis=skills, the skills-based ranking alone, which never reads the ROME's career "
                "moves (so that it can be checked against them). The ranking compares skills (savoir-faire, "
                "savoirs, their macro-competences and their wording), the names and definitions of the "
                "occupations and a few ROME tags; each result says which of the person's skills it uses and which "
                "of its skills the person lacks, core skills first. score is the ranking's score, between 0 and 1."
            ),
            "parameters": [
                {
                    "name": "code",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"},
                },
                {
                    "name": "basis",
                    "in": "query",
                    "schema": {"type": "string", "enum": ["all", "skills"], "default": "all"},
                    "description": "all: the ROME's career moves first, then skills-based ones; skills: skills only.",
                },
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 10},
                    "description": "How many occupations.",
                },
                {
                    "name": "skills",
                    "in": "query",
                    "schema": {"type": "string", "example": "100023,100063"},
                    "description": (
                        "The skills the person has: OGR codes of savoir-faire or savoirs of the ROME, separated by "
                        "commas (any occupation's). Default: every savoir-faire and savoir of the occupation."
                    ),
                },
            ],
            "responses": {
                "200": {
                    "description": "Occupations, the ROME's career moves first with basis=all",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "occupation": {
                                        "type": "object",
                                        "properties": {"code": {"type": "string"}, "title": {"type": "string"}},
                                    },
                                    "basis": {"type": "string", "enum": ["all", "skills"]},
                                    "skills": {"type": "array", "items": {"type": "integer"}},
                                    "results": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "code": {"type": "string"},
                                                "title": {"type": "string"},
                                                "score": {"type": "number", "minimum": 0, "maximum": 1},
                                                "source": {"type": "string", "enum": ["rome", "skills"]},
                                                "skills_used": {
                                                    "type": "object",
                                                    "properties": {
                                                        "count": {"type": "integer"},
                                                        "of": {"type": "integer"},
                                                    },
                                                },
                                                "shared_skills": {"type": "array", "items": _SKILL},
                                                "missing_skills": {"type": "array", "items": _SKILL},
                                                "url": {"type": "string", "format": "uri"},
                                            },
                                        },
                                    },
                                    "source": {"$ref": "#/components/schemas/Source"},
                                },
                            }
                        }
                    },
                },
                "400": {
                    "description": "Error",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                },
                "404": {
                    "description": "Error",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                },
            },
        }
    }
}
