"""Public JSON API, version 1. Thin: parse, call the domain services, serialize."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hent.api import serializers
from hent.api.openapi import openapi_document
from hent.core.models import Dataset
from hent.core.text import clean_input
from hent.labour import services as labour
from hent.occupations import services as occupations
from hent.search import services as search
from hent.territories import services as territories
from hent.trainings import services as trainings
from hent.trainings.forms import TrainingSearchForm


def api_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(message, status):
    return api_response({"error": message}, status=status)


class BadRequest(Exception):
    pass


def code_param(request, name, pattern):
    """A code filter (e.g. a domaine "D11"): empty, or matching its pattern, else 400."""
    value = request.GET.get(name, "").strip()
    if value and not re.fullmatch(pattern, value):
        raise BadRequest(f"'{name}' is not a valid code")
    return value


def int_param(request, name, default, minimum, maximum):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"'{name}' must be a whole number") from None
    if not minimum <= value <= maximum:
        raise BadRequest(f"'{name}' must be between {minimum} and {maximum}")
    return value


def api_view(view):
    """GET/HEAD only; bad parameters give 400 and unknown objects 404, always in JSON."""

    @require_safe
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as exc:
            return error(str(exc), 400)
        except Http404:
            return error("not found", 404)

    wrapper.__name__ = view.__name__
    return wrapper


def paginate(request, queryset, serialize):
    size = int_param(request, "page_size", settings.API_PAGE_SIZE, 1, settings.API_MAX_PAGE_SIZE)
    paginator = Paginator(queryset, size)
    number = int_param(request, "page", 1, 1, max(paginator.num_pages, 1))
    page = paginator.page(number)

    def link(n):
        params = request.GET.copy()
        params["page"] = n
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": paginator.count,
        "page": number,
        "pages": paginator.num_pages,
        "next": link(number + 1) if page.has_next() else None,
        "previous": link(number - 1) if page.has_previous() else None,
        "results": [serialize(o) for o in page.object_list],
    }


@api_view
def occupation_list(request):
    filters = {
        "grand_domaine": code_param(request, "grand_domaine", r"[A-Za-z]"),
        "domaine": code_param(request, "domaine", r"[A-Za-z]\d\d"),
        "theme": code_param(request, "theme", r"\w{1,10}"),
    }
    for k in ("centre_interet", "secteur"):
        filters[k] = int_param(request, k, None, 0, 32767)
    data = paginate(
        request, occupations.paginated_occupations(filters), lambda o: serializers.occupation_summary(o, request)
    )
    data["source"] = serializers.dataset(occupations.rome_dataset())
    return api_response(data)


@api_view
def occupation_search(request):
    limit = int_param(request, "limit", 10, 1, 50)
    query, results = search.search(request.GET.get("q", ""), limit=limit)
    return api_response({"query": query.text, "results": [serializers.search_result(r, request) for r in results]})


def _origin(request):
    """The place given as ?lieu= (a commune or postcode), else the one remembered for the visit."""
    text = request.GET.get("lieu", "")
    return territories.resolve_place(text) if text else territories.current_place(request)


@api_view
def occupation_trainings(request, code):
    occupations.occupation_detail(code)  # 404 for an unknown code
    groups = trainings.trainings_for_occupation(code.upper(), origin=_origin(request), per_level=1000)
    return api_response(
        {
            "occupation": code.upper(),
            "levels": [
                {
                    "label": str(g.label),
                    "count": g.total,
                    "trainings": [serializers.training_summary(s, request) for s in g.summaries],
                }
                for g in groups
            ],
        }
    )


@api_view
def occupation_market(request, code):
    occupations.occupation_detail(code)  # 404 for an unknown code
    return api_response(serializers.occupation_market(labour.occupation_market(code.upper(), _origin(request))))


@api_view
def territory(request, kind, code=None):
    kinds = {"region": "region", "departements": "department", "bassins": "basin", "epci": "epci"}
    view = labour.territory(kinds[kind], code)
    if view is None:
        raise Http404
    return api_response(serializers.territory(view))


@api_view
def training_list(request):
    form = TrainingSearchForm(request.GET)
    if not form.is_valid():
        raise BadRequest("; ".join(f"'{k}': {' '.join(v)}" for k, v in form.errors.items()))
    data = form.cleaned_data
    origin = _origin(request)
    results = trainings.search_trainings(
        text=clean_input(data["q"]), level=data["niveau"], mode=data["modalite"], department=data["departement"],
        epci=data["epci"],
        origin=origin, radius=data["rayon"] if origin else None, occupation=data["metier"].upper(),
    )  # fmt: skip
    return api_response(paginate(request, results, lambda s: serializers.training_summary(s, request)))


@api_view
def training_detail(request, slug):
    return api_response(serializers.training_detail(trainings.training_detail(slug, origin=_origin(request)), request))


@api_view
def establishment_detail(request, code):
    d = trainings.establishment_detail(code, origin=_origin(request))
    return api_response(serializers.establishment_detail(d, request))


@api_view
def occupation_detail(request, code):
    return api_response(serializers.occupation_detail(occupations.occupation_detail(code), request))


@api_view
def domain_list(request):
    return api_response(
        {
            "results": [
                {
                    "code": gd.code,
                    "label": gd.label,
                    "domaines": [
                        {"code": d.code, "label": d.label, "occupations": d.n_occupations} for d in gd.domaines.all()
                    ],
                }
                for gd in occupations.all_domaines()
            ]
        }
    )


@api_view
def interest_list(request):
    return api_response(
        {
            "results": [
                {"code": c.code, "label": c.label, "occupations": c.n_occupations} for c in occupations.interests()
            ]
        }
    )


@api_view
def theme_list(request):
    return api_response(
        {"results": [{"code": t.code, "label": t.label, "occupations": t.n_occupations} for t in occupations.themes()]}
    )


@api_view
def sector_list(request):
    return api_response(
        {"results": [{"code": s.code, "label": s.label, "occupations": s.n_occupations} for s in occupations.sectors()]}
    )


@api_view
def dataset_list(request):
    return api_response({"results": [dict(serializers.dataset(d), slug=d.slug) for d in Dataset.objects.all()]})


@api_view
def openapi(request):
    return api_response(openapi_document(request))


@api_view
def not_found(request):
    raise Http404


@require_safe
def docs(request):
    return render(request, "api/docs.html", {"spec": openapi_document(request)})
