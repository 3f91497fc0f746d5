"""Reader of France Travail's market tension by ROME v3 occupation and bassin d'emploi BMO (2019, 2020), as its
Mobiville service ships it (``cities-tension*.csv``, renamed here after their content).

Files (``;`` separated, UTF-8 or Windows-1252):

* ``tension_rome_bassin_<year>.csv``:
  ``annee;ROME;rome_label;cbassin;lib_bassin_bmo19;oee;defm_abc;ind_tension_d``
* ``tension_fap2009_rome_bassin_<year>.csv`` (the same figures for a subset of occupations, with their FAP 2009):
  ``libfap;ROME;fap;annee;oee;defm_abc;ind_tension_d;cbassin;lib_bassin_bmo19``

Regional extracts (``…_bretagne.csv``) and the commune → bassin lexicon are not read.

The columns are not documented. Read as (inferred from names and values, to be confirmed by the publisher):
``cbassin`` the bassin BMO code (BE19, region code + 2 digits; Excel dropped the leading zero of the overseas
bassins, 101 → 0101, restored here), ``oee`` offres d'emploi enregistrées (job offers registered at Pôle emploi),
``defm_abc`` demandeurs d'emploi en fin de mois in categories A, B, C, ``ind_tension_d`` a tension class from 1
(low) to 5 (high). The 2019 file writes thousands with a no-break space ("1 214"). The class is not a function of
``oee / defm_abc`` in these files, and the 2020 counts are 10 to 100 times smaller than the 2019 ones for the same
occupation and bassin: the counts' period (year, quarter, month?) is unknown.
"""

import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table, dataset_meta
from hent.labour.importers.dares_portraits import FAP225, ROME_V3, checked, clean_text, number
from hent.labour.models import BasinTension
from hent.territories.names import REGION_CODES

ROME_FILE = re.compile(r"tension_rome_bassin_(\d{4})\.csv")
FAP_FILE = re.compile(r"tension_fap2009_rome_bassin_(\d{4})\.csv")
COMMON = ["annee", "ROME", "cbassin", "lib_bassin_bmo19", "oee", "defm_abc", "ind_tension_d"]
BASIN = re.compile(r"\d{3,4}")


class BasinTensionImporter(Importer):
    dataset_slug = "francetravail-tension-bassin"

    def parse(self, source):
        names = [n for n in source.names if ROME_FILE.fullmatch(n.rsplit("/", 1)[-1])]
        names += [n for n in source.names if FAP_FILE.fullmatch(n.rsplit("/", 1)[-1])]
        if not names:
            raise ImportFailed("no file matching tension_rome_bassin_<year>.csv", file=str(source.path))
        rows = {}
        for name in names:
            self._read(source, name, rows)
        years = sorted({k[0] for k in rows})
        meta = dataset_meta(
            source,
            name="Tension par métier (ROME) et bassin d'emploi (France Travail, Mobiville)",
            publisher="France Travail (Pôle emploi), service Mobiville",
            version=", ".join(map(str, years)),
            description="Classe de tension (1 à 5), offres enregistrées et demandeurs d'emploi (A, B, C) par "
            "métier ROME v3 et bassin d'emploi BMO ; colonnes non documentées, sens déduits. Dépôt "
            "France-Travail/mobiville.",
            official_url="https://github.com/France-Travail/mobiville",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [Table(BasinTension, ("year", "rome_code", "basin_code"), rows, label="basin tensions")]

    def _read(self, source, name, rows):
        file_name = name.rsplit("/", 1)[-1]
        with_fap = FAP_FILE.fullmatch(file_name)
        file_year = int((with_fap or ROME_FILE.fullmatch(file_name))[1])
        columns = COMMON + (["libfap", "fap"] if with_fap else ["rome_label"])
        table = source.csv_file(name, columns, ";", windows_1252="file")
        for line, r in table:
            year = number(table, line, r["annee"], "annee", integer=True)
            if year != file_year:
                table.fail(line, f"annee {r['annee']!r} is not the year of the file ({file_year})")
            rome = r["ROME"].strip()
            if not ROME_V3.fullmatch(rome):
                table.fail(line, f"invalid ROME code {r['ROME']!r}")
            basin = self._basin(table, line, r["cbassin"])
            key = (year, rome, basin)
            if key in rows:
                table.fail(line, f"duplicate row for {rome} in bassin {basin} ({year})")
            values = {
                "basin_name": clean_text(r["lib_bassin_bmo19"]),
                "rome_label": clean_text(r.get("rome_label", "")),
                "fap_code": "",
                "fap_label": "",
                "offers": self._count(table, line, r, "oee"),
                "job_seekers": self._count(table, line, r, "defm_abc"),
                "tension_class": self._class(table, line, r["ind_tension_d"]),
                "source_file": file_name,
            }
            if with_fap:
                values["fap_code"], values["fap_label"] = self._fap(table, line, r)
            rows[key] = checked(BasinTension, table, line, values)

    def _basin(self, table, line, value):
        code = value.strip()
        if not BASIN.fullmatch(code):
            table.fail(line, f"cbassin: invalid bassin code {value!r}")
        code = code.zfill(4)  # 101 -> 0101: Excel dropped the leading zero of the overseas bassins
        if code[:2] not in REGION_CODES:
            table.fail(line, f"cbassin: unknown bassin code {value!r} (no region {code[:2]})")
        return code

    def _count(self, table, line, r, column):
        value = number(table, line, r[column], column, integer=True)
        if value is not None and value < 0:
            table.fail(line, f"{column}: {r[column]!r} is negative")
        return value

    def _class(self, table, line, value):
        result = number(table, line, value, "ind_tension_d", integer=True)
        if result is not None and not 1 <= result <= 5:
            table.fail(line, f"ind_tension_d: {value!r} is not a class from 1 to 5")
        return result

    def _fap(self, table, line, r):
        fap = r["fap"].strip()
        if not FAP225.fullmatch(fap):
            table.fail(line, f"invalid FAP 2009 code {r['fap']!r}")
        code, _, label = r["libfap"].partition(" : ")
        if code.strip() != fap:
            table.fail(line, f"libfap {r['libfap']!r} does not start with the FAP code {fap}")
        return fap, clean_text(label)
