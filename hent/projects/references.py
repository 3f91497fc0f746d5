"""What a saved item points to: its name and page, looked up in the domain it belongs to.

A project stores only (kind, ref, label). This module is the one place that asks the other
domains about those references, in bulk, so that a project page costs one query per kind.
Occupations and communes go through their domains' services; trainings and establishments are
read from the training catalogue's tables (read only: hent.trainings.services has no bulk lookup yet).
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hent.occupations import services as occupations
from hent.projects.models import ProjectItem
from hent.territories import services as territories
from hent.trainings.models import Establishment, Training

Kind = ProjectItem.Kind

# The shape of each kind's public code, checked before any query.
REF_PATTERNS = {
    Kind.OCCUPATION: re.compile(r"[A-Z][0-9]{4}"),
    Kind.TRAINING: re.compile(r"[\w.-]{1,40}", re.ASCII),
    Kind.COMMUNE: re.compile(r"[0-9][0-9AB][0-9]{3}"),
    Kind.ESTABLISHMENT: re.compile(r"[0-9A-Z]{8,14}"),
}

# Headings of the project page, in this order: places are communes and establishments together.
GROUPS = [
    ("occupations", _("Métiers"), [Kind.OCCUPATION]),
    ("trainings", _("Formations"), [Kind.TRAINING]),
    ("places", _("Lieux"), [Kind.COMMUNE, Kind.ESTABLISHMENT]),
]


@dataclass
class Reference:
    kind: str
    ref: str
    label: str
    url: str  # the item's page on this site ("" when it no longer exists)
    detail: str = ""  # a few words telling similar items apart (level, commune…)

    @property
    def exists(self):
        return bool(self.url)


def normalise(kind, ref):
    """(kind, ref) in canonical form, or None when either cannot be one of ours."""
    kind = str(kind or "").strip().lower()
    ref = str(ref or "").strip()
    if kind not in REF_PATTERNS or len(ref) > 40:
        return None
    if kind != Kind.TRAINING:
        ref = ref.upper()
    if not REF_PATTERNS[kind].fullmatch(ref):
        return None
    return kind, ref


def resolve(kind, ref):
    """The Reference for one (kind, ref), or None when it does not exist (or cannot)."""
    key = normalise(kind, ref)
    if key is None:
        return None
    return resolve_many([key]).get(key)


def resolve_many(keys):
    """{(kind, ref): Reference} for those of the (kind, ref) pairs that exist."""
    by_kind = {}
    for kind, ref in keys:
        by_kind.setdefault(kind, set()).add(ref)
    found = {}
    for kind, refs in by_kind.items():
        for reference in _LOOKUPS[kind](sorted(refs)):
            found[(kind, reference.ref)] = reference
    return found


def _occupations(codes):
    for o in occupations.occupations_queryset().filter(code__in=codes):
        yield Reference(
            Kind.OCCUPATION, o.code, o.title, o.get_absolute_url(), _("fiche ROME %(code)s") % {"code": o.code}
        )


def _trainings(slugs):
    for t in Training.objects.filter(slug__in=slugs):
        level = Training.Level(t.level).label if t.level in Training.Level.values else ""
        yield Reference(Kind.TRAINING, t.slug, t.title, t.get_absolute_url(), str(level))


def _communes(codes):
    for c in territories.communes().filter(insee__in=codes):
        yield Reference(
            Kind.COMMUNE, c.insee, c.name, _commune_url(c), " ".join(filter(None, [c.postcode, c.department.name]))
        )


def _commune_url(commune):
    # There is no page per commune: its intercommunality's page (jobs and trainings around) is the closest.
    if commune.epci_id:
        return reverse("labour:epci", args=[commune.epci_id])
    return reverse("labour:department", args=[commune.department_id])


def _establishments(codes):
    for e in Establishment.objects.filter(code__in=codes):
        yield Reference(Kind.ESTABLISHMENT, e.code, e.name, e.get_absolute_url(), e.commune_name)


_LOOKUPS = {
    Kind.OCCUPATION: _occupations,
    Kind.TRAINING: _trainings,
    Kind.COMMUNE: _communes,
    Kind.ESTABLISHMENT: _establishments,
}
