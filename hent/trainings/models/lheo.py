"""Continuing-training offers in the national LHÉO format (Carif-Oref network), as published.

An LHÉO file holds ``<formation>`` elements (what is taught, the certification it leads to, the
organisation responsible), each with ``<action>`` elements (how and where it is taught: place,
modes, funding, conditions), each with ``<session>`` elements (dates, registration). Keys are the
publisher's ``numero`` attributes, made into paths so that they are unique across files:
formation "F1", action "F1/A1", session "F1/A1/S1". Written by ``import_lheo``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["LheoAction", "LheoFormation", "LheoFormationCode", "LheoOrganisation", "LheoPlace", "LheoSession"]

KEY_LENGTH = 500


class LheoOrganisation(models.Model):
    """An organisation responsible for formations (<organisme-formation-responsable>), by SIRET."""

    siret = models.CharField(primary_key=True, max_length=14)
    activity_number = models.CharField(max_length=20, blank=True)  # numero-activite (déclaration d'activité)
    name = models.CharField(max_length=250)  # nom-organisme (usual name)
    legal_name = models.CharField(max_length=250, blank=True)  # raison-sociale
    uai = models.CharField(max_length=8, blank=True, db_index=True)  # code-UAI (LHÉO 2.3), when given
    address = models.CharField(max_length=500, blank=True)  # address lines joined by ", "
    postcode = models.CharField(max_length=10, blank=True)
    city = models.CharField(max_length=200, blank=True)
    commune_code = models.CharField(max_length=5, blank=True)  # code-INSEE-commune
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    email = models.CharField(max_length=254, blank=True)
    website = models.CharField(max_length=500, blank=True)  # as published: often without "http://"
    contact = models.JSONField(default=dict, blank=True)  # contact-organisme: name, phone, email…
    extras = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisme de formation (LHÉO)")
        verbose_name_plural = _("organismes de formation (LHÉO)")

    def __str__(self):
        return self.name


class LheoFormation(models.Model):
    key = models.CharField(primary_key=True, max_length=KEY_LENGTH)  # numero attribute (or a content hash)
    file = models.CharField(max_length=300)  # the file it was read from
    lheo_version = models.CharField(max_length=10, blank=True)  # from the namespace: "2.2", "2.3"
    organisation = models.ForeignKey(LheoOrganisation, on_delete=models.PROTECT, related_name="formations")
    title = models.CharField(max_length=500)  # intitule-formation
    objective = models.TextField(blank=True)  # objectif-formation, sanitised HTML
    expected_results = models.TextField(blank=True)  # resultats-attendus, sanitised HTML
    content = models.TextField(blank=True)  # contenu-formation, sanitised HTML
    certifying = models.BooleanField(null=True)  # certifiante
    path_code = models.CharField(max_length=2, blank=True)  # parcours-de-formation (dict-type-parcours)
    entry_level_code = models.CharField(max_length=2, blank=True)  # code-niveau-entree (dict-niveaux)
    exit_level_code = models.CharField(max_length=2, blank=True)  # code-niveau-sortie (dict-niveaux)
    exit_level_label = models.CharField(max_length=100, blank=True)
    general_objective_code = models.CharField(max_length=2, blank=True)  # objectif-general-formation (dict-AIS)
    url = models.CharField(max_length=500, blank=True)  # url-formation, first urlweb
    contact = models.JSONField(default=dict, blank=True)  # contact-formation (first): name, phone, email…
    extras = models.JSONField(default=list, blank=True)  # <extras> of the formation, as [{info, value}…]

    class Meta:
        ordering = ["title"]
        verbose_name = _("formation (LHÉO)")
        verbose_name_plural = _("formations (LHÉO)")

    def __str__(self):
        return self.title


class LheoFormationCode(models.Model):
    """A code attached to a formation: certification (RNCP, Certif Info, RS, CPF, CFD) or domain (ROME…)."""

    class Kind(models.TextChoices):
        RNCP = "rncp", "RNCP"
        CERTIFINFO = "certifinfo", "Certif Info"
        RS = "rs", _("Répertoire spécifique")
        CPF = "cpf", "CPF"
        ELU = "elu", "ELU"
        CFD = "cfd", _("code formation diplôme")
        FORMACODE = "formacode", "Formacode"
        NSF = "nsf", "NSF"
        ROME = "rome", "ROME"

    formation = models.ForeignKey(LheoFormation, on_delete=models.CASCADE, related_name="codes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    code = models.CharField(max_length=20, db_index=True)  # as published, trimmed ("474", "34582", "D1402")
    position = models.PositiveSmallIntegerField()  # order within its kind; the first Formacode is the main one

    class Meta:
        ordering = ["formation", "kind", "position"]
        constraints = [models.UniqueConstraint(fields=["formation", "kind", "code"], name="lheoformationcode_unique")]
        verbose_name = _("code d'une formation (LHÉO)")
        verbose_name_plural = _("codes des formations (LHÉO)")

    def __str__(self):
        return f"{self.kind} {self.code}"


class LheoAction(models.Model):
    class Teaching(models.TextChoices):  # dict-modalites-enseignement
        ON_SITE = "0", _("formation entièrement présentielle")
        MIXED = "1", _("formation mixte")
        REMOTE = "2", _("formation entièrement à distance")
        UNKNOWN = "", _("non précisé")

    key = models.CharField(primary_key=True, max_length=KEY_LENGTH)  # "<formation key>/<action numero>"
    number = models.CharField(max_length=200)  # numero attribute as published
    formation = models.ForeignKey(LheoFormation, on_delete=models.CASCADE, related_name="actions")
    rhythm = models.CharField(max_length=3000, blank=True)  # rythme-formation: "Temps plein"…
    public_codes = models.JSONField(default=list, blank=True)  # code-public-vise (Formacode): ["81061"]
    public_info = models.TextField(blank=True)  # info-public-vise
    entry_level_required = models.BooleanField(null=True)  # niveau-entree-obligatoire
    alternance_details = models.TextField(blank=True)  # modalites-alternance (free text, "-" left empty)
    teaching = models.CharField(max_length=1, choices=Teaching.choices, blank=True)  # modalites-enseignement
    conditions = models.TextField(blank=True)  # conditions-specifiques
    funding_possible = models.BooleanField(null=True)  # prise-en-charge-frais-possible
    permanent_entry = models.BooleanField(null=True)  # modalites-entrees-sorties: 1 = entrées/sorties permanentes
    url = models.CharField(max_length=500, blank=True)  # url-action, first urlweb
    # Modes, decoded: apprenticeship = public 82027 (contrat d'apprentissage); professionalisation =
    # public 82029; alternance = either, or pedagogical mode 96142 "En alternance".
    apprenticeship = models.BooleanField(default=False)
    professionalisation = models.BooleanField(default=False)
    alternance = models.BooleanField(default=False)
    pedagogy_codes = models.JSONField(default=list, blank=True)  # code-modalite-pedagogique (Formacode)
    pedagogy = models.TextField(blank=True)  # modalites-pedagogiques
    recruitment = models.TextField(blank=True)  # modalites-recrutement
    duration = models.CharField(max_length=300, blank=True)  # duree-indicative
    hours_total = models.PositiveIntegerField(null=True, blank=True)  # nombre-heures-total
    hours_centre = models.PositiveIntegerField(null=True, blank=True)
    hours_company = models.PositiveIntegerField(null=True, blank=True)
    price_total = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)  # prix-total-TTC, €
    price_hourly = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)  # prix-horaire-TTC
    remaining_costs = models.TextField(blank=True)  # frais-restants
    funding_details = models.TextField(blank=True)  # detail-conditions-prise-en-charge
    funders = models.JSONField(default=list, blank=True)  # [{"code": "2", "label": "…Conseil régional", "places": 12}]
    trainers = models.JSONField(default=list, blank=True)  # organisme-formateur: [{"siret", "name", "uai"}]
    language = models.CharField(max_length=50, blank=True)
    accommodation = models.TextField(blank=True)  # hebergement
    catering = models.TextField(blank=True)  # restauration
    transport = models.TextField(blank=True)
    disabled_access = models.TextField(blank=True)  # acces-handicapes
    extras = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("action de formation (LHÉO)")
        verbose_name_plural = _("actions de formation (LHÉO)")

    def __str__(self):
        return self.key


class LheoPlace(models.Model):
    """A place where an action is taught (<lieu-de-formation>; one in LHÉO 2.2, 0 to N in 2.3)."""

    action = models.ForeignKey(LheoAction, on_delete=models.CASCADE, related_name="places")
    position = models.PositiveSmallIntegerField()  # order in the action, from 1
    name = models.CharField(max_length=300, blank=True)  # coordonnees/ligne or adresse/denomination
    address = models.CharField(max_length=500, blank=True)  # adresse/ligne joined by ", "
    postcode = models.CharField(max_length=10, blank=True)
    city = models.CharField(max_length=200, blank=True)
    commune_code = models.CharField(max_length=5, blank=True, db_index=True)  # code-INSEE-commune
    department = models.CharField(max_length=3, blank=True)
    region = models.CharField(max_length=3, blank=True)
    country = models.CharField(max_length=2, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    siret = models.CharField(max_length=14, blank=True)  # SIRET-lieu-formation (2.3)
    uai = models.CharField(max_length=8, blank=True, db_index=True)  # its code-UAI (2.3)
    phone = models.CharField(max_length=50, blank=True)
    email = models.CharField(max_length=254, blank=True)
    extras = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["action", "position"]
        constraints = [models.UniqueConstraint(fields=["action", "position"], name="lheoplace_unique")]
        verbose_name = _("lieu de formation (LHÉO)")
        verbose_name_plural = _("lieux de formation (LHÉO)")

    def __str__(self):
        return f"{self.name or self.address} {self.postcode} {self.city}".strip()


class LheoSession(models.Model):
    class Recruitment(models.TextChoices):  # dict-etat-recrutement
        OPEN = "1", _("ouvert")
        CLOSED = "2", _("fermé")
        SUSPENDED = "3", _("suspendu")
        UNKNOWN = "", _("non précisé")

    key = models.CharField(primary_key=True, max_length=KEY_LENGTH)  # "<action key>/<session numero>"
    number = models.CharField(max_length=200)
    action = models.ForeignKey(LheoAction, on_delete=models.CASCADE, related_name="sessions")
    # Dates: None when the file says 00000000 or 99999999 (unknown). "AAAAMM00" (a month) and
    # "AAAA0000" (a year) give the first day of that month or year; the *_raw fields keep what was published.
    start = models.DateField(null=True, blank=True, db_index=True)
    end = models.DateField(null=True, blank=True)
    start_raw = models.CharField(max_length=8)
    end_raw = models.CharField(max_length=8)
    registration_start = models.DateField(null=True, blank=True)  # periode-inscription
    registration_end = models.DateField(null=True, blank=True)
    registration_address = models.CharField(max_length=500, blank=True)  # adresse-inscription, lines joined
    registration_postcode = models.CharField(max_length=10, blank=True)
    registration_city = models.CharField(max_length=200, blank=True)
    registration_commune_code = models.CharField(max_length=5, blank=True)
    registration_details = models.TextField(blank=True)  # modalites-inscription
    recruitment = models.CharField(max_length=1, choices=Recruitment.choices, blank=True)  # etat-recrutement
    extras = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["action", "start"]
        verbose_name = _("session de formation (LHÉO)")
        verbose_name_plural = _("sessions de formation (LHÉO)")

    def __str__(self):
        return self.key
