#!/usr/bin/env python
"""How well the skills-based ranking of hent.careers finds the ROME's own career moves, and how fast it is.

For every fiche that has curated moves (``Mobility``, "métiers proches et évolutions"), the ranking
(basis "skills", which never reads the moves) proposes 10 fiches; recall@10 is
|top 10 ∩ curated moves| / |curated moves|, averaged over those fiches. The baseline, computed in the
same run, ranks by the plain Jaccard similarity of the fiches' item sets: every OccupationItem of the
fiche (savoir-faire and macro-competences, savoirs, savoir-être, work contexts), ties by code. The moves
are then counted by how far they go (same ROME v3 family, domaine professionnel, grand domaine, or another
one), with the share of each that the ranking finds.

Usage:
    python bench/transitions.py          # on the database `make run` filled (or DATABASE_URL)
    python bench/transitions.py --fit    # also fit the weights again (coordinate ascent) with a 2-fold check
"""

import argparse
import heapq
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

K = 10
GOAL = 0.45


def recall(ranked, moves, k=K, cap=False):
    """Mean over sources of |top k ∩ moves| / |moves| (or / min(|moves|, k) with cap)."""
    values = []
    for source, targets in moves.items():
        top = set(ranked[source][:k])
        values.append(len(top & set(targets)) / (min(len(targets), k) if cap else len(targets)))
    return sum(values) / len(values)


def jaccard_rankings(model, sources, k=K):
    """Top k of every source by the Jaccard similarity of all their items, ties by code."""
    postings = defaultdict(list)
    sets = [set(links) for links in model.item_links]
    for i, items in enumerate(sets):
        for ogr in items:
            postings[ogr].append(i)
    ranked = {}
    for source in sources:
        s = model.position[source]
        common = defaultdict(int)
        for ogr in sets[s]:
            for i in postings[ogr]:
                common[i] += 1
        scores = [(-(c / (len(sets[s]) + len(sets[i]) - c)), model.codes[i]) for i, c in common.items() if i != s]
        ranked[source] = [code for _score, code in sorted(scores)[:k]]
    return ranked


def model_rankings(model, sources, weights=None, k=K):
    ranked, times = {}, []
    for source in sources:
        start = time.perf_counter()
        ranked[source] = [code for code, _score in model.rank(model.person(source), limit=k, weights=weights)]
        times.append(time.perf_counter() - start)
    return ranked, times


def by_distance(model, ranked, moves):
    """The curated moves by how far they go (same ROME v3 family, same domaine professionnel, same grand
    domaine, another grand domaine): [(label, moves, found in the top k)]."""
    counts = defaultdict(lambda: [0, 0])
    for source, targets in moves.items():
        s, top = model.position[source], set(ranked[source])
        for target in targets:
            t = model.position[target]
            if model.family[s] == model.family[t]:
                label = "same ROME v3 family"
            elif model.domaine[s] == model.domaine[t]:
                label = "same domaine professionnel"
            elif model.domaine[s][:1] == model.domaine[t][:1]:
                label = "same grand domaine"
            else:
                label = "another grand domaine"
            counts[label][0] += 1
            counts[label][1] += target in top
    order = ("same ROME v3 family", "same domaine professionnel", "same grand domaine", "another grand domaine")
    return [(label, *counts[label]) for label in order]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


# -- fitting the weights -------------------------------------------------------------------------


def candidate_features(model, sources, size=300):
    """For every source, its ``size`` best candidates under the current weights: (codes, [values] per feature)."""
    from hent.careers.ranking import FEATURES

    table = {}
    for source in sources:
        person = model.person(source)
        features = model.features(person)
        scores = model.scores(person)
        s = model.position[source]
        best = sorted((i for i in range(len(model.codes)) if i != s), key=lambda i: (-scores[i], model.codes[i]))
        best = best[:size]
        table[source] = ([model.codes[i] for i in best], [[features[f][i] for i in best] for f in FEATURES])
    return table


def _scores(table, weights, sources):
    return {
        s: [sum(w * x for w, x in zip(weights, values, strict=True)) for values in zip(*table[s][1], strict=True)]
        for s in sources
    }


def _recall(table, moves, scores):
    values = []
    for source, row in scores.items():
        codes = table[source][0]
        top = heapq.nlargest(K, range(len(row)), key=row.__getitem__)
        targets = set(moves[source])
        values.append(len({codes[i] for i in top} & targets) / len(targets))
    return sum(values) / len(values)


def coordinate_ascent(table, moves, sources, start, rounds=4):
    """Change one weight at a time (times 0, 0.5, 0.8, 1.25, 2) while recall@10 on ``sources`` improves."""
    weights = list(start)
    scores = _scores(table, weights, sources)
    best = _recall(table, moves, scores)
    for _ in range(rounds):
        improved = False
        for i in range(len(weights)):
            for factor in (0.0, 0.5, 0.8, 1.25, 2.0):
                new = weights[i] * factor if weights[i] else factor
                delta = new - weights[i]
                trial = {
                    s: [a + delta * x for a, x in zip(row, table[s][1][i], strict=True)] for s, row in scores.items()
                }
                value = _recall(table, moves, trial)
                if value > best + 1e-6:
                    best, scores, improved = value, trial, True
                    weights[i] = new
        if not improved:
            break
    return weights, best


def fit(model, moves):
    from hent.careers.ranking import FEATURES, WEIGHTS

    sources = sorted(moves)
    print(f"fitting: features of the 300 best candidates of {len(sources)} sources…", flush=True)
    table = candidate_features(model, sources)
    start = [WEIGHTS[f] for f in FEATURES]
    halves = (sources[0::2], sources[1::2])
    held_out = []
    for train, test in (halves, halves[::-1]):
        weights, train_recall = coordinate_ascent(table, moves, train, start)
        test_recall = _recall(table, moves, _scores(table, weights, test))
        held_out.append(test_recall)
        print(f"  fold: recall@10 fitted half {train_recall:.4f}, other half {test_recall:.4f}")
    weights, value = coordinate_ascent(table, moves, sources, start)
    print(f"  two-fold held-out recall@10: {sum(held_out) / 2:.4f}; fitted on all: {value:.4f}")
    print("  WEIGHTS = {" + ", ".join(f'"{f}": {w:.3g}' for f, w in zip(FEATURES, weights, strict=True)) + "}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", action="store_true", help="fit the weights again and check them on held-out halves")
    args = parser.parse_args()

    import django

    django.setup()
    from hent.careers import services
    from hent.careers.ranking import Model
    from hent.occupations.models import Mobility

    dataset = services.occupations.rome_dataset()
    start = time.perf_counter()
    data = services.rome_data()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    model = Model(data)
    built = time.perf_counter() - start
    if not model.codes:
        sys.exit("No ROME in the database: run `make run` (or import_rome) first.")
    moves = defaultdict(list)
    for source, target in Mobility.objects.order_by("source", "position").values_list("source", "target"):
        moves[source].append(target)
    sources = sorted(moves)
    n_moves = sum(len(t) for t in moves.values())
    print(f"ROME: {dataset.citation if dataset else '?'}; {len(model.codes)} fiches, {len(sources)} with curated moves")
    print(f"  ({n_moves} moves, {n_moves / len(sources):.1f} per fiche)")
    print(f"model: read from the database in {loaded:.2f} s, built in {built:.2f} s")

    jaccard = jaccard_rankings(model, sources)
    ranked, times = model_rankings(model, sources)
    print()
    print(f"recall@{K} of the curated moves             ranking  Jaccard baseline")
    print(f"  |top {K} ∩ moves| / |moves|                {recall(ranked, moves):.4f}   {recall(jaccard, moves):.4f}")
    print(
        f"  |top {K} ∩ moves| / min(|moves|, {K})        {recall(ranked, moves, cap=True):.4f}   "
        f"{recall(jaccard, moves, cap=True):.4f}"
    )
    for k in (20, 50):
        ranked_k, _ = model_rankings(model, sources[::4], k=k)
        subset = {s: moves[s] for s in sources[::4]}
        print(f"  recall@{k} (every 4th source)              {recall(ranked_k, subset, k=k):.4f}")
    reached = recall(ranked, moves) >= GOAL
    print(f"  goal {GOAL}: {'reached' if reached else 'NOT reached'}")
    print()
    print(f"where the curated moves go                 moves   in the top {K}")
    for label, count, found in by_distance(model, ranked, moves):
        print(f"  {label:<38} {count:>6} ({count / n_moves:4.0%})  {found / count:4.0%}")
    print()
    print(
        f"one ranking (all features, {len(model.codes)} fiches, in memory): median "
        f"{statistics.median(times) * 1000:.1f} ms, p95 {percentile(times, 0.95) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms"
    )
    if args.fit:
        print()
        fit(model, moves)


if __name__ == "__main__":
    main()
