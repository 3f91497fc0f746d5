"""Reader of ONISEP's two métier datasets, told apart by what the files hold.

* **Idéo-Fiches métiers** (dataset 5fe0808a2da6f), XML <metiers> of <metier>: the full fiche (names, ROME v3
  codes, descriptions, access level, minimum formations, statuts, sectors, interests…). Dataset
  "onisep-fiches-metiers"; tables ``OnisepMetier`` and its children.
* **Idéo-Métiers Onisep** (dataset 5fa5949243f97), one row per métier × ONISEP publication, with the current
  ROME code(s) and domains but no description. Published as XML (<root> of <item>, all values as text, empty
  when unknown) or JSON (an array of objects, numbers as numbers, null when unknown); both are read. Dataset
  "onisep-metiers"; table ``OnisepMetierPublication``. When PATH holds several versions (e.g. a 2024 JSON and a
  2025 XML), the one with the most recent publication year is imported and the others are reported.

The two are separate datasets on purpose: the list lacks every descriptive field of the fiches, so it must
not overwrite them; it is kept whole for the ROME codes and the métiers the fiches do not cover.
"""

import re

from hent.core.importing import ImportFailed, Table
from hent.trainings.importers.onisep_common import (
    FOR_RE,
    KINDS,
    MET_RE,
    ROME_RE,
    OnisepImporter,
    date_in_name,
)
from hent.trainings.models import (
    OnisepMetier,
    OnisepMetierFormation,
    OnisepMetierPublication,
    OnisepMetierShortText,
    OnisepMetierSynonym,
    OnisepMetierTag,
)

FICHE_KNOWN = {
    "identifiant", "nom_metier", "libelle_feminin", "libelle_masculin", "synonymes", "romesV3", "competences",
    "condition_travail", "nature_travail", "acces_metier", "vie_professionnelle", "accroche_metier",
    "formats_courts", "statuts", "metiers_associes", "niveau_acces_min", "formations_min_requise", "publications",
    "sources_numeriques", "secteurs_activite", "centres_interet",
}  # fmt: skip
LIST_FIELDS = [
    "libelle_metier", "lien_site_onisepfr", "nom_publication", "collection", "annee", "gencod", "gfe", "code_rome",
    "libelle_rome", "lien_rome", "domainesous-domaine",
]  # fmt: skip
YES_NO = {"oui": True, "non": False, "": None}
Tag = OnisepMetierTag.Kind


def split_codes(value):
    """ROME codes as published ("A1407 | A1409", "N2202") -> ["A1407", "A1409"]."""
    return [c for c in re.split(r"[\s|,;]+", value) if c]


class OnisepMetiersImporter(OnisepImporter):
    dataset_slug = "onisep-fiches-metiers"

    def parse(self, source):
        files = self.files(source)
        kinds = {kind for kind, _ in files.values()}
        if {"fiches-metiers", "metiers-list"} <= kinds:
            names = ", ".join(n for n, (k, _) in files.items() if k in ("fiches-metiers", "metiers-list"))
            raise ImportFailed(
                f"both {KINDS['fiches-metiers']} and {KINDS['metiers-list']} files ({names}): "
                "they are two datasets, import them one at a time",
                file=str(source.path),
            )
        if "metiers-list" in kinds:
            self.dataset_slug = "onisep-metiers"
            return self._parse_list(source)
        return self._parse_fiches(source)

    # -- Idéo-Fiches métiers -------------------------------------------------------------------------------------

    def _parse_fiches(self, source):
        name = self.one_file(source, "fiches-metiers")
        metiers, synonyms, formations, texts, tags = {}, {}, {}, {}, {}
        unusual_rome = []
        for r in self.iter_records(source, name, "metier"):
            self.note_unknown(r, FICHE_KNOWN)
            mid = r.identifier("identifiant", MET_RE, "métier identifier")
            if (mid,) in metiers:
                r.fail(f"duplicate métier {mid}")
            codes = []
            for element in r.children("romesV3", "romeV3"):
                for code in split_codes(element.text or ""):
                    if not ROME_RE.fullmatch(code):
                        unusual_rome.append(f"{code} ({mid}, line {element.sourceline})")
                    codes.append(code)
            level = r.child("niveau_acces_min")
            sectors = r.child("secteurs_activite")
            cross = r.optional_text("metier_transverse", sectors).lower()
            if cross not in YES_NO:
                r.fail(f"metier_transverse {cross!r} is not 'oui', 'non' or empty", sectors.find("metier_transverse"))
            row = {
                "name": r.text("nom_metier", required=True),
                "name_feminine": r.text("libelle_feminin"),
                "name_masculine": r.text("libelle_masculin"),
                "rome_codes": " ".join(dict.fromkeys(codes)),
                "summary": r.html("accroche_metier"),
                "access": r.html("acces_metier"),
                "skills": r.html("competences"),
                "working_conditions": r.html("condition_travail"),
                "nature_of_work": r.html("nature_travail"),
                "career": r.html("vie_professionnelle"),
                "min_level_id": r.optional_text("id", level),
                "min_level_label": r.optional_text("libelle", level),
                "is_cross_sector": YES_NO[cross],
            }
            metiers[(mid,)] = self.fit(OnisepMetier, row, r)

            for element in r.children("synonymes", "synonyme"):
                synonym = r.text("nom_metier", element, required=True, what="synonym nom_metier")
                if (mid, synonym) in synonyms:
                    r.fail(f"synonym {synonym!r} appears twice in {mid}", element)
                values = {
                    "name_feminine": r.optional_text("libelle_feminin", element),
                    "name_masculine": r.optional_text("libelle_masculin", element),
                }
                synonyms[(mid, synonym)] = self.fit(OnisepMetierSynonym, values, r, element)

            for element in r.children("formations_min_requise", "formation_min_requise"):
                fid = r.identifier("id", FOR_RE, "formation identifier", element)
                if (mid, fid) in formations:
                    r.fail(f"formation {fid} appears twice in {mid}", element)
                values = {"label": r.text("libelle", element)}
                formations[(mid, fid)] = self.fit(OnisepMetierFormation, values, r, element)

            for element in r.children("formats_courts", "format_court"):
                kind = r.text("type", element, required=True, what="format_court type")
                if (mid, kind) in texts:
                    r.fail(f"two format_court of type {kind!r} in {mid}", element)
                values = {"title": r.optional_text("libelle", element), "text": r.html("descriptif", element)}
                texts[(mid, kind)] = self.fit(OnisepMetierShortText, values, r, element)

            for key, values in self._fiche_tags(r, mid, sectors):
                tags[key] = values
        self.report_unknown()
        if unusual_rome:
            self.warnings.append(
                f"{name}: {len(unusual_rome)} ROME code(s) not of the form A1234, kept as published: "
                + ", ".join(unusual_rome[:5])
            )

        exported = date_in_name(name)
        if not exported:
            self.warnings.append(f"{name}: no export date in the file name")
        meta = self.meta(
            source,
            name,
            name="ONISEP Idéo — fiches métiers",
            version=exported.isoformat() if exported else "",
            published_on=exported,
            description="Idéo-Fiches métiers (jeu de données ONISEP 5fe0808a2da6f)"
            + (f", export du {exported:%d/%m/%Y}" if exported else "")
            + ". Codes ROME en version 3.",
        )
        return meta, [
            Table(OnisepMetier, ("id",), metiers, label="métiers"),
            Table(OnisepMetierSynonym, ("metier_id", "name"), synonyms, label="métier synonyms"),
            Table(OnisepMetierFormation, ("metier_id", "formation_id"), formations, label="métier → formation links"),
            Table(OnisepMetierShortText, ("metier_id", "kind"), texts, label="métier short texts"),
            Table(OnisepMetierTag, ("metier_id", "kind", "position"), tags, label="métier lists"),
        ]

    def _fiche_tags(self, r, mid, sectors):
        items = []
        for element in r.children("statuts", "statut"):
            items.append((Tag.STATUS, r.text("id", element), r.text("libelle", element), "", element))
        for element in sectors.iterfind("secteur_activite"):
            items.append((Tag.SECTOR, r.text("id", element), r.text("libelle", element), "", element))
        for element in r.children("centres_interet", "centre_interet"):
            items.append((Tag.INTEREST, r.text("id", element), r.text("libelle", element), "", element))
        for element in r.children("metiers_associes", "metier_associe"):
            related = r.identifier("id", MET_RE, "associated métier identifier", element)
            items.append((Tag.RELATED, related, r.optional_text("libelle", element) or related, "", element))
        for element in r.children("publications", "publication"):
            detail = " | ".join(r.optional_text(t, element) for t in ("collection", "editeur", "annee"))
            title = r.text("titre_publication", element, required=True, what="titre_publication")
            items.append((Tag.PUBLICATION, r.optional_text("code_librairie", element), title, detail, element))
        for element in r.children("sources_numeriques", "source"):
            url = r.text("valeur", element, required=True, what="source valeur")
            items.append((Tag.SOURCE, "", url, r.optional_text("commentaire", element), element))
        positions = {}
        for kind, code, label, detail, element in items:
            if not label:
                r.fail(f"a {kind.value} without a label", element)
            positions[kind] = positions.get(kind, 0) + 1
            values = {"code": code, "label": label, "detail": detail}
            yield (mid, kind.value, positions[kind]), self.fit(OnisepMetierTag, values, r, element)

    # -- Idéo-Métiers Onisep (métier × publication) --------------------------------------------------------------

    def _parse_list(self, source):
        names, files = self.find_files(source, "metiers-list")
        versions = []
        for name in names:
            rows, newest, unusual = self._read_list(source, name, files[name][1])
            versions.append((newest or 0, name, rows, unusual))
        versions.sort(key=lambda v: (v[0], v[1]), reverse=True)
        newest, name, rows, unusual = versions[0]
        if unusual:
            self.warnings.append(
                f"{name}: {len(unusual)} ROME code(s) not of the form A1234, kept as published: "
                + ", ".join(unusual[:5])
            )
        if len(versions) > 1:
            if versions[1][0] == newest:
                raise ImportFailed(
                    f"several {KINDS['metiers-list']} files with the same most recent year ({newest}): "
                    f"{', '.join(v[1] for v in versions)}; give one of them",
                    file=str(source.path),
                )
            older = ", ".join(f"{v[1]} (up to {v[0]})" for v in versions[1:])
            self.warnings.append(f"imported {name} (publications up to {newest}); older version(s) ignored: {older}")
        self.report_unknown()
        meta = self.meta(
            source,
            name,
            name="ONISEP Idéo — métiers et publications",
            version=str(newest) if newest else "",
            description="Idéo-Métiers Onisep (jeu de données ONISEP 5fa5949243f97) : un métier par publication "
            "ONISEP, avec ses codes ROME. La version est l'année de publication la plus récente du fichier, "
            "qui ne porte pas de date.",
        )
        return meta, [Table(OnisepMetierPublication, ("metier_id", "publication"), rows, label="métier publications")]

    def _read_list(self, source, name, fmt):
        """Rows of one version of the list, its most recent publication year, its unusual ROME codes."""
        records = self.read_json_array(source, name) if fmt == "json" else self.iter_records(source, name, "item")
        rows, years, unusual = {}, [], []
        for r in records:
            self.note_unknown(r, set(LIST_FIELDS))
            url = r.text("lien_site_onisepfr", required=True)
            match = MET_RE.search(url)
            if not match:
                r.fail(f"lien_site_onisepfr {url!r} names no métier (MET.…)")
            publication = r.text("nom_publication")
            key = (match.group(0), publication)
            if key in rows:
                r.fail(f"duplicate row for {key[0]} in publication {publication!r}")
            year = r.year("annee")
            if year:
                years.append(year)
            codes = split_codes(r.text("code_rome"))
            unusual += [f"{c} ({key[0]}, line {r.line})" for c in codes if not ROME_RE.fullmatch(c)]
            gencod = r.text("gencod")
            if gencod and not gencod.isdigit():
                r.fail(f"gencod {gencod!r} is not a number")
            values = {
                "name": r.text("libelle_metier", required=True),
                "collection": r.text("collection"),
                "year": year,
                "gencod": gencod,
                "gfe": r.text("gfe"),
                "rome_codes": " ".join(dict.fromkeys(codes)),
                "rome_labels": r.text("libelle_rome"),
                "rome_urls": r.text("lien_rome"),
                "domains": r.text("domainesous-domaine"),
                "url": url,
            }
            rows[key] = self.fit(OnisepMetierPublication, values, r)
        return rows, max(years, default=None), unusual
