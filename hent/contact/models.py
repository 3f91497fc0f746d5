"""Conversations with advisers, their messages, referrals, and call-back requests.

Each conversation and request has a private link: a random token (256 bits) of which only the SHA-256 hash
is stored (``token_hash``), so a copy of the database opens nothing. Personal data (first name, e-mail,
phone, messages) lives only in these tables and is deleted after the retention period
(``purge_conversations``) or at once at the visitor's request.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hent.guidance.models import Public


class Topic(models.TextChoices):
    ORIENTATION = "orientation", _("Choisir une orientation, des études")
    METIER = "metier", _("Découvrir un métier")
    FORMATION = "formation", _("Trouver une formation")
    RECONVERSION = "reconversion", _("Changer de métier, évoluer")
    EMPLOI = "emploi", _("Trouver un emploi, un stage, une alternance")
    DROITS = "droits", _("Connaître mes droits, les aides")
    AUTRE = "autre", _("Autre question")


# The situations a visitor may choose: the directory's publics, "tous" aside.
SITUATION_CHOICES = [(code, label) for code, label in Public.choices if code != Public.TOUS]


class Conversation(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("En attente d'un conseiller")
        ACTIVE = "active", _("En cours")
        MESSAGE_LEFT = "message_left", _("Message laissé")
        CLOSED = "closed", _("Terminée")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    first_name = models.CharField(_("prénom"), max_length=50, blank=True)
    topic = models.CharField(_("sujet"), max_length=20, choices=Topic.choices)
    situation = models.CharField(_("situation"), max_length=30, choices=SITUATION_CHOICES)
    department = models.CharField(_("département"), max_length=3)
    email = models.EmailField(_("courriel"), blank=True)
    structure = models.ForeignKey(
        "guidance.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
        verbose_name=_("structure"),
    )
    status = models.CharField(_("état"), max_length=15, choices=Status.choices, default=Status.WAITING)
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("conseiller"),
    )
    # The last sequence number given to a message of this conversation (messages are numbered 1, 2, 3…).
    last_seq = models.PositiveIntegerField(default=0, editable=False)
    # When the visitor was last told by e-mail that an adviser answered (reset when the visitor writes).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        indexes = [models.Index(fields=["structure", "status"])]

    def __str__(self):
        return f"conversation {self.pk}"

    @property
    def is_open(self):
        return self.status != self.Status.CLOSED


class Message(models.Model):
    class Author(models.TextChoices):
        VISITOR = "visitor", _("Vous")
        ADVISER = "adviser", _("Conseiller")
        SYSTEM = "system", _("Hent")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField(editable=False)
    author = models.CharField(max_length=10, choices=Author.choices)
    # The adviser who wrote it (None for the visitor and system messages).
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField()
    # Chosen by the sender's page: sending the same message twice (after a reconnection) stores it once.
    client_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="contact_message_seq_unique"),
            models.UniqueConstraint(
                fields=["conversation", "client_id"],
                condition=~models.Q(client_id=""),
                name="contact_message_client_id_unique",
            ),
        ]

    def __str__(self):
        return f"message {self.conversation_id}#{self.seq}"


class Referral(models.Model):
    """An adviser sent the person of a conversation to a structure of the directory."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="referrals")
    structure = models.ForeignKey("guidance.Structure", on_delete=models.CASCADE, related_name="+")
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("orientation vers une structure")
        verbose_name_plural = _("orientations vers une structure")


class CallbackRequest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Reçue")
        IN_PROGRESS = "in_progress", _("En cours de traitement")
        DONE = "done", _("Traitée")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    name = models.CharField(_("nom"), max_length=100)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    availability = models.CharField(_("disponibilités"), max_length=300)
    topic = models.CharField(_("sujet"), max_length=20, choices=Topic.choices)
    situation = models.CharField(_("situation"), max_length=30, choices=SITUATION_CHOICES)
    department = models.CharField(_("département"), max_length=3)
    structure = models.ForeignKey(
        "guidance.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="callback_requests",
        verbose_name=_("structure"),
    )
    status = models.CharField(_("état"), max_length=15, choices=Status.choices, default=Status.NEW)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("demande de rappel")
        verbose_name_plural = _("demandes de rappel")
        indexes = [models.Index(fields=["structure", "status"])]

    def __str__(self):
        return f"demande de rappel {self.pk}"


class AdviserPresence(models.Model):
    """When an adviser last showed a sign of life (queue page, websocket): live chat is offered only while
    one is there; otherwise the visitor leaves a message."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    structure = models.ForeignKey("guidance.Structure", on_delete=models.CASCADE, related_name="+")
    last_seen = models.DateTimeField(db_index=True)


class ActivityRecord(models.Model):
    """One contact counted for the Region's activity figures: no personal data, no link to the conversation
    or request (kept after they are deleted), only the month, the channel and the categories chosen."""

    class Channel(models.TextChoices):
        CHAT = "chat", _("Conversation en ligne")
        CALLBACK = "callback", _("Demande de rappel")
        REFERRAL = "referral", _("Orientation vers une structure")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    month = models.DateField(db_index=True)  # the first day of the month
    topic = models.CharField(max_length=20, blank=True)
    situation = models.CharField(max_length=30, blank=True)
    department = models.CharField(max_length=3, blank=True)
    structure = models.ForeignKey("guidance.Structure", on_delete=models.SET_NULL, null=True, related_name="+")

    @classmethod
    def record(cls, channel, source, structure=None):
        from django.utils import timezone

        return cls.objects.create(
            channel=channel,
            month=timezone.localdate().replace(day=1),
            topic=source.topic,
            situation=source.situation,
            department=source.department,
            structure=structure if structure is not None else source.structure,
        )
