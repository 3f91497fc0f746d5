"""Talking to an adviser: thin views over ``hent.contact.services``. Every page works without JavaScript
(forms, then a refreshed page); ``static/contact/chat.js`` adds live messages over a websocket.

Where the private link's token travels: only in query strings (``?cle=…``, which the access log never
records, unlike paths) and in POST bodies. Pages that carry it are never cached, never indexed, and send only
the site's origin as Referer (``private``).
"""

import functools
import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from hent.contact import services
from hent.contact.forms import (
    OUTSIDE_REGION,
    CallbackForm,
    CallbackStatusForm,
    CatalogueForm,
    ContactForm,
    InsertForm,
    MessageForm,
    ReferForm,
)
from hent.contact.models import Message
from hent.core import ratelimit
from hent.core.http import private
from hent.guidance.models import Structure
from hent.staff import audit
from hent.staff.decorators import staff_required
from hent.staff.roles import role_of

CREATION_LIMIT_PER_HOUR = 20


def _render(request, template, context, status=200):
    context.setdefault("retention_days", services.retention_days())
    context.setdefault("nav", "contact")
    return render(request, f"contact/{template}", context, status=status)


def not_found(request):
    """One neutral answer for an unknown, mistyped or deleted link."""
    return _render(request, "not_found.html", {}, status=404)


def _too_many(request):
    """Counts a new conversation or request: more than CREATION_LIMIT_PER_HOUR per address and hour are refused."""
    return ratelimit.record("contact-creation", request) > CREATION_LIMIT_PER_HOUR


def _token(request):
    data = request.POST if request.method == "POST" else request.GET
    return str(data.get("cle", ""))[:100]


def with_conversation(view):
    """The view receives the conversation of the private link, or the person gets the neutral 404."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _token(request)
        conversation = services.conversation_by_token(token)
        if conversation is None:
            return not_found(request)
        return view(request, conversation, token, *args, **kwargs)

    return wrapper


# -- visitor: opening a conversation -----------------------------------------------------------------------------


@private
def index(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _too_many(request):
            return _render(request, "too_many.html", {}, status=429)
        data = form.cleaned_data
        try:
            conversation, token, _routing = services.create_conversation(
                topic=data["topic"],
                situation=data["situation"],
                department=data["department"],
                first_name=data["first_name"],
                email=data["email"],
            )
        except services.ContactError as error:
            form.add_error(None, str(error))
        else:
            url = services.conversation_url(token)
            if conversation.email:
                services.send_link(conversation.email, request.build_absolute_uri(url), _("Votre conversation"))
            return HttpResponseRedirect(url + "&nouvelle=1")
    status = 400 if form.is_bound else 200
    return _render(request, "index.html", {"form": form}, status=status)


# -- visitor: the conversation -------------------------------------------------------------------------------------


@require_safe
@private
@with_conversation
def conversation(request, conversation, token):
    items = services.messages_after(conversation.pk, 0)
    context = {
        "conversation": conversation,
        "token": token,
        "link": request.build_absolute_uri(services.conversation_url(token)),
        "items": items,
        "last_seq": items[-1].seq if items else 0,
        "form": MessageForm(initial={"client_id": secrets.token_urlsafe(12)}),
        "live": services.is_live(conversation.structure),
        "new": request.GET.get("nouvelle") == "1",
        "ws_url": reverse("contact:conversation").replace("/contact/", "/ws/contact/", 1) + "?cle=" + token,
    }
    return _render(request, "conversation.html", context)


@require_POST
@private
@with_conversation
def send(request, conversation, token):
    form = MessageForm(request.POST)
    url = services.conversation_url(token)
    if not form.is_valid():
        messages.error(request, _("Écrivez un message (2 000 caractères au plus)."))
        return HttpResponseRedirect(url + "#message")
    try:
        services.post_and_broadcast(
            conversation.pk, Message.Author.VISITOR, form.cleaned_data["text"], form.cleaned_data["client_id"]
        )
    except services.ContactError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(url + "#dernier")


@require_POST
@private
@with_conversation
def close(request, conversation, token):
    services.close(conversation, by_visitor=True)
    messages.success(request, _("La conversation est terminée. Vous pouvez encore la lire et la télécharger."))
    return HttpResponseRedirect(services.conversation_url(token))


@require_safe
@private
@with_conversation
def transcript(request, conversation, token):
    response = HttpResponse(services.transcript(conversation), content_type="text/plain; charset=utf-8")
    day = timezone.localdate(conversation.created_at).isoformat()
    response["Content-Disposition"] = f'attachment; filename="conversation-{day}.txt"'
    return response


@private
@with_conversation
def delete(request, conversation, token):
    if request.method == "POST":
        services.delete_conversation(conversation)
        return _render(request, "deleted.html", {"what": _("La conversation et tous ses messages sont effacés.")})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return _render(
        request, "delete.html", {"token": token, "action": reverse("contact:delete"), "kind": "conversation"}
    )


# -- visitor: call-back requests ------------------------------------------------------------------------------------


@private
def callback(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = CallbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if _too_many(request):
            return _render(request, "too_many.html", {}, status=429)
        data = form.cleaned_data
        try:
            item, token, _routing = services.create_callback(
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                availability=data["availability"],
                topic=data["topic"],
                situation=data["situation"],
                department=data["department"],
            )
        except services.ContactError as error:
            form.add_error(None, str(error))
        else:
            url = services.callback_url(token)
            if item.email:
                services.send_link(item.email, request.build_absolute_uri(url), _("Votre demande de rappel"))
            return HttpResponseRedirect(url + "&nouvelle=1")
    return _render(request, "callback_form.html", {"form": form}, status=400 if form.is_bound else 200)


def _callback_or_404(request):
    return services.callback_by_token(_token(request))


@require_safe
@private
def callback_status(request):
    item = _callback_or_404(request)
    if item is None:
        return not_found(request)
    token = _token(request)
    context = {
        "item": item,
        "token": token,
        "link": request.build_absolute_uri(services.callback_url(token)),
        "new": request.GET.get("nouvelle") == "1",
    }
    return _render(request, "callback_status.html", context)


@private
def callback_delete(request):
    item = _callback_or_404(request)
    if item is None:
        return not_found(request)
    if request.method == "POST":
        services.delete_callback(item)
        return _render(request, "deleted.html", {"what": _("Votre demande de rappel est effacée.")})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return _render(
        request,
        "delete.html",
        {"token": _token(request), "action": reverse("contact:callback_delete"), "kind": "callback"},
    )


# -- advisers ---------------------------------------------------------------------------------------------------------


def _staff_conversation(request, pk):
    conversation = services.visible_conversation(request.user, pk)
    if conversation is None:
        raise Http404
    return conversation


@require_safe
@staff_required
def queue(request):
    services.touch_presence(request.user)
    context = {
        "queue": services.queue(request.user),
        "role": role_of(request.user),
        "structure": getattr(getattr(request.user, "staff_profile", None), "structure", None),
    }
    if request.GET.get("partiel") == "1":
        return render(request, "contact/staff/_queue.html", context)
    return _render(request, "staff/queue.html", context)


@require_safe
@staff_required
def staff_conversation(request, pk):
    conversation = _staff_conversation(request, pk)
    audit.record(request, "contact.conversation.view", conversation)
    services.touch_presence(request.user)
    items = services.messages_after(conversation.pk, 0)
    catalogue_form = CatalogueForm(request.GET if "q" in request.GET else None)
    found = []
    if catalogue_form.is_bound and catalogue_form.is_valid():
        found = services.catalogue_search(catalogue_form.cleaned_data["q"])
    place = str(request.GET.get("structure", ""))[:100]
    context = {
        "conversation": conversation,
        "items": items,
        "last_seq": items[-1].seq if items else 0,
        "form": MessageForm(initial={"client_id": secrets.token_urlsafe(12)}),
        "catalogue_form": catalogue_form,
        "found": found,
        "place": place,
        "structures": services.find_structures(place) if place else [],
        "referrals": conversation.referrals.select_related("structure"),
        "outside_region": conversation.department == OUTSIDE_REGION,
    }
    return _render(request, "staff/conversation.html", context)


def _back(conversation, anchor="dernier"):
    return HttpResponseRedirect(reverse("contact:staff_conversation", args=[conversation.pk]) + f"#{anchor}")


@require_POST
@staff_required
def staff_reply(request, pk):
    conversation = _staff_conversation(request, pk)
    form = MessageForm(request.POST) if "client_id" in request.POST else InsertForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Écrivez un message (2 000 caractères au plus)."))
        return _back(conversation, "message")
    try:
        services.post_and_broadcast(
            conversation.pk,
            Message.Author.ADVISER,
            form.cleaned_data["text"],
            form.cleaned_data.get("client_id", ""),
            adviser=request.user,
        )
    except services.ContactError as error:
        messages.error(request, str(error))
    return _back(conversation)


@require_POST
@staff_required
def staff_take(request, pk):
    conversation = _staff_conversation(request, pk)
    try:
        services.take(conversation, request.user)
    except services.ContactError as error:
        messages.error(request, str(error))
    return _back(conversation)


@require_POST
@staff_required
def staff_close(request, pk):
    conversation = _staff_conversation(request, pk)
    services.close(conversation)
    return _back(conversation)


@require_POST
@staff_required
def staff_refer(request, pk):
    conversation = _staff_conversation(request, pk)
    form = ReferForm(request.POST)
    structure = Structure.objects.filter(pk=form.cleaned_data["structure"]).first() if form.is_valid() else None
    if structure is None:
        messages.error(request, _("Choisissez une structure de l'annuaire."))
        return _back(conversation, "orienter")
    try:
        services.refer(conversation, structure, request.user)
    except services.ContactError as error:
        messages.error(request, str(error))
    return _back(conversation)


@staff_required
def staff_callback(request, pk):
    item = services.visible_callback(request.user, pk)
    if item is None:
        raise Http404
    if request.method == "POST":
        form = CallbackStatusForm(request.POST)
        if form.is_valid():
            services.set_callback_status(item, form.cleaned_data["status"], request.user)
            audit.record(request, "contact.callback.status", item, detail=f"status={item.status}")
            messages.success(request, _("État enregistré : %(status)s.") % {"status": item.get_status_display()})
            return HttpResponseRedirect(reverse("contact:staff_callback", args=[item.pk]))
    elif request.method in ("GET", "HEAD"):
        form = CallbackStatusForm(initial={"status": item.status})
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    audit.record(request, "contact.callback.view", item)
    return _render(
        request,
        "staff/callback.html",
        {"item": item, "form": form},
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


@require_safe
@staff_required
def activity(request):
    if role_of(request.user) not in ("editor", "admin"):
        return _render(request, "staff/forbidden.html", {}, status=403)
    return _render(request, "staff/activity.html", {"a": services.activity()})
