#!/usr/bin/env python
"""Server time to render every ROME occupation page, every territory page and the pages that help decide
(discovery by each centre d'intérêt, with and without filters, and by three of them at a time; the
questionnaire's results for every two-letter RIASEC profile; career-change results for every 10th fiche with
its first 10 skills ticked), each kind on its own line with the size of its HTML, on SQLite and PostgreSQL.

Each backend gets a fresh database with all the open data imported (as `make run` does); the
pages are then requested in-process through Django's full request handling (middleware, view,
template), which is the server's share of a page load. Baseline, measured in the same run and
process: a static page (/accessibilite/) with the same layout.

Usage: python bench/pages.py [--backends sqlite,postgres] [--rounds 2]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, manage, percentile, require_rome, temporary_database


def measure(rounds):
    """Runs inside a child process whose DATABASE_URL points at an imported database."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["testserver"]
    from hent.careers import services as careers
    from hent.occupations.models import Occupation

    careers.warm_up().join()  # as the server does when it starts (config.asgi)
    client = Client()
    codes = list(Occupation.objects.values_list("code", flat=True))
    for code in codes[:50]:  # warm-up: connections, template cache
        client.get(f"/metiers/{code}/")

    sizes = {}  # URL -> KiB of HTML (before compression)

    def timed(url):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        sizes[url] = len(response.content) / 1024
        return elapsed

    from hent.territories import services as territories

    places = ["/territoires/"] + [f"/territoires/departement/{d.code}/" for d in territories.departments()]
    places += [f"/territoires/bassin/{b.code}/" for b in territories.bmo_basins()]
    places += [f"/territoires/epci/{e.siren}/" for e in territories.epcis()]
    deciding = deciding_pages(codes)
    pages, territory_pages, baseline = [], [], []
    deciding_times = {kind: [] for kind in deciding}
    for _ in range(rounds):
        for code in codes:
            pages.append(timed(f"/metiers/{code}/"))
            baseline.append(timed("/accessibilite/"))
        territory_pages += [timed(url) for url in places]
        for kind, urls in deciding.items():
            deciding_times[kind] += [timed(url) for url in urls]
    deciding_sizes = {kind: [sizes[url] for url in urls] for kind, urls in deciding.items()}
    print(json.dumps({"n": len(codes), "pages": pages, "baseline": baseline, "territories": territory_pages,
                      "n_territories": len(places), "deciding": deciding_times,
                      "deciding_sizes": deciding_sizes}))  # fmt: skip


def deciding_pages(codes):
    """{kind: [URL]} of the discovery and career-change pages to time."""
    from urllib.parse import urlencode

    from hent.careers import services as careers
    from hent.occupations.models import CentreInteret

    centres = list(CentreInteret.objects.values_list("code", flat=True))
    interests = [f"/decouvrir/envies/?envie={c}" for c in centres]
    interests += [f"/decouvrir/envies/?envie={c}&niveau=4&recrute=on" for c in centres]
    several = [
        "/decouvrir/envies/?" + urlencode([("envie", c) for c in centres[i : i + 3]]) for i in range(len(centres) - 2)
    ]
    letters = "RIASEC"
    profiles = [f"/decouvrir/questionnaire/resultats/?profil={a}{b}" for a in letters for b in letters if a != b]
    model = careers.model()
    changes = []
    for code in codes[::10]:
        skills = sorted(model.skills_of(code))[:10]
        changes.append(f"/changer-de-metier/{code}/metiers/?" + urlencode([("c", s) for s in skills]))
    return {
        "discovery by one envie": interests,
        "discovery by 3 envies": several,
        "questionnaire results": profiles,
        "career-change results": changes,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return measure(args.rounds)
    require_rome()
    print(f"Occupation pages, server time per request (ms), {args.rounds} rounds; baseline = static page")
    for backend in args.backends.split(","):
        with temporary_database(backend) as url:
            manage(url, "migrate", "--noinput")
            manage(url, "import_opendata")
            env = dict(os.environ, DATABASE_URL=url, HENT_SECURE="0")
            out = subprocess.run(
                [sys.executable, __file__, "--child", "--rounds", str(args.rounds)],
                env=env, check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
        data = json.loads(out.strip().splitlines()[-1])
        pages, base = data["pages"], data["baseline"]
        med, p95 = statistics.median(pages), percentile(pages, 95)
        base_med, base_p95 = statistics.median(base), percentile(base, 95)
        terr = data["territories"]
        print(
            f"{backend:9s} {data['n']} occupation pages: median {med:5.1f}  p95 {p95:5.1f}  max {max(pages):6.1f}"
            f"  | baseline: median {base_med:4.1f}  p95 {base_p95:4.1f}"
        )
        print(
            f"{backend:9s} {data['n_territories']} territory pages: median {statistics.median(terr):5.1f}"
            f"  p95 {percentile(terr, 95):5.1f}  max {max(terr):6.1f}"
        )
        for kind, times in data["deciding"].items():
            kib = data["deciding_sizes"][kind]
            print(
                f"{backend:9s} {len(times)} {kind} pages: median {statistics.median(times):5.1f}"
                f"  p95 {percentile(times, 95):5.1f}  max {max(times):6.1f}"
                f"  | HTML median {statistics.median(kib):.0f} KiB, max {max(kib):.0f} KiB"
            )


if __name__ == "__main__":
    main()
