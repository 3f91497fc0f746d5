"""France Travail's BMO survey and the DARES FAP 2021 nomenclature it is coded in, as published.

* ``BmoRecord``: one row of the BMO open-data workbook (``Base_open_data_BMO_<year>.xlsx``): hiring projects
  for one métier BMO in one bassin d'emploi (and department, for bassins that straddle departments), one
  survey year. Masked values (``*``, statistical secrecy) and empty cells are ``None``: unknown, never 0.
* ``Fap2021``: the DARES FAP 2021 tree (``Dares_Arborescence_FAP2021.xlsx``), one row per code.
* ``RomeFap2021``: the DARES table de passage ROME (v3) × qualification → FAP 2021 (level 341).

Written by ``import_bmo`` and ``import_fap2021``; the figures per occupation and territory
(``hent.labour.models.figures``) are derived from these tables.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["BmoRecord", "Fap2021", "RomeFap2021"]


class BmoRecord(models.Model):
    """One row of the BMO data sheet (``BMO_<year>_open_data``); every published row is kept, all regions."""

    year = models.PositiveSmallIntegerField(help_text="survey year (column annee)")
    bmo_code = models.CharField(max_length=6, help_text="Code métier BMO: a FAP 2021 level-228 code, e.g. A0X40")
    bmo_label = models.CharField(max_length=200, help_text="Nom métier BMO")
    family_code = models.CharField(max_length=1, help_text="Famille_met: BMO family (A, C, I, O, S, T, V, Z)")
    family_label = models.CharField(max_length=200, help_text="Lbl_fam_met")
    region_code = models.CharField(max_length=3, help_text="REG: INSEE region code of the bassin, e.g. 53")
    region_name = models.CharField(max_length=100, help_text="NOM_REG")
    department_code = models.CharField(max_length=3, help_text="Dept: INSEE department code, e.g. 29, 2A, 971")
    department_name = models.CharField(max_length=100, help_text="NomDept")
    basin_code = models.CharField(max_length=5, help_text="BE24/BE25…: bassin d'emploi BMO code, e.g. 5301")
    basin_name = models.CharField(max_length=100, help_text="NOMBE24/NOMBE25…: as published, e.g. BREST")
    projects = models.PositiveIntegerField(null=True, blank=True, help_text="met: hiring projects; None = masked")
    difficult = models.PositiveIntegerField(
        null=True, blank=True, help_text="xmet: projects judged difficult; None = masked"
    )
    seasonal = models.PositiveIntegerField(null=True, blank=True, help_text="smet: seasonal projects; None = masked")

    class Meta:
        ordering = ["year", "bmo_code", "basin_code", "department_code"]
        verbose_name = _("ligne de l'enquête BMO")
        verbose_name_plural = _("lignes de l'enquête BMO")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "bmo_code", "basin_code", "department_code"], name="labour_bmorecord_unique_row"
            )
        ]
        indexes = [
            models.Index(fields=["year", "region_code"], name="labour_bmo_year_region"),
            models.Index(fields=["year", "basin_code"], name="labour_bmo_year_basin"),
            models.Index(fields=["bmo_code", "year"], name="labour_bmo_code_year"),
        ]

    def __str__(self):
        return f"BMO {self.year} {self.bmo_code} {self.basin_code} ({self.department_code})"


class Fap2021(models.Model):
    """One code of the FAP 2021 tree (DARES).

    The published levels are 22 (domaines professionnels, code "A"), 86 (familles agrégées, "A0X"),
    228 (familles détaillées, "A0X41") and 341 (familles très détaillées, "A0X41a"). A level-228 family
    that is not subdivided is also, under the same code, a level-341 family ("A0X40"): it is stored once,
    with ``level`` 228 and ``is_fap341`` true. So the 341 families are ``is_fap341=True`` (codes of 6
    characters have level 341, codes of 5 characters level 228), and the BMO métiers are level-228 codes.
    """

    class Level(models.IntegerChoices):
        FAP22 = 22, _("domaine professionnel (FAP 22)")
        FAP86 = 86, _("famille professionnelle agrégée (FAP 86)")
        FAP228 = 228, _("famille professionnelle détaillée (FAP 228)")
        FAP341 = 341, _("famille professionnelle très détaillée (FAP 341)")

    code = models.CharField(primary_key=True, max_length=6)
    level = models.PositiveSmallIntegerField(choices=Level.choices, help_text="coarsest level the code appears at")
    label = models.CharField(max_length=300, help_text="Intitulé, from the sheet of that level")
    parent = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="children",
        help_text="the code of the next coarser level (None for the 22 domains)",
    )  # fmt: skip
    is_fap341 = models.BooleanField(default=False, help_text="the code is a family of the level-341 sheet")

    class Meta:
        ordering = ["code"]
        verbose_name = _("famille professionnelle (FAP 2021)")
        verbose_name_plural = _("familles professionnelles (FAP 2021)")

    def __str__(self):
        return f"{self.code} {self.label}"


class RomeFap2021(models.Model):
    """One row of the DARES table de passage: a ROME v3 code at a qualification level → one FAP 2021 (341) family."""

    rome_code = models.CharField(max_length=5, help_text="ROME (v3 code set, as published)")
    rome_label = models.CharField(max_length=200, help_text="Intitule_ROME (ROME v3 fiche label)")
    qualification = models.CharField(
        max_length=1, help_text="Qualif, as published: one digit 0-9 (no label in the file)"
    )
    fap = models.ForeignKey(
        Fap2021, on_delete=models.PROTECT, related_name="rome_links", help_text="FAP341: a family with is_fap341"
    )
    fap_label = models.CharField(max_length=300, help_text="Intitule_FAP341 as printed in the passage table")

    class Meta:
        ordering = ["rome_code", "qualification"]
        verbose_name = _("correspondance ROME → FAP 2021")
        verbose_name_plural = _("correspondances ROME → FAP 2021")
        constraints = [
            models.UniqueConstraint(fields=["rome_code", "qualification"], name="labour_romefap2021_unique_row")
        ]

    def __str__(self):
        return f"{self.rome_code}/{self.qualification} → {self.fap_id}"
