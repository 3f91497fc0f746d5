"""The occupation catalogue: France Travail's ROME 4.0, as published.

Tables keep the source's own codes as primary keys (ROME code, OGR codes), so
that re-imports are idempotent and links from other datasets resolve directly.
"""

import functools

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GrandDomaine(models.Model):
    code = models.CharField(primary_key=True, max_length=1)
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("occupations:grand_domaine", args=[self.code])


class Domaine(models.Model):
    """Domaine professionnel (e.g. A11 "Engins agricoles et forestiers")."""

    code = models.CharField(primary_key=True, max_length=3)
    label = models.CharField(max_length=200)
    grand_domaine = models.ForeignKey(GrandDomaine, on_delete=models.PROTECT, related_name="domaines")

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("occupations:domaine", args=[self.code])


class TransitionEco(models.TextChoices):
    WHITE = "blanc", _("Emploi « blanc » (pas de lien particulier avec la transition écologique)")
    STRATEGIC = "strategique", _("Emploi stratégique pour la transition écologique")
    GREEN = "vert", _("Emploi « vert » (directement utile à l'environnement)")
    BROWN = "brun", _("Emploi « brun » (activité qui doit se transformer)")


class Occupation(models.Model):
    """A ROME fiche métier."""

    code = models.CharField(primary_key=True, max_length=5)
    ogr = models.PositiveIntegerField(unique=True)
    fiche_number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=255)
    title_masculine = models.CharField(max_length=255)
    title_feminine = models.CharField(max_length=255)
    domaine = models.ForeignKey(Domaine, on_delete=models.PROTECT, related_name="occupations")
    parent_code = models.CharField(max_length=5, blank=True, db_index=True)
    transition_eco = models.CharField(max_length=20, choices=TransitionEco.choices, blank=True)
    transition_num = models.BooleanField(null=True)
    transition_demo = models.BooleanField(null=True)
    regulated = models.BooleanField(null=True)
    executive = models.BooleanField(null=True)
    riasec_major = models.CharField(max_length=1, blank=True)
    riasec_minor = models.CharField(max_length=1, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.title} ({self.code})"

    def get_absolute_url(self):
        return _occupation_url(self.code)


@functools.lru_cache(maxsize=4096)
def _occupation_url(code):
    """An occupation page's address, worked out once per code: lists of hundreds of occupations link to them."""
    return reverse("occupations:detail", args=[code])


class OccupationText(models.Model):
    class Kind(models.TextChoices):
        DEFINITION = "definition", _("Définition")
        ACCESS = "acces_metier", _("Accès au métier")

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["occupation", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "kind", "position"], name="occupationtext_unique"),
        ]


class JobTitle(models.Model):
    """An appellation: one of the 13,120 names of jobs, each attached to one fiche."""

    ogr = models.PositiveIntegerField(primary_key=True)
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="job_titles")
    label = models.CharField(max_length=255)
    label_short = models.CharField(max_length=255)
    label_masculine = models.CharField(max_length=255)
    label_feminine = models.CharField(max_length=255)
    is_main = models.BooleanField(default=False)
    rarely_used = models.BooleanField(default=False)
    transition_eco = models.CharField(max_length=20, choices=TransitionEco.choices, blank=True)
    transition_num = models.BooleanField(null=True)
    transition_demo = models.BooleanField(null=True)
    regulated = models.BooleanField(null=True)
    executive = models.BooleanField(null=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label


class Item(models.Model):
    """A skill (savoir-faire, savoir-être), a knowledge item (savoir) or a work context."""

    class Kind(models.TextChoices):
        SKILL = "savoir_faire", _("Savoir-faire")
        SOFT_SKILL = "savoir_etre", _("Savoir-être professionnel")
        KNOWLEDGE = "savoir", _("Savoir")
        CONTEXT = "contexte", _("Contexte de travail")

    ogr = models.PositiveIntegerField(primary_key=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    label = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    # Skills: "Technique", "Technique expert", "Transverse"; knowledge: "Domaines d'expertise"...;
    # contexts: the context type ("Horaires et durée du travail"...).
    category = models.CharField(max_length=200, blank=True)
    subcategory = models.CharField(max_length=200, blank=True)
    is_macro = models.BooleanField(default=False)
    macro = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="skills")
    macro_code = models.CharField(max_length=10, blank=True)
    riasec_major = models.CharField(max_length=1, blank=True)
    riasec_minor = models.CharField(max_length=1, blank=True)
    transition_eco = models.BooleanField(null=True)
    transition_num = models.BooleanField(null=True)
    heterogeneity = models.CharField(max_length=50, blank=True)
    origin = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label


class OccupationItem(models.Model):
    class Core(models.TextChoices):
        NO = "", _("Périphérique")
        MAIN = "principale", _("Cœur de métier")
        EMERGING = "emergente", _("Émergente")

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="occupation_items")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="occupation_items")
    core = models.CharField(max_length=20, choices=Core.choices, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "item"], name="occupationitem_unique")]


class Mobility(models.Model):
    """A career move from one fiche to another, in the source's order."""

    source = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="mobilities")
    target = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="mobilities_in")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["source", "position"]
        constraints = [models.UniqueConstraint(fields=["source", "target"], name="mobility_unique")]


class CentreInteret(models.Model):
    """ "J'ai envie de…": the ROME's centres d'intérêt."""

    code = models.PositiveSmallIntegerField(primary_key=True)
    label = models.CharField(max_length=255)
    definition = models.TextField(blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("occupations:interest", args=[self.code])


class OccupationInterest(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="interest_links")
    centre = models.ForeignKey(CentreInteret, on_delete=models.CASCADE, related_name="occupation_links")
    is_principal = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "centre"], name="occupationinterest_unique")]


class Theme(models.Model):
    code = models.CharField(primary_key=True, max_length=10)
    label = models.CharField(max_length=255)
    definition = models.TextField(blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("occupations:theme", args=[self.code])


class OccupationTheme(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="occupation_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "theme"], name="occupationtheme_unique")]


class Sector(models.Model):
    """A ROME activity sector (e.g. "Activités juridiques et comptables")."""

    code = models.PositiveSmallIntegerField(primary_key=True)
    label = models.CharField(max_length=255)
    definition = models.TextField(blank=True)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("occupations:sector", args=[self.code])


class SubSector(models.Model):
    code = models.PositiveSmallIntegerField(primary_key=True)
    label = models.CharField(max_length=255)
    definition = models.TextField(blank=True)
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="subsectors")

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label


class OccupationSector(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="sector_links")
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="occupation_links")
    subsector = models.ForeignKey(
        SubSector, null=True, blank=True, on_delete=models.CASCADE, related_name="occupation_links"
    )
    is_principal = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "sector", "subsector"], name="occupationsector_unique")
        ]


class NafSector(models.Model):
    """A NAF division grouping as used by the ROME (e.g. "Industries alimentaires")."""

    code = models.CharField(primary_key=True, max_length=4)
    technical_code = models.PositiveSmallIntegerField(unique=True)
    label = models.CharField(max_length=255)

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label


class OccupationNaf(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="naf_links")
    naf = models.ForeignKey(NafSector, on_delete=models.CASCADE, related_name="occupation_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "naf"], name="occupationnaf_unique")]
