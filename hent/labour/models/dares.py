"""Labour series keyed by FAP 2009 (DARES) or ROME v3 (France Travail), as published.

Every table keeps the publisher's codes (FAP 2009, ROME v3, PCS 2003, NAF rév. 2, INSEE region, bassin BMO) as
plain text columns, not foreign keys: each source is imported on its own, in any order, and the catalogue builder
(``hent.labour.figures``) joins them. A value the publisher masks or leaves empty (``NA``, ``nd``, ``#N/A``, empty
cell) is ``None``: unknown, never 0.

* ``Fap2009``: the FAP 2009 tree (domaine, FAP-87, FAP-225) and its labels, from the DARES "Portraits
  statistiques des métiers" (PSM) files — ``import_dares_portraits``.
* ``FapPcs`` and ``RomeFap2009``: FAP 2009 ↔ PCS 2003 and FAP 2009 ↔ ROME v3, from two publications kept apart by
  ``source``: the DARES PSM files (``import_dares_portraits``) and France Travail's Mobiville copy of the DARES /
  Pôle emploi table (``import_rome_fap2009``).
* ``DaresIndicator``: one long table of figures per FAP 2009 code, indicator, period and territory (PSM files:
  ``import_dares_portraits``; DARES median salary CSV: ``import_dares_salaries``).
* ``Projection2030``: DARES / France Stratégie "Les métiers en 2030" by FAP-87 and region — ``import_metiers_2030``.
* ``ShortageListing``: the official list of "métiers en tension" (March 2024) by region — ``import_shortage_list``.
* ``RomeNaf``, ``RomeV3Label``, ``NafLabel``, ``LbbTension``: La Bonne Boîte's ROME → NAF mapping weighted by
  hirings, its label lists and its FAP → ROME tension shares — ``import_rome_naf``.
* ``BasinTension``: France Travail's tension class by ROME v3 × bassin BMO (2019, 2020) — ``import_tension_bassin``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "BasinTension",
    "DaresIndicator",
    "Fap2009",
    "FapPcs",
    "LbbTension",
    "NafLabel",
    "Projection2030",
    "RomeFap2009",
    "RomeNaf",
    "RomeV3Label",
    "ShortageListing",
]


class Fap2009(models.Model):
    """One code of the FAP 2009 nomenclature, with its DARES label."""

    class Level(models.TextChoices):
        DOMAINE = "domaine", _("domaine professionnel")
        FAP87 = "fap87", _("famille professionnelle (FAP-87)")
        FAP225 = "fap225", _("famille professionnelle détaillée (FAP-225)")
        ALL = "ensemble", _("ensemble des métiers")

    code = models.CharField(
        primary_key=True,
        max_length=8,
        help_text="A (domaine), A0Z (FAP-87), A0Z40 (FAP-225); Z/ZZZ/ZZZZZ = non renseigné; "
        "ENSEMBLE = all occupations, SAL = all salaried employees",
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    label = models.CharField(max_length=200)
    parent_code = models.CharField(
        max_length=8, blank=True, help_text="the FAP-87 of a FAP-225, the domaine of a FAP-87; empty otherwise"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("famille professionnelle (FAP 2009)")
        verbose_name_plural = _("familles professionnelles (FAP 2009)")

    def __str__(self):
        return f"{self.code} {self.label}"


class CrosswalkSource(models.TextChoices):
    DARES_PSM = "dares-psm", _("DARES, Portraits statistiques des métiers")
    MOBIVILLE = "mobiville", _("France Travail, Mobiville (table DARES / Pôle emploi)")


class FapPcs(models.Model):
    """A FAP 2009 family and one PCS 2003 profession it groups."""

    source = models.CharField(max_length=20, choices=CrosswalkSource.choices)
    fap_code = models.CharField(max_length=5, db_index=True, help_text="FAP-225 code, e.g. A0Z40")
    pcs_code = models.CharField(max_length=4, help_text="PCS 2003 code, e.g. 691e")
    pcs_label = models.CharField(max_length=200, blank=True, help_text="as published (DARES file only)")

    class Meta:
        ordering = ["source", "fap_code", "pcs_code"]
        verbose_name = _("correspondance FAP 2009 – PCS")
        verbose_name_plural = _("correspondances FAP 2009 – PCS")
        constraints = [
            models.UniqueConstraint(fields=["source", "fap_code", "pcs_code"], name="labour_fappcs_unique"),
        ]


class RomeFap2009(models.Model):
    """A ROME v3 code and a FAP 2009 family it belongs to (many-to-many), per publication."""

    source = models.CharField(max_length=20, choices=CrosswalkSource.choices)
    rome_code = models.CharField(max_length=5, db_index=True, help_text="ROME v3 code, e.g. A1416")
    fap_code = models.CharField(max_length=5, db_index=True, help_text="FAP-225 code, e.g. A0Z40")
    rome_label = models.CharField(max_length=200, blank=True, help_text="intitule_rome (DARES file only)")

    class Meta:
        ordering = ["source", "fap_code", "rome_code"]
        verbose_name = _("correspondance ROME – FAP 2009")
        verbose_name_plural = _("correspondances ROME – FAP 2009")
        constraints = [
            models.UniqueConstraint(fields=["source", "rome_code", "fap_code"], name="labour_romefap2009_unique"),
        ]


class DaresIndicator(models.Model):
    """One published figure: a FAP 2009 code, an indicator, a period, a territory.

    ``indicator`` is a short slug (see ``hent.labour.importers.dares_portraits.INDICATORS`` for the list and the
    file each comes from); ``value`` is as published in ``unit`` (shares in %, salaries in € per month, tension
    categories 1–5), None when the publisher says "NA"/"nd" or leaves the cell empty.
    """

    dataset = models.CharField(
        max_length=60, help_text="slug of the Dataset that wrote the row: dares-portraits or dares-salaires"
    )
    fap_code = models.CharField(max_length=8, help_text="a Fap2009 code (any level), ENSEMBLE or SAL")
    indicator = models.CharField(max_length=40, help_text="share_women, median_salary, share_under_30…")
    period = models.CharField(max_length=20, help_text="as published: 2017-2019 (3-year average), 2019")
    scope = models.CharField(
        max_length=12, default="France", help_text="France, reg:<INSEE region code> or dep:<department code>"
    )
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=12, help_text="%, €, index, 1-5, persons")
    source_file = models.CharField(max_length=100, help_text="the publisher's file the value was read from")

    class Meta:
        ordering = ["indicator", "fap_code", "scope", "period"]
        verbose_name = _("indicateur DARES")
        verbose_name_plural = _("indicateurs DARES")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "fap_code", "indicator", "period", "scope"], name="labour_daresindicator_unique"
            ),
        ]
        indexes = [models.Index(fields=["indicator", "fap_code"], name="labour_dares_indicator_fap")]

    def __str__(self):
        return f"{self.fap_code} {self.indicator} {self.period} {self.scope}: {self.value} {self.unit}"


class Projection2030(models.Model):
    """Les métiers en 2030: one FAP-87 family (or a published group of families) in one region, 2019–2030.

    Volumes are in thousands of jobs; ``*_rate`` fields are the published ``_pct`` columns, which are fractions of
    2019 employment (0.2865 = 28.65 %). Young entrants are negative as published (an inflow that reduces the need).
    """

    fap_code = models.CharField(
        max_length=40, help_text="as published: A0Z, or a merged group such as A0Z;A1Z;A2Z;A3Z (Corse)"
    )
    fap_codes = models.JSONField(default=list, help_text="the FAP-87 codes the row covers: ['A0Z', 'A1Z', …]")
    label = models.CharField(max_length=300)
    region_code = models.CharField(max_length=3, db_index=True, help_text="INSEE region code, decoded from the name")
    region_name = models.CharField(max_length=100, help_text="as published: Bretagne")
    employment_2019 = models.FloatField(null=True, blank=True, help_text="thousands (effectifs_2019_milliers)")
    share_of_region_employment = models.FloatField(
        null=True, blank=True, help_text="fraction of the region's 2019 employment (part_metier_region)"
    )
    specificity_index = models.FloatField(null=True, blank=True, help_text="indice_specificite (1 = as in France)")
    net_creation = models.FloatField(null=True, blank=True, help_text="net job creation 2019–2030, thousands")
    net_creation_rate = models.FloatField(null=True, blank=True)
    retirements = models.FloatField(null=True, blank=True, help_text="end-of-career departures 2019–2030, thousands")
    retirements_rate = models.FloatField(null=True, blank=True)
    young_entrants = models.FloatField(null=True, blank=True, help_text="young entrants, thousands (negative)")
    young_entrants_rate = models.FloatField(null=True, blank=True)
    interregional_mobility = models.FloatField(
        null=True, blank=True, help_text="balance of moves between regions, thousands"
    )
    interregional_mobility_rate = models.FloatField(null=True, blank=True)
    imbalance = models.FloatField(null=True, blank=True, help_text="potential imbalance (desequilibre), thousands")
    imbalance_rate = models.FloatField(null=True, blank=True)
    positions_to_fill = models.FloatField(null=True, blank=True, help_text="positions to fill 2019–2030, thousands")
    positions_to_fill_rate = models.FloatField(null=True, blank=True)
    tension_2019 = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="niveau_tension_2019, 1 (low) – 5 (high); None = 'hors champ'"
    )

    class Meta:
        ordering = ["region_code", "fap_code"]
        verbose_name = _("projection Métiers 2030")
        verbose_name_plural = _("projections Métiers 2030")
        constraints = [
            models.UniqueConstraint(fields=["region_code", "fap_code"], name="labour_projection2030_unique"),
        ]


class ShortageListing(models.Model):
    """A FAP 2009 family on the official list of occupations in shortage ("métiers en tension") of a region."""

    NATIONAL = "FR"

    year = models.PositiveSmallIntegerField(help_text="year of the list (2024: arrêté of 1 March 2024)")
    region_code = models.CharField(
        max_length=3, db_index=True, help_text="INSEE region code; FR for the 'France Entière' rows"
    )
    region_name = models.CharField(max_length=100, help_text="as published: Bretagne, France Entière")
    fap_code = models.CharField(max_length=5, db_index=True, help_text="FAP-225 code, e.g. A0Z40")
    label = models.CharField(max_length=300, help_text="as published, with the commas the CSV had turned into ';'")

    class Meta:
        ordering = ["year", "region_code", "fap_code"]
        verbose_name = _("métier en tension (liste officielle)")
        verbose_name_plural = _("métiers en tension (liste officielle)")
        constraints = [
            models.UniqueConstraint(fields=["year", "region_code", "fap_code"], name="labour_shortagelisting_unique"),
        ]


class RomeNaf(models.Model):
    """La Bonne Boîte: a ROME v3 occupation and a NAF sub-class that hires for it, weighted by hirings."""

    rome_code = models.CharField(max_length=5, db_index=True, help_text="ROME v3 code (rome_id)")
    naf_code = models.CharField(max_length=5, db_index=True, help_text="NAF rév. 2 sous-classe (naf_id), e.g. 0111Z")
    rome_label = models.CharField(max_length=200, help_text="as in the mapping file")
    naf_label = models.CharField(max_length=200, help_text="as in the mapping file")
    weight = models.PositiveIntegerField(
        null=True, blank=True, help_text="hirings, as published (a count of hires); None for #N/A"
    )
    curated = models.BooleanField(
        help_text="True when the pair is in rome_naf_mapping.csv (the filtered mapping La Bonne Boîte uses); "
        "False when only the raw file rome_naf_mapping.raw.csv has it"
    )

    class Meta:
        ordering = ["rome_code", "naf_code"]
        verbose_name = _("correspondance ROME – NAF (La Bonne Boîte)")
        verbose_name_plural = _("correspondances ROME – NAF (La Bonne Boîte)")
        constraints = [models.UniqueConstraint(fields=["rome_code", "naf_code"], name="labour_romenaf_unique")]


class RomeV3Label(models.Model):
    """A ROME v3 code and its label (La Bonne Boîte's rome_labels.csv)."""

    rome_code = models.CharField(primary_key=True, max_length=5)
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["rome_code"]
        verbose_name = _("libellé ROME v3")
        verbose_name_plural = _("libellés ROME v3")


class NafLabel(models.Model):
    """A NAF rév. 2 sous-classe and its label (La Bonne Boîte's naf_labels.csv)."""

    naf_code = models.CharField(primary_key=True, max_length=5)
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["naf_code"]
        verbose_name = _("libellé NAF")
        verbose_name_plural = _("libellés NAF")


class LbbTension(models.Model):
    """La Bonne Boîte's FAP 2009 → ROME v3 table with a tension share per FAP (metiers_tension*.csv).

    The share is undocumented; it is plausibly the BMO share of hiring projects judged difficult (0–100).
    """

    source_file = models.CharField(max_length=40, help_text="metiers_tension.csv (2020) or metiers_tension_2019.csv")
    fap_code = models.CharField(max_length=5, db_index=True, help_text="FAP-225 code")
    rome_code = models.CharField(max_length=5, db_index=True, help_text="ROME v3 code")
    fap_label = models.CharField(max_length=200)
    rome_label = models.CharField(max_length=200, help_text="as published, upper case")
    tension_pct = models.FloatField(null=True, blank=True, help_text="0–100 as published; None for #N/A")

    class Meta:
        ordering = ["source_file", "fap_code", "rome_code"]
        verbose_name = _("tension par FAP (La Bonne Boîte)")
        verbose_name_plural = _("tensions par FAP (La Bonne Boîte)")
        constraints = [
            models.UniqueConstraint(fields=["source_file", "fap_code", "rome_code"], name="labour_lbbtension_unique")
        ]


class BasinTension(models.Model):
    """France Travail (Mobiville): market tension for one ROME v3 occupation in one bassin BMO, one year.

    The files carry no documentation; the meanings below are inferred from the column names and values.
    """

    year = models.PositiveSmallIntegerField(help_text="annee")
    rome_code = models.CharField(max_length=5, db_index=True, help_text="ROME (v3 code)")
    basin_code = models.CharField(
        max_length=5, db_index=True, help_text="cbassin: bassin BMO 2019 (BE19) code, leading zero restored (0101)"
    )
    basin_name = models.CharField(max_length=100, help_text="lib_bassin_bmo19, as published (trimmed)")
    rome_label = models.CharField(max_length=200, blank=True, help_text="rome_label (2020 file only)")
    fap_code = models.CharField(max_length=5, blank=True, help_text="fap: FAP-225 code (2019 file only)")
    fap_label = models.CharField(max_length=200, blank=True, help_text="libfap without its code (2019 file only)")
    offers = models.PositiveIntegerField(
        null=True, blank=True, help_text="oee: offres d'emploi enregistrées (job offers registered), inferred"
    )
    job_seekers = models.PositiveIntegerField(
        null=True, blank=True, help_text="defm_abc: demandeurs d'emploi en fin de mois, cat. A, B, C, inferred"
    )
    tension_class = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="ind_tension_d: tension class 1 (low) – 5 (high), inferred"
    )
    source_file = models.CharField(max_length=60)

    class Meta:
        ordering = ["year", "basin_code", "rome_code"]
        verbose_name = _("tension par métier et bassin (France Travail)")
        verbose_name_plural = _("tensions par métier et bassin (France Travail)")
        constraints = [
            models.UniqueConstraint(fields=["year", "rome_code", "basin_code"], name="labour_basintension_unique")
        ]
