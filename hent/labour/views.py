from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from hent.labour import services
from hent.territories import services as territories
from hent.trainings import services as trainings


def _territory(request, kind, code=None):
    view = services.territory(kind, code)
    if view is None:
        raise Http404
    taught = trainings.taught_in_communes(view.communes, limit=12)
    return render(request, "labour/territory.html", {"nav": "emploi", "t": view, "trainings": taught})


@require_safe
def region(request):
    return _territory(request, "region")


@require_safe
def department(request, code):
    return _territory(request, "department", code)


@require_safe
def basin(request, code):
    return _territory(request, "basin", code)


@require_safe
def epci(request, code):
    return _territory(request, "epci", code)


@require_safe
def family(request, code):
    fap, occupations = services.family(code)
    if fap is None:
        raise Http404
    return render(request, "labour/family.html", {"nav": "emploi", "fap": fap, "occupations": occupations})


@require_safe
def who_hires(request):
    """ "Qui recrute près de chez moi ?": the bassin of the chosen commune, else the place picker."""
    place = territories.current_place(request)
    if place is not None and place.bmo_basin_id:
        return redirect("labour:basin", code=place.bmo_basin_id)
    return redirect("/territoires/lieu/?next=/territoires/qui-recrute/")
