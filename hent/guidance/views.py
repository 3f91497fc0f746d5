"""Public pages of the directory: search nearest first, a structure, the "Je suis… / je cherche…" guide."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hent.core.text import clean_input
from hent.guidance import services
from hent.guidance.models import Public, StructureKind
from hent.territories import services as territories

PAGE_SIZE = 10


def _choice(request, name, choices, label, errors):
    """A filter value among its choices; anything else is ignored, with a message."""
    value = clean_input(request.GET.get(name, ""), max_length=40)
    if value and value not in choices:
        errors.append(_("Le filtre « %(label)s » demandé n'existe pas : il a été ignoré.") % {"label": label})
        return ""
    return value


@require_safe
def index(request):
    errors = []
    kind = _choice(request, "type", StructureKind.values, _("type de structure"), errors)
    public = _choice(request, "public", Public.values, _("public"), errors)
    lieu = clean_input(request.GET.get("lieu", ""), max_length=100)
    insee = clean_input(request.GET.get("insee", ""), max_length=5)
    if insee and not (insee[:2].isalnum() and insee[2:].isdigit() and len(insee) == 5):
        errors.append(_("Le code de commune demandé n'est pas valide : il a été ignoré."))
        insee = ""
    remembered = None
    if not lieu and not insee:
        remembered = territories.current_place(request)
        insee = remembered.insee if remembered else ""
    found = services.search_from(text=lieu, insee=insee, kinds=[kind] if kind else None, public=public)
    page = Paginator(found.results, PAGE_SIZE).get_page(request.GET.get("page")) if found.place else None
    filters = {k: v for k, v in (("type", kind), ("public", public)) if v}
    context = {
        "nav": "structures",
        "lieu": lieu,
        "place": found.place,
        "remembered": remembered,
        "candidates": found.candidates,
        "page": page,
        "total": len(found.results),
        "unlocated": found.unlocated,
        "kind": kind,
        "public": public,
        "kind_label": services.KIND_LABELS.get(kind, ""),
        "public_label": services.PUBLIC_LABELS.get(public, ""),
        "kinds": StructureKind.choices,
        "publics": Public.choices,
        "errors": errors,
        "filters_query": urlencode(filters),
        "page_query": urlencode({**filters, **({"insee": found.place.insee} if found.place else {})}),
        "missing": services.missing_kinds(),
        "gaps": services.coverage_gaps(),
        "outreach": services.upcoming_outreach(),
        "kind_missing": kind and kind not in services.kinds_present(),
        "national_directory": services.NATIONAL_DIRECTORIES.get(kind, ""),
        "not_found": bool((lieu or insee) and found.place is None and not found.candidates),
        "datasets": services.datasets(),
    }
    return render(request, "guidance/index.html", context)


@require_safe
def detail(request, slug):
    structure = services.structure(slug)
    if structure is None:
        raise Http404
    now = timezone.now()
    context = {
        "nav": "structures",
        "s": structure,
        "kind_description": services.kind_description(structure.kind),
        "status": services.opening_status(structure, now),
        "week": services.week(structure),
        "sessions": structure.upcoming,
        "place": territories.current_place(request),
    }
    place = context["place"]
    if place and place.latitude is not None and structure.has_coordinates:
        context["distance_km"] = round(
            territories.distance_km(place.latitude, place.longitude, structure.latitude, structure.longitude), 1
        )
    return render(request, "guidance/detail.html", context)


@require_safe
def guide(request):
    present = services.kinds_present()
    entries = [
        {
            "entry": e,
            "label": services.KIND_LABELS[e.kind],
            "present": e.kind in present,
            "query": urlencode({"type": e.kind}),
            "directory": services.NATIONAL_DIRECTORIES.get(e.kind, ""),
        }
        for e in services.GUIDE
    ]
    return render(request, "guidance/guide.html", {"nav": "structures", "entries": entries})
