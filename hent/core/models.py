from django.db import models
from django.utils.translation import gettext_lazy as _


class Dataset(models.Model):
    """One imported open dataset: who publishes it, which version, under which licence.

    Every page that shows imported data cites the Dataset it comes from; the
    "Sources et licences" page lists them all.
    """

    slug = models.SlugField(primary_key=True, max_length=60)
    name = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    version = models.CharField(max_length=100, blank=True)
    published_on = models.DateField(null=True, blank=True)
    licence = models.CharField(max_length=200, blank=True)
    licence_url = models.URLField(blank=True)
    source_url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False)
    row_counts = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("jeu de données")
        verbose_name_plural = _("jeux de données")

    def __str__(self):
        return f"{self.name} {self.version}".strip()

    @property
    def citation(self):
        """Short source line: "ROME 4.0 — France Travail, version 60, septembre 2025"."""
        from django.utils.formats import date_format

        parts = [f"{self.name} — {self.publisher}"]
        if self.version:
            parts.append(f"version {self.version}")
        if self.published_on:
            parts.append(date_format(self.published_on, "F Y"))
        return ", ".join(parts)


class ImportFingerprint(models.Model):
    """What the last complete ``import_opendata`` read: a digest of every file it imported and of the project's
    code. When both are the same on the next run (``make run`` after ``make run``), there is nothing to import."""

    name = models.SlugField(primary_key=True, max_length=60)
    digest = models.CharField(max_length=64)
    recorded_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} {self.digest[:12]}"
