"""Reader of DARES / France Stratégie "Les métiers en 2030 : quelles perspectives de recrutement en région ?".

The DARES publishes an xlsx ("… - Les données.xlsx", sheet "données"), which is not available here. What is
read is the JSON copy of that sheet with renamed fields (``dares_metiers_2030_regions.json``, from the
``matjussu/OrientIA`` repository): an array of one object per FAP-87 family × region,

    {"code_fap": "J5Z", "fap_libelle": "…", "region": "Bretagne", "effectifs_2019_milliers": 5.74, …,
     "postes_a_pourvoir_milliers": 1.65, "postes_a_pourvoir_pct": 0.286, "niveau_tension_2019": "1"}

The CSV files beside it are a flattening of the same records made afterwards; they are not read.

Quirks: regions are names (mapped to INSEE codes; an unknown name stops the import); in Corse some families are
published as one merged group, ``code_fap`` "A0Z;A1Z;A2Z;A3Z", kept as published with its members listed in
``fap_codes``; a few codes are the study's own groups of FAP-87 (D0A, F0A, F2A, XK_); ``_pct`` fields are
fractions of 2019 employment; ``niveau_tension_2019`` is 1–5 or "hors champ" (None, as is an empty value).
"""

import json
import re

from hent.core.importing import ETALAB, ETALAB_URL, LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table, dataset_meta
from hent.labour.importers.dares_portraits import checked, clean_text, number, region_code
from hent.labour.models import Projection2030

FAP_GROUP_MEMBER = re.compile(r"[A-Z][0-9A-Z][A-Z_]")
OUT_OF_SCOPE = "hors champ"
# JSON field -> model field (numbers; null or a masked text is None).
NUMBERS = {
    "effectifs_2019_milliers": "employment_2019",
    "part_metier_region": "share_of_region_employment",
    "indice_specificite": "specificity_index",
    "creations_destructions_milliers": "net_creation",
    "creations_destructions_pct": "net_creation_rate",
    "departs_fin_carriere_milliers": "retirements",
    "departs_fin_carriere_pct": "retirements_rate",
    "jeunes_debutants_milliers": "young_entrants",
    "jeunes_debutants_pct": "young_entrants_rate",
    "solde_mobilites_inter_regions_milliers": "interregional_mobility",
    "solde_mobilites_inter_regions_pct": "interregional_mobility_rate",
    "desequilibre_milliers": "imbalance",
    "desequilibre_pct": "imbalance_rate",
    "postes_a_pourvoir_milliers": "positions_to_fill",
    "postes_a_pourvoir_pct": "positions_to_fill_rate",
}
REQUIRED = ["code_fap", "fap_libelle", "region", *NUMBERS, "niveau_tension_2019"]


class JsonFile:
    """A JSON file that is an array of records, read with the line where each record starts."""

    def __init__(self, name, text):
        self.name, self.text = name, text
        self._counted = (0, 1)  # (position, line at that position): lines are counted forward only

    def fail(self, line, message):
        raise ImportFailed(message, file=self.name, line=line)

    def records(self):
        text, decoder = self.text, json.JSONDecoder()
        position = self._skip(0)
        if not text.startswith("[", position):
            self.fail(1, "expected a JSON array of records")
        position = self._skip(position + 1)
        while not text.startswith("]", position):
            if position >= len(text):
                self.fail(self._line(position), "malformed JSON (unexpected end of file); is the file truncated?")
            line = self._line(position)
            try:
                record, end = decoder.raw_decode(text, position)
            except json.JSONDecodeError as exc:
                self.fail(exc.lineno, f"malformed JSON ({exc.msg}); is the file truncated?")
            yield line, record
            position = self._skip(end)
            if text.startswith(",", position):
                position = self._skip(position + 1)
            elif not text.startswith("]", position):
                self.fail(self._line(position), "malformed JSON (expected ',' or ']'); is the file truncated?")
        if text[position + 1 :].strip():
            self.fail(self._line(position), "unexpected text after the JSON array")

    def _line(self, position):
        start, line = self._counted
        if position < start:
            start, line = 0, 1
        line += self.text.count("\n", start, position)
        self._counted = (position, line)
        return line

    def _skip(self, position):
        while position < len(self.text) and self.text[position] in " \t\r\n":
            position += 1
        return position


def json_number(table, line, value, key):
    if value is None:
        return None
    if isinstance(value, bool):
        table.fail(line, f"{key}: {value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return number(table, line, value, key)
    table.fail(line, f"{key}: {value!r} is not a number")


class Metiers2030Importer(Importer):
    dataset_slug = "dares-metiers-2030"

    def parse(self, source):
        name = source.find("*metiers*2030*.json")
        table = JsonFile(name, source.read_text(name))
        rows = {}
        for line, record in table.records():
            if not isinstance(record, dict):
                table.fail(line, "a record is not a JSON object")
            missing = [k for k in REQUIRED if k not in record]
            if missing:
                table.fail(line, f"missing field(s): {', '.join(missing)}")
            code = str(record["code_fap"]).strip()
            members = [m.strip() for m in code.split(";")]
            if not all(FAP_GROUP_MEMBER.fullmatch(m) for m in members):
                table.fail(line, f"invalid FAP-87 code {record['code_fap']!r}")
            region = clean_text(str(record["region"]))
            key = (region_code(table, line, region), code)
            if key in rows:
                table.fail(line, f"duplicate row for {code} in {region}")
            values = {field: json_number(table, line, record[k], k) for k, field in NUMBERS.items()}
            row = {
                "fap_codes": members,
                "label": clean_text(str(record["fap_libelle"])),
                "region_name": region,
                **values,
                "tension_2019": self._tension(table, line, record["niveau_tension_2019"]),
            }
            rows[key] = checked(Projection2030, table, line, {"fap_code": code, **row})
            del rows[key]["fap_code"]
        meta = dataset_meta(
            source,
            name="Les métiers en 2030 : perspectives de recrutement en région (DARES, France Stratégie)",
            publisher="DARES et France Stratégie",
            version="2019-2030",
            published_on=None,  # 2023; the day is not stated
            description="Projections 2019-2030 par famille professionnelle (FAP-87) et région : emploi 2019, "
            "créations nettes, départs en fin de carrière, jeunes débutants, postes à pourvoir (publication 2023 ; "
            "copie JSON du classeur de la DARES, dépôt matjussu/OrientIA).",
            official_url="https://dares.travail-emploi.gouv.fr/publication/"
            "les-metiers-en-2030-quelles-perspectives-de-recrutement-en-region",
            licence=(f"{ETALAB} selon la copie utilisée ; {LICENCE_NOT_VERIFIED}", ETALAB_URL),
        )
        return meta, [Table(Projection2030, ("region_code", "fap_code"), rows, label="projections 2030")]

    def _tension(self, table, line, value):
        text = "" if value is None else str(value).strip()
        if text.lower() == OUT_OF_SCOPE or not text:
            return None  # out of the indicator's scope, or not published
        if text not in {"1", "2", "3", "4", "5"}:
            table.fail(line, f"niveau_tension_2019: {value!r} is neither 1-5 nor 'hors champ'")
        return int(text)
