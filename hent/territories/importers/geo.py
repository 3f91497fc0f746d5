"""Reader of the national geography tables, keeping the communes of one or more Regions.

The folder (or zip) holds the publishers' national tables; each is found by the
pattern of its name, anywhere in the folder (other files are ignored):

=============  ======================================  ==========================================
table          file name pattern                       publisher, content
=============  ======================================  ==========================================
communes       ``*cog20??_communes.csv``               INSEE COG: COM, COMD, COMA, ARM rows
departments    ``departements*.csv``                   INSEE COG (compiled): code, region, name
regions        ``regions*.csv``                        INSEE COG (compiled): code, name
epci           ``*epcicom20??*.csv``                   DGCL: one row per member commune
zones          ``*zones_emploi_2020*.csv``             INSEE zones d'emploi 2020 (BOM)
bmo            ``*bassins_bmo*.csv``                   France Travail: commune -> bassin BMO
points         ``*geopoint*.csv``                      geo-points (``;``, index column)
postcodes      ``*codes_postaux*.csv``                 La Poste: several rows per commune
cog_extra      ``*latlng_population*.csv`` (optional)  lat/lng, population, postcode (COG 2024)
=============  ======================================  ==========================================

Quirks handled: communes nouvelles (a commune missing from a table of an older
year inherits the value its former communes, kept by the COG as COMD/COMA rows,
agree on; their names stay searchable), arrondissements municipaux (ARM rows are
not communes), communes in no EPCI (islands), blank trailing rows, codes whose
leading zero was lost, and the two look-alike nomenclatures (zones d'emploi and
bassins BMO), kept apart.
"""

import datetime
import re
from collections import defaultdict

from django.conf import settings

from hent.core.importing import ETALAB, ETALAB_URL, Importer, ImportFailed, Table
from hent.territories import models as m
from hent.territories.names import name_key

FILES = {
    "communes": "*cog20[0-9][0-9]_communes.csv",
    "departments": "departements*.csv",
    "regions": "regions*.csv",
    "epci": "*epcicom20[0-9][0-9]*.csv",
    "zones": "*zones_emploi_2020*.csv",
    "bmo": "*bassins_bmo*.csv",
    "points": "*geopoint*.csv",
    "postcodes": "*codes_postaux*.csv",
    "cog_extra": "*latlng_population*.csv",
}
INSEE_CODE = re.compile(r"\d[\dAB]\d{3}")
REGION_CODE = re.compile(r"\d{2}")
POSTCODE = re.compile(r"\d{5}")
# DGCL's "pmun_2025" is the population municipale in force in 2025, i.e. the census millésime 2022.
POPULATION_LAG = 3


def region_codes(value=None):
    """The Region codes to import: "53", "53,52" or a list; by default settings.HENT_REGION_CODE (else 53)."""
    if value is None:
        value = getattr(settings, "HENT_REGION_CODE", "53")
    codes = value.split(",") if isinstance(value, str) else list(value)
    codes = [c.strip() for c in codes if c.strip()]
    if not codes:
        raise ImportFailed("no region code given")
    for code in codes:
        if not REGION_CODE.fullmatch(code):
            raise ImportFailed(f"invalid region code {code!r} (two digits, e.g. 53)")
    return sorted(set(codes))


def commune_code(value):
    """An INSEE commune code, with the leading zero some files lose ("1001" -> "01001")."""
    value = value.strip()
    return value.zfill(5) if value.isdigit() and len(value) == 4 else value


def main_postcode(rows, name, seat_name):
    """The commune's main postcode among La Poste's rows for it, in file order.

    La Poste lists the commune itself (Intitule = commune name, no Ligne_5),
    then its localities and former communes, then special (CEDEX-like) codes.
    In order of preference: the commune's own row; the row of the chef-lieu of a
    commune nouvelle; a locality that starts the commune's name (PLUMELIAU for
    PLUMELIAU BIEUZY); the first row.
    """
    key = name_key(name)
    for r in rows:
        if not r["Ligne_5"] and name_key(r["Intitule"]) == name_key(r["Nom_de_la_commune"]):
            return r["Code_postal"]
    localities = [(name_key(r["Ligne_5"] or r["Intitule"]), r["Code_postal"]) for r in rows]
    if seat_name:
        for locality, postcode in localities:
            if locality == name_key(seat_name):
                return postcode
    for locality, postcode in localities:
        if locality and key.startswith(locality + " "):
            return postcode
    return rows[0]["Code_postal"]


def spelt_as(text, name):
    """The start of a place name that reads as text: ("CARHAIX", "Carhaix-Plouguer") -> "Carhaix", else None."""
    key = name_key(text)
    if not key or not name_key(name).startswith(key):
        return None
    for end in range(1, len(name) + 1):
        if (end == len(name) or not name[end].isalnum()) and name_key(name[:end]) == key:
            return name[:end]
    return None


class GeoImporter(Importer):
    dataset_slug = "geo"

    def __init__(self, path, regions=None):
        super().__init__(path)
        self.region_codes = region_codes(regions)

    def parse(self, source):
        self.source, self.files = source, {}
        regions = self._regions()
        departments = self._departments(regions)
        communes = self._communes(departments)
        self._epci()
        self._zones()
        self._bmo()
        self._points()
        self._postcodes()
        self._cog_extra()
        rows = {code: self._commune_row(code, c) for code, c in sorted(communes.items())}
        self._missing_report(rows)

        wanted = set(self.region_codes)
        used_epci = {r["epci_id"] for r in rows.values()} - {None}
        used_zones = {r["employment_zone_id"] for r in rows.values()} - {None}
        used_basins = {r["bmo_basin_id"] for r in rows.values()} - {None}
        tables = [
            Table(m.Region, ("code",), {(c,): {"name": regions[c][0]} for c in wanted}, label="regions"),
            Table(
                m.Department,
                ("code",),
                {(c,): {"name": d[0], "region_id": d[1]} for c, d in departments.items() if d[1] in wanted},
                label="departments",
            ),
            Table(m.Epci, ("siren",), {(s,): self.epcis[s] for s in used_epci}, label="EPCI"),
            Table(m.EmploymentZone, ("code",), {(z,): self.zones[z] for z in used_zones}, label="zones d'emploi"),
            Table(m.BmoBasin, ("code",), self._basin_rows(used_basins, rows), label="bassins BMO"),
            Table(m.Commune, ("insee",), {(code,): row for code, row in rows.items()}, label="communes"),
        ]
        return self._meta(regions), tables

    # -- reading -----------------------------------------------------------------

    def _csv(self, key, columns, delimiter=",", required=True):
        return self.source.read_csv(FILES[key], columns, delimiter, required=required)

    @staticmethod
    def _rows(table):
        """(line, row) with values stripped, skipping rows whose every field is empty (",,,,")."""
        for line, r in table:
            r = {k: v.strip() for k, v in r.items()}
            if any(r.values()):
                yield line, r

    def _regions(self):
        f = self._csv("regions", ["insee_reg", "region"])
        regions = {}
        for line, r in self._rows(f):
            code = r["insee_reg"]
            if code in regions:
                f.fail(line, f"duplicate region {code!r}")
            regions[code] = (r["region"], line)
        for code in self.region_codes:
            if code not in regions:
                raise ImportFailed(f"unknown region {code!r}", file=f.name)
        return regions

    def _departments(self, regions):
        f = self._csv("departments", ["insee_dep", "insee_reg", "departement"])
        departments = {}
        for line, r in self._rows(f):
            code, region = r["insee_dep"], r["insee_reg"]
            if code in departments:
                f.fail(line, f"duplicate department {code!r}")
            if region not in regions:
                f.fail(line, f"unknown region {region!r}")
            departments[code] = (r["departement"], region)
        return departments

    def _communes(self, departments):
        f = self._csv("communes", ["TYPECOM", "COM", "REG", "DEP", "LIBELLE", "COMPARENT"])
        year = re.search(r"cog(\d{4})", f.name.lower())
        self.cog_year = int(year.group(1)) if year else None
        wanted = set(self.region_codes)
        communes, seen = {}, set()
        self.children = defaultdict(list)  # commune -> [(code, name)] of its former communes / arrondissements
        for line, r in self._rows(f):
            kind, code = r["TYPECOM"], r["COM"]
            if not INSEE_CODE.fullmatch(code):
                f.fail(line, f"invalid commune code {code!r}")
            if kind in ("COMD", "COMA", "ARM"):
                self.children[r["COMPARENT"]].append((code, r["LIBELLE"]))
                continue
            if kind != "COM":
                f.fail(line, f"unknown TYPECOM {kind!r}")
            if code in seen:
                f.fail(line, f"duplicate commune {code!r}")
            seen.add(code)
            department = departments.get(r["DEP"])
            if department is None:
                f.fail(line, f"unknown department {r['DEP']!r}")
            if department[1] != r["REG"]:
                f.fail(line, f"department {r['DEP']} is in region {department[1]}, not {r['REG']!r}")
            if not r["LIBELLE"]:
                f.fail(line, f"commune {code} has no name")
            if r["REG"] in wanted:
                communes[code] = {"name": r["LIBELLE"], "department_id": r["DEP"]}
        if not communes:
            raise ImportFailed(f"no commune of region {', '.join(self.region_codes)}", file=f.name)
        # The codes whose rows the other tables must provide: the communes and their former communes.
        self.codes = set(communes) | {c for code in communes for c, _ in self.children.get(code, ())}
        self.files["communes"] = f.name
        return communes

    def _epci(self):
        f = self._csv("epci", ["siren", "raison_sociale", "nature_juridique", "insee"])
        population_columns = sorted(c for c in f.header if re.fullmatch(r"pmun_\d{4}", c))
        if not population_columns:
            f.fail(1, "missing column(s): pmun_<year>")
        column = population_columns[-1]
        self.epci_year = int(column[-4:])
        self.epcis, self.epci_of, self.population = {}, {}, {}
        for line, r in self._rows(f):
            code = commune_code(r["insee"])
            if code not in self.codes:
                continue
            siren = r["siren"]
            if not re.fullmatch(r"\d{9}", siren):
                f.fail(line, f"invalid SIREN {siren!r}")
            if code in self.epci_of:
                f.fail(line, f"commune {code} is in two EPCI ({self.epci_of[code]} and {siren})")
            self.epci_of[code] = siren
            self.epcis[siren] = {"name": r["raison_sociale"], "nature": r["nature_juridique"]}
            if r[column]:
                self.population[code] = self._int(f, line, r[column])
        self.files["epci"] = f.name

    def _zones(self):
        columns = ("codgeo", "codze2020", "libze2020")
        names, self.zone_of = self._areas("zones", columns, r"\d{4}", "zone d'emploi", "zones d'emploi")
        self.zones = {zone: {"name": name} for zone, name in names.items()}

    def _bmo(self):
        columns = ("code_commune_insee", "code_bassin_BMO", "lib_bassin_BMO")
        self.basins, self.basin_of = self._areas("bmo", columns, r"\d{3,5}", "bassin BMO", "bassins BMO")

    def _areas(self, key, columns, pattern, what, plural):
        """(label by area code, area code by commune) of a table that puts every commune in one area."""
        commune_column, area_column, label_column = columns
        f = self._csv(key, list(columns))
        labels, area_of = {}, {}
        for line, r in self._rows(f):
            code = commune_code(r[commune_column])
            if code not in self.codes:
                continue
            area = r[area_column]
            if not re.fullmatch(pattern, area):
                f.fail(line, f"invalid {what} code {area!r}")
            if area_of.get(code, area) != area:
                f.fail(line, f"commune {code} is in two {plural} ({area_of[code]} and {area})")
            area_of[code] = area
            labels.setdefault(area, r[label_column])
        self.files[key] = f.name
        return labels, area_of

    def _points(self):
        f = self._csv("points", ["Code_Officiel_Commune", "latitude", "longitude"], delimiter=";")
        years = set()
        self.points = {}
        for line, r in self._rows(f):
            code = commune_code(r["Code_Officiel_Commune"])
            if code not in self.codes:
                continue
            if code in self.points:
                f.fail(line, f"duplicate point for commune {code}")
            self.points[code] = self._coordinates(f, line, r["latitude"], r["longitude"])
            years.add(r.get("Annee", ""))
        year = max(years - {""}, default="")
        self.points_label = f"geo-points {year}".strip()
        self.files["points"] = f.name

    def _postcodes(self):
        f = self._csv("postcodes", ["Code_commune_INSEE", "Nom_de_la_commune", "Code_postal", "Intitule", "Ligne_5"])
        self.postcode_rows = defaultdict(list)
        for line, r in self._rows(f):
            code = commune_code(r["Code_commune_INSEE"])
            if code not in self.codes:
                continue
            if not POSTCODE.fullmatch(r["Code_postal"]):
                f.fail(line, f"invalid postcode {r['Code_postal']!r}")
            self.postcode_rows[code].append(r)
        self.files["postcodes"] = f.name

    def _cog_extra(self):
        """Optional compiled COG 2024 table: coordinates, population and postcode when the others lack them."""
        self.extra = {}
        f = self._csv("cog_extra", ["insee_com", "lat", "lng", "code_postal"], required=False)
        if f is None:
            return
        population_columns = sorted(c for c in f.header if re.fullmatch(r"population_\d{4}", c))
        column = population_columns[-1] if population_columns else None
        self.extra_population_year = int(column[-4:]) if column else None
        for line, r in self._rows(f):
            code = commune_code(r["insee_com"])
            if code not in self.codes:
                continue
            self.extra[code] = {
                "point": self._coordinates(f, line, r["lat"], r["lng"]) if r["lat"] and r["lng"] else None,
                "population": self._int(f, line, r[column]) if column and r[column] else None,
                "postcode": r["code_postal"] if POSTCODE.fullmatch(r["code_postal"]) else "",
            }
        self.files["cog_extra"] = f.name

    # -- one commune -------------------------------------------------------------

    def _inherit(self, code, mapping):
        """The value a table gives the commune, else the one all its former communes agree on."""
        if code in mapping:
            return mapping[code]
        values = {mapping[c] for c, _ in self.children.get(code, ()) if c in mapping}
        if len(values) > 1:
            self.warnings.append(f"commune {code}: its former communes disagree ({', '.join(sorted(values))})")
        return values.pop() if len(values) == 1 else None

    def _commune_row(self, code, commune):
        name = commune["name"]
        children = self.children.get(code, [])
        extra = self.extra.get(code, {})

        latitude = longitude = None
        source = ""
        if code in self.points:
            (latitude, longitude), source = self.points[code], self.points_label
        elif extra.get("point"):
            (latitude, longitude), source = extra["point"], f"COG 2024 ({self.files['cog_extra']})"

        population = year = None
        if code in self.population:
            population, year = self.population[code], self.epci_year - POPULATION_LAG
        elif children and all(c in self.population for c, _ in children):
            population, year = sum(self.population[c] for c, _ in children), self.epci_year - POPULATION_LAG
        elif extra.get("population") is not None:
            population, year = extra["population"], self.extra_population_year

        rows = self.postcode_rows.get(code) or [r for c, _ in children for r in self.postcode_rows.get(c, ())]
        seat = next((n for c, n in children if c == code), "")
        if rows:
            postcodes = sorted({r["Code_postal"] for r in rows})
            postcode = main_postcode(rows, name, seat)
        else:
            postcode = extra.get("postcode", "")
            postcodes = [postcode] if postcode else []

        key = name_key(name)
        others = {name_key(n) for _, n in children}
        others |= {name_key(r[k]) for r in rows for k in ("Intitule", "Ligne_5")}
        others -= {key, ""}
        return {
            **commune,
            "epci_id": self._inherit(code, self.epci_of),
            "employment_zone_id": self._inherit(code, self.zone_of),
            "bmo_basin_id": self._inherit(code, self.basin_of),
            "postcode": postcode,
            "postcodes": " ".join(postcodes),
            "latitude": latitude,
            "longitude": longitude,
            "coordinates_source": source,
            "population": population,
            "population_year": year,
            "search_name": key,
            "search_other": "|" + "|".join(sorted(others)) + "|" if others else "",
        }

    def _missing_report(self, rows):
        """Warnings for what some communes lack (e.g. the island communes, in no EPCI)."""
        for field, what in (
            ("epci_id", "in no EPCI"),
            ("employment_zone_id", "without zone d'emploi"),
            ("bmo_basin_id", "without bassin BMO"),
            ("postcode", "without postcode"),
            ("latitude", "without coordinates"),
            ("population", "without population"),
        ):
            missing = [code for code, row in rows.items() if row[field] in (None, "")]
            if missing:
                shown = ", ".join(f"{c} {rows[c]['name']}" for c in missing[:5])
                self.warnings.append(f"{len(missing)} commune(s) {what}: {shown}{', …' if len(missing) > 5 else ''}")
        fallback = [c for c, row in rows.items() if row["coordinates_source"].startswith("COG 2024")]
        if fallback:
            self.warnings.append(f"{len(fallback)} commune(s) placed with the COG 2024 coordinates: {fallback[0]}…")

    def _basin_rows(self, codes, communes):
        """Bassins BMO, with a readable label spelt as the commune they are named after ("SAINT BRIEUC")."""
        by_start = {}  # "carhaix" and "carhaix plouguer" -> "Carhaix-Plouguer", the most populous commune first
        for row in sorted(communes.values(), key=lambda r: -(r["population"] or 0)):
            words = row["search_name"].split()
            for n in range(1, len(words) + 1):
                by_start.setdefault(" ".join(words[:n]), row["name"])
        rows = {}
        for code in codes:
            published = self.basins[code]
            name = by_start.get(name_key(published))
            rows[(code,)] = {"name": published, "label": (name and spelt_as(published, name)) or published}
        return rows

    # -- dataset -----------------------------------------------------------------

    def _meta(self, regions):
        names = ", ".join(regions[c][0] for c in self.region_codes)
        if len(self.region_codes) > 3:
            names = f"{len(self.region_codes)} régions"
        cog = f"COG {self.cog_year}" if self.cog_year else "COG"
        return {
            "name": f"Communes et territoires ({names})",
            "publisher": "INSEE, DGCL, France Travail, La Poste",
            "version": f"{cog} · EPCI {self.epci_year} · zones d'emploi 2020",
            "published_on": datetime.date(self.cog_year, 1, 1) if self.cog_year else None,
            "licence": ETALAB,
            "licence_url": ETALAB_URL,
            "source_url": "https://github.com/datagouv/decoupage-administratif",
            "description": (
                f"Communes ({names}) du code officiel géographique de l'INSEE ({cog}, au 1er janvier), avec leur "
                f"département, leur intercommunalité (DGCL {self.epci_year}), leur zone d'emploi 2020 (INSEE), "
                "leur bassin d'emploi de l'enquête BMO (France Travail), leurs codes postaux (La Poste), un point "
                f"géographique ({self.points_label}) et leur population municipale (DGCL {self.epci_year}, "
                f"recensement {self.epci_year - POPULATION_LAG}). Licence Ouverte 2.0 pour l'INSEE, la DGCL et "
                "France Travail ; licences des codes postaux, des points géographiques (origine non documentée) "
                "et des tables compilées des régions et départements non vérifiées. Fichiers repris de dépôts "
                "publics : datagouv/decoupage-administratif, dataforgoodfr/13_odis, rcarlier/datas.fun."
            ),
            "is_demo": False,
        }

    # -- field parsers -----------------------------------------------------------

    def _int(self, table, line, value):
        if not re.fullmatch(r"[0-9]+", value):
            table.fail(line, f"{value!r} is not a whole number")
        return int(value)

    def _coordinates(self, table, line, latitude, longitude):
        try:
            lat, lon = float(latitude), float(longitude)
        except ValueError:
            table.fail(line, f"unreadable coordinates {latitude!r}, {longitude!r}")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            table.fail(line, f"coordinates out of range: {lat}, {lon}")
        return lat, lon
