"""Building the training catalogue from the imported sources.

The sources describe the same diplomas under different keys: Certif Info (its own id, with
RNCP, CFD and ONISEP ids), ONISEP (FOR ids, CFD, RNCP in a URL), the RNCP (RNCP numbers, with
CFDs in the diploma table and the Kit apprentissage), the BCN (CFD, levels). ``rebuild()`` merges
them into ``Training`` rows with stable identifiers, links each training to ROME 4.0
occupations (resolving ROME v3 codes through ``code_rome_parent``), places establishments
(exactly, or at their commune's centre, saying which), and records where each training is
taught in the Region. It is derived data: rebuilt whole, in one transaction, after imports.
"""

import logging
import re
from collections import defaultdict

from django.db import transaction
from django.db.models import Min

from hent.core.text import clean_input
from hent.occupations.services import rome_resolver
from hent.search import index as search_index
from hent.search.text import content_words
from hent.territories import services as territories
from hent.territories.names import name_key
from hent.trainings import models as m

logger = logging.getLogger(__name__)

ACTIVE_CERTIFINFO_STATES = {"0"}  # "Publié"; 11 = habilitations, 4 = preparatory courses


def _level(value):
    if value is None:
        return None
    return max(2, min(int(value), 8)) if value else None


class Builder:
    def __init__(self):
        self.trainings = {}  # slug -> fields
        self.by_onisep, self.by_rncp, self.by_cfd = {}, {}, {}
        self.links = set()  # (slug, occupation code, source, source code)
        self.aliases = defaultdict(set)  # slug -> other names to search by (acronyms…)
        self.establishment_rows = {}  # code -> fields
        self.lheo_rows = set()
        self.resolve = rome_resolver()

    # -- trainings -------------------------------------------------------------------

    def add(self, slug, **fields):
        training = self.trainings.setdefault(slug, {"slug": slug, "sources": set()})
        for key, value in fields.items():
            if key == "sources":
                training["sources"] |= value
            elif value not in (None, "") and training.get(key) in (None, ""):
                training[key] = value
        return training

    def index(self, slug, onisep_ids=(), rncp="", cfd=""):
        for onisep_id in onisep_ids:
            self.by_onisep.setdefault(onisep_id, slug)
        if rncp:
            self.by_rncp.setdefault(rncp, slug)
        if cfd:
            self.by_cfd.setdefault(cfd, slug)

    def link(self, slug, codes, source):
        for code in codes.split():
            for occupation in self.resolve(code):
                self.links.add((slug, occupation, source, code))

    def certifinfo(self):
        # Published certifications first, so that shared RNCP numbers, CFDs and ONISEP ids point to them.
        rows = m.CertifInfo.objects.all()
        for ci in sorted(rows, key=lambda r: (r.state_code not in ACTIVE_CERTIFINFO_STATES, r.code)):
            slug = f"ci-{ci.code}"
            self.add(
                slug,
                title=ci.title,
                type_label=ci.type_label,
                level=_level(ci.level_eu),
                certifier=ci.certifier or ci.validator[:500],
                rncp=ci.rncp,
                rs=ci.rs,
                cfd=ci.cfd,
                certif_info=ci.code,
                onisep_id=ci.onisep_id,
                nsf=ci.nsf,
                initial=ci.access_initial,
                apprenticeship=ci.access_apprenticeship,
                continuing=ci.access_continuing,
                professionalisation=ci.access_professionalisation,
                vae=ci.access_vae,
                individual=ci.access_individual,
                active=ci.state_code in ACTIVE_CERTIFINFO_STATES,
                sources={"certifinfo"},
            )
            self.index(slug, ci.onisep_ids.split(), ci.rncp, ci.cfd)
            if ci.old_rncp:  # the RNCP record this certification replaced: same diploma, older version
                self.by_rncp.setdefault(ci.old_rncp, slug)
            self.link(slug, ci.rome_codes, "certifinfo")

    def onisep(self):
        metier_romes = dict(m.OnisepMetier.objects.values_list("id", "rome_codes"))
        formation_metiers = defaultdict(set)
        for formation_id, metier_id in m.OnisepFormationMetier.objects.values_list("formation_id", "metier_id"):
            formation_metiers[formation_id].add(metier_id)
        for metier_id, formation_id in m.OnisepMetierFormation.objects.values_list("metier_id", "formation_id"):
            formation_metiers[formation_id].add(metier_id)
        for f in m.OnisepFormation.objects.order_by("id"):
            slug = self.by_onisep.get(f.id) or self.by_rncp.get(f.rncp) or self.by_cfd.get(f.cfd) or f"onisep-{f.id}"
            self.add(
                slug,
                title=f.title,
                type_label=f.type_label,
                level=_level(f.level_eu),
                duration=f.duration,
                description=f.description,
                access=f.access,
                further_studies=f.further_studies,
                certifier=f.tutelle,
                rncp=f.rncp,
                cfd=f.cfd,
                onisep_id=f.id,
                nsf=f.nsf_label,
                active=True,
                sources={"onisep"},
            )
            self.index(slug, [f.id], f.rncp, f.cfd)
            self.aliases[slug] |= {name for name in (f.title, f.acronym) if name}
            for metier_id in formation_metiers.get(f.id, ()):
                self.link(slug, metier_romes.get(metier_id, ""), "onisep")

    def rncp(self):
        certifiers = defaultdict(list)
        for number, name in m.RncpCertifier.objects.exclude(name="").values_list("fiche_id", "name"):
            certifiers[number].append(name)
        romes = defaultdict(list)
        for number, code in m.RncpRome.objects.values_list("fiche_id", "rome_code"):
            romes[number].append(code)
        cfd_by_rncp = self.cfd_by_rncp()
        for fiche in m.RncpFiche.objects.order_by("number"):
            # The same diploma may have had several RNCP numbers (old and new versions) and has one CFD.
            versions = [fiche.number, *fiche.new_number.split(), *fiche.old_number.split()]
            known = [self.by_rncp[n] for n in versions if n in self.by_rncp]
            known += [self.by_cfd[cfd_by_rncp[fiche.number]]] if cfd_by_rncp.get(fiche.number) in self.by_cfd else []
            slug = known[0] if known else None
            if slug is None:
                if not fiche.active:
                    continue  # an old record that no other source uses: not worth a page
                slug = f"rncp-{fiche.number}"
            self.add(
                slug,
                title=fiche.title,
                type_label=fiche.type_label,
                level=_level(fiche.level_eu),
                certifier=", ".join(dict.fromkeys(certifiers.get(fiche.number, [])))[:500],
                rncp=fiche.number,
                active=fiche.active,
                sources={"rncp"},
            )
            self.index(slug, rncp=fiche.number)
            self.link(slug, " ".join(romes.get(fiche.number, [])), "rncp")

    @staticmethod
    def cfd_by_rncp():
        """RNCP number -> CFD, from the RNCP diploma table and the Kit apprentissage."""
        pairs = {}
        for cfd, rncp in m.RncpDiploma.objects.exclude(rncp="").values_list("cfd", "rncp"):
            pairs.setdefault(rncp, cfd)
        for cfd, rncp in m.KitApprentissage.objects.exclude(rncp="").values_list("cfd", "rncp"):
            pairs.setdefault(rncp, cfd)
        return pairs

    def complete(self):
        """Fill CFDs, levels and apprenticeship from the diploma tables (BCN, RNCP, Kit apprentissage)."""
        cfd_by_rncp = self.cfd_by_rncp()
        apprenticeship = {}
        for cfd, access in m.KitApprentissage.objects.exclude(apprenticeship_access=None).values_list(
            "cfd", "apprenticeship_access"
        ):
            apprenticeship[cfd] = apprenticeship.get(cfd) or access
        levels = dict(
            m.BcnDiploma.objects.filter(level__rncp_level__isnull=False).values_list("cfd", "level__rncp_level")
        )
        for t in self.trainings.values():
            if not t.get("cfd") and t.get("rncp") in cfd_by_rncp:
                t["cfd"] = cfd_by_rncp[t["rncp"]]
            if t.get("level") is None and t.get("cfd") in levels:
                t["level"] = _level(levels[t["cfd"]])
            if t.get("apprenticeship") is None and t.get("cfd") in apprenticeship:
                t["apprenticeship"] = apprenticeship[t["cfd"]]

    # -- establishments and places ---------------------------------------------------

    def establishments(self):
        """Establishments of the Region, from the best source for each: the Annuaire de l'éducation (exact
        position), ONISEP (address), the Parcoursup copy (coordinates, as a last resort), InserJeunes (name)."""
        region_departments = set(territories.departments().values_list("code", flat=True))
        found = self.establishment_rows
        put = self.put_establishment

        for a in m.AnnuaireEntry.objects.filter(department_code__in=region_departments):
            exact = a.latitude is not None
            put(
                a.uai, uai=a.uai, name=a.name, kind=a.kind, sector=a.sector, address=a.address, postcode=a.postcode,
                commune_code=a.commune_code, commune_name=a.commune_name, department=a.department_code,
                phone=a.phone, email=a.email, website=a.website, latitude=a.latitude, longitude=a.longitude,
                position="exact" if exact else "", position_source="Annuaire de l'éducation" if exact else "",
                sources={"annuaire"},
            )  # fmt: skip
        for lycee in m.OnisepLycee.objects.exclude(uai="").filter(department_code__in=region_departments):
            put(
                lycee.uai, uai=lycee.uai, name=lycee.name, address=lycee.address, postcode=lycee.postcode,
                commune_name=lycee.commune_name, department=lycee.department_code, website=lycee.url,
                sources={"onisep"},
            )  # fmt: skip
        region = territories.region_name()
        parcoursup_region = {region.upper(), clean_input(region).upper()}
        for p in m.ParcoursupEntry.objects.all():
            if p.region.upper() not in parcoursup_region or not p.uai:
                continue
            put(
                p.uai, uai=p.uai, name=p.establishment_name, sector=p.status, latitude=p.latitude,
                longitude=p.longitude, position="exact" if p.latitude is not None else "",
                position_source="copie non officielle de Parcoursup" if p.latitude is not None else "",
                sources={"parcoursup"},
            )  # fmt: skip
        for uai, name in m.EstablishmentOutcome.objects.filter(region_code=territories.region_code()).values_list(
            "uai", "name"
        ):
            put(uai, uai=uai, name=name, sources={"inserjeunes"})
        self.lheo_rows = self._lheo(region_departments)
        self._place_at_communes(found)

    def put_establishment(self, code, **fields):
        e = self.establishment_rows.setdefault(code, {"code": code, "sources": set()})
        e["sources"] |= fields.pop("sources")
        for key, value in fields.items():
            if value not in (None, "") and e.get(key) in (None, ""):
                e[key] = value

    def _lheo(self, region_departments):
        """Continuing-training offers (LHEO): each action, at each of its places in the Region, for the
        certification it prepares (found by its RNCP, Certif Info or CFD code). Returns the place rows."""
        by_certifinfo = {str(t["certif_info"]): slug for slug, t in self.trainings.items() if t.get("certif_info")}
        codes = defaultdict(lambda: defaultdict(list))
        for formation, kind, code in m.LheoFormationCode.objects.values_list("formation_id", "kind", "code"):
            codes[formation][kind].append(code)
        rows = set()
        actions = m.LheoAction.objects.select_related("formation__organisation").prefetch_related("places")
        for action in actions:
            c = codes[action.formation_id]
            candidates = [self.by_rncp.get(x) for x in c["rncp"]] + [by_certifinfo.get(x) for x in c["certifinfo"]]
            candidates += [self.by_cfd.get(x) for x in c["cfd"]]
            slug = next((s for s in candidates if s), None)
            if slug is None:
                continue
            self.link(slug, " ".join(c["rome"]), "lheo")
            organisation = action.formation.organisation
            for place in action.places.all():
                department = place.department or place.commune_code[:2] or place.postcode[:2]
                if department not in region_departments:
                    continue
                code = place.uai or organisation.uai or place.siret or organisation.siret
                exact = place.latitude is not None
                self.put_establishment(
                    code, uai=place.uai or organisation.uai, siret=place.siret or organisation.siret,
                    name=place.name or organisation.name, address=place.address, postcode=place.postcode,
                    commune_code=place.commune_code, commune_name=place.city, department=department,
                    phone=place.phone or organisation.phone, email=place.email or organisation.email,
                    latitude=place.latitude, longitude=place.longitude, position="exact" if exact else "",
                    position_source="offre de formation (LHEO)" if exact else "", sources={"lheo"},
                )  # fmt: skip
                mode = "apprentissage" if action.apprenticeship else "continue"
                rows.add((slug, code, mode, "lheo", action.formation.title[:500]))
        return rows

    def _place_at_communes(self, found):
        """Find each establishment's commune (from its code, its postcode and name, or its coordinates);
        establishments without coordinates are placed at their commune's centre, and say so."""
        communes = list(territories.communes())
        by_code = {c.insee: c for c in communes}
        by_postcode_name = {}
        for c in communes:
            for postcode in c.postcodes.split() or [c.postcode]:
                by_postcode_name[(postcode, name_key(c.name))] = c
        by_name = {}
        for c in sorted(communes, key=lambda c: -(c.population or 0)):
            by_name.setdefault(name_key(c.name), c)
        for e in found.values():
            commune = by_code.get(e.get("commune_code", ""))
            if commune is None and e.get("postcode") and e.get("commune_name"):
                name = re.sub(r"\s+cedex.*$", "", e["commune_name"], flags=re.IGNORECASE)
                commune = by_postcode_name.get((e["postcode"], name_key(name)))
                commune = commune or territories.resolve_place(f"{name}")
            if commune is None and e.get("latitude") is None:
                commune = commune_in_name(e.get("name", ""), by_name)
            if commune is None and e.get("latitude") is not None and communes:
                commune = min(
                    communes,
                    key=lambda c: territories.distance_km(e["latitude"], e["longitude"], c.latitude, c.longitude),
                )
            if commune is not None:
                e.update(commune_code=commune.insee, commune_name=e.get("commune_name") or commune.name)
                e["department"] = e.get("department") or commune.department_id
                if e.get("latitude") is None and commune.latitude is not None:
                    e.update(latitude=commune.latitude, longitude=commune.longitude, position="commune",
                             position_source="centre de la commune")  # fmt: skip

    def places(self):
        """Where trainings are taught: the Parcoursup copy (matched by label, for higher education) and LHEO."""
        self.place_rows = set(self._parcoursup_matches()) | self.lheo_rows

    def _parcoursup_matches(self):
        matcher = LabelMatcher(self.trainings.values())
        for p in m.ParcoursupEntry.objects.filter(uai__in=self.establishment_rows):
            slug = matcher.match(p.programme)
            if slug:
                yield (slug, p.uai, "scolaire", "parcoursup", p.programme[:500])

    # -- writing ---------------------------------------------------------------------

    def write(self):
        fields = {f.name for f in m.Training._meta.fields}
        with transaction.atomic():
            m.TrainingPlace.objects.all().delete()
            m.TrainingOccupation.objects.all().delete()
            m.Training.objects.all().delete()
            m.Establishment.objects.all().delete()
            trainings = []
            for t in self.trainings.values():
                values = {k: v for k, v in t.items() if k in fields and k != "sources"}
                trainings.append(m.Training(**values, sources=" ".join(sorted(t["sources"]))))
            m.Training.objects.bulk_create(trainings, batch_size=1000)
            m.TrainingOccupation.objects.bulk_create(
                [m.TrainingOccupation(training_id=s, occupation_id=o, source=src, source_code=code)
                 for s, o, src, code in sorted(self.links)],
                batch_size=2000, ignore_conflicts=True,
            )  # fmt: skip
            establishment_fields = {f.name for f in m.Establishment._meta.fields}
            m.Establishment.objects.bulk_create(
                [
                    m.Establishment(
                        **{k: v for k, v in e.items() if k in establishment_fields and k != "sources"},
                        sources=" ".join(sorted(e["sources"])),
                    )
                    for e in self.establishment_rows.values()
                ],
                batch_size=1000,
            )
            m.TrainingPlace.objects.bulk_create(
                [m.TrainingPlace(training_id=s, establishment_id=e, mode=mode, source=src, source_label=label)
                 for s, e, mode, src, label in sorted(self.place_rows)],
                batch_size=2000, ignore_conflicts=True,
            )  # fmt: skip
            taught = set(m.TrainingPlace.objects.values_list("training_id", flat=True).distinct())
            taught |= self._taught_per_inserjeunes()
            m.Training.objects.filter(slug__in=taught).update(taught_in_region=True)
            fill_occupation_levels()
            search_index.rebuild_trainings(
                {"slug": slug, "label": t["title"], "forms": [t["title"], *sorted(self.aliases[slug])]}
                for slug, t in self.trainings.items()
                if t.get("active", True)
            )

    def _taught_per_inserjeunes(self):
        """Trainings with leavers in the Region according to InserJeunes: taught there, even if we do not know where."""
        region = territories.region_code()
        rows = m.RegionOutcome.objects.filter(region_code=region)
        cfds = set(rows.filter(voie="apprentissage").values_list("cfd", flat=True))
        mefstat = set(rows.filter(voie="scolaire").values_list("mefstat11", flat=True))
        cfds |= set(m.BcnMef.objects.filter(mefstat11__in=mefstat).values_list("cfd", flat=True))
        return {slug for slug, t in self.trainings.items() if t.get("cfd") in cfds}


def commune_in_name(name, by_name):
    """The commune an establishment's name ends with ("CFA CMA Bretagne - Campus de Ploufragan" -> Ploufragan),
    trying the longest run of words first; short or ambiguous words are not enough."""
    words = name_key(name).split()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size, -1, -1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) >= 5 and candidate in by_name:
                return by_name[candidate]
    return None


class LabelMatcher:
    """Matches a programme label as Parcoursup writes it ("BTS - Production - Fonderie") to a training title."""

    def __init__(self, trainings):
        self.index = defaultdict(list)
        for t in trainings:
            words = frozenset(content_words(t.get("title", "")))
            for word in words:
                self.index[word].append((t["slug"], words))

    def match(self, label):
        words = frozenset(content_words(label))
        best, best_score = None, 0.0
        for word in words:
            for slug, title_words in self.index.get(word, ()):
                score = len(words & title_words) / len(words | title_words)
                if score > best_score:
                    best, best_score = slug, score
        return best if best_score >= 0.6 else None


def further_studies(training):
    """Trainings ONISEP lists as further studies after this one."""
    formation = m.OnisepFormation.objects.filter(id=training.onisep_id).first()
    if formation is None or not formation.further_studies_ids:
        return []
    ids = formation.further_studies_ids.split()
    return list(m.Training.objects.filter(onisep_id__in=ids).order_by("level", "title"))


def fill_occupation_levels():
    """Work out OccupationLevel again from the training links (one aggregate over them, 0.2 s on 200,000)."""
    rows = (
        m.TrainingOccupation.objects.filter(training__active=True, training__level__isnull=False)
        .values_list("occupation_id", "source_code")
        .annotate(level=Min("training__level"))
        .order_by()
    )
    direct, inherited = {}, {}
    for code, source_code, level in rows:
        target = direct if source_code == code else inherited
        target[code] = min(level, target.get(code, level))
    levels = {**inherited, **direct}
    with transaction.atomic():
        m.OccupationLevel.objects.all().delete()
        m.OccupationLevel.objects.bulk_create(
            [m.OccupationLevel(occupation_id=code, level=level) for code, level in sorted(levels.items())],
            batch_size=1000,
        )
    return len(levels)


def rebuild():
    builder = Builder()
    builder.certifinfo()
    builder.onisep()
    builder.rncp()
    builder.complete()
    builder.establishments()
    builder.places()
    builder.write()
    return len(builder.trainings)
