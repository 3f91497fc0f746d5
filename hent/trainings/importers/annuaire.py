"""Reader of the Éducation nationale's Annuaire de l'éducation (fr-en-annuaire-education, CSV ';').

The module also holds the small helpers that the establishment and outcome importers share
(PROVENANCE.md, masked numbers, UAI, region names); they would fit in ``hent.core.importing``.
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fnmatch import fnmatch

from django.db import models

from hent.core.importing import Importer, ImportFailed, Table
from hent.trainings.models import AnnuaireEntry

UAI = re.compile(r"[0-9A-Z]{7}[A-Z]")
NOT_VERIFIED = "licence non vérifiée"
ETALAB = "Licence Ouverte / Open Licence 2.0 (Etalab)"
ETALAB_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

# INSEE codes of the regions (2016 map), by name with accents, case, hyphens and apostrophes folded.
REGIONS = {
    "ILE DE FRANCE": "11",
    "CENTRE VAL DE LOIRE": "24",
    "CENTRE": "24",
    "BOURGOGNE FRANCHE COMTE": "27",
    "NORMANDIE": "28",
    "HAUTS DE FRANCE": "32",
    "GRAND EST": "44",
    "PAYS DE LA LOIRE": "52",
    "BRETAGNE": "53",
    "NOUVELLE AQUITAINE": "75",
    "OCCITANIE": "76",
    "AUVERGNE RHONE ALPES": "84",
    "PROVENCE ALPES COTE D AZUR": "93",
    "CORSE": "94",
    "GUADELOUPE": "01",
    "MARTINIQUE": "02",
    "GUYANE": "03",
    "LA REUNION": "04",
    "REUNION": "04",
    "MAYOTTE": "06",
}
REGION_CODES = set(REGIONS.values())


# -- helpers shared by the establishment and outcome importers -------------------------------------


def fold(text):
    """ "Provence-Alpes-Côte d'Azur" -> "PROVENCE ALPES COTE D AZUR": for matching names, not for display."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z0-9]+", " ", text).upper().split())


def region_code(table, line, label):
    code = REGIONS.get(fold(label))
    if code is None:
        table.fail(line, f"unknown region {label!r}")
    return code


def files_matching(source, pattern):
    """Every file of the source whose name (without folders) matches a glob pattern, sorted."""
    return sorted(n for n in source._names if fnmatch(n.rsplit("/", 1)[-1], pattern))


def read_provenance(source):
    """Fields of a PROVENANCE.md beside the files ("- **Licence**: …"), lower-cased keys; {} if absent."""
    name = next(iter(files_matching(source, "PROVENANCE.md")), None)
    if name is None:
        return {}
    fields = {}
    for line in source.read_text(name).splitlines():
        match = re.match(r"\s*[-*]\s*\*\*([^*]+)\*\*\s*:\s*(.*)", line)
        if match:
            fields.setdefault(match[1].strip().lower(), match[2].strip())
    return fields


def dataset_meta(source, *, name, publisher, version, published_on=None, description="", official_url="", licence=None):
    """Dataset fields: what the importer knows, corrected by the PROVENANCE.md of a copy when there is one.

    ``licence`` is (name, url) of the files as their publisher distributes them (by default Licence
    Ouverte 2.0); a copy whose PROVENANCE says the licence is not verified is recorded as "licence non
    vérifiée", and its origin goes into the description. A PROVENANCE "Publisher" is not used: the
    importers name the publisher in French.
    """
    provenance = read_provenance(source)
    meta = {
        "name": name,
        "publisher": publisher,
        "version": version[:100],
        "published_on": published_on,
        "licence": licence[0] if licence else ETALAB,
        "licence_url": licence[1] if licence else ETALAB_URL,
        "source_url": official_url,
        "description": description,
        "is_demo": False,
    }
    if provenance:
        licence = provenance.get("licence", "")
        if not licence or "not verified" in licence.lower() or "non vérifiée" in licence.lower():
            meta.update(licence=NOT_VERIFIED, licence_url="")
        else:
            meta.update(licence=licence[:200], licence_url="")
        origin = []
        repo = provenance.get("source repo", "").split(" ")[0]
        if repo:
            meta["source_url"] = repo if repo.startswith("http") else f"https://{repo}"
            origin.append(f"Copie tirée du dépôt {repo}")
        path = provenance.get("source path", "").split(" (")[0]
        if path:
            origin.append(f"fichier {path}")
        commit = re.search(r"[0-9a-f]{40}", provenance.get("commit", ""))
        if commit:
            day = re.search(r"\d{4}-\d{2}-\d{2}", provenance["commit"][commit.end() :])
            origin.append(f"commit {commit[0][:12]}" + (f" du {day[0]}" if day else ""))
        if origin:
            meta["description"] = (description + " " if description else "") + ", ".join(origin) + "."
    return meta


def masked_number(table, line, column, value, *, integer=False, low=None, high=None):
    """A number as published, or None when masked or absent ("", "nd", "*"): never 0 for unknown."""
    value = value.strip()
    if value.lower() in {"", "nd", "*"}:
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        table.fail(line, f"{column}: {value!r} is not a number (nor a masked value: empty, 'nd', '*')")
    if not number.is_finite():
        table.fail(line, f"{column}: {value!r} is not a number")
    if integer:
        if number != number.to_integral_value():
            table.fail(line, f"{column}: {value!r} is not a whole number")
        number = int(number)
    elif number.as_tuple().exponent < -2:
        table.fail(line, f"{column}: {value!r} has more than 2 decimals")
    if (low is not None and number < low) or (high is not None and number > high):
        table.fail(line, f"{column}: {value!r} is out of range [{low}, {high}]")
    return number


def check_uai(table, line, value):
    value = value.strip().upper()
    if not UAI.fullmatch(value):
        table.fail(line, f"invalid UAI {value!r}")
    return value


_MAX_LENGTHS = {}


def check_lengths(model, row, fail):
    """Stop (through ``fail(message)``) on a text longer than its column: PostgreSQL would refuse it."""
    if model not in _MAX_LENGTHS:
        _MAX_LENGTHS[model] = {
            f.attname: f.max_length
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField) and f.max_length
        }
    limits = _MAX_LENGTHS[model]
    for name, value in row.items():
        if isinstance(value, str) and name in limits and len(value) > limits[name]:
            fail(f"{name}: {len(value)} characters, more than the {limits[name]} this field holds ({value[:40]!r}…)")


def read_csv(source, pattern, columns, delimiter):
    """``source.read_csv``, which also names a wrong delimiter when the header cannot be read with the
    expected one (the base detects ';', tab and '|' in place of ',', not ',' in place of ';')."""
    try:
        return source.read_csv(pattern, columns, delimiter=delimiter)
    except ImportFailed as exc:
        if exc.line != 1:
            raise
        first = source.read_text(exc.file).split("\n", 1)[0]
        for other in (",", ";", "\t", "|"):
            if other != delimiter and first.count(other) > first.count(delimiter):
                raise ImportFailed(
                    f"columns are separated by {other!r}, expected {delimiter!r}", file=exc.file, line=1
                ) from None
        raise


def warn_fallback(importer, table):
    if table.fallback_lines:
        importer.warnings.append(
            f"{table.name}: {len(table.fallback_lines)} line(s) not in UTF-8, read as Windows-1252 "
            f"(first: line {table.fallback_lines[0]})"
        )


def parse_date(table, line, column, value):
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        table.fail(line, f"{column}: {value!r} is not a date (YYYY-MM-DD)")


# -- the Annuaire ------------------------------------------------------------------------------------

COLUMNS = [
    "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive",
    "Adresse_1", "Adresse_2", "Adresse_3", "Code postal", "Code_commune", "Nom_commune", "Code_departement",
    "Code_academie", "Code_region", "Voie_generale", "Voie_technologique", "Voie_professionnelle", "Telephone",
    "Web", "Mail", "Apprentissage", "Lycee_Agricole", "Lycee_des_metiers", "Post_BAC", "GRETA", "SIREN_SIRET",
    "Nombre_d_eleves", "Fiche_onisep", "Type_contrat_prive", "latitude", "longitude", "precision_localisation",
    "date_ouverture", "date_maj_ligne", "etat", "ministere_tutelle", "etablissement_multi_lignes", "code_nature",
    "libelle_nature",
]  # fmt: skip
FLAGS = {
    "general": "Voie_generale",
    "technological": "Voie_technologique",
    "vocational": "Voie_professionnelle",
    "apprenticeship": "Apprentissage",
    "post_bac": "Post_BAC",
    "agricultural": "Lycee_Agricole",
    "trades_lycee": "Lycee_des_metiers",
    "greta": "GRETA",
}
SECTORS = {"public": "public", "prive": "privé", "": ""}


def flag(table, line, column, value):
    value = value.strip()
    if value not in {"0", "1", ""}:
        table.fail(line, f"{column}: {value!r} is not 0, 1 or empty")
    return {"1": True, "0": False, "": None}[value]


def coordinate(table, line, column, value, limit):
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        table.fail(line, f"{column}: {value!r} is not a number")
    if not -limit <= number <= limit:
        table.fail(line, f"{column}: {value!r} is out of range")
    return number


def department_of(commune_code, published):
    """INSEE department code: from the commune code ("35016" -> "35", "97105" -> "971"), else the
    published code without the directory's leading zero ("035" -> "35")."""
    if re.fullmatch(r"\d[\dAB]\d{3}", commune_code):
        return commune_code[:3] if commune_code.startswith("97") else commune_code[:2]
    published = published.strip()
    return published[1:] if len(published) == 3 and published.startswith("0") else published


class AnnuaireImporter(Importer):
    dataset_slug = "annuaire-education"

    def parse(self, source):
        table = read_csv(source, "fr-en-annuaire-education*.csv", COLUMNS, ";")
        warn_fallback(self, table)
        lines = {}
        for line, r in table:
            uai = check_uai(table, line, r["Identifiant_de_l_etablissement"])
            lines.setdefault(uai, []).append((line, self._decode(table, line, r)))
        rows = {}
        for uai, entries in lines.items():
            if len(entries) > 1 and not all(e["_multi"] for _, e in entries):
                table.fail(entries[1][0], f"duplicate row for UAI {uai} (not marked etablissement_multi_lignes)")
            decoded = [e for _, e in entries]
            main = next((e for e in decoded if "annexe" not in e["name"].lower()), decoded[0])
            others = [e for e in decoded if e is not main]
            row = {k: v for k, v in main.items() if not k.startswith("_")}
            for field in FLAGS:
                values = [e[field] for e in decoded]
                row[field] = True if True in values else (False if False in values else None)
            row["other_lines"] = [
                {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in e.items() if k[0] != "_"}
                for e in others
            ]
            check_lengths(AnnuaireEntry, row, lambda message, line=entries[0][0]: table.fail(line, message))
            rows[(uai,)] = row
        multi = sum(1 for e in lines.values() if len(e) > 1)
        if multi:
            self.warnings.append(f"{table.name}: {multi} UAI(s) on several lines, merged (see other_lines)")
        updates = [r["updated_on"] for r in rows.values() if r["updated_on"]]
        last = max(updates) if updates else None
        departments = sorted({r["department_code"] for r in rows.values()})
        scope = f"extrait limité au(x) département(s) {', '.join(departments)}" if len(departments) < 5 else ""
        meta = dataset_meta(
            source,
            name="Annuaire de l'éducation",
            publisher="Ministère de l'Éducation nationale",
            version=last.isoformat() if last else "",
            published_on=last,
            description=(
                "Établissements scolaires et administratifs, avec leur position" + (f" ; {scope}." if scope else ".")
            ),
            official_url="https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/",
        )
        return meta, [Table(AnnuaireEntry, ("uai",), rows, label="annuaire entries")]

    def _decode(self, t, line, r):
        name = r["Nom_etablissement"].strip()
        if not name:
            t.fail(line, "Nom_etablissement is empty")
        sector = SECTORS.get(fold(r["Statut_public_prive"]).lower())
        if sector is None:
            t.fail(line, f"Statut_public_prive: unknown value {r['Statut_public_prive']!r}")
        commune = r["Code_commune"].strip()
        if commune and not re.fullmatch(r"\d[\dAB]\d{3}", commune):
            t.fail(line, f"Code_commune: {commune!r} is not an INSEE commune code")
        onisep_url = r["Fiche_onisep"].strip()
        onisep_id = re.search(r"(ENS\.\d+)", onisep_url)
        siret = re.sub(r"\s", "", r["SIREN_SIRET"])
        if siret and not re.fullmatch(r"\d{9}|\d{14}", siret):
            t.fail(line, f"SIREN_SIRET: {siret!r} is not a SIREN or SIRET number")
        multi = r["etablissement_multi_lignes"].strip()
        decoded = {
            "name": name,
            "kind": r["Type_etablissement"].strip(),
            "nature_code": r["code_nature"].strip(),
            "nature_label": r["libelle_nature"].strip(),
            "sector": sector,
            "private_contract": r["Type_contrat_prive"].strip(),
            "address": ", ".join(p.strip() for p in (r["Adresse_1"], r["Adresse_2"]) if p.strip()),
            "address_locality": r["Adresse_3"].strip(),
            "postcode": r["Code postal"].strip(),
            "commune_code": commune,
            "commune_name": r["Nom_commune"].strip(),
            "department_code": department_of(commune, r["Code_departement"]),
            "academy_code": r["Code_academie"].strip(),
            "region_code": r["Code_region"].strip(),
            "phone": r["Telephone"].strip(),
            "email": r["Mail"].strip(),
            "website": r["Web"].strip(),
            "siret": siret,
            "latitude": coordinate(t, line, "latitude", r["latitude"], 90),
            "longitude": coordinate(t, line, "longitude", r["longitude"], 180),
            "position_precision": r["precision_localisation"].strip(),
            "onisep_url": onisep_url,
            "onisep_id": onisep_id[1] if onisep_id else "",
            "pupils": masked_number(t, line, "Nombre_d_eleves", r["Nombre_d_eleves"], integer=True, low=0),
            "state": r["etat"].strip(),
            "ministry": r["ministere_tutelle"].strip(),
            "opened_on": parse_date(t, line, "date_ouverture", r["date_ouverture"]),
            "updated_on": parse_date(t, line, "date_maj_ligne", r["date_maj_ligne"]),
            "_multi": flag(t, line, "etablissement_multi_lignes", multi) is True,
        }
        if decoded["region_code"] and decoded["region_code"] not in REGION_CODES:
            t.fail(line, f"Code_region: unknown region code {decoded['region_code']!r}")
        for field, column in FLAGS.items():
            decoded[field] = flag(t, line, column, r[column])
        return decoded
