"""Figures per occupation, derived from the labour sources by ``hent.labour.figures.rebuild()``.

The sources do not describe ROME occupations but families of occupations (FAP 2021 for the
BMO survey, FAP 2009 for the DARES series), reached through ROME v3 codes: every figure shown
on an occupation page says which family it describes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["OccupationFamily", "OccupationMarket"]


class OccupationFamily(models.Model):
    class Nomenclature(models.TextChoices):
        FAP2021 = "fap2021", _("FAP 2021")
        FAP2009 = "fap2009", _("FAP 2009")

    occupation = models.ForeignKey("occupations.Occupation", on_delete=models.CASCADE, related_name="families")
    nomenclature = models.CharField(max_length=10, choices=Nomenclature.choices)
    fap_code = models.CharField(max_length=10)
    rome_code = models.CharField(max_length=5)  # the code the correspondence table uses (this one or its parent)
    source = models.CharField(max_length=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "nomenclature", "fap_code"], name="occupationfamily_unique")
        ]


class OccupationMarket(models.Model):
    """The headline figures of an occupation in the Region, for lists, filters and the coverage benchmark."""

    class GenderMix(models.TextChoices):
        MIXED = "mixte", _("Métier mixte")
        FEW_WOMEN = "peu_de_femmes", _("Métier où les femmes sont peu présentes")
        FEW_MEN = "peu_d_hommes", _("Métier où les hommes sont peu présents")
        BETWEEN = "", _("Ni mixte, ni très déséquilibré")

    occupation = models.OneToOneField("occupations.Occupation", on_delete=models.CASCADE, primary_key=True,
                                      related_name="market")  # fmt: skip
    bmo_year = models.PositiveSmallIntegerField(null=True, blank=True)
    projects = models.PositiveIntegerField(null=True, blank=True)  # hiring projects in the Region (its families)
    difficult_share = models.FloatField(null=True, blank=True)
    seasonal_share = models.FloatField(null=True, blank=True)
    share_women = models.FloatField(null=True, blank=True)
    gender_mix = models.CharField(max_length=20, choices=GenderMix.choices, blank=True)
    median_salary = models.PositiveIntegerField(null=True, blank=True)
    in_shortage_list = models.BooleanField(default=False)
    # What the occupation page shows besides, worked out once per import rather than on every page:
    women_period = models.CharField(max_length=20, blank=True)  # the DARES period of share_women
    salary_period = models.CharField(max_length=20, blank=True)  # and of median_salary
    outlook = models.ForeignKey("labour.Projection2030", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")  # fmt: skip
    sectors = models.JSONField(default=list, blank=True)  # [[NAF label, share of hirings %]], largest first
