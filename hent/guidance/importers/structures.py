"""Reader of the guidance structures that open data has: France Travail agencies and CIO.

A source is a folder (or zip, or one file) holding any of:

* ``pole_emploi_agencies*.csv``: Pôle emploi's referential of sites (2019, national, ',' separated, "NULL" for
  empty, coordinates with a decimal comma): the local agencies (``TYPE_SITE`` = ALE) of the Region are kept,
  the direction sites (DDA, DRA) are not;
* ``fr-en-annuaire-education*.csv``: the Éducation nationale's Annuaire de l'éducation (';'): the open rows of
  type "Information et orientation" are the CIO;
* ``structures_orientation_bretagne.csv``: the curated derived file (agencies and CIO, with INSEE codes),
  used for a kind only when the publisher's own file of that kind is absent, and for the INSEE codes of the
  agencies that the geography cannot place.

The import never overwrites what staff changed in the back office (``Structure.edited_fields``), never touches
opening hours or outreach sessions (staff enter them), and does not delete a structure that vanished from the
source when staff edited it or gave it hours or sessions: it keeps it, marked as absent from the source.
Each kind has its own dataset (``france-travail-agences``, ``annuaire-education-cio``) for citation.
"""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.text import slugify

from hent.core.importing import (
    Counts,
    Importer,
    ImportFailed,
    Report,
    Source,
    _DryRun,
    check_lengths,
    dataset_imported,
    dataset_meta,
    record_dataset,
)
from hent.guidance.models import Public, Structure, StructureKind
from hent.territories import services as territories
from hent.territories.names import fold, name_key
from hent.trainings.importers.annuaire import coordinate, department_of, parse_date
from hent.trainings.importers.common import check_uai

AGENCIES = "pole_emploi_agencies*.csv"
ANNUAIRE = "fr-en-annuaire-education*.csv"
DERIVED = "structures_orientation_bretagne*.csv"

AGENCY_COLUMNS = [
    "NOM", "CODE_SAFIR", "TYPE_SITE", "REGION", "COMPLEMENT_ADRESSE", "DC_COMPLEMENTADRSITEPHYSIQUE", "ADRESSE",
    "CODE_POSTAL", "COMMUNE", "DN_LATITUDE", "DN_LONGITUDE",
]  # fmt: skip
ANNUAIRE_COLUMNS = [
    "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Adresse_1", "Adresse_2",
    "Code postal", "Code_commune", "Nom_commune", "Code_departement", "Telephone", "Web", "Mail", "latitude",
    "longitude", "date_maj_ligne", "etat",
]  # fmt: skip
DERIVED_COLUMNS = [
    "type_structure", "identifiant", "nom", "adresse", "code_postal", "commune", "code_insee", "latitude",
    "longitude", "source", "date_donnees", "contact",
]  # fmt: skip
CIO_TYPE = "information et orientation"
DERIVED_KINDS = {"AGENCE_POLE_EMPLOI_FRANCE_TRAVAIL": StructureKind.FRANCE_TRAVAIL, "CIO": StructureKind.CIO}

AGENCY_DATASET = "france-travail-agences"
CIO_DATASET = "annuaire-education-cio"

PUBLICS = {
    StructureKind.FRANCE_TRAVAIL: [Public.DEMANDEURS_EMPLOI, Public.SALARIES, Public.JEUNES_16_25],
    StructureKind.CIO: [Public.COLLEGIENS, Public.LYCEENS, Public.ETUDIANTS, Public.JEUNES_16_25, Public.PARENTS],
}
SERVICES = {
    StructureKind.FRANCE_TRAVAIL: (
        "Inscription et indemnisation des demandeurs d'emploi ; offres d'emploi ; conseil et accompagnement "
        "vers l'emploi ; financement de formations."
    ),
    StructureKind.CIO: (
        "Entretiens individuels avec un psychologue de l'Éducation nationale ; information sur les formations, "
        "les métiers et les diplômes ; documentation en libre accès ; accueil des parents."
    ),
}
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "en", "sur", "sous", "aux", "au", "a"}


def nullable(value):
    """A cell as published, trimmed; the publisher's "NULL" is empty."""
    value = (value or "").strip()
    return "" if value.upper() == "NULL" else value


def title_case(text):
    """UPPER CASE AS PUBLISHED -> Title case for display ("RUE DE L AUBEPINE" -> "Rue de l'Aubepine");
    text already in mixed case is left as it is."""
    if not text or text != text.upper():
        return text
    words = []
    for index, word in enumerate(text.lower().split()):
        if index and word in SMALL_WORDS:
            words.append(word)
        elif word in {"l", "d"}:
            words.append(word + "'")
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(words).replace("' ", "'")


def agency_name(raw, commune=""):
    """ "SAINT BRIEUC OUEST (APE/DT/A2S22)" -> "France Travail Saint-Brieuc Ouest" (the commune's own spelling when
    the name starts with it); "APE LANESTER" -> "France Travail Lanester"."""
    name = re.sub(r"\s*\([^)]*\)\s*", " ", raw)
    name = re.sub(r"^\s*APE\s+", "", name, flags=re.IGNORECASE).strip()
    words, commune_words = name.split(), name_key(commune).split()
    if commune_words and name_key(" ".join(words[: len(commune_words)])) == " ".join(commune_words):
        rest = title_case(" ".join(words[len(commune_words) :]))
        return f"France Travail {commune} {rest}".strip()
    return f"France Travail {title_case(name)}"


class StructuresImporter(Importer):
    dataset_slug = "structures"

    # -- reading -------------------------------------------------------------------------------------------

    def parse(self, source):
        """(plans, datasets): plans is a list of (kinds, scope Q, dataset slug, {source_key: fields})."""
        agencies_file = source.find(AGENCIES, required=False)
        annuaire_file = source.find(ANNUAIRE, required=False)
        derived = source.read_csv(DERIVED, DERIVED_COLUMNS, ",", required=False)
        if not (agencies_file or annuaire_file or derived):
            raise ImportFailed(
                f"no file of guidance structures (expected {AGENCIES}, {ANNUAIRE} or {DERIVED})", file=str(source.path)
            )
        derived_rows = self._derived(derived) if derived else {}
        plans, datasets = [], {}
        if agencies_file:
            table = source.csv_file(agencies_file, AGENCY_COLUMNS, ",")
            rows = self._agencies(table, derived_rows)
            plans.append(self._plan(StructureKind.FRANCE_TRAVAIL, rows, AGENCY_DATASET, "safir:"))
            datasets[AGENCY_DATASET] = self._agency_meta(source, table.name, rows)
        elif derived:
            rows = {k: r for k, r in derived_rows.items() if r["kind"] == StructureKind.FRANCE_TRAVAIL}
            if rows:
                plans.append(self._plan(StructureKind.FRANCE_TRAVAIL, rows, AGENCY_DATASET, "safir:"))
                datasets[AGENCY_DATASET] = self._agency_meta(source, derived.name, rows)
        if annuaire_file:
            table = source.csv_file(annuaire_file, ANNUAIRE_COLUMNS, ";")
            rows, departments = self._cio(table)
            plans.append(self._plan(StructureKind.CIO, rows, CIO_DATASET, "uai:", departments))
            datasets[CIO_DATASET] = self._cio_meta(source, table.name, rows, departments)
        elif derived:
            rows = {k: r for k, r in derived_rows.items() if r["kind"] == StructureKind.CIO}
            if rows:
                departments = sorted({r["department"] for r in rows.values()})
                plans.append(self._plan(StructureKind.CIO, rows, CIO_DATASET, "uai:", departments))
                datasets[CIO_DATASET] = self._cio_meta(source, derived.name, rows, departments)
        return plans, datasets

    def _plan(self, kind, rows, dataset, prefix, departments=None):
        scope = Q(source_key__startswith=prefix, kind=kind)
        if departments is not None:
            scope &= Q(department__in=departments)
        return {"kind": kind, "rows": rows, "dataset": dataset, "scope": scope}

    def _derived(self, table):
        rows = {}
        for line, r in table:
            kind = DERIVED_KINDS.get(r["type_structure"].strip())
            if kind is None:
                table.fail(line, f"type_structure: unknown value {r['type_structure']!r}")
            ident = r["identifiant"].strip()
            if kind == StructureKind.CIO:
                key = "uai:" + check_uai(table, line, ident)
            elif re.fullmatch(r"\d{5}", ident):
                key = "safir:" + ident
            else:
                table.fail(line, f"identifiant: {ident!r} is not a SAFIR code (5 digits)")
            table.unique(rows, line, key)
            contact = [p.strip() for p in r["contact"].split(";")] + ["", "", ""]
            commune_code = r["code_insee"].strip()
            if commune_code and not re.fullmatch(r"\d[\dAB]\d{3}", commune_code):
                table.fail(line, f"code_insee: {commune_code!r} is not an INSEE commune code")
            postcode = r["code_postal"].strip()
            row = {
                "kind": kind,
                "name": agency_name(r["nom"]) if kind == StructureKind.FRANCE_TRAVAIL else r["nom"].strip(),
                "address": title_case(r["adresse"].strip()),
                "address_extra": "",
                "postcode": postcode,
                "commune": title_case(r["commune"].strip()),
                "commune_code": commune_code,
                "department": department_of(commune_code, postcode[:2]),
                "latitude": coordinate(table, line, "latitude", r["latitude"], 90),
                "longitude": coordinate(table, line, "longitude", r["longitude"], 180),
                "phone": contact[0],
                "email": contact[1] if "@" in contact[1] else "",
                "website": contact[2] if contact[2].startswith(("http://", "https://")) else "",
                "data_date": self._date(table, line, "date_donnees", r["date_donnees"]),
                "_line": (table, line),
            }
            if not row["name"]:
                table.fail(line, "nom is empty")
            rows[key] = row
        return rows

    def _date(self, table, line, column, value):
        value = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}", value):  # a month: its first day
            value += "-01"
        return parse_date(table, line, column, value)

    def _agencies(self, table, derived_rows):
        """The Region's local agencies (TYPE_SITE ALE) of Pôle emploi's referential of sites."""
        rows, unplaced = {}, []
        region = territories.region_code()
        for line, r in table:
            if nullable(r["REGION"]) != region or nullable(r["TYPE_SITE"]).upper() != "ALE":
                continue
            safir = nullable(r["CODE_SAFIR"])
            if not re.fullmatch(r"\d{5}", safir):
                table.fail(line, f"CODE_SAFIR: {safir!r} is not a SAFIR code (5 digits)")
            key = "safir:" + safir
            table.unique(rows, line, key)
            name = nullable(r["NOM"])
            if not name:
                table.fail(line, "NOM is empty")
            postcode = nullable(r["CODE_POSTAL"])
            if not re.fullmatch(r"\d{5}", postcode):
                table.fail(line, f"CODE_POSTAL: {postcode!r} is not a postcode")
            commune_name = nullable(r["COMMUNE"])
            commune = self._commune(postcode, commune_name)
            commune_code = commune.insee if commune else derived_rows.get(key, {}).get("commune_code", "")
            if not commune_code:
                unplaced.append(f"{safir} ({postcode} {commune_name})")
            extra = [title_case(nullable(r[c])) for c in ("COMPLEMENT_ADRESSE", "DC_COMPLEMENTADRSITEPHYSIQUE")]
            rows[key] = {
                "kind": StructureKind.FRANCE_TRAVAIL,
                "name": agency_name(name, commune.name if commune else ""),
                "address": title_case(nullable(r["ADRESSE"]).strip(" ,")),
                "address_extra": ", ".join(e for e in extra if e),
                "postcode": postcode,
                "commune": commune.name if commune else title_case(commune_name),
                "commune_code": commune_code,
                "department": department_of(commune_code, postcode[:2]),
                "latitude": coordinate(table, line, "DN_LATITUDE", nullable(r["DN_LATITUDE"]), 90),
                "longitude": coordinate(table, line, "DN_LONGITUDE", nullable(r["DN_LONGITUDE"]), 180),
                "phone": "",
                "email": "",
                "website": "",
                "data_date": datetime.date(2019, 11, 1),
                "_line": (table, line),
            }
        if not rows:
            table.fail(None, f"no local agency (TYPE_SITE ALE) of region {region}")
        if unplaced:
            self.warnings.append(
                f"{table.name}: commune not found for {len(unplaced)} agency(ies): {', '.join(unplaced)}"
            )
        return rows

    def _commune(self, postcode, name):
        """The commune of an address: by postcode and name ("ST BRIEUC"), else by name in the department (a CEDEX
        postcode, a commune merged since: Lamballe -> Lamballe-Armor). None when the geography does not know it."""
        key = name_key(name)
        places = territories.find_places(f"{postcode} {name}", limit=5)
        exact = [p for p in places if p.search_name == key]
        if exact:
            return exact[0]
        same_department = [p for p in territories.find_places(name, limit=10) if p.department_id == postcode[:2]]
        return same_department[0] if same_department else None

    def _cio(self, table):
        """The open CIO ("Information et orientation") of the Annuaire de l'éducation, and the departments the file
        covers (the scope in which a CIO that vanished from the file is removed)."""
        rows, departments = {}, set()
        closed = 0
        for line, r in table:
            commune_code = r["Code_commune"].strip()
            department = department_of(commune_code, r["Code_departement"])
            if department:
                departments.add(department)
            if fold(r["Type_etablissement"]) != CIO_TYPE:
                continue
            if r["etat"].strip().upper() not in ("OUVERT", ""):
                closed += 1
                continue
            key = "uai:" + check_uai(table, line, r["Identifiant_de_l_etablissement"])
            table.unique(rows, line, key)
            if commune_code and not re.fullmatch(r"\d[\dAB]\d{3}", commune_code):
                table.fail(line, f"Code_commune: {commune_code!r} is not an INSEE commune code")
            name = r["Nom_etablissement"].strip()
            if not name:
                table.fail(line, "Nom_etablissement is empty")
            email = r["Mail"].strip()
            website = r["Web"].strip()
            rows[key] = {
                "kind": StructureKind.CIO,
                "name": name,
                "address": r["Adresse_1"].strip(),
                "address_extra": r["Adresse_2"].strip(),
                "postcode": r["Code postal"].strip(),
                "commune": r["Nom_commune"].strip(),
                "commune_code": commune_code,
                "department": department,
                "latitude": coordinate(table, line, "latitude", r["latitude"], 90),
                "longitude": coordinate(table, line, "longitude", r["longitude"], 180),
                "phone": r["Telephone"].strip(),
                "email": email if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email) else "",
                "website": website if website.startswith(("http://", "https://")) else "",
                "data_date": parse_date(table, line, "date_maj_ligne", r["date_maj_ligne"]),
                "_line": (table, line),
            }
        if closed:
            self.warnings.append(f"{table.name}: {closed} closed CIO left out")
        if not rows:
            self.warnings.append(f"{table.name}: no CIO (Type_etablissement 'Information et orientation')")
        return rows, sorted(departments)

    def _agency_meta(self, source, name, rows):
        return dataset_meta(
            source,
            name="Agences France Travail (référentiel des sites Pôle emploi)",
            publisher="France Travail (ex-Pôle emploi)",
            version="2019-11",
            published_on=datetime.date(2019, 11, 13),
            description=(
                f"Agences locales de la région, lues dans {name}. Noms et adresses de novembre 2019 : des agences "
                "ont pu déménager ou fusionner depuis."
            ),
        )

    def _cio_meta(self, source, name, rows, departments):
        dates = [r["data_date"] for r in rows.values() if r["data_date"]]
        last = max(dates) if dates else None
        return dataset_meta(
            source,
            name="Annuaire de l'éducation — centres d'information et d'orientation",
            publisher="Ministère de l'Éducation nationale",
            version=last.isoformat() if last else "",
            published_on=last,
            description=(
                f"CIO (type « Information et orientation ») lus dans {name} ; département(s) couvert(s) : "
                f"{', '.join(departments) or 'aucun'}."
            ),
            official_url="https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/",
        )

    # -- writing -------------------------------------------------------------------------------------------

    def run(self, dry_run=False):
        source = Source(self.path, warnings=self.warnings)
        plans, datasets = self.parse(source)
        for plan in plans:
            for row in plan["rows"].values():
                table, line = row.pop("_line")
                check_lengths(Structure, row, lambda message, t=table, n=line: t.fail(n, message))
        names = " + ".join(datasets[p["dataset"]]["name"] for p in plans)
        versions = ", ".join(datasets[p["dataset"]]["version"] for p in plans)
        report = Report(dataset=names, version=f"({versions})", dry_run=dry_run, warnings=self.warnings)
        try:
            with transaction.atomic():
                for plan in plans:
                    meta = datasets[plan["dataset"]]
                    counts = self._apply(plan, meta)
                    report.tables.append(counts)
                    record_dataset(plan["dataset"], meta, Report(meta["name"], meta["version"], tables=[counts]))
                if dry_run:
                    raise _DryRun
        except _DryRun:
            return report
        for slug in datasets:
            dataset_imported.send(sender=type(self), slug=slug, report=report)
        return report

    def _apply(self, plan, meta):
        from hent.core.models import Dataset

        kind, rows = plan["kind"], plan["rows"]
        label = f"structures ({kind})"
        counts = Counts(label, len(rows))
        dataset = Dataset.objects.get_or_create(slug=plan["dataset"], defaults=meta)[0]
        citation = self._citation(meta)
        existing = {s.source_key: s for s in Structure.objects.filter(source_key__in=list(rows))}
        taken = set(Structure.objects.values_list("slug", flat=True))
        for key, row in rows.items():
            row = dict(row)
            data_date = row.pop("data_date")
            stamp = self._stamp(data_date)
            structure = existing.get(key)
            if structure is None:
                structure = Structure(
                    source_key=key,
                    slug=self._slug(row, taken),
                    publics=list(PUBLICS.get(kind, [])),
                    services=SERVICES.get(kind, ""),
                    updated_at=stamp,
                    **row,
                )
                self._bookkeeping(structure, dataset, citation, data_date)
                structure.save()
                counts.created += 1
                continue
            changed = False
            for field, value in row.items():
                if field not in structure.edited_fields and getattr(structure, field) != value:
                    setattr(structure, field, value)
                    changed = True
            if changed:
                structure.updated_at = max(structure.updated_at, stamp)
            changed |= self._bookkeeping(structure, dataset, citation, data_date)
            if changed:
                structure.save()
                counts.updated += 1
        vanished = Structure.objects.filter(plan["scope"]).exclude(source_key__in=list(rows))
        for structure in vanished:
            if structure.edited_fields or structure.opening_hours.exists() or structure.outreach_sessions.exists():
                if structure.in_source:
                    structure.in_source = False
                    structure.save(update_fields=["in_source"])
                    counts.updated += 1
                self.warnings.append(
                    f"{structure.source_key} ({structure.name}) is no longer in the source; kept because staff "
                    "edited it: check it in the back office"
                )
                continue
            try:
                with transaction.atomic():
                    structure.delete()
                counts.deleted += 1
            except ProtectedError:
                if structure.in_source:
                    structure.in_source = False
                    structure.save(update_fields=["in_source"])
                    counts.updated += 1
                self.warnings.append(f"{structure.source_key} ({structure.name}) is no longer in the source; kept "
                                     "because conversations or requests refer to it")  # fmt: skip
        return counts

    @staticmethod
    def _bookkeeping(structure, dataset, citation, data_date):
        """Set the source fields; True when one changed."""
        values = {"dataset": dataset, "source": citation, "data_date": data_date, "in_source": True}
        changed = False
        for field, value in values.items():
            if getattr(structure, field) != value:
                setattr(structure, field, value)
                changed = True
        return changed

    @staticmethod
    def _citation(meta):
        text = f"{meta['name']} — {meta['publisher']}"
        return text[:250]

    @staticmethod
    def _stamp(data_date):
        """The public "updated on" of imported data: the date of the data itself (noon, Paris), not the import's."""
        if data_date is None:
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(data_date, datetime.time(12)))

    @staticmethod
    def _slug(row, taken):
        base = slugify(
            f"{row['name']} {row['commune']}" if fold(row["commune"]) not in fold(row["name"]) else row["name"]
        )
        base = base[:100] or "structure"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        return slug
