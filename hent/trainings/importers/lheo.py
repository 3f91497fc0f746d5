"""Reader of continuing-training offers in LHÉO, the national XML format of the Carif-Oref network.

LHÉO 2.2 (namespace http://www.lheo.org/2.2) and 2.3 (http://lheo.gouv.fr/2.3) are read, and a file
without namespace too. The path given is one .xml file, a folder of them, or a zip archive.

    <lheo><offres>
      <formation numero="…">                       title, objective, certification codes, levels…
        <action numero="…">                        rhythm, public, modes, conditions, funding…
          <lieu-de-formation><coordonnees>…        where (1 in 2.2, 0..N in 2.3)
          <session numero="…"><periode><debut>AAAAMMJJ</debut><fin>…</fin></periode>…
        </action>
        <organisme-formation-responsable>…         SIRET, names, address, contacts
      </formation>
    </offres></lheo>

Quirks handled: "-" written for an empty mandatory text; HTML given as escaped text; dates
00000000 / 99999999 (unknown), AAAAMM00 (a month), AAAA0000 (a year); <extras> anywhere (kept as
data); a file without encoding declaration in Windows-1252. Stops, naming file and line, on a
malformed document, a session date that is not a date, an action without a place of training
(unless it is entirely remote), a missing title, SIRET or session period.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from decimal import Decimal, InvalidOperation

from hent.core.html import sanitize
from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, ImportFailed, Table, check_lengths, dataset_meta
from hent.territories.names import fold
from hent.trainings.models import (
    LheoAction,
    LheoFormation,
    LheoFormationCode,
    LheoOrganisation,
    LheoPlace,
    LheoSession,
)

LEVELS = {  # dict-niveaux (LHÉO 2.2 and 2.3)
    "0": "information non communiquée",
    "1": "sans niveau spécifique",
    "2": "niveau VI (illettrisme, analphabétisme)",
    "3": "niveau V bis (préqualification)",
    "4": "niveau V (CAP, BEP, CFPA du premier degré)",
    "5": "niveau IV (BP, BT, baccalauréat professionnel ou technologique)",
    "6": "niveau III (BTS, DUT)",
    "7": "niveau II (licence ou maîtrise universitaire)",
    "8": "niveau I (supérieur à la maîtrise)",
}
FUNDERS = {  # dict-financeurs
    "0": "Autre",
    "1": "Code(s) obsolète(s)",
    "2": "Collectivité territoriale - Conseil régional",
    "3": "Fonds européens - FSE",
    "4": "Pôle emploi",
    "5": "Entreprise",
    "6": "ACSÉ (anciennement FASILD)",
    "7": "AGEFIPH",
    "8": "Collectivité territoriale - Conseil général",
    "9": "Collectivité territoriale - Commune",
    "10": "Bénéficiaire de l'action",
    "11": "Etat - Ministère chargé de l'emploi",
    "12": "Etat - Ministère de l'éducation nationale",
    "13": "Etat - Autre",
    "14": "Fonds européens - Autre",
    "15": "Collectivité territoriale - Autre",
    "16": "OPCA",
    "17": "OPACIF",
}
PUBLIC_APPRENTICESHIP, PUBLIC_PROFESSIONALISATION, PEDAGOGY_ALTERNANCE = "82027", "82029", "96142"
CERTIFICATION_CODES = {
    "code-RNCP": "rncp",
    "code-CERTIFINFO": "certifinfo",
    "code-RS": "rs",
    "code-CPF": "cpf",
    "code-ELU": "elu",
}
DOMAIN_CODES = {"code-FORMACODE": "formacode", "code-NSF": "nsf", "code-ROME": "rome"}
CFD_EXTRA = re.compile(r"\b(cfd|code diplome|code formation diplome)\b")  # on folded text
INSEE_COMMUNE = re.compile(r"\d[\dAB]\d{3}")


# -- element helpers (namespace-agnostic) --------------------------------------------------------------


def local(element):
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def kids(element, name):
    return [c for c in element if local(c) == name] if element is not None else []


def kid(element, name):
    found = kids(element, name)
    return found[0] if found else None


def text(element, *path):
    """Trimmed text of the first element down ``path``; "" if absent. A lone "-" means empty (a known quirk)."""
    for name in path:
        element = kid(element, name)
        if element is None:
            return ""
    value = " ".join("".join(element.itertext()).split()) if len(element) else (element.text or "").strip()
    return "" if value == "-" else value


def long_text(element, name):
    """Multi-line text (descriptions) keeping its line breaks; "-" means empty."""
    element = kid(element, name)
    value = (element.text or "").strip() if element is not None else ""
    return "" if value == "-" else value


def html(element, name):
    value = long_text(element, name)
    return sanitize(value, unescape="&lt;" in value and "<" not in value)


def extras(element):
    """Every <extra> under the element's own <extras>, as [{"info": "outer / inner", "value": "…"}]."""
    found = []

    def walk(container, prefix):
        info = " / ".join(p for p in (prefix, container.get("info", "")) if p)
        for child in container:
            if local(child) == "extras":
                walk(child, info)
            elif local(child) == "extra":
                name = " / ".join(p for p in (info, child.get("info", "")) if p)
                found.append({"info": name, "value": " ".join("".join(child.itertext()).split())})

    for container in kids(element, "extras"):
        walk(container, "")
    return found


def numero(element):
    """The publisher's numero; else a stable hash of the element (so that re-imports match)."""
    value = (element.get("numero") or "").strip()
    if value:
        return value, False
    from lxml import etree

    digest = hashlib.sha1(etree.tostring(element, method="c14n"), usedforsecurity=False).hexdigest()[:16]
    return f"sha1-{digest}", True


class LheoImporter(Importer):
    dataset_slug = "lheo"

    def parse(self, source):
        names = source.find_all("*.xml") + source.find_all("*.XML")
        if not names:
            raise ImportFailed("no .xml file", file=str(source.path))
        self.organisations, self.formations, self.codes = {}, {}, {}
        self.actions, self.places, self.sessions = {}, {}, {}
        self.versions, self.exports = set(), set()
        self.counters = {"hashed": 0, "org_differs": 0, "no_session": 0}
        for name in sorted(set(names)):
            self._read_file(source, name)
        self._warn()
        versions = ", ".join(sorted(v for v in self.versions if v)) or "version non précisée"
        last_export = max(self.exports) if self.exports else None
        meta = dataset_meta(
            source,
            name="Offre de formation continue (LHÉO)",
            publisher="Carif-Oref",
            version=f"LHÉO {versions}" + (f", export du {last_export.isoformat()}" if last_export else ""),
            published_on=last_export,
            description=(
                f"Formations, actions et sessions de formation au format LHÉO ({len(names)} fichier(s) lu(s))."
            ),
            licence=(LICENCE_NOT_VERIFIED, ""),
        )
        provenance_publisher = source.provenance().get("publisher", "")
        if provenance_publisher:
            meta["publisher"] = provenance_publisher[:200]
        tables = [
            Table(LheoOrganisation, ("siret",), self.organisations, label="LHEO organisations"),
            Table(LheoFormation, ("key",), self.formations, label="LHEO formations"),
            Table(LheoFormationCode, ("formation_id", "kind", "code"), self.codes, label="LHEO formation codes"),
            Table(LheoAction, ("key",), self.actions, label="LHEO actions"),
            Table(LheoPlace, ("action_id", "position"), self.places, label="LHEO places"),
            Table(LheoSession, ("key",), self.sessions, label="LHEO sessions"),
        ]
        return meta, tables

    def _warn(self):
        c = self.counters
        if c["hashed"]:
            self.warnings.append(
                f"{c['hashed']} element(s) without a numero attribute: keyed by a hash of their content"
            )
        if c["org_differs"]:
            self.warnings.append(
                f"{c['org_differs']} organisation(s) described differently by several formations: the first "
                "description was kept"
            )
        if c["no_session"]:
            self.warnings.append(f"{c['no_session']} action(s) without any <session>")

    # -- reading ---------------------------------------------------------------------------------------

    def _read_file(self, source, name):
        """Read one file into the plans; a file without encoding declaration may be Windows-1252."""
        from lxml import etree

        sizes, counters = [len(plan) for plan in self._plans()], dict(self.counters)
        try:
            self._stream(source, name, encoding=None)
        except etree.XMLSyntaxError as exc:
            encoding_error = "UTF-8" in str(exc.msg) or "encoding" in str(exc.msg).lower()
            if not encoding_error or self._declares_encoding(source, name):
                raise ImportFailed(
                    f"malformed XML ({exc.msg}); is the file truncated?", file=name, line=exc.lineno
                ) from None
            for plan, size in zip(self._plans(), sizes, strict=True):  # the plans only grow: drop this file's rows
                for key in list(plan)[size:]:
                    del plan[key]
            self.counters = counters
            try:
                self._stream(source, name, encoding="cp1252")
            except etree.XMLSyntaxError as exc2:
                raise ImportFailed(
                    f"malformed XML ({exc2.msg}); is the file truncated?", file=name, line=exc2.lineno
                ) from None
            self.warnings.append(f"{name}: not UTF-8 and no encoding declared, read as Windows-1252")

    def _plans(self):
        return [self.organisations, self.formations, self.codes, self.actions, self.places, self.sessions]

    def _declares_encoding(self, source, name):
        with source.open(name) as stream:
            head = stream.read(200)
        return head.startswith(b"<?xml") and b"encoding" in head.split(b"?>", 1)[0]

    def _stream(self, source, name, encoding):
        from lxml import etree

        with source.open(name) as stream:
            context = etree.iterparse(
                stream,
                events=("end",),
                tag="{*}formation",
                recover=False,
                resolve_entities=False,
                no_network=True,
                encoding=encoding,
            )
            root = None
            for _event, element in context:
                if root is None:
                    root = element.getroottree().getroot()
                    self._check_root(root, name)
                self._formation(element, name)
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
            if root is None:
                self._check_root(context.root, name)

    def _check_root(self, root, name):
        if root is None or local(root) != "lheo":
            found = local(root) if root is not None else "nothing"
            raise ImportFailed(f"not an LHÉO file: the root element is <{found}>, not <lheo>", file=name, line=1)
        namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
        version = re.search(r"(\d+\.\d+)/?$", namespace)
        self.file_version = version[1] if version else ""
        self.versions.add(self.file_version)
        self._export_date(root, name)

    def _export_date(self, element, name):
        stamp = element.get("horodatage-export") or ""
        if stamp:
            try:
                self.exports.add(datetime.date.fromisoformat(stamp[:10]))
            except ValueError:
                raise ImportFailed(
                    f"horodatage-export {stamp!r} is not an ISO 8601 date", file=name, line=element.sourceline
                ) from None

    # -- one formation -------------------------------------------------------------------------------

    def _fail(self, name, element, message):
        raise ImportFailed(message, file=name, line=element.sourceline)

    def _formation(self, f, name):
        number, _, where = self._numbered(f, name, self.formations, "formation")
        title = text(f, "intitule-formation")
        if not title:
            self._fail(name, f, f"{where}: no <intitule-formation> (title)")
        self._export_date(f, name)
        organisation = self._organisation(kid(f, "organisme-formation-responsable"), f, name, where)
        contact = kids(f, "contact-formation")
        row = {
            "file": name,
            "lheo_version": self.file_version,
            "organisation_id": organisation,
            "title": title,
            "objective": html(f, "objectif-formation"),
            "expected_results": html(f, "resultats-attendus"),
            "content": html(f, "contenu-formation"),
            "certifying": self._boolean(name, f, "certifiante", where),
            "path_code": text(f, "parcours-de-formation"),
            "entry_level_code": self._level(name, f, "code-niveau-entree", where),
            "exit_level_code": self._level(name, f, "code-niveau-sortie", where),
            "general_objective_code": text(f, "objectif-general-formation"),
            "url": text(f, "url-formation", "urlweb"),
            "contact": self._contact(kid(contact[0], "coordonnees")) if contact else {},
            "extras": extras(f),
        }
        row["exit_level_label"] = LEVELS.get(row["exit_level_code"], "")
        check_lengths(LheoFormation, {"key": number, **row}, lambda m: self._fail(name, f, f"{where}: {m}"))
        self.formations[(number,)] = row
        self._codes(f, number, row["extras"], name, where)
        actions = kids(f, "action")
        if not actions:
            self._fail(name, f, f"{where}: no <action>")
        for action in actions:
            self._action(action, number, name)

    def _codes(self, f, formation, formation_extras, name, where):
        found = []
        for certification in kids(f, "certification"):
            for child in certification:
                kind = CERTIFICATION_CODES.get(local(child))
                if kind:
                    found.append((kind, self._code_text(child)))
            for extra in extras(certification):
                if CFD_EXTRA.search(fold(extra["info"])):
                    found.append(("cfd", extra["value"]))
        for container in kids(f, "code-type-formation") + kids(f, "codes-type-formation"):
            for child in container:
                kind = CERTIFICATION_CODES.get(local(child))
                if kind:
                    found.append((kind, self._code_text(child)))
        action_extras = [e for action in kids(f, "action") for e in extras(action)]
        for extra in formation_extras + action_extras:
            if CFD_EXTRA.search(fold(extra["info"])):
                found.append(("cfd", extra["value"]))
        domain = kid(f, "domaine-formation")
        for child in domain if domain is not None else []:
            kind = DOMAIN_CODES.get(local(child))
            if kind:
                found.append((kind, self._code_text(child)))
        positions = {}
        for kind, code in found:
            if not code:
                continue
            if len(code) > 20:
                self._fail(name, f, f"{where}: {kind} code {code[:30]!r}… is too long")
            key = (formation, kind, code)
            if key not in self.codes:
                positions[kind] = positions.get(kind, 0) + 1
                self.codes[key] = {"position": positions[kind]}

    def _code_text(self, element):
        value = (element.text or "").strip()
        return "" if value == "-" else value

    def _organisation(self, o, f, name, where):
        if o is None:
            self._fail(name, f, f"{where}: no <organisme-formation-responsable>")
        siret = re.sub(r"\s", "", text(o, "SIRET-organisme-formation", "SIRET"))
        if not re.fullmatch(r"\d{14}", siret):
            self._fail(name, o, f"{where}: the responsible organisation's SIRET {siret!r} is not 14 digits")
        coordinates = kid(kid(o, "coordonnees-organisme"), "coordonnees")
        address = self._address(kid(coordinates, "adresse"), name, where)
        contact = kid(o, "contact-organisme")
        row = {
            "activity_number": text(o, "numero-activite"),
            "name": text(o, "nom-organisme") or text(o, "raison-sociale"),
            "legal_name": text(o, "raison-sociale"),
            "uai": text(o, "SIRET-organisme-formation", "code-UAI").upper(),
            "address": address["address"],
            "postcode": address["postcode"],
            "city": address["city"],
            "commune_code": address["commune_code"],
            "latitude": address["latitude"],
            "longitude": address["longitude"],
            "phone": text(coordinates, "telfixe", "numtel") or text(coordinates, "portable", "numtel"),
            "email": text(coordinates, "courriel"),
            "website": text(coordinates, "web", "urlweb"),
            "contact": self._contact(kid(contact, "coordonnees")) if contact is not None else {},
            "extras": extras(o),
        }
        if not row["name"]:
            self._fail(name, o, f"{where}: the responsible organisation has no name")
        check_lengths(LheoOrganisation, row, lambda m: self._fail(name, o, f"{where}: {m}"))
        known = self.organisations.get((siret,))
        if known is None:
            self.organisations[(siret,)] = row
        elif known != row:
            self.counters["org_differs"] += 1
        return siret

    def _numbered(self, element, name, plan, what, parent=None, within=None):
        """(numero, key, "what key" for messages) of an element; stops on a numero its parent already used."""
        number, hashed = numero(element)
        self.counters["hashed"] += hashed
        key = f"{parent}/{number}" if parent else number
        where = f"{what} {key}"
        if (key,) in plan:
            self._fail(
                name, element, f"{where}: duplicate numero " + (f"in its {within}" if within else "(already read)")
            )
        return number, key, where

    def _action(self, a, formation, name):
        number, key, where = self._numbered(a, name, self.actions, "action", formation, "formation")
        teaching = text(a, "modalites-enseignement")
        if teaching not in {"", "0", "1", "2"}:
            self._fail(name, a, f"{where}: <modalites-enseignement> {teaching!r} is not 0, 1 or 2")
        public_codes = [self._code_text(c) for c in kids(a, "code-public-vise") if self._code_text(c)]
        pedagogy_codes = [self._code_text(c) for c in kids(a, "code-modalite-pedagogique") if self._code_text(c)]
        entries = text(a, "modalites-entrees-sorties")
        if entries not in {"", "0", "1"}:
            self._fail(name, a, f"{where}: <modalites-entrees-sorties> {entries!r} is not 0 or 1")
        apprenticeship = PUBLIC_APPRENTICESHIP in public_codes
        professionalisation = PUBLIC_PROFESSIONALISATION in public_codes
        row = {
            "number": number,
            "formation_id": formation,
            "rhythm": text(a, "rythme-formation"),
            "public_codes": public_codes,
            "public_info": long_text(a, "info-public-vise"),
            "entry_level_required": self._boolean(name, a, "niveau-entree-obligatoire", where),
            "alternance_details": long_text(a, "modalites-alternance"),
            "teaching": teaching,
            "conditions": long_text(a, "conditions-specifiques"),
            "funding_possible": self._boolean(name, a, "prise-en-charge-frais-possible", where),
            "permanent_entry": {"0": False, "1": True, "": None}[entries],
            "url": text(a, "url-action", "urlweb"),
            "apprenticeship": apprenticeship,
            "professionalisation": professionalisation,
            "alternance": apprenticeship or professionalisation or PEDAGOGY_ALTERNANCE in pedagogy_codes,
            "pedagogy_codes": pedagogy_codes,
            "pedagogy": long_text(a, "modalites-pedagogiques"),
            "recruitment": long_text(a, "modalites-recrutement"),
            "duration": text(a, "duree-indicative"),
            "hours_total": self._integer(name, a, "nombre-heures-total", where),
            "hours_centre": self._integer(name, a, "nombre-heures-centre", where),
            "hours_company": self._integer(name, a, "nombre-heures-entreprise", where),
            "price_total": self._decimal(name, a, "prix-total-TTC", where),
            "price_hourly": self._decimal(name, a, "prix-horaire-TTC", where),
            "remaining_costs": long_text(a, "frais-restants"),
            "funding_details": long_text(a, "detail-conditions-prise-en-charge"),
            "funders": [self._funder(name, o, where) for o in kids(a, "organisme-financeur")],
            "trainers": [self._trainer(o) for o in kids(a, "organisme-formateur")],
            "language": text(a, "langue-formation"),
            "accommodation": long_text(a, "hebergement"),
            "catering": long_text(a, "restauration"),
            "transport": long_text(a, "transport"),
            "disabled_access": long_text(a, "acces-handicapes"),
            "extras": extras(a),
        }
        check_lengths(LheoAction, {"key": key, **row}, lambda m: self._fail(name, a, f"{where}: {m}"))
        self.actions[(key,)] = row
        places = kids(a, "lieu-de-formation")
        if not places and teaching != "2":
            self._fail(name, a, f"{where}: no <lieu-de-formation> (place of training), and it is not entirely remote")
        for position, place in enumerate(places, start=1):
            self._place(place, key, position, name, where)
        sessions = kids(a, "session")
        if not sessions:
            self.counters["no_session"] += 1
        for session in sessions:
            self._session(session, key, name)

    def _place(self, p, action, position, name, where):
        coordinates = kid(p, "coordonnees")
        if coordinates is None:
            self._fail(name, p, f"{where}: <lieu-de-formation> without <coordonnees>")
        address_element = kid(coordinates, "adresse")
        address = self._address(address_element, name, where)
        siret_element = kid(p, "SIRET-lieu-formation")
        if siret_element is None:
            siret_element = kid(coordinates, "SIRET-lieu-formation")
        row = {
            "name": text(address_element, "denomination")
            or ", ".join(t for t in (self._code_text(line) for line in kids(coordinates, "ligne")) if t),
            "address": address["address"],
            "postcode": address["postcode"],
            "city": address["city"],
            "commune_code": address["commune_code"],
            "department": text(address_element, "departement"),
            "region": text(address_element, "region"),
            "country": text(address_element, "pays")[:2],
            "latitude": address["latitude"],
            "longitude": address["longitude"],
            "siret": re.sub(r"\s", "", text(siret_element, "SIRET")),
            "uai": text(siret_element, "code-UAI").upper(),
            "phone": text(coordinates, "telfixe", "numtel"),
            "email": text(coordinates, "courriel"),
            "extras": extras(p),
        }
        if address_element is None and not row["name"]:
            self._fail(name, p, f"{where}: <lieu-de-formation> with neither an address nor a name")
        check_lengths(LheoPlace, row, lambda m: self._fail(name, p, f"{where}: {m}"))
        self.places[(action, position)] = row

    def _session(self, s, action, name):
        number, key, where = self._numbered(s, name, self.sessions, "session", action, "action")
        period = kid(s, "periode")
        if period is None:
            self._fail(name, s, f"{where}: no <periode>")
        start_raw, start = self._date(name, period, "debut", where)
        end_raw, end = self._date(name, period, "fin", where)
        if start and end and end < start:
            self._fail(name, period, f"{where}: ends ({end_raw}) before it starts ({start_raw})")
        registration = kid(kid(s, "periode-inscription"), "periode")
        registration_start = self._date(name, registration, "debut", where)[1] if registration is not None else None
        registration_end = self._date(name, registration, "fin", where)[1] if registration is not None else None
        address = self._address(kid(kid(s, "adresse-inscription"), "adresse"), name, where)
        recruitment = text(s, "etat-recrutement")
        if recruitment not in {"", "1", "2", "3"}:
            self._fail(name, s, f"{where}: <etat-recrutement> {recruitment!r} is not 1, 2 or 3")
        self.sessions[(key,)] = {
            "number": number,
            "action_id": action,
            "start": start,
            "end": end,
            "start_raw": start_raw,
            "end_raw": end_raw,
            "registration_start": registration_start,
            "registration_end": registration_end,
            "registration_address": address["address"],
            "registration_postcode": address["postcode"],
            "registration_city": address["city"],
            "registration_commune_code": address["commune_code"],
            "registration_details": long_text(s, "modalites-inscription"),
            "recruitment": recruitment,
            "extras": extras(s),
        }
        check_lengths(LheoSession, {"key": key, **self.sessions[(key,)]}, lambda m: self._fail(name, s, m))

    # -- values ------------------------------------------------------------------------------------------

    def _address(self, a, name, where):
        if a is None:
            return dict.fromkeys(("address", "postcode", "city", "commune_code"), "") | {
                "latitude": None,
                "longitude": None,
            }
        commune = text(a, "code-INSEE-commune")
        if commune and not INSEE_COMMUNE.fullmatch(commune):
            self._fail(
                name, kid(a, "code-INSEE-commune"), f"{where}: <code-INSEE-commune> {commune!r} is not an INSEE code"
            )
        latitude = longitude = None
        geo = kid(a, "geolocalisation")
        if geo is not None:
            latitude = self._coordinate(name, geo, "latitude", 90, where)
            longitude = self._coordinate(name, geo, "longitude", 180, where)
            if (latitude is None) != (longitude is None):
                self._fail(name, geo, f"{where}: <geolocalisation> needs both latitude and longitude")
        return {
            "address": ", ".join(t for t in (self._code_text(line) for line in kids(a, "ligne")) if t),
            "postcode": text(a, "codepostal"),
            "city": text(a, "ville"),
            "commune_code": commune,
            "latitude": latitude,
            "longitude": longitude,
        }

    def _coordinate(self, name, geo, tag, limit, where):
        value = text(geo, tag)
        if not value:
            return None
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            self._fail(name, kid(geo, tag), f"{where}: <{tag}> {value!r} is not a number")
        if not -limit <= number <= limit:
            self._fail(name, kid(geo, tag), f"{where}: <{tag}> {value!r} is out of range")
        return number

    def _date(self, name, parent, tag, where):
        """(raw, date or None) from AAAAMMJJ; 00000000/99999999 unknown; AAAAMM00 a month; AAAA0000 a year."""
        element = kid(parent, tag)
        raw = (element.text or "").strip() if element is not None else ""
        if element is None or not raw:
            self._fail(name, element if element is not None else parent, f"{where}: no <{tag}> date")
        if raw in {"00000000", "99999999"}:
            return raw, None
        if re.fullmatch(r"\d{8}", raw):
            year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:])
            if month == 0 and day == 0:
                month = day = 1
            elif day == 0:
                day = 1
            try:
                return raw, datetime.date(year, month, day)
            except ValueError:
                pass
        self._fail(name, element, f"{where}: <{tag}> {raw!r} is not a date (AAAAMMJJ, or 00000000 if unknown)")

    def _boolean(self, name, parent, tag, where):
        value = text(parent, tag)
        if value not in {"", "0", "1"}:
            self._fail(name, kid(parent, tag), f"{where}: <{tag}> {value!r} is not 0 or 1")
        return {"1": True, "0": False, "": None}[value]

    def _level(self, name, parent, tag, where):
        value = text(parent, tag)
        if value and value not in LEVELS:
            self._fail(name, kid(parent, tag), f"{where}: <{tag}> {value!r} is not a level code (0 to 8)")
        return value

    def _integer(self, name, parent, tag, where):
        value = text(parent, tag)
        if not value:
            return None
        if not value.isdigit():
            self._fail(name, kid(parent, tag), f"{where}: <{tag}> {value!r} is not a whole number")
        return int(value)

    def _decimal(self, name, parent, tag, where):
        value = text(parent, tag).replace(",", ".").replace(" ", "")
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0 or number.as_tuple().exponent < -2:
            self._fail(name, kid(parent, tag), f"{where}: <{tag}> {value!r} is not an amount")
        return number

    def _funder(self, name, o, where):
        code = text(o, "code-financeur")
        if code not in FUNDERS:
            self._fail(name, o, f"{where}: <code-financeur> {code!r} is not in the funders' table")
        places = self._integer(name, o, "nb-places-financees", where)
        return {"code": code, "label": FUNDERS[code], "places": places}

    def _trainer(self, o):
        siret = kid(o, "SIRET-formateur")
        return {
            "siret": re.sub(r"\s", "", text(siret, "SIRET")),
            "uai": text(siret, "code-UAI").upper(),
            "name": text(o, "raison-sociale-formateur"),
        }

    def _contact(self, coordinates):
        if coordinates is None:
            return {}
        contact = {
            "name": " ".join(t for t in (text(coordinates, "prenom"), text(coordinates, "nom")) if t),
            "phone": text(coordinates, "telfixe", "numtel") or text(coordinates, "portable", "numtel"),
            "email": text(coordinates, "courriel"),
            "web": text(coordinates, "web", "urlweb"),
        }
        return {k: v for k, v in contact.items() if v}
