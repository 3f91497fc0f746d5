"""Where the open data is, and which importer reads which folder."""

import os
from pathlib import Path

from django.conf import settings

DEMO_DIR = settings.BASE_DIR / "demo"

# (import command, glob of the folder or archive under the open-data root), in import order.
SOURCES = [
    ("import_rome", "rome-4.0-*"),
]


def opendata_root():
    """HENT_OPENDATA, else ./var/opendata, else ../shared/data; None when none exists."""
    candidates = [os.environ.get("HENT_OPENDATA") or settings.HENT_OPENDATA, settings.VAR_DIR / "opendata"]
    candidates.append(settings.BASE_DIR.parent / "shared" / "data")
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def locate(root, pattern):
    matches = sorted(Path(root).glob(pattern))
    return matches[-1] if matches else None
