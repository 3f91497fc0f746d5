"""Reader of Éducation nationale's BCN (Banque centrale des nomenclatures) exports.

Four ';'-separated files, not quoted (a '"' is an ordinary character, even at the start of a field):

* nNiveauFormationDiplome_.csv (UTF-8): the diploma levels that prefix CFD codes -> ``BcnLevel``;
* nFormationDiplome_.csv (Windows-1252): table N_FORMATION_DIPLOME, the diplomas the education ministries
  manage (CAP, Bac pro, BTS, MC…) with their history (old and new diplomas, sessions, MEF counts);
* vFormationDiplome_.csv (UTF-8 with BOM): view V_FORMATION_DIPLOME, which lists those diplomas again (an
  older export here) and adds the ones coded for statistics and apprenticeship: university degrees,
  engineering schools, RNCP titles… (``GESTIONNAIRE`` DEPPA1, SPN…), with fewer columns;
* nMef.csv (UTF-8 with BOM): table N_MEF, the years of courses leading to a diploma -> ``BcnMef``.

``BcnDiploma`` holds every code of both diploma files once: read from nFormationDiplome_ when it is there
(``source`` "n"), else from vFormationDiplome_ (``source`` "v"); ``in_view`` says whether vFormationDiplome_
lists it. A level absent from nNiveauFormationDiplome_ leaves ``level`` empty (``level_code`` keeps it).
NIVEAU_QUALIFICATION_RNCP "01"–"08" is the RNCP level; "00", "99" and "XX" (none, unknown, depends on the
option) read as None. DUREE_DISPOSITIF and ANNEE_DISPOSITIF 9 mean "variable" (apprenticeship MEF): None.
The dataset's version is the latest DATE_INTERVENTION (date of last change of a record) of the four files.
"""

import re

from hent.core.importing import LICENCE_NOT_VERIFIED, Importer, Table
from hent.trainings.importers.common import CERTIFICATION_CSV, records
from hent.trainings.models import BcnDiploma, BcnLevel, BcnMef

LEVEL_RE = re.compile(r"[0-9A-Z]{3}")
MEF_RE = re.compile(r"\d{10}")
YEAR_VARIABLE = ("9",)
OLD_CFDS = [f"ANCIEN_DIPLOME_{i}" for i in range(1, 8)]
NEW_CFDS = [f"NOUVEAU_DIPLOME_{i}" for i in range(1, 8)]
DIPLOMA_COLUMNS = [
    "FORMATION_DIPLOME", "NIVEAU_FORMATION_DIPLOME", "GROUPE_SPECIALITE", "LETTRE_SPECIALITE", "LIBELLE_COURT",
    "LIBELLE_STAT_33", "LIBELLE_LONG_200", "DATE_OUVERTURE", "DATE_FERMETURE", "DATE_PREMIERE_SESSION",
    "DATE_DERNIERE_SESSION", "COMMENTAIRE", "NATURE_FORMATION_DIPLOME", "GESTIONNAIRE_FORMATION_DIPLOME",
    "DATE_INTERVENTION", "CITE_DOMAINE_FORMATION", "NIVEAU_QUALIFICATION_RNCP",
]  # fmt: skip


def rncp_level(code):
    """NIVEAU_QUALIFICATION_RNCP "04" -> 4; "00" (none), "99" (unknown), "XX" (varies) -> None."""
    return int(code) if re.fullmatch(r"0[1-8]", code) else None


class BcnImporter(Importer):
    dataset_slug = "bcn"

    def parse(self, source):
        self.source, self.dates = source, []
        levels = self._levels()
        diplomas = self._diplomas(levels)
        mefs = self._mefs(diplomas)
        latest = max(self.dates, default=None)
        meta = {
            "name": "BCN — Banque centrale des nomenclatures",
            "publisher": "Ministère de l'Éducation nationale",
            "version": latest.isoformat() if latest else "",
            "published_on": latest,
            "licence": LICENCE_NOT_VERIFIED,
            "licence_url": "",
            "source_url": (
                "https://github.com/mission-apprentissage/tjp-pilotage/tree/"
                "f1c9eb234470d26e09d23009b7ce30f7dd94a030/server/static/files"
            ),
            "description": (
                "Tables N_NIVEAU_FORMATION_DIPLOME, N_FORMATION_DIPLOME, V_FORMATION_DIPLOME et N_MEF de la BCN, "
                "reprises du dépôt tjp-pilotage (Orion) de la Mission apprentissage. Version : date de la "
                "dernière intervention sur un enregistrement."
            ),
            "is_demo": False,
        }
        return meta, [
            Table(BcnLevel, ("code",), levels, label="BCN diploma levels"),
            Table(BcnDiploma, ("cfd",), diplomas, label="BCN diplomas"),
            Table(BcnMef, ("mef",), mefs, label="BCN MEF"),
        ]

    def _read(self, pattern, columns):
        return self.source.read_csv(pattern, columns, quoted=False, **CERTIFICATION_CSV)

    def _updated(self, row):
        day = row.date("DATE_INTERVENTION")
        if day:
            self.dates.append(day)
        return day

    def _levels(self):
        table = self._read(
            "nNiveauFormationDiplome*.csv",
            ["NIVEAU_FORMATION_DIPLOME", "NIVEAU_INTERMINISTERIEL", "LIBELLE_COURT", "LIBELLE_100", "ANCIEN_NIVEAU",
             "DATE_OUVERTURE", "DATE_FERMETURE", "DATE_INTERVENTION", "N_COMMENTAIRE", "NIVEAU_QUALIFICATION_RNCP"],
        )  # fmt: skip
        levels = {}
        for row in records(table):
            code = row.code("NIVEAU_FORMATION_DIPLOME", LEVEL_RE, "a level code (3 characters)", required=True)
            if (code,) in levels:
                row.fail(f"duplicate level {code!r}")
            rncp = row.code("NIVEAU_QUALIFICATION_RNCP", re.compile(r"\d\d|XX"), "an RNCP level (00–99 or XX)")
            levels[(code,)] = {
                "label_short": row.text("LIBELLE_COURT", required=True),
                "label": row.text("LIBELLE_100"),
                "interministerial_level": row.text("NIVEAU_INTERMINISTERIEL"),
                "rncp_level": rncp_level(rncp),
                "rncp_level_code": rncp,
                "former_level": row.text("ANCIEN_NIVEAU"),
                "opened_on": row.date("DATE_OUVERTURE"),
                "closed_on": row.date("DATE_FERMETURE"),
                "updated_on": self._updated(row),
                "comment": row.text("N_COMMENTAIRE"),
            }
        return levels

    def _diplomas(self, levels):
        n_file = self._read("nFormationDiplome*.csv", [*DIPLOMA_COLUMNS, *OLD_CFDS, *NEW_CFDS])
        v_file = self._read("vFormationDiplome*.csv", DIPLOMA_COLUMNS)
        n_rows = self._diploma_rows(n_file, levels, history=True)
        v_rows = self._diploma_rows(v_file, levels, history=False)
        diplomas, differing = {}, 0
        for key, fields in n_rows.items():
            in_view = key in v_rows
            if in_view and any(v_rows[key][f] != fields[f] for f in v_rows[key] if f not in ("old_cfds", "new_cfds")):
                differing += 1
            diplomas[key] = {**fields, "source": BcnDiploma.Source.N, "in_view": in_view}
        for key, fields in v_rows.items():
            if key not in diplomas:
                diplomas[key] = {**fields, "source": BcnDiploma.Source.V, "in_view": True}
        both = len(n_rows.keys() & v_rows.keys())
        self.warnings.append(
            f"{n_file.name} ({len(n_rows)}) and {v_file.name} ({len(v_rows)}) have {both} codes in common, read "
            f"from {n_file.name} ({differing} differ in {v_file.name}); {len(diplomas)} diplomas in all"
        )
        unknown = sorted({f["level_code"] for f in diplomas.values() if f["level_id"] is None})
        if unknown:
            count = sum(1 for f in diplomas.values() if f["level_id"] is None)
            self.warnings.append(
                f"{count} diploma(s) with a level absent from nNiveauFormationDiplome ({', '.join(unknown)}): "
                "level left empty, level_code kept"
            )
        return diplomas

    def _diploma_rows(self, table, levels, history):
        rows = {}
        for row in records(table):
            cfd = row.cfd("FORMATION_DIPLOME", required=True)
            if (cfd,) in rows:
                row.fail(f"duplicate diploma {cfd!r}")
            level = row.code("NIVEAU_FORMATION_DIPLOME", LEVEL_RE, "a level code (3 characters)", required=True)
            rncp = row.code("NIVEAU_QUALIFICATION_RNCP", re.compile(r"\d\d|XX"), "an RNCP level (00–99 or XX)")
            rows[(cfd,)] = {
                "level_id": level if (level,) in levels else None,
                "level_code": level,
                "specialty_group": row.text("GROUPE_SPECIALITE"),
                "specialty_letter": row.text("LETTRE_SPECIALITE"),
                "label_short": row.text("LIBELLE_COURT", required=True),
                "label_stat": row.text("LIBELLE_STAT_33"),
                "label": row.text("LIBELLE_LONG_200", required=True),
                "opened_on": row.date("DATE_OUVERTURE"),
                "closed_on": row.date("DATE_FERMETURE"),
                "first_session": row.year("DATE_PREMIERE_SESSION"),
                "last_session": row.year("DATE_DERNIERE_SESSION"),
                "nature": row.text("NATURE_FORMATION_DIPLOME", required=True),
                "manager": row.text("GESTIONNAIRE_FORMATION_DIPLOME"),
                "rncp_level": rncp_level(rncp),
                "cite_domain": row.text("CITE_DOMAINE_FORMATION"),
                # As published: a few are mistyped (seven characters) and must not be "repaired" into other codes.
                "old_cfds": " ".join(c for c in (row.text(col) for col in OLD_CFDS) if c) if history else "",
                "new_cfds": " ".join(c for c in (row.text(col) for col in NEW_CFDS) if c) if history else "",
                "comment": row.text("COMMENTAIRE"),
                "updated_on": self._updated(row),
            }
        return rows

    def _mefs(self, diplomas):
        table = self._read(
            "nMef*.csv",
            ["MEF", "DISPOSITIF_FORMATION", "FORMATION_DIPLOME", "DUREE_DISPOSITIF", "ANNEE_DISPOSITIF",
             "LIBELLE_COURT", "LIBELLE_LONG", "DATE_OUVERTURE", "DATE_FERMETURE", "STATUT_MEF", "MEF_STAT_11",
             "MEF_STAT_9", "DATE_INTERVENTION", "LIBELLE_EDITION"],
        )  # fmt: skip
        mefs = {}
        for row in records(table):
            mef = row.code("MEF", MEF_RE, "a MEF code (10 digits)", required=True)
            if (mef,) in mefs:
                row.fail(f"duplicate MEF {mef!r}")
            cfd = row.cfd("FORMATION_DIPLOME", required=True)
            if (cfd,) not in diplomas:
                row.fail(f"unknown diploma (FORMATION_DIPLOME) {cfd!r}: in neither diploma file")
            mefs[(mef,)] = {
                "cfd": cfd,
                "mefstat11": row.code("MEF_STAT_11", re.compile(r"[0-9A-Z]{11}"), "a MEFSTAT11", required=True),
                "mefstat9": row.text("MEF_STAT_9"),
                "device": row.text("DISPOSITIF_FORMATION"),
                "label_short": row.text("LIBELLE_COURT", folded=False),
                "label": row.text("LIBELLE_LONG", folded=False),
                "label_edition": row.text("LIBELLE_EDITION"),
                "duration_years": row.int("DUREE_DISPOSITIF", unknown=YEAR_VARIABLE, low=1, high=8),
                "year_of_course": row.int("ANNEE_DISPOSITIF", unknown=YEAR_VARIABLE, low=1, high=8),
                "status": row.text("STATUT_MEF"),
                "opened_on": row.date("DATE_OUVERTURE"),
                "closed_on": row.date("DATE_FERMETURE"),
                "updated_on": self._updated(row),
            }
        return mefs
