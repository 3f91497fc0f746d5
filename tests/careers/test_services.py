"""The explorer's logic on the demonstration ROME: the ROME's moves first with basis "all", a ranking that never
reads them with basis "skills", and explanations that match the data."""

import threading

import pytest
from asgiref.sync import async_to_sync
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from config.asgi import application
from hent.careers import services
from hent.occupations.models import Mobility, OccupationItem
from tests.careers.conftest import BAKE, CODE, DECORATE, FIRST_AID, HYGIENE, KNEAD, NIGHT_WORK, RIGOUR, WELCOME

pytestmark = pytest.mark.django_db


def codes(transitions):
    return [t.code for t in transitions]


def test_basis_all_puts_the_romes_moves_first_in_source_order(careers_world):
    Mobility.objects.filter(source="D1102").delete()
    Mobility.objects.create(source_id="D1102", target_id="M1805", position=1)
    Mobility.objects.create(source_id="D1102", target_id="A1203", position=2)
    result = services.transitions("D1102", basis="all", limit=5)
    assert codes(result)[:2] == ["M1805", "A1203"]
    assert [t.source for t in result] == ["rome", "rome", "skills", "skills", "skills"]
    assert len(set(codes(result))) == 5 and "D1102" not in codes(result)
    assert codes(services.transitions("D1102", basis="all", limit=1)) == ["M1805"]


def test_basis_skills_never_reads_the_romes_moves(careers_world):
    before = services.transitions("D1102", basis="skills", limit=5)
    with CaptureQueriesContext(connection) as queries:
        services.transitions("D1102", basis="skills", limit=5)
    assert not [q["sql"] for q in queries if "mobility" in q["sql"].lower()]

    Mobility.objects.all().delete()
    Mobility.objects.create(source_id="D1102", target_id="M1805", position=1)
    services.reset()  # and even with a model rebuilt from the tables
    after = services.transitions("D1102", basis="skills", limit=5)
    assert [(t.code, t.score, t.source) for t in after] == [(t.code, t.score, t.source) for t in before]
    assert {t.source for t in after} == {"skills"}
    assert codes(services.transitions("D1102", basis="all", limit=5))[0] == "M1805"


def test_the_baker_is_closest_to_the_pastry_cook_by_skills(careers_world):
    assert codes(services.transitions("D1102", basis="skills", limit=1)) == ["D1104"]
    assert codes(services.transitions("J1501", basis="skills", limit=1)) == ["J1506"]


def test_shared_and_missing_skills_match_the_data(careers_world):
    ticked = {KNEAD, WELCOME, HYGIENE, CODE}  # three of the baker's skills and one of the developer's
    links = {}
    for code, ogr, core in OccupationItem.objects.values_list("occupation_id", "item_id", "core"):
        links.setdefault(code, {})[ogr] = core
    kinds = dict(OccupationItem.objects.values_list("item_id", "item__kind"))
    for basis in services.BASES:
        for t in services.transitions("D1102", ticked, basis=basis, limit=5):
            target = links[t.code]
            skills = {ogr for ogr in target if kinds[ogr] in ("savoir_faire", "savoir")}
            shared = [s.ogr for s in t.shared]
            missing = [s.ogr for s in t.missing]
            assert set(shared) == skills & ticked, t.code  # in both the ticked set and the target fiche
            assert set(missing) == skills - ticked, t.code  # the target's, not ticked
            assert len(shared) + len(missing) == len(skills)
            for skill in t.shared + t.missing:
                assert skill.core == (target[skill.ogr] == "principale"), (t.code, skill)
            assert [s.core for s in t.missing] == sorted((s.core for s in t.missing), reverse=True)  # core first
            assert t.n_skills == 4 and t.share == len(shared) / 4


def test_the_pastry_cook_needs_decorating(careers_world):
    pastry = next(t for t in services.transitions("D1102", basis="skills", limit=5) if t.code == "D1104")
    assert [s.ogr for s in pastry.missing_core] == [DECORATE]
    assert {s.ogr for s in pastry.shared} == {KNEAD, WELCOME, HYGIENE, 8002}  # not BAKE: the pastry cook bakes no bread
    assert pastry.percent == 80


def test_skills_that_are_not_savoir_faire_or_savoirs_are_ignored(careers_world):
    assert services.person_skills("D1102", {KNEAD, NIGHT_WORK, RIGOUR, 999999}) == {KNEAD}
    assert services.known_skills({KNEAD, NIGHT_WORK, 999999}) == ({KNEAD}, {NIGHT_WORK, 999999})
    assert services.person_skills("D1102") == {KNEAD, BAKE, WELCOME, HYGIENE, 8002}


def test_unknown_fiche_and_basis(careers_world):
    with pytest.raises(Http404):
        services.transitions("Z9999")
    with pytest.raises(ValueError):
        services.transitions("D1102", basis="moves")
    assert services.occupation("d1102").code == "D1102"


def test_parse_skill_codes():
    assert services.parse_skill_codes(["7003", "7004,6002", " 7011 "]) == {7003, 7004, 6002, 7011}
    assert services.parse_skill_codes(["7003", "abc", "1" * 20, ""], strict=False) == ({7003}, 2)
    with pytest.raises(services.BadSkills):
        services.parse_skill_codes(["7003", "x"])
    with pytest.raises(services.BadSkills):
        services.parse_skill_codes([str(n) for n in range(services.MAX_SKILLS + 1)])
    codes, ignored = services.parse_skill_codes([str(n) for n in range(services.MAX_SKILLS + 5)], strict=False)
    assert len(codes) == services.MAX_SKILLS and ignored == 5


def test_skill_groups_of_the_checkboxes(careers_world):
    groups = {g.key: [s.ogr for s in g.skills] for g in services.skill_groups("D1104")}
    assert groups["core"] == [DECORATE, 8002]  # by label: Décorer, Préparer
    assert groups["emerging"] == [WELCOME]
    assert groups["other"] == [KNEAD]
    assert [ogr for key, ogrs in groups.items() if key.startswith("savoirs") for ogr in ogrs] == [HYGIENE]
    assert NIGHT_WORK not in {ogr for ogrs in groups.values() for ogr in ogrs}


def test_skill_search_finds_skills_of_any_fiche_by_the_beginning_of_words(careers_world):
    assert [s.ogr for s in services.search_skills("gestes secours")] == [FIRST_AID]
    assert [s.ogr for s in services.search_skills("PÉTRIR")] == [KNEAD]
    assert services.search_skills("pétrir", exclude={KNEAD}) == []
    assert services.search_skills("nuit") == []  # a work context is not a skill one ticks
    assert services.search_skills("") == services.search_skills("a \x00 b") == []


def test_explorer_gives_trainings_and_hiring_with_their_source(careers_world):
    x = services.explore("D1102", {KNEAD, BAKE, WELCOME, HYGIENE, CODE})
    assert [s.transition.code for s in x.rome] == ["D1104"]
    # Other suggestions use at least one of the person's skills: only the developer writes code.
    assert [s.transition.code for s in x.skills] == ["M1805"]
    pastry = x.rome[0]
    assert [f.training.slug for f in pastry.trainings] == ["cap-patissier"] and pastry.n_trainings == 1
    assert pastry.hiring.projects == 40 and pastry.hiring.year == 2025
    assert "France Travail" in pastry.hiring.source and "2025" in pastry.hiring.source
    assert x.sources["bmo"] == [pastry.hiring.source] and x.sources["demo"]
    developer = x.skills[0]
    assert developer.hiring is None and developer.trainings[0].training.slug == "bts-sio"
    assert [k.ogr for k in developer.transition.shared] == [CODE] and x.n_skills == 5


def test_the_model_reads_certifications_and_hiring_sectors_by_rome_v3_code(careers_world):
    from hent.labour.models import RomeNaf
    from hent.trainings.models import RncpFiche, RncpRome

    fiche = RncpFiche.objects.create(
        number="1", title="CAP", active=True, state="Publiée", registration_type="de droit"
    )
    RncpRome.objects.create(fiche=fiche, rome_code="D1102", label="Boulangerie")
    RncpRome.objects.create(fiche=fiche, rome_code="D1104", label="Pâtisserie")
    other = RncpFiche.objects.create(
        number="2", title="BTS", active=True, state="Publiée", registration_type="de droit"
    )
    RncpRome.objects.create(fiche=other, rome_code="M1805", label="Informatique")
    RomeNaf.objects.create(rome_code="D1102", naf_code="1071C", rome_label="", naf_label="", weight=9, curated=True)
    data = services.rome_data()
    assert sorted(data.certifications) == [("1", "D1102"), ("1", "D1104"), ("2", "M1805")]
    assert data.hiring_sectors == [("D1102", "1071C", 9)]
    model = services.model()
    close = dict(zip(model.codes, model.features(model.person("D1102"))["certifications"], strict=True))
    assert close["D1104"] > 0 and close["M1805"] == 0


def test_the_model_follows_a_new_import_of_the_tables_it_reads(careers_world):
    """Running processes rank with the certifications and sectors of the latest import, not those they started with."""
    from django.utils import timezone

    from hent.core.models import Dataset

    before = services.model()
    assert services.model() is before  # built once per process while nothing is imported
    Dataset.objects.create(slug="rncp-2021", name="RNCP", publisher="France compétences", imported_at=timezone.now())
    assert services.model() is not before


def test_the_server_builds_the_model_in_the_background_when_it_starts(monkeypatch, caplog):
    """uvicorn's lifespan start makes the model in a thread (the first visitor does not wait for it), then says
    the start is complete at once; a failure is logged, it does not stop the server."""
    built = []

    def model():
        built.append(threading.current_thread().name)
        raise RuntimeError("no ROME")

    monkeypatch.setattr(services, "model", model)
    threads, warm_up = [], services.warm_up
    monkeypatch.setattr(services, "warm_up", lambda: threads.append(warm_up()))
    messages = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent = []

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message["type"])

    async_to_sync(application)({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    threads[0].join(timeout=10)
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert built == ["careers-warm-up"]
    assert "The careers model could not be built at start" in caplog.text
