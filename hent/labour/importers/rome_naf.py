"""Reader of La Bonne Boîte's ROME v3 → NAF mapping weighted by hirings, its label lists and its FAP → ROME
tension shares (Pôle emploi, repository ``StartupsPoleEmploi/labonneboite``, ``labonneboite/common/data/``).

Files (CSV, UTF-8):

* ``rome_naf_mapping.csv`` — ``rome_id,rome_label,naf_id,naf_label,hirings``: the filtered mapping the service
  uses; ``rome_naf_mapping.raw.csv`` (optional) — the same columns, unfiltered. Every pair of either file is
  kept; ``curated`` says whether the filtered file has it. ``hirings`` is a count of hires (DPAE).
* ``rome_labels.csv`` and ``naf_labels.csv`` — ``|`` separated (``rome_id|rome_label``, ``naf_id|naf_label``).
  Every ROME and NAF code of the mapping must be in them (an unknown code stops the import).
* ``metiers_tension.csv`` and ``metiers_tension_2019.csv`` (optional) — ``fap_code,fap,tension_pct,rome_code,
  rome_label``: a FAP 2009 → ROME table with an undocumented tension share (0–100).

Quirks: in ROME labels the commas were replaced by ``;`` (restored; NAF labels have genuine " ; "); a NAF label
holds a control character (removed, with a warning); ``#N/A`` (spreadsheet error) is an unknown value.
"""

import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table, dataset_meta
from hent.labour.importers.dares_portraits import FAP225, ROME_V3, checked, clean_text, number, read_csv
from hent.labour.models import LbbTension, NafLabel, RomeNaf, RomeV3Label

NAF = re.compile(r"\d\d\.?\d\d[A-Z]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAPPING_COLUMNS = ["rome_id", "rome_label", "naf_id", "naf_label", "hirings"]
TENSION_COLUMNS = ["fap_code", "fap", "tension_pct", "rome_code", "rome_label"]
TENSION_FILES = ["metiers_tension.csv", "metiers_tension_2019.csv"]


def rome_label(text):
    """A ROME label with its commas back (the files replaced them by ';')."""
    return clean_text(text.replace(";", ","))


class RomeNafImporter(Importer):
    dataset_slug = "labonneboite-rome-naf"

    def parse(self, source):
        self.source = source
        romes = self._labels("rome_labels.csv", "rome_id", "rome_label", ROME_V3, RomeV3Label, rome_label)
        nafs = self._labels("naf_labels.csv", "naf_id", "naf_label", NAF, NafLabel, clean_text)
        mapping = {}
        self._mapping("rome_naf_mapping.csv", True, romes, nafs, mapping)
        if source.find("rome_naf_mapping.raw.csv", required=False):
            self._mapping("rome_naf_mapping.raw.csv", False, romes, nafs, mapping)
        tensions = {}
        for name in TENSION_FILES:
            if source.find(name, required=False):
                self._tensions(name, romes, tensions)
        meta = dataset_meta(
            source,
            name="Correspondance ROME – NAF pondérée par les embauches (La Bonne Boîte)",
            publisher="Pôle emploi (La Bonne Boîte)",
            version="ROME v3, NAF rév. 2",
            description="Secteurs (NAF) qui recrutent pour chaque métier ROME v3, pondérés par les embauches "
            "(DPAE) ; libellés ROME et NAF ; part de tension par FAP 2009 utilisée par La Bonne Boîte. Dépôt "
            "StartupsPoleEmploi/labonneboite (licence du dépôt : GNU AGPL v3).",
            official_url="https://github.com/StartupsPoleEmploi/labonneboite",
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        return meta, [
            Table(RomeV3Label, ("rome_code",), {(k,): {"label": v} for k, v in romes.items()}, label="ROME v3 labels"),
            Table(NafLabel, ("naf_code",), {(k,): {"label": v} for k, v in nafs.items()}, label="NAF labels"),
            Table(RomeNaf, ("rome_code", "naf_code"), mapping, label="ROME-NAF links"),
            Table(LbbTension, ("source_file", "fap_code", "rome_code"), tensions, label="FAP-ROME tension shares"),
        ]

    def _labels(self, name, code_column, label_column, pattern, model, clean):
        """A '|'-separated, unquoted list of codes and labels."""
        table = read_csv(self.source, name, [code_column, label_column], delimiter="|", quoted=False)
        labels = {}
        for line, r in table:
            code = r[code_column].strip()
            if not pattern.fullmatch(code):
                table.fail(line, f"invalid {code_column}: {r[code_column]!r}")
            if code in labels:
                table.fail(line, f"duplicate row for {code}")
            text = r[label_column]
            if CONTROL.search(text):
                self.warnings.append(f"{table.name} line {line}: control character(s) removed from the label")
                text = CONTROL.sub("", text)
            labels[code] = clean(text)
            if not labels[code]:
                table.fail(line, "empty label")
            checked(model, table, line, {"label": labels[code]})
        return labels

    def _mapping(self, name, curated, romes, nafs, rows):
        table = read_csv(self.source, name, MAPPING_COLUMNS)
        seen = set()
        for line, r in table:
            rome, naf = r["rome_id"].strip(), r["naf_id"].strip()
            if rome not in romes:
                table.fail(line, f"unknown ROME code {r['rome_id']!r} (not in rome_labels.csv)")
            if naf not in nafs:
                table.fail(line, f"unknown NAF code {r['naf_id']!r} (not in naf_labels.csv)")
            if (rome, naf) in seen:
                table.fail(line, f"duplicate row for {rome} {naf}")
            seen.add((rome, naf))
            weight = number(table, line, r["hirings"], "hirings", integer=True)
            if weight is not None and weight < 0:
                table.fail(line, f"hirings: {r['hirings']!r} is negative")
            current = rows.get((rome, naf))
            if current is not None:  # the raw file repeats the filtered pairs
                if current["weight"] != weight:
                    self.warnings.append(
                        f"{table.name} line {line}: {rome} {naf} has {weight} hirings, the filtered mapping "
                        f"{current['weight']}; the filtered value is kept"
                    )
                continue
            rows[(rome, naf)] = checked(
                RomeNaf,
                table,
                line,
                {
                    "rome_label": rome_label(r["rome_label"]),
                    "naf_label": clean_text(r["naf_label"]),
                    "weight": weight,
                    "curated": curated,
                },
            )

    def _tensions(self, name, romes, rows):
        table = read_csv(self.source, name, TENSION_COLUMNS)
        for line, r in table:
            fap, rome = r["fap_code"].strip(), r["rome_code"].strip()
            if not FAP225.fullmatch(fap):
                table.fail(line, f"invalid FAP 2009 code {r['fap_code']!r}")
            if rome not in romes:
                table.fail(line, f"unknown ROME code {r['rome_code']!r} (not in rome_labels.csv)")
            key = (name, fap, rome)
            if key in rows:
                table.fail(line, f"duplicate row for {fap} {rome}")
            share = number(table, line, r["tension_pct"], "tension_pct")
            if share is not None and not 0 <= share <= 100:
                table.fail(line, f"tension_pct: {r['tension_pct']!r} is not a percentage")
            rows[key] = checked(
                LbbTension,
                table,
                line,
                {
                    "fap_label": clean_text(r["fap"]),
                    "rome_label": rome_label(r["rome_label"]),
                    "tension_pct": share,
                },
            )
