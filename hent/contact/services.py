"""Talking to an adviser: routing, conversations and their messages, call-back requests, activity figures.

Callable without HTTP; the pages (``views``) and the websockets (``consumers``) are thin layers over these
functions. Two rules hold everywhere:

* **A message accepted is never lost.** ``post_message`` returns only once the message is committed to the
  database; only then is the sender told (an "ack" on the websocket, a redirect on the page) and the others
  notified through the channel layer. A sender that sends again the same ``client_id`` (after a lost
  connection) gets the stored message back, never a copy. Every message has a sequence number in its
  conversation, so a page that reconnects asks for what came after the last one it saw.
* **Staff see only their structure's conversations and requests** (``hent.staff.roles.structures_for``),
  and every opening of one by staff is written to the audit log by the views.
"""

from __future__ import annotations

import datetime
import logging
import re
import unicodedata
from dataclasses import dataclass

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hent.contact.models import (
    SITUATION_CHOICES,
    ActivityRecord,
    AdviserPresence,
    CallbackRequest,
    Conversation,
    Message,
    Referral,
    Topic,
)
from hent.core.text import clean_input
from hent.core.tokens import find_by_token, hash_token, new_token
from hent.guidance import services as guidance
from hent.guidance.models import Public, Structure, StructureKind
from hent.staff import roles

logger = logging.getLogger("hent.contact")

CLIENT_ID_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")
MESSAGE_MAX = 2000
HISTORY_MAX = 500  # messages sent at once to a page that (re)connects


class ContactError(Exception):
    """A request the service refuses, with a message for the person (in French)."""


# -- private links ------------------------------------------------------------------------------------------


def conversation_by_token(token):
    return find_by_token(Conversation.objects.select_related("structure"), token)


def callback_by_token(token):
    return find_by_token(CallbackRequest.objects.select_related("structure"), token)


# -- text ---------------------------------------------------------------------------------------------------

_BLANK_LINES = re.compile(r"\n{3,}")
_LINE_SPACES = re.compile(r"[ \t]+")


def clean_message(text):
    """A chat message made safe to store: NFC, no control characters (line breaks kept), bounded length."""
    text = unicodedata.normalize("NFC", str(text or ""))[: MESSAGE_MAX * 4].replace("\r\n", "\n")
    text = "".join(
        c if c == "\n" else " " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else c
        for c in text
    )
    lines = [_LINE_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()[:MESSAGE_MAX]


def clean_client_id(value):
    value = str(value or "")
    return value if CLIENT_ID_SHAPE.fullmatch(value) else ""


# -- routing ------------------------------------------------------------------------------------------------

# The kinds of structure that fit each situation, best first, and why (shown to the person).
ROUTES = {
    Public.COLLEGIENS: [StructureKind.CIO, StructureKind.INFORMATION_JEUNESSE],
    Public.LYCEENS: [StructureKind.CIO, StructureKind.INFORMATION_JEUNESSE, StructureKind.MISSION_LOCALE],
    Public.PARENTS: [StructureKind.CIO, StructureKind.INFORMATION_JEUNESSE],
    Public.ETUDIANTS: [StructureKind.CIO, StructureKind.INFORMATION_JEUNESSE, StructureKind.APEC],
    Public.JEUNES_16_25: [StructureKind.MISSION_LOCALE, StructureKind.INFORMATION_JEUNESSE, StructureKind.CIO],
    Public.DEMANDEURS_EMPLOI: [
        StructureKind.FRANCE_TRAVAIL,
        StructureKind.CEP,
        StructureKind.MISSION_LOCALE,
        StructureKind.APEC,
    ],
    Public.SALARIES: [StructureKind.CEP, StructureKind.APEC, StructureKind.FRANCE_TRAVAIL],
    Public.HANDICAP: [StructureKind.CAP_EMPLOI, StructureKind.FRANCE_TRAVAIL, StructureKind.MISSION_LOCALE],
}


@dataclass
class Routing:
    structure: Structure | None
    reason: str
    live: bool  # open now with an adviser there: live chat; else the person leaves a message


def staffed_structures():
    """Public structures with at least one active adviser or manager account: only they can answer."""
    return (
        guidance.public_structures()
        .filter(staff_profiles__role__in=["adviser", "manager"], staff_profiles__user__is_active=True)
        .distinct()
        .prefetch_related("opening_hours")
    )


def presence_seconds():
    return int(getattr(settings, "HENT_ADVISER_PRESENCE_SECONDS", 120))


def adviser_present(structure, now=None):
    since = (now or timezone.now()) - datetime.timedelta(seconds=presence_seconds())
    return AdviserPresence.objects.filter(structure=structure, last_seen__gte=since).exists()


def is_live(structure, now=None):
    """Live chat is offered when the structure is open now and one of its advisers is there."""
    return structure is not None and guidance.is_open(structure, now) and adviser_present(structure, now)


def _waiting_count(structure):
    return Conversation.objects.filter(
        structure=structure, status__in=[Conversation.Status.WAITING, Conversation.Status.MESSAGE_LEFT]
    ).count()


def route(department, situation, now=None):
    """The structure that should answer someone of this situation in this department, and why.

    Among the structures that have advisers on Hent, the kinds that fit the situation are tried in order
    (``ROUTES``: a collégien goes to a CIO first, a job seeker to France Travail…), in the person's
    department first. Within a kind, a structure with an adviser there and open now comes first (live
    chat), then one open now, then any; then the one with the fewest conversations waiting. Without a
    fitting kind in the department, any staffed structure of the department serving this public; then a
    fitting kind anywhere. Nothing at all: no structure (the Region's editors see the conversation).
    """
    kinds = ROUTES.get(situation, [])
    staffed = [s for s in staffed_structures() if guidance.serves(s, situation)]
    in_department = [s for s in staffed if s.department == department]

    def best(candidates):
        if not candidates:
            return None
        scored = []
        for s in candidates:
            live = is_live(s, now)
            scored.append(((not live, not guidance.is_open(s, now), _waiting_count(s), s.name, s.pk), s))
        return min(scored, key=lambda item: item[0])[1]

    chosen = None
    for kind in kinds:
        chosen = best([s for s in in_department if s.kind == kind])
        if chosen:
            break
    if chosen is None:
        chosen = best(in_department)
    if chosen is None:
        for kind in kinds:
            chosen = best([s for s in staffed if s.kind == kind])
            if chosen:
                break
    if chosen is None:
        return Routing(
            None,
            _(
                "Aucune structure ne répond en ligne pour le moment pour votre situation : l'équipe de la Région "
                "lira votre message et vous orientera."
            ),
            False,
        )
    reason = _("%(name)s (%(kind)s) : %(why)s") % {
        "name": chosen.name,
        "kind": guidance.KIND_LABELS.get(chosen.kind, ""),
        "why": guidance.kind_description(chosen.kind),
    }
    if chosen.department != department:
        reason += " " + _("Il n'y en a pas encore sur Hent dans votre département : c'est la plus proche qui répond.")
    return Routing(chosen, reason, is_live(chosen, now))


# -- notifications through the channel layer ---------------------------------------------------------------


def conversation_group(conversation_id):
    return f"contact.c.{conversation_id}"


def queue_group(structure_id):
    """Advisers of one structure; "contact.all" is the Region's editors and administrators (who see all)."""
    return f"contact.s.{structure_id}" if structure_id else "contact.all"


ALL_QUEUES = "contact.all"


def message_event(message):
    return {
        "seq": message.seq,
        "author": message.author,
        "author_label": str(Message.Author(message.author).label),
        "text": message.text,
        "client_id": message.client_id,
        "created_at": message.created_at.isoformat(),
        "time": timezone.localtime(message.created_at).strftime("%H:%M"),
    }


def status_event(conversation):
    return {"status": conversation.status, "label": str(conversation.get_status_display())}


def queue_groups(structure_id):
    groups = [ALL_QUEUES]
    if structure_id:
        groups.append(queue_group(structure_id))
    return groups


async def abroadcast(conversation_id, structure_id, events, queue=False, sender=None):
    """Send events to the pages watching a conversation (and a "queue changed" to its structure's advisers).
    ``sender``: the channel of the page that sent the message, which already has it with its ack.

    Called after the commit: a failure here loses nothing (pages get the messages on reconnect or refresh).
    """
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        for event in events:
            await layer.group_send(
                conversation_group(conversation_id), {**event, "conversation": conversation_id, "sender": sender}
            )
        if queue:
            for group in queue_groups(structure_id):
                await layer.group_send(group, {"type": "queue.changed"})
    except Exception:  # the layer (Redis) is down: the messages are stored, pages catch up on reconnect
        logger.warning("channel layer unavailable; conversation %s notified on reconnect", conversation_id)


def broadcast(conversation_id, structure_id, events, queue=False):
    async_to_sync(abroadcast)(conversation_id, structure_id, events, queue)


def queue_changed(structure_id):
    broadcast(0, structure_id, [], queue=True)


@dataclass
class Posted:
    message: Message
    created: bool  # False: the same client_id was already stored (a resend): nothing new
    structure_id: int | None
    queue: bool  # whether the structure's queue should be refreshed
    events: list

    @property
    def ack(self):
        """What the sender's page receives once the message is stored: the message itself, numbered."""
        return {
            "type": "ack",
            "client_id": self.message.client_id,
            "seq": self.message.seq,
            "message": message_event(self.message),
        }


# -- conversations ---------------------------------------------------------------------------------------------


def create_conversation(*, topic, situation, department, first_name="", email="", now=None):
    """A new conversation routed to a structure; returns (conversation, token, routing). The token is shown
    once to the visitor (their private link) and never stored."""
    if topic not in Topic.values:
        raise ContactError(_("Choisissez un sujet."))
    if situation not in dict(SITUATION_CHOICES):
        raise ContactError(_("Choisissez votre situation."))
    routing = route(department, situation, now)
    token = new_token()
    with transaction.atomic():
        conversation = Conversation.objects.create(
            token_hash=hash_token(token),
            first_name=clean_input(first_name, 50),
            topic=topic,
            situation=situation,
            department=department,
            email=email or "",
            structure=routing.structure,
            status=Conversation.Status.WAITING if routing.live else Conversation.Status.MESSAGE_LEFT,
        )
        ActivityRecord.record(ActivityRecord.Channel.CHAT, conversation)
        _post_system(conversation, routing_message(routing))
    queue_changed(conversation.structure_id)
    return conversation, token, routing


def routing_message(routing):
    if routing.structure is None:
        return routing.reason
    if routing.live:
        return _("Vous êtes en relation avec %(reason)s Un conseiller va vous répondre.") % {"reason": routing.reason}
    return _(
        "Votre message sera lu par %(reason)s Personne n'est disponible en ce moment : laissez votre message, "
        "la réponse s'affichera ici."
    ) % {"reason": routing.reason}


def _post_system(conversation, text):
    """A message from Hent itself (within the caller's transaction)."""
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    conversation.last_seq += 1
    message = Message.objects.create(
        conversation=conversation, seq=conversation.last_seq, author=Message.Author.SYSTEM, text=text
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_seq=conversation.last_seq, updated_at=timezone.now())
    return message


def post_message(conversation_id, author, text, client_id="", adviser=None):
    """Store a message and return it once committed (``Posted``). Idempotent on ``client_id``.

    Raises ``ContactError`` (empty message, conversation closed or deleted). This is the chat's hot path:
    four short statements in one transaction (the conversation row locked while its next number is taken).
    """
    text = clean_message(text)
    client_id = clean_client_id(client_id)
    notify = None
    Status = Conversation.Status
    with transaction.atomic():
        rows = list(
            Conversation.objects.select_for_update()
            .filter(pk=conversation_id)
            .order_by()
            .values_list("status", "adviser_id", "email", "notified_at", "structure_id", "last_seq")[:1]
        )
        if not rows:
            raise ContactError(_("Cette conversation n'existe plus."))
        status, adviser_id, email, notified_at, structure_id, last_seq = rows[0]
        if client_id:
            existing = list(Message.objects.filter(conversation_id=conversation_id, client_id=client_id).order_by()[:1])
            if existing:
                return Posted(existing[0], False, structure_id, False, [])
        if not text:
            raise ContactError(_("Le message est vide."))
        if status == Status.CLOSED:
            raise ContactError(_("Cette conversation est terminée."))
        now = timezone.now()
        message = Message(
            conversation_id=conversation_id,
            seq=last_seq + 1,
            author=author,
            adviser=adviser if author == Message.Author.ADVISER else None,
            text=text,
            client_id=client_id,
            created_at=now,
        )
        message.save(force_insert=True)
        changes = {"last_seq": last_seq + 1, "updated_at": now}
        new_status = status
        if author == Message.Author.ADVISER:
            if adviser_id is None:
                changes["adviser"] = adviser
            if status in (Status.WAITING, Status.MESSAGE_LEFT):
                new_status = changes["status"] = Status.ACTIVE
            if status == Status.MESSAGE_LEFT and email and not notified_at:
                changes["notified_at"] = now
                notify = email
        elif notified_at is not None:
            changes["notified_at"] = None
        Conversation.objects.filter(pk=conversation_id).update(**changes)
    if notify:
        _notify_answer(notify)
    events = [{"type": "chat.message", "message": message_event(message)}]
    if new_status != status:
        events.append({"type": "chat.status", "status": new_status, "label": str(Status(new_status).label)})
    queue = new_status != status or (author == Message.Author.VISITOR and new_status != Status.ACTIVE)
    return Posted(message, True, structure_id, queue, events)


def post_and_broadcast(conversation_id, author, text, client_id="", adviser=None):
    """``post_message`` then notify the pages (for the no-JavaScript forms)."""
    posted = post_message(conversation_id, author, text, client_id, adviser)
    if posted.created:
        broadcast(conversation_id, posted.structure_id, posted.events, posted.queue)
    return posted


def messages_after(conversation_id, after=0, limit=HISTORY_MAX):
    """The conversation's messages with a sequence number above ``after``, in order."""
    try:
        after = max(0, int(after))
    except (TypeError, ValueError):
        after = 0
    return list(Message.objects.filter(conversation_id=conversation_id, seq__gt=after).order_by("seq")[:limit])


def send_email(to, subject, body):
    """Send one e-mail; a failure is logged without the address (no personal data in logs)."""
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        logger.warning("an e-mail notification could not be sent")


def _notify_answer(email):
    send_email(
        email,
        _("Un conseiller vous a répondu"),
        _(
            "Bonjour,\n\nUn conseiller a répondu au message que vous avez laissé sur %(site)s.\n"
            "Ouvrez votre conversation avec le lien privé reçu dans notre premier message.\n\n"
            "Ce message est envoyé automatiquement ; n'y répondez pas."
        )
        % {"site": settings.HENT_SITE_NAME},
    )


def send_link(email, url, subject):
    """The private link, sent once to the address the person gave (we keep only its hash)."""
    send_email(
        email,
        subject,
        _(
            "Bonjour,\n\nVoici le lien privé pour retrouver votre échange sur %(site)s :\n%(url)s\n\n"
            "Gardez-le : toute personne qui a ce lien peut lire l'échange. Il est effacé après %(days)s jours "
            "sans activité.\n\nCe message est envoyé automatiquement ; n'y répondez pas."
        )
        % {"site": settings.HENT_SITE_NAME, "url": url, "days": retention_days()},
    )


def take(conversation, user):
    """The adviser takes the conversation (it leaves the queue of waiting ones)."""
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.status == Conversation.Status.CLOSED:
            raise ContactError(_("Cette conversation est terminée."))
        if locked.adviser_id == user.pk and locked.status == Conversation.Status.ACTIVE:
            return locked
        locked.adviser = user
        locked.status = Conversation.Status.ACTIVE
        locked.save(update_fields=["adviser", "status", "updated_at"])
        message = _post_system(locked, _("Un conseiller ou une conseillère a rejoint la conversation."))
    broadcast(
        locked.pk,
        locked.structure_id,
        [{"type": "chat.message", "message": message_event(message)}, {"type": "chat.status", **status_event(locked)}],
        queue=True,
    )
    return locked


def close(conversation, by_visitor=False):
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.status == Conversation.Status.CLOSED:
            return locked
        locked.status = Conversation.Status.CLOSED
        locked.save(update_fields=["status", "updated_at"])
        text = (
            _("La personne a terminé la conversation.") if by_visitor else _("Le conseiller a terminé la conversation.")
        )
        message = _post_system(locked, text)
    broadcast(
        locked.pk,
        locked.structure_id,
        [{"type": "chat.message", "message": message_event(message)}, {"type": "chat.status", **status_event(locked)}],
        queue=True,
    )
    return locked


def delete_conversation(conversation):
    """The visitor deletes the conversation at once: messages, referrals, everything but anonymous counts."""
    conversation_id, structure_id = conversation.pk, conversation.structure_id
    conversation.delete()
    broadcast(conversation_id, structure_id, [{"type": "chat.deleted"}], queue=True)


def transcript(conversation):
    """The conversation as a plain-text file's content."""
    lines = [
        _("Conversation avec un conseiller — %(site)s") % {"site": settings.HENT_SITE_NAME},
        _("Commencée le %(date)s") % {"date": timezone.localtime(conversation.created_at).strftime("%d/%m/%Y %H:%M")},
    ]
    if conversation.structure:
        lines.append(_("Structure : %(name)s") % {"name": conversation.structure.name})
    lines.append("")
    for message in conversation.messages.order_by("seq"):
        when = timezone.localtime(message.created_at).strftime("%d/%m/%Y %H:%M")
        label = Message.Author(message.author).label
        lines.append(f"[{when}] {label} :")
        lines.extend("  " + line for line in message.text.split("\n"))
    return "\n".join(lines) + "\n"


# -- referrals and catalogue links ------------------------------------------------------------------------------


def structure_summary(structure):
    parts = [structure.name]
    address = " ".join(p for p in [structure.address, structure.postcode, structure.commune] if p)
    if address:
        parts.append(address)
    if structure.phone:
        parts.append(_("tél. %(phone)s") % {"phone": structure.phone})
    parts.append(structure.get_absolute_url())
    return " — ".join(parts)


def refer(conversation, structure, user):
    """Record that the adviser refers the person to a structure, and tell them in the conversation."""
    with transaction.atomic():
        Referral.objects.create(conversation=conversation, structure=structure, adviser=user)
        ActivityRecord.record(ActivityRecord.Channel.REFERRAL, conversation, structure=structure)
    return post_and_broadcast(
        conversation.pk,
        Message.Author.ADVISER,
        _("Je vous oriente vers : %(structure)s") % {"structure": structure_summary(structure)},
        adviser=user,
    )


def catalogue_search(text, limit=5):
    """Occupations, trainings and structures matching what the adviser typed: [(kind label, title, path)]."""
    from hent.search import services as search
    from hent.trainings import services as trainings

    text = clean_input(text, 100)
    if len(text) < 2:
        return []
    found = []
    try:
        _query, results = search.search(text, limit=limit)
        found += [(_("Métier"), r.title, r.url) for r in results]
    except Exception:  # the search index may be missing on a fresh database
        logger.warning("occupation search unavailable for the catalogue box")
    try:
        for summary in trainings.search_trainings(text=text)[:limit]:
            found.append((_("Formation"), summary.training.title, summary.training.get_absolute_url()))
    except Exception:
        logger.warning("training search unavailable for the catalogue box")
    for structure in find_structures(text, limit):
        found.append((_("Structure"), str(structure), structure.get_absolute_url()))
    return found


def find_structures(text, limit=10):
    text = clean_input(text, 100)
    if len(text) < 2:
        return []
    return list(
        guidance.public_structures()
        .filter(Q(name__icontains=text) | Q(commune__icontains=text) | Q(postcode__startswith=text))
        .order_by("name")[:limit]
    )


# -- staff ---------------------------------------------------------------------------------------------------------


def visible_conversations(user):
    return roles.structures_for(user, Conversation.objects.select_related("structure"))


def visible_callbacks(user):
    return roles.structures_for(user, CallbackRequest.objects.select_related("structure"))


def visible_conversation(user, conversation_id):
    try:
        return visible_conversations(user).filter(pk=int(conversation_id)).first()
    except (TypeError, ValueError):
        return None


def visible_callback(user, request_id):
    try:
        return visible_callbacks(user).filter(pk=int(request_id)).first()
    except (TypeError, ValueError):
        return None


def touch_presence(user, now=None):
    """The adviser is there (live chat is offered to their structure's visitors)."""
    structure_id = roles.structure_id_of(user)
    if structure_id is None:
        return
    AdviserPresence.objects.update_or_create(
        user=user, defaults={"structure_id": structure_id, "last_seen": now or timezone.now()}
    )


def leave(user):
    AdviserPresence.objects.filter(user=user).delete()


@dataclass
class Queue:
    waiting: list
    mine: list
    others: list
    callbacks: list
    closed: list


def queue(user):
    """What an adviser sees: conversations waiting, theirs, colleagues', open call-back requests."""
    conversations = visible_conversations(user).annotate(count=Count("messages"))
    open_ones = conversations.exclude(status=Conversation.Status.CLOSED).order_by("created_at")
    waiting = [c for c in open_ones if c.status in (Conversation.Status.WAITING, Conversation.Status.MESSAGE_LEFT)]
    active = [c for c in open_ones if c.status == Conversation.Status.ACTIVE]
    callbacks = list(visible_callbacks(user).exclude(status=CallbackRequest.Status.DONE).order_by("created_at"))
    closed = list(conversations.filter(status=Conversation.Status.CLOSED).order_by("-updated_at")[:20])
    return Queue(
        waiting=waiting,
        mine=[c for c in active if c.adviser_id == user.pk],
        others=[c for c in active if c.adviser_id != user.pk],
        callbacks=callbacks,
        closed=closed,
    )


# -- call-back requests ----------------------------------------------------------------------------------------


def create_callback(*, name, availability, topic, situation, department, phone="", email="", now=None):
    if not phone and not email:
        raise ContactError(_("Indiquez un numéro de téléphone ou une adresse électronique."))
    routing = route(department, situation, now)
    token = new_token()
    with transaction.atomic():
        request = CallbackRequest.objects.create(
            token_hash=hash_token(token),
            name=clean_input(name, 100),
            phone=clean_input(phone, 30),
            email=email or "",
            availability=clean_input(availability, 300),
            topic=topic,
            situation=situation,
            department=department,
            structure=routing.structure,
        )
        ActivityRecord.record(ActivityRecord.Channel.CALLBACK, request)
    queue_changed(request.structure_id)
    return request, token, routing


def set_callback_status(request, status, user):
    """The adviser's new status for a request; the person is told by e-mail when they gave an address (the
    e-mail says only the new status: what they asked stays behind their private link)."""
    if status not in CallbackRequest.Status.values:
        raise ContactError(_("État inconnu."))
    changed = status != request.status
    request.status = status
    request.handled_by = user
    request.save(update_fields=["status", "handled_by", "updated_at"])
    queue_changed(request.structure_id)
    if changed and request.email:
        _notify_callback_status(request.email, request.get_status_display())
    return request


def _notify_callback_status(email, status):
    send_email(
        email,
        _("Votre demande de rappel : %(status)s") % {"status": status},
        _(
            "Bonjour,\n\nVotre demande de rappel sur %(site)s a changé d'état : %(status)s.\n"
            "Pour la suivre, ouvrez le lien privé que nous vous avons donné quand vous l'avez faite.\n\n"
            "Ce message est envoyé automatiquement ; n'y répondez pas."
        )
        % {"site": settings.HENT_SITE_NAME, "status": status},
    )


def delete_callback(request):
    structure_id = request.structure_id
    request.delete()
    queue_changed(structure_id)


# -- retention -------------------------------------------------------------------------------------------------------


def retention_days():
    return int(getattr(settings, "HENT_CONVERSATION_RETENTION_DAYS", 90))


def purge(now=None, dry_run=False):
    """Delete conversations and requests without activity for the retention period: (conversations, requests)."""
    limit = (now or timezone.now()) - datetime.timedelta(days=retention_days())
    conversations = Conversation.objects.filter(updated_at__lt=limit)
    requests = CallbackRequest.objects.filter(updated_at__lt=limit)
    counts = (conversations.count(), requests.count())
    if not dry_run:
        with transaction.atomic():
            conversations.delete()
            requests.delete()
    return counts


# -- activity figures ------------------------------------------------------------------------------------------


@dataclass
class Activity:
    total: int
    by_channel: list
    by_situation: list
    by_topic: list
    by_department: list
    by_structure: list
    by_month: list
    referrals: int


def activity(months=12):
    """Anonymous counts of conversations and call-back requests (``ActivityRecord``: no personal data; kept
    after the conversations themselves are deleted)."""
    records = ActivityRecord.objects.exclude(channel=ActivityRecord.Channel.REFERRAL)
    situations = dict(SITUATION_CHOICES)
    topics = dict(Topic.choices)
    channels = dict(ActivityRecord.Channel.choices)

    def grouped(field, labels=None):
        rows = records.values(field).annotate(n=Count("id")).order_by("-n", field)
        return [((labels or {}).get(r[field], r[field]) or _("non renseigné"), r["n"]) for r in rows]

    by_structure = [
        (r["structure__name"] or _("sans structure"), r["n"])
        for r in records.values("structure__name").annotate(n=Count("id")).order_by("-n", "structure__name")
    ]
    by_month = [
        (r["month"], r["n"]) for r in records.values("month").annotate(n=Count("id")).order_by("-month")[:months]
    ]
    return Activity(
        total=records.count(),
        by_channel=grouped("channel", channels),
        by_situation=grouped("situation", situations),
        by_topic=grouped("topic", topics),
        by_department=grouped("department"),
        by_structure=by_structure,
        by_month=by_month,
        referrals=ActivityRecord.objects.filter(channel=ActivityRecord.Channel.REFERRAL).count(),
    )


def conversation_url(token):
    return reverse("contact:conversation") + "?cle=" + token


def callback_url(token):
    return reverse("contact:callback_status") + "?cle=" + token
