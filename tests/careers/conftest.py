"""A small world for the career-change explorer: the demonstration ROME (six fiches, their skills and five curated
moves), a few trainings linked to them and the hiring figures of the Region, with their BMO dataset."""

import datetime

import pytest
from django.core.cache import cache

from hent.careers import services
from hent.core.models import Dataset
from hent.labour.models import OccupationMarket
from hent.trainings.models import Training, TrainingOccupation

# Demo ROME: A1203 jardinier, D1102 boulanger, D1104 pâtissier, J1501 aide-soignant, J1506 infirmier,
# M1805 développeur. Curated moves: D1102 -> D1104, D1104 -> D1102, J1501 -> J1506, J1506 -> J1501, A1203 -> D1102.
# Skills (savoir-faire and savoirs) of the baker D1102: 8002 Préparer des produits alimentaires (core), 7003 Pétrir
# une pâte (core), 7004 Cuire des pains (core), 7011 Accueillir un client, 6002 Règles d'hygiène alimentaire (core).
KNEAD, BAKE, WELCOME, HYGIENE, FOOD = 7003, 7004, 7011, 6002, 8002
DECORATE, TOILETTE, BANDAGE, MOW, FIRST_AID, CODE = 7005, 7006, 7007, 7001, 6003, 7009
NIGHT_WORK, RIGOUR = 5002, 8005  # a work context and a savoir-être: never ticked
TRAININGS = [  # slug, level, occupation
    ("cap-patissier", 3, "D1104"),
    ("bac-pro-soins", 4, "J1501"),
    ("de-infirmier", 6, "J1506"),
    ("bts-sio", 5, "M1805"),
    ("cap-boulanger", 3, "D1102"),
]


@pytest.fixture(autouse=True)
def _fresh_model():
    """Each test builds its own world: no ranking model nor cached figures from another test."""
    services.reset()
    cache.clear()
    yield
    services.reset()
    cache.clear()


@pytest.fixture
def careers_world(imported_demo):
    Dataset.objects.create(slug="bmo-2025", name="Besoins en main-d'œuvre", publisher="France Travail",
                           version="2025", published_on=datetime.date(2025, 4, 1))  # fmt: skip
    for slug, level, code in TRAININGS:
        training = Training.objects.create(
            slug=slug, title=slug.upper(), level=level, active=True, sources="certifinfo"
        )
        TrainingOccupation.objects.create(training=training, occupation_id=code, source="certifinfo", source_code=code)
    for code, projects in [("D1104", 40), ("J1506", 300), ("A1203", 450)]:
        OccupationMarket.objects.create(occupation_id=code, projects=projects, bmo_year=2025)
    return imported_demo
