import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


def test_occupation_list_is_paginated_with_links(client, imported_demo):
    data = client.get("/api/v1/occupations", {"page_size": 4}).json()
    assert data["count"] == 6 and data["pages"] == 2 and len(data["results"]) == 4
    assert data["results"][0] == {
        "code": "A1203",
        "title": "Jardinier / Jardinière d'espaces verts",
        "domaine": {"code": "A12", "label": "Espaces verts"},
        "url": "http://testserver/metiers/A1203/",
    }
    assert data["previous"] is None and "page=2" in data["next"]
    second = client.get(data["next"]).json()
    assert [o["code"] for o in second["results"]] == ["J1506", "M1805"] and second["next"] is None
    assert data["source"]["version"] == "0-demo" and data["source"]["is_demo"] is True


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"grand_domaine": "d"}, ["D1102", "D1104"]),
        ({"domaine": "J15"}, ["J1501", "J1506"]),
        ({"centre_interet": "4"}, ["M1805"]),
        ({"theme": "002"}, ["J1501", "J1506"]),
        ({"secteur": "20"}, ["J1501", "J1506", "M1805"]),
    ],
)
def test_occupation_list_filters(client, imported_demo, params, codes):
    assert [o["code"] for o in client.get("/api/v1/occupations", params).json()["results"]] == codes


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "x"}, "'page' must be a whole number"),
        ({"page": "0"}, "'page' must be between 1 and 1"),
        ({"page": "99"}, "'page' must be between 1 and 1"),
        ({"page_size": "1000"}, "'page_size' must be between 1 and 200"),
        ({"secteur": "abc"}, "'secteur' must be a whole number"),
    ],
)
def test_bad_parameters_get_a_400_in_json(client, imported_demo, params, message):
    response = client.get("/api/v1/occupations", params)
    assert response.status_code == 400 and response.json() == {"error": message}


def test_occupation_detail(client, imported_demo):
    data = client.get("/api/v1/occupations/d1102").json()
    assert data["code"] == "D1102" and data["title_feminine"] == "Boulangère"
    assert data["definition"][1] == "Respecte les règles d'hygiène et de sécurité alimentaire."
    assert {"ogr": 7003, "label": "Pétrir une pâte", "core": "principale", "group": "L'essentiel du métier"} in data[
        "skills"
    ]
    assert data["mobilities"] == [{"code": "D1104", "title": "Pâtissier / Pâtissière"}]
    assert data["riasec"] == {"major": "R", "minor": "E"}
    assert data["source"]["citation"].startswith("ROME 4.0 (données de démonstration)")


def test_unknown_occupation_and_unknown_endpoint_are_404_in_json(client, imported_demo):
    for url in ("/api/v1/occupations/Z9999", "/api/v1/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404 and response.json() == {"error": "not found"}


def test_reference_lists(client, imported_demo):
    domains = client.get("/api/v1/domains").json()["results"]
    assert domains[1]["domaines"] == [{"code": "D11", "label": "Métiers de bouche", "occupations": 2}]
    assert {"code": 4, "label": "J'ai envie d'inventer avec le numérique", "occupations": 1} in client.get(
        "/api/v1/interests"
    ).json()["results"]
    assert len(client.get("/api/v1/themes").json()["results"]) == 2
    assert len(client.get("/api/v1/sectors").json()["results"]) == 4
    assert client.get("/api/v1/datasets").json()["results"][0]["slug"] == "rome"


def test_api_is_read_only_and_open_to_other_sites(client, imported_demo):
    assert client.post("/api/v1/occupations").status_code == 405
    assert client.get("/api/v1/occupations")["Access-Control-Allow-Origin"] == "*"


def test_openapi_document_describes_every_route(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert {
        "/occupations",
        "/occupations/{code}",
        "/occupations/search",
        "/trainings",
        "/trainings/{id}",
        "/places",
        "/domains",
        "/datasets",
    } <= set(spec["paths"])
    refs = []

    def walk(node):
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec)
    for ref in refs:
        assert ref.split("/")[-1] in spec["components"]["schemas"], ref


def test_human_readable_api_page(client, db):
    page = client.get("/api/").content.decode()
    assert "GET /api/v1/occupations/{code}" in page and 'href="/api/v1/openapi.json"' in page


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(["page", "page_size", "domaine", "grand_domaine", "theme", "secteur", "centre_interet"]),
        st.text(max_size=40),
        max_size=4,
    )
)
def test_any_query_string_gets_json_never_an_error(client, db, params):
    response = client.get("/api/v1/occupations", params)
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
