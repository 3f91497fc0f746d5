"""Reader of the official list of occupations in shortage ("métiers en tension") by region, March 2024.

The list is the annex of the arrêté of 1 March 2024 (ministries of Labour and of the Interior), used for the
work permits of non-EU workers. No CSV is published by the ministry; the file read is the CSV copy made by Data For
Good (``metiers_en_tension_mars_2024.csv``), UTF-8, ``,`` separated, CRLF:

    Region,Famille Professionnelle,Code FAP
    Bretagne,Maraîchers; horticulteurs salariés,A1Z40

Quirks: the commas of the labels were replaced by ``;`` (restored here), some labels have doubled spaces
(collapsed); regions are names ("Ile-de-France", "Bretagne"), mapped to INSEE codes, and "France Entière" rows
(occupations in shortage everywhere) get the region code ``FR``. Codes are FAP 2009 level 225. The year is read from
the file name.
"""

import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table, dataset_meta
from hent.labour.importers.dares_portraits import FAP225, checked, clean_text, read_csv, region_code
from hent.labour.models import ShortageListing
from hent.territories.names import fold

REGION, LABEL, CODE = "Region", "Famille Professionnelle", "Code FAP"
NATIONAL_NAMES = {"france entiere", "france"}
MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
          "decembre"]  # fmt: skip


class ShortageListImporter(Importer):
    dataset_slug = "metiers-en-tension"

    def parse(self, source):
        table = read_csv(source, "metiers_en_tension*.csv", [REGION, LABEL, CODE])
        file_name = table.name.rsplit("/", 1)[-1]
        years = re.findall(r"(?<!\d)(20\d\d)(?!\d)", file_name)
        if len(years) != 1:
            raise ImportFailed("the year of the list is not in the file name (…_2024.csv)", file=table.name)
        year = int(years[0])
        month = next((m for m in MONTHS if m in fold(file_name).split()), "")
        rows = {}
        for line, r in table:
            region = clean_text(r[REGION])
            code = ShortageListing.NATIONAL if fold(region) in NATIONAL_NAMES else region_code(table, line, region)
            fap = r[CODE].strip()
            if not FAP225.fullmatch(fap):
                table.fail(line, f"invalid FAP 2009 code {r[CODE]!r} (5 characters expected)")
            key = (year, code, fap)
            if key in rows:
                table.fail(line, f"duplicate row for {fap} in {region}")
            label = clean_text(r[LABEL].replace(";", ","))
            if not label:
                table.fail(line, "empty label")
            rows[key] = checked(ShortageListing, table, line, {"region_name": region, "label": label})
        meta = dataset_meta(
            source,
            name="Liste des métiers en tension",
            publisher="Ministère du Travail (copie CSV Data For Good, attribution à confirmer)",
            version=f"{month} {year}".strip(),
            published_on=None,  # the arrêté's day is not in the file
            description="Métiers en tension par région (FAP 2009, niveau 225), annexe de l'arrêté fixant la liste "
            "des métiers en tension (1er mars 2024 pour la liste de mars 2024) ; lignes « France Entière » : code "
            "région FR. Copie du dépôt dataforgoodfr/13_odis.",
            official_url="https://github.com/dataforgoodfr/13_odis",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [Table(ShortageListing, ("year", "region_code", "fap_code"), rows, label="shortage listings")]
