"""Where the open data is, and which importer reads which folder."""

import os
from pathlib import Path

from django.conf import settings

DEMO_DIR = settings.BASE_DIR / "demo"

# (import command, glob of the publisher's folder or archive), in import order.
SOURCES = [
    ("import_rome", "rome-4.0-*"),
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
