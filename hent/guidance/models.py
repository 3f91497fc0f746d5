"""The directory of guidance structures (CIO, Missions locales, France Travail, …) and their outreach sessions.

Structures come from open data (importers in ``hent.guidance.importers``) or are added by staff in the back
office. Staff edits are kept across re-imports: every field staff change is listed in ``edited_fields`` and
the importers leave it as staff set it.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StructureKind(models.TextChoices):
    CIO = "cio", _("Centre d'information et d'orientation (CIO)")
    CEP = "cep", _("Conseil en évolution professionnelle (CEP)")
    MISSION_LOCALE = "mission_locale", _("Mission locale")
    FRANCE_TRAVAIL = "france_travail", _("France Travail")
    CAP_EMPLOI = "cap_emploi", _("Cap emploi")
    APEC = "apec", _("Apec")
    INFORMATION_JEUNESSE = "information_jeunesse", _("Information Jeunesse")
    OTHER = "other", _("Autre structure")


class Public(models.TextChoices):
    COLLEGIENS = "collegiens", _("Collégiens")
    LYCEENS = "lyceens", _("Lycéens")
    ETUDIANTS = "etudiants", _("Étudiants")
    JEUNES_16_25 = "jeunes_16_25", _("Jeunes de 16 à 25 ans")
    DEMANDEURS_EMPLOI = "demandeurs_emploi", _("Demandeurs d'emploi")
    SALARIES = "salaries", _("Salariés")
    HANDICAP = "handicap", _("Personnes en situation de handicap")
    PARENTS = "parents", _("Parents")
    TOUS = "tous", _("Tous publics")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


class Structure(models.Model):
    # Fields an importer fills; staff may change them, and then the importers leave them alone.
    IMPORTED_FIELDS = (
        "kind", "name", "address", "address_extra", "postcode", "commune", "commune_code", "department",
        "latitude", "longitude", "phone", "email", "website", "publics", "services",
    )  # fmt: skip

    id = models.BigAutoField(primary_key=True)
    slug = models.SlugField(_("identifiant d'adresse"), max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=StructureKind.choices, db_index=True)
    name = models.CharField(_("nom"), max_length=200)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    address_extra = models.CharField(_("complément d'adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    commune_code = models.CharField(_("code commune (INSEE)"), max_length=5, blank=True, db_index=True)
    department = models.CharField(_("département"), max_length=3, blank=True, db_index=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    website = models.URLField(_("site web"), max_length=300, blank=True)
    publics = models.JSONField(_("publics accueillis"), default=list, blank=True)
    services = models.TextField(_("services proposés"), blank=True)
    access_note = models.TextField(
        _("accès et accueil"), blank=True, help_text=_("Par exemple : « sur rendez-vous », accessibilité.")
    )
    is_active = models.BooleanField(
        _("visible au public"), default=True, help_text=_("Décocher pour retirer la structure de l'annuaire public.")
    )
    updated_at = models.DateTimeField(_("mis à jour le"), default=timezone.now)
    source = models.CharField(_("source"), max_length=250, blank=True)
    # Import bookkeeping.
    dataset = models.ForeignKey(
        "core.Dataset", verbose_name=_("jeu de données"), null=True, blank=True, on_delete=models.SET_NULL
    )
    source_key = models.CharField(
        _("identifiant dans la source"), max_length=60, null=True, blank=True, unique=True, editable=False
    )
    data_date = models.DateField(_("date des données de la source"), null=True, blank=True)
    edited_fields = models.JSONField(_("champs modifiés par l'équipe"), default=list, blank=True, editable=False)
    in_source = models.BooleanField(_("présente dans la source"), default=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure d'orientation")
        verbose_name_plural = _("structures d'orientation")

    def __str__(self):
        return f"{self.name} ({self.commune})" if self.commune else self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("guidance:detail", args=[self.slug])

    @property
    def public_labels(self):
        labels = dict(Public.choices)
        return [labels[code] for code in self.publics if code in labels]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class OpeningHours(models.Model):
    """One opening slot of a day (a day may have several: morning and afternoon). Times are Europe/Paris."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouverture"))
    closes = models.TimeField(_("fermeture"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("horaire d'ouverture")
        verbose_name_plural = _("horaires d'ouverture")
        constraints = [
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="guidance_hours_weekday"),
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="guidance_hours_order"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OutreachSession(models.Model):
    """A "hors les murs" session: advisers of a structure in a library, an event, another public place."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="outreach_sessions")
    place_name = models.CharField(_("lieu"), max_length=200)
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    commune_code = models.CharField(_("code commune (INSEE)"), max_length=5, blank=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("permanence hors les murs")
        verbose_name_plural = _("permanences hors les murs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="guidance_outreach_order"
            ),
        ]

    def __str__(self):
        return f"{self.place_name} — {self.starts_at:%d/%m/%Y}"
