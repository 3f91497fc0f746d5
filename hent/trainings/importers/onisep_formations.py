"""Reader of ONISEP's Idéo-Fiches formations XML (dataset 5fe07a9ecc960): <formations> of <formation>.

Each <formation> becomes an ``OnisepFormation``; its métiers (metiers_formation/metier) become
``OnisepFormationMetier`` rows; its other lists (éléments d'enseignement, poursuites d'études, sous-domaines,
publications, sources numériques) become ``OnisepFormationTag`` rows. HTML texts come in CDATA sections
(sometimes escaped) and are sanitised.
"""

import re

from hent.core.importing import Table
from hent.trainings.importers.onisep_common import (
    FOR_RE,
    MET_RE,
    OnisepImporter,
    date_in_name,
)
from hent.trainings.models import OnisepFormation, OnisepFormationMetier, OnisepFormationTag

KNOWN = {
    "identifiant", "code_scolarite", "libelle_complet", "sigle", "libelle_generique", "libelle_specifique",
    "type_option", "type_Formation", "duree_formation", "descriptif_format_court", "descriptif_acces", "url",
    "nsf_discipline", "nsf_fonction", "niveau_certification", "niveau_etudes", "niv_code",
    "annee_premiere_session", "annee_derniere_session", "nature_certificat", "attendus", "element_enseignement",
    "sous_tutelle", "descriptif_poursuite_etudes", "poursuites_etudes", "metiers_formation", "publications",
    "sources_numeriques", "sous_domaines_web", "creation_date", "modification_date",
}  # fmt: skip
RNCP_URL_RE = re.compile(
    r"https?://(?:www\.)?(?:francecompetences\.fr|certificationprofessionnelle\.fr)/recherche/rncp/(\d+)", re.I
)
LEVEL_RE = re.compile(r"niveau (\d+)\b", re.I)
NOT_REGISTERED = "non inscrit au rncp"
Kind = OnisepFormationTag.Kind


def rncp_from_url(url):
    """ "https://www.francecompetences.fr/recherche/rncp/37084/" -> "37084"; other URLs -> ""."""
    match = RNCP_URL_RE.match(url)
    return match.group(1) if match else ""


class OnisepFormationsImporter(OnisepImporter):
    dataset_slug = "onisep-fiches-formations"

    def parse(self, source):
        name = self.one_file(source, "fiches-formations")
        formations, metiers, tags = {}, {}, {}
        modified = []
        for record in self.iter_records(source, name, "formation"):
            self.note_unknown(record, KNOWN)
            fid = record.identifier("identifiant", FOR_RE, "formation identifier")
            if (fid,) in formations:
                record.fail(f"duplicate formation {fid}")
            row = self._formation(record)
            formations[(fid,)] = self.fit(OnisepFormation, row, record)
            if row["modified_on"]:
                modified.append(row["modified_on"])
            for key, values in self._metiers(record, fid):
                metiers[key] = values
            for key, values in self._tags(record, fid):
                tags[key] = values
        self.report_unknown()
        self._resolve_further_studies(formations, tags)

        exported = date_in_name(name) or (max(modified) if modified else None)
        meta = self.meta(
            source,
            name,
            name="ONISEP Idéo — fiches formations",
            version=exported.isoformat() if exported else "",
            published_on=exported,
            description="Idéo-Fiches formations (jeu de données ONISEP 5fe07a9ecc960)"
            + (f", export du {exported:%d/%m/%Y}" if exported else "")
            + ".",
        )
        if not exported:
            self.warnings.append(f"{name}: no export date in the file name or the records")
        return meta, [
            Table(OnisepFormation, ("id",), formations, label="formations"),
            Table(OnisepFormationMetier, ("formation_id", "metier_id"), metiers, label="formation → métier links"),
            Table(OnisepFormationTag, ("formation_id", "kind", "position"), tags, label="formation lists"),
        ]

    def _formation(self, r):
        type_block = r.child("type_Formation")
        nsf = r.child("nsf_discipline")
        nsf_function = r.child("nsf_fonction")
        study_level = r.child("niveau_etudes")
        level_label = r.text("niveau_certification")
        url = r.text("url")
        return {
            "cfd": r.text("code_scolarite"),
            "niv_code": r.text("niv_code"),
            "title": r.text("libelle_complet", required=True),
            "acronym": r.text("sigle"),
            "generic_label": r.text("libelle_generique"),
            "specific_label": r.text("libelle_specifique"),
            "option_type": r.text("type_option"),
            "type_label": r.optional_text("type_formation_libelle", type_block),
            "type_short": r.optional_text("type_formation_libelle_court", type_block),
            "type_acronym": r.optional_text("type_formation_sigle", type_block),
            "duration": r.text("duree_formation"),
            "description": r.html("descriptif_format_court"),
            "access": r.html("descriptif_acces"),
            "further_studies": r.html("descriptif_poursuite_etudes"),
            "further_studies_ids": "",  # filled by _resolve_further_studies()
            "expectations": r.html("attendus"),
            "url": url,
            "rncp": rncp_from_url(url),
            "nsf_code": r.optional_text("NSF_discipline_code", nsf),
            "nsf_label": r.optional_text("NSF_discipline_libelle", nsf),
            "nsf_function_code": r.optional_text("NSF_fonction_code", nsf_function),
            "nsf_function_label": r.optional_text("NSF_fonction_libelle", nsf_function),
            "certification_level_label": level_label,
            "level_eu": self._level(r, level_label),
            "study_level_id": r.optional_text("id", study_level),
            "study_level": r.optional_text("libelle", study_level),
            "nature": " | ".join(
                (c.text or "").strip() for c in r.children("nature_certificat", "libelle_nature_certificat")
            ),
            "tutelle": r.text("sous_tutelle"),
            "first_session_year": r.year("annee_premiere_session"),
            "last_session_year": r.year("annee_derniere_session"),
            "created_on": r.date("creation_date"),
            "modified_on": r.date("modification_date"),
        }

    def _resolve_further_studies(self, formations, tags):
        """Identify each poursuite d'études: the FOR id it names, else the one formation of the file with
        exactly that title (ONISEP gives titles, not ids); ``further_studies_ids`` lists them in order."""
        by_title = {}
        for (fid,), row in formations.items():
            by_title.setdefault(row["title"].lower(), []).append(fid)
        found = {}
        for (fid, kind, _position), values in sorted(tags.items()):
            if kind != Kind.FURTHER_STUDY.value:
                continue
            named = FOR_RE.findall(values["label"])
            matches = by_title.get(values["label"].lower(), [])
            target = named[0] if len(named) == 1 else matches[0] if len(matches) == 1 else ""
            values["code"] = target
            if target:
                found.setdefault(fid, []).append(target)
        for fid, ids in found.items():
            formations[(fid,)]["further_studies_ids"] = " ".join(dict.fromkeys(ids))

    def _level(self, r, label):
        """ "niveau 4 (bac ou équivalent)" -> 4; "non inscrit au RNCP" or empty -> None; anything else stops."""
        if not label or label.lower() == NOT_REGISTERED:
            return None
        match = LEVEL_RE.match(label)
        if not match or not 1 <= int(match.group(1)) <= 8:
            r.fail(f"niveau_certification {label!r} is not 'niveau 1' to 'niveau 8'", r.child("niveau_certification"))
        return int(match.group(1))

    def _metiers(self, r, fid):
        seen = set()
        for element in r.children("metiers_formation", "metier"):
            metier_id = r.identifier("id", MET_RE, "métier identifier", element)
            if metier_id in seen:
                r.fail(f"métier {metier_id} is linked twice to {fid}", element)
            seen.add(metier_id)
            values = {
                "metier_name": r.text("nom_metier", element, required=True),
                "metier_name_feminine": r.optional_text("libelle_feminin", element),
                "metier_name_masculine": r.optional_text("libelle_masculin", element),
            }
            yield (fid, metier_id), self.fit(OnisepFormationMetier, values, r, element)

    def _tags(self, r, fid):
        items = []
        for element in r.children("element_enseignement", "element_enseignement_libelle"):
            items.append((Kind.TEACHING, "", element.text, "", element))
        for block in r.children("poursuites_etudes", "poursuite_etudes"):
            kind_of_study = r.optional_text("type_Poursuite", block)
            for element in block.iterfind("formation_poursuite_Etudes"):
                items.append((Kind.FURTHER_STUDY, "", element.text, kind_of_study, element))
        for element in r.children("sous_domaines_web", "sous_domaine_web"):
            code = r.text("id", element, required=True, what="sous-domaine id")
            items.append((Kind.SUBDOMAIN, code, r.text("libelle", element), "", element))
        for element in r.children("publications", "publication"):
            detail = " | ".join(r.optional_text(t, element) for t in ("collection", "editeur", "annee"))
            title = r.text("titre_publication", element, required=True, what="titre_publication")
            items.append((Kind.PUBLICATION, r.optional_text("code_librairie", element), title, detail, element))
        for element in r.children("sources_numeriques", "source"):
            items.append((Kind.SOURCE, "", element.text, "", element))
        positions = {}
        for kind, code, label, detail, element in items:
            label = (label or "").strip()
            if not label:
                continue
            positions[kind] = positions.get(kind, 0) + 1
            values = {"code": code, "label": label, "detail": detail}
            yield (fid, kind.value, positions[kind]), self.fit(OnisepFormationTag, values, r, element)
