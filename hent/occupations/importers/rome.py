"""Reader of France Travail's ROME 4.0 open-data distribution ("RefRomeCsv": unix_*.csv + version.txt)."""

import datetime
import re

from hent.core.importing import ETALAB, ETALAB_URL, Importer, ImportFailed, Table
from hent.occupations import models as m

TRANSITION_ECO = {
    "emploi blanc": m.TransitionEco.WHITE,
    "emploi stratégique pour la transition écologique": m.TransitionEco.STRATEGIC,
    "emploi vert": m.TransitionEco.GREEN,
    "emploi brun": m.TransitionEco.BROWN,
    "": "",
}
RUBRIQUE_KIND = {"1": m.Item.Kind.SKILL, "2": m.Item.Kind.SOFT_SKILL, "3": m.Item.Kind.KNOWLEDGE}
CORE = {
    "": m.OccupationItem.Core.NO,
    "principale": m.OccupationItem.Core.MAIN,
    "émergente": m.OccupationItem.Core.EMERGING,
}
BLOC_FICHE, BLOC_TITLES, BLOC_SKILLS, BLOC_CONTEXTS = "1", "2", "5", "6"
RIASEC = set("RIASEC")


def split_gender(title):
    """ "Conducteur / Conductrice d'engins agricoles" -> ("Conducteur d'engins agricoles", "Conductrice d'engins …").

    The ROME writes the masculine head, " / ", then the feminine head with as
    many words, then the common rest. Titles without " / " are epicene.
    """
    if " / " not in title:
        return title, title
    left, right = title.split(" / ", 1)
    n = len(left.split())
    words = right.split()
    feminine_head, rest = " ".join(words[:n]), " ".join(words[n:])
    masculine = f"{left} {rest}".strip()
    feminine = f"{feminine_head} {rest}".strip()
    return masculine, feminine


def repair(text):
    """Undo the SQL-style doubled apostrophes of the source (d''hygiène) and trim."""
    return text.replace("''", "'").strip()


def yes_no(value):
    return {"O": True, "N": False, "": None}.get(value.strip().upper())


def parse_version(text):
    """Fields of version.txt: "Numero de version : 60", "Date de publication : 18/09/2025"…"""
    fields = {}
    for line in text.splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.strip()
    version = fields.get("numero de version") or fields.get("numéro de version")
    if not version:
        raise ImportFailed("no 'Numero de version' line", file="version.txt")
    published = None
    raw_date = fields.get("date de publication", "")
    if raw_date:
        try:
            published = datetime.datetime.strptime(raw_date, "%d/%m/%Y").date()
        except ValueError:
            raise ImportFailed(f"unreadable publication date {raw_date!r}", file="version.txt") from None
    return {
        "version": version,
        "published_on": published,
        "description": fields.get("titre/commentaire", ""),
        "is_demo": "démonstration" in text.lower() or "demonstration" in text.lower(),
    }


class RomeImporter(Importer):
    dataset_slug = "rome"

    def parse(self, source):
        version_name = source.find("version.txt")
        meta = parse_version(source.read_text(version_name))
        meta.update(
            name="ROME 4.0",
            publisher="France Travail",
            licence=ETALAB,
            licence_url=ETALAB_URL,
            source_url="https://www.data.gouv.fr/fr/datasets/repertoire-operationnel-des-metiers-et-des-emplois-rome/",
        )
        if meta["is_demo"]:
            meta.update(
                name="ROME 4.0 (données de démonstration)", publisher="Hent, d'après le format de France Travail"
            )
        self.source = source
        tables = []
        tables += self._domains()
        tables += self._occupations()
        tables += self._job_titles()
        tables += self._items()
        tables += self._occupation_items()
        tables += self._mobility()
        tables += self._interests()
        tables += self._themes()
        tables += self._sectors()
        tables += self._naf()
        return meta, tables

    # -- helpers -----------------------------------------------------------------

    def _csv(self, stem, columns):
        return self.source.read_csv(f"unix_{stem}_v*.csv", columns)

    def _code(self, table, line, code, known, what):
        if code not in known:
            shown = code[0] if isinstance(code, tuple) else code
            table.fail(line, f"unknown {what} {shown!r}")
        return code

    # -- tables ------------------------------------------------------------------

    def _domains(self):
        gd_file = self._csv("grand_domaine", ["code_grand_domaine", "libelle_grand_domaine"])
        gd = {}
        for line, r in gd_file:
            key = (r["code_grand_domaine"].strip(),)
            gd_file.unique(gd, line, key)
            gd[key] = {"label": r["libelle_grand_domaine"].strip()}
        dp_file = self._csv("domaine_professionnel", ["code_domaine_professionnel", "libelle_domaine_professionnel"])
        dp = {}
        for line, r in dp_file:
            code = r["code_domaine_professionnel"].strip()
            if not re.fullmatch(r"[A-Z]\d\d", code):
                dp_file.fail(line, f"invalid domaine code {code!r}")
            self._code(dp_file, line, code[0], {k[0] for k in gd}, "grand domaine")
            dp_file.unique(dp, line, (code,))
            dp[(code,)] = {"label": r["libelle_domaine_professionnel"].strip(), "grand_domaine_id": code[0]}
        self.domaines = {k[0] for k in dp}
        return [
            Table(m.GrandDomaine, ("code",), gd, label="grands domaines"),
            Table(m.Domaine, ("code",), dp, label="domaines professionnels"),
        ]

    def _occupations(self):
        f = self._csv(
            "referentiel_code_rome",
            ["code_rome", "code_fiche_metier", "code_ogr", "libelle_rome", "transition_eco", "transition_num",
             "transition_demo", "emploi_reglemente", "emploi_cadre", "code_rome_parent"],
        )  # fmt: skip
        riasec_file = self._csv("referentiel_code_rome_riasec", ["code_rome", "riasec_majeur", "riasec_mineur"])
        riasec = {}
        for line, r in riasec_file:
            major, minor = r["riasec_majeur"].strip(), r["riasec_mineur"].strip()
            if major not in RIASEC | {""} or minor not in RIASEC | {""}:
                riasec_file.fail(line, f"invalid RIASEC code {major!r}/{minor!r}")
            riasec[r["code_rome"].strip()] = (major, minor, line)
        rows = {}
        for line, r in f:
            code = r["code_rome"].strip()
            if not re.fullmatch(r"[A-Z]\d{4}", code):
                f.fail(line, f"invalid ROME code {code!r}")
            self._code(f, line, code[:3], self.domaines, "domaine professionnel")
            f.unique(rows, line, (code,))
            title = r["libelle_rome"].strip()
            masculine, feminine = split_gender(title)
            major, minor, _ = riasec.get(code, ("", "", None))
            rows[(code,)] = {
                "ogr": self._int(f, line, r["code_ogr"]),
                "fiche_number": self._int(f, line, r["code_fiche_metier"], required=False),
                "title": title,
                "title_masculine": masculine,
                "title_feminine": feminine,
                "domaine_id": code[:3],
                "parent_code": r["code_rome_parent"].strip(),
                "transition_eco": self._transition(f, line, r["transition_eco"]),
                "transition_num": yes_no(r["transition_num"]),
                "transition_demo": yes_no(r["transition_demo"]),
                "regulated": yes_no(r["emploi_reglemente"]),
                "executive": yes_no(r["emploi_cadre"]),
                "riasec_major": major,
                "riasec_minor": minor,
            }
        self.occupations = {k[0] for k in rows}
        self.occupation_ogr = {v["ogr"]: k[0] for k, v in rows.items()}
        for code, (_, _, line) in riasec.items():
            self._code(riasec_file, line, code, self.occupations, "ROME code")

        texts_file = self._csv(
            "texte", ["code_rome", "code_compo_bloc", "libelle_type_texte", "position_phrase", "libelle_texte"]
        )
        texts = {}
        kinds = set(m.OccupationText.Kind.values)
        for line, r in texts_file:
            code = self._code(texts_file, line, r["code_rome"].strip(), self.occupations, "ROME code")
            kind = r["libelle_type_texte"].strip()
            if kind not in kinds:
                texts_file.fail(line, f"unknown text type {kind!r}")
            key = (code, kind, self._int(texts_file, line, r["position_phrase"]))
            texts_file.unique(texts, line, key)
            texts[key] = {"text": repair(r["libelle_texte"])}
        return [
            Table(m.Occupation, ("code",), rows, label="occupations"),
            Table(m.OccupationText, ("occupation_id", "kind", "position"), texts, label="occupation texts"),
        ]

    def _job_titles(self):
        f = self._csv(
            "referentiel_appellation",
            ["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome", "transition_eco",
             "transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre", "classification", "peu_usite"],
        )  # fmt: skip
        rows = {}
        for line, r in f:
            ogr = self._int(f, line, r["code_ogr"])
            f.unique(rows, line, (ogr,))
            code = self._code(f, line, r["code_rome"].strip(), self.occupations, "ROME code")
            label = r["libelle_appellation_long"].strip()
            classification = r["classification"].strip().upper()
            if classification not in {"PRINCIPALE", "SYNONYME"}:
                f.fail(line, f"unknown classification {classification!r}")
            masculine, feminine = split_gender(label)
            rows[(ogr,)] = {
                "occupation_id": code,
                "label": label,
                "label_short": r["libelle_appellation_court"].strip() or label,
                "label_masculine": masculine,
                "label_feminine": feminine,
                "is_main": classification == "PRINCIPALE",
                "rarely_used": yes_no(r["peu_usite"]) is True,
                "transition_eco": self._transition(f, line, r["transition_eco"]),
                "transition_num": yes_no(r["transition_num"]),
                "transition_demo": yes_no(r["transition_demo"]),
                "regulated": yes_no(r["emploi_reglemente"]),
                "executive": yes_no(r["emploi_cadre"]),
            }
        self.job_titles = {k[0]: v["occupation_id"] for k, v in rows.items()}
        return [Table(m.JobTitle, ("ogr",), rows, label="job titles")]

    def _items(self):
        items_file = self._csv("item", ["code_ogr", "libelle", "code_rubrique"])
        skills_file = self._csv(
            "referentiel_competence",
            ["code_ogr", "nature", "libelle_competence", "definition", "code_ogr_macro_comp", "code_macro_comp",
             "cat_comp", "sous_cat_comp", "transition_eco", "transition_num", "libelle_heterogeneite",
             "libelle_origine"],
        )  # fmt: skip
        knowledge_file = self._csv(
            "referentiel_savoir",
            ["code_ogr_savoir", "libelle_savoir", "categorie_savoir", "sous_categorie_savoir", "transition_eco",
             "transition_num"],
        )  # fmt: skip
        contexts_file = self._csv(
            "referentiel_contexte_travail",
            ["code_ogr", "libelle_cont_travail", "code_type_cont_trav", "libelle_type_cont_trav"],
        )
        macro_riasec_file = self._csv(
            "referentiel_macro_competence_riasec", ["code_ogr", "riasec_majeur", "riasec_mineur"]
        )

        details = {}
        for line, r in skills_file:
            ogr = self._int(skills_file, line, r["code_ogr"])
            macro = self._int(skills_file, line, r["code_ogr_macro_comp"], required=False)
            details[ogr] = {
                "definition": repair(r["definition"]),
                "category": r["sous_cat_comp"].strip(),
                "subcategory": "",
                "is_macro": r["nature"].strip().lower().startswith("macro"),
                "macro_id": macro,
                "macro_code": r["code_macro_comp"].strip(),
                "transition_eco": yes_no(r["transition_eco"]),
                "transition_num": yes_no(r["transition_num"]),
                "heterogeneity": r["libelle_heterogeneite"].strip(),
                "origin": r["libelle_origine"].strip(),
                "_at": (skills_file, line),
            }
        for line, r in knowledge_file:
            details[self._int(knowledge_file, line, r["code_ogr_savoir"])] = {
                "category": r["categorie_savoir"].strip(),
                "subcategory": r["sous_categorie_savoir"].strip(),
                "transition_eco": yes_no(r["transition_eco"]),
                "transition_num": yes_no(r["transition_num"]),
                "_at": (knowledge_file, line),
            }
        contexts = {}
        for line, r in contexts_file:
            ogr = self._int(contexts_file, line, r["code_ogr"])
            contexts[ogr] = r["libelle_cont_travail"].strip()
            details[ogr] = {"category": r["libelle_type_cont_trav"].strip(), "_at": (contexts_file, line)}
        for line, r in macro_riasec_file:
            ogr = self._int(macro_riasec_file, line, r["code_ogr"])
            if ogr not in details or not details[ogr].get("is_macro"):
                macro_riasec_file.fail(line, f"unknown macro-competence {ogr}")
            details[ogr].update(riasec_major=r["riasec_majeur"].strip(), riasec_minor=r["riasec_mineur"].strip())

        blank = {
            "definition": "", "category": "", "subcategory": "", "is_macro": False, "macro_id": None,
            "macro_code": "", "riasec_major": "", "riasec_minor": "", "transition_eco": None,
            "transition_num": None, "heterogeneity": "", "origin": "",
        }  # fmt: skip
        rows = {}
        for line, r in items_file:
            ogr = self._int(items_file, line, r["code_ogr"])
            items_file.unique(rows, line, (ogr,))
            rubrique = r["code_rubrique"].strip()
            if rubrique:
                if rubrique not in RUBRIQUE_KIND:
                    items_file.fail(line, f"unknown rubrique {rubrique!r}")
                kind = RUBRIQUE_KIND[rubrique]
            elif ogr in contexts:
                kind = m.Item.Kind.CONTEXT
            else:
                items_file.fail(line, f"item {ogr} has no rubrique and is not a work context")
            extra = {k: v for k, v in details.get(ogr, {}).items() if k != "_at"}
            rows[(ogr,)] = {**blank, "kind": kind, "label": repair(r["libelle"]), **extra}
        for ogr, d in details.items():
            table, line = d["_at"]
            if (ogr,) not in rows:
                table.fail(line, f"item {ogr} is missing from {items_file.name}")
            macro = d.get("macro_id")
            if macro is not None and (macro,) not in rows:
                table.fail(line, f"unknown macro-competence {macro}")
        self.items = {k[0]: v["kind"] for k, v in rows.items()}
        return [Table(m.Item, ("ogr",), rows, label="skills, knowledge and work contexts")]

    def _occupation_items(self):
        links = self._csv("liens_rome_referentiels", ["code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"])
        coherence = self._csv("coherence_item", ["code_rome", "code_ogr", "coeur_metier"])
        rows = {}
        titles_linked = set()
        for line, r in links:
            code = self._code(links, line, r["code_rome"].strip(), self.occupations, "ROME code")
            ogr = self._int(links, line, r["code_ogr"])
            bloc = r["code_compo_bloc"].strip()
            if bloc == BLOC_FICHE:
                if self.occupation_ogr.get(ogr) != code:
                    links.fail(line, f"OGR code {ogr} is not fiche {code}")
            elif bloc == BLOC_TITLES:
                if self.job_titles.get(ogr) != code:
                    links.fail(line, f"job title {ogr} does not belong to fiche {code}")
                titles_linked.add(ogr)
            elif bloc in (BLOC_SKILLS, BLOC_CONTEXTS):
                self._code(links, line, ogr, self.items, "item code")
                key = (code, ogr)
                links.unique(rows, line, key)
                rows[key] = {"core": m.OccupationItem.Core.NO}
            else:
                links.fail(line, f"unknown bloc {bloc!r}")
        missing = set(self.job_titles) - titles_linked
        if missing:
            raise ImportFailed(
                f"{len(missing)} job title(s) not linked to their fiche, e.g. {min(missing)}", file=links.name
            )
        for line, r in coherence:
            key = (r["code_rome"].strip(), self._int(coherence, line, r["code_ogr"]))
            if key not in rows:
                coherence.fail(line, f"item {key[1]} is not linked to fiche {key[0]}")
            value = r["coeur_metier"].strip().lower()
            if value not in CORE:
                coherence.fail(line, f"unknown coeur_metier value {value!r}")
            rows[key] = {"core": CORE[value]}
        return [Table(m.OccupationItem, ("occupation_id", "item_id"), rows, label="occupation items")]

    def _mobility(self):
        f = self._csv("rubrique_mobilite", ["code_rome", "code_rome_cible", "numero_ordre"])
        rows = {}
        for line, r in f:
            key = (
                self._code(f, line, r["code_rome"].strip(), self.occupations, "ROME code"),
                self._code(f, line, r["code_rome_cible"].strip(), self.occupations, "target ROME code"),
            )
            f.unique(rows, line, key)
            rows[key] = {"position": self._int(f, line, r["numero_ordre"])}
        return [Table(m.Mobility, ("source_id", "target_id"), rows, label="career moves")]

    def _interests(self):
        f = self._csv("centre_interet", ["code_centre_interet", "libelle_centre_interet", "definition_centre_interet"])
        centres = {}
        for line, r in f:
            key = (self._int(f, line, r["code_centre_interet"]),)
            f.unique(centres, line, key)
            centres[key] = {
                "label": r["libelle_centre_interet"].strip(),
                "definition": repair(r["definition_centre_interet"]),
            }
        tree = self._csv("arborescence_centre_interet", ["code_centre_interet", "code_rome", "principal"])
        links = {}
        for line, r in tree:
            centre = self._int(tree, line, r["code_centre_interet"])
            self._code(tree, line, (centre,), centres, "centre d'intérêt")
            key = (self._code(tree, line, r["code_rome"].strip(), self.occupations, "ROME code"), centre)
            tree.unique(links, line, key)
            links[key] = {"is_principal": r["principal"].strip().lower() == "oui"}
        return [
            Table(m.CentreInteret, ("code",), centres, label="centres d'intérêt"),
            Table(m.OccupationInterest, ("occupation_id", "centre_id"), links, label="occupation interests"),
        ]

    def _themes(self):
        f = self._csv("themes", ["code_theme", "libelle_theme", "definition_theme"])
        themes = {}
        for line, r in f:
            key = (r["code_theme"].strip(),)
            f.unique(themes, line, key)
            themes[key] = {"label": r["libelle_theme"].strip(), "definition": repair(r["definition_theme"])}
        tree = self._csv("arborescence_thematique", ["code_theme", "code_rome"])
        links = {}
        for line, r in tree:
            theme = self._code(tree, line, (r["code_theme"].strip(),), themes, "theme")[0]
            key = (self._code(tree, line, r["code_rome"].strip(), self.occupations, "ROME code"), theme)
            tree.unique(links, line, key)
            links[key] = {}
        return [
            Table(m.Theme, ("code",), themes, label="themes"),
            Table(m.OccupationTheme, ("occupation_id", "theme_id"), links, label="occupation themes"),
        ]

    def _sectors(self):
        f = self._csv("secteur_activite", ["code_sect_activite", "libelle_sect_activite", "definition_sect_activite"])
        sectors = {}
        for line, r in f:
            key = (self._int(f, line, r["code_sect_activite"]),)
            f.unique(sectors, line, key)
            sectors[key] = {
                "label": r["libelle_sect_activite"].strip(),
                "definition": repair(r["definition_sect_activite"]),
            }
        sf = self._csv(
            "sous_secteur_activite",
            ["code_ss_sect_activite", "libelle_ss_sect_activite", "definition_ss_sect_activite", "code_sect_activite"],
        )
        subsectors = {}
        for line, r in sf:
            key = (self._int(sf, line, r["code_ss_sect_activite"]),)
            sf.unique(subsectors, line, key)
            parent = self._int(sf, line, r["code_sect_activite"])
            self._code(sf, line, (parent,), sectors, "activity sector")
            subsectors[key] = {
                "label": r["libelle_ss_sect_activite"].strip(),
                "definition": repair(r["definition_ss_sect_activite"]),
                "sector_id": parent,
            }
        tree = self._csv(
            "arborescence_secteur_activite", ["code_sect_activite", "code_ss_sect_activite", "code_rome", "principal"]
        )
        links = {}
        for line, r in tree:
            sector = self._int(tree, line, r["code_sect_activite"])
            self._code(tree, line, (sector,), sectors, "activity sector")
            sub = self._int(tree, line, r["code_ss_sect_activite"], required=False)
            if sub is not None:
                self._code(tree, line, (sub,), subsectors, "activity sub-sector")
                if subsectors[(sub,)]["sector_id"] != sector:
                    tree.fail(line, f"sub-sector {sub} does not belong to sector {sector}")
            key = (self._code(tree, line, r["code_rome"].strip(), self.occupations, "ROME code"), sector, sub)
            tree.unique(links, line, key)
            links[key] = {"is_principal": r["principal"].strip().lower() == "oui"}
        return [
            Table(m.Sector, ("code",), sectors, label="activity sectors"),
            Table(m.SubSector, ("code",), subsectors, label="activity sub-sectors"),
            Table(
                m.OccupationSector, ("occupation_id", "sector_id", "subsector_id"), links, label="occupation sectors"
            ),
        ]

    def _naf(self):
        f = self._csv("secteur_naf", ["code_tech_secteur_naf", "code_secteur_naf", "libelle_secteur_naf"])
        naf = {}
        for line, r in f:
            key = (r["code_secteur_naf"].strip(),)
            f.unique(naf, line, key)
            naf[key] = {
                "technical_code": self._int(f, line, r["code_tech_secteur_naf"]),
                "label": r["libelle_secteur_naf"].strip(),
            }
        tree = self._csv("arborescence_secteur_naf", ["code_secteur_naf", "code_rome"])
        links = {}
        for line, r in tree:
            code = self._code(tree, line, (r["code_secteur_naf"].strip(),), naf, "NAF sector")[0]
            key = (self._code(tree, line, r["code_rome"].strip(), self.occupations, "ROME code"), code)
            tree.unique(links, line, key)
            links[key] = {}
        return [
            Table(m.NafSector, ("code",), naf, label="NAF sectors"),
            Table(m.OccupationNaf, ("occupation_id", "naf_id"), links, label="occupation NAF sectors"),
        ]

    # -- field parsers -----------------------------------------------------------

    def _int(self, table, line, value, required=True):
        value = value.strip()
        if not value:
            if required:
                table.fail(line, "a required code is empty")
            return None
        try:
            return int(value)
        except ValueError:
            table.fail(line, f"{value!r} is not a number")

    def _transition(self, table, line, value):
        key = value.strip().lower()
        if key not in TRANSITION_ECO:
            self.warnings.append(f"{table.name} line {line}: unknown ecological-transition label {value!r}, left empty")
            return ""
        return TRANSITION_ECO[key]
