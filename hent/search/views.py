from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hent.search import services

PAGE_SIZE = 20
MAX_RESULTS = 100


@require_safe
def results(request):
    query, found = services.search(request.GET.get("q", ""), limit=MAX_RESULTS)
    if query.text and not found:
        services.record_miss(query)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query.text,
        "page": page,
        "total": len(found),
        "suggestions": services.suggestions(query) if query.text and not found else [],
    }
    return render(request, "search/results.html", context)
