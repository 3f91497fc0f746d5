"""InserJeunes outcomes: what becomes of pupils and apprentices after a training, or after an establishment."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from hent.core.models import Dataset
from hent.territories import services as territories
from hent.trainings.models import BcnMef, EstablishmentOutcome, RegionOutcome

VOIES = {"scolaire": _("voie scolaire"), "apprentissage": _("apprentissage")}


@dataclass
class Outcome:
    scope: str  # e.g. "Bretagne, apprentissage"
    year: str  # e.g. "sortants 2022-2023"
    cohort: int | None
    employment_6: float | None
    employment_12: float | None
    employment_18: float | None
    employment_24: float | None
    further_studies: float | None
    citation: str


def _citation(slug):
    dataset = Dataset.objects.filter(slug=slug).first()
    return dataset.citation if dataset else "InserJeunes"


def _year(millesime):
    return _("sortants %(years)s") % {"years": millesime.replace("_", "-")}


def outcomes_for_training(training):
    """Regional outcomes of a training (by its CFD: directly for apprenticeship, through its MEF codes for
    school), most recent first. Scope: the Region this site serves."""
    if not training.cfd:
        return []
    mefstat = list(BcnMef.objects.filter(cfd=training.cfd).values_list("mefstat11", flat=True))
    rows = RegionOutcome.objects.filter(region_code=territories.region_code()).filter(
        Q(voie="apprentissage", cfd=training.cfd) | Q(voie="scolaire", mefstat11__in=mefstat)
    )
    citation = _citation("inserjeunes-regions")
    region = territories.region_name()
    return [
        Outcome(
            scope=f"{region}, {VOIES.get(r.voie, r.voie)}",
            year=_year(r.millesime),
            cohort=r.cohort,
            employment_6=r.rate_employment_6,
            employment_12=r.rate_employment_12,
            employment_18=r.rate_employment_18,
            employment_24=r.rate_employment_24,
            further_studies=r.rate_further_studies,
            citation=citation,
        )
        for r in rows.order_by("-millesime", "voie", "mefstat11")
    ]


@dataclass
class EstablishmentFigures:
    period: str
    scope: str
    employment_6: float | None
    expected_6: float | None
    further_studies: float | None
    citation: str


SOURCE_DATASETS = {
    "depp-pro": "inserjeunes-etablissements-depp",
    "depp-apprentissage": "inserjeunes-etablissements-depp",
    "cfa": "inserjeunes-cfa",
}


def outcomes_for_establishment(establishment):
    """[(citation, [EstablishmentFigures])] by source, most recent first. The per-CFA file covers the
    apprenticeship rows of the DEPP files (with more years): when it has the CFA, those are left out."""
    rows = list(EstablishmentOutcome.objects.filter(uai=establishment.uai or establishment.code))
    if any(r.source == "cfa" for r in rows):
        rows = [r for r in rows if r.source != "depp-apprentissage"]
    groups = {}
    for r in sorted(rows, key=lambda r: (r.source, r.millesime, r.scope), reverse=True):
        citation = _citation(SOURCE_DATASETS.get(r.source, ""))
        groups.setdefault(citation, []).append(
            EstablishmentFigures(
                period=r.period.replace("_", "-"),
                scope=r.scope or r.get_source_display(),
                employment_6=r.rate_employment_6,
                expected_6=r.expected_employment_6,
                further_studies=r.rate_further_studies,
                citation=citation,
            )
        )
    return list(groups.items())
