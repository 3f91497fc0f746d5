"""Reader of the Éducation nationale's Annuaire de l'éducation (fr-en-annuaire-education, CSV ';')."""

import datetime
import re

from hent.core.importing import Importer, Table, check_lengths, dataset_meta
from hent.territories.names import REGION_CODES, fold
from hent.trainings.importers.common import check_uai, masked_number
from hent.trainings.models import AnnuaireEntry


def parse_date(table, line, column, value):
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        table.fail(line, f"{column}: {value!r} is not a date (YYYY-MM-DD)")


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
        table = source.read_csv("fr-en-annuaire-education*.csv", COLUMNS, ";")
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
        sector = SECTORS.get(fold(r["Statut_public_prive"]))
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
