"""A small world for the catalogue, pages and API tests: a few records of each source, written for the
tests; for the importers' own tests, the folders of small files in the publishers' formats that ``sources`` writes
(a test may alter its folder)."""

import pytest

from hent.occupations.models import Occupation
from hent.territories.models import Commune, Department, Region
from hent.trainings import catalogue
from hent.trainings import models as m
from tests.datafiles import fixture
from tests.trainings import sources

annuaire = fixture(sources.annuaire, "annuaire")
bcn = fixture(sources.bcn, "bcn")
inserjeunes = fixture(sources.inserjeunes, "inserjeunes")
kit = fixture(sources.kit, "kit")
lheo = fixture(sources.lheo, "lheo")
formations = fixture(sources.onisep_formations, "fiches-formations")
fiches = fixture(sources.onisep_fiches_metiers, "fiches-metiers")
listing = fixture(sources.onisep_metiers_list, "metiers")
lycees = fixture(sources.onisep_lycees, "lycees")
parcoursup = fixture(sources.parcoursup, "parcoursup")
rncp = fixture(sources.rncp, "rncp")


@pytest.fixture
def world(imported_demo, settings):
    settings.HENT_REGION_CODE = "53"
    region = Region.objects.create(code="53", name="Bretagne")
    dept = Department.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    communes = {
        "rennes": Commune.objects.create(
            insee="35238", name="Rennes", department=dept, postcode="35000", postcodes="35000 35200 35700",
            latitude=48.1117, longitude=-1.6819, population=225081, search_name="rennes",
        ),
        "malo": Commune.objects.create(
            insee="35288", name="Saint-Malo", department=dept, postcode="35400", postcodes="35400",
            latitude=48.6493, longitude=-2.0257, population=46000, search_name="saint malo",
        ),
    }  # fmt: skip
    # ROME 4.0 split the demo's M1805 (a ROME v3 code): M1855 now comes from it.
    Occupation.objects.create(
        code="M1855", ogr=9999, title="Développeur / Développeuse web", title_masculine="Développeur web",
        title_feminine="Développeuse web", domaine_id="M18", parent_code="M1805",
    )  # fmt: skip

    # Certif Info: the backbone, with ROME v3 codes.
    common = {"type_code": "1", "state_code": "0", "state_label": "Publié"}
    m.CertifInfo.objects.create(
        code=1, title="CAP boulanger", type_label="Certificat d'aptitude professionnelle", level_eu=3,
        rome_codes="D1102", rncp="100", cfd="50022137", onisep_id="FOR.1", onisep_ids="FOR.1",
        access_initial=True, access_apprenticeship=True, access_continuing=False, access_vae=True, **common,
    )  # fmt: skip
    m.CertifInfo.objects.create(
        code=2, title="BTS services informatiques aux organisations", type_label="Brevet de technicien supérieur",
        level_eu=5, rome_codes="M1805", rncp="110", cfd="32032615", access_apprenticeship=True, **common,
    )  # fmt: skip
    m.CertifInfo.objects.create(
        code=3, title="Préparation aux concours", type_label="Formation préparatoire", rome_codes="J1501",
        type_code="9", state_code="4", state_label="formations préparatoires et non certifiantes",
    )  # fmt: skip

    # ONISEP: the description of the CAP, and a métier linking it to the pâtissier too.
    onisep = m.OnisepFormation.objects.create(
        id="FOR.1", title="CAP boulanger", duration="2 ans", description="<p>On y apprend le pain.</p>",
        cfd="50022137", level_eu=3,
    )  # fmt: skip
    m.OnisepMetier.objects.create(id="MET.1", name="pâtissier/ière", rome_codes="D1104")
    m.OnisepFormationMetier.objects.create(formation=onisep, metier_id="MET.1", metier_name="pâtissier")

    # RNCP: an older version of the CAP (merged), a title only the RNCP knows, an inactive record (ignored).
    common = {"state": "Publiée", "registration_type": "Enregistrement de droit"}
    m.RncpFiche.objects.create(number="90", title="Boulanger", level_eu=3, active=False, new_number="100", **common)
    title = m.RncpFiche.objects.create(number="200", title="Développeur web et web mobile", level_eu=5, active=True,
                                       type_label="Titre professionnel", **common)  # fmt: skip
    m.RncpRome.objects.create(fiche=title, rome_code="M1805", label="Études et développement informatique")
    m.RncpFiche.objects.create(number="300", title="Ancien titre", active=False, **common)

    # Establishments: exact position (Annuaire), address only (ONISEP), name only (InserJeunes).
    m.AnnuaireEntry.objects.create(
        uai="0350001A", name="Lycée Bréquigny", kind="Lycée", sector="public", department_code="35",
        commune_code="35238", commune_name="Rennes", postcode="35200", latitude=48.09, longitude=-1.69,
    )  # fmt: skip
    m.OnisepLycee.objects.create(
        id="ENS.1", uai="0350002B", name="Lycée Jacques Cartier", postcode="35400", commune_name="SAINT MALO CEDEX",
        department_code="35",
    )  # fmt: skip
    m.EstablishmentOutcome.objects.create(
        source="cfa", period="cumul 2023-2024", millesime="2023_2024", uai="0350003C",
        name="CFA de la boulangerie - Saint-Malo", region="BRETAGNE", region_code="53", rate_employment_6=71,
        expected_employment_6=68,
    )  # fmt: skip
    m.ParcoursupEntry.objects.create(
        uai="0350001A", establishment_name="Lycée Bréquigny", region="Bretagne", status="Public",
        programme="BTS - Services - Services informatiques aux organisations", latitude=48.09, longitude=-1.69,
    )  # fmt: skip

    # InserJeunes: the CAP has apprentices leaving in the Region.
    m.RegionOutcome.objects.create(
        key="2022_2023_53_apprentissage_50022137", millesime="2022_2023", region_code="53", voie="apprentissage",
        cfd="50022137", cohort=722, rate_employment_6=55, rate_employment_12=69, rate_further_studies=55,
    )  # fmt: skip
    m.RegionOutcome.objects.create(
        key="2022_2023_53_apprentissage_99999999", millesime="2022_2023", region_code="52", voie="apprentissage",
        cfd="50022137", cohort=10, rate_employment_6=12,
    )  # fmt: skip
    catalogue.rebuild()
    return communes
