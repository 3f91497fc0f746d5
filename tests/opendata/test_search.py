"""Search relevance on the full ROME, on both databases: the issue's thresholds as a regression guard."""

from pathlib import Path

import pytest

from hent.occupations.models import JobTitle
from hent.search import services
from hent.search.models import SearchEntry
from hent.search.text import content_words, stem, words
from hent.search.vocabulary import read_entries
from tests.conftest import REPO, SHARED_DATA

DEV_SET = SHARED_DATA.parent / "bench" / "search_dev.tsv"
HOLDOUT = REPO / "bench" / "search_holdout.tsv"


def evaluate(path):
    hit1 = hit5 = n = 0
    thematic = []
    misses = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        q, kind, spec = line.split("\t")
        accepted = spec.split(",")
        ok = lambda c: any(c == a or (a.endswith("*") and c.startswith(a[:-1])) for a in accepted)  # noqa: E731
        found = [r.code for r in services.search(q, limit=10)[1]]
        if kind == "thematic":
            thematic.append(sum(map(ok, found[:5])) / 5)
            continue
        n += 1
        rank = next((i for i, c in enumerate(found) if ok(c)), None)
        hit1 += rank == 0
        hit5 += rank is not None and rank < 5
        if rank != 0:
            misses.append(f"{q!r} -> {found[:3]}")
    return hit1 / n, hit5 / n, sum(thematic) / len(thematic), misses


def test_dev_set_relevance(rome):
    if not DEV_SET.exists():
        pytest.skip(f"{DEV_SET} not found")
    hit1, hit5, thematic, misses = evaluate(DEV_SET)
    assert hit1 >= 0.95 and hit5 >= 0.98 and thematic >= 0.6, misses


def test_holdout_relevance(rome):
    hit1, hit5, thematic, misses = evaluate(HOLDOUT)
    assert hit1 >= 0.93 and hit5 >= 0.97 and thematic >= 0.6, misses


def test_index_holds_every_title_form_and_the_rome_structure(rome):
    indexed = set(SearchEntry.objects.filter(kind="title").values_list("occupations", "label"))
    assert indexed == set(JobTitle.objects.values_list("occupation_id", "label"))
    assert {"grand_domaine", "domaine", "interest", "theme", "sector", "subsector", "skill"} == set(
        SearchEntry.objects.filter(kind="facet").values_list("facet", flat=True).distinct()
    )


def test_every_curated_meaning_exists_in_the_rome(rome):
    title_words = set()
    for text in SearchEntry.objects.filter(kind="title").values_list("text", flat=True):
        title_words.update(text.split())
    stems = {stem(w) for w in title_words}
    for text in SearchEntry.objects.filter(kind="facet").values_list("text", flat=True):
        stems.update(text.split())
    problems = []
    for entry in read_entries():
        for meaning in entry.means:
            if entry.kind == "topic":
                missing = [w for w in content_words(meaning) if stem(w) not in stems]
            else:
                missing = [w for w in words(meaning) if len(w) > 2 and w not in title_words]
            if missing:
                problems.append(f"line {entry.line}: {entry.term} -> {meaning}: {missing}")
    assert problems == []
