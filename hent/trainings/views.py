from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hent.core.text import clean_input
from hent.territories import maps
from hent.territories import services as territories
from hent.trainings import services
from hent.trainings.forms import TrainingSearchForm

PAGE_SIZE = 20


@require_safe
def search(request):
    form = TrainingSearchForm(request.GET or None)
    place = territories.current_place(request)
    results, page = None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        radius = data["rayon"] if place else None
        results = services.search_trainings(
            text=clean_input(data["q"]),
            level=data["niveau"],
            mode=data["modalite"],
            department=data["departement"],
            epci=data["epci"],
            occupation=data["metier"].upper(),
            origin=place,
            radius=radius,
        )
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "total": len(results) if results is not None else None, "place": place}
    return render(request, "trainings/search.html", {"nav": "formations", **context})


@require_safe
def detail(request, slug):
    place = territories.current_place(request)
    d = services.training_detail(slug, origin=place)
    return render(request, "trainings/detail.html", {"nav": "formations", "d": d, "t": d.training, "place": place})


@require_safe
def map_view(request, slug):
    place = territories.current_place(request)
    d = services.training_detail(slug, origin=place)
    items = [(p.establishment.name, p.establishment.get_absolute_url(), p.establishment.latitude,
              p.establishment.longitude) for p, _km in d.places]  # fmt: skip
    context = {"nav": "formations", "d": d, "t": d.training, "place": place, "map": maps.region_map(items, place)}
    return render(request, "trainings/map.html", context)


@require_safe
def establishment(request, code):
    place = territories.current_place(request)
    d = services.establishment_detail(code, origin=place)
    return render(request, "trainings/establishment.html", {"nav": "formations", "d": d, "e": d.establishment})
