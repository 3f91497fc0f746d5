"""Reader of a reduced, third-party copy of the Parcoursup list of programmes (6 columns, CSV ',').

The copy (accents stripped, separators replaced by spaces, no session year) is the only geolocated
list of post-bac programmes at hand; the dataset description says it is unofficial, so that the
site uses it only where nothing better exists.
"""

import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table, check_lengths, dataset_meta
from hent.territories.names import fold
from hent.trainings.importers.common import check_uai
from hent.trainings.models import ParcoursupEntry

STATUS = "Statut de l’etablissement de la filiere de formation (public, prive…)"
UAI_COLUMN = "Code UAI de l etablissement"
NAME = "etablissement"
REGION = "Region de l’etablissement"
PROGRAMME = "Filiere de formation"
GPS = "Coordonnées GPS de la formation"
GPS_FORMAT = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*")

DESCRIPTION = (
    "Copie réduite et modifiée par un tiers de la liste des formations de Parcoursup (ministère de "
    "l'Enseignement supérieur) : accents supprimés, séparateurs remplacés par des espaces, la plupart "
    "des colonnes retirées, année de session inconnue. Source non officielle, utilisée seulement à "
    "défaut d'une meilleure."
)


def position(table, line, value):
    """ "47.4629, -0.54627" -> (47.4629, -0.54627); empty -> (None, None)."""
    if not value.strip():
        return None, None
    match = GPS_FORMAT.fullmatch(value)
    if not match:
        table.fail(line, f"{GPS}: {value!r} is not 'latitude, longitude'")
    lat, lon = float(match[1]), float(match[2])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        table.fail(line, f"{GPS}: {value!r} is out of range")
    return lat, lon


class ParcoursupImporter(Importer):
    dataset_slug = "parcoursup-copie-non-officielle"

    def parse(self, source):
        table = source.read_csv("fr-esr-parcoursup*.csv", [STATUS, UAI_COLUMN, NAME, REGION, PROGRAMME, GPS])
        rows = {}
        repeated = 0
        for line, r in table:
            uai = check_uai(table, line, r[UAI_COLUMN])
            programme = r[PROGRAMME].strip()
            name = r[NAME].strip()
            if not programme or not name:
                table.fail(line, f"empty {'programme' if not programme else 'establishment name'}")
            status = r[STATUS].strip()
            folded = fold(status)
            if folded.startswith("public"):
                sector = "public"
            elif folded.startswith("prive"):
                sector = "privé"
            else:
                table.fail(line, f"unknown status {status!r} (expected Public… or Prive…)")
            lat, lon = position(table, line, r[GPS])
            key = (uai, programme)
            if key in rows:
                repeated += 1
                entry = rows[key]
                entry["occurrences"] += 1
                known = [[entry["latitude"], entry["longitude"]], *entry["other_positions"]]
                if lat is not None and entry["latitude"] is None:
                    entry.update(latitude=lat, longitude=lon)
                elif lat is not None and [lat, lon] not in known:
                    entry["other_positions"].append([lat, lon])
                continue
            row = {
                "uai": uai,
                "programme": programme,
                "establishment_name": name,
                "status": status,
                "sector": sector,
                "region": r[REGION].strip(),
                "latitude": lat,
                "longitude": lon,
                "other_positions": [],
                "occurrences": 1,
            }
            check_lengths(ParcoursupEntry, row, lambda message, line=line: table.fail(line, message))
            del row["uai"], row["programme"]
            rows[key] = row
        if repeated:
            self.warnings.append(
                f"{table.name}: {repeated} row(s) repeat a (UAI, filière) pair already seen: merged, "
                "counted in 'occurrences', their other positions kept"
            )
        meta = dataset_meta(
            source,
            name="Formations Parcoursup (copie non officielle)",
            publisher="Ministère de l'Enseignement supérieur (Parcoursup), copie modifiée par un tiers",
            version="session inconnue",
            description=DESCRIPTION,
            licence=(LICENCE_NOT_VERIFIED, ""),  # a copy modified by a third party: its licence cannot be assumed
        )
        return meta, [Table(ParcoursupEntry, ("uai", "programme"), rows, label="Parcoursup programmes")]
