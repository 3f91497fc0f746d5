"""A small world for the discovery pages: the demonstration ROME (six occupations with RIASEC codes and four centres
d'intérêt), a few more links between occupations and centres, trainings of known levels, and labour figures."""

import pytest
from django.core.cache import cache

from hent.explore import questionnaire as qn
from hent.labour.models import OccupationMarket
from hent.occupations.models import OccupationInterest
from hent.trainings import catalogue
from hent.trainings.models import Training, TrainingOccupation

# Demo ROME: A1203 jardinier R/S, D1102 boulanger R/E, D1104 pâtissier R/A, J1501 aide-soignant S/R,
# J1506 infirmier S/I, M1805 développeur I/C. Centres: 1 dehors, 2 soin des autres, 3 cuisine, 4 numérique.
OUTDOORS, CARE, COOKING, DIGITAL = 1, 2, 3, 4


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The trainings' levels are cached between requests; each test builds its own world."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def explore_world(imported_demo):
    # Several centres for some occupations: the gardener also works outdoors and takes care (of plants…),
    # the nurse also uses digital tools, the baker works outdoors at markets.
    for code, centre in [("A1203", CARE), ("J1506", DIGITAL), ("D1102", OUTDOORS), ("J1501", OUTDOORS)]:
        OccupationInterest.objects.create(occupation_id=code, centre_id=centre)
    trainings = [  # slug, level, active, occupation, source code (a ROME v3 code for an inherited link)
        ("cap-boulanger", 3, True, "D1102", "D1102"),
        ("cap-patissier", 3, True, "D1104", "D1104"),
        ("bac-pro-soins", 4, True, "J1501", "J1501"),
        ("de-infirmier", 6, True, "J1506", "J1506"),
        ("cap-soins-ancien", 3, False, "J1506", "J1506"),  # inactive: does not count
        ("bts-sio", 5, True, "M1805", "M1805"),
        ("cap-vente-parent", 3, True, "M1805", "M1899"),  # inherited from a parent fiche: a direct link wins
        ("bp-jardinier", 4, True, "A1203", "A1299"),  # inherited only: it counts
    ]
    for slug, level, active, code, source_code in trainings:
        training = Training.objects.create(slug=slug, title=slug, level=level, active=active, sources="certifinfo")
        TrainingOccupation.objects.create(training=training, occupation_id=code, source="certifinfo",
                                          source_code=source_code)  # fmt: skip
    catalogue.fill_occupation_levels()  # as the catalogue rebuild does
    markets = [  # code, hiring projects in the Region, gender mix
        ("A1203", 450, "mixte"),
        ("D1102", 120, "peu_de_femmes"),
        ("D1104", 40, "mixte"),
        ("J1501", 900, "peu_d_hommes"),
        ("J1506", 300, "peu_d_hommes"),
        ("M1805", 80, "peu_de_femmes"),
    ]
    for code, projects, mix in markets:
        OccupationMarket.objects.create(occupation_id=code, projects=projects, gender_mix=mix, bmo_year=2025)


def answers_for(**by_type):
    """Answers to the whole questionnaire: by_type maps a RIASEC letter to the code given to all its items
    (e.g. S="3"); the other types get `rest` (default "0")."""
    rest = by_type.pop("rest", "0")
    return "".join(by_type.get(item.type, rest) for item in qn.load().items)
