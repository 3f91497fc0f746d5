"""The visitor's pages without JavaScript (forms, redirects, refreshed page) and the advisers' pages."""

import re

import pytest
from django.test import Client

from hent.contact import services
from hent.contact.models import CallbackRequest, Conversation, Message, Referral
from hent.staff.models import AuditEntry
from tests.contact.conftest import client_id, verified_client

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/contact/c/\?cle=([A-Za-z0-9_-]{43})")


def start(client, **extra):
    data = {"situation": "lyceens", "department": "35", "topic": "metier", "first_name": "Lou", **extra}
    response = client.post("/contact/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    token = LINK.search(response["Location"]).group(1)
    return token


def test_contact_page_offers_chat_and_callback_and_says_how_long_data_is_kept(structures):
    page = Client().get("/contact/").content.decode()
    assert "Parler à un conseiller" in page and "/contact/rappel/" in page
    assert "90 jours" in page


def test_a_conversation_without_javascript(structures, adviser_a):
    visitor = Client()
    token = start(visitor, email="lou@example.org")
    page = visitor.get(f"/contact/c/?cle={token}&nouvelle=1")
    html = page.content.decode()
    assert page.status_code == 200 and "Gardez ce lien" in html and "Actualiser" in html
    assert page["Referrer-Policy"] == "strict-origin" and "no-store" in page["Cache-Control"]
    # Nobody there: leave a message.
    assert "laissez votre message" in html
    cid = client_id()
    question = {"cle": token, "text": "Quelles études pour infirmier ?", "client_id": cid}
    response = visitor.post("/contact/c/envoyer/", question)
    assert response.status_code == 302 and response["Location"].startswith(f"/contact/c/?cle={token}")
    # The browser sends the same form again (reload after a network error): stored once.
    visitor.post("/contact/c/envoyer/", question)
    conversation = Conversation.objects.get()
    assert conversation.messages.filter(author="visitor").count() == 1

    adviser = verified_client(adviser_a)
    queue = adviser.get("/contact/equipe/").content.decode()
    assert f"/contact/equipe/c/{conversation.pk}/" in queue
    page = adviser.get(f"/contact/equipe/c/{conversation.pk}/")
    assert "Quelles études pour infirmier ?" in page.content.decode()
    assert AuditEntry.objects.filter(action="contact.conversation.view", object_id=str(conversation.pk)).exists()
    adviser.post(f"/contact/equipe/c/{conversation.pk}/prendre/")
    adviser.post(
        f"/contact/equipe/c/{conversation.pk}/repondre/", {"text": "Un IFSI, après le bac.", "client_id": client_id()}
    )
    html = visitor.get(f"/contact/c/?cle={token}").content.decode()
    assert "Un IFSI, après le bac." in html and "En cours" in html

    transcript = visitor.get(f"/contact/c/transcription/?cle={token}")
    assert transcript["Content-Disposition"].startswith("attachment")
    assert "Un IFSI, après le bac." in transcript.content.decode()

    visitor.post("/contact/c/terminer/", {"cle": token})
    assert "Cette conversation est terminée" in visitor.get(f"/contact/c/?cle={token}").content.decode()
    assert "Oui, tout effacer" in visitor.get(f"/contact/c/supprimer/?cle={token}").content.decode()
    visitor.post("/contact/c/supprimer/", {"cle": token})
    assert not Conversation.objects.exists() and not Message.objects.exists()
    assert visitor.get(f"/contact/c/?cle={token}").status_code == 404


def test_bad_forms_give_messages_not_errors(structures):
    client = Client()
    response = client.post("/contact/", {"situation": "pirate", "department": "<script>", "topic": ""})
    assert response.status_code == 400 and "Sélectionnez un choix valide" in response.content.decode()
    token = start(client)
    response = client.post("/contact/c/envoyer/", {"cle": token, "text": "", "client_id": "x" * 500}, follow=True)
    assert "Écrivez un message" in response.content.decode()
    assert client.get("/contact/c/?cle=%00%ff").status_code == 404
    assert client.post("/contact/rappel/", {"name": "A", "availability": "lundi", "situation": "lyceens",
                                            "department": "35", "topic": "autre"}).status_code == 400  # fmt: skip


def test_adviser_inserts_links_and_refers(structures, adviser_a):
    token = start(Client())
    conversation = Conversation.objects.get()
    adviser = verified_client(adviser_a)
    found = adviser.get(f"/contact/equipe/c/{conversation.pk}/?structure=brest").content.decode()
    assert "Mission locale de Brest" in found
    adviser.post(f"/contact/equipe/c/{conversation.pk}/orienter/", {"structure": structures[1].pk})
    assert Referral.objects.filter(conversation=conversation, structure=structures[1]).exists()
    adviser.post(f"/contact/equipe/c/{conversation.pk}/repondre/", {"text": "Boulanger : /metiers/D1102/"})
    html = Client().get(f"/contact/c/?cle={token}").content.decode()
    assert '<a href="/metiers/D1102/">/metiers/D1102/</a>' in html
    assert '<a href="/structures/mission-locale-brest/">' in html
    # Nothing else becomes a link, and nothing typed is markup.
    services.post_message(
        conversation.pk, "visitor", '<a href="https://evil.example">x</a> https://evil.example/metiers/x/'
    )
    html = Client().get(f"/contact/c/?cle={token}").content.decode()
    assert 'evil.example">' not in html and "&lt;a href=" in html
    assert "projet/consulter" in adviser.get(f"/contact/equipe/c/{conversation.pk}/").content.decode()
    assert adviser.post(f"/contact/equipe/c/{conversation.pk}/orienter/", {"structure": "abc"}).status_code == 302


def test_callback_request_from_form_to_done(structures, adviser_a):
    requester = Client()
    response = requester.post("/contact/rappel/", {
        "name": "Awa", "phone": "06 12 34 56 78", "availability": "mercredi après-midi", "situation": "parents",
        "department": "35", "topic": "orientation",
    })  # fmt: skip
    assert response.status_code == 302
    status_url = response["Location"]
    assert "Reçue" in requester.get(status_url).content.decode()
    item = CallbackRequest.objects.get()
    adviser = verified_client(adviser_a)
    assert f"/contact/equipe/rappels/{item.pk}/" in adviser.get("/contact/equipe/").content.decode()
    assert "06 12 34 56 78" in adviser.get(f"/contact/equipe/rappels/{item.pk}/").content.decode()
    adviser.post(f"/contact/equipe/rappels/{item.pk}/", {"status": "done"})
    assert "Traitée" in requester.get(status_url).content.decode()
    assert AuditEntry.objects.filter(action="contact.callback.view", object_id=str(item.pk)).exists()
    assert adviser.post(f"/contact/equipe/rappels/{item.pk}/", {"status": "nimporte"}).status_code == 400


def test_activity_figures_are_for_the_region_team_only(structures, adviser_a, editor):
    start(Client())
    assert verified_client(adviser_a).get("/contact/equipe/activite/").status_code == 403
    page = verified_client(editor).get("/contact/equipe/activite/")
    html = page.content.decode()
    assert page.status_code == 200 and "CIO de Rennes" in html and "Lycéens" in html
    assert "Lou" not in html  # the first name given is personal data
