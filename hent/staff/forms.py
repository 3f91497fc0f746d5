from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hent.core.text import clean_input

from . import totp


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Identifiant"), max_length=150, strip=True)
    password = forms.CharField(label=_("Mot de passe"), max_length=4096, strip=False, widget=forms.PasswordInput)

    def clean_username(self):
        return clean_input(self.cleaned_data["username"], 150)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code à 6 chiffres"),
        help_text=_("Le code affiché par votre application d'authentification. Il change toutes les 30 secondes."),
        max_length=20,
    )

    def clean_code(self):
        code = totp.normalize_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(_("Saisissez les 6 chiffres du code, sans lettre."))
        return code


class StaffPasswordResetForm(PasswordResetForm):
    """Only staff accounts can reset a password here — including an account whose set-password link expired."""

    def get_users(self, email):
        User = get_user_model()
        email_field = User.get_email_field_name()
        users = User._default_manager.filter(
            Q(staff_profile__isnull=False) | Q(is_superuser=True),
            **{f"{email_field}__iexact": email, "is_active": True},
        ).distinct()
        return (user for user in users if (getattr(user, email_field) or "").casefold() == email.casefold())


class JournalFilterForm(forms.Form):
    user = forms.CharField(label=_("Identifiant du compte"), max_length=150, required=False)
    action = forms.CharField(label=_("Action"), max_length=64, required=False)
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean_user(self):
        return clean_input(self.cleaned_data["user"], 150)

    def clean_action(self):
        return clean_input(self.cleaned_data["action"], 64)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("La date de début est après la date de fin."))
        return data


class AdviserForm(forms.Form):
    """A manager adds an adviser to their structure; the adviser chooses their password from an e-mailed link."""

    username = forms.RegexField(
        label=_("Identifiant"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text=_("Lettres, chiffres et . @ + - _ seulement, par exemple prenom.nom."),
        error_messages={"invalid": _("Lettres, chiffres et . @ + - _ seulement.")},
    )
    email = forms.EmailField(label=_("Adresse électronique professionnelle"), max_length=254)
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model()._default_manager.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Cet identifiant est déjà pris : choisissez-en un autre."))
        return username

    def clean_first_name(self):
        return clean_input(self.cleaned_data["first_name"], 150)

    def clean_last_name(self):
        return clean_input(self.cleaned_data["last_name"], 150)
