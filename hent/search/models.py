from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable text: a job title form, or a "facet" (domain, interest, theme, sector, skill).

    ``text`` holds the normalised words the full-text index sees; ``occupations`` the ROME
    codes it leads to (a trailing "*" marks a principal or core link).
    """

    class Kind(models.TextChoices):
        TITLE = "title", _("Appellation")
        FACET = "facet", _("Thème")
        TRAINING = "training", _("Formation")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    facet = models.CharField(max_length=20, blank=True)
    label = models.CharField(max_length=500)
    text = models.TextField()
    occupations = models.TextField()
    weight = models.FloatField(default=1.0)


class SearchIndex(models.Model):
    """The state of the index (a single row): when it was built, and the title vocabulary for corrections."""

    built_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)
    vocabulary = models.JSONField(default=dict)


class SearchMiss(models.Model):
    """A search that found nothing: the text only (normalised), how often, since when. No personal data."""

    query = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=1)
    first_seen = models.DateField(auto_now_add=True)
    last_seen = models.DateField(auto_now=True)

    class Meta:
        ordering = ["-count", "query"]
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")

    def __str__(self):
        return self.query
