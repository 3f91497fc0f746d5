"""Readers of the InserJeunes outcome files (CSV ';'):

* ``RegionOutcomeImporter``: ij_region_data.csv, by millésime × region × voie × training;
* ``DeppOutcomeImporter``: depp-2022-etablissements-<millésime>-{pro,apprentissage}.csv, by establishment;
* ``CfaOutcomeImporter``: fr-en-inserjeunes-cfa.csv, by CFA and cumulated period.

Masked values ("", "nd", "*") are None, never 0.

The DEPP files of 2018_2019 and 2019_2020 leave some column names blank. Their meaning was
established by comparing the values, UAI by UAI, with the per-CFA file (which names them): between
"Région" and "Taux", the last blank column is the further-study rate and the one before it is the
scope ("ensemble", "dont apprentis"… in "pro" files) or the share of broken-off apprenticeship
contracts (in "apprentissage" files); after "Valeur ajoutée", the blank columns are the employment
rates at 12, 18 and 24 months, in that order.
"""

import re
from functools import partial

from django.db.models import Q

from hent.core.importing import Importer, ImportFailed, Table, check_lengths, dataset_meta
from hent.territories.names import REGION_CODES
from hent.trainings.importers.common import check_uai, masked_number, region_code
from hent.trainings.models import EstablishmentOutcome, RegionOutcome

RATE = {"low": 0, "high": 100}
VALUE_ADDED = {"low": -100, "high": 100}
METRICS = [
    "rate_further_studies", "rate_employment_6", "expected_employment_6", "value_added_6", "rate_employment_12",
    "rate_employment_18", "rate_employment_24", "share_further_studies", "share_employed_6", "share_other",
    "share_interrupted",
]  # fmt: skip


def check_millesime(table, line, value):
    match = re.fullmatch(r"(\d{4})_(\d{4})", value.strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        table.fail(line, f"invalid millésime {value!r} (expected e.g. 2022_2023)")
    return match[0]


def span(values):
    values = sorted(set(values))
    return values[0] if len(values) == 1 else f"{values[0]} à {values[-1]}"


# -- by region and training ------------------------------------------------------------------------

REGION_COUNTS = {
    "cohort": "nb_annee_term",
    "leavers": "nb_sortant",
    "employed_6": "nb_en_emploi_6_mois",
    "employed_12": "nb_en_emploi_12_mois",
    "employed_18": "nb_en_emploi_18_mois",
    "employed_24": "nb_en_emploi_24_mois",
    "further_studies": "nb_poursuite_etudes",
}
REGION_RATES = {
    "rate_employment_6": "taux_emploi_6_mois",
    "rate_employment_12": "taux_emploi_12_mois",
    "rate_employment_18": "taux_emploi_18_mois",
    "rate_employment_24": "taux_emploi_24_mois",
    "rate_further_studies": "taux_poursuite_etudes",
}


class RegionOutcomeImporter(Importer):
    dataset_slug = "inserjeunes-regions"

    def parse(self, source):
        columns = ["id", "millesime", "code_region_ij", "code_region", "voie", "cfd", "mefstat11"]
        columns += [*REGION_COUNTS.values(), *REGION_RATES.values()]
        table = source.read_csv("ij_region_data*.csv", columns, ";")
        rows = {}
        for line, r in table:
            key = r["id"].strip()
            if not key:
                table.fail(line, "empty id")
            table.unique(rows, line, (key,))
            region = r["code_region"].strip()
            if region not in REGION_CODES:
                table.fail(line, f"unknown region code {region!r}")
            voie = r["voie"].strip()
            cfd, mef = r["cfd"].strip().upper(), r["mefstat11"].strip()
            if voie == "apprentissage":
                if not re.fullmatch(r"[0-9A-Z]{8}", cfd):
                    table.fail(line, f"apprenticeship row without a valid CFD code ({cfd!r})")
            elif voie == "scolaire":
                if not re.fullmatch(r"\d{11}", mef):
                    table.fail(line, f"school row without a valid MEFSTAT11 code ({mef!r})")
            else:
                table.fail(line, f"unknown voie {voie!r} (expected scolaire or apprentissage)")
            if mef and not re.fullmatch(r"\d{11}", mef):
                table.fail(line, f"invalid MEFSTAT11 code {mef!r}")
            row = {
                "millesime": check_millesime(table, line, r["millesime"]),
                "region_code": region,
                "region_code_ij": r["code_region_ij"].strip(),
                "voie": voie,
                "cfd": cfd,
                "mefstat11": mef,
            }
            for field, column in REGION_COUNTS.items():
                row[field] = masked_number(table, line, column, r[column], integer=True, low=0)
            for field, column in REGION_RATES.items():
                row[field] = masked_number(table, line, column, r[column], **RATE)
            check_lengths(RegionOutcome, {"key": key, **row}, lambda message, line=line: table.fail(line, message))
            rows[(key,)] = row
        millesimes = [r["millesime"] for r in rows.values()]
        meta = dataset_meta(
            source,
            name="InserJeunes : devenir des sortants par région et formation",
            publisher="DEPP et DARES (InserJeunes), fichier assemblé par le projet Orion (Mission apprentissage)",
            version=f"millésimes {span(millesimes)}" if millesimes else "",
            description=(
                "Taux d'emploi à 6, 12, 18 et 24 mois et de poursuite d'études des sortants de voie "
                "professionnelle, par région, voie (scolaire, apprentissage) et formation (code CFD ou MEFSTAT11)."
            ),
        )
        return meta, [Table(RegionOutcome, ("key",), rows, label="outcomes by region and training")]


# -- by establishment: the DEPP files ------------------------------------------------------------------

DEPP_FILE = re.compile(r"etablissements-(\d{4}_\d{4})-(pro|apprentissage)\.csv$")
DEPP_NAMED = {
    "n°uai de l'établissement": "uai",
    "libellé de l'établissement": "name",
    "région": "region",
    "dont apprentis en eple": "scope",
    "taux de poursuite d'études": "rate_further_studies",
    "taux": "rate_employment_6",
    "taux attendu": "expected_employment_6",
    "valeur ajoutée": "value_added_6",
    "part en poursuite d'études": "share_further_studies",
    "part en emploi 6 mois après la sortie": "share_employed_6",
    "part des autres situations": "share_other",
}


def depp_columns(cells, kind, name):
    """Canonical names for the header cells of a DEPP file, the blank ones included (see the module doc)."""

    def fail(message):
        return ImportFailed(message, file=name, line=1)

    names = []
    for cell in cells:
        label = " ".join(cell.replace("\ufeff", "").split()).lower()
        if label and label not in DEPP_NAMED:
            raise fail(f"unknown column {cell.strip()!r}")
        names.append(DEPP_NAMED.get(label, ""))
    missing = [c for c in ("uai", "name", "region", "rate_employment_6", "value_added_6") if c not in names]
    if missing:
        raise fail(f"missing column(s): {', '.join(missing)}")
    region, rate, value_added = names.index("region"), names.index("rate_employment_6"), names.index("value_added_6")
    before = [i for i in range(region + 1, rate) if not names[i]]
    if before:
        names[before.pop()] = "rate_further_studies"
    if before:
        names[before.pop()] = "scope" if kind == "pro" else "share_interrupted"
    after = [i for i in range(value_added + 1, len(names)) if not names[i]]
    for i, field in zip(after, ("rate_employment_12", "rate_employment_18", "rate_employment_24"), strict=False):
        names[i] = field
    if "" in names:
        raise fail(f"unnamed column {names.index('') + 1} cannot be identified")
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise fail(f"column(s) given twice: {', '.join(sorted(duplicates))}")
    if kind == "pro" and "scope" not in names:
        raise fail("missing column: Dont apprentis en EPLE")
    return names


def outcome_row(table, line, r, **fields):
    row = {**fields, "uai": check_uai(table, line, r["uai"])}
    row["name"] = r["name"].strip()
    row["region"] = r["region"].strip()
    if not row["name"]:
        table.fail(line, "empty establishment name")
    row["region_code"] = region_code(table, line, row["region"])
    for field in METRICS:
        limits = VALUE_ADDED if field == "value_added_6" else RATE
        row[field] = masked_number(table, line, field, r.get(field, ""), **limits)
    check_lengths(EstablishmentOutcome, row, lambda message: table.fail(line, message))
    return row


class DeppOutcomeImporter(Importer):
    dataset_slug = "inserjeunes-etablissements-depp"

    def parse(self, source):
        names = source.find_all("depp-*-etablissements-*.csv")
        if not names:
            raise ImportFailed("no file matching depp-*-etablissements-*.csv", file=str(source.path))
        rows, periods = {}, set()
        for name in names:
            match = DEPP_FILE.search(name)
            if not match:
                raise ImportFailed("cannot tell the millésime and kind (pro, apprentissage) from the name", file=name)
            period, kind = match[1], match[2]
            periods.add(period)
            # Blank column names cannot be dict keys: the header is read as canonical names.
            table = source.csv_file(
                name, ["uai", "name", "region"], ";", rename=partial(depp_columns, kind=kind, name=name)
            )
            src = "depp-pro" if kind == "pro" else "depp-apprentissage"
            for line, r in table:
                scope = " ".join(r.get("scope", "").split())
                if kind == "pro" and not scope:
                    table.fail(line, "empty 'Dont apprentis en EPLE' (expected 'ensemble', 'dont apprentis'…)")
                row = outcome_row(table, line, r, millesime=period)
                key = (src, period, row.pop("uai"), scope)
                table.unique(rows, line, key)
                rows[key] = row
        meta = dataset_meta(
            source,
            name="InserJeunes : valeur ajoutée des lycées professionnels et des CFA",
            publisher="Ministère de l'Éducation nationale (DEPP)",
            version=f"millésimes {span(periods)}",
            description=(
                "Par établissement et millésime : taux de poursuite d'études, taux d'emploi à 6 mois, "
                "taux attendu et valeur ajoutée ; fichiers distincts pour les lycées professionnels et les CFA."
            ),
        )
        scope = Q(source__in=["depp-pro", "depp-apprentissage"])
        return meta, [
            Table(
                EstablishmentOutcome,
                ("source", "period", "uai", "scope"),
                rows,
                scope=scope,
                label="outcomes by establishment (DEPP)",
            )
        ]


# -- by CFA: the cumulated file ----------------------------------------------------------------------

CFA_COLUMNS = {
    "share_further_studies": "DEVENIR Part poursuite études",
    "share_employed_6": "DEVENIR Part en emploi 6 mois",
    "share_other": "DEVENIR Part autre situation 6 mois",
    "share_interrupted": "Part contrats apprentissage interrompus",
    "rate_further_studies": "Taux poursuite études",
    "rate_employment_6": "Taux emploi 6 mois",
    "expected_employment_6": "Taux emploi 6 mois attendu",
    "value_added_6": "VA emploi 6 mois",
    "rate_employment_12": "Taux emploi 12 mois",
    "rate_employment_18": "Taux emploi 18 mois",
    "rate_employment_24": "Taux emploi 24 mois",
}


class CfaOutcomeImporter(Importer):
    dataset_slug = "inserjeunes-cfa"

    def parse(self, source):
        columns = ["Année", "UAI", "Libellé", "Région", *CFA_COLUMNS.values()]
        table = source.read_csv("fr-en-inserjeunes-cfa*.csv", columns, ";")
        rows, periods = {}, set()
        for line, r in table:
            period = " ".join(r["Année"].split())
            match = re.fullmatch(r"cumul (\d{4})-(\d{4})", period)
            if not match or int(match[2]) != int(match[1]) + 1:
                table.fail(line, f"invalid period {period!r} (expected e.g. 'cumul 2022-2023')")
            periods.add(period)
            canonical = {"uai": r["UAI"], "name": r["Libellé"], "region": r["Région"]}
            canonical.update({field: r[column] for field, column in CFA_COLUMNS.items()})
            row = outcome_row(table, line, canonical, millesime=f"{match[1]}_{match[2]}")
            key = ("cfa", period, row.pop("uai"), "")
            table.unique(rows, line, key)
            rows[key] = row
        meta = dataset_meta(
            source,
            name="InserJeunes : devenir des apprentis par CFA",
            publisher="Ministère de l'Éducation nationale (DEPP) et DARES",
            version=span(periods) if periods else "",
            description=(
                "Par centre de formation d'apprentis et période cumulée : devenir (poursuite d'études, "
                "emploi à 6 mois, autres situations), contrats interrompus, taux d'emploi à 6, 12, 18 et "
                "24 mois, taux attendu et valeur ajoutée."
            ),
            official_url="https://data.education.gouv.fr/explore/dataset/fr-en-inserjeunes-cfa/",
        )
        return meta, [
            Table(
                EstablishmentOutcome,
                ("source", "period", "uai", "scope"),
                rows,
                scope=Q(source="cfa"),
                label="outcomes by CFA",
            )
        ]
