"""Maps drawn on the server as SVG, with nothing fetched from elsewhere: the Region's communes as a
silhouette of dots, and points placed on it (establishments, the chosen commune)."""

import math
from dataclasses import dataclass
from functools import lru_cache

WIDTH = 1000


@dataclass
class Point:
    x: float
    y: float
    label: str = ""
    url: str = ""


class Projection:
    """Equirectangular projection of the Region's bounding box, corrected for latitude."""

    def __init__(self, coordinates):
        lats = [lat for lat, _ in coordinates]
        lons = [lon for _, lon in coordinates]
        self.lat0, self.lat1 = min(lats), max(lats)
        self.lon0, self.lon1 = min(lons), max(lons)
        self.k = math.cos(math.radians((self.lat0 + self.lat1) / 2))
        span_x = (self.lon1 - self.lon0) * self.k or 1
        self.scale = (WIDTH - 20) / span_x
        self.height = round((self.lat1 - self.lat0) * self.scale) + 20

    def __call__(self, lat, lon):
        return round(10 + (lon - self.lon0) * self.k * self.scale, 1), round(10 + (self.lat1 - lat) * self.scale, 1)

    def contains(self, lat, lon, margin=0.2):
        return self.lat0 - margin <= lat <= self.lat1 + margin and self.lon0 - margin <= lon <= self.lon1 + margin


@lru_cache(maxsize=2)
def _base(key):
    from hent.territories import services

    coordinates = [(c.latitude, c.longitude) for c in services.communes() if c.latitude is not None]
    if not coordinates:
        return None, []
    projection = Projection(coordinates)
    return projection, [projection(lat, lon) for lat, lon in coordinates]


def region_map(items, origin=None):
    """(projection height, commune dots, points, origin point) for the template, or None without geography.

    ``items`` are (label, url, latitude, longitude); those outside the Region are left out.
    """
    from hent.territories import services

    projection, dots = _base(services.communes().count())
    if projection is None:
        return None
    points = [
        Point(*projection(lat, lon), label=label, url=url)
        for label, url, lat, lon in items
        if lat is not None and projection.contains(lat, lon)
    ]
    here = None
    if origin is not None and origin.latitude is not None:
        here = Point(*projection(origin.latitude, origin.longitude), label=origin.name)
    return {"width": WIDTH, "height": projection.height, "dots": dots, "points": points, "origin": here}
