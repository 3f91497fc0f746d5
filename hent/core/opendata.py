"""Where the open data is, which importer reads which folder, and whether any of it changed since the last import."""

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from hent.core.models import ImportFingerprint

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


# -- has anything changed since the last complete import? ------------------------------------------------------------

FINGERPRINT = "import_opendata"
CODE_DIR = settings.BASE_DIR / "hent"


def _files(path):
    """[(name, file)] of a folder's files (names relative to it), or of a single file (an archive)."""
    path = Path(path)
    if not path.is_dir():
        return [(path.name, path)]
    return sorted((str(p.relative_to(path)), p) for p in path.rglob("*") if p.is_file())


def fingerprint(found):
    """A digest of what ``found`` ([(import command, path)]) would import: each command and the content of every
    file it reads, then the project's Python code (an importer, a migration or a derived table may have changed).
    Names and contents, not places or dates: the same files copied elsewhere give the same digest."""
    digest = hashlib.sha256()
    for command, path in found:
        digest.update(f"{command}\0{Path(path).name}\0".encode())
        for name, file in _files(path):
            digest.update(f"{name}\0".encode())
            with file.open("rb") as f:
                for block in iter(lambda f=f: f.read(1 << 20), b""):
                    digest.update(block)
    for file in sorted(CODE_DIR.rglob("*.py")):
        digest.update(f"{file.relative_to(CODE_DIR)}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def last_import(digest):
    """When the last complete import of exactly this digest ended, or None."""
    row = ImportFingerprint.objects.filter(name=FINGERPRINT, digest=digest).first()
    return row.recorded_at if row else None


def forget_last_import():
    """Before importing: a run that stops half-way must not leave the previous digest claiming all is imported."""
    ImportFingerprint.objects.filter(name=FINGERPRINT).delete()


def record_import(digest):
    ImportFingerprint.objects.update_or_create(
        name=FINGERPRINT, defaults={"digest": digest, "recorded_at": timezone.now()}
    )
