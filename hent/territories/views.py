"""The place picker ("près de chez moi"), working without JavaScript, and its JSON twin."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from hent.core.http import safe_next
from hent.core.text import clean_input
from hent.territories import services

PAGE_LIMIT = 20
JSON_LIMIT_DEFAULT, JSON_LIMIT_MAX = 10, 20


@require_safe
def place(request):
    text = clean_input(request.GET.get("lieu", ""), max_length=100)
    places = services.find_places(text, limit=PAGE_LIMIT) if text else []
    choice = services.unambiguous_place(places)
    context = {
        "lieu": text,
        "next": safe_next(request, request.GET.get("next")),
        "places": places,
        "choice": choice,
        "others": [p for p in places if p is not choice],
        "current": services.current_place(request),
        "territory_name": services.region_name(),
        "dataset": services.geo_dataset(),
    }
    return render(request, "territories/place.html", context)


@require_POST
def choose(request):
    """Remember the commune posted (its INSEE code, or a text that designates one) and go back."""
    next_url = safe_next(request, request.POST.get("next"))
    insee = request.POST.get("insee", "").strip()
    text = clean_input(request.POST.get("lieu", ""), max_length=100)
    if insee:
        chosen = services.commune(insee)
    else:
        chosen = services.unambiguous_place(services.find_places(text, limit=PAGE_LIMIT)) if text else None
    if chosen is None:
        query = urlencode({"lieu": text, "next": next_url})
        return HttpResponseRedirect(f"{reverse('territories:place')}?{query}")
    services.remember_place(request, chosen)
    return HttpResponseRedirect(next_url)


@require_POST
def forget(request):
    services.forget_place(request)
    return HttpResponseRedirect(safe_next(request, request.POST.get("next")))


@require_safe
def places_json(request):
    """GET ?q=text[&limit=1..20] -> {"results": [commune, ...]} (mounted at /api/v1/places)."""
    raw = request.GET.get("limit", "")
    limit = int(raw) if raw.isascii() and raw.isdigit() else None
    if raw == "":
        limit = JSON_LIMIT_DEFAULT
    elif limit is None or not 1 <= limit <= JSON_LIMIT_MAX:
        return _json({"error": f"'limit' must be a whole number between 1 and {JSON_LIMIT_MAX}"}, status=400)
    places = services.find_places(request.GET.get("q", ""), limit=limit)
    return _json({"results": [_place_json(p) for p in places]})


def _place_json(commune):
    return {
        "insee": commune.insee,
        "name": commune.name,
        "postcode": commune.postcode,
        "department": {"code": commune.department_id, "name": commune.department.name},
        "latitude": commune.latitude,
        "longitude": commune.longitude,
    }


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
