#!/usr/bin/env python
"""Cold import and re-import time of the real ROME 4.0 files, on SQLite and PostgreSQL.

Baseline, measured in the same run: the time to merely parse every CSV file with
Python's csv module (what any importer must at least spend).

Usage: python bench/import_rome.py [--backends sqlite,postgres]
"""

import argparse
import csv
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROME, manage, require_rome, temporary_database


def parse_only():
    started = time.perf_counter()
    rows = 0
    for path in ROME.glob("unix_*.csv"):
        text = path.read_bytes().decode("utf-8", errors="replace")
        rows += sum(1 for _ in csv.reader(io.StringIO(text, newline="")))
    return time.perf_counter() - started, rows


def timed_import(url):
    started = time.perf_counter()
    out = manage(url, "import_rome", str(ROME)).stdout
    return time.perf_counter() - started, out.strip().splitlines()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    require_rome()
    baseline = statistics.median(parse_only()[0] for _ in range(3))
    print(f"ROME files: {ROME}")
    print(f"baseline: parse every CSV with the csv module: {baseline:.2f} s")
    for backend in args.backends.split(","):
        with temporary_database(backend) as url:
            manage(url, "migrate", "--noinput")
            cold, out = timed_import(url)
            again, out2 = timed_import(url)
        total = next(line for line in out if "total:" in line).strip()
        total2 = next(line for line in out2 if "total:" in line).strip()
        print(f"{backend:9s} cold import: {cold:6.1f} s ({total})  [{cold / baseline:.1f}x baseline]")
        print(f"{backend:9s} re-import:   {again:6.1f} s ({total2})  [{again / baseline:.1f}x baseline]")


if __name__ == "__main__":
    main()
