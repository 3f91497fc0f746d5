"""Where the open data is, and which importer reads which folder."""

import os
from pathlib import Path

from django.conf import settings

DEMO_DIR = settings.BASE_DIR / "demo"

# (import command, glob of the publisher's folder or archive), in import order.
SOURCES = [
    ("import_rome", "rome-4.0-*"),
    ("import_geo", "geo/communes-*"),
    ("import_bcn", "certifications/bcn-nomenclatures"),
    ("import_certifinfo", "certifications/certifinfo"),
    ("import_rncp", "certifications/rncp-*"),
    ("import_kit_apprentissage", "certifications/kit-apprentissage-*"),
    ("import_onisep_formations", "onisep/fiches-formations"),
    ("import_onisep_metiers", "onisep/fiches-metiers"),
    ("import_onisep_lycees", "onisep/lycees-gt-enseignements"),
    ("import_annuaire", "establishments/annuaire-education-*"),
    ("import_parcoursup", "establishments/parcoursup-*"),
    ("import_inserjeunes_regions", "inserjeunes/region-formation"),
    ("import_inserjeunes_etablissements", "inserjeunes/etablissements-depp"),
    ("import_inserjeunes_cfa", "inserjeunes/cfa"),
    ("import_lheo", "lheo"),
    ("import_fap2021", "labour/fap2021-*"),
    ("import_bmo", "labour/bmo-2024"),
    ("import_bmo", "labour/bmo-2025"),
    ("import_dares_portraits", "labour/dares-portraits-*"),
    ("import_dares_salaries", "labour/salaires"),
    ("import_metiers_2030", "labour/dares-metiers-2030-*"),
    ("import_shortage_list", "labour/liste-metiers-en-tension-*"),
    ("import_rome_fap2009", "labour/rome-fap2009-*"),
    ("import_rome_naf", "labour/rome-naf-*"),
    ("import_tension_bassin", "labour/francetravail-tension-*"),
    ("import_structures", "structures/orientation-*"),
]


def roots():
    """Folders that may hold open data, in order: HENT_OPENDATA, ./var/opendata, ../shared/data."""
    candidates = [
        os.environ.get("HENT_OPENDATA"),
        settings.VAR_DIR / "opendata",
        settings.BASE_DIR.parent / "shared" / "data",
    ]
    return [Path(c) for c in candidates if c and Path(c).is_dir()]


def locate(pattern):
    """The newest folder or archive matching pattern in the first root that has one, else the demo data.

    Returns (path, is_demo), or (None, False) when even the demo dataset lacks it.
    """
    for root in roots():
        matches = sorted(root.glob(pattern))
        if matches:
            return matches[-1], False
    demo = sorted(DEMO_DIR.glob(pattern))
    return (demo[-1], True) if demo else (None, False)
