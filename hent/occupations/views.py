from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from hent.labour import services as labour
from hent.labour.forms import MarketFilterForm
from hent.occupations import services
from hent.territories import services as territories
from hent.trainings import services as trainings


def _render(request, template, context, nav="metiers"):
    if "dataset" not in context:
        context["dataset"] = services.rome_dataset()
    return render(request, f"occupations/{template}", {"nav": nav, **context})


def _with_filters(request, context, codes):
    """Gender-mix and hiring filters of the labour domain, applied to the occupations a list shows."""
    filters = MarketFilterForm(request.GET or None)
    mix, hiring = filters.values() if filters.is_bound else ("", False)
    allowed = labour.filter_codes(codes, mix, hiring)
    context.update(
        filters=filters,
        allowed=None if not (mix or hiring) else set(allowed),
        markets=labour.markets(codes),
        n_shown=len(allowed),
    )
    return context


@require_safe
def index(request):
    return _render(request, "index.html", {"grands_domaines": services.all_domaines()})


@require_safe
def detail(request, code):
    if code != code.upper():
        return redirect("occupations:detail", code=code.upper(), permanent=True)
    detail = services.occupation_detail(code)
    place = territories.current_place(request)
    context = {
        "d": detail,
        "occupation": detail.occupation,
        "dataset": detail.dataset,
        "training_groups": trainings.trainings_for_occupation(detail.occupation.code, origin=place),
        "market": labour.occupation_market(detail.occupation.code, place),
        "place": place,
    }
    return _render(request, "detail.html", context)


@require_safe
def grand_domaine(request, code):
    gd, domaines = services.grand_domaine(code)
    return _render(request, "grand_domaine.html", {"gd": gd, "domaines": domaines})


@require_safe
def domaine(request, code):
    dp, occupations = services.domaine(code)
    occupations = list(occupations)
    context = _with_filters(request, {"dp": dp, "occupations": occupations}, [o.code for o in occupations])
    return _render(request, "domaine.html", context)


@require_safe
def interests(request):
    return _render(request, "interests.html", {"centres": services.interests()}, nav="interets")


@require_safe
def interest(request, code):
    centre, groups = services.interest(code)
    context = _with_filters(request, {"item": centre, "groups": groups, "kind": "interest"}, _codes(groups))
    return _render(request, "grouped_list.html", context, nav="interets")


@require_safe
def themes(request):
    return _render(request, "themes.html", {"themes": services.themes()}, nav="themes")


@require_safe
def theme(request, code):
    item, groups = services.theme(code)
    context = _with_filters(request, {"item": item, "groups": groups, "kind": "theme"}, _codes(groups))
    return _render(request, "grouped_list.html", context, nav="themes")


@require_safe
def sectors(request):
    return _render(request, "sectors.html", {"sectors": services.sectors()}, nav="secteurs")


@require_safe
def sector(request, code):
    item, groups = services.sector(code)
    context = _with_filters(request, {"item": item, "groups": groups}, _codes(groups))
    return _render(request, "sector.html", context, nav="secteurs")


def _codes(groups):
    return list(dict.fromkeys(o.code for _group, occupations in groups for o in occupations))
