"""Territories: finding a commune from what people type, distances, the place of the visit.

Callable without HTTP (except the session helpers, which take the request);
other domains use these functions rather than the tables.
"""

import math
import re

from django.conf import settings
from django.db.models import Q

from hent.core import datasets
from hent.core.text import clean_input
from hent.territories.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region
from hent.territories.names import fold, name_key

SESSION_KEY = "hent_place"
EARTH_RADIUS_KM = 6371.0
MAX_LIMIT = 50
_POSTCODE_PREFIX = re.compile(r"[0-9]{1,5}")


# -- the Region and its areas -----------------------------------------------------


def region_code():
    return getattr(settings, "HENT_REGION_CODE", "53")


def region():
    """The Region this site serves (None before the geography is imported)."""
    return Region.objects.filter(code=region_code()).first()


def region_name():
    r = region()
    return r.name if r else getattr(settings, "HENT_REGION_NAME", "")


def departments():
    return Department.objects.filter(region=region_code())


def communes():
    return Commune.objects.filter(department__region=region_code()).select_related("department")


def epcis():
    """EPCI with at least one commune in the Region (an EPCI may spill over a regional border)."""
    return Epci.objects.filter(communes__department__region=region_code()).distinct()


def employment_zones():
    return EmploymentZone.objects.filter(communes__department__region=region_code()).distinct()


def bmo_basins():
    return BmoBasin.objects.filter(communes__department__region=region_code()).distinct()


def geo_dataset():
    return datasets.dataset("geo")


# -- finding a place ---------------------------------------------------------------


def find_places(text, limit=10):
    """Communes matching what someone typed: a postcode (or its first digits), a name, or both.

    Names match whatever the case, accents, hyphens or "st"/"saint", at the start of
    the name or of one of its words ("malo" finds Saint-Malo), then the names of
    former communes and localities (Tréboul -> Douarnenez). Order: exact matches,
    then prefixes of the name, then of a word, then other names; each by
    population, largest first. Any text is accepted; unusable text finds nothing.
    """
    limit = max(1, min(int(limit), MAX_LIMIT))
    text = clean_input(text, max_length=100)
    digits = "".join(_POSTCODE_PREFIX.findall(text))
    words = fold(re.sub(r"[0-9]", " ", text))
    if len(digits) > 5 or (not digits and not words):
        return []
    base = Commune.objects.select_related("department").order_by("-population", "name", "insee")
    if digits:
        base = base.filter(Q(postcodes__startswith=digits) | Q(postcodes__contains=" " + digits))
    if not words:
        return _ranked_by_postcode(base, digits, limit)
    keys = {name_key(words), words}  # "st" spelt out, and as typed (a name may really start with "St")
    stages = [
        _any(keys, lambda k: Q(search_name=k)),
        _any(keys, lambda k: Q(search_name__startswith=k)),
        _any(keys, lambda k: Q(search_name__contains=" " + k)),
        _any(keys, lambda k: Q(search_other__contains="|" + k) | Q(search_other__contains=" " + k)),
    ]
    found = {}
    for rank, condition in enumerate(stages):
        for commune in base.filter(condition).exclude(insee__in=list(found))[: limit - len(found)]:
            commune.match = ("exact", "name", "word", "other")[rank]
            found[commune.insee] = commune
        if len(found) >= limit:
            break
    return list(found.values())


def _any(keys, condition):
    q = Q()
    for key in keys:
        q |= condition(key)
    return q


def _ranked_by_postcode(queryset, digits, limit):
    """Communes whose main postcode is the one typed first, then any of whose postcodes it is, then prefixes."""
    candidates = list(queryset[:200]) if len(digits) == 5 else list(queryset[:limit])

    def rank(c):
        return (c.postcode != digits, digits not in c.postcode_list)

    results = sorted(candidates, key=rank)[:limit]
    for c in results:
        c.match = "exact" if digits in c.postcode_list else "postcode"
    return results


def resolve_place(text):
    """The single best commune for the text (the first of find_places), or None."""
    found = find_places(text, limit=1)
    return found[0] if found else None


def unambiguous_place(places):
    """The commune the results designate without doubt: the only one, or the only exact match."""
    exact = [p for p in places if getattr(p, "match", "") == "exact"]
    if len(places) == 1:
        return places[0]
    return exact[0] if len(exact) == 1 else None


def commune(insee):
    return Commune.objects.select_related("department").filter(insee=str(insee)[:5]).first()


# -- distances ---------------------------------------------------------------------


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (haversine formula)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _point(obj):
    lat, lon = getattr(obj, "latitude", None), getattr(obj, "longitude", None)
    return (lat, lon) if lat is not None and lon is not None else None


def by_distance(items, origin, key=None):
    """[(item, km)] nearest first from origin (a commune, or anything with latitude and longitude).

    ``key`` gives the object holding an item's coordinates (e.g. ``lambda t: t.commune``);
    items without coordinates (or all, if the origin has none) come last with km None,
    in their original order.
    """
    start = _point(origin)
    placed, unplaced = [], []
    for item in items:
        point = _point(key(item) if key else item)
        if start and point:
            placed.append((item, distance_km(*start, *point)))
        else:
            unplaced.append((item, None))
    placed.sort(key=lambda pair: pair[1])
    return placed + unplaced


# -- the place of the visit (session, no account) --------------------------------------


def remember_place(request, commune):
    """Remember the commune for the visit: only its INSEE code goes into the session."""
    request.session[SESSION_KEY] = commune.insee


def forget_place(request):
    request.session.pop(SESSION_KEY, None)


def current_place(request):
    """The commune chosen during this visit, or None (also when it no longer exists)."""
    session = getattr(request, "session", None)
    code = session.get(SESSION_KEY) if session is not None else None
    if not code:
        return None
    place = commune(code)
    if place is None:
        forget_place(request)
    return place
