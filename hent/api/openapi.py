"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json and rendered at /api/."""

PAGE_PARAMS = [
    {
        "name": "page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1},
        "description": "Page number (from 1).",
    },
    {
        "name": "page_size",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
        "description": "Results per page.",
    },
]

LABELLED = {"type": "object", "properties": {"code": {"type": "string"}, "label": {"type": "string"}}}
ERROR = {"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"}}
PLACE = {
    "name": "lieu",
    "in": "query",
    "schema": {"type": "string"},
    "description": "A commune or postcode: places are then sorted nearest first.",
}


def _json(description, schema):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _list(summary, item_schema, description=""):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"results": {"type": "array", "items": item_schema}},
                            }
                        }
                    },
                }
            },
        }
    }


def domain_paths():
    """The endpoints other domains declare in their api.py (OPENAPI_PATHS)."""
    from hent.careers.api import OPENAPI_PATHS as careers
    from hent.explore.api import OPENAPI_PATHS as explore
    from hent.guidance.api import OPENAPI_PATHS as guidance
    from hent.projects.api import OPENAPI_PATHS as projects

    return {**careers, **explore, **projects, **guidance}


def openapi_document(request):
    counted = {
        "type": "object",
        "properties": {"code": {}, "label": {"type": "string"}, "occupations": {"type": "integer"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hent API",
            "version": "1.0.0",
            "description": (
                "Open data on occupations (ROME 4.0), with their sources. Free to use, no key needed. "
                "Every response that shows imported data says which dataset and version it comes from."
            ),
            "license": {"name": "Licence Ouverte 2.0 (data); see /sources/ for each dataset"},
        },
        "servers": [{"url": request.build_absolute_uri("/api/v1")}],
        "paths": {
            "/occupations": {
                "get": {
                    "summary": "List occupations",
                    "description": "All ROME occupations, by code, paginated; optionally filtered.",
                    "parameters": [
                        *PAGE_PARAMS,
                        {"name": "grand_domaine", "in": "query", "schema": {"type": "string"}, "description": "e.g. D"},
                        {"name": "domaine", "in": "query", "schema": {"type": "string"}, "description": "e.g. D11"},
                        {"name": "centre_interet", "in": "query", "schema": {"type": "integer"}},
                        {"name": "theme", "in": "query", "schema": {"type": "string"}, "description": "e.g. 001"},
                        {"name": "secteur", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of occupations",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/OccupationPage"}}
                            },
                        },
                        "400": ERROR,
                    },
                }
            },
            "/occupations/{code}": {
                "get": {
                    "summary": "One occupation",
                    "description": "What the ROME says of an occupation: texts, skills, contexts, moves, interests.",
                    "parameters": [
                        {
                            "name": "code",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[A-Z][0-9]{4}$"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The occupation",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Occupation"}}},
                        },
                        "404": ERROR,
                    },
                }
            },
            "/occupations/search": {
                "get": {
                    "summary": "Search occupations",
                    "description": (
                        "How people name jobs: accents, feminine forms, plurals, typos, the beginning of a word, "
                        "acronyms, everyday and English words, and themes. One result per occupation, best first, "
                        "with the title or theme that matched."
                    ),
                    "parameters": [
                        {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "What was typed."},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}},
                    ],
                    "responses": {"200": _json("Results, best first", "SearchResults"), "400": ERROR},
                }
            },
            "/occupations/{code}/trainings": {
                "get": {
                    "summary": "Trainings leading to an occupation",
                    "description": "By level; each with access modes and where it is taught in the Region.",
                    "parameters": [CODE, PLACE],
                    "responses": {"200": {"description": "Trainings by level"}, "404": ERROR},
                }
            },
            "/occupations/{code}/market": {
                "get": {
                    "summary": "An occupation's labour-market figures in the Region",
                    "description": (
                        "BMO hiring projects of its FAP 2021 families (Region, visitor's bassin, by year), "
                        "shortage list, "
                        "median salary and share of women (DARES, FAP 2009 families), 2030 outlook, hiring sectors; "
                        "each with its source."
                    ),
                    "parameters": [CODE, PLACE],
                    "responses": {"200": {"description": "Figures"}, "404": ERROR},
                }
            },
            "/territories/region": {
                "get": {"summary": "The Region's hiring figures", "responses": {"200": {"description": "Figures"}}}
            },
            "/territories/{kind}/{code}": {
                "get": {
                    "summary": "A territory's hiring figures",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "path",
                            "required": True,
                            "schema": {"enum": ["departements", "bassins", "epci"]},
                        },
                        {"name": "code", "in": "path", "required": True, "schema": {"type": "string"}},
                    ],
                    "responses": {"200": {"description": "Figures"}, "404": ERROR},
                }
            },
            "/trainings": {
                "get": {
                    "summary": "Search trainings",
                    "parameters": [
                        *PAGE_PARAMS,
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                        {
                            "name": "niveau",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 2, "maximum": 8},
                            "description": "European level (3 = CAP … 8 = doctorate).",
                        },
                        {
                            "name": "modalite",
                            "in": "query",
                            "schema": {"enum": ["initiale", "apprentissage", "continue", "vae"]},
                        },
                        {"name": "departement", "in": "query", "schema": {"type": "string"}},
                        {"name": "metier", "in": "query", "schema": {"type": "string"}, "description": "ROME code"},
                        PLACE,
                        {
                            "name": "rayon",
                            "in": "query",
                            "schema": {"enum": [10, 20, 30, 50, 100]},
                            "description": "Kilometres around `lieu`.",
                        },
                    ],
                    "responses": {"200": {"description": "A page of trainings"}, "400": ERROR},
                }
            },
            "/trainings/{id}": {
                "get": {
                    "summary": "One training",
                    "description": "Level, modes, certifier, occupations and their sources, places, outcomes.",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, PLACE],
                    "responses": {"200": {"description": "The training"}, "404": ERROR},
                }
            },
            "/establishments/{id}": {
                "get": {
                    "summary": "One establishment",
                    "description": "By UAI (or SIRET): address, position and its precision, trainings, outcomes.",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "The establishment"}, "404": ERROR},
                }
            },
            "/places": {
                "get": {
                    "summary": "Find a commune",
                    "description": "Communes of the Region by name or postcode, for place pickers.",
                    "parameters": [
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 20}},
                    ],
                    "responses": {"200": {"description": "Communes"}, "400": ERROR},
                }
            },
            **domain_paths(),
            "/domains": _list("Grands domaines and domaines professionnels", LABELLED),
            "/interests": _list("Centres d'intérêt (« J'ai envie de… »)", counted),
            "/themes": _list("Themes", counted),
            "/sectors": _list("Activity sectors", counted),
            "/datasets": _list(
                "Imported datasets (publisher, version, licence)", {"$ref": "#/components/schemas/Source"}
            ),
        },
        "components": {
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]},
                "SearchResults": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "code": {"type": "string"},
                                    "title": {"type": "string"},
                                    "matched_title": {"type": "string"},
                                    "score": {"type": "number", "minimum": 0, "maximum": 1},
                                    "reason": {"type": ["string", "null"]},
                                },
                                "required": ["code", "title", "matched_title", "score"],
                            },
                        },
                    },
                },
                "Source": {
                    "type": ["object", "null"],
                    "properties": {
                        "name": {"type": "string"},
                        "publisher": {"type": "string"},
                        "version": {"type": "string"},
                        "published_on": {"type": ["string", "null"], "format": "date"},
                        "licence": {"type": "string"},
                        "is_demo": {"type": "boolean"},
                        "citation": {"type": "string"},
                    },
                },
                "OccupationSummary": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "title": {"type": "string"},
                        "domaine": LABELLED,
                        "url": {"type": "string", "format": "uri"},
                    },
                    "required": ["code", "title"],
                },
                "OccupationPage": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer"},
                        "page": {"type": "integer"},
                        "pages": {"type": "integer"},
                        "next": {"type": ["string", "null"]},
                        "previous": {"type": ["string", "null"]},
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/OccupationSummary"}},
                        "source": {"$ref": "#/components/schemas/Source"},
                    },
                    "required": ["count", "results"],
                },
                "Occupation": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "title": {"type": "string"},
                        "title_masculine": {"type": "string"},
                        "title_feminine": {"type": "string"},
                        "definition": {"type": "array", "items": {"type": "string"}},
                        "access": {"type": "array", "items": {"type": "string"}},
                        "skills": {"type": "array", "items": {"type": "object"}},
                        "soft_skills": {"type": "array", "items": {"type": "object"}},
                        "knowledge": {"type": "array", "items": {"type": "object"}},
                        "work_contexts": {"type": "array", "items": {"type": "object"}},
                        "mobilities": {"type": "array", "items": {"type": "object"}},
                        "riasec": {"type": "object"},
                        "source": {"$ref": "#/components/schemas/Source"},
                    },
                    "required": ["code", "title", "definition"],
                },
            }
        },
    }
