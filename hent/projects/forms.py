import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from hent.projects import keys
from hent.projects.models import ProjectItem
from hent.projects.services import NOTE_MAX_LENGTH, STEP_TITLE_MAX_LENGTH

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
FIRST_YEAR, LAST_YEAR = 2000, 2100


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlanDateField(forms.DateField):
    """An optional date, typed as the browser's date picker sends it (2025-03-14) or as people write it."""

    default_error_messages = {"invalid": _("Cette date n'est pas valide. Écrivez-la comme 14/03/2026.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("widget", DateInput())
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()[:20]
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Choisissez une date entre %(first)s et %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )


class AddItemForm(forms.Form):
    kind = forms.ChoiceField(choices=ProjectItem.Kind.choices)
    ref = forms.CharField(max_length=40)
    next = forms.CharField(max_length=2000, required=False)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code du projet"),
        max_length=40,
        help_text=_("8 lettres et chiffres, par exemple ABCD-EFGH. Les tirets et les espaces ne comptent pas."),
        error_messages={"required": _("Tapez le code du projet.")},
    )

    def clean_code(self):
        code = keys.normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("Ce code n'a pas la bonne forme : il a 8 lettres et chiffres, par exemple ABCD-EFGH.")
            )
        return code


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Votre note"),
        max_length=NOTE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        error_messages={
            "required": _("La note est vide : écrivez quelque chose avant d'enregistrer."),
            "max_length": _(
                "Votre note est trop longue : %(limit_value)d caractères au plus (elle en a %(show_value)d)."
            ),
        },
    )


class EditNoteForm(NoteForm):
    text = forms.CharField(
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        error_messages=NoteForm.base_fields["text"].error_messages,
    )


class StepForm(forms.Form):
    """One step of the plan: its status and its date (prefix "etape-<id>")."""

    status = forms.ChoiceField(
        choices=[("a-faire", _("À faire")), ("fait", _("Fait"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez « À faire » ou « Fait »."),
            "invalid_choice": _("Choisissez « À faire » ou « Fait »."),
        },
    )
    date = PlanDateField(label=_("Date (facultatif)"))

    @classmethod
    def for_step(cls, step, data=None):
        initial = {"status": "fait" if step.done else "a-faire", "date": step.date}
        return cls(data=data, prefix=f"etape-{step.pk}", initial=initial)


class NewStepForm(forms.Form):
    title = forms.CharField(
        label=_("Nom de l'étape"),
        max_length=STEP_TITLE_MAX_LENGTH,
        help_text=_("Par exemple : « Aller au salon de l'étudiant » ou « Appeler le CIO »."),
        error_messages={
            "required": _("Donnez un nom à votre étape."),
            "max_length": _("Ce nom est trop long : %(limit_value)d caractères au plus."),
        },
    )
    date = PlanDateField(label=_("Date (facultatif)"))


class CommuneSearchForm(forms.Form):
    commune = forms.CharField(label=_("Une commune ou un code postal"), max_length=100)


def today():
    return datetime.date.today()
