"""Reader of the Kit apprentissage CFD ↔ RNCP table (Kit_apprentissage_<yyyymmdd>.csv, ';').

The file is UTF-8 without a BOM (read as Windows-1252 its accents turn into "Ã´"…); a few accents are
decomposed (NFD) and are normalised. Some header names hold line breaks inside quotes: they are compared
with whitespace folded. "NR" (not stated) is read as None or "" in every column; several RNCP numbers in a
cell are written "RNCP1|RNCP2|" and kept space-separated. Dates are dd/mm/yyyy. The version and date of
the dataset are those of the file name.
"""

import datetime
import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table
from hent.trainings.importers.common import CERTIFICATION_CSV, records
from hent.trainings.models import KitApprentissage

FILE_PATTERN = "Kit_apprentissage_*.csv"
NR = ("NR",)
YES_NO = {"oui": True, "non": False, "NR": None, "": None}
ACTIVE = {"ACTIVE": True, "INACTIVE": False, "NR": None, "": None}
PUBLISHED = "Date de publication de la fiche (enregistrement de droit)"
DECIDED = "Date de décision (enregistrement sur demande)"
PATHS_START = "Date de début des parcours certifiants (enregistrement de droit)"
ACCESS = "Accès à l'apprentissage de la fiche RNCP (oui/non)"
END = "Date d'échéance de la fiche RNCP"
COLUMNS = [
    "Code Diplôme", "Intitulé diplôme (DEPP)", "FicheRNCP", "Niveau fiche RNCP", "Abrégé de diplôme (RNCP)",
    "Dernière MaJ", ACCESS, END, "Fiche ACTIVE/INACTIVE", "Intitulé certification (RNCP)", "Type d'enregistrement",
    PUBLISHED, DECIDED, PATHS_START, "Date limite de la délivrance", "Nouvelle Certification rempla (RNCP)",
    "Ancienne Certification (RNCP)",
]  # fmt: skip


class KitApprentissageImporter(Importer):
    dataset_slug = "kit-apprentissage"

    def parse(self, source):
        table = source.read_csv(FILE_PATTERN, COLUMNS, **CERTIFICATION_CSV)
        rows, lines = {}, {}
        for row in records(table):
            key = (row.cfd("Code Diplôme", required=True), row.rncp("FicheRNCP", unknown=NR))
            if key in rows:
                row.fail(f"CFD {key[0]} -> RNCP{key[1]} already on line {lines[key]}")
            lines[key] = row.line
            rows[key] = {
                "title": row.text("Intitulé diplôme (DEPP)", required=True),
                "rncp_title": row.text("Intitulé certification (RNCP)", unknown=NR),
                "level_eu": row.level("Niveau fiche RNCP", "niveau", unknown=NR),
                "type_abbreviation": row.text("Abrégé de diplôme (RNCP)", unknown=NR),
                "kit_version": row.text("Dernière MaJ"),
                "apprenticeship_access": row.choice(ACCESS, YES_NO),
                "active": row.choice("Fiche ACTIVE/INACTIVE", ACTIVE),
                "end_of_validity": row.date(END, unknown=NR),
                "registration_type": row.text("Type d'enregistrement", unknown=NR),
                "published_on": row.date(PUBLISHED, unknown=NR),
                "decided_on": row.date(DECIDED, unknown=NR),
                "paths_start_on": row.date(PATHS_START, unknown=NR),
                "issue_deadline": row.date("Date limite de la délivrance", unknown=NR),
                "new_rncp": row.rncp_list("Nouvelle Certification rempla (RNCP)", unknown=NR),
                "old_rncp": row.rncp_list("Ancienne Certification (RNCP)", unknown=NR),
            }
        not_stated = sum(1 for _, rncp in rows if not rncp)
        if not_stated:
            self.warnings.append(f"{table.name}: {not_stated} CFD code(s) with no RNCP fiche ('NR')")
        version, published = _file_date(table.name)
        meta = {
            "name": "Kit apprentissage (correspondances CFD – RNCP)",
            "publisher": "France compétences / DGEFP",
            "version": version,
            "published_on": published,
            "licence": LICENCE_NOT_VERIFIED,
            "licence_url": "",
            "source_url": (
                "https://github.com/mission-apprentissage/api-apprentissage/tree/"
                "91ffc85800a10cee3e8ad6b99eca33bd6b367cb4/server/static/kit_apprentissage/"
            ),
            "description": (
                "Correspondances entre codes diplômes de l'Éducation nationale (CFD) et fiches RNCP, avec l'accès "
                "à l'apprentissage, reprises du dépôt api-apprentissage de la Mission apprentissage ; l'éditeur "
                "n'est pas indiqué dans le fichier. Version : date du nom de fichier."
            ),
            "is_demo": False,
        }
        return meta, [Table(KitApprentissage, ("cfd", "rncp"), rows, label="Kit apprentissage rows")]


def _file_date(name):
    """ "Kit_apprentissage_20240426.csv" -> ("20240426", date(2024, 4, 26)); no date -> (stem suffix, None)."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    suffix = stem.split("_")[-1]
    if re.fullmatch(r"\d{8}", suffix):
        try:
            return suffix, datetime.datetime.strptime(suffix, "%Y%m%d").date()
        except ValueError:
            pass
    return suffix, None
