#!/usr/bin/env python
"""Server-side time of the occupation search API over the dev queries, on SQLite and PostgreSQL,
next to the plain-FTS5 baseline of ../shared/bench/search_eval.py measured in the same run.

Each backend gets a fresh database with the real ROME imported (which builds the search index);
every query of the dev set is then sent through Django's full request handling in-process
(middleware, view, JSON), several rounds, after a warm-up round.

Usage: python bench/search.py [--backends sqlite,postgres] [--rounds 5] [--queries FILE]
"""

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, ROME, manage, percentile, require_rome, temporary_database

DEV = REPO.parent / "shared" / "bench" / "search_dev.tsv"


def read_queries(path):
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t")[0])
    return rows


def fts5_baseline(queries, rounds):
    """The shared evaluation's FTS5 engine (in-memory SQLite over the appellations), timed per query."""
    spec = importlib.util.spec_from_file_location("search_eval", REPO.parent / "shared" / "bench" / "search_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    engine = module.FTS5()
    times = []
    for round_ in range(rounds + 1):
        for q in queries:
            started = time.perf_counter()
            engine(q)
            if round_:
                times.append((time.perf_counter() - started) * 1000)
    return times


def measure(queries, rounds):
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = False
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    times = []
    for round_ in range(rounds + 1):
        for q in queries:
            started = time.perf_counter()
            response = client.get("/api/v1/occupations/search", {"q": q, "limit": 10})
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (q, response.status_code)
            if round_:  # round 0 warms caches up
                times.append(elapsed)
    print(json.dumps(times))


def summary(times):
    return f"median {statistics.median(times):5.2f}  p95 {percentile(times, 95):5.2f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--queries", default=str(DEV))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    queries = read_queries(args.queries)
    if args.child:
        return measure(queries, args.rounds)
    require_rome()
    base = fts5_baseline(queries, args.rounds)
    print(f"{len(queries)} queries x {args.rounds} rounds, server-side ms per query")
    print(f"{'baseline':9s} FTS5 over appellations: {summary(base)}")
    for backend in args.backends.split(","):
        with temporary_database(backend) as url:
            manage(url, "migrate", "--noinput")
            manage(url, "import_rome", str(ROME))
            env = dict(os.environ, DATABASE_URL=url, HENT_SECURE="0")
            out = subprocess.run(
                [sys.executable, __file__, "--child", "--rounds", str(args.rounds), "--queries", args.queries],
                env=env, check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
        times = json.loads(out.strip().splitlines()[-1])
        print(f"{backend:9s} Hent search API:        {summary(times)}  max {max(times):6.1f}")


if __name__ == "__main__":
    main()
