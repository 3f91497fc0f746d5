import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from hent.contact.models import SITUATION_CHOICES, CallbackRequest, Topic
from hent.contact.services import MESSAGE_MAX
from hent.core.text import clean_input
from hent.territories import services as territories

OUTSIDE_REGION = "00"
DEPARTMENT_SHAPE = RegexValidator(r"^(?:[0-9]{2}|2[AB]|97[0-9])$", _("Un numéro de département, par exemple 35."))
_PHONE = re.compile(r"^\+?[0-9 .()-]{6,25}$")


def department_field():
    departments = [(d.code, str(d)) for d in territories.departments()]
    if not departments:  # geography not imported: a code typed in
        return forms.CharField(
            label=_("Votre département"), max_length=3, validators=[DEPARTMENT_SHAPE], help_text=_("Par exemple 35.")
        )
    return forms.ChoiceField(
        label=_("Votre département"),
        choices=[("", _("Choisissez…")), *departments, (OUTSIDE_REGION, _("Hors de la région"))],
    )


class ContactForm(forms.Form):
    """Who the person is, as much as needed to route them (no account, nothing compulsory about identity)."""

    first_name = forms.CharField(
        label=_("Votre prénom (facultatif)"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    situation = forms.ChoiceField(label=_("Vous êtes…"), choices=[("", _("Choisissez…")), *SITUATION_CHOICES])
    topic = forms.ChoiceField(label=_("Votre question porte sur…"), choices=[("", _("Choisissez…")), *Topic.choices])
    email = forms.EmailField(
        label=_("Votre adresse électronique (facultatif)"),
        required=False,
        max_length=254,
        help_text=_("Pour recevoir le lien de la conversation et être prévenu d'une réponse. Rien d'autre."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"] = department_field()
        self.order_fields(["first_name", "situation", "department", "topic", "email"])

    def clean_first_name(self):
        return clean_input(self.cleaned_data.get("first_name"), 50)


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Votre message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MESSAGE_MAX}),
    )
    client_id = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)


class CallbackForm(forms.Form):
    name = forms.CharField(
        label=_("Votre nom ou prénom"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Téléphone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Ou adresse électronique"),
        required=False,
        max_length=254,
        help_text=_("Nous vous écrirons quand votre demande change d'état."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    availability = forms.CharField(
        label=_("Quand êtes-vous disponible ?"),
        max_length=300,
        help_text=_("Par exemple : en semaine après 17 h, le mercredi après-midi."),
    )
    situation = forms.ChoiceField(label=_("Vous êtes…"), choices=[("", _("Choisissez…")), *SITUATION_CHOICES])
    topic = forms.ChoiceField(label=_("Votre question porte sur…"), choices=[("", _("Choisissez…")), *Topic.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"] = department_field()
        self.order_fields(["name", "phone", "email", "availability", "situation", "department", "topic"])

    def clean_name(self):
        name = clean_input(self.cleaned_data.get("name"), 100)
        if not name:
            raise forms.ValidationError(_("Indiquez un nom ou un prénom."))
        return name

    def clean_phone(self):
        phone = clean_input(self.cleaned_data.get("phone"), 30)
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(_("Un numéro de téléphone, par exemple 02 99 00 00 00."))
        return phone

    def clean_availability(self):
        value = clean_input(self.cleaned_data.get("availability"), 300)
        if not value:
            raise forms.ValidationError(_("Indiquez quand vous êtes disponible."))
        return value

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("phone") and not data.get("email"):
            raise forms.ValidationError(_("Indiquez un numéro de téléphone ou une adresse électronique."))
        return data


class CallbackStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("État de la demande"), choices=CallbackRequest.Status.choices)


class CatalogueForm(forms.Form):
    q = forms.CharField(label=_("Chercher un métier, une formation, une structure"), max_length=100)


class ReferForm(forms.Form):
    structure = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class InsertForm(forms.Form):
    text = forms.CharField(widget=forms.HiddenInput, max_length=500)
