from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe

from hent.core.models import Dataset
from hent.occupations import services as occupations


@require_safe
def home(request):
    return render(request, "core/home.html", {"grands_domaines": occupations.grands_domaines()})


@require_safe
def sources(request):
    return render(request, "core/sources.html", {"datasets": Dataset.objects.all()})


@require_safe
def accessibility(request):
    return render(request, "core/accessibility.html")


@require_safe
def privacy(request):
    return render(request, "core/privacy.html")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: the page must render even when the database is down.
    return HttpResponseServerError(loader.get_template("500.html").render())
