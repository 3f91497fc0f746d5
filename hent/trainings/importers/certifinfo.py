"""Reader of the Certif Info open-data extract (Réseau des Carif-Oref): certif_info.csv, ';', UTF-8.

One row per certification, except that a certification is repeated, identical but for one column, when it
has several ONISEP ids (codeIdeo2) or several RS codes (Code_RS): those rows are merged, and their codes
kept in order in ``onisep_ids`` / ``rs_codes`` (the first one also in ``onisep_id`` / ``rs``). Rows with the
same code that differ anywhere else stop the import.

The accessibilite_fi/ca/fc/cp/vae/ind columns hold 0, 1 or 2. Certif Info's API documents the same six
fields as booleans (acc_fi "Accessibilité Formation Initiale", acc_ca apprentissage, acc_fc formation
continue, acc_cp contrat de professionnalisation, acc_vae VAE, acc_ind demande individuelle). The data
says what the values mean: every BTS, CAP and Bac pro has 1 for initial training and apprenticeship;
titres professionnels (Ministry of Labour, never taught in initial training) have fi 0 and ca 1; medical
diplomas have vae 0 (not open to VAE); and 2 is the value of the rows nobody filled in: all six columns
are 2 for every "Un des meilleurs ouvriers de France" (a competition, not a course) and for 1,163 rows in
all. So 1 -> True (accessible), 0 -> False (not accessible), 2 -> None (not stated), never False.
"""

import itertools

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table
from hent.trainings.importers.common import CERTIFICATION_CSV, ROME_RE, merge_lists, records
from hent.trainings.models import CertifInfo

FILE_PATTERN = "certif_info*.csv"
ACCESS = {"1": True, "0": False, "2": None, "": None}
ACCESS_COLUMNS = {
    "access_initial": "accessibilite_fi",
    "access_apprenticeship": "accessibilite_ca",
    "access_continuing": "accessibilite_fc",
    "access_professionalisation": "accessibilite_cp",
    "access_vae": "accessibilite_vae",
    "access_individual": "accessibilite_ind",
}
ROME_COLUMNS = [f"Code_Rome_{i}" for i in range(1, 6)]
COLUMNS = [
    "Code_Diplome", "Libelle_Diplome", "Libelle_Type_Diplome", "Code_Niveau_Europeen", "Date_MaJ",
    "Code_FormaCode", "Libelle_FormaCode", *ROME_COLUMNS, "Code_Nsf", "Code_RNCP", "Code_RS", "Code_Scolarité",
    "valideur", "certificateur", "Annee_Premiere_Session", "Annee_Derniere_Session", "Code_Ancien_Diplome",
    "Intitulé_Ancien_Diplome", "Code_Ancien_RNCP", "Code_Ancien_Scolarité", "Etat", "Etat_Libelle",
    "Etat_Ancien_Diplome", "Etat_Ancien_Diplome_Libelle", *ACCESS_COLUMNS.values(), "code_type_diplome",
    "codeIdeo2",
]  # fmt: skip
# Columns in which rows of the same certification may differ (they are merged).
LIST_FIELDS = {"onisep_ids", "rs_codes"}


class CertifInfoImporter(Importer):
    dataset_slug = "certifinfo"

    def parse(self, source):
        table = source.read_csv(FILE_PATTERN, COLUMNS, **CERTIFICATION_CSV)
        rows, first_line = {}, {}
        for row in records(table):
            code = row.int("Code_Diplome", required=True)
            fields = self._fields(row)
            key = (code,)
            if key not in rows:
                rows[key], first_line[key] = fields, row.line
                continue
            current = rows[key]
            differing = [f for f in fields if f not in LIST_FIELDS and fields[f] != current[f]]
            if differing:
                row.fail(
                    f"certification {code} repeats line {first_line[key]} with other values ({', '.join(differing)})"
                )
            for f in LIST_FIELDS:
                current[f] = merge_lists(current[f], fields[f])
        for fields in rows.values():
            fields["onisep_id"] = fields["onisep_ids"].split(" ", 1)[0]
            fields["rs"] = fields["rs_codes"].split(" ", 1)[0]
        repeated = len(table) - len(rows)
        if repeated:
            self.warnings.append(
                f"{table.name}: {len(table)} rows for {len(rows)} certifications; {repeated} row(s) repeat a "
                "certification for another codeIdeo2 or Code_RS and were merged"
            )
        latest = max((f["updated_on"] for f in rows.values() if f["updated_on"]), default=None)
        meta = {
            "name": "Certif Info",
            "publisher": "Réseau des Carif-Oref",
            "version": latest.isoformat() if latest else "",
            "published_on": latest,
            "licence": LICENCE_NOT_VERIFIED,
            "licence_url": "",
            "source_url": (
                "https://github.com/mission-apprentissage/tjp-pilotage/blob/"
                "282273ad081e719297ce8b867888ec6ee0b51f4e/server/static/files/certif_info.csv"
            ),
            "description": (
                "Extrait de Certif Info (certifications, habilitations et formations préparatoires) repris "
                "du dépôt tjp-pilotage (Orion) de la Mission apprentissage ; critères de sélection inconnus. "
                "Version : date de la dernière mise à jour d'une fiche (Date_MaJ)."
            ),
            "is_demo": False,
        }
        return meta, [Table(CertifInfo, ("code",), rows, label="Certif Info certifications")]

    def _fields(self, row):
        rome = [row.code(c, ROME_RE, "a ROME code") for c in ROME_COLUMNS]
        if any(not a and b for a, b in itertools.pairwise(rome)):
            row.fail("a ROME code follows an empty Code_Rome column")
        fields = {
            "title": row.text("Libelle_Diplome", required=True),
            "type_label": row.text("Libelle_Type_Diplome"),
            "type_code": row.text("code_type_diplome"),
            "level_eu": row.int("Code_Niveau_Europeen", low=1, high=8),
            "updated_on": row.date("Date_MaJ"),
            "formacode": row.text("Code_FormaCode"),
            "formacode_label": row.text("Libelle_FormaCode"),
            "rome_codes": " ".join(c for c in rome if c),
            "nsf": row.text("Code_Nsf"),
            "rncp": row.rncp("Code_RNCP"),
            "rs_codes": row.rs("Code_RS"),
            "cfd": row.cfd("Code_Scolarité"),
            "validator": row.text("valideur"),
            "certifier": row.text("certificateur"),
            "first_session": row.year("Annee_Premiere_Session"),
            "last_session": row.year("Annee_Derniere_Session"),
            "state_code": row.text("Etat", required=True),
            "state_label": row.text("Etat_Libelle"),
            "old_code": row.int("Code_Ancien_Diplome"),
            "old_title": row.text("Intitulé_Ancien_Diplome"),
            "old_rncp": row.rncp("Code_Ancien_RNCP"),
            "old_cfd": row.cfd("Code_Ancien_Scolarité"),
            "old_state_code": row.text("Etat_Ancien_Diplome"),
            "old_state_label": row.text("Etat_Ancien_Diplome_Libelle"),
            "onisep_ids": row.text("codeIdeo2"),
        }
        for field, column in ACCESS_COLUMNS.items():
            fields[field] = row.choice(column, ACCESS)
        return fields
