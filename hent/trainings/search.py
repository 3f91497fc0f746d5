"""Training search: the occupation search's understanding of language, applied to trainings.

A training matches by its own title ("bts cuisine", "cap boulangr") and through the occupations
it leads to ("boulanger" finds the CAP, BP and bac pro that lead to Boulanger / Boulangère).
"""

from hent.search import services as search
from hent.trainings.models import Training, TrainingOccupation

THROUGH_OCCUPATION = 0.8  # a training found through an occupation ranks after a close title match


def scored_slugs(text, limit=300):
    """{training slug: score} for what was typed; among equal matches, trainings taught in the Region
    and described by several sources come first."""
    query = search.parse(text)
    if query.empty:
        return {}
    scores = {slug: found.score() for slug, found in search.title_evidence(query, "training", limit).items()}
    occupations = {code: score for code, (score, _label, _reason) in search.rank(query, 5) if score >= 0.5}
    for slug, code in TrainingOccupation.objects.filter(occupation__in=occupations).values_list(
        "training_id", "occupation_id"
    ):
        scores[slug] = max(scores.get(slug, 0.0), occupations[code] * THROUGH_OCCUPATION)
    for slug, taught, sources in Training.objects.filter(slug__in=scores).values_list(
        "slug", "taught_in_region", "sources"
    ):
        scores[slug] += 0.02 * taught + 0.01 * len(sources.split())
    return scores
