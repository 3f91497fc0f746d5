"""Trainings: what leads to each occupation, where it is taught, with which outcomes. Callable without HTTP."""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from hent.core.models import Dataset
from hent.territories import services as territories
from hent.trainings.models import Establishment, OccupationLevel, Training, TrainingOccupation, TrainingPlace
from hent.trainings.outcomes import outcomes_for_training

MODES = [
    ("initial", _("voie scolaire ou étudiante")),
    ("apprenticeship", _("apprentissage")),
    ("professionalisation", _("contrat de professionnalisation")),
    ("continuing", _("formation continue")),
    ("vae", _("VAE")),
    ("individual", _("candidat libre")),
]
MODE_FILTERS = {"apprentissage": "apprenticeship", "continue": "continuing", "vae": "vae", "initiale": "initial"}
SOURCE_DATASETS = {
    "certifinfo": "certifinfo",
    "onisep": "onisep-fiches-formations",
    "rncp": "rncp-2021",
    "lheo": "lheo",
}
MAX_RESULTS = 1000


def modes(training):
    """The access modes the sources say are open, as labels."""
    return [label for name, label in MODES if getattr(training, name)]


LEVEL_LABELS = dict(Training.Level.choices)


def level_label(level):
    return LEVEL_LABELS.get(level) or _("Niveau non précisé")


@dataclass
class TrainingSummary:
    training: Training
    modes: list
    sources: list
    places: list = field(default_factory=list)  # [(TrainingPlace, km or None)], nearest first
    places_in_region: int = 0
    direct: bool = True  # linked to this very occupation, not only to the ROME v3 fiche it comes from


@dataclass
class LevelGroup:
    label: str
    summaries: list  # the first ones shown
    total: int


def _places(slugs, origin):
    """Places in the region for these trainings, nearest first when an origin is given."""
    by_training = defaultdict(list)
    rows = TrainingPlace.objects.filter(training__in=slugs).select_related("establishment")
    # What a list of places shows and sorts by: popular trainings are taught in hundreds of places.
    rows = rows.only(
        "training_id", "mode", "source", "establishment__name", "establishment__commune_name",
        "establishment__latitude", "establishment__longitude",
    )  # fmt: skip
    for place in rows:
        by_training[place.training_id].append(place)
    result = {}
    for slug, places in by_training.items():
        if origin is not None:
            result[slug] = territories.by_distance(places, origin, key=lambda p: p.establishment)
        else:
            places.sort(key=lambda p: (p.establishment.commune_name, p.establishment.name))
            result[slug] = [(p, None) for p in places]
    return result


def lowest_levels(codes=None):
    """{occupation code: lowest level (European framework: 3 = CAP … 8 = doctorate) of the active trainings the
    catalogue links it to}, for all occupations or those of ``codes``; those without such a training are absent."""
    rows = OccupationLevel.objects.all() if codes is None else OccupationLevel.objects.filter(occupation_id__in=codes)
    return dict(rows.values_list("occupation_id", "level"))


def trainings_for_occupation(code, origin=None, per_level=6):
    """[LevelGroup] from the lowest level up, for the "Comment y accéder" section.

    Within a level: trainings the sources link to this very occupation first (not only to the
    ROME v3 fiche it was split from), then those taught in the Region, then those several
    sources agree on.
    """
    return trainings_for_occupations([code], origin, per_level)[code]


def trainings_for_occupations(codes, origin=None, per_level=6):
    """{code: [LevelGroup]} as trainings_for_occupation gives them, for several occupations in three queries."""
    links = TrainingOccupation.objects.filter(occupation_id__in=codes, training__active=True).values_list(
        "occupation_id", "training_id", "source", "source_code", "training__level", "training__taught_in_region",
        "training__title",
    )  # fmt: skip
    labels = dict(TrainingOccupation.Source.choices)
    sources, direct, keys = defaultdict(lambda: defaultdict(set)), defaultdict(set), defaultdict(dict)
    for code, slug, source, source_code, level, taught, title in links:
        keys[code][slug] = (level, taught, title)
        sources[code][slug].add(labels.get(source, source))
        if source_code == code:
            direct[code].add(slug)
    grouped = {}
    for code in codes:
        k, d, n = keys[code], direct[code], sources[code]
        ranked = sorted(k, key=lambda s: (k[s][0] or 99, s not in d, not k[s][1], -len(n[s]), k[s][2]))
        grouped[code] = [(level, list(group)) for level, group in groupby(ranked, key=lambda s: k[s][0])]
    shown = {slug for groups in grouped.values() for _level, group in groups for slug in group[:per_level]}
    trainings = Training.objects.in_bulk(shown)
    places = _places(shown, origin)
    return {
        code: [
            LevelGroup(
                level_label(level),
                [
                    TrainingSummary(
                        training=trainings[slug],
                        modes=modes(trainings[slug]),
                        sources=sorted(sources[code][slug]),
                        places=places.get(slug, [])[:3],
                        places_in_region=len(places.get(slug, [])),
                        direct=slug in direct[code],
                    )
                    for slug in group[:per_level]
                ],
                len(group),
            )
            for level, group in grouped[code]
        ]
        for code in codes
    }


@dataclass
class TrainingDetail:
    training: Training
    modes: list
    level: str
    occupations: list  # [(Occupation, [source labels])]
    places: list  # [(TrainingPlace, km or None)]
    outcomes: list
    further: list  # [Training]
    datasets: list


def training_detail(slug, origin=None):
    training = Training.objects.filter(slug=slug).first()
    if training is None:
        raise Http404
    links = training.occupation_links.select_related("occupation__domaine").order_by("occupation__title")
    occupations = {}
    for link in links:
        occupations.setdefault(link.occupation, []).append(link.get_source_display())
    further = []
    if training.onisep_id:
        from hent.trainings.catalogue import further_studies

        further = further_studies(training)
    return TrainingDetail(
        training=training,
        modes=modes(training),
        level=level_label(training.level),
        occupations=list(occupations.items()),
        places=_places([training.slug], origin).get(training.slug, []),
        outcomes=outcomes_for_training(training),
        further=further,
        datasets=list(Dataset.objects.filter(slug__in=training_dataset_slugs(training))),
    )


def training_dataset_slugs(training):
    slugs = {SOURCE_DATASETS[s] for s in training.sources.split() if s in SOURCE_DATASETS}
    return slugs | {"inserjeunes-regions"}


@dataclass
class EstablishmentDetail:
    establishment: Establishment
    trainings: list  # [(level label, [TrainingPlace])]
    outcomes: list
    distance: float | None


def establishment_detail(code, origin=None):
    establishment = Establishment.objects.filter(code=code.upper()).first()
    if establishment is None:
        raise Http404
    places = establishment.trainings.select_related("training").order_by("training__level", "training__title")
    grouped = [(level_label(level), list(group)) for level, group in groupby(places, key=lambda p: p.training.level)]
    from hent.trainings.outcomes import outcomes_for_establishment

    distance = None
    if origin is not None and establishment.latitude is not None:
        distance = territories.distance_km(
            origin.latitude, origin.longitude, establishment.latitude, establishment.longitude
        )
    return EstablishmentDetail(establishment, grouped, outcomes_for_establishment(establishment), distance)


def search_trainings(
    text="", level=None, mode=None, department=None, epci=None, origin=None, radius=None, occupation=None
):
    """Trainings matching the filters, best match first (nearest first when a place is given); with a radius,
    only those taught within it."""
    from hent.trainings.search import scored_slugs

    qs = Training.objects.filter(active=True)
    scores = None
    if text:
        scores = scored_slugs(text)
        qs = qs.filter(slug__in=scores)
    if occupation:
        qs = qs.filter(occupation_links__occupation_id=occupation)
    if level:
        qs = qs.filter(level=level)
    if mode in MODE_FILTERS:
        qs = qs.filter(**{MODE_FILTERS[mode]: True})
    if department:
        qs = qs.filter(places__establishment__department=department)
    if epci:
        communes = territories.communes().filter(epci=epci).values_list("insee", flat=True)
        qs = qs.filter(places__establishment__commune_code__in=list(communes))
    trainings = list(qs.distinct().order_by("level", "title")[:MAX_RESULTS])
    if scores is not None:
        trainings.sort(key=lambda t: -scores[t.slug])
    places = _places([t.slug for t in trainings], origin)
    results = []
    for t in trainings:
        ranked = places.get(t.slug, [])
        if radius is not None and origin is not None:
            ranked = [(p, km) for p, km in ranked if km is not None and km <= radius]
            if not ranked:
                continue
        results.append(TrainingSummary(t, modes(t), t.sources.split(), ranked[:3], len(places.get(t.slug, []))))
    if origin is not None:
        results.sort(key=lambda s: s.places[0][1] if s.places and s.places[0][1] is not None else float("inf"))
    return results


def taught_in_communes(communes, limit=12):
    """Trainings taught in establishments of these communes, most widely taught first: [(Training, count)]."""
    from django.db.models import Count

    rows = (
        Training.objects.filter(active=True, places__establishment__commune_code__in=list(communes))
        .annotate(n=Count("places__establishment", distinct=True))
        .order_by("-n", "level", "title")[:limit]
    )
    return [(t, t.n) for t in rows]


def region_name():
    return settings.HENT_REGION_NAME
