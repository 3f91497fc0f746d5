"""Discover by interests: the ROME's centres d'intérêt, and the RIASEC questionnaire. Thin: parse, call, render.

Every form here is a GET form (nothing changes on the server), and its state travels in the URL: the
questionnaire's answers go from screen to screen in hidden fields, and the results page can be bookmarked.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from hent.explore import questionnaire as qn
from hent.explore import scoring, services
from hent.explore.forms import DiscoveryFilterForm, InterestsForm

NEXT, PREVIOUS = "suivant", "precedent"


def _render(request, template, context):
    return render(request, f"explore/{template}", {"nav": "decouvrir", **context})


def state_url(q, answers, step=None):
    """The URL of a screen (or of the results, without step) carrying these answers."""
    url = reverse("explore:step", args=[step]) if step else reverse("explore:results")
    return f"{url}?{urlencode({'v': q.version, 'reponses': answers})}"


def filter_query(request):
    """The discovery filters of the request, as a query string for links that keep them."""
    return urlencode([(k, request.GET[k]) for k in DiscoveryFilterForm.base_fields if request.GET.get(k)])


@require_safe
def index(request):
    return _render(request, "index.html", {"types": services.types(), "q": qn.load()})


@gzip_page  # long lists; the pages hold no secret (no CSRF token: GET forms), so compression is safe
@require_safe
def interests(request):
    centres = services.centres()
    form = InterestsForm(request.GET or None, centres=centres)
    chosen = form.chosen()
    results = None
    if chosen:
        results = services.by_interests(chosen, form.filters(), only_all=form.cleaned_data.get("toutes", False))
    context = {
        "form": form,
        "filter_query": filter_query(request),
        "centres": centres,
        "checked": set(request.GET.getlist("envie")[:100]),
        "results": results,
        "sources": services.sources(),
    }
    return _render(request, "interests.html", context)


@require_safe
def questionnaire(request):
    return _render(request, "questionnaire.html", {"q": qn.load()})


@require_safe
def step(request, step):
    q = qn.load()
    if not 1 <= step <= q.steps:
        raise Http404
    notice = ""
    try:
        answers = qn.parse_answers(q, request.GET.get("reponses"), request.GET.get("v"))
    except qn.BadAnswers as exc:
        answers, notice = q.empty(), exc.reason
    errors = {}
    direction = request.GET.get("aller")
    if direction in (NEXT, PREVIOUS) and not notice:
        answers, errors = qn.apply_step(q, answers, step, request.GET)
        if direction == PREVIOUS:
            return redirect(state_url(q, answers, max(step - 1, 1)))
        if not errors:
            return redirect(state_url(q, answers, step + 1 if step < q.steps else None))
    items = [(item, answers[item.position], errors.get(item.id, "")) for item in q.step_items(step)]
    context = {
        "q": q,
        "step": step,
        "items": items,
        "errors": [(item, error) for item, _value, error in items if error],
        "answers": answers,
        "notice": notice,
        "scale": qn.SCALE,
    }
    return _render(request, "step.html", context)


@gzip_page
@require_safe
def results(request):
    q = qn.load()
    form = DiscoveryFilterForm(request.GET or None)
    notice, profile, answers, keep = "", None, None, []
    if request.GET.get("reponses"):
        try:
            answers = qn.parse_answers(q, request.GET["reponses"], request.GET.get("v"))
        except qn.BadAnswers as exc:
            notice = exc.reason
        else:
            profile = scoring.profile(q, answers)
            keep = [("v", q.version), ("reponses", answers)]
    elif request.GET.get("profil"):
        profile = scoring.profile_from_letters(request.GET["profil"])
        if profile is None:
            notice = "profil"
        else:
            keep = [("profil", profile.code)]
    else:
        notice = "empty"
    suggestions, asked = None, request.GET.get("domaine", "")
    if profile is not None and profile.status == scoring.OK:
        suggestions = services.suggestions(profile, form.filters(), grand_domaine=asked)
    # The page's state without the family: links to one family, or back to all of them.
    query = "&".join(part for part in (urlencode(keep), filter_query(request)) if part)
    context = {
        "q": q,
        "form": form,
        "notice": notice,
        "profile": profile,
        "answers": answers,
        "keep": keep,
        "open_step": q.first_open_step(answers) if answers else None,
        "open_url": state_url(q, answers, q.first_open_step(answers)) if answers and "-" in answers else "",
        "profile_types": services.profile_types(profile) if profile else [],
        "left_out": [services.type_info(letter) for letter in profile.left_out] if profile else [],
        "chart": services.score_chart(profile) if profile and profile.from_answers else [],
        "suggestions": suggestions,
        "query": query,
        "form_keep": keep + ([("domaine", asked)] if suggestions and suggestions.grand_domaine else []),
        "domaine_missing": bool(asked and suggestions and not suggestions.grand_domaine),
        "sources": services.sources() if suggestions else [],
    }
    return _render(request, "results.html", context)
