"""My project: thin views over hent.projects.services. Every page works without JavaScript.

Where the private link's token travels: only in the query string of /projet/ouvrir/?cle=… (which the
access log never records, unlike paths) and, when a confirmation is needed, in a POST body. That page
puts the project in the browser's session; every form on it posts to an address without the token and
comes back to /projet/. Project pages send "Referrer-Policy: strict-origin", are never cached and load
nothing from other sites, so the token leaves the browser only towards this site, in a query string.
"""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hent.core import ratelimit
from hent.core.http import private, safe_next
from hent.core.text import clean_input
from hent.projects import keys, references, services
from hent.projects.forms import AddItemForm, CodeForm, CommuneSearchForm, EditNoteForm, NewStepForm, NoteForm, StepForm
from hent.projects.pdf import project_pdf
from hent.territories import services as territories

LOOKUP = "projects-lookup"
CREATION = "projects-creation"


def lookup_limit():
    """Failed code or link look-ups allowed per address and hour."""
    return int(getattr(settings, "HENT_PROJECT_LOOKUP_LIMIT", 30))


def creation_limit():
    """New projects allowed per address and hour."""
    return int(getattr(settings, "HENT_PROJECT_CREATION_LIMIT", 30))


def post_only(view):
    """POST does the work; a GET (a reloaded or bookmarked address) goes to the project page instead of failing."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            return HttpResponseRedirect(reverse("projects:mine"))
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapper


def owner_only(view):
    """The view receives the visit's project; without one, the person is told how to open theirs."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        project = services.session_project(request)
        if project is None:
            messages.info(request, _("Votre projet n'est pas ouvert dans ce navigateur. Ouvrez-le avec son lien."))
            return HttpResponseRedirect(reverse("projects:mine"))
        return view(request, project, *args, **kwargs)

    return wrapper


def project_change(view):
    """A change to the visit's project: POST only, private, and only on the project this browser holds."""
    return post_only(private(owner_only(view)))


def _mine_url(anchor=""):
    return reverse("projects:mine") + (f"#{anchor}" if anchor else "")


def _render(request, template, context, status=200):
    context.setdefault("nav", "projet")
    return render(request, f"projects/{template}", context, status=status)


def not_found(request):
    """The one neutral answer to an unknown link, a wrong code, a deleted project: nothing tells them apart."""
    return _render(request, "not_found.html", {"code_form": CodeForm()}, status=404)


def too_many(request):
    return _render(request, "too_many.html", {}, status=429)


# -- the project page ---------------------------------------------------------------------------


@require_safe
@private
def mine(request):
    project = services.session_project(request)
    if project is None:
        return _render(request, "home.html", {"code_form": CodeForm(), "retention": services.retention_text()})
    services.touch(project)
    return _project_page(request, project)


def _project_page(request, project, status=200, reveal=True, opened_with_link=False, **forms):
    view = services.project_view(project)
    token = services.reveal_key(project) if reveal else None
    key_url = request.build_absolute_uri(reverse("projects:open") + "?" + urlencode({"cle": token})) if token else ""
    commune_form = CommuneSearchForm(request.GET if "commune" in request.GET else None)
    communes = []
    if commune_form.is_bound and commune_form.is_valid():
        communes = territories.find_places(clean_input(commune_form.cleaned_data["commune"], 100), limit=8)
    place = territories.current_place(request)
    context = {
        "v": view,
        "project": project,
        "key_url": key_url,
        "step_forms": forms.get("step_forms") or [(s, StepForm.for_step(s)) for s in view.steps],
        "new_step_form": forms.get("new_step_form") or NewStepForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "note_forms": forms.get("note_forms")
        or [(n, EditNoteForm(prefix=f"note-{n.pk}", initial={"text": n.text})) for n in view.notes],
        "commune_form": commune_form,
        "communes": communes,
        "place": place,
        "max_notes": services.MAX_NOTES,
        "opened_with_link": opened_with_link,
    }
    return _render(request, "project.html", context, status=status)


@post_only
@private
def create(request):
    project = services.session_project(request)
    if project is None:
        if ratelimit.exceeded(CREATION, request, creation_limit()):
            return too_many(request)
        ratelimit.record(CREATION, request)
        project = services.create_project()
        services.remember(request, project)
    return HttpResponseRedirect(_mine_url())


# -- adding and removing ----------------------------------------------------------------------


@private
def add(request):
    """GET: "Ajouter … à mon projet ?" for a link from anywhere. POST: add it (creating the project if needed)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    data = request.POST if request.method == "POST" else request.GET
    form = AddItemForm(data)
    key = references.normalise(data.get("kind"), data.get("ref")) if form.is_valid() else None
    reference = references.resolve(*key) if key else None
    if reference is None:
        return _render(request, "add.html", {"reference": None}, status=404 if key else 400)
    if request.method != "POST":
        saved = (reference.kind, reference.ref) in services.saved_keys(services.session_project_id(request))
        return _render(request, "add.html", {"reference": reference, "saved": saved})

    project = services.session_project(request)
    if project is None:
        if ratelimit.exceeded(CREATION, request, creation_limit()):
            return too_many(request)
        ratelimit.record(CREATION, request)
        project = services.create_project()
        services.remember(request, project)
    try:
        _item, created = services.add_item(project, reference.kind, reference.ref)
    except services.ProjectError as exc:
        return _render(request, "add.html", {"reference": reference, "error": str(exc)}, status=400)
    if created:
        messages.success(request, _("Ajouté à votre projet : %(label)s.") % {"label": reference.label})
    else:
        messages.info(request, _("%(label)s est déjà dans votre projet.") % {"label": reference.label})
    return HttpResponseRedirect(safe_next(request, form.cleaned_data["next"], _mine_url("elements")))


@project_change
def remove(request, project, pk):
    item = services.remove_item(project, pk)
    if item is not None:
        messages.success(request, _("Retiré de votre projet : %(label)s.") % {"label": item.label})
    return HttpResponseRedirect(_mine_url("elements"))


# -- notes --------------------------------------------------------------------------------------


def _add(request, project, form, field, save, form_name, done, anchor):
    """A form that adds to the project: the service's refusal is shown on the form's field, like its own errors."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except services.ProjectError as exc:
            form.add_error(field, str(exc))
    if not form.is_valid():
        return _project_page(request, project, status=400, **{form_name: form})
    messages.success(request, done)
    return HttpResponseRedirect(_mine_url(anchor))


@project_change
def note_add(request, project):
    def save(data):
        services.add_note(project, data["text"])

    return _add(request, project, NoteForm(request.POST), "text", save, "note_form",
                _("Votre note est enregistrée."), "notes")  # fmt: skip


@project_change
def note_edit(request, project, pk):
    if request.POST.get("action") == "supprimer":
        if services.delete_note(project, pk):
            messages.success(request, _("La note est supprimée."))
        return HttpResponseRedirect(_mine_url("notes"))
    form = EditNoteForm(request.POST, prefix=f"note-{pk}")
    if not form.is_valid():
        view_notes = list(project.notes.all())
        note_forms = [
            (n, form if n.pk == pk else EditNoteForm(prefix=f"note-{n.pk}", initial={"text": n.text}))
            for n in view_notes
        ]
        return _project_page(request, project, status=400, note_forms=note_forms)
    note = services.update_note(project, pk, form.cleaned_data["text"])
    if note is not None:
        messages.success(request, _("La note est enregistrée.") if note.pk else _("La note vide est supprimée."))
    return HttpResponseRedirect(_mine_url("notes"))


# -- the plan -------------------------------------------------------------------------------------


@project_change
def plan(request, project):
    steps = list(project.steps.all())
    step_forms = [(s, StepForm.for_step(s, data=request.POST)) for s in steps]
    if not all(f.is_valid() for _s, f in step_forms):
        for step in steps:
            step.title_text = services.step_title(step)
        return _project_page(request, project, status=400, step_forms=step_forms)
    services.update_steps(
        project, {s.pk: (f.cleaned_data["status"] == "fait", f.cleaned_data["date"]) for s, f in step_forms}
    )
    messages.success(request, _("Votre plan est enregistré."))
    return HttpResponseRedirect(_mine_url("plan"))


@project_change
def step_add(request, project):
    def save(data):
        services.add_step(project, data["title"], data["date"])

    return _add(request, project, NewStepForm(request.POST), "title", save, "new_step_form",
                _("Votre étape est ajoutée au plan."), "plan")  # fmt: skip


@project_change
def step_delete(request, project, pk):
    if services.delete_step(project, pk):
        messages.success(request, _("L'étape est retirée de votre plan."))
    return HttpResponseRedirect(_mine_url("plan"))


# -- keys, closing, deleting ---------------------------------------------------------------------------


@project_change
def renew(request, project):
    services.renew_key(project)
    messages.info(request, _("L'ancien lien ne marche plus. Voici le nouveau : gardez-le bien."))
    return HttpResponseRedirect(_mine_url())


@post_only
@private
def close(request):
    services.forget(request)
    messages.info(
        request, _("Votre projet est fermé dans ce navigateur. Il reste enregistré : rouvrez-le avec son lien.")
    )
    return HttpResponseRedirect(_mine_url())


@private
@owner_only
def delete(request, project):
    if request.method == "POST":
        services.delete_project(project)
        services.forget(request)
        messages.success(request, _("Votre projet est supprimé, avec tout ce qu'il contenait."))
        return HttpResponseRedirect(_mine_url())
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return _render(request, "delete.html", {"v": services.project_view(project)})


# -- opening with the private link, reading with the code --------------------------------------------------


@private
def open_link(request):
    """/projet/ouvrir/?cle=<token>: the project, editable, held in this browser's session from now on.

    The page is shown at this very address (not redirected) so that it can be bookmarked: the bookmark is
    the key. The forms of the page post to addresses without the token."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    token = (request.POST if request.method == "POST" else request.GET).get("cle", "")
    if ratelimit.exceeded(LOOKUP, request, lookup_limit()):
        return too_many(request)
    project = services.open_by_token(token)
    if project is None:
        ratelimit.record(LOOKUP, request)
        return not_found(request)
    if request.method == "POST":
        services.remember(request, project)
        return HttpResponseRedirect(reverse("projects:open") + "?" + urlencode({"cle": token}))
    if services.session_project_id(request) not in (None, project.pk) and services.session_project(request):
        # Another project is open here: ask first (a link someone sent must not silently replace one's own).
        return _render(request, "open_other.html", {"token": token})
    services.remember(request, project)
    services.touch(project, force=True)
    return _project_page(request, project, reveal=False, opened_with_link=True)


@require_safe
@private
def consult(request):
    """/projet/consulter/?code=ABCD-EFGH: the project, read-only (what an adviser uses)."""
    project, response = _by_code(request)
    if response is not None:
        return response
    return _render(request, "readonly.html", {"v": services.project_view(project), "code": project.display_code})


@require_safe
@private
def consult_pdf(request):
    project, response = _by_code(request)
    if response is not None:
        return response
    return _pdf_response(request, project)


def _by_code(request):
    """(project, None), or (None, the page to answer): the form, a format error, too many tries, not found."""
    if "code" not in request.GET:
        return None, _render(request, "consult.html", {"code_form": CodeForm()})
    form = CodeForm(request.GET)
    if not form.is_valid():
        return None, _render(request, "consult.html", {"code_form": form}, status=400)
    if ratelimit.exceeded(LOOKUP, request, lookup_limit()):
        return None, too_many(request)
    project = services.find_by_code(form.cleaned_data["code"])
    if project is None:
        ratelimit.record(LOOKUP, request)
        return None, not_found(request)
    services.touch(project)
    return project, None


# -- printing and PDF ---------------------------------------------------------------------------------------


@require_safe
@private
@owner_only
def print_view(request, project):
    return _render(request, "print.html", {"v": services.project_view(project)})


@require_safe
@private
@owner_only
def pdf(request, project):
    return _pdf_response(request, project)


def _pdf_response(request, project):
    content = project_pdf(
        services.project_view(project), request.build_absolute_uri, getattr(settings, "HENT_SITE_NAME", "Hent")
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="projet-{keys.display_code(project.code)}.pdf"'
    return response
