"""Territories: the communes of the Region and the areas they belong to.

Tables keep the publishers' codes as primary keys (INSEE codes, EPCI SIREN,
zone d'emploi and BMO bassin codes), so that re-imports are idempotent and
other datasets (BMO, trainings, structures) join on them directly.

Zones d'emploi (INSEE) and bassins d'emploi (France Travail's BMO survey) are
two DIFFERENT nomenclatures whose codes look alike (Rennes: zone 5315, bassin
5314): they live in separate tables and must never be compared.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(primary_key=True, max_length=3)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self):
        return self.name


class Department(models.Model):
    code = models.CharField(primary_key=True, max_length=3)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departments")

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    """Établissement public de coopération intercommunale à fiscalité propre (DGCL)."""

    NATURES = {
        "CC": _("Communauté de communes"),
        "CA": _("Communauté d'agglomération"),
        "CU": _("Communauté urbaine"),
        "METRO": _("Métropole"),
        "MET69": _("Métropole de Lyon"),
    }

    siren = models.CharField(primary_key=True, max_length=9)
    name = models.CharField(max_length=200)
    nature = models.CharField(max_length=10, help_text="DGCL nature_juridique: CC, CA, CU, METRO, MET69")

    class Meta:
        ordering = ["name"]
        verbose_name = _("intercommunalité")
        verbose_name_plural = _("intercommunalités")

    def __str__(self):
        return self.name

    @property
    def nature_label(self):
        return self.NATURES.get(self.nature, self.nature)


class EmploymentZone(models.Model):
    """INSEE zone d'emploi 2020 (ZE2020)."""

    code = models.CharField(primary_key=True, max_length=5)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("zone d'emploi")
        verbose_name_plural = _("zones d'emploi")

    def __str__(self):
        return self.name


class BmoBasin(models.Model):
    """France Travail's bassin d'emploi of the BMO survey (columns BE24/BE25 of the BMO files)."""

    code = models.CharField(primary_key=True, max_length=5)
    name = models.CharField(max_length=100, help_text="as published, e.g. SAINT BRIEUC")
    label = models.CharField(max_length=100, help_text="readable form, e.g. Saint-Brieuc, when a commune bears it")

    class Meta:
        ordering = ["label"]
        verbose_name = _("bassin d'emploi (BMO)")
        verbose_name_plural = _("bassins d'emploi (BMO)")

    def __str__(self):
        return self.label


class Commune(models.Model):
    insee = models.CharField(primary_key=True, max_length=5)
    name = models.CharField(max_length=100)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(Epci, on_delete=models.PROTECT, null=True, blank=True, related_name="communes")
    employment_zone = models.ForeignKey(
        EmploymentZone, on_delete=models.PROTECT, null=True, blank=True, related_name="communes"
    )
    bmo_basin = models.ForeignKey(BmoBasin, on_delete=models.PROTECT, null=True, blank=True, related_name="communes")
    postcode = models.CharField(max_length=5, blank=True, help_text="main postcode")
    postcodes = models.TextField(blank=True, help_text="every postcode, space-separated, sorted")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    coordinates_source = models.CharField(max_length=60, blank=True)
    population = models.PositiveIntegerField(null=True, blank=True, help_text="population municipale")
    population_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="census year (millésime)")
    # Search keys (see hent.territories.names): the name, and the other names people use for the place
    # (former communes merged into a commune nouvelle, La Poste localities), as "|key|key|".
    search_name = models.CharField(max_length=100, db_index=True)
    search_other = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "insee"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name} ({self.postcode or self.department_id})"

    @property
    def postcode_list(self):
        return self.postcodes.split()
