"""JSON endpoints of this domain, mounted under /api/v1/ (see hent/api/urls.py): the questionnaire, the profile of a
set of answers with its suggestions, and the occupations of several centres d'intérêt."""

from django.urls import path

from hent.api import serializers
from hent.api.views import BadRequest, api_response, api_view
from hent.explore import questionnaire as qn
from hent.explore import scoring, services
from hent.explore.forms import DiscoveryFilterForm, InterestsForm


def _filters(form):
    if form.is_bound and not form.is_valid():
        fields = sorted(set(form.errors) - {"envie"})
        if fields:
            raise BadRequest(f"invalid filter: {', '.join(fields)}")
    return form.filters()


def _level(card):
    return {"level": card.level, "label": str(card.level_label)} if card.level else None


def _occupation(card, request):
    o = card.occupation
    return {
        "code": o.code,
        "title": o.title,
        "url": request.build_absolute_uri(o.get_absolute_url()),
        "lowest_training_level": _level(card),
    }


@api_view
def questionnaire(request):
    q = qn.load()
    return api_response(
        {
            "version": q.version,
            "steps": q.steps,
            "scale": [{"code": code, "label": str(label), "points": qn.POINTS.get(code)} for code, label in qn.SCALE],
            "unanswered_code": qn.UNANSWERED,
            "items": [
                {"id": i.id, "type": i.type, "text": i.label, "step": i.step, "position": i.position} for i in q.items
            ],
            "types": [
                {"letter": t.letter, "name": str(t.name), "description": str(t.description), "likes": str(t.likes)}
                for t in services.types()
            ],
        }
    )


@api_view
def profile(request):
    q = qn.load()
    if request.GET.get("reponses"):
        try:
            answers = qn.parse_answers(q, request.GET["reponses"], request.GET.get("v"))
        except qn.BadAnswers as exc:
            if exc.reason == "version":
                raise BadRequest(f"'v': the current questionnaire is version {q.version}") from None
            raise BadRequest(
                f"'reponses' must be {len(q.items)} characters among 3, 2, 1, 0, x (don't know), - (no answer)"
            ) from None
        result = scoring.profile(q, answers)
    elif request.GET.get("profil"):
        result = scoring.profile_from_letters(request.GET["profil"])
        if result is None:
            raise BadRequest("'profil' must be 1 to 3 different letters among R, I, A, S, E, C")
    else:
        raise BadRequest("give 'reponses' (with 'v') or 'profil'")
    filters = _filters(DiscoveryFilterForm(request.GET))
    data = {
        "status": result.status,
        "profile": result.code,
        "groups": result.groups,
        "left_out": result.left_out,
        "scores": [
            {"type": s.letter, "score": s.score, "answered": s.answered, "skipped": s.skipped} for s in result.scores
        ],
        "suggestions": None,
    }
    if result.status == scoring.OK:
        found = services.suggestions(result, filters)
        data["suggestions"] = {
            "total": found.total,
            "shown": found.shown,
            "groups": [
                {
                    "grand_domaine": {"code": g.grand_domaine.code, "label": g.grand_domaine.label},
                    "occupations": [
                        {
                            **_occupation(c, request),
                            "riasec": {"major": c.occupation.riasec_major, "minor": c.occupation.riasec_minor or None},
                            "fit": c.fit,
                            "reason": c.reason,
                        }
                        for c in g.cards
                    ],
                }
                for g in found.groups
            ],
        }
        data["sources"] = [serializers.dataset(d) for d in services.sources()]
    return api_response(data)


@api_view
def interests(request):
    centres = services.centres()
    form = InterestsForm(request.GET, centres=centres)
    filters = _filters(form)
    chosen = form.chosen()
    if "envie" in form.errors or not chosen:
        raise BadRequest("'envie' must be one or several codes of /api/v1/interests")
    found = services.by_interests(chosen, filters, only_all=form.cleaned_data.get("toutes", False))
    return api_response(
        {
            "centres": [{"code": c.code, "label": c.label} for c in found.centres],
            "total": found.total,
            "shown": found.shown,
            "sections": [
                {
                    "matches": n,
                    "domaines": [
                        {
                            "code": d.code,
                            "label": d.label,
                            "occupations": [
                                {**_occupation(c, request), "centres": [x.code for x in c.centres]} for c in cards
                            ],
                        }
                        for d, cards in domains
                    ],
                }
                for n, domains in found.sections
            ],
            "sources": [serializers.dataset(d) for d in services.sources()],
        }
    )


urlpatterns = [
    path("explore/questionnaire", questionnaire, name="explore_questionnaire"),
    path("explore/profile", profile, name="explore_profile"),
    path("explore/interests", interests, name="explore_interests"),
]

_FILTER_PARAMS = [
    {
        "name": "niveau",
        "in": "query",
        "schema": {"type": "integer", "enum": [3, 4, 5, 6, 7]},
        "description": "Keep occupations whose shortest linked training is at this European level or below.",
    },
    {
        "name": "mixite",
        "in": "query",
        "schema": {"type": "string", "enum": ["mixte", "peu_de_femmes", "peu_d_hommes"]},
        "description": "Gender mix of the occupation (DARES).",
    },
    {
        "name": "recrute",
        "in": "query",
        "schema": {"type": "boolean"},
        "description": "Only occupations whose families have at least 100 hiring projects a year in the Region (BMO).",
    },
]
_BAD = {
    "description": "Bad parameters",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

# OpenAPI "paths" entries for these endpoints, merged into /api/v1/openapi.json by hent/api/openapi.py.
OPENAPI_PATHS = {
    "/explore/questionnaire": {
        "get": {
            "summary": "The interests questionnaire (RIASEC)",
            "description": "Its version, answer scale, items in screen order, and the six types in plain words.",
            "responses": {"200": {"description": "The questionnaire"}},
        }
    },
    "/explore/profile": {
        "get": {
            "summary": "Profile of a set of answers, and occupations that fit it",
            "description": (
                "Scores per RIASEC type (0-100), the two or three strongest types (status 'ok'), or why none stands "
                "out ('flat', 'low', 'incomplete'); then ROME occupations whose RIASEC codes fit, by grand domaine, "
                "each with the reason it is suggested. Nothing is stored."
            ),
            "parameters": [
                {
                    "name": "reponses",
                    "in": "query",
                    "schema": {"type": "string", "pattern": "^[3210x-]{30}$"},
                    "description": "One character per item, in order: 3, 2, 1, 0 (like a lot … not at all), x (don't "
                    "know), - (no answer).",
                },
                {"name": "v", "in": "query", "schema": {"type": "string"}, "description": "Questionnaire version."},
                {
                    "name": "profil",
                    "in": "query",
                    "schema": {"type": "string", "pattern": "^[RIASECriasec]{1,3}$"},
                    "description": "Instead of answers: 1 to 3 RIASEC letters, strongest first.",
                },
                *_FILTER_PARAMS,
            ],
            "responses": {"200": {"description": "Profile and suggestions"}, "400": _BAD},
        }
    },
    "/explore/interests": {
        "get": {
            "summary": "Occupations of one or several centres d'intérêt",
            "description": "Those matching the most chosen centres first, by domaine professionnel.",
            "parameters": [
                {
                    "name": "envie",
                    "in": "query",
                    "required": True,
                    "explode": True,
                    "schema": {"type": "array", "items": {"type": "integer"}},
                    "description": "Codes of centres d'intérêt (see /interests); repeat the parameter.",
                },
                {
                    "name": "toutes",
                    "in": "query",
                    "schema": {"type": "boolean"},
                    "description": "Only occupations matching every chosen centre.",
                },
                *_FILTER_PARAMS,
            ],
            "responses": {"200": {"description": "Occupations by number of centres matched"}, "400": _BAD},
        }
    },
}
