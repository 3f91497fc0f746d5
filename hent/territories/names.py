"""How place names are compared: one key for the stored names and for what people type.

"Saint-Malo", "SAINT MALO", "st malo" and "St-Malo" all become "saint malo";
"Pont-l'Abbé" becomes "pont l abbe". Keys hold only a-z, 0-9 and single spaces,
so they are safe in any SQL LIKE pattern and identical on SQLite and PostgreSQL.
"""

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NON_KEY = re.compile(r"[^a-z0-9]+")
# Abbreviations people (and La Poste) write for the words that start so many place names.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def fold(text):
    """Lower case, no accents, no punctuation, single spaces: "Île-de-Bréhat" -> "ile de brehat"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_KEY.sub(" ", text).strip()


def name_key(text):
    """The comparison key of a place name: folded, with "st"/"ste" spelt out."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in fold(text).split())


# INSEE codes of the regions (2016 map), by folded name, as publishers write them ("BRETAGNE", "Ile-de-France").
REGIONS = {
    "ile de france": "11",
    "centre val de loire": "24",
    "centre": "24",
    "bourgogne franche comte": "27",
    "normandie": "28",
    "hauts de france": "32",
    "grand est": "44",
    "pays de la loire": "52",
    "bretagne": "53",
    "nouvelle aquitaine": "75",
    "occitanie": "76",
    "auvergne rhone alpes": "84",
    "provence alpes cote d azur": "93",
    "corse": "94",
    "guadeloupe": "01",
    "martinique": "02",
    "guyane": "03",
    "la reunion": "04",
    "reunion": "04",
    "mayotte": "06",
}
REGION_CODES = frozenset(REGIONS.values())


def region_code_of(name):
    """The INSEE code of a region given by name, or None."""
    return REGIONS.get(fold(name))
