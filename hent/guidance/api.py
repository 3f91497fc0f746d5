"""JSON endpoint of the directory, mounted under /api/v1/ (see hent/api/urls.py)."""

from django.urls import re_path

from hent.api import serializers
from hent.api.views import BadRequest, api_response, api_view, int_param
from hent.core.text import clean_input
from hent.guidance import services
from hent.guidance.models import Public, StructureKind

MAX_LIMIT = 50


def _choice(request, name, choices):
    value = clean_input(request.GET.get(name, ""), max_length=40)
    if value and value not in choices:
        raise BadRequest(f"'{name}' must be one of: {', '.join(choices)}")
    return value


@api_view
def structures(request):
    near = clean_input(request.GET.get("near", ""), max_length=10)
    if not near:
        raise BadRequest("'near' is required: an INSEE commune code or a postcode")
    kind = _choice(request, "kind", StructureKind.values)
    public = _choice(request, "public", Public.values)
    limit = int_param(request, "limit", 10, 1, MAX_LIMIT)
    place = services.place_for_code(near)
    if place is None:
        raise BadRequest("'near' is not a known INSEE commune code or postcode")
    if place.latitude is None or place.longitude is None:
        raise BadRequest("'near': this commune has no coordinates")
    found = services.nearest(
        place.latitude, place.longitude, kinds=[kind] if kind else None, public=public, limit=limit
    )
    datasets = {}
    results = []
    for s in found:
        dataset = s.dataset if s.dataset_id else None
        if dataset is not None:
            datasets[dataset.pk] = dataset
        results.append(
            {
                "slug": s.slug,
                "name": s.name,
                "kind": s.kind,
                "kind_label": str(s.get_kind_display()),
                "address": s.address,
                "postcode": s.postcode,
                "commune": s.commune,
                "commune_code": s.commune_code,
                "department": s.department,
                "latitude": s.latitude,
                "longitude": s.longitude,
                "phone": s.phone,
                "publics": s.publics,
                "distance_km": s.distance_km,
                "updated_at": s.updated_at.isoformat(),
                "source": s.source or "saisie par l'équipe de l'annuaire",
                "url": request.build_absolute_uri(s.get_absolute_url()),
            }
        )
    return api_response(
        {
            "near": {"insee": place.insee, "name": place.name, "postcode": place.postcode},
            "kind": kind or None,
            "public": public or None,
            "results": results,
            "sources": [serializers.dataset(d) for d in datasets.values()],
        }
    )


urlpatterns = [
    re_path(r"^structures/?$", structures, name="guidance_structures"),
]

_STRUCTURE = {
    "type": "object",
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": list(StructureKind.values)},
        "kind_label": {"type": "string"},
        "address": {"type": "string"},
        "postcode": {"type": "string"},
        "commune": {"type": "string"},
        "commune_code": {"type": "string", "description": "INSEE code"},
        "department": {"type": "string"},
        "latitude": {"type": "number"},
        "longitude": {"type": "number"},
        "phone": {"type": "string"},
        "publics": {"type": "array", "items": {"type": "string", "enum": list(Public.values)}},
        "distance_km": {"type": "number", "description": "great-circle distance from the commune's centre"},
        "updated_at": {"type": "string", "format": "date-time", "description": "last update of the entry"},
        "source": {"type": "string", "description": "where the entry comes from"},
        "url": {"type": "string", "format": "uri"},
    },
}

# OpenAPI "paths" entries for this endpoint, merged into /api/v1/openapi.json by hent/api/openapi.py.
OPENAPI_PATHS = {
    "/structures": {
        "get": {
            "summary": "Guidance structures nearest first",
            "description": (
                "Guidance and employment-service structures (CIO, France Travail agencies, Missions locales, …) "
                "ordered by distance from a commune. The directory is partial: it holds what open data gives and "
                "what the Region's staff add."
            ),
            "parameters": [
                {
                    "name": "near",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "example": "35238"},
                    "description": "INSEE commune code, or a postcode (its main commune).",
                },
                {"name": "kind", "in": "query", "schema": {"type": "string", "enum": list(StructureKind.values)}},
                {
                    "name": "public",
                    "in": "query",
                    "schema": {"type": "string", "enum": list(Public.values)},
                    "description": "Keep the structures serving this public (those open to all serve every public).",
                },
                {
                    "name": "limit",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": 10},
                },
            ],
            "responses": {
                "200": {
                    "description": "Structures nearest first",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "near": {"type": "object"},
                                    "kind": {"type": "string", "nullable": True},
                                    "public": {"type": "string", "nullable": True},
                                    "results": {"type": "array", "items": _STRUCTURE},
                                    "sources": {"type": "array", "items": {"type": "object"}},
                                },
                            }
                        }
                    },
                },
                "400": {"description": "Missing or invalid parameter"},
            },
        }
    }
}
