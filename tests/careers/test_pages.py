"""The three pages of the explorer through the test client, as a browser without JavaScript uses them: GET forms,
the ticked skills in the address, clear messages for bad input."""

import re

import pytest

from tests.careers.conftest import BAKE, CODE, DECORATE, FIRST_AID, HYGIENE, KNEAD, NIGHT_WORK, WELCOME

pytestmark = pytest.mark.django_db

INDEX = "/changer-de-metier/"
SKILLS = "/changer-de-metier/D1102/"
RESULTS = "/changer-de-metier/D1102/metiers/"


def page(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def main(html):
    return html[html.index("<main") : html.index("</main>")]


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def suggestion(html, code):
    """The text of one suggestion of the results page."""
    start = html.index(f'id="metier-{code}"')
    return text(html[start : html.index("</li>\n", html.index('class="suggestion__hiring"', start))])


# -- step 1 -------------------------------------------------------------------------------------------------------


def test_step_1_finds_the_occupation_one_did(client, careers_world):
    html = page(client, INDEX)
    assert '<form class="careers-search" method="get"' in html and 'for="metier-actuel"' in html
    assert "Métiers trouvés" not in html
    html = page(client, INDEX, {"q": "boulangère"})
    assert "Métiers trouvés pour « boulangère »" in html and f'href="{SKILLS}"' in html
    assert "ROME 4.0" in text(html)  # the source of the list


def test_step_1_says_when_nothing_is_found(client, careers_world):
    html = page(client, INDEX, {"q": "zzzzqqq"})
    assert "Aucun métier ne correspond à ces mots." in html and 'href="/metiers/"' in html


# -- step 2 -------------------------------------------------------------------------------------------------------


def test_step_2_lists_the_fiches_skills_as_checkboxes_in_groups(client, careers_world):
    html = page(client, SKILLS)
    assert html.count('type="checkbox" name="c"') == 5 and "checked" not in main(html)
    for ogr in (KNEAD, BAKE, WELCOME, HYGIENE, 8002):
        assert f'value="{ogr}" id="c-{ogr}"' in html and f'<label for="c-{ogr}">' in html
    assert f'value="{NIGHT_WORK}"' not in html  # work contexts are not ticked
    assert html.count("<fieldset") == html.count("<legend>") == 4  # core, others, savoirs, the skill search
    assert "L'essentiel du métier" in text(html) and 'action="/changer-de-metier/D1102/metiers/"' in html


def test_step_2_keeps_the_ticks_and_adds_skills_found_elsewhere(client, careers_world):
    html = page(client, SKILLS, {"c": [KNEAD, CODE], "autre": "secours"})
    assert f'id="c-{KNEAD}" checked' in html and f'id="c-{BAKE}" checked' not in html
    assert "Compétences que vous avez ajoutées" in html and f'value="{CODE}" id="c-{CODE}" checked' in html
    assert "1 compétence trouvée pour « secours »" in html and f'value="{FIRST_AID}" id="c-{FIRST_AID}">' in html
    html = page(client, SKILLS, {"autre": "zzzz"})
    assert "Aucune autre compétence ne contient « zzzz »" in html


# -- step 3 -------------------------------------------------------------------------------------------------------


def test_step_3_shows_the_romes_moves_then_others_with_their_reasons(client, careers_world):
    html = page(client, RESULTS, {"c": [KNEAD, BAKE, HYGIENE, CODE]})
    body = text(main(html))
    assert "Vous avez coché 4 compétences. 1 métier proche prévu par le répertoire des métiers, 1 autre métier" in body
    rome = html.index('id="rome-title"')
    assert rome < html.index('id="metier-D1104"') < html.index('id="skills-title"') < html.index('id="metier-M1805"')
    pastry = suggestion(html, "D1104")
    assert "Utilise 2 de vos 4 compétences (50 %)" in pastry
    assert "France Travail le donne comme métier proche de « Boulanger / Boulangère »" in pastry
    assert (
        "Il demande 2 compétences que vous avez cochées, dont 1 qui fait partie de l'essentiel de ce métier." in pastry
    )
    assert "Ce que vous savez déjà (2)" in pastry and "À apprendre (3), l'essentiel d'abord" in pastry
    learn = pastry[pastry.index("À apprendre") :]
    assert learn.index("Décorer une pâtisserie essentiel") < learn.index("Accueillir un client")
    assert "CAP-PATISSIER" in pastry and "source : Certif Info" in pastry
    assert "40 projets de recrutement en 2025" in pastry and "Besoins en main-d'œuvre — France Travail" in pastry
    developer = suggestion(html, "M1805")
    assert "Utilise 1 de vos 4 compétences (25 %)" in developer and "France Travail le donne" not in developer
    assert "Pas de chiffre de recrutement pour ce métier." in developer
    for absent in ("A1203", "J1501", "J1506"):  # they use none of the skills ticked
        assert f'id="metier-{absent}"' not in html


def test_step_3_says_it_is_a_starting_point_and_invites_to_see_an_adviser(client, careers_world):
    body = text(main(page(client, RESULTS, {"c": [KNEAD]})))
    assert "Ce sont des pistes, pas des conseils." in body and "point de départ" in body
    assert "En parler avec un conseiller" in body and "conseiller en évolution professionnelle (CEP)" in body
    assert "Vous avez coché 1 compétence." in body and "Utilise votre compétence" in body
    assert "Sources et licences" in body and "données de démonstration" in body


def test_step_3_links_back_with_the_ticks(client, careers_world):
    html = page(client, RESULTS, {"c": [BAKE, KNEAD]})
    assert f'href="{SKILLS}?c={KNEAD}&amp;c={BAKE}"' in html
    html = page(client, SKILLS, {"c": [KNEAD, BAKE]})
    assert f'id="c-{KNEAD}" checked' in html and f'id="c-{BAKE}" checked' in html


def test_step_3_without_a_skill_asks_to_tick_one(client, careers_world):
    for params in ({}, {"c": ""}, {"c": ["abc", NIGHT_WORK]}, {"autre": "pâte"}):
        html = page(client, RESULTS, params)
        assert 'role="alert"' in html and "Cochez au moins une compétence" in html, params
        assert html.count('type="checkbox" name="c"') >= 5 and 'aria-describedby="skills-error"' in html
    assert "Certaines compétences indiquées" in page(client, RESULTS, {"c": ["abc", KNEAD]})


def test_a_decorated_pastry_cook_needs_nothing_essential_from_the_baker(client, careers_world):
    html = page(client, "/changer-de-metier/D1104/metiers/", {"c": [DECORATE, KNEAD, 8002, HYGIENE]})
    baker = suggestion(html, "D1102")
    assert "Il demande 3 compétences que vous avez cochées, dont 3 qui font partie de l'essentiel" in baker
    assert "compétence essentielle à apprendre" in baker  # baking bread is core for the baker


# -- addresses and bad input -----------------------------------------------------------------------------------------


def test_unknown_code_is_404_and_lowercase_redirects(client, careers_world):
    page(client, "/changer-de-metier/Z9999/", status=404)
    page(client, "/changer-de-metier/Z9999/metiers/", {"c": KNEAD}, status=404)
    response = client.get("/changer-de-metier/d1102/metiers/", {"c": KNEAD})
    assert response.status_code == 301 and response["Location"] == f"{RESULTS}?c={KNEAD}"
    response = client.get("/changer-de-metier/d1102/")
    assert response.status_code == 301 and response["Location"] == SKILLS
    assert client.post(RESULTS, {"c": KNEAD}).status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"c": "9" * 500},
        {"c": ["1" * 10_000]},
        {"c": [str(n) for n in range(900)]},  # more fields than Django accepts (1,000) get its 400 page
        {"c": ["-1", "7003.5", "0x1b", "７００３", "7003\x00", "<script>"]},
        {"c": f"{KNEAD},{BAKE}" * 3000},
        {"autre": "a" * 10_000, "c": KNEAD},
        {"autre": "\x00\x1b[31m\u202e\ud800"[:-1] + "pâte", "c": KNEAD},
        {"q": "b" * 10_000},
        {"q": "\x00\x07boulanger\u200b"},
    ],
)
def test_hostile_query_strings_give_a_normal_page(client, careers_world, params):
    for url in (INDEX, SKILLS, RESULTS):
        response = client.get(url, params)
        assert response.status_code == 200, (url, params)
        html = response.content.decode()
        assert "<script>" not in main(html) and "\x00" not in html
