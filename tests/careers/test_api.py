"""GET /api/v1/occupations/<code>/transitions: the contract (shape, bounds, errors) and its OpenAPI description."""

import pytest

from hent.occupations.models import Mobility, OccupationItem
from tests.careers.conftest import BAKE, CODE, HYGIENE, KNEAD, NIGHT_WORK, WELCOME

pytestmark = pytest.mark.django_db

URL = "/api/v1/occupations/{}/transitions"


def get(client, code="D1102", status=200, **params):
    response = client.get(URL.format(code), params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_shape_of_the_answer(client, careers_world):
    data = get(client, basis="skills", limit=3)
    assert data["occupation"] == {"code": "D1102", "title": "Boulanger / Boulangère"}
    assert data["basis"] == "skills" and data["skills"] == sorted([KNEAD, BAKE, WELCOME, HYGIENE, 8002])
    assert data["source"]["name"].startswith("ROME 4.0")
    assert len(data["results"]) == 3
    first = data["results"][0]
    assert set(first) == {"code", "title", "score", "source", "skills_used", "shared_skills", "missing_skills", "url"}
    assert first["code"] == "D1104" and first["source"] == "skills" and 0 < first["score"] <= 1
    assert first["url"] == "http://testserver/metiers/D1104/"
    assert first["skills_used"] == {"count": len(first["shared_skills"]), "of": 5}
    assert set(first["shared_skills"][0]) == {"ogr", "label", "kind", "core"}
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)
    assert client.get(URL.format("D1102") + "/").status_code == 200  # with or without the trailing slash


def test_shared_and_missing_skills_match_the_target_fiche(client, careers_world):
    data = get(client, skills=f"{KNEAD},{CODE}", basis="all", limit=6)
    assert data["skills"] == sorted([KNEAD, CODE])
    core = {(o, i): c == "principale" for o, i, c in OccupationItem.objects.values_list("occupation", "item", "core")}
    for result in data["results"]:
        fiche = {i for (o, i) in core if o == result["code"]}
        shared = {s["ogr"] for s in result["shared_skills"]}
        missing = {s["ogr"] for s in result["missing_skills"]}
        assert shared <= fiche and shared <= {KNEAD, CODE}
        assert missing <= fiche and not missing & {KNEAD, CODE} and NIGHT_WORK not in missing
        for skill in result["shared_skills"] + result["missing_skills"]:
            assert skill["core"] == core[(result["code"], skill["ogr"])]
            assert skill["kind"] in ("savoir_faire", "savoir")


def test_basis_all_gives_the_romes_moves_first_and_skills_ignores_them(client, careers_world):
    Mobility.objects.create(source_id="D1102", target_id="J1501", position=2)
    data = get(client, basis="all", limit=4)
    assert [(r["code"], r["source"]) for r in data["results"][:2]] == [("D1104", "rome"), ("J1501", "rome")]
    assert {r["source"] for r in data["results"][2:]} == {"skills"}
    assert get(client)["basis"] == "all"  # the default
    ranked = [r["code"] for r in get(client, basis="skills", limit=5)["results"]]
    Mobility.objects.all().delete()
    assert [r["code"] for r in get(client, basis="skills", limit=5)["results"]] == ranked


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"basis": "moves"}, "'basis' must be 'skills' or 'all'"),
        ({"limit": "0"}, "'limit' must be between 1 and 50"),
        ({"limit": "51"}, "'limit' must be between 1 and 50"),
        ({"limit": "ten"}, "'limit' must be a whole number"),
        ({"skills": "7003,abc"}, "'skills' must be OGR codes separated by commas (at most 300)"),
        ({"skills": "1" * 10_000}, "'skills' must be OGR codes separated by commas (at most 300)"),
        ({"skills": ",".join(str(n) for n in range(400))}, "'skills' must be OGR codes separated by commas"),
        ({"skills": f"7003,{NIGHT_WORK},999999"}, "'skills': not savoir-faire or savoirs of the ROME: 5002, 999999"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, careers_world, params, message):
    assert get(client, status=400, **params)["error"].startswith(message)


def test_limits_and_unknown_code(client, careers_world):
    assert len(get(client, limit=1)["results"]) == 1
    assert len(get(client, limit=50)["results"]) == 5  # every other fiche of the demo ROME
    assert get(client, code="Z9999", status=404) == {"error": "not found"}
    assert get(client, code="d1102")["occupation"]["code"] == "D1102"
    assert get(client, skills="")["skills"] == sorted([KNEAD, BAKE, WELCOME, HYGIENE, 8002])  # empty: the default
    assert client.post(URL.format("D1102")).status_code == 405


def test_openapi_document_lists_the_endpoint(client, careers_world):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/occupations/{code}/transitions"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"code", "basis", "limit", "skills"}
    basis = next(p for p in operation["parameters"] if p["name"] == "basis")
    assert basis["schema"]["enum"] == ["all", "skills"]
    item = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["results"]["items"]
    assert {"code", "title", "score", "shared_skills", "missing_skills"} <= set(item["properties"])
    assert {"400", "404"} <= set(operation["responses"])
