"""Shared helpers of the benchmarks: throwaway databases and the open-data path."""

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OPENDATA = Path(os.environ.get("HENT_OPENDATA") or REPO.parent / "shared" / "data")
ROME = OPENDATA / "rome-4.0-v460"
PG_SERVER = os.environ.get("PG_BENCH_URL", "postgres://postgres@127.0.0.1:5432")


@contextlib.contextmanager
def temporary_database(backend):
    """Yields a DATABASE_URL for an empty database of the given backend, removed afterwards."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.sqlite3"
        return
    import psycopg

    name = f"hent_bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_url, *args, capture=True):
    env = dict(os.environ, DATABASE_URL=database_url, HENT_SECURE="0")
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args], env=env, check=True, capture_output=capture, text=True
    )


def require_rome():
    if not ROME.exists():
        sys.exit(f"ROME open data not found at {ROME}: set HENT_OPENDATA")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * (len(values) - 1) + 0.5))]
