"""The pages, through the test client, as a browser without JavaScript uses them: GET forms, redirects, the state in
the URL."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hent.explore import questionnaire as qn
from tests.explore.conftest import CARE, COOKING, DIGITAL, OUTDOORS, answers_for

pytestmark = pytest.mark.django_db

Q = qn.load()
STEP = "/decouvrir/questionnaire/etape/{}/"
RESULTS = "/decouvrir/questionnaire/resultats/"


def page(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, (url, params, response.status_code)
    return response.content.decode()


def step_answers(step, code="3"):
    return {item.id: code for item in Q.step_items(step)}


def state(response):
    """(path, answers) of a redirect."""
    location = urlsplit(response["Location"])
    return location.path, parse_qs(location.query)["reponses"][0]


def test_index_links_both_ways_and_the_single_interest_pages(client, explore_world):
    html = page(client, "/decouvrir/")
    for href in ("/decouvrir/questionnaire/", "/decouvrir/envies/", "/metiers/centres-interet/"):
        assert f'href="{href}"' in html
    assert "R — Réaliste" in html and "Parlez-en avec un conseiller d'orientation" in html


# -- by centres d'intérêt ---------------------------------------------------------------------------------------


def test_interests_form_is_a_group_of_checkboxes_with_a_legend(client, explore_world):
    html = page(client, "/decouvrir/envies/")
    assert '<form class="interests-form" method="get"' in html and "<legend>" in html
    assert html.count('type="checkbox" name="envie"') == 4
    assert 'for="envie-2"' in html and 'id="envie-2"' in html
    assert 'id="resultats-title"' not in html and 'role="status"' not in html  # nothing chosen yet


def test_chosen_interests_show_occupations_matching_several_first(client, explore_world):
    html = page(client, "/decouvrir/envies/", {"envie": [OUTDOORS, CARE]})
    assert 'id="envie-1" checked' in html and 'id="envie-2" checked' in html and 'id="envie-3" checked' not in html
    status = re.search(r'<p role="status">(.*?)</p>', html, re.S).group(1)
    assert "4 métiers correspondent à vos envies" in status and "dont 2 à plusieurs envies" in status
    both = html.index("Les métiers qui correspondent à toutes vos envies")
    one = html.index("Les métiers qui correspondent à une seule de vos envies")
    assert both < html.index('href="/metiers/A1203/"') < html.index('href="/metiers/J1501/"') < one
    # Those matching one envie only are on that envie's list, one link away, not on this page.
    assert 'href="/metiers/D1102/"' not in html and 'href="/metiers/J1506/"' not in html
    assert '<a href="?envie=1">« J&#x27;ai envie de travailler dehors » : 1 autre métier</a>' in html
    assert '<a href="?envie=2">« J&#x27;ai envie de prendre soin des autres » : 1 autre métier</a>' in html
    gardener = html[html.index('href="/metiers/A1203/"') :].split("</li>")[0]
    assert "Correspond à :" in gardener and "travailler dehors" in gardener and "prendre soin des autres" in gardener
    assert "Formation la plus courte : Bac, BP (niveau 4)" in gardener and "Métier mixte" in gardener
    assert 'href="/metiers/centres-interet/1/"' in html  # each chosen centre's own page
    assert "Sources :" in html and "ROME 4.0" in html


def test_envies_with_nothing_in_common_list_every_occupation(client, explore_world):
    html = page(client, "/decouvrir/envies/", {"envie": [COOKING, DIGITAL], "niveau": "7"})
    assert "Les métiers qui correspondent à une de vos envies" in html and "une seule de vos envies" not in html
    for code in ("D1102", "D1104", "M1805"):
        assert f'href="/metiers/{code}/"' in html


def test_the_links_to_single_envies_keep_the_filters(client, explore_world):
    html = page(client, "/decouvrir/envies/", {"envie": [OUTDOORS, CARE], "niveau": "7", "mixite": "<b>"})
    link = re.search(r'<a href="\?(envie=1[^"]*)">', html).group(1)
    assert parse_qs(link.replace("&amp;", "&")) == {"envie": ["1"], "niveau": ["7"], "mixite": ["<b>"]}
    assert "<b>" not in html


def test_interests_filters_keep_the_choice(client, explore_world):
    html = page(client, "/decouvrir/envies/", {"envie": [COOKING], "mixite": "mixte", "niveau": "3"})
    assert 'href="/metiers/D1104/"' in html and 'href="/metiers/D1102/"' not in html
    assert "1 métier sur 2 correspond à vos choix" in html
    assert '<option value="3" selected>' in html and '<option value="mixte" selected>' in html
    html = page(client, "/decouvrir/envies/", {"envie": [OUTDOORS, CARE], "toutes": "on"})
    assert 'href="/metiers/D1102/"' not in html and 'href="/metiers/A1203/"' in html


def test_interests_bad_input_gets_a_message_not_an_error(client, explore_world):
    html = page(client, "/decouvrir/envies/", {"envie": ["abc", "1"]})
    assert "Une des envies demandées n&#x27;existe pas" in html
    assert 'aria-describedby="envie-erreur"' in html and 'id="envie-erreur"' in html
    assert html.startswith("<!doctype html>") and "Erreur :" in html.split("</title>")[0]
    html = page(client, "/decouvrir/envies/", {"envie": "2", "niveau": "99", "mixite": "<b>"})
    assert 'href="/metiers/J1501/"' in html  # the choice stands; the bad filters are named and ignored
    assert 'aria-invalid="true"' in html and "<b>" not in html
    assert "Cochez au moins une envie" in page(client, "/decouvrir/envies/", {"mixite": "mixte"})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(["envie", "niveau", "mixite", "recrute", "toutes", "x"]),
                              st.lists(st.text(max_size=20), max_size=3)))  # fmt: skip
def test_any_interests_query_gives_a_page(client, explore_world, params):
    assert client.get("/decouvrir/envies/", params).status_code == 200


# -- the questionnaire, screen by screen ---------------------------------------------------------------------


def test_intro_explains_length_privacy_and_starts(client, db):
    html = page(client, "/decouvrir/questionnaire/")
    assert "30 activités" in html and "6 étapes, environ 5 minutes" in html
    assert "Nous n'enregistrons pas vos réponses" in html
    assert 'href="/decouvrir/questionnaire/etape/1/"' in html


def test_a_screen_is_a_get_form_of_five_fieldsets_with_radios(client, db):
    html = page(client, STEP.format(1))
    assert "<h1>Étape 1 sur 6</h1>" in html and "Questionnaire, étape 1 sur 6" in html
    form = html[html.index('<form class="questionnaire"') :]
    assert form.startswith('<form class="questionnaire" method="get" action="/decouvrir/questionnaire/etape/1/"')
    assert form.count("<fieldset") == 5 and form.count("<legend>") == 5
    assert form.count('type="radio"') == 25
    assert "<legend>Réparer un vélo ou un objet cassé</legend>" in form
    for label in ("J&#x27;aime beaucoup", "Un peu", "Pas trop", "Pas du tout", "Je ne sais pas"):
        assert form.count(f"> {label}</label>") == 5
    assert 'name="reponses" value="' + "-" * 30 + '"' in form
    assert 'value="precedent"' not in form  # nothing before the first screen


def test_going_through_every_screen_to_the_results(client, explore_world):
    answers = Q.empty()
    for step in range(1, Q.steps + 1):
        html = page(client, STEP.format(step), {"v": "1", "reponses": answers})
        assert f"Étape {step} sur 6" in html
        assert ('value="precedent"' in html) == (step > 1)
        code = "3" if step % 2 else "0"
        response = client.get(STEP.format(step), {"v": "1", "reponses": answers, "aller": "suivant",
                                                  **step_answers(step, code)})  # fmt: skip
        assert response.status_code == 302
        path, answers = state(response)
        assert path == (STEP.format(step + 1) if step < Q.steps else RESULTS)
    assert "-" not in answers and set(answers) == {"3", "0"}
    html = page(client, response["Location"])
    assert "Vos résultats" in html and "Ce qui ressort de vos réponses" in html


def test_going_back_keeps_the_answers_given_and_does_not_complain(client, db):
    answers = "3" * 5 + "-" * 25
    partial = {Q.step_items(2)[0].id: "1"}
    response = client.get(STEP.format(2), {"v": "1", "reponses": answers, "aller": "precedent", **partial})
    path, kept = state(response)
    assert path == STEP.format(1) and kept[:6] == "333331" and kept[6:] == "-" * 24
    html = page(client, response["Location"])
    first = Q.step_items(1)[0]
    assert f'id="{first.id}-3" value="3" checked' in html  # the earlier answers are shown again
    # Forward again: screen 2 shows the answer given before going back.
    html = page(client, STEP.format(2), {"v": "1", "reponses": kept})
    assert f'id="{Q.step_items(2)[0].id}-1" value="1" checked' in html


def test_a_skipped_item_is_named_and_tied_to_its_fieldset(client, db):
    items = Q.step_items(1)
    given_answers = {item.id: "2" for item in items[:4]}
    response = client.get(STEP.format(1), {"v": "1", "reponses": Q.empty(), "aller": "suivant", **given_answers})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Erreur :" in html
    summary = html[html.index('<div class="error-summary" role="alert">') :].split("</div>")[0]
    assert "Il manque une réponse" in summary and f'href="#item-{items[4].id}"' in summary
    fieldset = re.search(rf'<fieldset[^>]*id="item-{items[4].id}"[^>]*>', html).group(0)
    assert f'aria-describedby="item-{items[4].id}-erreur"' in fieldset
    assert f'<p class="error" id="item-{items[4].id}-erreur">Choisissez une réponse, ou « Je ne sais pas ».</p>' in html
    # The answers given are kept in the page, checked and in the hidden field.
    assert f'id="{items[0].id}-2" value="2" checked' in html
    assert 'name="reponses" value="2222-' in html


def test_je_ne_sais_pas_is_an_explicit_skip(client, db):
    response = client.get(STEP.format(1), {"v": "1", "aller": "suivant", **step_answers(1, "x")})
    assert state(response) == (STEP.format(2), "xxxxx" + "-" * 25)


def test_hostile_hidden_fields_and_values(client, db):
    # Answers tampered with: a message, a clean slate, no error page.
    for reponses in ("<script>alert(1)</script>", "9" * 30, "3" * 31, "3" * 5000):
        html = page(client, STEP.format(3), {"v": "1", "reponses": reponses, "aller": "suivant", **step_answers(3)})
        assert "sont abîmées" in html and "<script>alert" not in html
        assert 'name="reponses" value="' + "-" * 30 + '"' in html
    html = page(client, STEP.format(2), {"v": "7", "reponses": "3" * 30})
    assert "ancienne version du questionnaire" in html
    # An answer outside the scale: refused, named, nothing recorded for it.
    item = Q.step_items(1)[0]
    html = page(client, STEP.format(1), {"v": "1", "aller": "suivant", **step_answers(1), item.id: "4"})
    assert "Cette réponse n&#x27;existe pas" in html and f'id="{item.id}-3" value="3" checked' not in html
    # Steps out of range are not found; an unknown direction only shows the screen.
    assert client.get(STEP.format(0)).status_code == 404 and client.get(STEP.format(7)).status_code == 404
    assert client.get(STEP.format(1), {"aller": "ailleurs", **step_answers(1)}).status_code == 200


def test_nothing_is_stored_no_cookie_no_session(client, db):
    from django.contrib.sessions.models import Session

    response = client.get(STEP.format(1), {"v": "1", "aller": "suivant", **step_answers(1)})
    client.get(response["Location"])
    client.get(RESULTS, {"v": "1", "reponses": answers_for(S="3")})
    assert not response.cookies and not client.cookies and Session.objects.count() == 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(step=st.integers(1, 6), params=st.dictionaries(
    st.sampled_from(["v", "reponses", "aller", "velo", "camarade", "classer", "x"]), st.text(max_size=40)))  # fmt: skip
def test_any_screen_query_gives_a_screen_or_a_redirect(client, db, step, params):
    response = client.get(STEP.format(step), params)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        _path, answers = state(response)
        assert len(answers) == 30 and set(answers) <= qn.CODES


# -- results ----------------------------------------------------------------------------------------------------


def test_results_explain_the_profile_with_bars_and_suggestions(client, explore_world):
    url_params = {"v": "1", "reponses": answers_for(S="3", I="2")}
    html = page(client, RESULTS, url_params)
    assert "point de départ pour réfléchir, pas un verdict" in html
    profile = html[html.index('<ol class="profile">') :].split("</ol>")[0]
    assert profile.index("S — Social") < profile.index("I — Investigateur")
    assert "Vous avez répondu « J'aime beaucoup » à :" in profile and "Aider un camarade" in profile
    chart = html[html.index('<table class="bar-chart">') :].split("</table>")[0]
    assert "Vos scores par type, de 0 à 100" in chart and chart.count("<tr>") == 7
    assert re.search(r"S — Social</th>\s*<td class=\"num\">100</td>", chart)
    assert '<rect x="0" y="0" width="100.0"' in chart
    assert "Comment c'est calculé" in html
    # Suggestions: the nurse (S/I) first, with its reason; grouped by grand domaine; filters; the adviser.
    suggestions = html[html.index("Des métiers à explorer") :]
    assert suggestions.index('href="/metiers/J1506/"') < suggestions.index('href="/metiers/J1501/"')
    assert "aider les autres (S) et chercher et comprendre comment marchent les choses (I) — comme vous" in html
    assert "Santé (démo)" in suggestions
    assert re.search(r'<p role="status">\s*3 métiers correspondent à ce profil', html)
    assert "Parlez-en avec un conseiller d'orientation : au collège ou au lycée (psychologue de l'Éducation " \
           "nationale, CIO), à la Mission locale, à France Travail…" in html  # fmt: skip
    assert 'href="/decouvrir/questionnaire/etape/1/">Recommencer le questionnaire' in html
    assert "Sources :" in html


def test_results_can_be_bookmarked_and_filtered_without_losing_the_answers(client, explore_world):
    answers = answers_for(S="3", I="2")
    first = page(client, RESULTS, {"v": "1", "reponses": answers})
    assert first == page(client, RESULTS, {"v": "1", "reponses": answers})  # same URL, same page: no server state
    form = first[first.index('<form class="filters discovery-filters"') :].split("</form>")[0]
    assert '<input type="hidden" name="v" value="1">' in form
    assert f'<input type="hidden" name="reponses" value="{answers}">' in form
    html = page(client, RESULTS, {"v": "1", "reponses": answers, "niveau": "4"})
    assert 'href="/metiers/J1501/"' in html and 'href="/metiers/J1506/"' not in html
    assert "1 métier sur 3 correspond à ce profil et à vos filtres" in html
    html = page(client, RESULTS, {"v": "1", "reponses": answers, "recrute": "on", "mixite": "peu_de_femmes"})
    assert 'href="/metiers/M1805/"' not in html and "Aucun métier ne correspond à ces filtres" in html


def test_ties_flat_low_and_incomplete_are_said_honestly(client, explore_world):
    html = page(client, RESULTS, {"v": "1", "reponses": answers_for(S="3", C="3")})
    assert "Les types S et C ont le même score : l'ordre entre eux ne compte pas." in html
    html = page(client, RESULTS, {"v": "1", "reponses": answers_for(rest="2")})
    assert "aucun ne ressort vraiment plus que les autres" in html and "Des métiers à explorer" not in html
    assert "Cocher mes envies" in html
    html = page(client, RESULTS, {"v": "1", "reponses": answers_for(rest="0")})
    assert "Peu d'activités de ce questionnaire vous attirent" in html and "Des métiers à explorer" not in html
    html = page(client, RESULTS, {"v": "1", "reponses": answers_for(rest="x")})
    assert "Il manque trop de réponses" in html and "(pas assez de réponses)" in html
    partial = answers_for(S="3")[:20] + "-" * 10
    html = page(client, RESULTS, {"v": "1", "reponses": partial})
    assert "10 activités n'ont pas de réponse." in html
    assert f'href="/decouvrir/questionnaire/etape/5/?v=1&amp;reponses={partial}"' in html


def test_a_profile_in_the_link_instead_of_answers(client, explore_world):
    html = page(client, RESULTS, {"profil": "si"})
    assert "Le profil SI" in html and '<table class="bar-chart">' not in html
    assert 'href="/metiers/J1506/"' in html and '<input type="hidden" name="profil" value="SI">' in html


def test_bad_result_links_get_a_message(client, explore_world):
    cases = [
        ({}, "Commencez par y répondre"),
        ({"v": "1", "reponses": "3" * 12}, "L'adresse de cette page est abîmée"),
        ({"v": "0", "reponses": "3" * 30}, "ancienne version du questionnaire"),
        ({"profil": "SSS"}, "Le profil demandé n'existe pas"),
        ({"profil": "<svg onload=x>"}, "Le profil demandé n'existe pas"),
    ]
    for params, message in cases:
        html = page(client, RESULTS, params)
        assert message in html and "Des métiers à explorer" not in html and "<svg onload" not in html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(["v", "reponses", "profil", "niveau", "mixite", "recrute"]),
                              st.text(alphabet="3210x-SIARECvz<>&\"' ", max_size=32)))  # fmt: skip
def test_any_results_query_gives_a_page(client, explore_world, params):
    assert client.get(RESULTS, params).status_code == 200


# -- API ---------------------------------------------------------------------------------------------------------


def test_api_questionnaire(client, db):
    data = client.get("/api/v1/explore/questionnaire").json()
    assert data["version"] == "1" and data["steps"] == 6 and len(data["items"]) == 30
    assert data["scale"][0] == {"code": "3", "label": "J'aime beaucoup", "points": 3}
    assert data["scale"][-1] == {"code": "x", "label": "Je ne sais pas", "points": None}
    assert [t["letter"] for t in data["types"]] == list("RIASEC")


def test_api_profile_and_suggestions(client, explore_world):
    data = client.get("/api/v1/explore/profile", {"v": "1", "reponses": answers_for(S="3", I="2")}).json()
    assert data["status"] == "ok" and data["profile"] == "SI" and data["groups"] == [["S"], ["I"]]
    assert {s["type"]: s["score"] for s in data["scores"]}["S"] == 100
    occupations = [o for g in data["suggestions"]["groups"] for o in g["occupations"]]
    assert occupations[0]["code"] == "J1506" and occupations[0]["riasec"] == {"major": "S", "minor": "I"}
    assert "(S)" in occupations[0]["reason"] and occupations[0]["lowest_training_level"]["level"] == 6
    assert data["sources"][0]["name"].startswith("ROME 4.0") and data["sources"][0]["is_demo"]
    flat = client.get("/api/v1/explore/profile", {"reponses": answers_for(rest="2")}).json()
    assert flat["status"] == "flat" and flat["suggestions"] is None
    filtered = client.get("/api/v1/explore/profile", {"profil": "S", "niveau": "4"}).json()
    assert [o["code"] for g in filtered["suggestions"]["groups"] for o in g["occupations"]] == ["J1501"]


@pytest.mark.parametrize(
    "params",
    [{}, {"reponses": "33"}, {"reponses": "3" * 30, "v": "9"}, {"profil": "ZZ"}, {"profil": "S", "niveau": "x"}],
)
def test_api_profile_bad_parameters_are_400(client, explore_world, params):
    response = client.get("/api/v1/explore/profile", params)
    assert response.status_code == 400 and response.json()["error"]


def test_api_interests(client, explore_world):
    data = client.get("/api/v1/explore/interests", {"envie": [OUTDOORS, CARE]}).json()
    assert [s["matches"] for s in data["sections"]] == [2, 1] and data["total"] == 4
    first = data["sections"][0]["domaines"][0]["occupations"][0]
    assert first["code"] == "A1203" and first["centres"] == [OUTDOORS, CARE]
    assert client.get("/api/v1/explore/interests", {"envie": "x"}).status_code == 400
    assert client.get("/api/v1/explore/interests").status_code == 400


def test_openapi_document_lists_the_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/explore/questionnaire", "/explore/profile", "/explore/interests"} <= set(paths)


@pytest.mark.parametrize("profile", ["R", "RS", "SI", "ISR", "IC"])
def test_each_list_of_suggestions_sits_under_the_reason_of_its_codes_said_once(client, explore_world, profile):
    from hent.occupations.models import Occupation

    html = page(client, RESULTS, {"profil": profile})
    html = html[html.index("Des métiers à explorer") :]
    lists = re.findall(
        r'<p class="discovery__reason">(.*?)</p>\s*<ul class="discovery-list[^"]*">(.*?)</ul>', html, re.S
    )
    assert lists, "no suggestion listed"
    listed = []
    for why, items in lists:
        codes = re.findall(r'href="/metiers/(\w+)/"', items)
        listed += codes
        assert why.startswith("Ces métiers plaisent" if len(codes) > 1 else "Ce métier plaît"), why
        shared, _, other = why.partition("— comme vous")
        for o in Occupation.objects.filter(code__in=codes):
            assert re.findall(r"\(([RIASEC])\)", shared) == [
                c for c in (o.riasec_major, o.riasec_minor) if c and c in profile
            ]
            assert re.findall(r"\(([RIASEC])\)", other) == [c for c in [o.riasec_minor] if c and c not in profile]
    assert len(listed) == len(set(listed)) == html.count('class="discovery__title"')  # every card, under one reason
    assert html.count("— comme vous") == len(lists)


def test_a_family_opens_on_a_page_of_its_own_with_the_filters_kept(client, explore_world, monkeypatch):
    import functools

    from hent.explore import services

    monkeypatch.setattr(services, "suggestions", functools.partial(services.suggestions, per_group=1))
    html = page(client, RESULTS, {"profil": "RS", "niveau": "7"})
    # One card per family here; the family's others are one link away, with the profile and the filters.
    assert html.count('class="discovery__title"') == 3
    link = re.search(r"<a href=\"\?([^\"]*)#metiers-title\">Voir l'autre métier du domaine « Santé \(démo\) »", html)
    assert link, "no link to the other occupations of the family"
    params = parse_qs(link.group(1).replace("&amp;", "&"))
    assert params == {"profil": ["RS"], "niveau": ["7"], "domaine": ["J"]}

    html = page(client, RESULTS, params)
    assert html.count('class="discovery__title"') == 2 and "J1501" in html and "J1506" in html
    assert "D1102" not in html  # the other families are not listed
    back = re.search(r'<a href="\?([^"]*)#metiers-title">Revenir à tous les domaines</a>', html)
    assert parse_qs(back.group(1).replace("&amp;", "&")) == {"profil": ["RS"], "niveau": ["7"]}
    form = html[html.index('<form class="filters discovery-filters"') :].split("</form>")[0]
    assert '<input type="hidden" name="domaine" value="J">' in form  # filtering stays in the family

    for missing in ("M", '"><script>alert(1)</script>'):
        html = page(client, RESULTS, {"profil": "RS", "domaine": missing})
        assert "Le domaine demandé n'a pas de métier pour ce profil" in html
        assert html.count('class="discovery__title"') == 3 and "<script>alert" not in html


@pytest.mark.parametrize(
    "url", ["/decouvrir/", "/decouvrir/envies/", "/decouvrir/questionnaire/", STEP.format(1), RESULTS]
)
def test_the_discovery_pages_only_read(client, explore_world, url):
    assert client.post(url, {"envie": "1"}).status_code == 405
    assert client.head(url).status_code == 200
