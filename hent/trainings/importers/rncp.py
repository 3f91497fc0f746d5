"""Reader of the RNCP extracts of the Kit apprentissage v1.4 (France compétences data, January 2021).

Five ';'-separated Windows-1252 files, named ``<table>.v<version>.csv``:

* rncp_info: one fiche per RNCP number. Dates of end of validity are m/d/yy ("8/31/16"). Titles may hold
  line breaks (CR or LF inside quotes) and runs of spaces: they are folded into single spaces. A fiche that
  replaced (or was replaced by) several fiches comes once per old (new) fiche: those rows are merged, the
  numbers kept in order, space-separated, in ``old_number`` / ``new_number``.
* rncp_rome, rncp_nsf, rncp_certificateurs: links of a fiche. ROME labels have SQL-style doubled
  apostrophes (d''engins), undone. Rows repeated identically (half of rncp_nsf) are counted once, and
  reported; a repeated key with other values stops the import.
* codes_diplomes: CFD -> RNCP. "NR" (not stated) is read as no fiche / unknown. CFD codes of seven digits
  lost their leading zero (MC codes "01022103" written 1022103): restored. A (CFD, RNCP) pair given twice
  for two versions of the kit (v1.0 and v1.3) keeps the latest version. RNCP numbers absent from rncp_info
  are kept (no foreign key) and reported.
"""

import datetime
import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table
from hent.trainings.importers.common import CERTIFICATION_CSV, SIRET_RE, merge_lists, records, version_key
from hent.trainings.models import RncpCertifier, RncpDiploma, RncpFiche, RncpNsf, RncpRome

ACTIVE = {"ACTIVE": True, "INACTIVE": False}
ACTIVE_OR_NR = {"ACTIVE": True, "INACTIVE": False, "NR": None, "": None}
NR = ("NR",)
ROME_CODE_RE = re.compile(r"[A-N](\d{1,2}|\d{4})?")  # ROME v3 codes, and a few domain codes ("H12", "K")
NSF_RE = re.compile(r"\d{1,3}[a-z]?")
VERSION_RE = re.compile(r"\.(v\d+(?:\.\d+)*)\.csv$")
# The files carry no date; v1.4 was published in the Mission apprentissage repository on 6 January 2021.
PUBLISHED = {"v1.4": datetime.date(2021, 1, 6)}


def repair(text):
    """Undo the SQL-style doubled apostrophes (d''engins)."""
    return text.replace("''", "'")


class RncpImporter(Importer):
    dataset_slug = "rncp-2021"

    def parse(self, source):
        self.source, self.names = source, []
        fiches, number_lines, info = self._fiches()
        tables = [
            Table(RncpFiche, ("number",), fiches, label="RNCP fiches"),
            self._links(
                "rncp_rome", RncpRome, ("fiche_id", "rome_code"), number_lines,
                ["CodeRNCP", "Rome", "libelle"], self._rome, label="RNCP → ROME links",
            ),
            self._links(
                "rncp_nsf", RncpNsf, ("fiche_id", "code"), number_lines,
                ["CodeRNCP", "code", "Libelle"], self._nsf, label="RNCP → NSF links",
            ),
            self._links(
                "rncp_certificateurs", RncpCertifier, ("fiche_id", "name", "siret"), number_lines,
                ["CodeRNCP", "Certificateur", "siret_organisme"], self._certifier, label="RNCP certifiers",
            ),
            self._diplomas(number_lines),
        ]  # fmt: skip
        versions = {VERSION_RE.search(name).group(1) for name in self.names}
        if len(versions) > 1:
            raise ImportFailed(f"files of several versions ({', '.join(sorted(versions))})", file=info.name)
        version = versions.pop()
        meta = {
            "name": "RNCP (extraits du Kit apprentissage)",
            "publisher": "France compétences",
            "version": version,
            "published_on": PUBLISHED.get(version),
            "licence": LICENCE_NOT_VERIFIED,
            "licence_url": "",
            "source_url": (
                "https://github.com/mission-apprentissage/tables-correspondances/tree/"
                "5d269abcd3a4adcbab2b61afe453d011581104ab/server/src/jobs/rncpImporter/assets"
            ),
            "description": (
                "Fiches RNCP de 2021 (intitulé, niveau, type, validité, fiches anciennes et nouvelles) et leurs "
                "liens ROME (v3), NSF, certificateurs, et la table CFD → RNCP, tels que packagés dans le "
                "« Kit apprentissage » v1.4 et repris du dépôt tables-correspondances de la Mission apprentissage. "
                "Données anciennes : ce n'est pas l'export actuel de France compétences."
            ),
            "is_demo": False,
        }
        return meta, tables

    def _read(self, stem, columns):
        table = self.source.read_csv(f"{stem}.v*.csv", columns, **CERTIFICATION_CSV)
        if not VERSION_RE.search(table.name):
            table.fail(None, "no version in the file name (expected <name>.v<version>.csv)")
        self.names.append(table.name)
        return table

    def _fiches(self):
        info = self._read(
            "rncp_info",
            ["CodeRNCP", "intituleDiplome", "date_fin_validite_enregistrement", "ActiveInactive", "EtatFiche",
             "NiveauEurope", "CodeTypeCertif", "TypeCertif", "AncienneFiche", "NouvelleFiche", "TypeEnregistrement"],
        )  # fmt: skip
        fiches, lines = {}, {}
        for row in records(info):
            number = row.rncp("CodeRNCP", required=True)
            fields = {
                "title": row.text("intituleDiplome", required=True),
                "level_eu": row.level("NiveauEurope", "niveau"),
                "type_code": row.text("CodeTypeCertif"),
                "type_label": row.text("TypeCertif"),
                "active": row.choice("ActiveInactive", ACTIVE),
                "state": row.text("EtatFiche"),
                "end_of_validity": row.date("date_fin_validite_enregistrement", fmt="%m/%d/%y"),
                "old_number": row.rncp_list("AncienneFiche"),
                "new_number": row.rncp_list("NouvelleFiche"),
                "registration_type": row.text("TypeEnregistrement"),
            }
            key = (number,)
            if key in fiches:
                current = fiches[key]
                differing = [f for f in fields if f not in ("old_number", "new_number") and fields[f] != current[f]]
                if differing:
                    row.fail(
                        f"fiche RNCP{number} repeats line {lines[number]} with other values ({', '.join(differing)})"
                    )
                current["old_number"] = merge_lists(current["old_number"], fields["old_number"])
                current["new_number"] = merge_lists(current["new_number"], fields["new_number"])
                continue
            fiches[key], lines[number] = fields, row.line
        if len(info) > len(fiches):
            self.warnings.append(
                f"{info.name}: {len(info)} rows for {len(fiches)} fiches; {len(info) - len(fiches)} row(s) repeat a "
                "fiche for another old or new fiche and were merged"
            )
        return fiches, lines, info

    def _links(self, stem, model, key_fields, fiches, columns, read, label):
        table = self._read(stem, columns)
        rows, lines, repeated = {}, {}, 0
        for row in records(table):
            number = row.rncp("CodeRNCP", required=True)
            if number not in fiches:
                row.fail(f"unknown RNCP fiche RNCP{number} (not in rncp_info)")
            key, values = read(row, number)
            if key in rows:
                if rows[key] != values:
                    row.fail(f"{' '.join(key[1:])} of RNCP{number} repeats line {lines[key]} with other values")
                repeated += 1
                continue
            rows[key], lines[key] = values, row.line
        if repeated:
            self.warnings.append(f"{table.name}: {repeated} row(s) repeated identically, counted once")
        return Table(model, key_fields, rows, label=label)

    def _rome(self, row, number):
        code = row.code("Rome", ROME_CODE_RE, "a ROME code", required=True)
        return (number, code), {"label": repair(row.text("libelle"))}

    def _nsf(self, row, number):
        code = row.code("code", NSF_RE, "an NSF code", required=True)
        return (number, code), {"label": row.text("Libelle")}

    def _certifier(self, row, number):
        siret = row.code("siret_organisme", SIRET_RE, "a SIRET (14 digits)")
        return (number, row.text("Certificateur"), siret), {}

    def _diplomas(self, fiches):
        table = self._read(
            "codes_diplomes",
            ["CodeDiplome", "Intitule", "CodeRNCP", "Niveau2019", "type", "DerniereMaJ", "Fiche RNCP active/inactive"],
        )
        rows, lines, padded, superseded = {}, {}, [], 0
        for row in records(table):
            cfd = row.cfd("CodeDiplome", required=True, padded=padded)
            rncp = row.rncp("CodeRNCP", unknown=NR)
            fields = {
                "title": row.text("Intitule", required=True),
                "level_eu": row.level("Niveau2019", "niveau", unknown=NR),
                "type": row.text("type"),
                "active": row.choice("Fiche RNCP active/inactive", ACTIVE_OR_NR),
                "kit_version": row.text("DerniereMaJ"),
            }
            key = (cfd, rncp)
            if key in rows:
                current = rows[key]
                if any(fields[f] != current[f] for f in fields if f != "kit_version"):
                    row.fail(f"CFD {cfd} -> RNCP{rncp} repeats line {lines[key]} with other values")
                superseded += 1
                if version_key(fields["kit_version"]) <= version_key(current["kit_version"]):
                    continue
            rows[key], lines[key] = fields, row.line
        if padded:
            self.warnings.append(
                f"{table.name}: {len(padded)} CFD code(s) of 7 digits given back their leading zero "
                f"(first: line {padded[0]})"
            )
        if superseded:
            self.warnings.append(
                f"{table.name}: {superseded} (CFD, RNCP) pair(s) listed again for another kit version; "
                "the latest version kept"
            )
        not_stated = sum(1 for cfd, rncp in rows if not rncp)
        if not_stated:
            self.warnings.append(f"{table.name}: {not_stated} CFD code(s) with no RNCP fiche ('NR')")
        absent = sorted({rncp for _, rncp in rows if rncp and rncp not in fiches}, key=int)
        if absent:
            count = sum(1 for _, rncp in rows if rncp in absent)
            self.warnings.append(
                f"{table.name}: {count} row(s) point to {len(absent)} RNCP number(s) absent from rncp_info "
                f"({', '.join(absent[:5])}{'…' if len(absent) > 5 else ''}); kept"
            )
        return Table(RncpDiploma, ("cfd", "rncp"), rows, label="CFD → RNCP (codes_diplomes)")
