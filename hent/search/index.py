"""Building the search index from the occupation catalogue, and querying it.

The database does the full-text retrieval (SQLite FTS5, or PostgreSQL's text search
with a GIN index); both see the same pre-normalised words, so both return the same
candidates. Ranking and understanding of the query happen in ``hent.search.services``.
"""

from collections import Counter

from django.db import connection, transaction
from django.utils import timezone

from hent.occupations import services as occupations
from hent.search.models import SearchEntry, SearchIndex
from hent.search.text import THEMATIC_CUES, content_words, stem, words

# Raise when what the index stores changes: the next import (or `make run`) rebuilds it.
INDEX_VERSION = 1

TITLE_WEIGHT = {"main": 1.0, "synonym": 0.97, "rare": 0.88}
# How strongly each grouping of the ROME says "these occupations are this field".
FACET_WEIGHT = {
    "grand_domaine": 1.0,
    "domaine": 0.97,
    "theme": 0.95,
    "interest": 0.9,
    "sector": 0.85,
    "subsector": 0.85,
    "skill": 0.7,
}


def facet_text(label):
    return " ".join(stem(w) for w in content_words(label) if w not in THEMATIC_CUES)


def rebuild():
    """Replace the occupation entries (job titles and facets, about 40,000 rows for the full ROME)."""
    entries = []
    for doc in occupations.search_titles():
        entries += _named_entries(
            SearchEntry.Kind.TITLE, doc["code"], doc["label"], doc["forms"], TITLE_WEIGHT[doc["rank"]]
        )
    for facet in occupations.search_facets():
        text = facet_text(facet["label"])
        if text:
            entries.append(
                SearchEntry(
                    kind=SearchEntry.Kind.FACET,
                    facet=facet["type"],
                    label=facet["label"],
                    text=text,
                    occupations=" ".join(facet["occupations"]),
                    weight=FACET_WEIGHT[facet["type"]],
                )
            )
    return _replace([SearchEntry.Kind.TITLE, SearchEntry.Kind.FACET], entries)


def rebuild_trainings(docs):
    """Replace the training entries: docs are {"slug", "label", "forms"} (called by the training catalogue)."""
    entries = []
    for doc in docs:
        entries += _named_entries(SearchEntry.Kind.TRAINING, doc["slug"], doc["label"], doc["forms"], 1.0)
    return _replace([SearchEntry.Kind.TRAINING], entries)


def _named_entries(kind, reference, label, forms, weight):
    seen, entries = set(), []
    for form in forms:
        text = " ".join(words(form))
        if text and text not in seen:
            seen.add(text)
            entries.append(SearchEntry(kind=kind, label=label[:500], text=text, occupations=reference, weight=weight))
    return entries


def _replace(kinds, entries):
    """Swap the entries of some kinds in one transaction; refresh the full-text index and the vocabulary."""
    with transaction.atomic():
        SearchEntry.objects.filter(kind__in=kinds).delete()
        SearchEntry.objects.bulk_create(entries, batch_size=2000)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES('rebuild')")
        vocabulary = Counter()
        named = SearchEntry.objects.filter(kind__in=[SearchEntry.Kind.TITLE, SearchEntry.Kind.TRAINING])
        for text in named.values_list("text", flat=True).iterator(chunk_size=5000):
            vocabulary.update(set(text.split()))
        SearchIndex.objects.all().delete()
        SearchIndex.objects.create(built_at=timezone.now(), version=INDEX_VERSION, vocabulary=dict(vocabulary))
    return len(entries)


def is_current():
    return SearchIndex.objects.filter(version=INDEX_VERSION).exists()


def state():
    return SearchIndex.objects.only("built_at").first()


def vocabulary():
    index = SearchIndex.objects.first()
    return index.vocabulary if index else {}


FIELDS = "e.id, e.kind, e.facet, e.label, e.text, e.occupations, e.weight"


def candidates(kind, clauses, limit):
    """Entries of a kind matching every clause; a clause is a list of alternatives, each a list of
    (word, is_prefix) terms that must all be present. Returns rows as dicts, best full-text rank first."""
    if not clauses:
        return []
    # Words are [a-z0-9]+ (see text.fold), so they need no escaping in either query language;
    # the expression itself is passed as a parameter.
    if connection.vendor == "sqlite":
        expression = " AND ".join(
            "(" + " OR ".join("(" + " ".join(f'"{w}"' + ("*" if p else "") for w, p in a) + ")" for a in clause) + ")"
            for clause in clauses
        )
        sql = (
            f"SELECT {FIELDS} FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "  # noqa: S608
            "WHERE search_fts MATCH %s AND e.kind = %s ORDER BY search_fts.rank LIMIT %s"
        )
        params = [f"text : ({expression})", kind, limit]
    else:
        expression = " & ".join(
            "(" + " | ".join("(" + " & ".join(w + (":*" if p else "") for w, p in alt) + ")" for alt in clause) + ")"
            for clause in clauses
        )
        sql = (
            f"SELECT {FIELDS} FROM search_searchentry e "  # noqa: S608 - FIELDS is a constant
            "WHERE to_tsvector('simple', e.text) @@ to_tsquery('simple', %s) AND e.kind = %s "
            "ORDER BY ts_rank(to_tsvector('simple', e.text), to_tsquery('simple', %s)) DESC LIMIT %s"
        )
        params = [expression, kind, expression, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
