"""Routing, messages (numbered, idempotent, never after closing), referrals, call-backs, retention, figures."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hent.contact import services
from hent.contact.models import ActivityRecord, CallbackRequest, Conversation, Message, Referral
from hent.guidance.models import Structure
from tests.contact.conftest import make_staff, open_all_week

pytestmark = pytest.mark.django_db


def test_a_collegien_goes_to_the_cio_of_their_department(structures, adviser_a, adviser_b):
    routing = services.route("35", "collegiens")
    assert routing.structure == structures[0]
    assert "CIO de Rennes" in routing.reason and "Éducation nationale" in routing.reason


def test_a_young_person_goes_to_the_mission_locale(structures, adviser_a, adviser_b):
    assert services.route("29", "jeunes_16_25").structure == structures[1]


def test_a_structure_without_adviser_is_never_chosen(structures, adviser_b):
    # The CIO has nobody on Hent: a collégien of Ille-et-Vilaine cannot be answered there.
    routing = services.route("35", "collegiens")
    assert routing.structure != structures[0]


def test_outside_any_staffed_department_the_fitting_kind_elsewhere_answers(structures, adviser_a):
    routing = services.route("56", "lyceens")
    assert routing.structure == structures[0]
    assert "pas encore sur Hent dans votre département" in routing.reason


def test_nobody_at_all_leaves_the_conversation_to_the_region(structures):
    routing = services.route("35", "salaries")
    assert routing.structure is None and not routing.live
    conversation, _token, _ = services.create_conversation(topic="emploi", situation="salaries", department="35")
    assert conversation.status == Conversation.Status.MESSAGE_LEFT


def test_within_a_kind_the_structure_with_an_adviser_there_comes_first(structures, adviser_a):
    other = Structure.objects.create(
        slug="cio-vitre", kind="cio", name="CIO de Vitré", department="35", publics=["tous"]
    )
    open_all_week(other)
    adviser = make_staff("vitre", structure=other)
    services.touch_presence(adviser)
    routing = services.route("35", "collegiens")
    assert routing.structure == other and routing.live


def test_live_chat_needs_an_open_structure_and_an_adviser_there(structures, adviser_a):
    conversation, _token, routing = services.create_conversation(topic="metier", situation="lyceens", department="35")
    assert not routing.live  # nobody has opened the queue page yet
    assert conversation.status == Conversation.Status.MESSAGE_LEFT
    services.touch_presence(adviser_a)
    assert services.is_live(structures[0])
    structures[0].opening_hours.all().delete()
    assert not services.is_live(structures[0])  # closed: leave a message
    later = timezone.now() + datetime.timedelta(seconds=services.presence_seconds() + 5)
    open_all_week(structures[0])
    assert not services.is_live(structures[0], now=later)  # the adviser left long ago


def test_messages_are_numbered_and_a_resend_is_stored_once(structures, adviser_a):
    conversation, _token, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    first = services.post_message(conversation.pk, Message.Author.VISITOR, "Bonjour", "abc")
    again = services.post_message(conversation.pk, Message.Author.VISITOR, "Bonjour", "abc")
    second = services.post_message(conversation.pk, Message.Author.VISITOR, "Vous êtes là ?", "def")
    assert first.created and not again.created and again.message.pk == first.message.pk
    assert [m.text for m in services.messages_after(conversation.pk, first.message.seq - 1)] == [
        "Bonjour",
        "Vous êtes là ?",
    ]
    assert second.message.seq == first.message.seq + 1
    assert conversation.messages.filter(author="visitor").count() == 2


def test_an_adviser_answer_makes_the_conversation_active_and_mails_who_left_a_message(structures, adviser_a):
    conversation, _token, _ = services.create_conversation(
        topic="metier", situation="lyceens", department="35", email="eleve@example.org"
    )
    services.post_message(conversation.pk, Message.Author.VISITOR, "Je voudrais devenir infirmier", "a1")
    services.post_message(conversation.pk, Message.Author.ADVISER, "Bonjour ! Voici la fiche.", "b1", adviser_a)
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.ACTIVE and conversation.adviser == adviser_a
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["eleve@example.org"]
    assert "infirmier" not in mail.outbox[0].body  # the message itself never travels by e-mail
    services.post_message(conversation.pk, Message.Author.ADVISER, "Autre chose ?", "b2", adviser_a)
    assert len(mail.outbox) == 1  # once


def test_empty_and_closed_conversations_refuse_messages(structures, adviser_a):
    conversation, _token, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    with pytest.raises(services.ContactError, match="vide"):
        services.post_message(conversation.pk, Message.Author.VISITOR, " \n\u200b ", "x")
    services.close(conversation, by_visitor=True)
    with pytest.raises(services.ContactError, match="terminée"):
        services.post_message(conversation.pk, Message.Author.VISITOR, "encore", "y")


def test_message_text_is_cleaned_but_keeps_line_breaks():
    assert services.clean_message("  Bonjour\x00\r\n\r\n\r\n\r\nà   vous \u202e ") == "Bonjour\n\nà vous"
    assert len(services.clean_message("a" * 10000)) == services.MESSAGE_MAX


def test_referral_is_recorded_and_told_in_the_conversation(structures, adviser_a):
    conversation, _token, _ = services.create_conversation(topic="emploi", situation="lyceens", department="35")
    services.refer(conversation, structures[1], adviser_a)
    assert Referral.objects.get().structure == structures[1]
    last = conversation.messages.order_by("seq").last()
    assert "Mission locale de Brest" in last.text and "/structures/mission-locale-brest/" in last.text


def test_transcript_has_every_message(structures, adviser_a):
    conversation, _token, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    services.post_message(conversation.pk, Message.Author.VISITOR, "ligne 1\nligne 2", "a")
    services.post_message(conversation.pk, Message.Author.ADVISER, "réponse", "b", adviser_a)
    text = services.transcript(conversation)
    assert "  ligne 1\n  ligne 2" in text and "réponse" in text and "CIO de Rennes" in text


def test_callback_reaches_the_structure_and_its_status_is_followed(structures, adviser_a):
    item, token, _ = services.create_callback(
        name="Awa", phone="06 00 00 00 00", availability="mercredi après-midi", topic="formation",
        situation="parents", department="35",
    )  # fmt: skip
    assert item.structure == structures[0] and item.status == CallbackRequest.Status.NEW
    assert services.callback_by_token(token) == item
    services.set_callback_status(item, "in_progress", adviser_a)
    assert services.callback_by_token(token).status == "in_progress"
    with pytest.raises(services.ContactError):
        services.create_callback(name="X", availability="x", topic="autre", situation="parents", department="35")
    assert not mail.outbox  # no address given: nobody to tell


def test_who_gave_an_address_is_told_when_the_status_changes(structures, adviser_a):
    item, _token, _ = services.create_callback(
        name="Awa", email="awa@example.org", availability="mercredi après-midi", topic="formation",
        situation="parents", department="35",
    )  # fmt: skip
    services.set_callback_status(item, "in_progress", adviser_a)
    services.set_callback_status(item, "in_progress", adviser_a)  # no change: no second e-mail
    services.set_callback_status(item, "done", adviser_a)
    assert [m.to for m in mail.outbox] == [["awa@example.org"]] * 2
    assert "En cours de traitement" in mail.outbox[0].subject and "Traitée" in mail.outbox[1].body
    assert "mercredi" not in mail.outbox[1].body and "Awa" not in mail.outbox[1].body  # nothing of the request


def test_purge_deletes_what_is_older_than_the_retention_period(structures, settings):
    settings.HENT_CONVERSATION_RETENTION_DAYS = 30
    old, _t, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    recent, _t, _ = services.create_conversation(topic="metier", situation="lyceens", department="35")
    request, _t, _ = services.create_callback(
        name="A", phone="0600000000", availability="x", topic="autre", situation="lyceens", department="35"
    )
    long_ago = timezone.now() - datetime.timedelta(days=31)
    Conversation.objects.filter(pk=old.pk).update(updated_at=long_ago)
    CallbackRequest.objects.filter(pk=request.pk).update(updated_at=long_ago)
    call_command("purge_conversations", "--dry-run")
    assert Conversation.objects.count() == 2
    call_command("purge_conversations")
    assert list(Conversation.objects.all()) == [recent]
    assert not CallbackRequest.objects.exists() and not Message.objects.filter(conversation_id=old.pk).exists()
    assert ActivityRecord.objects.filter(channel="chat").count() == 2  # the anonymous counts stay


def test_activity_figures_count_without_personal_data(structures, adviser_a):
    services.create_conversation(topic="metier", situation="lyceens", department="35", first_name="Zoé")
    services.create_conversation(topic="metier", situation="collegiens", department="35")
    services.create_callback(
        name="Jean Dupont", phone="0600000000", availability="x", topic="emploi", situation="parents", department="35"
    )
    figures = services.activity()
    assert figures.total == 3
    assert dict(figures.by_topic) == {"Découvrir un métier": 2, "Trouver un emploi, un stage, une alternance": 1}
    assert dict(figures.by_structure) == {"CIO de Rennes": 3}
    assert dict(figures.by_channel) == {"Conversation en ligne": 2, "Demande de rappel": 1}
    fields = {f.name for f in ActivityRecord._meta.get_fields()}
    assert not fields & {"first_name", "name", "email", "phone", "text", "conversation"}
