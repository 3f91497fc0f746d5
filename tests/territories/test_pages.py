"""The place picker without JavaScript (GET list, POST choice), the reusable form and the JSON view."""

import pytest
from django.template import Context, RequestContext, Template
from django.test import Client, RequestFactory

from hent.territories.services import SESSION_KEY

pytestmark = pytest.mark.django_db

PLACE = "/territoires/lieu/"
CHOOSE = "/territoires/lieu/choisir/"
FORGET = "/territoires/lieu/oublier/"


def text(response):
    return response.content.decode()


def test_empty_page_has_a_labelled_form(client, geo):
    page = text(client.get(PLACE))
    assert "<h1>" in page and 'lang="fr"' in page
    assert '<label for="lieu">Votre commune ou code postal</label>' in page
    assert 'name="lieu"' in page and 'method="get"' in page
    assert 'role="status"' not in page  # nothing searched, nothing to announce
    assert "Communes et territoires (Bretagne)" in page  # the source


def test_a_search_lists_the_communes_each_with_a_button(client, geo):
    page = text(client.get(PLACE, {"lieu": "saint"}))
    assert '<p role="status">4 communes correspondent à « saint ».</p>' in page
    for name in ("Saint-Malo", "Saint-Brieuc", "Saint-Malo-de-Phily", "Saint-Malo-de-Beignon"):
        assert f"<strong>{name}</strong>" in page
    assert "(35400), Ille-et-Vilaine" in page
    assert page.count('action="/territoires/lieu/choisir/"') == 4
    assert page.count('name="csrfmiddlewaretoken"') == 4
    assert 'name="insee" value="35288"' in page


def test_one_clear_match_is_offered_first(client, geo):
    page = text(client.get(PLACE, {"lieu": "St-Malo"}))
    assert "Choisir cette commune" in page
    assert page.index("Choisir cette commune") < page.index("Ce n'est pas la bonne ?")
    assert page.index("Saint-Malo</strong>") < page.index("Saint-Malo-de-Phily</strong>")
    page = text(client.get(PLACE, {"lieu": "29200"}))
    assert '<p role="status">Une commune correspond à « 29200 ».</p>' in page
    assert "Choisir cette commune" in page and "Ce n'est pas la bonne" not in page


def test_no_match_is_explained_in_plain_french(client, geo):
    page = text(client.get(PLACE, {"lieu": "Paris <b>"}))
    assert (
        "Aucune commune de Bretagne ne correspond à « Paris &lt;b&gt; ». Vérifiez l'orthographe "
        "ou tapez le code postal." in page
    )
    assert "<b>" not in page.split("<main", 1)[1]


def test_choosing_remembers_only_the_code_and_goes_back(client, geo):
    response = client.post(CHOOSE, {"insee": "35288", "next": "/metiers/?page=2"})
    assert response.status_code == 302 and response["Location"] == "/metiers/?page=2"
    assert dict(client.session.items()) == {SESSION_KEY: "35288"}
    page = text(client.get(PLACE))
    assert "Votre commune</h2>" in page and "Saint-Malo (35400), Ille-et-Vilaine" in page
    assert "Oublier ma commune" in page


def test_choosing_by_text_that_designates_one_commune(client, geo):
    response = client.post(CHOOSE, {"lieu": "35000"})
    assert response["Location"] == "/" and client.session[SESSION_KEY] == "35238"
    response = client.post(CHOOSE, {"lieu": "saint", "next": "/metiers/"})  # ambiguous: back to the list
    assert response["Location"] == "/territoires/lieu/?lieu=saint&next=%2Fmetiers%2F"
    assert client.session[SESSION_KEY] == "35238"


def test_unknown_code_is_not_remembered(client, geo):
    response = client.post(CHOOSE, {"insee": "99999"})
    assert response["Location"].startswith(PLACE) and SESSION_KEY not in client.session


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "http://testserver@evil.example/",
        "javascript:alert(1)",
        " //evil.example",
        "evil.example",
        "",
    ],
)
def test_next_url_never_leaves_the_site(client, geo, next_url):
    response = client.post(CHOOSE, {"insee": "35238", "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/"
    response = client.post(FORGET, {"next": next_url})
    assert response["Location"] == "/"


def test_forgetting_the_place(client, geo):
    client.post(CHOOSE, {"insee": "35238"})
    response = client.post(FORGET, {"next": PLACE})
    assert response["Location"] == PLACE and SESSION_KEY not in client.session
    assert "Oublier ma commune" not in text(client.get(PLACE))


def test_state_changes_need_post_and_a_csrf_token(geo):
    strict = Client(enforce_csrf_checks=True)
    assert strict.get(CHOOSE, {"insee": "35238"}).status_code == 405
    assert strict.post(CHOOSE, {"insee": "35238"}).status_code == 403
    assert strict.post(FORGET).status_code == 403
    assert strict.post(PLACE, {"lieu": "rennes"}).status_code in (403, 405)


def test_the_whole_flow_with_csrf_checks(geo):
    browser = Client(enforce_csrf_checks=True)
    page = text(browser.get(PLACE, {"lieu": "rennes", "next": "/metiers/"}))
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    assert 'name="next" value="/metiers/"' in page
    response = browser.post(CHOOSE, {"csrfmiddlewaretoken": token, "insee": "35238", "next": "/metiers/"})
    assert response.status_code == 302 and response["Location"] == "/metiers/"
    assert browser.session[SESSION_KEY] == "35238"


def test_hostile_input_gives_a_page(client, geo):
    for value in ("\x00\x01", "%" * 5000, "𝕽𝖊𝖓𝖓𝖊𝖘", "' OR 1=1 --", "35" * 300):
        assert client.get(PLACE, {"lieu": value, "next": value}).status_code == 200


def render_place_form(session=None, path="/metiers/?page=2"):
    request = RequestFactory().get(path)
    request.session = session if session is not None else {}
    template = Template('{% include "territories/_place_form.html" %}')
    return template.render(RequestContext(request, {}))


def test_place_form_include(geo, client):
    html = render_place_form()
    assert 'action="/territoires/lieu/"' in html and 'method="get"' in html
    assert '<label for="place-lieu">Votre commune ou code postal</label>' in html
    assert 'name="next" value="/metiers/?page=2"' in html
    assert "Votre commune :" not in html
    html = render_place_form({SESSION_KEY: "35238"})
    assert "Votre commune : Rennes (35000)." in html
    html = Template('{% include "territories/_place_form.html" with field_id="lieu-2" %}').render(Context({}))
    assert 'for="lieu-2"' in html and 'id="lieu-2"' in html


def test_places_json(client, geo):
    response = client.get("/api/v1/places", {"q": "st malo", "limit": "2"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data == {
        "results": [
            {
                "insee": "35288",
                "name": "Saint-Malo",
                "postcode": "35400",
                "department": {"code": "35", "name": "Ille-et-Vilaine"},
                "latitude": 48.64,
                "longitude": -1.98,
            },
            {
                "insee": "35289",
                "name": "Saint-Malo-de-Phily",
                "postcode": "35480",
                "department": {"code": "35", "name": "Ille-et-Vilaine"},
                "latitude": 47.8678,
                "longitude": -1.8054,
            },
        ]
    }
    assert client.get("/api/v1/places").json() == {"results": []}
    assert len(client.get("/api/v1/places", {"q": "s"}).json()["results"]) == 5  # "sur" in Binic-Étables-sur-Mer
    assert "Île-de-Bréhat" in client.get("/api/v1/places", {"q": "22870"}).content.decode()  # not \u-escaped


@pytest.mark.parametrize("limit", ["0", "21", "-1", "abc", "1.5", "²", "99999999999999999999"])
def test_places_json_rejects_a_bad_limit(client, geo, limit):
    response = client.get("/api/v1/places", {"q": "rennes", "limit": limit})
    assert response.status_code == 400 and "limit" in response.json()["error"]


def test_places_json_is_read_only(client, geo):
    assert client.post("/api/v1/places", {"q": "rennes"}).status_code == 405
