"""A person's project, kept without an account.

A project holds what its owner saved (occupations, trainings, places), notes and a plan. It is
reached by a private link (a random token of which only the SHA-256 hash is stored here) that
lets its owner edit it, or by a short code that lets anyone who has it read it (an adviser).
Nothing in these tables says who the person is.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Project(models.Model):
    # The short code, as typed without its dash: "ABCDEFGH" (shown "ABCD-EFGH"). Read-only access.
    code = models.CharField(max_length=8, unique=True)
    # SHA-256 (hex) of the private link's token. Editing access; the token itself is never stored.
    token_hash = models.CharField(max_length=64, unique=True)
    # False until the owner's browser has been shown the current private link (it is shown once).
    key_shown = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The last time the project was opened or changed; projects unused for the retention period are purged.
    last_used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("projet")
        verbose_name_plural = _("projets")

    def __str__(self):
        return f"projet {self.pk}"

    @property
    def display_code(self):
        return f"{self.code[:4]}-{self.code[4:]}"


class ProjectItem(models.Model):
    """Something the person saved: a reference to another domain's page, by its public code."""

    class Kind(models.TextChoices):
        OCCUPATION = "occupation", _("Métier")
        TRAINING = "training", _("Formation")
        COMMUNE = "commune", _("Commune")
        ESTABLISHMENT = "establishment", _("Établissement")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ref = models.CharField(max_length=40)  # ROME code, training slug, INSEE code, establishment code
    # The name when it was saved: still shown if the publisher later removes the record.
    label = models.CharField(max_length=300)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["project", "kind", "ref"], name="projectitem_unique")]

    def __str__(self):
        return f"{self.kind}:{self.ref}"


class ProjectNote(models.Model):
    """A few lines of plain text the person wrote."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"note {self.pk}"


class ProjectStep(models.Model):
    """A step of the plan: one of the standard steps (``key`` set) or one the person added (``title`` set)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    done = models.BooleanField(default=False)
    date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.key or self.title
