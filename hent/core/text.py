"""Small text helpers shared by every domain."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean_input(value, max_length=200):
    """User-typed text made safe to store or query: NFC, no control characters, single spaces, bounded length."""
    value = unicodedata.normalize("NFC", value or "")[: max_length * 4]
    value = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else c for c in value)
    return _SPACES.sub(" ", value).strip()[:max_length]
