"""Reader of ONISEP's lists of teachings per lycée général et technologique (Idéo, XML <root> of <item>).

Two files, both required: the enseignements de spécialité de 1re générale and the enseignements optionnels
(and langues) de 2nde GT. One <item> is one "action de formation" (AF.…) in one lieu de cours (ENS.…, with
UAI and postal address); its teachings come as one text separated by " / ". A language item lists the
languages offered ("LV2 : espagnol, allemand"); it is split into one teaching per language ("LV2 : espagnol",
"LV2 : allemand") and keeps the published item in ``published_label``.

The files give the département by name: its code comes from the official list below. They carry no INSEE
commune code and no coordinates.
"""

import re

from hent.core.importing import ImportFailed, Table
from hent.territories.names import fold
from hent.trainings.importers.onisep_common import (
    ENS_RE,
    KINDS,
    OPTIONS_FIELD,
    SPECIALITES_FIELD,
    OnisepImporter,
    first_iso_date,
)
from hent.trainings.models import LyceeTeaching, OnisepLycee

PLACE_FIELDS = [
    "identifiant_et_fiche_onisep_lieu_de_cours", "uai_lieu_de_cours", "libelle_lieu_de_cours",
    "adresse_lieu_de_cours", "boite_postale_lieu_de_cours", "code_postal_lieu_de_cours", "commune_lieu_de_cours",
    "departement_lieu_de_cours", "region_lieu_de_cours", "academie_lieu_de_cours",
]  # fmt: skip
FILES = {
    "lycees-specialites": (LyceeTeaching.Kind.SPECIALITE, SPECIALITES_FIELD),
    "lycees-options": (LyceeTeaching.Kind.OPTION, OPTIONS_FIELD),
}
LANGUAGE_LIST_RE = re.compile(r"(LV\s*[A-C12])\s*:\s*(.+)", re.I)
UAI_RE = re.compile(r"\d{7}[A-Z]")
POSTCODE_RE = re.compile(r"\d{5}")

# Départements and overseas collectivities by name (INSEE codes), compared folded ("Côtes-d'Armor" =
# "cotes d armor").
DEPARTMENTS = {
    fold(name): code
    for code, name in [
        ("01", "Ain"), ("02", "Aisne"), ("03", "Allier"), ("04", "Alpes-de-Haute-Provence"), ("05", "Hautes-Alpes"),
        ("06", "Alpes-Maritimes"), ("07", "Ardèche"), ("08", "Ardennes"), ("09", "Ariège"), ("10", "Aube"),
        ("11", "Aude"), ("12", "Aveyron"), ("13", "Bouches-du-Rhône"), ("14", "Calvados"), ("15", "Cantal"),
        ("16", "Charente"), ("17", "Charente-Maritime"), ("18", "Cher"), ("19", "Corrèze"), ("2A", "Corse-du-Sud"),
        ("2B", "Haute-Corse"), ("21", "Côte-d'Or"), ("22", "Côtes-d'Armor"), ("23", "Creuse"), ("24", "Dordogne"),
        ("25", "Doubs"), ("26", "Drôme"), ("27", "Eure"), ("28", "Eure-et-Loir"), ("29", "Finistère"),
        ("30", "Gard"), ("31", "Haute-Garonne"), ("32", "Gers"), ("33", "Gironde"), ("34", "Hérault"),
        ("35", "Ille-et-Vilaine"), ("36", "Indre"), ("37", "Indre-et-Loire"), ("38", "Isère"), ("39", "Jura"),
        ("40", "Landes"), ("41", "Loir-et-Cher"), ("42", "Loire"), ("43", "Haute-Loire"), ("44", "Loire-Atlantique"),
        ("45", "Loiret"), ("46", "Lot"), ("47", "Lot-et-Garonne"), ("48", "Lozère"), ("49", "Maine-et-Loire"),
        ("50", "Manche"), ("51", "Marne"), ("52", "Haute-Marne"), ("53", "Mayenne"), ("54", "Meurthe-et-Moselle"),
        ("55", "Meuse"), ("56", "Morbihan"), ("57", "Moselle"), ("58", "Nièvre"), ("59", "Nord"), ("60", "Oise"),
        ("61", "Orne"), ("62", "Pas-de-Calais"), ("63", "Puy-de-Dôme"), ("64", "Pyrénées-Atlantiques"),
        ("65", "Hautes-Pyrénées"), ("66", "Pyrénées-Orientales"), ("67", "Bas-Rhin"), ("68", "Haut-Rhin"),
        ("69", "Rhône"), ("69", "Métropole de Lyon"), ("70", "Haute-Saône"), ("71", "Saône-et-Loire"),
        ("72", "Sarthe"), ("73", "Savoie"), ("74", "Haute-Savoie"), ("75", "Paris"), ("76", "Seine-Maritime"),
        ("77", "Seine-et-Marne"), ("78", "Yvelines"), ("79", "Deux-Sèvres"), ("80", "Somme"), ("81", "Tarn"),
        ("82", "Tarn-et-Garonne"), ("83", "Var"), ("84", "Vaucluse"), ("85", "Vendée"), ("86", "Vienne"),
        ("87", "Haute-Vienne"), ("88", "Vosges"), ("89", "Yonne"), ("90", "Territoire de Belfort"),
        ("91", "Essonne"), ("92", "Hauts-de-Seine"), ("93", "Seine-Saint-Denis"), ("94", "Val-de-Marne"),
        ("95", "Val-d'Oise"), ("971", "Guadeloupe"), ("972", "Martinique"), ("973", "Guyane"),
        ("974", "La Réunion"), ("974", "Réunion"), ("975", "Saint-Pierre-et-Miquelon"), ("976", "Mayotte"),
        ("977", "Saint-Barthélemy"), ("978", "Saint-Martin"), ("986", "Wallis-et-Futuna"),
        ("987", "Polynésie française"), ("988", "Nouvelle-Calédonie"),
    ]
}  # fmt: skip


def split_teachings(text):
    """ "maths / LV2 : espagnol, allemand" -> [("maths", "maths"), ("LV2 : espagnol", "LV2 : espagnol, allemand"), …]"""
    teachings = []
    for item in text.split(" / "):
        item = " ".join(item.split())
        if not item:
            continue
        match = LANGUAGE_LIST_RE.fullmatch(item)
        if match:
            level = match.group(1)
            teachings += [(f"{level} : {lang.strip()}", item) for lang in match.group(2).split(",") if lang.strip()]
        else:
            teachings.append((item, item))
    return teachings


class OnisepLyceesImporter(OnisepImporter):
    dataset_slug = "onisep-lycees-gt"

    def parse(self, source):
        files = self.files(source)
        lycees, lycee_from, teachings = {}, {}, {}
        names = []
        for kind_name, (kind, field) in FILES.items():
            name = self.one_file_of(source, files, kind_name)
            names.append(name)
            actions = set()
            for r in self.iter_records(source, name, "item"):
                self.note_unknown(r, {"identifiant_action_de_formation", field, *PLACE_FIELDS})
                action = r.text("identifiant_action_de_formation", required=True)
                if action in actions:
                    r.fail(f"duplicate action de formation {action}")
                actions.add(action)
                lycee_id, lycee = self._lycee(r)
                previous = lycees.get((lycee_id,))
                if previous is None:
                    lycees[(lycee_id,)] = lycee
                    lycee_from[lycee_id] = (r.file, r.line)
                elif previous != lycee:
                    differs = ", ".join(k for k in lycee if lycee[k] != previous[k])
                    first = lycee_from[lycee_id]
                    self.warnings.append(
                        f"{r.file} line {r.line}: {lycee_id} differs ({differs}) from {first[0]} line {first[1]}; "
                        "the first is kept"
                    )
                    lycee = previous
                place = {
                    "lycee_id": lycee_id,
                    "uai": lycee["uai"],
                    "establishment_name": lycee["name"],
                    "address": lycee["address"],
                    "postcode": lycee["postcode"],
                    "commune_code": "",
                    "commune_name": lycee["commune_name"],
                    "department_code": lycee["department_code"],
                    "latitude": None,
                    "longitude": None,
                }
                for position, (label, published) in enumerate(split_teachings(r.text(field)), start=1):
                    key = (kind.value, action, label)
                    if key in teachings:
                        r.fail(f"teaching {label!r} listed twice")
                    values = {**place, "published_label": published, "position": position}
                    self.fit(LyceeTeaching, {"label": label, **values}, r)
                    teachings[key] = values
        self.report_unknown()

        provenance = source.provenance(beside=names[0])
        collected = first_iso_date(provenance.get("version", ""))
        if not collected:
            self.warnings.append("the files carry no date, and no PROVENANCE.md gives one: version left empty")
        meta = self.meta(
            source,
            names[0],
            name="ONISEP Idéo — enseignements des lycées généraux et technologiques",
            version=collected.isoformat() if collected else "",
            description="Enseignements de spécialité de 1re générale et enseignements optionnels de 2nde "
            "générale et technologique, par lycée (ONISEP, Idéo)."
            + (f" Fichiers sans date ; version : date de collecte ({collected:%d/%m/%Y})." if collected else ""),
        )
        return meta, [
            Table(OnisepLycee, ("id",), lycees, label="lycées"),
            Table(LyceeTeaching, ("kind", "action_id", "label"), teachings, label="lycée teachings"),
        ]

    def one_file_of(self, source, files, kind):
        names = sorted(n for n, (k, _) in files.items() if k == kind)
        if len(names) != 1:
            seen = ", ".join(f"{n} ({KINDS.get(k, 'not recognised')})" for n, (k, _) in files.items())
            problem = f"several {KINDS[kind]} files" if names else f"no {KINDS[kind]} file found"
            raise ImportFailed(
                f"{problem}; both lycée files are needed; files seen: {seen or 'none'}", file=str(source.path)
            )
        return names[0]

    def _lycee(self, r):
        url = r.text("identifiant_et_fiche_onisep_lieu_de_cours", required=True)
        match = ENS_RE.search(url)
        if not match:
            r.fail(f"identifiant_et_fiche_onisep_lieu_de_cours {url!r} names no establishment (ENS.…)")
        uai = r.text("uai_lieu_de_cours").upper()
        if uai and not UAI_RE.fullmatch(uai):
            r.fail(f"uai_lieu_de_cours {uai!r} is not a UAI (7 digits and a letter)")
        postcode = r.text("code_postal_lieu_de_cours")
        if postcode and not POSTCODE_RE.fullmatch(postcode):
            r.fail(f"code_postal_lieu_de_cours {postcode!r} is not a postcode (5 digits)")
        department = r.text("departement_lieu_de_cours")
        code = DEPARTMENTS.get(fold(department), "") if department else ""
        if department and not code:
            r.fail(f"unknown département {department!r}")
        values = {
            "uai": uai,
            "name": r.text("libelle_lieu_de_cours", required=True),
            "address": r.text("adresse_lieu_de_cours"),
            "po_box": r.text("boite_postale_lieu_de_cours"),
            "postcode": postcode,
            "commune_name": r.text("commune_lieu_de_cours"),
            "department_name": department,
            "department_code": code,
            "region_name": r.text("region_lieu_de_cours"),
            "academy": r.text("academie_lieu_de_cours"),
            "url": url,
        }
        return match.group(0), self.fit(OnisepLycee, values, r)
