#!/usr/bin/env python
"""Training and labour-market coverage, measured on the database `make run` fills (or DATABASE_URL):

- share of the ROME occupations with at least one training, and with at least one training
  taught in the Region (a known establishment, or leavers in InserJeunes' regional figures);
- share of the Region's establishments placed at an exact position vs at their commune's centre;
- share of the occupations with BMO hiring figures for the Region, with a salary and with a gender-mix figure.

Usage: python bench/coverage.py   (after `make run` has imported the open data)
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main():
    import django

    django.setup()
    from django.db.models import Count, F, Q

    from hent.labour.models import OccupationMarket
    from hent.occupations.models import Occupation
    from hent.trainings.models import Establishment, Training, TrainingOccupation

    occupations = Occupation.objects.count()
    if not occupations or not Training.objects.exists():
        sys.exit("No occupations or trainings: run `make run` (or import_opendata) first.")
    links = TrainingOccupation.objects.filter(training__active=True)
    with_training = links.values("occupation").distinct().count()
    taught = links.filter(training__taught_in_region=True).values("occupation").distinct().count()
    direct = links.filter(source_code=F("occupation_id")).values("occupation").distinct().count()
    print(f"occupations: {occupations}")
    print(f"  with at least one training:                   {with_training:5d}  {with_training / occupations:6.1%}")
    print(f"    (linked by the sources to this very code:    {direct:5d}  {direct / occupations:6.1%})")
    print(f"  with a training taught in the Region:         {taught:5d}  {taught / occupations:6.1%}")
    counts = Establishment.objects.aggregate(
        total=Count("code"),
        exact=Count("code", filter=Q(position="exact")),
        commune=Count("code", filter=Q(position="commune")),
    )
    total = counts["total"] or 1
    print(f"establishments of the Region: {counts['total']}")
    print(f"  exact position:                  {counts['exact']:5d}  {counts['exact'] / total:6.1%}")
    print(f"  placed at their commune's centre: {counts['commune']:5d}  {counts['commune'] / total:6.1%}")
    unknown = counts["total"] - counts["exact"] - counts["commune"]
    print(f"  position unknown:                {unknown:5d}  {unknown / total:6.1%}")
    trainings = Training.objects.filter(active=True)
    taught_trainings = trainings.filter(taught_in_region=True).count()
    print(f"active trainings: {trainings.count()}, taught in the Region: {taught_trainings}")
    markets = OccupationMarket.objects
    for label, qs in [
        ("with BMO hiring figures for the Region", markets.exclude(projects=None)),
        ("with a median salary (DARES)", markets.exclude(median_salary=None)),
        ("with a gender-mix figure (DARES)", markets.exclude(share_women=None)),
    ]:
        n = qs.count()
        print(f"occupations {label + ':':44s} {n:5d}  {n / occupations:6.1%}")


if __name__ == "__main__":
    main()
