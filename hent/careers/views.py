from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from hent.careers import services
from hent.careers.forms import OCCUPATION_SEARCH, SKILL_SEARCH, SKILLS, SkillSelection
from hent.core.text import clean_input
from hent.occupations import services as occupations
from hent.territories import services as territories

MAX_OCCUPATIONS_FOUND = 20


def _render(request, template, context):
    context.setdefault("dataset", occupations.rome_dataset())
    names = {"skills_param": SKILLS, "skill_search_param": SKILL_SEARCH, "occupation_param": OCCUPATION_SEARCH}
    return render(request, f"careers/{template}", {"nav": "changer", **names, **context})


@require_safe
def index(request):
    """Step 1: the occupation I do or did."""
    text = clean_input(request.GET.get(OCCUPATION_SEARCH, ""))
    found = services.find_occupations(text, limit=MAX_OCCUPATIONS_FOUND)[1] if text else []
    return _render(request, "index.html", {"occupation_query": text, "found": found})


@gzip_page  # long lists of skills; these pages hold no secret (no CSRF token: GET forms), so compression is safe
@require_safe
def skills(request, code):
    """Step 2: the skills I really have, from that occupation's list and from a search among all skills."""
    if code != code.upper():
        return _upper(request, "careers:skills", code)
    occupation = services.occupation(code)
    return _skills_page(request, occupation, SkillSelection(request.GET, occupation.code))


def _upper(request, name, code):
    query = request.GET.urlencode()
    return redirect(reverse(name, args=[code.upper()]) + (f"?{query}" if query else ""), permanent=True)


def _skills_page(request, occupation, selection, error=""):
    context = {
        "occupation": occupation,
        "groups": services.skill_groups(occupation.code),
        "selection": selection,
        "error": error,
    }
    return _render(request, "skills.html", context)


@gzip_page
@require_safe
def results(request, code):
    """Step 3: the occupations I could move to."""
    if code != code.upper():
        return _upper(request, "careers:results", code)
    occupation = services.occupation(code)
    selection = SkillSelection(request.GET, occupation.code)
    if not selection.skills:
        error = _("Cochez au moins une compétence que vous avez, puis cliquez sur « Voir les métiers possibles ».")
        return _skills_page(request, occupation, selection, error)
    explorer = services.explore(occupation.code, selection.skills, origin=territories.current_place(request))
    return _render(request, "results.html", {"occupation": occupation, "selection": selection, "x": explorer})
