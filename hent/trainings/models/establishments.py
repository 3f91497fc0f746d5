"""Establishments as their publishers list them, kept close to the files.

* ``AnnuaireEntry``: the Éducation nationale directory (fr-en-annuaire-education), one row per UAI;
* ``ParcoursupEntry``: a reduced, third-party copy of the Parcoursup list of programmes, one row per
  (UAI, programme). Use it only where nothing better exists (the dataset description says so).

Written by ``import_annuaire`` and ``import_parcoursup``; read by the catalogue builder.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["AnnuaireEntry", "ParcoursupEntry"]


class AnnuaireEntry(models.Model):
    """One establishment of the Annuaire de l'éducation.

    A few UAIs span several lines of the file ("etablissement_multi_lignes": a lycée with a
    vocational and a general line, an annex on another site). The entry holds the main line (the
    first one not named as an annex); the voie flags say True if any line says so; the other lines
    are kept, decoded, in ``other_lines``.
    """

    uai = models.CharField(primary_key=True, max_length=8)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=100, blank=True)  # Type_etablissement: Lycée, Collège, Ecole…
    nature_code = models.CharField(max_length=10, blank=True)  # code_nature: 320
    nature_label = models.CharField(max_length=200, blank=True)  # libelle_nature: LYCEE PROFESSIONNEL
    sector = models.CharField(max_length=10, blank=True)  # "public", "privé", or "" (not stated)
    private_contract = models.CharField(max_length=100, blank=True)  # Type_contrat_prive, as published
    address = models.CharField(max_length=300, blank=True)  # Adresse_1, Adresse_2 joined by ", "
    address_locality = models.CharField(max_length=100, blank=True)  # Adresse_3: "35580 BAULON" (postal line)
    postcode = models.CharField(max_length=10, blank=True)
    commune_code = models.CharField(max_length=5, blank=True, db_index=True)  # INSEE
    commune_name = models.CharField(max_length=200, blank=True)
    department_code = models.CharField(max_length=3, blank=True, db_index=True)  # INSEE: "35", "2A", "971"
    academy_code = models.CharField(max_length=3, blank=True)
    region_code = models.CharField(max_length=3, blank=True)  # INSEE: "53"
    phone = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    siret = models.CharField(max_length=14, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    position_precision = models.CharField(max_length=50, blank=True)  # as published: "Numéro de rue", "Ville"…
    onisep_url = models.URLField(max_length=500, blank=True)
    onisep_id = models.CharField(max_length=20, blank=True, db_index=True)  # "ENS.1852", from the ONISEP URL
    # None: the file leaves the column empty (not stated), which is not "no".
    general = models.BooleanField(null=True)
    technological = models.BooleanField(null=True)
    vocational = models.BooleanField(null=True)
    apprenticeship = models.BooleanField(null=True)
    post_bac = models.BooleanField(null=True)
    agricultural = models.BooleanField(null=True)  # Lycee_Agricole
    trades_lycee = models.BooleanField(null=True)  # Lycee_des_metiers
    greta = models.BooleanField(null=True)
    pupils = models.PositiveIntegerField(null=True, blank=True)  # Nombre_d_eleves
    state = models.CharField(max_length=30, blank=True)  # etat: OUVERT, A FERMER
    ministry = models.CharField(max_length=100, blank=True)  # ministere_tutelle
    opened_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)  # date_maj_ligne
    other_lines = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["uai"]
        verbose_name = _("établissement de l'annuaire de l'éducation")
        verbose_name_plural = _("établissements de l'annuaire de l'éducation")

    def __str__(self):
        return f"{self.uai} {self.name}"


class ParcoursupEntry(models.Model):
    """One programme (filière) of one establishment in the unofficial Parcoursup copy.

    The copy repeats some (UAI, programme) pairs (sites of one programme, or rows whose
    distinguishing columns were dropped): they are one entry, ``occurrences`` counts the rows, the
    position is the first row's, and further distinct positions are in ``other_positions``.
    """

    uai = models.CharField(max_length=8, db_index=True)
    establishment_name = models.CharField(max_length=300)
    status = models.CharField(max_length=100, blank=True)  # as published: "Public", "Prive sous contrat d association"
    sector = models.CharField(max_length=10, blank=True)  # "public" / "privé", decoded from status
    region = models.CharField(max_length=100, blank=True)  # as published, accents stripped: "Ile de France"
    programme = models.CharField(max_length=500)  # filière label as published
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    other_positions = models.JSONField(default=list, blank=True)  # [[lat, lon], …]
    occurrences = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["uai", "programme"]
        constraints = [models.UniqueConstraint(fields=["uai", "programme"], name="parcoursupentry_unique")]
        verbose_name = _("formation Parcoursup (copie non officielle)")
        verbose_name_plural = _("formations Parcoursup (copie non officielle)")

    def __str__(self):
        return f"{self.uai} {self.programme}"
