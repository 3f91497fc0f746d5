import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


def test_occupation_trainings(client, world):
    data = client.get("/api/v1/occupations/D1102/trainings").json()
    level = data["levels"][0]
    assert level["label"] == "CAP, BEP (niveau 3)" and level["trainings"][0]["id"] == "ci-1"
    assert client.get("/api/v1/occupations/Z9999/trainings").status_code == 404


def test_training_list_and_detail(client, world):
    data = client.get("/api/v1/trainings", {"q": "informatique", "lieu": "Saint-Malo"}).json()
    assert data["count"] == 2
    bts = next(r for r in data["results"] if r["id"] == "ci-2")
    place = bts["places"][0]
    assert place["establishment"] == "0350001A" and place["distance_km"] == pytest.approx(67, abs=1)
    detail = client.get("/api/v1/trainings/ci-1").json()
    assert detail["outcomes"][0]["employment_rate_6_months"] == 55
    assert {o["code"] for o in detail["occupations"]} == {"D1102", "D1104"}


def test_establishment_detail(client, world):
    data = client.get("/api/v1/establishments/0350001A").json()
    assert data["position"] == "exact" and data["trainings"] == [
        {"id": "ci-2", "title": "BTS services informatiques aux organisations", "mode": "scolaire"}
    ]


def test_bad_filters_are_400(client, world):
    response = client.get("/api/v1/trainings", {"niveau": "42"})
    assert response.status_code == 400 and "niveau" in response.json()["error"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "niveau", "modalite", "departement", "rayon", "metier", "lieu", "page"]),
        st.text(max_size=30),
        max_size=4,
    )
)
def test_any_query_string_gets_json(client, world, params):
    response = client.get("/api/v1/trainings", params)
    assert response.status_code in (200, 400) and response["Content-Type"] == "application/json"
