from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hent.labour import services as labour
from hent.labour.forms import MarketFilterForm
from hent.search import services

PAGE_SIZE = 20
MAX_RESULTS = 100


@require_safe
def results(request):
    query, found = services.search(request.GET.get("q", ""), limit=MAX_RESULTS)
    if query.text and not found:
        services.record_miss(query)
    filters = MarketFilterForm(request.GET)
    mix, hiring = filters.values()
    filtered = bool(mix or hiring) and bool(found)
    if filtered:
        allowed = set(labour.filter_codes([r.code for r in found], mix, hiring))
        found = [r for r in found if r.code in allowed]
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query.text,
        "page": page,
        "total": len(found),
        "suggestions": services.suggestions(query) if query.text and not found and not filtered else [],
        "filters": filters,
        "filtered": filtered,
        "keep": [("q", query.text)],
    }
    return render(request, "search/results.html", context)
