"""Reader of the DARES "Portraits statistiques des métiers" (PSM) input files (FAP 2009).

The publisher's format is the folder ``inputs/`` of the DARES repository ``StatDares/PortraitStatMetiers``: one
CSV per figure, ``,`` or ``;`` separated, R-style ``NA`` for unknown values, FAP 2009 codes at one level
(``Fap3`` = FAP-87, ``fap`` = FAP-225) or at three levels (the ``*_3niv`` files: domaine, FAP-87 and FAP-225 rows,
with ``libelle``, ``code_domaine``, ``libelle_domaine``, ``code_fap_agregee``, ``libelle_fap_agregee``). Some files
were Windows-1252 in the repository; ``hent.core.importing`` reads both encodings.

What is imported (``INDICATORS`` below says which file gives which indicator):

* ``Fap2009``: every code with its label, from the label columns of the ``*_3niv`` files (a label equal to the
  code, or with no-break spaces, is a publisher's slip and is repaired or ignored);
* ``FapPcs`` / ``RomeFap2009`` (source ``dares-psm``): ``FAP_PCS.csv`` and ``fap225_rome.csv``;
* ``DaresIndicator`` (dataset ``dares-portraits``): per FAP code, indicator and period, from the ``*_3niv`` files
  (the finest level: FAP-225 where published, 1982-1984, 2003-2005 and 2017-2019) completed by the FAP-87 series
  files for the other periods (``part_cdd.csv``, ``part_interim.csv``, ``part_tempspartiel.csv``, ``age_agrege_…``);
  and the DARES–Pôle emploi tension indicators 2019 (``tensions/tensions.csv``: France, regions, departments;
  ``tensions/evol_tensions.csv``: France 2011–2019). Where two files give the same figure, the first in
  ``INDICATORS`` wins and a difference is reported as a warning.

Codes for all occupations are spelt ``Ensemble``, ``ENSEMBLE``, ``ENSEM`` or ``ENS`` depending on the file: they
become ``ENSEMBLE``. ``SAL`` (``part_cdd.csv``, ``part_interim.csv``) is kept apart: its shares match all
*salaried* employees, not all occupations.

The module also holds the small helpers the other labour importers share (numbers with the publishers' masks,
region names, PROVENANCE.md); they would fit in ``hent.core.importing``.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field

from django.db.models import Q

from hent.core.importing import (
    LICENCE_NOT_VERIFIED,
    Importer,
    ImportFailed,
    Table,
    check_lengths,
    dataset_meta,
    fold_space,
)
from hent.labour.models import DaresIndicator, Fap2009, FapPcs, RomeFap2009
from hent.labour.models.dares import CrosswalkSource
from hent.territories.names import REGION_CODES, region_code_of

# -- helpers shared by the labour importers -------------------------------------------------------------------

# What publishers write for an unknown value: it is None, never 0.
MISSING = frozenset({"", "NA", "nd", "n.d.", "#N/A", "N/A", "NaN", "nan", "*"})
ROME_V3 = re.compile(r"[A-Z]\d{4}")
FAP225 = re.compile(r"[A-Z][0-9Z][A-Z][0-9Z]{2}")
FAP87 = re.compile(r"[A-Z][0-9Z][A-Z]")
DOMAINE = re.compile(r"[A-Z]")
PCS = re.compile(r"\d{3}[a-z]")
DEPARTMENT = re.compile(r"\d\d|2[AB]|97\d")


def region_code(table, line, name):
    """INSEE code of a region name as publishers write it ("Bretagne", "BRETAGNE", "Ile-de-France")."""
    code = region_code_of(name)
    if code is None:
        table.fail(line, f"unknown region {name!r}")
    return code


def clean_text(value):
    """Trimmed text with single spaces (no-break spaces and doubled spaces are publishers' slips)."""
    return fold_space(value.replace("\xa0", " "))


def checked(model, table, line, row):
    """``row`` after checking that no text is longer than its column (PostgreSQL would refuse it)."""
    check_lengths(model, row, lambda message: table.fail(line, message))
    return row


def number(table, line, value, column, integer=False):
    """A published number, or None when masked or empty. Thousands separators (spaces) are allowed."""
    text = value.strip()
    if text in MISSING:
        return None
    text = text.replace("\xa0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        result = float(text)
    except ValueError:
        table.fail(line, f"{column}: {value!r} is not a number")
    if not math.isfinite(result):
        table.fail(line, f"{column}: {value!r} is not a number")
    if integer:
        if not result.is_integer():
            table.fail(line, f"{column}: {value!r} is not a whole number")
        return int(result)
    return result


def read_csv(source, pattern, columns, delimiter=",", **options):
    """``Source.read_csv`` for files that are each either UTF-8 or Windows-1252 (the DARES and France Travail
    files were saved with both); the base notes Windows-1252 lines as warnings."""
    return source.read_csv(pattern, columns, delimiter, windows_1252="file", **options)


def provenance(source):
    """The text of the PROVENANCE.md beside the files, or "" when there is none."""
    names = source.find_all("PROVENANCE.md")
    return source.read_text(names[0]) if names else ""


def iso_date(text, pattern):
    """The date captured by ``pattern`` (a regex with one group, YYYY-MM-DD) in ``text``, or None."""
    match = re.search(pattern, text)
    if not match:
        return None
    try:
        return datetime.date.fromisoformat(match[1])
    except ValueError:
        return None


def period_end(period):
    """The last year of a period as published ("2017-2019" -> 2019, "2019" -> 2019), for ordering."""
    return int(re.findall(r"\d{4}", period)[-1])


# -- the DARES PSM files ------------------------------------------------------------------------------------------

ALL = "ENSEMBLE"
ALL_SPELLINGS = {"Ensemble": ALL, "ENSEMBLE": ALL, "ENSEM": ALL, "ENS": ALL}
SALARIED = "SAL"
PSEUDO_LABELS = {ALL: "Tous métiers", SALARIED: "Ensemble des salariés"}
LABEL_COLUMNS = ["libelle", "code_domaine", "libelle_domaine", "code_fap_agregee", "libelle_fap_agregee"]


@dataclass
class Series:
    """One PSM file read into ``DaresIndicator``: which column holds what.

    ``indicator`` names the one indicator of the file; otherwise ``category`` is the column whose value picks the
    indicator in ``categories`` (a value not listed there stops the import: the publisher changed the file).
    """

    file: str
    code: str
    period: str
    value: str
    unit: str
    indicator: str = ""
    category: str = ""
    categories: dict = field(default_factory=dict)
    labelled: bool = False  # has the *_3niv label columns
    delimiter: str = ","

    @property
    def columns(self):
        columns = [self.code, self.period, self.value] + ([self.category] if self.category else [])
        return columns + (LABEL_COLUMNS if self.labelled else [])


AGE = {"Moins de 30 ans": "share_under_30", "30-49 ans": "share_30_to_49", "50 ans et plus": "share_over_50"}
AGE_SERIES = {
    "Moins de 30 ans": "share_under_30",
    "De 30 à 49 ans": "share_30_to_49",
    "50 ans ou plus": "share_over_50",
}
STATUS = {
    "Contrats à durée déterminée": "share_fixed_term",
    "Intérimaires": "share_temp_agency",
    "Contrats ou emplois à durée indéterminée": "share_permanent",
    "Apprentis": "share_apprentices",
    "Non-salariés, chefs d'entreprise": "share_self_employed",
}
WORKING_TIME = {
    "Temps partiel": "share_part_time",
    "dont sous-emploi": "share_underemployed",
    "Temps complet travaillant plus de 40h par semaine": "share_full_time_over_40h",
}

# In order of precedence: the finest files first, then the FAP-87 series that add the other periods.
INDICATORS = [
    Series("part_femmes_3niv.csv", "Fap3", "Annee", "Part", "%", indicator="share_women", labelled=True),
    Series("salaire_median_3niv.csv", "Fap3", "Annee", "Salaire_median", "€", indicator="median_salary"),
    Series(
        "age_agrege_1982_1984_2017_2019_restructure_3niv.csv", "Fap", "Annee", "Pourcentage", "%",
        category="Age", categories=AGE, labelled=True,
    ),
    Series(
        "tab5statut_3niv.csv", "Fap", "Annee", "Pourcentage", "%", category="statut", categories=STATUS, labelled=True
    ),
    Series(
        "tab6_temps_travail_3niv.csv", "Fap", "annee", "Pourcentage", "%",
        category="Temps_travail", categories=WORKING_TIME, labelled=True,
    ),
    Series(
        "age_agrege_1982_1984_a_2017_2019_restructure.csv", "Fap", "Annee", "Pourcentage", "%",
        category="Age", categories=AGE_SERIES,
    ),
    Series("part_cdd.csv", "Fap", "annee", "part", "%", category="stat_sl", categories={"cdd": "share_fixed_term"}),
    Series(
        "part_interim.csv", "Fap", "annee", "part", "%", category="stat_sl", categories={"int": "share_temp_agency"}
    ),
    Series(
        "part_tempspartiel.csv", "Fap3", "annee", "part", "%",
        category="rep_tps_partiel", categories={"1": "share_part_time"},
    ),
]  # fmt: skip

# tensions/tensions.csv: column -> (indicator, unit). Categories are quintiles 1 (low) – 5 (high).
TENSION_COLUMNS = {
    "Tension": ("tension", "index"),
    "Catégorie Tension": ("tension_category", "1-5"),
    "Intensité d'embauches": ("hiring_intensity", "1-5"),
    "Lien formation-emploi": ("training_job_link", "1-5"),
    "Manque de main-d'œuvre disponible": ("labour_shortage", "1-5"),
    "Non-durabilité de l'emploi": ("job_instability", "1-5"),
    "Conditions de travail contraignantes": ("working_conditions", "1-5"),
    "Inadéquation géographique": ("geographic_mismatch", "1-5"),
    "Emploi moyen": ("average_employment", "persons"),
}
TENSION_LEVELS = {"fap 225": 5, "fap 87": 3}
# A difference larger than this between two files giving the same figure is reported.
TOLERANCE = 0.05


def fap_level(code):
    if code in PSEUDO_LABELS:
        return Fap2009.Level.ALL
    if FAP225.fullmatch(code):
        return Fap2009.Level.FAP225
    if FAP87.fullmatch(code):
        return Fap2009.Level.FAP87
    if DOMAINE.fullmatch(code):
        return Fap2009.Level.DOMAINE
    return None


class DaresPortraitsImporter(Importer):
    dataset_slug = "dares-portraits"

    def parse(self, source):
        self.source = source
        self.labels = {}  # code -> (label, file, line)
        self.unlabelled = set()  # codes whose only label is the code itself
        self.indicators = {}  # (code, indicator, period, scope) -> {value, unit, source_file}
        self.lines = {}  # (code, indicator, period, scope) -> line in source_file
        self.differences = {}  # (file, first file) -> [count, first example]
        for series in INDICATORS:
            self._series(series)
        self._tensions()
        self._check_codes()
        faps = self._faps()
        pcs = self._fap_pcs()
        rome = self._fap_rome()
        for (name, first), (count, example) in sorted(self.differences.items()):
            self.warnings.append(
                f"{name}: {count} value(s) differ by more than {TOLERANCE} from {first}, whose values are kept "
                f"(first: {example})"
            )
        rows = {(self.dataset_slug, *key): values for key, values in self.indicators.items()}
        text = provenance(source)
        latest = max((k[2] for k in self.indicators if k[1] == "share_women"), key=period_end, default="")
        meta = dataset_meta(
            source,
            name="Portraits statistiques des métiers (DARES)",
            publisher="DARES (ministère du Travail)",
            version=latest,
            published_on=iso_date(text, r'"publication", (\d{4}-\d{2}-\d{2})'),
            description="Fichiers d'entrée de l'application PSM (FAP 2009) : parts de femmes, âges, statuts, "
            "temps partiel, salaire médian, indicateurs de tension 2019, correspondances FAP–ROME et FAP–PCS. "
            "Dépôt StatDares/PortraitStatMetiers (licence du dépôt : GNU GPL v3).",
            official_url="https://dares.travail-emploi.gouv.fr/donnees/portraits-statistiques-des-metiers",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [
            Table(Fap2009, ("code",), faps, label="FAP 2009 codes"),
            Table(
                FapPcs, ("source", "fap_code", "pcs_code"), pcs,
                scope=Q(source=CrosswalkSource.DARES_PSM), label="FAP-PCS links (DARES)",
            ),
            Table(
                RomeFap2009, ("source", "rome_code", "fap_code"), rome,
                scope=Q(source=CrosswalkSource.DARES_PSM), label="ROME-FAP links (DARES)",
            ),
            Table(
                DaresIndicator, ("dataset", "fap_code", "indicator", "period", "scope"), rows,
                scope=Q(dataset=self.dataset_slug), label="DARES indicators",
            ),
        ]  # fmt: skip

    # -- readers --------------------------------------------------------------------------------------------------

    def _code(self, table, line, value):
        code = value.strip()
        code = ALL_SPELLINGS.get(code, code)
        if fap_level(code) is None:
            table.fail(line, f"invalid FAP 2009 code {value!r}")
        return code

    def _label(self, table, line, code, label):
        label = clean_text(label)
        if not code or code in MISSING or code in PSEUDO_LABELS or not label or label in MISSING:
            return
        if label == code:  # a placeholder: the code is known, its label is not
            self.unlabelled.add(code)
            return
        known = self.labels.get(code)
        if known is None:
            self.labels[code] = (label, table.name, line)
        elif known[0] != label:
            self.warnings.append(
                f"{table.name} line {line}: label of {code} {label!r} differs from {known[0]!r} "
                f"({known[1]} line {known[2]}); the first is kept"
            )

    def _add(self, table, line, key, value, unit):
        current = self.indicators.get(key)
        if current is None:
            self.indicators[key] = {"value": value, "unit": unit, "source_file": table.name}
            self.lines[key] = line
            return
        if current["source_file"] == table.name:
            table.fail(line, f"duplicate row for {key[0]} {key[1]} {key[2]} {key[3]}")
        old = current["value"]
        if (old is None) != (value is None) or (old is not None and abs(old - value) > TOLERANCE):
            entry = self.differences.setdefault((table.name, current["source_file"]), [0, ""])
            if not entry[0]:
                entry[1] = f"line {line}, {key[0]} {key[1]} {key[2]}: {value} vs {old}"
            entry[0] += 1

    def _series(self, series):
        table = read_csv(self.source, series.file, series.columns, series.delimiter)
        for line, r in table:
            code = self._code(table, line, r[series.code])
            if series.labelled:
                self._label(table, line, code, r["libelle"])
                if code not in PSEUDO_LABELS:
                    self._label(table, line, r["code_fap_agregee"].strip(), r["libelle_fap_agregee"])
                    self._label(table, line, r["code_domaine"].strip(), r["libelle_domaine"])
            if series.indicator:
                indicator = series.indicator
            else:
                category = r[series.category].strip()
                if category not in series.categories:
                    table.fail(line, f"{series.category}: unknown value {r[series.category]!r}")
                indicator = series.categories[category]
            period = r[series.period].strip()
            if not re.fullmatch(r"\d{4}(-\d{4})?", period):
                table.fail(line, f"{series.period}: {period!r} is not a year or a period")
            value = number(table, line, r[series.value], series.value)
            self._add(table, line, (code, indicator, period, "France"), value, series.unit)

    def _tensions(self):
        columns = [*TENSION_COLUMNS, "fap", "Année", "niveau_geo", "niveau_fap", "reg", "dep"]
        table = read_csv(self.source, "tensions.csv", columns)
        for line, r in table:
            code = self._code(table, line, r["fap"])
            level = r["niveau_fap"].strip()
            if TENSION_LEVELS.get(level) != len(code):
                table.fail(line, f"niveau_fap {r['niveau_fap']!r} does not match the code {code!r}")
            scope = self._scope(table, line, r)
            year = r["Année"].strip()
            if not re.fullmatch(r"\d{4}", year):
                table.fail(line, f"Année: {year!r} is not a year")
            for column, (indicator, unit) in TENSION_COLUMNS.items():
                value = number(table, line, r[column], column)
                self._add(table, line, (code, indicator, year, scope), value, unit)
        series = read_csv(self.source, "evol_tensions.csv", ["fap", "Tension", "Année"])
        for line, r in series:
            code = self._code(series, line, r["fap"])
            year = r["Année"].strip()
            if not re.fullmatch(r"\d{4}", year):
                series.fail(line, f"Année: {year!r} is not a year")
            value = number(series, line, r["Tension"], "Tension")
            self._add(series, line, (code, "tension", year, "France"), value, "index")

    def _scope(self, table, line, r):
        geo = r["niveau_geo"].strip()
        if geo == "nat":
            return "France"
        if geo == "reg":
            reg = r["reg"].strip()
            try:
                code = f"{int(float(reg)):02d}"  # published as a float: 53.0
            except ValueError:
                code = reg
            if code not in REGION_CODES:
                table.fail(line, f"reg: unknown region code {reg!r}")
            return f"reg:{code}"
        if geo == "dep":
            dep = r["dep"].strip()
            if not DEPARTMENT.fullmatch(dep):
                table.fail(line, f"dep: unknown department code {dep!r}")
            return f"dep:{dep}"
        table.fail(line, f"niveau_geo: unknown level {r['niveau_geo']!r}")

    def _check_codes(self):
        """Every code of an indicator is a known FAP code: an unknown one is an error in that file."""
        known = set(self.labels) | self.unlabelled | set(PSEUDO_LABELS)
        for key, values in self.indicators.items():
            if key[0] not in known:
                raise ImportFailed(
                    f"unknown FAP code {key[0]!r}: no *_3niv file gives its label",
                    file=values["source_file"],
                    line=self.lines[key],
                )

    def _faps(self):
        rows = {}
        for code, (label, _file, _line) in self.labels.items():
            level = fap_level(code)
            parent = {Fap2009.Level.FAP225: code[:3], Fap2009.Level.FAP87: code[:1]}.get(level, "")
            rows[(code,)] = {"level": level, "label": label, "parent_code": parent}
        missing = sorted(self.unlabelled - set(self.labels))
        if missing:
            self.warnings.append(f"no label published for {', '.join(missing)}: the code stands for the label")
        for code in missing:
            level = fap_level(code)
            parent = {Fap2009.Level.FAP225: code[:3], Fap2009.Level.FAP87: code[:1]}.get(level, "")
            rows[(code,)] = {"level": level, "label": code, "parent_code": parent}
        for code, label in PSEUDO_LABELS.items():
            rows[(code,)] = {"level": Fap2009.Level.ALL, "label": label, "parent_code": ""}
        return rows

    def _known_fap225(self, table, line, value):
        code = value.strip()
        if not FAP225.fullmatch(code):
            table.fail(line, f"invalid FAP-225 code {value!r}")
        if code not in self.labels and code not in self.unlabelled:
            table.fail(line, f"unknown FAP code {code!r}")
        return code

    def _fap_pcs(self):
        table = read_csv(self.source, "FAP_PCS.csv", ["Fap", "PCS", "intitule_PCS"], delimiter=";")
        rows = {}
        for line, r in table:
            if not any(v.strip() for v in r.values()):
                continue
            fap = self._known_fap225(table, line, r["Fap"])
            pcs = r["PCS"].strip()
            if not PCS.fullmatch(pcs):
                table.fail(line, f"invalid PCS code {r['PCS']!r}")
            key = (CrosswalkSource.DARES_PSM, fap, pcs)
            if key in rows:
                table.fail(line, f"duplicate row for {fap} {pcs}")
            rows[key] = {"pcs_label": clean_text(r["intitule_PCS"])}
        return rows

    def _fap_rome(self):
        table = read_csv(self.source, "fap225_rome.csv", ["Fap", "Rome", "intitule_rome"], delimiter=";")
        rows = {}
        for line, r in table:
            if not any(v.strip() for v in r.values()):
                continue  # the file ends with empty ";;" lines
            fap = self._known_fap225(table, line, r["Fap"])
            rome = r["Rome"].strip()
            if rome in MISSING:
                continue  # a FAP without ROME code
            if not ROME_V3.fullmatch(rome):
                table.fail(line, f"invalid ROME code {r['Rome']!r}")
            key = (CrosswalkSource.DARES_PSM, rome, fap)
            if key in rows:
                table.fail(line, f"duplicate row for {fap} {rome}")
            rows[key] = {"rome_label": clean_text(r["intitule_rome"])}
        return rows
