"""Certifications as their publishers list them, imported close to the files (one table per file or record type).

* Certif Info (Réseau des Carif-Oref): ``CertifInfo``;
* RNCP extracts of the Kit apprentissage v1.4 (France compétences, 2021): ``RncpFiche`` and its links
  ``RncpRome``, ``RncpNsf``, ``RncpCertifier``, plus the CFD → RNCP table ``RncpDiploma``;
* Kit apprentissage CFD ↔ RNCP (2024): ``KitApprentissage``;
* Éducation nationale's BCN: ``BcnLevel``, ``BcnDiploma``, ``BcnMef``.

Codes stay as the publisher writes them, with two exceptions documented on the fields: RNCP numbers are
kept as digits only ("RNCP37084" -> "37084") so that every source joins on the same value, and CFD codes
that lost their leading zero in a spreadsheet ("1022103") get it back ("01022103"). Unknown values (empty,
"NR", a publisher's "not stated" code) are stored as None or "", never as 0 or False.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "BcnDiploma",
    "BcnLevel",
    "BcnMef",
    "CertifInfo",
    "KitApprentissage",
    "RncpCertifier",
    "RncpDiploma",
    "RncpFiche",
    "RncpNsf",
    "RncpRome",
]


class CertifInfo(models.Model):
    """One Certif Info certification (a row of certif_info.csv; rows repeated for another codeIdeo2 or
    Code_RS are merged, their codes listed in ``onisep_ids`` and ``rs_codes``)."""

    code = models.PositiveIntegerField(primary_key=True)  # Code_Diplome, the Certif Info id
    title = models.TextField()  # Libelle_Diplome
    type_label = models.CharField(max_length=200)  # Libelle_Type_Diplome
    type_code = models.CharField(max_length=10)  # code_type_diplome, e.g. "156"
    level_eu = models.PositiveSmallIntegerField(null=True, blank=True)  # Code_Niveau_Europeen, 1–8
    updated_on = models.DateField(null=True, blank=True)  # Date_MaJ
    formacode = models.CharField(max_length=10, blank=True)
    formacode_label = models.CharField(max_length=200, blank=True)
    rome_codes = models.CharField(max_length=50, blank=True)  # Code_Rome_1..5 as published, space-separated
    nsf = models.CharField(max_length=10, blank=True)  # Code_Nsf
    rncp = models.CharField(max_length=10, blank=True, db_index=True)  # Code_RNCP, digits only
    rs = models.CharField(max_length=10, blank=True, db_index=True)  # Code_RS (first one), digits only
    rs_codes = models.CharField(max_length=100, blank=True)  # every Code_RS of the certification, space-separated
    cfd = models.CharField(max_length=8, blank=True, db_index=True)  # Code_Scolarité
    validator = models.TextField(blank=True)  # valideur
    certifier = models.TextField(blank=True)  # certificateur
    first_session = models.PositiveSmallIntegerField(null=True, blank=True)  # Annee_Premiere_Session
    last_session = models.PositiveSmallIntegerField(null=True, blank=True)  # Annee_Derniere_Session
    state_code = models.CharField(max_length=5)  # Etat: 0 Publié, 11 habilitations, 4 formations préparatoires
    state_label = models.CharField(max_length=100)  # Etat_Libelle
    old_code = models.PositiveIntegerField(null=True, blank=True)  # Code_Ancien_Diplome (a Certif Info id)
    old_title = models.TextField(blank=True)  # Intitulé_Ancien_Diplome
    old_rncp = models.CharField(max_length=10, blank=True)  # Code_Ancien_RNCP, digits only
    old_cfd = models.CharField(max_length=8, blank=True)  # Code_Ancien_Scolarité
    old_state_code = models.CharField(max_length=5, blank=True)  # Etat_Ancien_Diplome
    old_state_label = models.CharField(max_length=100, blank=True)  # Etat_Ancien_Diplome_Libelle
    # accessibilite_fi/ca/fc/cp/vae/ind: 1 -> True, 0 -> False, 2 (not stated) -> None.
    access_initial = models.BooleanField(null=True)  # formation initiale (school or student status)
    access_apprenticeship = models.BooleanField(null=True)  # contrat d'apprentissage
    access_continuing = models.BooleanField(null=True)  # formation continue
    access_professionalisation = models.BooleanField(null=True)  # contrat de professionnalisation
    access_vae = models.BooleanField(null=True)  # validation des acquis de l'expérience
    access_individual = models.BooleanField(null=True)  # candidature individuelle
    onisep_id = models.CharField(max_length=20, blank=True, db_index=True)  # codeIdeo2 (first one), e.g. "FOR.846"
    onisep_ids = models.CharField(max_length=300, blank=True)  # every codeIdeo2 of the certification

    class Meta:
        ordering = ["code"]
        verbose_name = _("certification Certif Info")
        verbose_name_plural = _("certifications Certif Info")

    def __str__(self):
        return f"{self.code} {self.title}"


class RncpFiche(models.Model):
    """A fiche of the RNCP, as in rncp_info.v1.4.csv (rows repeated for another old or new fiche are merged)."""

    number = models.CharField(primary_key=True, max_length=10)  # CodeRNCP without "RNCP": "1000"
    title = models.TextField()  # intituleDiplome, line breaks and runs of spaces folded
    level_eu = models.PositiveSmallIntegerField(null=True, blank=True)  # NiveauEurope "niveau7" -> 7
    type_code = models.CharField(max_length=50, blank=True)  # CodeTypeCertif, e.g. "BTS", "MASTER", "TP"
    type_label = models.CharField(max_length=200, blank=True)  # TypeCertif
    active = models.BooleanField()  # ActiveInactive
    state = models.CharField(max_length=100)  # EtatFiche, e.g. "Publiée"
    end_of_validity = models.DateField(null=True, blank=True)  # date_fin_validite_enregistrement (m/d/yy)
    old_number = models.CharField(max_length=200, blank=True)  # AncienneFiche(s), digits, space-separated
    new_number = models.CharField(max_length=200, blank=True)  # NouvelleFiche(s), digits, space-separated
    registration_type = models.CharField(max_length=50)  # "Enregistrement de droit" / "sur demande"

    class Meta:
        ordering = ["number"]
        verbose_name = _("fiche RNCP")
        verbose_name_plural = _("fiches RNCP")

    def __str__(self):
        return f"RNCP{self.number} {self.title}"


class RncpRome(models.Model):
    """rncp_rome.v1.4.csv: the ROME codes of a fiche (ROME v3; a few are domain codes such as "H12")."""

    fiche = models.ForeignKey(RncpFiche, on_delete=models.CASCADE, related_name="rome_links")
    rome_code = models.CharField(max_length=5)  # as published
    label = models.CharField(max_length=200)  # libelle, doubled apostrophes undone

    class Meta:
        constraints = [models.UniqueConstraint(fields=["fiche", "rome_code"], name="rncprome_unique")]
        verbose_name = _("lien RNCP – ROME")
        verbose_name_plural = _("liens RNCP – ROME")

    def __str__(self):
        return f"RNCP{self.fiche_id} {self.rome_code}"


class RncpNsf(models.Model):
    """rncp_nsf.v1.4.csv: the NSF codes of a fiche (e.g. "326", "326t"; a few two-digit domains)."""

    fiche = models.ForeignKey(RncpFiche, on_delete=models.CASCADE, related_name="nsf_links")
    code = models.CharField(max_length=5)
    label = models.CharField(max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["fiche", "code"], name="rncpnsf_unique")]
        verbose_name = _("lien RNCP – NSF")
        verbose_name_plural = _("liens RNCP – NSF")

    def __str__(self):
        return f"RNCP{self.fiche_id} {self.code}"


class RncpCertifier(models.Model):
    """rncp_certificateurs.v1.4.csv: who awards the certification of a fiche (name may be blank in the file)."""

    fiche = models.ForeignKey(RncpFiche, on_delete=models.CASCADE, related_name="certifiers")
    name = models.CharField(max_length=300, blank=True)  # Certificateur
    siret = models.CharField(max_length=14, blank=True)  # siret_organisme

    class Meta:
        constraints = [models.UniqueConstraint(fields=["fiche", "name", "siret"], name="rncpcertifier_unique")]
        verbose_name = _("certificateur RNCP")
        verbose_name_plural = _("certificateurs RNCP")

    def __str__(self):
        return f"RNCP{self.fiche_id} {self.name}"


class RncpDiploma(models.Model):
    """codes_diplomes.v1.4.csv: Éducation nationale diploma code (CFD) -> RNCP fiche.

    No foreign key: a few RNCP numbers are absent from rncp_info (the import reports them)."""

    cfd = models.CharField(max_length=8, db_index=True)  # CodeDiplome, leading zero restored
    rncp = models.CharField(max_length=10, blank=True, db_index=True)  # CodeRNCP digits; "" for "NR"
    title = models.TextField()  # Intitule
    level_eu = models.PositiveSmallIntegerField(null=True, blank=True)  # Niveau2019 "niveau3" -> 3
    type = models.CharField(max_length=50)  # type, e.g. "MC5", "BTS", "Licence Professionnelle"
    active = models.BooleanField(null=True)  # Fiche RNCP active/inactive; "NR" -> None
    kit_version = models.CharField(max_length=10)  # DerniereMaJ, e.g. "v1.3"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cfd", "rncp"], name="rncpdiploma_unique")]
        verbose_name = _("correspondance CFD – RNCP (2021)")
        verbose_name_plural = _("correspondances CFD – RNCP (2021)")

    def __str__(self):
        return f"{self.cfd} -> RNCP{self.rncp}"


class KitApprentissage(models.Model):
    """A row of the Kit apprentissage (CFD ↔ RNCP, with access to apprenticeship). "NR" is stored as None/""."""

    cfd = models.CharField(max_length=8, db_index=True)  # Code Diplôme
    rncp = models.CharField(max_length=10, blank=True, db_index=True)  # FicheRNCP, digits only
    title = models.TextField()  # Intitulé diplôme (DEPP)
    rncp_title = models.TextField(blank=True)  # Intitulé certification (RNCP)
    level_eu = models.PositiveSmallIntegerField(null=True, blank=True)  # Niveau fiche RNCP "Niveau 6" -> 6
    type_abbreviation = models.CharField(max_length=50, blank=True)  # Abrégé de diplôme (RNCP)
    kit_version = models.CharField(max_length=20)  # Dernière MaJ, e.g. "v2.9" or "CI-09112023"
    apprenticeship_access = models.BooleanField(null=True)  # Accès à l'apprentissage (oui/non)
    active = models.BooleanField(null=True)  # Fiche ACTIVE/INACTIVE
    end_of_validity = models.DateField(null=True, blank=True)  # Date d'échéance de la fiche RNCP
    registration_type = models.CharField(max_length=50, blank=True)  # Type d'enregistrement
    published_on = models.DateField(null=True, blank=True)  # Date de publication (enregistrement de droit)
    decided_on = models.DateField(null=True, blank=True)  # Date de décision (enregistrement sur demande)
    paths_start_on = models.DateField(null=True, blank=True)  # Date de début des parcours certifiants
    issue_deadline = models.DateField(null=True, blank=True)  # Date limite de la délivrance
    new_rncp = models.CharField(max_length=200, blank=True)  # Nouvelle Certification, digits, space-separated
    old_rncp = models.CharField(max_length=200, blank=True)  # Ancienne Certification, digits, space-separated

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cfd", "rncp"], name="kitapprentissage_unique")]
        verbose_name = _("ligne du Kit apprentissage")
        verbose_name_plural = _("lignes du Kit apprentissage")

    def __str__(self):
        return f"{self.cfd} -> RNCP{self.rncp}"


class BcnLevel(models.Model):
    """N_NIVEAU_FORMATION_DIPLOME: the diploma types-and-levels that prefix CFD codes ("500" CAP, "320" BTS…)."""

    code = models.CharField(primary_key=True, max_length=3)  # NIVEAU_FORMATION_DIPLOME
    label_short = models.CharField(max_length=20)  # LIBELLE_COURT, e.g. "CAP"
    label = models.CharField(max_length=200)  # LIBELLE_100
    interministerial_level = models.CharField(max_length=2)  # NIVEAU_INTERMINISTERIEL (former French levels)
    rncp_level = models.PositiveSmallIntegerField(null=True, blank=True)  # "04" -> 4; "00", "99", "XX" -> None
    rncp_level_code = models.CharField(max_length=2)  # NIVEAU_QUALIFICATION_RNCP as published
    former_level = models.CharField(max_length=5, blank=True)  # ANCIEN_NIVEAU
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)  # DATE_INTERVENTION
    comment = models.TextField(blank=True)  # N_COMMENTAIRE

    class Meta:
        ordering = ["code"]
        verbose_name = _("niveau de diplôme (BCN)")
        verbose_name_plural = _("niveaux de diplôme (BCN)")

    def __str__(self):
        return f"{self.code} {self.label_short}"


class BcnDiploma(models.Model):
    """A CFD (code formation diplôme) of the BCN.

    nFormationDiplome_ is the BCN table N_FORMATION_DIPLOME (diplomas the education ministries manage, with
    their history); vFormationDiplome_ is the view V_FORMATION_DIPLOME, which adds the diplomas coded for
    statistics and apprenticeship (universities, engineering schools, RNCP titles…) with fewer columns.
    A code in both is read from nFormationDiplome_ (the richer, more recent export): ``source`` says which.
    """

    class Source(models.TextChoices):
        N = "n", "nFormationDiplome"
        V = "v", "vFormationDiplome"

    cfd = models.CharField(primary_key=True, max_length=8)  # FORMATION_DIPLOME
    level = models.ForeignKey(  # NIVEAU_FORMATION_DIPLOME; None when absent from nNiveauFormationDiplome_
        BcnLevel, on_delete=models.SET_NULL, null=True, blank=True, related_name="diplomas"
    )
    level_code = models.CharField(max_length=3)  # NIVEAU_FORMATION_DIPLOME as published, even when unknown
    specialty_group = models.CharField(max_length=3, blank=True)  # GROUPE_SPECIALITE (NSF group)
    specialty_letter = models.CharField(max_length=1, blank=True)  # LETTRE_SPECIALITE
    label_short = models.CharField(max_length=20)  # LIBELLE_COURT, the type: "CAP", "BTS", "LIC-PRO"…
    label_stat = models.CharField(max_length=50, blank=True)  # LIBELLE_STAT_33
    label = models.CharField(max_length=300)  # LIBELLE_LONG_200
    opened_on = models.DateField(null=True, blank=True)  # DATE_OUVERTURE
    closed_on = models.DateField(null=True, blank=True)  # DATE_FERMETURE
    first_session = models.PositiveSmallIntegerField(null=True, blank=True)  # DATE_PREMIERE_SESSION (year)
    last_session = models.PositiveSmallIntegerField(null=True, blank=True)  # DATE_DERNIERE_SESSION (year)
    nature = models.CharField(max_length=1)  # NATURE_FORMATION_DIPLOME code as published ("1", "2", "S", "T"…)
    manager = models.CharField(max_length=50, blank=True)  # GESTIONNAIRE_FORMATION_DIPLOME
    rncp_level = models.PositiveSmallIntegerField(null=True, blank=True)  # NIVEAU_QUALIFICATION_RNCP 1–8
    cite_domain = models.CharField(max_length=3, blank=True)  # CITE_DOMAINE_FORMATION
    old_cfds = models.CharField(max_length=100, blank=True)  # ANCIEN_DIPLOME_1..7 (n only), space-separated
    new_cfds = models.CharField(max_length=100, blank=True)  # NOUVEAU_DIPLOME_1..7 (n only), space-separated
    comment = models.TextField(blank=True)  # COMMENTAIRE
    updated_on = models.DateField(null=True, blank=True)  # DATE_INTERVENTION
    source = models.CharField(max_length=1, choices=Source.choices)  # file the values were read from
    in_view = models.BooleanField()  # the code is listed in vFormationDiplome_

    class Meta:
        ordering = ["cfd"]
        verbose_name = _("diplôme (BCN)")
        verbose_name_plural = _("diplômes (BCN)")

    def __str__(self):
        return f"{self.cfd} {self.label}"


class BcnMef(models.Model):
    """N_MEF: a "module élémentaire de formation", one year of a course leading to a diploma (CFD)."""

    mef = models.CharField(primary_key=True, max_length=10)  # MEF
    cfd = models.CharField(max_length=8, db_index=True)  # FORMATION_DIPLOME (always a known BcnDiploma)
    mefstat11 = models.CharField(max_length=11, db_index=True)  # MEF_STAT_11
    mefstat9 = models.CharField(max_length=9, blank=True)  # MEF_STAT_9
    device = models.CharField(max_length=3)  # DISPOSITIF_FORMATION
    label_short = models.CharField(max_length=20)  # LIBELLE_COURT
    label = models.CharField(max_length=100)  # LIBELLE_LONG
    label_edition = models.CharField(max_length=200, blank=True)  # LIBELLE_EDITION
    duration_years = models.PositiveSmallIntegerField(null=True, blank=True)  # DUREE_DISPOSITIF; 9 -> None
    year_of_course = models.PositiveSmallIntegerField(null=True, blank=True)  # ANNEE_DISPOSITIF; 9 -> None
    status = models.CharField(max_length=1)  # STATUT_MEF
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)  # DATE_INTERVENTION

    class Meta:
        ordering = ["mef"]
        verbose_name = _("MEF (BCN)")
        verbose_name_plural = _("MEF (BCN)")

    def __str__(self):
        return f"{self.mef} {self.label}"
