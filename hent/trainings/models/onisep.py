"""ONISEP's Idéo open data, as published: fiches formations, fiches métiers, the métiers × publications list,
and the teachings of lycées généraux et technologiques.

Tables keep ONISEP's own identifiers as keys ("FOR.1000", "MET.10", "ENS.14574", "AF.17873"). Links to another
ONISEP file (a formation's métiers, a métier's formations) are kept as identifiers, not foreign keys: each file
is imported on its own, and each names records the other does not hold. HTML texts are sanitised
(``hent.core.html.sanitize``); every other text is stripped but otherwise as published.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "LyceeTeaching",
    "OnisepFormation",
    "OnisepFormationMetier",
    "OnisepFormationTag",
    "OnisepLycee",
    "OnisepMetier",
    "OnisepMetierFormation",
    "OnisepMetierPublication",
    "OnisepMetierShortText",
    "OnisepMetierSynonym",
    "OnisepMetierTag",
]


# -- Idéo-Fiches formations ----------------------------------------------------------------------------------------


class OnisepFormation(models.Model):
    """One <formation> of the Idéo-Fiches formations file."""

    id = models.CharField(primary_key=True, max_length=20)  # identifiant, "FOR.10001"
    cfd = models.CharField(max_length=20, blank=True, db_index=True)  # code_scolarite (code formation diplôme)
    niv_code = models.CharField(max_length=10, blank=True)  # niv_code: the CFD's first 3 characters
    title = models.CharField(max_length=500)  # libelle_complet
    acronym = models.CharField(max_length=50, blank=True)  # sigle
    generic_label = models.CharField(max_length=500, blank=True)  # libelle_generique
    specific_label = models.CharField(max_length=500, blank=True)  # libelle_specifique
    option_type = models.CharField(max_length=100, blank=True)  # type_option ("spécialité", "mention"…)
    type_label = models.CharField(max_length=200, blank=True)  # type_formation_libelle ("brevet de technicien…")
    type_short = models.CharField(max_length=100, blank=True)  # type_formation_libelle_court ("BTS")
    type_acronym = models.CharField(max_length=50, blank=True)  # type_formation_sigle
    duration = models.CharField(max_length=50, blank=True)  # duree_formation, as published ("2 ans")
    description = models.TextField(blank=True)  # descriptif_format_court, sanitised HTML
    access = models.TextField(blank=True)  # descriptif_acces, sanitised HTML
    further_studies = models.TextField(blank=True)  # descriptif_poursuite_etudes, sanitised HTML
    # FOR ids of the poursuites_etudes, space-separated: the id a label names, else the one formation of the
    # file whose title is exactly the label (the file gives titles only).
    further_studies_ids = models.TextField(blank=True)
    expectations = models.TextField(blank=True)  # attendus (Parcoursup), sanitised HTML
    url = models.URLField(max_length=500, blank=True)  # url: reference page (France compétences, Eduscol…)
    rncp = models.CharField(max_length=20, blank=True, db_index=True)  # from a .../recherche/rncp/<n> url
    nsf_code = models.CharField(max_length=10, blank=True)  # NSF_discipline_code ("233")
    nsf_label = models.CharField(max_length=200, blank=True)
    nsf_function_code = models.CharField(max_length=10, blank=True)  # NSF_fonction_code ("S")
    nsf_function_label = models.CharField(max_length=200, blank=True)
    certification_level_label = models.CharField(max_length=100, blank=True)  # "niveau 4 (bac ou équivalent)"
    level_eu = models.PositiveSmallIntegerField(null=True, blank=True)  # 4; null for "non inscrit au RNCP"
    study_level_id = models.CharField(max_length=20, blank=True)  # niveau_etudes id ("REF.420")
    study_level = models.CharField(max_length=100, blank=True)  # niveau_etudes libelle ("Bac + 1")
    nature = models.CharField(max_length=1000, blank=True)  # libelle_nature_certificat values, " | "-joined
    tutelle = models.CharField(max_length=200, blank=True)  # sous_tutelle
    first_session_year = models.PositiveSmallIntegerField(null=True, blank=True)  # annee_premiere_session
    last_session_year = models.PositiveSmallIntegerField(null=True, blank=True)  # annee_derniere_session
    created_on = models.DateField(null=True, blank=True)  # creation_date
    modified_on = models.DateField(null=True, blank=True)  # modification_date

    class Meta:
        ordering = ["id"]
        verbose_name = _("formation ONISEP")
        verbose_name_plural = _("formations ONISEP")

    def __str__(self):
        return f"{self.title} ({self.id})"


class OnisepFormationMetier(models.Model):
    """A métier a formation leads to (metiers_formation/metier)."""

    formation = models.ForeignKey(OnisepFormation, on_delete=models.CASCADE, related_name="metier_links")
    metier_id = models.CharField(max_length=20, db_index=True)  # "MET.10"
    metier_name = models.CharField(max_length=300)  # nom_metier ("peintre en bâtiment", "carrossier/ère")
    metier_name_feminine = models.CharField(max_length=300, blank=True)
    metier_name_masculine = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["formation", "metier_id"], name="onisepformationmetier_unique")]

    def __str__(self):
        return f"{self.formation_id} → {self.metier_id}"


class OnisepFormationTag(models.Model):
    """The other lists of a fiche formation, one row per item, in the file's order."""

    class Kind(models.TextChoices):
        TEACHING = "element_enseignement", _("élément d'enseignement")
        FURTHER_STUDY = "poursuite_etudes", _("poursuite d'études")
        SUBDOMAIN = "sous_domaine_web", _("sous-domaine")
        PUBLICATION = "publication", _("publication ONISEP")
        SOURCE = "source_numerique", _("source numérique")

    formation = models.ForeignKey(OnisepFormation, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    position = models.PositiveSmallIntegerField()  # 1, 2… within the formation and kind
    # sous-domaine id "T-IDEO2.4475"; publication code_librairie; poursuite: the FOR id it was resolved to
    code = models.CharField(max_length=50, blank=True)
    label = models.CharField(max_length=500)  # the item (a URL for a source numérique)
    detail = models.CharField(max_length=500, blank=True)  # poursuite: type_Poursuite; publication: collection…

    class Meta:
        ordering = ["formation", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["formation", "kind", "position"], name="onisepformationtag_unique")
        ]


# -- Idéo-Fiches métiers ------------------------------------------------------------------------------------------


class OnisepMetier(models.Model):
    """One <metier> of the Idéo-Fiches métiers file."""

    id = models.CharField(primary_key=True, max_length=20)  # identifiant, "MET.10"
    name = models.CharField(max_length=300)  # nom_metier, both genders in one ("contrôleur/euse aérien/ne")
    name_feminine = models.CharField(max_length=300, blank=True)  # libelle_feminin
    name_masculine = models.CharField(max_length=300, blank=True)  # libelle_masculin
    rome_codes = models.CharField(max_length=200, blank=True)  # romesV3/romeV3, space-separated, as published
    summary = models.TextField(blank=True)  # accroche_metier, sanitised HTML
    access = models.TextField(blank=True)  # acces_metier, sanitised HTML
    skills = models.TextField(blank=True)  # competences, sanitised HTML
    working_conditions = models.TextField(blank=True)  # condition_travail, sanitised HTML
    nature_of_work = models.TextField(blank=True)  # nature_travail, sanitised HTML
    career = models.TextField(blank=True)  # vie_professionnelle (salaire, évolution), sanitised HTML
    min_level_id = models.CharField(max_length=20, blank=True)  # niveau_acces_min id ("REF.412")
    min_level_label = models.CharField(max_length=100, blank=True)  # niveau_acces_min libelle ("Bac ou équivalent")
    is_cross_sector = models.BooleanField(null=True)  # secteurs_activite/metier_transverse: "oui" True, empty None

    class Meta:
        ordering = ["id"]
        verbose_name = _("métier ONISEP")
        verbose_name_plural = _("métiers ONISEP")

    def __str__(self):
        return f"{self.name} ({self.id})"


class OnisepMetierSynonym(models.Model):
    metier = models.ForeignKey(OnisepMetier, on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=300)  # nom_metier
    name_feminine = models.CharField(max_length=300, blank=True)
    name_masculine = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["metier", "name"], name="onisepmetiersynonym_unique")]


class OnisepMetierFormation(models.Model):
    """A minimum formation for a métier (formations_min_requise/formation_min_requise)."""

    metier = models.ForeignKey(OnisepMetier, on_delete=models.CASCADE, related_name="formation_links")
    formation_id = models.CharField(max_length=20, db_index=True)  # "FOR.1234"
    label = models.CharField(max_length=500)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["metier", "formation_id"], name="onisepmetierformation_unique")]


class OnisepMetierShortText(models.Model):
    """A short presentation of the métier (formats_courts/format_court), one per ONISEP product."""

    metier = models.ForeignKey(OnisepMetier, on_delete=models.CASCADE, related_name="short_texts")
    kind = models.CharField(max_length=100)  # type, as published: "Dico des métiers", "Fiche metier (Documentation)"
    title = models.CharField(max_length=300, blank=True)  # libelle
    text = models.TextField(blank=True)  # descriptif, sanitised HTML

    class Meta:
        constraints = [models.UniqueConstraint(fields=["metier", "kind"], name="onisepmetiershorttext_unique")]


class OnisepMetierTag(models.Model):
    """The other lists of a fiche métier, one row per item, in the file's order."""

    class Kind(models.TextChoices):
        STATUS = "statut", _("statut")
        SECTOR = "secteur_activite", _("secteur d'activité")
        INTEREST = "centre_interet", _("centre d'intérêt")
        RELATED = "metier_associe", _("métier associé")
        PUBLICATION = "publication", _("publication ONISEP")
        SOURCE = "source_numerique", _("source numérique")

    metier = models.ForeignKey(OnisepMetier, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=50, blank=True)  # "T-ITM.9", "T-IDEO2.4851", "MET.12", code_librairie
    label = models.CharField(max_length=500)  # libelle; a source's URL (valeur)
    detail = models.CharField(max_length=1000, blank=True)  # a source's commentaire; a publication's collection…

    class Meta:
        ordering = ["metier", "kind", "position"]
        constraints = [models.UniqueConstraint(fields=["metier", "kind", "position"], name="onisepmetiertag_unique")]


# -- Idéo-Métiers Onisep (métier × publication list) --------------------------------------------------------------


class OnisepMetierPublication(models.Model):
    """One row of the Idéo-Métiers Onisep list: a métier as presented in one ONISEP publication.

    A separate dataset from the fiches métiers: it has no descriptions, but covers more métiers (1,043 in the
    2025 file) and carries current ROME codes.
    """

    metier_id = models.CharField(max_length=20, db_index=True)  # "MET.69", from lien_site_onisepfr
    publication = models.CharField(max_length=300, blank=True)  # nom_publication; blank: none specific
    name = models.CharField(max_length=300)  # libelle_metier ("acheteur / acheteuse")
    collection = models.CharField(max_length=100, blank=True)  # "Parcours", "pas de publication Onisep spécifique"
    year = models.PositiveSmallIntegerField(null=True, blank=True)  # annee of the publication; null: none
    gencod = models.CharField(max_length=20, blank=True)  # the publication's EAN-13
    gfe = models.CharField(max_length=200, blank=True)  # "GFE Q : commerce, gestion, finances"
    rome_codes = models.CharField(max_length=200, blank=True)  # code_rome, space-separated
    rome_labels = models.TextField(blank=True)  # libelle_rome, as published (" | " between several)
    rome_urls = models.TextField(blank=True)  # lien_rome, as published (" | " between several)
    domains = models.TextField(blank=True)  # domainesous-domaine, as published ("domaine/sous-domaine| …")
    url = models.URLField(max_length=300, blank=True)  # lien_site_onisepfr

    class Meta:
        ordering = ["metier_id", "publication"]
        constraints = [
            models.UniqueConstraint(fields=["metier_id", "publication"], name="onisepmetierpublication_unique")
        ]


# -- Idéo enseignements de spécialité (1re générale) / optionnels (2nde GT) ---------------------------------------


class OnisepLycee(models.Model):
    """A lieu de cours of the lycée files, as ONISEP describes it (no INSEE code, no coordinates in the files)."""

    id = models.CharField(primary_key=True, max_length=20)  # "ENS.14574", from identifiant_et_fiche_onisep_…
    uai = models.CharField(max_length=10, blank=True, db_index=True)  # blank for a few annexes
    name = models.CharField(max_length=300)
    address = models.CharField(max_length=300, blank=True)
    po_box = models.CharField(max_length=50, blank=True)  # boite_postale ("BP 173")
    postcode = models.CharField(max_length=10, blank=True)  # may be a CEDEX code
    commune_name = models.CharField(max_length=200, blank=True)
    department_name = models.CharField(max_length=100, blank=True)
    department_code = models.CharField(max_length=3, blank=True, db_index=True)  # from the name ("29", "2A", "974")
    region_name = models.CharField(max_length=100, blank=True)
    academy = models.CharField(max_length=100, blank=True)
    url = models.URLField(max_length=300, blank=True)  # the ONISEP page

    class Meta:
        ordering = ["name"]
        verbose_name = _("lycée (ONISEP)")
        verbose_name_plural = _("lycées (ONISEP)")

    def __str__(self):
        return self.name


class LyceeTeaching(models.Model):
    """A spécialité de 1re générale or an enseignement optionnel / langue de 2nde GT taught in a lycée."""

    class Kind(models.TextChoices):
        SPECIALITE = "specialite_premiere", _("enseignement de spécialité de 1re générale")
        OPTION = "option_seconde", _("enseignement optionnel ou langue de 2nde GT")

    lycee = models.ForeignKey(OnisepLycee, on_delete=models.CASCADE, related_name="teachings")
    action_id = models.CharField(max_length=20, db_index=True)  # identifiant_action_de_formation, "AF.17873"
    kind = models.CharField(max_length=30, choices=Kind.choices)
    label = models.CharField(max_length=300)  # one teaching: "mathématiques", "LV2 : chinois"
    published_label = models.CharField(max_length=1000)  # the item as published: "LV2 : espagnol, chinois"
    position = models.PositiveSmallIntegerField()  # order in the record
    # The lycée, repeated for the catalogue builder (from OnisepLycee).
    uai = models.CharField(max_length=10, blank=True, db_index=True)
    establishment_name = models.CharField(max_length=300)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    commune_code = models.CharField(max_length=5, blank=True)  # not in these files: always blank
    commune_name = models.CharField(max_length=200, blank=True)
    department_code = models.CharField(max_length=3, blank=True)
    latitude = models.FloatField(null=True, blank=True)  # not in these files: always null
    longitude = models.FloatField(null=True, blank=True)  # not in these files: always null

    class Meta:
        ordering = ["lycee", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "action_id", "label"], name="lyceeteaching_unique"),
        ]

    def __str__(self):
        return f"{self.label} ({self.establishment_name})"
