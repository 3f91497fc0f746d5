"""InserJeunes outcomes (what pupils and apprentices do after a training), as published.

* ``RegionOutcome``: by millésime × region × voie × training (CFD for apprenticeship, MEFSTAT11 for
  school), counts and rates;
* ``EstablishmentOutcome``: by establishment (UAI), from the DEPP "valeur ajoutée" files (lycées
  professionnels and CFA, per millésime) and from the per-CFA file (cumulated periods).

Rates and shares are percentages as published (integers or decimals). A masked or absent value is
None, never 0. Written by ``import_inserjeunes_regions``, ``import_inserjeunes_etablissements`` and
``import_inserjeunes_cfa``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["EstablishmentOutcome", "RegionOutcome"]


def _rate(**kwargs):
    return models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True, **kwargs)


def _count():
    return models.PositiveIntegerField(null=True, blank=True)


class RegionOutcome(models.Model):
    class Voie(models.TextChoices):
        SCHOOL = "scolaire", _("voie scolaire")
        APPRENTICESHIP = "apprentissage", _("apprentissage")

    key = models.CharField(primary_key=True, max_length=60)  # the file's id: 2022_2023_03_scolaire_32221022002
    millesime = models.CharField(max_length=9, db_index=True)  # "2022_2023"
    region_code = models.CharField(max_length=3, db_index=True)  # INSEE region code: "53"
    region_code_ij = models.CharField(max_length=3, blank=True)  # InserJeunes' own region code: "03"
    voie = models.CharField(max_length=15, choices=Voie.choices)
    cfd = models.CharField(max_length=8, blank=True, db_index=True)  # apprenticeship rows
    mefstat11 = models.CharField(max_length=11, blank=True, db_index=True)  # school rows
    cohort = _count()  # nb_annee_term: pupils / apprentices in their final year
    leavers = _count()  # nb_sortant: those who left education
    employed_6 = _count()
    employed_12 = _count()
    employed_18 = _count()
    employed_24 = _count()
    further_studies = _count()  # nb_poursuite_etudes
    rate_employment_6 = _rate()
    rate_employment_12 = _rate()
    rate_employment_18 = _rate()
    rate_employment_24 = _rate()
    rate_further_studies = _rate()

    class Meta:
        ordering = ["key"]
        verbose_name = _("devenir par région et formation (InserJeunes)")
        verbose_name_plural = _("devenirs par région et formation (InserJeunes)")

    def __str__(self):
        return self.key


class EstablishmentOutcome(models.Model):
    class Source(models.TextChoices):
        DEPP_PRO = "depp-pro", _("DEPP, lycées professionnels")
        DEPP_APPRENTICESHIP = "depp-apprentissage", _("DEPP, apprentissage")
        CFA = "cfa", _("InserJeunes par CFA")

    source = models.CharField(max_length=20, choices=Source.choices)
    period = models.CharField(max_length=30)  # as published: "2022_2023" (DEPP) or "cumul 2022-2023" (CFA)
    millesime = models.CharField(max_length=9, db_index=True)  # normalised for both: "2022_2023"
    uai = models.CharField(max_length=8, db_index=True)
    name = models.CharField(max_length=300)
    region = models.CharField(max_length=100)  # as published: "BRETAGNE"
    region_code = models.CharField(max_length=3, db_index=True)  # INSEE, decoded from the label: "53"
    # DEPP "pro" files: "ensemble", "dont élèves en voie pro sco", "dont apprentis" (column
    # "Dont apprentis en EPLE"); empty for apprenticeship and CFA rows, which cover all apprentices.
    scope = models.CharField(max_length=50, blank=True)
    rate_further_studies = _rate()
    rate_employment_6 = _rate()
    expected_employment_6 = _rate()  # "taux attendu" given the population and the local labour market
    value_added_6 = _rate()  # rate minus expected rate (points)
    rate_employment_12 = _rate()
    rate_employment_18 = _rate()
    rate_employment_24 = _rate()
    share_further_studies = _rate()  # "devenir": shares of all leavers, summing to about 100
    share_employed_6 = _rate()
    share_other = _rate()
    share_interrupted = _rate()  # share of apprenticeship contracts broken off

    class Meta:
        ordering = ["uai", "source", "period", "scope"]
        constraints = [
            models.UniqueConstraint(fields=["source", "period", "uai", "scope"], name="establishmentoutcome_unique")
        ]
        verbose_name = _("devenir par établissement (InserJeunes)")
        verbose_name_plural = _("devenirs par établissement (InserJeunes)")

    def __str__(self):
        return f"{self.uai} {self.source} {self.period} {self.scope}".strip()
