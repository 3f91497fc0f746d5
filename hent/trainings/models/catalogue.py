"""The training catalogue, derived from the imported sources by ``hent.trainings.catalogue.rebuild()``.

A Training is one certification or diploma a person can prepare (a CAP, a BTS, a professional
title…). Its stable identifier says which source it was first known by: "ci-1879" (Certif Info),
"onisep-FOR.1000" (ONISEP), "rncp-37084" (RNCP). Every link keeps the source it comes from.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

__all__ = ["Establishment", "OccupationLevel", "Training", "TrainingOccupation", "TrainingPlace"]


class Training(models.Model):
    """One certification or diploma, merged from the sources that describe it."""

    class Level(models.IntegerChoices):
        # European qualification framework levels, as used by France Compétences.
        INFRA = 2, _("Sans diplôme")
        CAP = 3, _("CAP, BEP (niveau 3)")
        BAC = 4, _("Bac, BP (niveau 4)")
        BAC2 = 5, _("Bac + 2 : BTS, DEUST (niveau 5)")
        BAC3 = 6, _("Bac + 3 : licence, BUT (niveau 6)")
        BAC5 = 7, _("Bac + 5 : master, ingénieur (niveau 7)")
        BAC8 = 8, _("Bac + 8 : doctorat (niveau 8)")

    slug = models.SlugField(primary_key=True, max_length=40)
    title = models.CharField(max_length=500)
    type_label = models.CharField(max_length=200, blank=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    duration = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)  # sanitised HTML
    access = models.TextField(blank=True)  # sanitised HTML
    further_studies = models.TextField(blank=True)  # sanitised HTML
    certifier = models.CharField(max_length=500, blank=True)
    rncp = models.CharField(max_length=20, blank=True, db_index=True)
    rs = models.CharField(max_length=20, blank=True)
    cfd = models.CharField(max_length=20, blank=True, db_index=True)
    certif_info = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    onisep_id = models.CharField(max_length=20, blank=True, db_index=True)
    nsf = models.CharField(max_length=200, blank=True)
    # Access modes (None: the sources do not say).
    initial = models.BooleanField(null=True)
    apprenticeship = models.BooleanField(null=True)
    continuing = models.BooleanField(null=True)
    professionalisation = models.BooleanField(null=True)
    vae = models.BooleanField(null=True)
    individual = models.BooleanField(null=True)
    active = models.BooleanField(default=True)
    taught_in_region = models.BooleanField(default=False)  # an establishment or InserJeunes says so
    sources = models.CharField(max_length=200)  # e.g. "certifinfo onisep rncp"

    class Meta:
        ordering = ["level", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("trainings:detail", args=[self.slug])


class TrainingOccupation(models.Model):
    class Source(models.TextChoices):
        CERTIFINFO = "certifinfo", _("Certif Info")
        ONISEP = "onisep", _("ONISEP")
        RNCP = "rncp", _("RNCP")
        LHEO = "lheo", _("Offre de formation régionale")

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="occupation_links")
    occupation = models.ForeignKey("occupations.Occupation", on_delete=models.CASCADE, related_name="training_links")
    source = models.CharField(max_length=20, choices=Source.choices)
    source_code = models.CharField(max_length=10, blank=True)  # the code as the source wrote it (may be ROME v3)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "occupation", "source"], name="trainingoccupation_unique")
        ]


class OccupationLevel(models.Model):
    """The lowest level of the active trainings that lead to an occupation, worked out by the catalogue rebuild
    (``hent.trainings.catalogue.fill_occupation_levels``) so that the discovery filters need not read every link.

    Links the sources make to this very occupation are preferred; only when there is none, those made to the
    ROME v3 fiche it comes from count (they are shared by every fiche split from it, hence less precise).
    """

    occupation = models.OneToOneField(
        "occupations.Occupation", on_delete=models.CASCADE, primary_key=True, related_name="lowest_training_level"
    )
    level = models.PositiveSmallIntegerField(choices=Training.Level.choices, db_index=True)


class Establishment(models.Model):
    class Position(models.TextChoices):
        EXACT = "exact", _("adresse précise")
        COMMUNE = "commune", _("centre de la commune")
        UNKNOWN = "", _("position inconnue")

    # The UAI (national code of schools, e.g. "0350028E") when known, else the SIRET of a training body.
    code = models.CharField(primary_key=True, max_length=14)
    uai = models.CharField(max_length=10, blank=True, db_index=True)
    siret = models.CharField(max_length=14, blank=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=50, blank=True)  # public / privé
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    commune_code = models.CharField(max_length=5, blank=True, db_index=True)
    commune_name = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=3, blank=True, db_index=True)
    phone = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    position = models.CharField(max_length=10, choices=Position.choices, blank=True)
    position_source = models.CharField(max_length=100, blank=True)
    sources = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("trainings:establishment", args=[self.code])


class TrainingPlace(models.Model):
    """Where a training is taught: an establishment, in a mode, according to a source."""

    class Mode(models.TextChoices):
        SCHOOL = "scolaire", _("sous statut scolaire ou étudiant")
        APPRENTICESHIP = "apprentissage", _("en apprentissage")
        CONTINUING = "continue", _("en formation continue")
        UNKNOWN = "", _("modalité non précisée")

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="places")
    establishment = models.ForeignKey(Establishment, on_delete=models.CASCADE, related_name="trainings")
    mode = models.CharField(max_length=20, choices=Mode.choices, blank=True)
    source = models.CharField(max_length=30)
    source_label = models.CharField(max_length=500, blank=True)  # the training as the source named it

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["training", "establishment", "mode", "source"], name="trainingplace_unique")
        ]
