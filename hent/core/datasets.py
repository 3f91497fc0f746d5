"""The imported datasets (``Dataset``), read once per request: a page cites several of them (its
sources, the demonstration-data banner), and each would otherwise be a query of its own."""

import contextvars

from hent.core.models import Dataset

_request_memo = contextvars.ContextVar("hent_datasets", default=None)


def all_datasets():
    """{slug: Dataset}. Within a request (see ``DatasetsPerRequestMiddleware``), the table is read once."""
    memo = _request_memo.get()
    if memo is not None and "all" in memo:
        return memo["all"]
    datasets = {d.slug: d for d in Dataset.objects.order_by("slug")}
    if memo is not None:
        memo["all"] = datasets
    return datasets


def dataset(slug):
    return all_datasets().get(slug)


def citation(slug, default=None):
    """The source line of a dataset; ``default`` (or the slug) when it has not been imported."""
    found = dataset(slug)
    return found.citation if found else default or slug


def demo_data():
    return any(d.is_demo for d in all_datasets().values())


class DatasetsPerRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)
